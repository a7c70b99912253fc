"""Quotes: a direct quotation is a claim of whoever says it.

The speaker is named by a speech verb beside the quote: after it ('"…," Wahlgren wrote', '"…,"
said her lawyer, Martin Kessling'), or before it in the same sentence (刘鹏飞表示：“…”, 'She
wrote: "…"', 'X told analysts that Y had "…"'). A quote standing alone right after a quote of
the same paragraph continues its speaker. A spokesperson speaks for the organisation
(驰远汽车相关负责人表示, "a Chiyuan spokesperson said"); an unnamed employee or analyst of an
organisation does not. Scare quotes (“原价”, short words) are not quotes.
"""

from __future__ import annotations

import re

from verifier.claims.entities import Mention
from verifier.normalize.values import QuoteValue

_POSSESSIVE_AFTER = re.compile(r"\s*(?:的|'s|’s)")  # X的, X's: X owns what follows, does not say it


def quote_claims(view) -> None:
    ex, lex = view.ex, view.lex
    speakers = [m for m in view.mentions if m.entity and m.type in ("person", "org")]
    for q in view.inside:
        words = ex.text[q.start:q.end].strip()
        if len(words) < lex.quote_min or _is_scare_quote(words):
            continue
        if any(q2.open < q.open and q.end <= q2.end for q2 in view.inside):
            continue  # a quote inside a quote
        if _introduced(view, q):  # X表示：「…」另一家的主席Y则未有回应: X's, whatever follows
            speaker, how = _before(view, q, speakers)
        else:
            speaker, how = _after(view, q, speakers)
            if speaker is None:
                speaker, how = _before(view, q, speakers)
        if speaker is None:
            speaker, how = _continued(view, q)
        if speaker is None:
            continue
        start = q.start + (len(ex.text[q.start:q.end]) - len(ex.text[q.start:q.end].lstrip()))
        end = start + len(words)
        claim = ex._add(view.sentence, "quote", speaker, "said", "said", QuoteValue(quote=words), start, end, None,
                        {"link": how, "subject": how})
        if claim is not None:
            ex.last_speaker = (claim.subject, view.sentence.paragraph, q.end)


INTRODUCED_REACH = 10  # characters before a quote's opening mark where a speech verb and a colon introduce it


def _introduced(view, q) -> bool:
    """Whether a speech verb and a colon open the quote (X表示：「…」, 'X said: "…"')."""
    ex = view.ex
    lo = max(view.sentence.start, q.open - INTRODUCED_REACH)
    colon = re.search(r"[：:]\s*$", ex.folded[lo:q.open])
    return bool(colon) and view.lex.speech_re.search(ex.folded, lo, lo + colon.start()) is not None


def _is_scare_quote(words: str) -> bool:
    """A word or two in quotation marks (“原价”, "was"), not a statement."""
    if any("\u4e00" <= ch <= "\u9fff" for ch in words):
        return len(words) < 4
    return len(words.split()) < 3


def _speaks_for(view, m: Mention) -> Mention | None:
    """An organisation's spokesperson speaks for it; an unnamed employee or analyst does not."""
    ex, lex = view.ex, view.lex
    if m.type != "org":
        return m
    if lex.spokesperson_re.match(ex.lower, m.end):
        return m
    if lex.anonymous_re.match(ex.lower, m.end):
        return None
    return m


def _after(view, q, speakers):
    ex, lex = view.ex, view.lex
    end = min(view.sentence.end, q.end + 1 + lex.verb_after)
    verb = lex.speech_re.search(ex.folded, q.end + 1, end)
    if not verb:
        return None, ""
    # no other quote between the quote and its verb
    if any(q.end < other.open < verb.start() for other in view.inside):
        return None, ""
    between = [m for m in speakers if q.end < m.start and m.end <= verb.start()
               and ex.lower[m.start:m.end] not in lex.not_speakers_after_verb]  # '"…," her lawyer said
    people = [m for m in between if m.type == "person"]
    pick = people[0] if people else (between[0] if between else None)  # (the subject: an appositive follows it)
    if pick is None:
        # "…," said Gwendolyn Arkwright / said her lawyer, Martin Kessling
        tail = [m for m in speakers if verb.end() <= m.start <= verb.end() + 40
                and ex.lower[m.start:m.end] not in lex.not_speakers_after_verb]
        people = [m for m in tail if m.type == "person"]
        pick = people[0] if people else (tail[0] if tail else None)
        if pick is None and re.match(r"\s*(?:the\s+)?(?:spokesperson|spokeswoman|spokesman)", ex.lower[q.end + 1:verb.start()]):
            org = view._topic(("org",))
            return (org, "spokesperson of the topic organisation") if org else (None, "")
    if pick is None:
        return None, ""
    pick = _speaks_for(view, pick)
    return (pick, f"named by '{ex.text[verb.start():verb.end()]}' after the quote") if pick else (None, "")


def _before(view, q, speakers):
    ex, lex = view.ex, view.lex
    verbs = [m for m in lex.speech_re.finditer(ex.folded, view.sentence.start, q.open)
             if not any(o.open <= m.start() <= o.end for o in view.inside)]
    if not verbs:
        return None, ""
    verb = verbs[-1]
    # another quote between the verb and this one belongs to the verb
    if any(verb.end() <= o.open < q.open for o in view.inside if o is not q):
        return None, ""
    clause = view.clause(verb.start())
    usable = [m for m in speakers if view.sentence.start <= m.start and m.end <= verb.start()
              and not any(o.open <= m.start < o.end + 1 for o in view.inside)
              and not view._prepositional(m)
              and not _POSSESSIVE_AFTER.match(ex.lower[m.end:m.end + 3])
              and ex.lower[m.start:m.end] not in lex.not_speakers_after_verb]  # "confirmed her departure and said"
    for pool in ([m for m in usable if m.start >= clause.start], usable):
        people = [m for m in pool if m.type == "person"]
        spokes = lex.spokesperson_re.match(ex.lower, pool[0].end) if pool and pool[0].type == "org" else None
        if spokes and not any(not m.pronoun and 0 <= m.start - spokes.end() <= 2 for m in people):
            # "A Vexa spokesperson confirmed …, and said": the spokesperson is the subject (unless
            # named right after: 该公司发言人卡拉·温特说 is hers)
            return pool[0], f"spokesperson, subject of '{ex.text[verb.start():verb.end()]}' before the quote"
        if people:
            return people[-1] if ex.chinese else people[0], f"subject of '{ex.text[verb.start():verb.end()]}' before the quote"
        if pool:
            m = _speaks_for(view, pool[-1])
            if m:
                return m, f"subject of '{ex.text[verb.start():verb.end()]}' before the quote"
    # the letter, signed by X, said "…": the person the sentence names
    people = [m for m in speakers if view.sentence.start <= m.start < q.open and m.type == "person"]
    if people:
        return people[0], "the person the sentence names"
    return None, ""


def _continued(view, q):
    """A quote with no speech verb right after another quote of the same paragraph."""
    ex = view.ex
    last = getattr(ex, "last_speaker", None)
    if last is None:
        return None, ""
    subject, paragraph, end = last
    if paragraph != view.sentence.paragraph or q.open - end > 200:
        return None, ""
    between = ex.text[end + 1:q.open]
    if len(between.strip()) > 120:
        return None, ""
    return Mention(q.open, q.open, subject, "person"), "continues the quote before it"
