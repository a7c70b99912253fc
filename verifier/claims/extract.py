"""From a source's text to its claims, clause by clause.

For each sentence of article text the extractor has the values in it (the normalizers), the
event words of predicates (verifier/data/predicates.toml), the names (EntityIndex, pronouns
resolved) and the sentence's clauses (clauses.py). Then:

1. Counts of a group (founders, employees) are read in their frames (groups.py).
2. Every other value is linked to the event word that takes it, scored by distance in words,
   clause boundaries crossed, the side it stands on, event words in between, and reported
   speech ("said on Monday that she is leaving": the date of "said" is the leaving's).
3. The subject is found by the role the event word gives it (agent, patient, owner,
   recipient, holder): the subject of its clause (skipping appositives and relative clauses),
   the object after it, the subject of a passive, an owner before 's/的, or the topic the
   clauses before carry on.
4. Dates that point back (同月, the same day, 两天后) take the date of the last event told.
5. Quotes are claims of their speaker.

Every claim says what produced it (`why`): the value's pattern, the link and its cost, the rule
that chose the subject. `verifier extract --explain` prints it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from bisect import bisect_left, bisect_right
from itertools import accumulate
from dataclasses import dataclass, replace

from verifier.claims.clauses import Clause, clause_of, crossing, split, tells_own_event
from verifier.claims.discourse import resolve_pronouns, role_mentions
from verifier.claims.entities import Mention
from verifier.text.fold import fold
from verifier.claims.lexicon import Lexicon, Sense, lexicon
from verifier.claims.model import Claim
from verifier.claims.ages import age_claims, is_age
from verifier.normalize.values import CountValue, DateValue, Found, MoneyValue, QuoteValue
from verifier.text.segment import Quote, Sentence, quotes
from verifier.tables import table

EVENT_KINDS = ("date", "money", "percent", "duration", "count")
UNATTRIBUTED = "(no one named)"
LINK_WINDOW = 1500  # characters: no value is linked to an event word farther away (no sentence is that long)
CJK_WORD = 0.6  # a Chinese character counts as this many words in link distances
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-]*")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_POSSESSIVE_AFTER = re.compile(r"\s*(?:的|'s|’s)")
_UNNAMED = Mention(0, 0, "", "none")  # a passive's doer the text does not name
_DETERMINER_AT_END = re.compile(r"(?i)(?:the|a|an|his|her|its|their|our)\s*$")
_LAST_WORD = re.compile(r"\s+\w+\s*$")
_N_DAYS = re.compile(r"^in_(\d+)_(day|week|month|year)s$")
_DAY_UNITS = {"day": 1, "week": 7}


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    surface: str
    senses: tuple[Sense, ...]


@dataclass
class Link:
    trigger: Trigger
    sense: Sense
    cost: float
    how: str


class Words:
    """Distances in words in a text: a Latin word or a number is one, a Chinese character 0.6
    of one. Counted from the positions of the words and of the runs of Chinese, found once, so
    a distance costs the same however far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._run_starts: list[int] | None = None
        self._run_ends: list[int] = []
        self._cjk_before: list[int] = []  # Chinese characters before each run
        self._word_starts: list[int] = []
        self._word_ends: list[int] = []

    def _index(self) -> None:
        if self._run_starts is None:
            runs = [m.span() for m in _CJK_RUN.finditer(self.text)]
            self._run_ends = [e for _, e in runs]
            self._cjk_before = list(accumulate((e - s for s, e in runs), initial=0))
            words = [m.span() for m in _LATIN_WORD.finditer(self.text)]
            self._word_starts = [w[0] for w in words]
            self._word_ends = [w[1] for w in words]
            self._run_starts = [s for s, _ in runs]

    def _cjk_upto(self, pos: int) -> int:
        """The Chinese characters before a position."""
        i = bisect_right(self._run_starts, pos) - 1
        return self._cjk_before[i] + min(pos, self._run_ends[i]) - self._run_starts[i] if i >= 0 else 0

    def between(self, a: int, b: int) -> float:
        if a > b:
            a, b = b, a
        self._index()
        starts = self._word_starts
        latin = bisect_left(starts, b) - bisect_left(starts, a)
        inside = bisect_left(starts, a) - 1  # the word `a` may fall inside of
        if inside >= 0 and a < self._word_ends[inside] and _ALNUM.search(self.text, a, min(b, self._word_ends[inside])):
            latin += 1  # counting from inside a word: its rest is one
        return latin + CJK_WORD * (self._cjk_upto(b) - self._cjk_upto(a))


@table("extract")
def _join_re() -> re.Pattern[str]:
    """A和B, "A and B", "A, B": not "A, which B …" (a relative clause names someone else)."""
    from verifier.lang import alternation, lang

    clauses = lang("en")["clauses"]
    relative = alternation(sorted({*clauses["relative"], *clauses["relative_subjects"]}))
    # (after the joining word, a few characters or up to three lower-case words: "and finance chief B")
    return re.compile(rf"^[)）\s]*(?:和|与|及|、|以及|and|,|，)(?!\s*(?:{relative})\b)\s*"
                      rf"(?:[^，。,;；：:()（）]{{0,12}}|(?:[a-z][a-z\-]*\s+){{1,3}})$", re.IGNORECASE)


PASSIVE_DOER_CHARS = 8  # 被 and its event word this far apart: the words between name the doer
YOU_ROLE_CHARS = 8  # 由 and the person who does it this far apart: the words between are a role (由副总裁陈国栋代理)
_CLAUSE_MARK = re.compile(r"[，,。；;：:、]")
_AGE_ONLY = re.compile(r"\d{1,3}")  # a clause that is an age alone (", 66,")
OBJECT_REACH = 16  # characters from an event word to the organisation it is done to (joined X, 加入竞争对手X)
LOCAL_PART_REACH = 12  # characters from a share to the words that make it one place's staff's
_LIST_MARK = re.compile(r"\s*[、，,；;]")  # the next item of a list (罚1200万元、恒信证券480万元)


@table("extract")
def _classifiers() -> frozenset[str]:
    from verifier.lang import lang

    return frozenset(fold(c) for c in lang("zh")["count"]["classifiers"])


_GLOSS_AFTER = re.compile(r"\s*(?:[（(][^（）()]{1,40}[）)]|[）)])")  # a gloss after a name (or the gloss's end)
TOLD_BY_ANOTHER = " (told by another)"  # a link through someone else's report of the event


class Extractor:
    def __init__(self, source_id: str, text: str, folded: str, sentences: list[Sentence],
                 values: list[Found], mentions: list[Mention], language: str,
                 published: dt.date | None = None, tz: str | None = None,
                 excluded: list[tuple[int, int]] | None = None) -> None:
        self.source = source_id
        self.text = text
        self.folded = folded
        self.lower = folded.lower()
        self.sentences = sentences
        self.chinese = language != "en"
        self.published = published
        self.tz = tz
        self.lex: Lexicon = lexicon()
        excluded = excluded or []
        self.excluded = excluded  # the dateline's words ("HONG KONG, June 9 (Reuters) -")
        self.values = sorted((v for v in values if not any(a <= v.start < b for a, b in excluded)),
                             key=lambda v: v.start)
        self.org_topics: dict[int, str] = {}  # sentence index -> the most salient organisation
        mentions = role_mentions(folded, mentions, sentences)
        self.mentions = resolve_pronouns(mentions, sentences, self._in_quote, self._demoted, self.org_topics)
        self.words = Words(folded)
        self.claims: dict[str, Claim] = {}
        self.last_date: tuple[DateValue, str] | None = None  # the last event date told, for 同日/两天后
        self.by_predicate: dict[str, Claim] = {}  # the last claim of each predicate
        self.in_sentence: dict[int, list[Claim]] = {}  # sentence start -> its claims
        self.buyer: str | None = None  # who buys, in the article's acquisition
        self.period: str | None = None  # the period the article's last figure summed over a period was of
        self.period_of: frozenset[str] = frozenset()  # the organisations the sentence that stated it named
        self.last_object: dict[str, str] = {}  # predicate -> what its last event word was done to
        self.mention_starts = [m.start for m in self.mentions]
        self._sentence_index = {(x.start, x.end): i for i, x in enumerate(sentences)}
        self._sentence_starts = [x.start for x in sentences]
        self.local_currency, self.generic_units = _local_currency(text, folded, language, tz)
        self.fiscal_end = _fiscal_end(folded)  # (years from a fiscal year's number to its end, its last month)

    _quote_mark = re.compile("[“「『\"‘]")
    _FIRST_PERSON = re.compile(r"我(?!们)|(?<![A-Za-z])(?:I|my|me)(?![A-Za-z])")

    def _first_person(self, q: Quote) -> list[Mention]:
        """我/I/my in a quotation stand for its speaker (“今天（11月4日）是我在栖木的最后一天”)."""
        speaker = next((c for c in self.in_sentence.get(self._sentence_at(q.start), ())
                        if c.kind == "quote" and q.start <= c.start < q.end + 1), None)
        if speaker is None:
            return []
        return [Mention(m.start(), m.end(), speaker.subject, "person", pronoun=True)
                for m in self._FIRST_PERSON.finditer(self.text, q.start, q.end)][:1]

    def _sentence_at(self, pos: int) -> int:
        """The start of the sentence holding a position."""
        i = bisect_left(self._sentence_starts, pos + 1) - 1
        return self.sentences[i].start if i >= 0 else 0

    def previous_sentence(self, sentence: Sentence) -> Sentence | None:
        """The sentence before this one in the same paragraph."""
        i = self._sentence_index.get((sentence.start, sentence.end))
        if not i:
            return None
        prev = self.sentences[i - 1]
        return prev if prev.paragraph == sentence.paragraph else None

    def _outside_values(self, triggers: list[Trigger], values: list[Found], sentence: Sentence) -> list[Trigger]:
        """The event words not inside a value (a word inside a value goes); where a word ran on
        past the value it began in, the word right after the value, if there is one (去年薪酬:
        not 年薪 across the date 去年, but 薪酬)."""
        out = []
        for t in triggers:
            inside = next((v for v in values if (_core(v, self.lower) <= t.start < v.end or t.start <= _core(v, self.lower) < t.end)
                           and not _count_word(v, t, self.text)), None)
            if inside is None:
                out.append(t)
            elif inside.end < t.end:
                m = self.lex.trigger_re.match(self.folded, inside.end, sentence.end)
                senses = self.lex.senses_of(m.group(0)) if m else None
                if senses and not any(k.start == m.start() for k in triggers):
                    out.append(Trigger(m.start(), m.end(), m.group(0), tuple(senses)))
        return out

    # ------------------------------------------------------------------ small helpers
    def past_dateline(self, *starts: int) -> tuple[int, ...]:
        """Each position, moved past the dateline's words when it falls in them (its city is where
        the story was filed, no place of what it tells)."""
        return tuple(next((b for a, b in self.excluded if a <= pos < b), pos) for pos in starts)

    def _in_quote(self, pos: int) -> bool:
        line_start = self.text.rfind("\n", 0, pos) + 1
        opened = sum(self.text.count(c, line_start, pos) for c in "“「『")
        closed = sum(self.text.count(c, line_start, pos) for c in "”」』")
        return opened > closed


    def _demoted(self, m: Mention) -> bool:
        """A weak antecedent: a name after a preposition (由X领投, "led by X"), or an investor
        named before its part in a round (老股东橡岭资本跟投)."""
        if self._after_preposition(m):
            # unless a clause describing it follows: it is then who the sentence goes on about
            # ("not related to Tenby Electronics, a supplier that said it would cut 400 jobs")
            return not (m.type == "org" and self.lex.described_after_re.match(self.folded, m.end))
        if m.start and self.folded[m.start - 1] in "（(" and not m.pronoun:
            return True  # 翡翠创投（Jadeite Ventures）: a gloss; the name before it is weighed
        gloss = _GLOSS_AFTER.match(self.folded, m.end)
        return self.lex.investor_part_re.match(self.folded, gloss.end() if gloss else m.end) is not None

    def _after_preposition(self, m: Mention) -> bool:
        before = _DETERMINER_AT_END.sub("", self._before(m.start, 18))
        return bool(self.lex.preposition_re.search(before))

    def _before(self, pos: int, width: int = 14) -> str:
        return self.lower[max(0, pos - width):pos]

    def _add(self, sentence: Sentence, kind: str, subject: Mention, predicate: str, label: str, value,
             start: int, end: int, trigger: Trigger | None, why: dict[str, str], hedged: bool = False,
             tz: str | None = None, scope: dict[str, str] | None = None) -> Claim | None:
        cid = Claim.make_id(self.source, start, end, predicate, subject.entity)
        if cid in self.claims:
            return None
        claim = Claim(
            id=cid, source=self.source, kind=kind, subject=subject.entity, predicate=predicate,
            value=value, text=self.text[start:end], start=start, end=end,
            sentence=(sentence.start, sentence.end),
            trigger=self.text[trigger.start:trigger.end] if trigger else None,
            subject_text=self.text[subject.start:subject.end] or None, hedged=hedged, label=label,
            tz=tz, scope=scope or {}, why=why,
        )
        self.claims[cid] = claim
        self.in_sentence.setdefault(sentence.start, []).append(claim)
        self.by_predicate[predicate] = claim
        return claim

    # ------------------------------------------------------------------ main
    def run(self) -> list[Claim]:
        if not self.sentences:
            return []
        start, end = self.sentences[0].start, self.sentences[-1].end
        triggers = []
        for m in self.lex.trigger_re.finditer(self.folded, start, end):
            senses = self.lex.senses_of(m.group(0))
            if senses:
                triggers.append(Trigger(m.start(), m.end(), m.group(0), tuple(senses)))
        mention_starts = [m.start for m in self.mentions]
        trigger_starts = [t.start for t in triggers]
        value_starts = [v.start for v in self.values]
        for sentence in self.sentences:
            age_claims(self, sentence, _within(self.mentions, mention_starts, sentence))
            s_values = _within(self.values, value_starts, sentence)
            if not s_values and not self._quote_mark.search(self.text, sentence.start, sentence.end) and \
                    not self.lex.anaphora_re.search(self.folded, sentence.start, sentence.end):
                s_triggers = [t for t in _within(triggers, trigger_starts, sentence) if any(x.object_only for x in t.senses)]
                if s_triggers:  # nothing to claim, but what is bought here may be inherited later
                    SentenceView(self, sentence, (), [], s_triggers, _within(self.mentions, mention_starts, sentence))._note_objects()
                continue
            claims, told = len(self.claims), dict(self.by_predicate)
            try:
                self._sentence(sentence, s_values, _within(triggers, trigger_starts, sentence),
                               _within(self.mentions, mention_starts, sentence))
            except Exception as exc:  # a bug: this sentence is not read (listed as unclaimed), the others are
                if os.environ.get("VERIFIER_DEBUG"):
                    raise
                for cid in list(self.claims)[claims:]:
                    del self.claims[cid]
                for start in [k for k in self.in_sentence if sentence.start <= k < sentence.end]:
                    del self.in_sentence[start]
                self.by_predicate = told
                line = self.text.count("\n", 0, sentence.start) + 1
                print(f"verifier: warning: internal error in {self.source}, line {line}: {type(exc).__name__}: {exc}; "
                      "the sentence was skipped (set VERIFIER_DEBUG=1 for the traceback)", file=sys.stderr)
        self._drop_told_when_dated()
        return sorted(self.claims.values(), key=lambda c: (c.start, c.end, c.predicate, c.subject))

    def _sentence(self, sentence: Sentence, s_values: list, s_triggers: list, s_mentions: list) -> None:
        """The claims of one sentence with values, event words or quotes."""
        inside = quotes(self.text, sentence.start, sentence.end)
        # 最后一天 is an event word, not a duration of one day: a value inside a word goes; a
        # word inside a value goes
        s_values = [v for v in s_values if not any(t.start <= v.start and v.end <= t.end for t in s_triggers)]
        s_triggers = self._outside_values(s_triggers, s_values, sentence)
        view = SentenceView(self, sentence, inside, s_values, s_triggers, s_mentions)
        view.extract()
        self._respectively(sentence, s_mentions)
        # inside a quote, only what it says of an entity it names: “OpenAI一年的亏损可能高达50亿美元”
        for q in inside:
            span = Sentence(q.start, q.end, sentence.paragraph)
            q_mentions = [m for m in s_mentions if q.start <= m.start and m.end <= q.end and not m.pronoun]
            q_mentions += self._first_person(q)
            q_mentions.sort(key=lambda m: m.start)
            if not q_mentions:
                continue
            q_values = [v for v in s_values if q.start <= v.start and v.end <= q.end]
            q_triggers = [t for t in s_triggers if q.start <= t.start and t.end <= q.end]
            if q_values and q_triggers:
                sub = SentenceView(self, span, (), q_values, q_triggers, q_mentions, quoted_in=sentence)
                sub.extract_values()

    def _respectively(self, sentence: Sentence, mentions: list) -> None:
        """A、B及C分别罚款X、Y及Z, "A, B and C were fined X, Y and Z respectively": each name takes
        its own figure, in order (the names: the last ones before the word, as many as the
        figures); a figure its clause calls a total (合共2.5亿元) is none of theirs. When the names
        cannot be told, none of the figures is claimed: better none than another's."""
        marks = list(self.lex.respectively_re.finditer(self.folded, sentence.start, sentence.end))
        if not marks:
            return
        mine = [c for c in self.claims.values() if sentence.start <= c.start < sentence.end and c.kind not in ("date", "quote")]
        for predicate in sorted({c.predicate for c in mine}):
            claims = [c for c in mine if c.predicate == predicate]
            if len({c.subject for c in claims}) < 2:
                continue  # one name's figures listed against something else (三档票据…票面利率分别为4%、5%及6.5%)
            spans = sorted({(c.start, c.end) for c in claims}
                           - {(c.start, c.end) for c in claims if c.scope.get("of") == "total"
                              or self.lex.cumulative_re.search(self.folded, max(sentence.start, c.start - 6), c.start)})
            types = self.lex.predicates[predicate].types
            names: list[str] = []
            for m in sorted(mentions, key=lambda m: m.start):
                if m.end <= marks[0].start() and m.entity and not m.pronoun and m.type in types \
                        and (not names or names[-1] != m.entity):
                    names.append(m.entity)  # (a name and its gloss count once)
            named = names[-len(spans):] if spans else []
            if len(spans) < 2 or len(set(named)) != len(spans):
                for c in claims:  # (names and figures that cannot be paired)
                    self._drop(c, sentence)
                continue
            by_span = {(c.start, c.end): c for c in claims}
            keep = set()
            for subject, span in zip(named, spans):
                c = by_span[span]
                if c.subject != subject:
                    c = c.model_copy(update={"id": Claim.make_id(self.source, c.start, c.end, predicate, subject),
                                             "subject": subject})
                    self.claims[c.id] = c
                keep.add(c.id)
            for c in claims:
                if c.id not in keep:
                    self._drop(c, sentence)

    def _drop(self, claim: Claim, sentence: Sentence) -> None:
        self.claims.pop(claim.id, None)
        self.in_sentence[sentence.start] = [x for x in self.in_sentence.get(sentence.start, []) if x.id != claim.id]

    def _drop_told_when_dated(self) -> None:
        """"X said on Tuesday that Y had resigned. Y announced her resignation on Monday": the
        day another told of it dates an announced event only when the article gives no day of
        its own."""
        told = [c for c in self.claims.values() if c.why.get("link", "").endswith(TOLD_BY_ANOTHER)]
        if not told:
            return
        own = {(c.subject, c.predicate) for c in self.claims.values()
               if c.kind == "date" and not c.why.get("link", "").endswith(TOLD_BY_ANOTHER)}
        for c in told:
            if (c.subject, c.predicate) in own:
                del self.claims[c.id]


@table("extract")
def _fiscal_end_re() -> re.Pattern[str]:
    """A fiscal year told with its end (2026财年（截至2026年3月底）, 截至3月底的2026财年, "fiscal 2027,
    ending March 2027"), its words from the language data."""
    from verifier.lang import alternation, lang

    fiscal_zh = alternation(fold(w) for w in lang("zh")["date"]["fiscal_year"])
    months_en = alternation(sorted(lang("en")["date"]["months"], key=len, reverse=True))
    return re.compile(
        rf"(?P<fy>[12][0-9]{{3}})\s*(?:{fiscal_zh})\s*[（(]?\s*(?:截至|截止|至)\s*(?P<ey>[12][0-9]{{3}})\s*年\s*(?P<em>1[0-2]|0?[1-9])\s*月"
        rf"|(?:截至|截止)\s*(?:(?P<ey3>[12][0-9]{{3}})\s*年\s*)?(?P<em3>1[0-2]|0?[1-9])\s*月[^，。,;；]{{0,6}}?(?P<fy3>[12][0-9]{{3}})\s*(?:{fiscal_zh})"
        rf"|(?i:fiscal(?:\s+year)?)\s*(?P<fy2>[12][0-9]{{3}}),?\s+(?:which\s+|that\s+)?(?i:ending|ended|ends|to)\s+(?:in\s+)?"
        rf"(?P<mon>(?i:{months_en}))\.?(?:\s+[0-9]{{1,2}})?,?\s+(?P<ey2>[12][0-9]{{3}})")


def _fiscal_end(folded: str) -> tuple[int, int] | None:
    """How an article's fiscal years end, where it says once (2026财年（截至2026年3月底）, "fiscal 2027,
    ending March 2027"): (end year minus the fiscal year's number, the last month); None when its
    years are calendar ones or it does not say."""
    from verifier.lang import lang

    m = _fiscal_end_re().search(folded)
    if m is None:
        return None
    if m.group("fy"):
        shift, month = int(m.group("ey")) - int(m.group("fy")), int(m.group("em"))
    elif m.group("fy3"):  # 截至3月底的2026财年
        shift = int(m.group("ey3")) - int(m.group("fy3")) if m.group("ey3") else 0
        month = int(m.group("em3"))
    else:
        month = lang("en")["date"]["months"].get(m.group("mon").lower(), 0)
        shift = int(m.group("ey2")) - int(m.group("fy2"))
    if month in (0, 12) or shift not in (0, 1):
        return None
    return shift, month


def _local_currency(text: str, folded: str, language: str, tz: str | None = None) -> tuple[str | None, list[str]]:
    """The currency a bare 元 stands for in this article: by the clock of its dateline where
    that says (a Taipei paper's 元 is NT$, a Hong Kong one's HK$), else by its script."""
    from verifier.lang import lang

    cur = lang("zh")["currency"]
    by_script = cur.get("generic_by_script", {})
    script = language
    if language == "mixed":
        # Chinese characters, and those of them folding changed (Traditional ones), run by run
        cjk = traditional = 0
        for m in _HAN_RUN.finditer(text):
            a, b = m.span()
            cjk += b - a
            if text[a:b] != folded[a:b]:
                traditional += sum(1 for x, y in zip(text[a:b], folded[a:b]) if x != y)
        script = "zh-Hans" if cjk and traditional <= 0.02 * cjk else "zh-Hant"
    if script != "zh-Hans" and tz in cur.get("generic_by_zone", {}):
        return cur["generic_by_zone"][tz], list(cur["generic"])
    return by_script.get(script), list(cur["generic"])


@table("extract")
def _named_generic() -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    """The names of currencies of 元 (新台币, 港元, 人民币), what they stand for, and the words of
    a conversion before one (约合人民币…)."""
    from verifier.lang import lang

    cur = lang("zh")["currency"]
    family = set(cur["generic_family"])
    names = {fold(w): code for table in ("before", "after") for w, code in cur[table].items()
             if code in family and not w.isascii()}
    regex = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    return regex, names, tuple(fold(w) for w in cur["conversion_words"])


@table("extract")
def _leading_words() -> re.Pattern[str]:
    """A preposition or a bound the normalizer took in front of a value ("through March 28",
    "about HK$550 million"): a trigger may end on it ("stay on through", "agreed to buy about")."""
    from verifier.lang import alternation, lang

    bounds = [w.lower() for w in lang("en")["qualifiers"]["before"]]
    prepositions = ["in", "on", "at", "through", "until", "till", "since", "by", "from", "during", "of", "for"]
    return re.compile(rf"(?:(?:{alternation(prepositions)})\s+)?(?:(?:{alternation(bounds)})\s+)?")


def _core(v: Found, lower: str) -> int:
    """Where a value's own words start, after a preposition the normalizer took in
    ("through March 28"): a trigger may end on that preposition ("stay on through")."""
    m = _leading_words().match(lower, v.start, v.end)
    return m.end() if m else v.start


def _count_word(v: Found, t: Trigger, text: str) -> bool:
    """"tops 3 million sales": the word before a count's number (a bound) or its noun after it
    may be the event word the count is of."""
    if v.value.kind != "count" or not (v.start <= t.start and t.end <= v.end):
        return False
    return not _NUMERAL_CHAR.search(text, v.start, t.end) or not _NUMERAL_CHAR.search(text, t.start, v.end)


_WORD = re.compile(r"[a-z][a-z\-]*")
_GLOSS = re.compile(r"[(（][^()（）]*[)）]")
OBJECT_WORDS, OBJECT_REACH = 6, 60  # how far a trigger's required object may be: words, characters
SUPERLATIVE_REACH = 40  # characters either side of a date
_MODAL_BEFORE = re.compile(r"\b(?:would|will|could|can|may|might|should|must|to|does|did|do)\s+$")
OWNED_REACH = 40  # characters from an owner's name (X's) to the name of what it owns
_LAST_WORD = re.compile(r"([a-z][a-z\-']*)\s*$")
_ZH_ATTRIBUTIVE = re.compile(r"[^，。；：！？、,;:!?\s“”「」（）()的]{0,10}的")
_TO_END = re.compile(r"(?:\bto|至|到)\s*$")
CHANGE_TO_REACH = 40  # characters from a change's percentage to the level it changed to
_BY_END = re.compile(r"(?i)\bby\s*$")
OBJECT_ZH_REACH = 16  # characters, for a Chinese object
_NUMERAL_CHAR = re.compile(r"[0-9０-９零〇一二两兩三四五六七八九十百千万萬亿億]")


def _within(items, starts, sentence: Sentence):
    i, j = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
    return [x for x in items[i:j] if x.end <= sentence.end]


def _outside(x, quoted: tuple[Quote, ...]) -> bool:
    return _outside_span(x.start, x.end, quoted)


def _outside_span(start: int, end: int, quoted: tuple[Quote, ...]) -> bool:
    """Whether start..end is outside every quotation in `quoted` (its marks included)."""
    return not any(q.open <= start and end <= q.end + 1 for q in quoted)


class SentenceView:
    """One sentence: its clauses, values, event words and names, and the claims they make."""

    def __init__(self, ex: Extractor, sentence: Sentence, inside: tuple[Quote, ...], values: list[Found],
                 triggers: list[Trigger], mentions: list[Mention], quoted_in: Sentence | None = None) -> None:
        self.ex = ex
        self.lex = ex.lex
        self.sentence = quoted_in or sentence  # claims cite the whole sentence
        self.span = sentence
        self.inside = inside
        self.all_values = values
        self.values = [v for v in values if _outside(v, inside)]
        self.mentions = mentions
        self.named = [m for m in mentions if m.entity and _outside(m, inside)]
        # (a word inside a Latin name is no event: "Bolan Land" lands nothing; a Chinese name's
        # span may hold the words before it: 拟收购光迅科技（Guangxun Tech）)
        self.triggers = [t for t in triggers if _outside(t, inside) and not self._negated(t)
                         and not (t.surface.isascii() and any(m.start <= t.start and t.end <= m.end and not m.pronoun
                                                              and ex.folded[m.start:m.end].isascii() for m in self.named))
                         and not (not t.surface.isascii() and any(m.start < t.start and t.end == m.end and not m.pronoun
                                                                  for m in self.named))]  # (嘉石控股: a name's last word)
        protected = [(q.open, q.end + 1) for q in inside] + [(v.start, v.end) for v in values] + \
            [(m.start, m.end) for m in mentions]
        busy = [(m.start, m.end) for m in self.named] + [(t.start, t.end) for t in self.triggers]
        self.clauses = split(ex.text, self.span.start, self.span.end, protected,
                             {m.end for m in self.named}, busy) or [Clause(self.span.start, self.span.end, "main", 0)]
        self.bridges = [(m.start(), m.end()) for m in self.lex.bridge_re.finditer(ex.folded, self.span.start, self.span.end)
                        if not any(q.open <= m.start() <= q.end for q in inside)]
        self.used: set[int] = set()  # values consumed (by index in self.values)
        self._prep_cache: dict[int, bool] = {}
        self._clause_at: dict[int, Clause] = {}
        self._eligible: dict[tuple[str, ...], list[Mention]] = {}
        self.quoted = quoted_in is not None  # a view of a quotation: subjects must be named in it

    def _negated(self, t: Trigger) -> bool:
        return bool(self.lex.negation_re.search(self.ex._before(t.start, 20)))

    def clause(self, pos: int) -> Clause:
        found = self._clause_at.get(pos)
        if found is None:
            found = self._clause_at[pos] = clause_of(self.clauses, pos) or self.clauses[0]
        return found

    # ------------------------------------------------------------------ the steps
    def extract(self) -> None:
        from verifier.claims.groups import group_claims

        self._note_objects()
        self._anaphora()
        self._results_period()
        group_claims(self)
        self.extract_values()
        from verifier.claims.quotes import quote_claims

        quote_claims(self)
        self._impossible_dates()

    def _note_objects(self) -> None:
        """What the event words of this sentence are done to (agreed to buy Pallas Optics), for
        later words that inherit it (the deal is expected to close …), claim or no claim."""
        for t in self.triggers:
            for sense in t.senses:
                if sense.object_only:
                    obj = self._object(t, self.clause(t.start), self.eligible(sense.predicate.types))
                    if obj is not None:
                        self.ex.last_object[sense.predicate.id] = obj.entity

    def _rate_of_figure(self, i: int) -> bool:
        """Whether duration `i` is the rate of the figure right before it ("about T$110 million
        ($3.4 million) a day"): a/per and the unit, nothing but a conversion in brackets between."""
        v = self.values[i]
        if i == 0 or not self.lex.rate_per_re.match(self.ex.text, v.start):
            return False
        before = self.values[i - 1]
        between = re.sub(r"[(（][^)）]*[)）]", "", self.ex.text[before.end:v.start])
        return before.value.kind in ("money", "count", "percent") and not between.strip(" )）")

    def _taken_over(self) -> str | None:
        """The company this sentence says is bought ("agreed to acquire Penmark for $52 per
        share", 以每股52美元收购Penmark): a price per share here is its shares'."""
        for t in self.triggers:
            for sense in t.senses:
                if sense.object_only and sense.predicate.id == "acquisition":
                    obj = self._object(t, self.clause(t.start), self.eligible(sense.predicate.types))
                    if obj is not None:
                        return obj.entity
        return None

    def extract_values(self) -> None:
        pending = []
        for i, v in enumerate(self.values):
            if i in self.used or self._restated(i):
                continue
            v = self._local_currency(self._money_by_context(v))
            if v.value.kind not in EVENT_KINDS or (v.value.kind == "duration" and self._rate_of_figure(i)):
                continue
            converted = self._conversion_of(v, pending) or self._compared_with(v, pending)
            if converted is not None:
                pending.append(converted)
                continue
            own_clause = self.clause(v.start).index
            failed_here = False  # the value's own clause had an event word, whose subject is unknown
            for link in self.links(v):
                here = self.clause(link.trigger.start).index == own_clause
                if failed_here and not here:
                    break  # 本轮融资后，公司估值达6亿美元 (公司 unresolved): not the round's amount
                subjects, how = self._units_of(v, link) or self.subjects(link.trigger, link.sense)
                if how == "object of the verb":
                    subjects, how = self._listed_object(v, link, subjects, how)
                if not subjects:
                    subjects, how = self._combined_owner(v, link)
                elif v.value.kind == "date" and len(subjects) == 1 and subjects[0].type == "person":
                    subjects = self._coordinated(subjects[0])  # 总裁A与财务长B同步请辞: each one's day
                if subjects:
                    pending.append((v, link, subjects, how))
                    break
                failed_here = failed_here or here
        # a date the event's own clause gives beats the date of the saying that reports it
        # ("today announced ... appointed X, effective January 24": the 24th)
        direct = {id(link.trigger) for v, link, _, _ in pending
                  if v.value.kind == "date" and not link.how.startswith("reported")}
        # dates first: an amount's time may be the date its sentence gives the same event
        for v, link, subjects, how in sorted(pending, key=lambda p: p[0].value.kind != "date"):
            if v.value.kind == "date" and link.how.startswith("reported") and id(link.trigger) in direct:
                continue
            self._claim(self._past(self._future(v), link), link, subjects, how)

    def _listed_object(self, v: Found, link: Link, subjects: list[Mention], how: str) -> tuple[list[Mention], str]:
        """The object of a verb that lists its objects each with its figure: after another figure
        of its kind told since the verb, a figure is the object named between that figure and it
        ("fined insurer A T$12 million and broker B T$4.8 million"); a figure that the next item
        of the list follows is the name's before the verb (永丰泰人寿罚1200万元、恒信证券480万元)."""
        t = link.trigger
        if t.end <= v.end and subjects and subjects[0].start >= v.end \
                and _LIST_MARK.match(self.ex.folded, v.end, subjects[0].start):
            # 永丰泰人寿罚1200万元、恒信证券480万元: a name after the figure is the next one's; this
            # one's is the name right before the word
            clause = self.clause(t.start)
            before = [m for m in self.eligible(link.sense.predicate.types) if clause.start <= m.start and m.end <= t.start]
            return ([before[-1]], "named before the word, its figure after it") if before else ([], "")
        earlier = [w for w in self.values if t.end <= w.start and w.end <= v.start and w.value.kind == v.value.kind]
        if not earlier:
            return subjects, how
        named = [m for m in self.eligible(link.sense.predicate.types) if earlier[-1].end <= m.start and m.end <= v.start]
        return ([named[-1]], "object named before its figure in a list") if named else (subjects, how)

    _OPEN_PAREN = re.compile(r"\s*[(（]\s*$")

    def _restated(self, i: int) -> bool:
        """今天（11月4日）, "today (May 14)": a date the parenthesis after it restates is one claim,
        the stated one."""
        v = self.values[i]
        if v.value.kind != "date" or i + 1 >= len(self.values):
            return False
        after = self.values[i + 1]
        return after.value.kind == "date" and after.start > v.end and \
            self._OPEN_PAREN.match(self.ex.text[v.end:after.start]) is not None

    _CONVERSION = re.compile(r"\s*[(（]\s*(?:约合|約合|约|約|合|相当于|折合|about|or|around|roughly|~)?\s*$")

    def _conversion_of(self, v: Found, pending: list) -> tuple | None:
        """12 million euros ($14 million), 1200万欧元(约合人民币9400万元): an amount in parentheses
        right after another is the same amount in another currency: the same claim, and as
        approximate as the first (a conversion is never more exact than what it converts)."""
        if v.value.kind != "money" or not pending:
            return None
        prev, link, subjects, how = pending[-1]
        if prev.value.kind != "money" or not self._CONVERSION.match(self.ex.text[prev.end:v.start]):
            return None
        value = v.value
        if prev.value.bound == "approx" and value.bound == "exact" and value.amount is not None:
            value = value.model_copy(update={"bound": "approx", "low": value.amount * 0.9, "high": value.amount * 1.1})
        return (v.model_copy(update={"value": value, "pattern": (v.pattern or "money") + "+conversion"}),
                Link(link.trigger, link.sense, link.cost, f"conversion of {prev.text}"), subjects, how)

    def _compared_with(self, v: Found, pending: list) -> tuple | None:
        """"valued at $4 billion, up from $1.5 billion in its Series B": the figure a value is
        compared with is of the same predicate and subject (its own round or time comes from
        its own words)."""
        if v.value.kind not in ("money", "count", "percent") or not pending:
            return None
        same = [p for p in pending if p[0].value.kind == v.value.kind]
        if not same or getattr(v.value, "points", False):
            return None  # (较去年同期提升3.5个百分点: a change in points, no earlier level)
        prev, link, subjects, how = same[-1]  # (较今年1月C轮时的16亿美元: a date between them)
        if any(prev.end <= t.start and t.end <= v.start and not self.lex.round_re.fullmatch(self.ex.folded, t.start, t.end)
               for t in self.triggers):
            return None  # 开市报12.3港元，较招股价10港元: a word of its own (a round's name only says when)
        if prev.end > v.start or \
                not self.lex.compared_with_re.match(self.ex.folded[prev.end:v.start]):
            return None
        update = {"pattern": (v.pattern or v.value.kind) + "+compared"}
        if any(prev.end <= d.start and d.end <= v.start and d.value.kind == "date"
               and not self.lex.same_period_re.match(self.ex.folded, d.end) for d in self.values):
            update["pattern"] += "+dated"  # 较今年1月C轮时的16亿美元: of the time its words give
        if v.value.kind == "money" and "+local currency" in (v.pattern or "") and prev.value.currency:
            # 新台币1152.3亿元，较去年同期的969.1亿元: the currency of the figure it is compared with
            update["value"] = v.value.model_copy(update={"currency": prev.value.currency})
        return (v.model_copy(update=update),
                Link(link.trigger, link.sense, link.cost, f"compared with {prev.text}"), subjects, how)

    def _planned(self, v: Found, link: Link) -> bool:
        """Whether a date is of something still to come: a future word in its clause (will,
        planned for, 预计, 将) or a date the text reckons forward (next week, 下周)."""
        val = v.value
        if val.kind == "date" and val.relative and val.relative.startswith(("next", "in_")):
            return True
        if val.kind == "date" and link.sense.predicate.effective_later and link.how.startswith(("reported by", "fronted adjunct")):
            return False  # 周二上午宣布，X将卸任: Tuesday is the day it was told, not a day to come
        clause = self.clause(v.start)
        lo = min(clause.start, link.trigger.start)
        return self.lex.future_re.search(self.ex.folded, lo, max(v.start, link.trigger.start)) is not None

    MEASURE_REACH = 24  # characters before a profit's word that may say its measure ("adjusted net profit")

    def _measure(self, t: Trigger) -> str:
        """Which profit or loss: adjusted, operating, gross, pre-tax (words in or right before its
        word: "adjusted net profit", 扣非净利润, "operating loss"), else net."""
        lo = max(self.clause(t.start).start, t.start - self.MEASURE_REACH)
        for name, regex in self.lex.profit_measures:
            if regex.search(self.ex.folded, lo, t.end):
                return name
        return "net"

    _EN_IN_PLACE = re.compile(r"\s+(?:[a-z]+\s+){0,2}?in\s+(?:the\s+)?")

    def _place_before(self, v: Found) -> str | None:
        """The place a Chinese sentence names last before a value."""
        cjk, _ = _place_names()
        found = max(((self.ex.folded.rfind(p, self.sentence.start, v.start), -len(p), p) for p in cjk), default=(-1, 0, ""))
        return place_name(found[2]) if found[0] >= 0 else None

    def _place_of_event(self, v: Found, t: Trigger) -> str | None:
        """The place an event's figure is of: one right before its word (东南亚团队裁员800人, 欧洲则裁减
        300人) or "in <place>" right after the figure ("cut 600 jobs in Southeast Asia") or its word
        ("expects approval in Hong Kong in 2027")."""
        cjk, _ = _place_names()
        folded, low = self.ex.folded, self.ex.lower
        clause = self.clause(v.start)
        for p in cjk:
            at = folded.rfind(p, clause.start, t.start)
            if at >= 0 and self.lex.place_part_re.fullmatch(folded, at + len(p), t.start):
                return place_name(p)
        if self.ex.chinese:
            # 其中亚洲站共14场，已售出41万张 (a part: the place right after 其中); 高雄4场演唱会…共卖出16万张
            # (a place opening the sentence, its figures that place's)
            for start in [m.end() for m in self.lex.part_of_whole_re.finditer(folded, self.sentence.start, v.start)]:
                p = next((p for p in cjk if folded.startswith(p, start)), None)
                if p and not folded.startswith(self.lex.place_not_before, start + len(p)):  # (北京时间: a clock)
                    return place_name(p)
            p = next((p for p in cjk if folded.startswith(p, self.sentence.start)), None)
            if p and self.lex.venue_re.match(folded, self.sentence.start + len(p)):
                return place_name(p)  # (not 美国流行歌手…: who, not where)
            if t.end <= clause.start:  # a clause of a list that names a place and its figure only (…；东南亚300人；欧洲150人)
                for p in cjk:
                    at = folded.rfind(p, clause.start, v.start)
                    if at >= 0 and self.lex.place_part_re.fullmatch(folded, at + len(p), v.start):
                        return place_name(p)
        m = _place_canon()[1].match(low, v.end)
        if m:
            return place_name(m.group("adj").lower())  # "cut 120 jobs in its European operations"
        for after in (v.end, t.end):  # ("approval in Hong Kong in 2027", "1,100 jobs will be cut in China")
            m = self._EN_IN_PLACE.match(low, after)
            place = latin_place_at(low, m.end()) if m else None
            if place:
                return place
        return None

    SORT_REACH = 48  # characters before its word that may say which sort ("The international tranche was 9.4 times covered")

    def _sort(self, t: Trigger, table: str, v: Found | None = None) -> str | None:
        """Which one of its kind an event word's figure is (末期股息 a final dividend, "special
        dividend"): the sort word nearest before or in the word, within its clause; else (or
        when the word itself was the sort word) the first after it that a word leading one
        precedes ("a discount to Friday's close"), or that follows the word and its object
        ("joined Corvane as chief executive") or its figure `v` ("spent 12 years at X")."""
        clause = self.clause(t.start)
        lo = max(clause.start, t.start - self.SORT_REACH)
        window = self._org_slots(lo, t.end)
        found = None
        for found in self.lex.sorts[table].finditer(window):
            pass
        before = self.clauses[clause.index - 1] if clause.index > 0 else None
        if found is None and self.ex.chinese and before is not None and before.start >= self.sentence.start \
                and not self._own_subject(clause, t.start) \
                and not (v is not None and any(before.start <= w.start < before.end and w.value.kind == v.value.kind
                                               for w in self.values)):
            # 自2015年起担任总裁，任职约11年: a clause with no subject of its own goes on with the one before
            # (not when it tells a figure of the same kind: 公告前市值约440亿元，交易对其估值约520亿元)
            for found in self.lex.sorts[table].finditer(self._org_slots(before.start, before.end)):
                pass
        own_word = found is not None and found.start() >= len(window) - (t.end - t.start)
        if found is None or own_word:
            after = self._org_slots(t.end, min(clause.end, t.end + self.SORT_REACH))
            later = self.lex.sorts[table].search(after)
            figure_end = len(self._org_slots(t.end, v.end)) if v is not None and t.end <= v.start else None
            if later is not None and (self.lex.sort_after_re.search(after, 0, later.start())
                                      or after[:later.start()].strip() in ("", "{org}")
                                      or (figure_end is not None and figure_end <= later.start()
                                          and not after[figure_end:later.start()].strip())):
                found = later
        return found.lastgroup.replace("_", "-") if found else None

    def _org_slots(self, lo: int, hi: int) -> str:
        """The text from lo to hi with each organisation named there written {org}, as the
        language data writes a sort told by a name (在{org}任职, "at {org}")."""
        out, at = [], lo
        for m in self.named:
            if m.type == "org" and not m.pronoun and at <= m.start and m.end <= hi:
                out += [self.ex.folded[at:m.start], "{org}"]
                at = m.end
        return "".join(out) + self.ex.folded[at:hi]

    def _possible(self, v: Found, link: Link) -> bool:
        """Whether a figure is only possible: a word of what could be (could face, 最高可罚, 可处)
        in its clause before it and its word, outside a quote."""
        clause = self.clause(v.start)
        lo, hi = min(clause.start, link.trigger.start), max(v.start, link.trigger.end)
        return any(not self.ex._in_quote(m.start()) for m in self.lex.possible_re.finditer(self.ex.folded, lo, hi))

    def _sought(self, v: Found, link: Link) -> bool:
        """Whether a value is one aimed at: an aim word (seeking, aims to, 原计划) in its clause
        before it and its trigger, not inside a quote the clause holds; or, for a figure, a
        forecast ("forecast revenue of $10 billion", 预计营收)."""
        clause = self.clause(v.start)
        lo, hi = min(clause.start, link.trigger.start), max(v.start, link.trigger.start)
        # (a forecast of a period's figure: revenue, profit, units sold; "expected to cut 1,000 jobs" is a plan)
        forecast = v.value.kind != "date" and link.sense.predicate.accumulates
        if forecast and self.lex.estimate_after_figure_re.match(self.ex.lower, v.end):
            return True  # "beating the HK$17.9 billion average estimate of analysts"
        words = [self.lex.aims_re] + ([self.lex.forecasts_re] if forecast else [])
        return any(not self.ex._in_quote(m.start()) for regex in words for m in regex.finditer(self.ex.folded, lo, hi))

    def _local_currency(self, found: Found) -> Found:
        """12亿元 in a mainland article: a bare 元 is yuan (zh.toml generic_by_script). An amount
        in 亿 with no unit at all (票房12.6亿, 100亿投资OpenAI: `_money_by_context`) may be in
        any currency: it keeps none, and the one 元 would be is noted as its likely one
        ("+likely CNY", which rules.quantities reads: not compared with another currency's)."""
        v = found.value
        if v.kind != "money" or v.currency is not None:
            return found
        written = self.ex.folded[found.start:found.end]
        if not any(u in written for u in self.ex.generic_units):
            if _BARE_SCALED.fullmatch(written) and self.ex.local_currency:
                return found.model_copy(update={"pattern": f"{found.pattern or 'money'}+likely {self.ex.local_currency}"})
            return found
        # 营收为新台币286.4亿元，较3月的299.3亿元: the currency its sentence named before it
        regex, names, conversion = _named_generic()
        named = [m for m in regex.finditer(self.ex.folded, self.sentence.start, found.start)
                 if not self.ex.folded[max(0, m.start() - 3):m.start()].endswith(conversion)]
        currency = names[named[-1].group(0)] if named else self.ex.local_currency
        if currency is None:
            return found
        return found.model_copy(update={"value": v.model_copy(update={"currency": currency}),
                                        "pattern": (found.pattern or "money") + "+local currency"})

    def _future(self, v: Found) -> Found:
        """"will take over on Wednesday", 将于周三, 将于9月底前完成, "expected to close in the
        fourth quarter": a relative date, or a month or quarter without a year, in the future is
        the next one."""
        val = v.value
        if val.kind != "date" or not self.ex.published or val.year or not (val.weekday or val.relative or val.month
                                                                             or val.months):
            return v
        clause = self.clause(v.start)
        if not self.lex.future_re.search(self.ex.folded, clause.start, v.start):
            return v
        from verifier.normalize.engine import analyze

        for found in analyze(self.ex.text[v.start:v.end], folded=self.ex.folded[v.start:v.end],
                             base=self.ex.published, prefer="future", kinds=("date",), min_score=0.5):
            if found.start == 0 and found.end == v.end - v.start:
                return v.model_copy(update={"value": found.value, "pattern": (v.pattern or "date") + "+future"})
        return v

    def _past(self, v: Found, link: Link) -> Found:
        """"launched in January", read in December: a date without a year that the normalizer
        took as upcoming is the last one when its event is told as past (launched, 已推出, 推出了)
        and nothing in the clause plans it."""
        val = v.value
        if (val.kind != "date" or not self.ex.published or not val.start or val.start <= self.ex.published.isoformat()
                or val.year or val.relative or val.weekday or val.holiday or val.lunar
                or not self._told_as_past(link.trigger)):
            return v
        clause = self.clause(v.start)
        if clause != self.clause(link.trigger.start) or self.lex.future_re.search(self.ex.folded, clause.start, clause.end):
            return v  # the date of another clause (已任命…，11月5日起生效), or one its clause plans
        try:
            start, end = (dt.date.fromisoformat(d) for d in (val.start, val.end or val.start))
            start, end = start.replace(year=start.year - 1), end.replace(year=end.year - 1)
        except ValueError:
            return v  # 29 February
        past = val.model_copy(update={"start": start.isoformat(), "end": end.isoformat()})
        return v.model_copy(update={"value": past, "pattern": (v.pattern or "date") + "+past"})

    def _told_as_past(self, t: Trigger) -> bool:
        lex, folded = self.lex, self.ex.folded
        last = t.surface.lower().split()[-1] if t.surface.split() else ""
        if last.isascii() and (last.endswith(lex.past_endings) or last in lex.past_forms):
            return True
        if folded.startswith(lex.past_after, t.end):
            return True
        clause = self.clause(t.start)
        return lex.past_re.search(folded, clause.start, t.start) is not None

    def _money_by_context(self, found: Found) -> Found:
        """100亿投资OpenAI: a number in 万 or 亿 right beside a money word is an amount of money,
        in a currency the text does not name; 销量破300万, "tops 3 million": a number right after
        a word that counts things is a count."""
        v = found.value
        if v.kind != "number" or abs(v.value) < 2 or is_age(self.ex.folded, found.end):
            return found  # (not "died: an 82-year-old man")
        after = self.ex.lower[found.end:found.end + 8].strip()
        if after.startswith(("%", "％", "percent", "per cent", "个百分点", "成", "倍数")) \
                or _currency_before_re().search(self.ex.text, max(0, found.start - 6), found.start) \
                or _currency_after_re().match(self.ex.folded, found.end):
            # "rose 4% to 307 million units", "sold US$800 million of bonds", 遣散费4.1亿欧元 (read
            # as a number where no money was sought): no count
            return found
        for t in self.triggers:
            units = [u for s in t.senses if "count" in s.predicate.kinds for u in s.predicate.count_units]
            if not units:
                continue
            # 超额认购约9.4倍, "421 times"; the longest that fits (人次, not 人: the units are a set,
            # whose order changes from run to run)
            unit = max((u for u in units if after.startswith(u)), key=len, default="")
            if t.end <= found.start and (abs(v.value) >= 1e4 or v.value == int(v.value) or unit) \
                    and (self.ex.words.between(t.end, found.start) <= 1.3
                         or self.lex.reached_re.fullmatch(self.ex.lower, t.end, found.start)):
                # "injured 23", "the death toll rose to 22" (a small number only as a whole one)
                count = CountValue(value=v.value, unit=unit, **_range_of(v))
                return found.model_copy(update={"value": count, "pattern": (found.pattern or "number") + "+counted"})
            if unit and found.end < t.start and re.fullmatch(rf"\s*{re.escape(unit)}\s*", self.ex.lower[found.end:t.start]):
                count = CountValue(value=v.value, unit=unit, **_range_of(v))  # "was 421 times oversubscribed"
                return found.model_copy(update={"value": count, "pattern": (found.pattern or "number") + "+counted"})
        if abs(v.value) < 1e4:
            return found
        written = self.ex.folded[found.start:found.end]
        if not any(u in written for u in ("万", "亿")) or self.ex.folded[found.end:found.end + 1] in _classifiers():
            return found  # 发售1.2亿股，募资…: a count of shares beside the money word
        for t in self.triggers:
            gap = t.start - found.end if t.start >= found.end else found.start - t.end
            if 0 <= gap <= 2 and any("money" in s.predicate.kinds for s in t.senses):
                return as_money(found)
        return found

    # ------------------------------------------------------------------ dates that point back
    def _anaphora(self) -> None:
        """同月 / the same day / 两天后 / "three days later": dates told by reference to the last
        event date of the article. They become values of their own here."""
        ex = self.ex
        found: list[Found] = []
        swallowed: set[int] = set()  # 同一天 holds 一天, which is no duration there
        for m in self.lex.anaphora_re.finditer(ex.folded, self.span.start, self.span.end):
            inner = [id(v) for v in self.values if m.start() <= v.start and v.end <= m.end()]
            if any(v.start < m.end() and m.start() < v.end and id(v) not in inner for v in self.values):
                continue
            if not _outside_span(m.start(), m.end(), self.inside):
                continue
            kind = self.lex.anaphora[m.group(0).lower()]
            value = self._refer("same_day", 1, m.start()) if kind == "next_day" else \
                self._year_before(m.start()) if kind == "same_year" else None
            value = value or self._refer(kind, 0, m.start())
            if value is not None:
                found.append(Found(text=ex.text[m.start():m.end()], start=m.start(), end=m.end(),
                                   value=value, pattern=f"anaphora:{kind}"))
                swallowed.update(inner)
        out = []
        for v in self.values:
            if id(v) not in swallowed:
                out.append(self._reanchor(v) or v)
        self.values = sorted(out + found, key=lambda v: v.start)

    ESTIMATOR_REACH = 12  # characters between "according to", 据 and the firm, or the firm and "estimated", 估计

    def _estimator(self, v: Found, subjects: set[str]) -> str | None:
        """The firm whose estimate a figure is, named in its sentence ("according to Harbor Data",
        "Tidewater estimated", 据Harbor Data数据, Tidewater估计), when that is not the claim's subject."""
        ex, lex = self.ex, self.lex
        for m in self.named:
            if m.type != "org" or m.entity in subjects or not (self.sentence.start <= m.start < self.sentence.end):
                continue
            if lex.estimate_before_re.search(ex.lower, max(self.sentence.start, m.start - self.ESTIMATOR_REACH), m.start) \
                    or lex.estimate_after_re.match(ex.lower, m.end):
                return m.entity
        return None

    def _results_period(self) -> None:
        """发布2026财年（截至2026年3月底）业绩, "results for the year to March": the period the figures
        after it are of, though the sentence itself gives none."""
        for v in self.values:
            if v.value.kind == "date" and v.value.start and v.value.end and v.value.start != v.value.end and (
                    self.lex.results_after_re.match(self.ex.folded, v.end)
                    or self.lex.results_before_re.search(self.ex._before(v.start, 24))):
                self.ex.period = v.value.start if v.value.start == v.value.end else f"{v.value.start}/{v.value.end}"
                self.ex.period_of = self._orgs_named()

    def _year_before(self, pos: int) -> DateValue | None:
        """当年, "that year": the year of the last date its own sentence gave before it ("since 2019,
        when …", 自2019年以来…，当年…), which need not be an event's."""
        years = [v.value for v in self.values if v.value.kind == "date" and v.end <= pos and v.value.start and self.sentence.start <= v.start]
        if not years:
            return None
        year = int(years[-1].start[:4])
        return DateValue(start=f"{year}-01-01", end=f"{year}-12-31", grain="year", anchored=True, year=year,
                         relative="same_year")

    def _refer(self, kind: str, days: int, pos: int) -> DateValue | None:
        """The date `days` after the last event date told before `pos`, at the grain `kind` asks."""
        last = self.ex.last_date
        if last is None:
            return None
        base = last[0]
        if base.start and base.end:
            start, end = dt.date.fromisoformat(base.start), dt.date.fromisoformat(base.end)
            if kind == "same_month":
                first = start.replace(day=1)
                nxt = (first + dt.timedelta(days=32)).replace(day=1)
                return DateValue(start=first.isoformat(), end=(nxt - dt.timedelta(days=1)).isoformat(), grain="month",
                                 anchored=True, year=first.year, month=first.month, relative="same_month")
            if kind == "same_year":
                return DateValue(start=f"{start.year}-01-01", end=f"{start.year}-12-31", grain="year", anchored=True,
                                 year=start.year, relative="same_year")
            if start != end:
                return None if days else base.model_copy(update={"relative": kind})
            day = start + dt.timedelta(days=days)
            return DateValue(start=day.isoformat(), end=day.isoformat(), grain="day", anchored=True,
                             weekday=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[day.weekday()],
                             relative=f"{days}_days_after" if days else kind)
        if kind == "same_day" and not days and (base.weekday or base.day):
            return base.model_copy(update={"relative": kind, "part_of_day": None})
        if kind == "same_month" and base.month:
            return DateValue(grain="month", month=base.month, year=base.year, relative="same_month")
        return None

    def _reanchor(self, v: Found) -> Found | None:
        """两天后 read against the publication date by the normalizer counts, in a story, from the
        last event told; so does a duration followed by "later" (three days later)."""
        val = v.value
        if val.kind == "date" and val.relative:
            m = _N_DAYS.match(val.relative)
            if m and m.group(2) in _DAY_UNITS and self.ex.last_date is not None:
                days = int(m.group(1)) * _DAY_UNITS[m.group(2)]
                ref = self._refer("same_day", days, v.start)
                if ref is not None:
                    return v.model_copy(update={"value": ref, "pattern": "anaphora:days_after"})
        if val.kind == "date" and (v.pattern or "").endswith(".fiscal_year") and self.ex.fiscal_end and val.year:
            # 2027财年 in an article that told 2026财年（截至2026年3月底）: its year ends that month too
            shift, month = self.ex.fiscal_end
            end_year = val.year + shift
            from verifier.normalize.dates import _last_day

            first = dt.date(end_year - 1, month, 1) + dt.timedelta(days=_last_day(end_year - 1, month))
            last = dt.date(end_year, month, _last_day(end_year, month))
            return v.model_copy(update={"value": val.model_copy(update={"start": first.isoformat(), "end": last.isoformat()}),
                                        "pattern": v.pattern + "+fiscal end"})
        if val.kind == "duration" and val.unit in _DAY_UNITS and self.lex.later_re.match(self.ex.lower, v.end):
            later = self.lex.later_re.match(self.ex.lower, v.end)
            ref = self._refer("same_day", int(val.value) * _DAY_UNITS[val.unit], v.start)
            if ref is not None:
                return Found(text=self.ex.text[v.start:later.end()], start=v.start, end=later.end(), value=ref,
                             pattern="anaphora:days_after")
        return None

    # ------------------------------------------------------------------ linking
    def _claim(self, v: Found, link: Link, subjects: list[Mention], how: str) -> None:
        ex = self.ex
        kind = v.value.kind
        pred = link.sense.predicate
        if (kind != "date" or link.how.startswith("reported")) and self._possible(v, link):
            # "could face a fine of up to 10%", 依法最高可罚5000万元: what might be, not what is (nor
            # is the day it was said a day of it: "by Dec. 13, and said it could fine the carrier")
            return
        # "has led the company since 2019", 自2019年起担任: the start of a tenure is a joining
        pid, label = pred.id, pred.label
        if kind == "date" and self._since(v) and pred.id in self._start_of_targets():
            joined = ex.lex.predicates[self._start_of_targets()[pred.id]]
            pid, label = joined.id, joined.label
        tz = self._zone(v) if kind == "date" else None
        hedged = self._hedged(link.trigger)
        why = {"value": v.pattern or kind, "link": link.how, "subject": how,
               "trigger": ex.text[link.trigger.start:link.trigger.end]}
        scope = self._scope(v, link)
        if kind != "date":
            by = self._estimator(v, {m.entity for m in subjects})
            if by:
                scope["by"] = by  # "Harbor Data estimated…", 据Tidewater数据: one firm's estimate, not another's
        if (v.pattern or "").endswith("+compared") and "of" not in scope:
            scope["when"] = "before"  # "down from $1.6 billion", 较去年同期的969.1亿元: the figure before
        if kind == "date":
            scope.pop("when", None)
        if pred.measures:
            scope["measure"] = self._measure(link.trigger)
        if pred.by_place and "of" not in scope:
            place = self._place_of_event(v, link.trigger)
            if place is None and kind == "percent" and self.lex.local_part_re.search(
                    ex.lower, max(self.sentence.start, v.start - LOCAL_PART_REACH), min(self.sentence.end, v.end + LOCAL_PART_REACH)):
                place = self._place_before(v)  # 裁员比例约为当地员工的15%: the share of the place told before it
                if place is None:
                    return  # ("or 15% of staff there" after a place this text does not know: whose, unsaid)
            if place:
                scope["of"] = f"in:{place}"  # 东南亚团队裁员800人, "cut 600 jobs in Southeast Asia": a region's part
            elif not ex.chinese:
                opened = place_opening(ex.lower, ex.past_dateline(self.clause(v.start).start, self.sentence.start), v.start,
                                       self.named)
                if opened:
                    scope["of"] = f"in:{opened}"  # "China will bear the brunt with 1,800 positions going"
        else:
            place = None
        if pred.by_object and "of" not in scope:
            obj = self._object(link.trigger, self.clause(link.trigger.start), self.eligible(("org",)))
            if obj is not None and not obj.pronoun and obj.entity not in {m.entity for m in subjects} \
                    and obj.start - link.trigger.end <= OBJECT_REACH and "的" not in ex.folded[link.trigger.end:obj.start]:
                scope["of"] = f"org:{obj.entity}"  # joined Yuanchuan in 2018, joined Jixin on June 1: two joinings (named: 该公司 is whichever the text means)
        if pred.sorts:
            # a final dividend and a special one; first-week and export deliveries: two figures each
            sort = "+".join(filter(None, (self._sort(link.trigger, table, v) for table in pred.sorts.split())))
            if sort:
                scope["sort"] = sort
        if kind == "count" and not place and "sort" not in scope and self._part_of_count(v):
            # 其中9人送医: a part of the count before it, not the event's total (a place's or a sort's
            # part is its own: 其中出口9120辆; one in a sentence that opens on a place is of the whole's place too)
            return
        if pred.recurring and kind != "date" and scope.get("of", "round:").startswith("round:") \
                and self.lex.cumulative_re.search(ex.folded, self.clause(v.start).start, self.clause(v.start).end):
            # "has raised $80 million in total", 累计融资: all rounds, not one (not the seed round
            # told beside it: "Including a $5 million seed round, it has raised $110 million in total")
            scope["of"] = "total"
        if self._sought(v, link):
            scope["tense"] = "sought"  # "is seeking a valuation of about $5 billion", 原计划融资4亿美元
        elif self._planned(v, link):
            scope["tense"] = "planned"  # "planned for release next week", 预计明年第一季完成, 拟募资5亿美元
        past = ex.published is not None and v.value.kind == "date" and bool(v.value.end) \
            and v.value.end < ex.published.isoformat()  # (将接替今年3月离职的X: a departure told as past)
        if kind == "date" and pred.planned_as and pid == pred.id and (scope.get("tense") == "planned" and not past
                                                                       or link.how == "effective date"):
            # "will retire on June 30", "resigned, effective March 1": the day it takes effect
            pid, label = pred.planned_as, ex.lex.predicates[pred.planned_as].label
        if pred.id == "acquisition" and ex.buyer is None:
            buyer = self._clause_subject(link.trigger, self.clause(link.trigger.start), self.eligible(("org",)))
            if buyer is not None and all(buyer.entity != s.entity for s in subjects):
                ex.buyer = buyer.entity
        if scope.get("of") == "combined" and ex.buyer is not None:
            subjects, why["subject"] = self._as_buyer(v)
        value = v.value
        if pred.change_of:
            if self._change(v) == "fall":
                value = _negated(value)  # "fell 31%": a change of -31%
            # against the quarter before (季增, "sequentially") or a year before: two figures
            after = re.match(r"[^,，;；、。]{0,40}", ex.lower[v.end:]).group(0)  # up to the clause's end
            around = ex.lower[max(self.sentence.start, v.start - 6):v.start] + " " + after
            if not pred.sessions:  # (a share's move is of its session, set with the scope)
                scope["of"] = ("month on month" if self.lex.month_on_month_re.search(around) else
                               "quarter on quarter" if self.lex.quarter_on_quarter_re.search(around) else "year on year")
        for subject in subjects:
            claim = ex._add(self.sentence, kind, subject, pid, label, value, v.start, v.end, link.trigger,
                            why, hedged, tz, scope)
            if claim is not None and kind == "date" and not v.value.issue:
                ex.last_date = (v.value, pid)

    def _start_of_targets(self) -> dict[str, str]:
        return self.lex.start_of_targets

    def _since(self, v: Found) -> bool:
        return bool(self.lex.since_re.search(self.ex._before(v.start, 4))) or bool(self.lex.since_start_re.match(self.ex.lower, v.start)) or \
            bool(self.lex.since_after_re.match(self.ex.folded, v.end) and self.lex.since_re.search(self.ex._before(v.start, 8)))

    def links(self, v: Found) -> list[Link]:
        """The event words a value may belong to, cheapest first (in words and clauses)."""
        kind = v.value.kind
        ex, lex = self.ex, self.lex
        v_clause = self.clause(v.start)
        until = kind == "date" and (bool(lex.until_re.search(ex._before(v.start, 6)))
                                    or bool(lex.until_start_re.match(ex.lower, v.start)))
        # (自11月5日起生效 is the day something takes effect, not the start of a tenure)
        since = kind == "date" and self._since(v) and not lex.effective_after_re.match(ex.lower, v.end)
        # "chief executive since 2019", 自2019年起担任: the start of a tenure and of nothing else
        # (not the date of "said she would step down"; 自去年X被解雇以来 is the firing's)
        only_start = since and (not ex.chinese or bool(lex.since_after_re.match(ex.folded, v.end)))
        if only_start and lex.future_re.search(ex._before(v.start, 8)):
            only_start = False  # 将自7月1日起出任: when a planned change takes effect, not the start of a tenure
        starts = self._start_of_targets()
        out: list[Link] = []
        own = [t for t in self.triggers if v_clause.start <= t.start < v_clause.end
               and any(kind in s.predicate.kinds for s in t.senses)]
        if any(self._series(t) for t in own):
            return out  # the third senior departure this year: the date is the series' own
        if kind == "date" and (v.value.relative or "").startswith("this_") \
                and self.lex.series_word_re.search(ex.lower, v_clause.start, v_clause.end):
            return out  # "Au's departure is the second at the top of a company this year": the series' period
        if v_clause.kind == "condition" or lex.counterfactual_re.search(ex.folded, v_clause.start, v.start):
            return out  # "If the company lists next year, ...", "would have been": supposed, not claimed
        if kind != "date" and v_clause.index > 0 and self.clauses[v_clause.index - 1].kind == "condition" \
                and self.clauses[v_clause.index - 1].start >= self.sentence.start:
            return out  # 若超额配股权获悉数行使，集资额将增至约61.5亿港元: what would follow, not what is
        # "profit fell 31%", 少赚三成: a change, taken only by a predicate of change; never a level
        change = kind == "percent" and (bool(getattr(v.value, "points", False)) or self._change(v) is not None)
        if kind == "date" and lex.superlative_re.search(ex.folded, max(v_clause.start, v.start - SUPERLATIVE_REACH),
                                                        min(v_clause.end, v.end + SUPERLATIVE_REACH)):
            return out  # "the largest listing this year", 今年规模最大: a ranking's period
        if kind == "date" and (lex.made_before_re.search(ex._before(v.start, 24)) or lex.made_after_re.match(ex.folded, v.end)):
            return out  # "models built between 2023 and 2025", 2023年生产的车型: when the things were made
        if kind == "duration" and lex.window_re.search(ex._before(v.start, 16)):
            return out  # "over the next three years": the span of a plan
        if kind != "date" and (lex.forecast_before_re.search(ex._before(v.start, 24))
                               or lex.forecast_after_re.match(ex.folded, v.end)):
            return out  # "above its guidance of 35,000", 3.7万辆的指引: a forecast, not the figure
        if kind != "date" and self._others_figure(v, v_clause):
            return out  # "behind Apple's 21%", 高于上一代产品的160万台: another's figure
        if kind == "date" and (lex.price_date_after_re.match(ex.lower, v.end)
                               or lex.price_date_before_re.search(ex._before(v.start, 24))):
            return out  # "a premium to Friday's close", 较上周五收盘价: the price's day
        per_share = kind == "money" and (bool(lex.per_share_before_re.search(ex._before(v.start, 10)))
                                         or bool(lex.per_share_after_re.match(ex.lower, v.end)))

        def own_clause_has(k: str) -> bool:
            return bool(own)
        changed_by = self._changed_before(v) if kind in ("money", "count") else None
        # "in its results for the first half of 2025": a period of figures, the date of no event
        results_period = kind == "date" and lex.results_before_re.search(ex._before(v.start, 24)) is not None
        for t in self.triggers:
            senses = [s for s in t.senses if ((kind in s.predicate.kinds and (not only_start or s.since_takes_effect)
                                               and (not s.kinds or kind in s.kinds))
                      or (since and (s.predicate.id in starts or s.predicate.id in starts.values())))
                      and (not per_share or s.predicate.per_share) and (per_share or not s.per_share_only)
                      and not (s.predicate.max_amount and kind == "money" and (v.value.low or 0) >= s.predicate.max_amount)
                      # "each", "per share" mark the price right before them, no other amount
                      and (per_share or t.surface.lower() not in lex.per_share_words)
                      # "fined X NT$12 million for embezzling NT$95 million": a reason takes no value before it
                      and not (v.end <= t.start and self._word_before(t) in lex.reason_words)
                      and not (s.predicate.role_bound and self._other_role(t))
                      and not (s.no_earlier_clause and v.start < self.clause(t.start).start)
                      and s.predicate.change_of == change
                      and not (results_period and not s.predicate.accumulates)
                      and (not s.objects or self._followed_by(t, s.objects, s.object_words))
                      and not (s.not_objects and self._followed_by(t, s.not_objects, s.object_words))
                      and not (s.not_after_words and self._word_before(t) in s.not_after_words)
                      and not (s.not_followed_by and self.ex.folded.startswith(s.not_followed_by, t.end))
                      and (not s.after_words or self._after_word_or_name(t, s.after_words))
                      and (not s.preceded_by or self._preceded_by(t, s.preceded_by))
                      and not (s.not_preceded_by and self._preceded_by(t, s.not_preceded_by))
                      and not (s.not_between and any(w in ex.lower[min(v.end, t.end):max(v.start, t.start)]
                                                     for w in s.not_between))]
            if kind == "duration" and senses:
                from verifier.normalize.quantities import seconds

                days = seconds(v.value.value, v.value.unit) / 86400
                senses = [s for s in senses if days >= s.min_days]
            if until:
                senses = [s for s in senses if s.predicate.until_dates]
            if kind == "count":
                senses = [s for s in senses if self._counts_what(v, s.predicate)]
            elif kind == "percent":  # "另获得7.5%股东的不可撤销承诺": a share of the shareholders, no stake
                senses = [s for s in senses if not self._of_something_else(v, s.predicate)]
            if senses and not any(s.noun for s in senses) and t.surface.isascii() and " " not in t.surface and \
                    re.search(r"\b(?:(?:a|an)\s+(?:[a-z\-]+\s+)?|(?:the|its|their|his|her)\s+)$", ex.lower[max(0, t.start - 24):t.start]):
                senses = []  # "a strong start", "the lead": a verb's word used as a noun
            if senses and any(s.noun for s in senses) and t.surface.isascii() and _MODAL_BEFORE.search(ex.lower, max(0, t.start - 12), t.start):
                # "would cost $499", "will release": used as a verb (a noun alone is no word here)
                senses = [replace(s, noun=False) if s.noun else s for s in senses if s.verb]
            if not senses or self._series(t) or self._generic_plural(t) or abs(t.start - v.start) > LINK_WINDOW \
                    or self._set_aside(t) or self._component(t, v) or self._total_of_others(senses, v) \
                    or (kind == "date" and self._approved_at(t) is not None):  # the approval's day
                continue
            cost, how = self._cost(v, t, v_clause)
            if cost is None:
                continue
            if kind in ("money", "count") and t is changed_by:
                cost, how = 0.5, "the level after its change (rose N% to X)"  # "fell 31% … to HK$4.86 billion"
            t_clause = self.clause(t.start)
            if t_clause.kind == "condition" or (v_clause.kind == "attribution" and t_clause.index != v_clause.index):
                continue
            if kind == "count" and t_clause.index != v_clause.index \
                    and lex.count_noun_re.search(ex.folded, v_clause.start, v.start):
                continue  # 裁员完成后，员工人数将由7000人降至5740人: a count its own clause says is the staff's
            if change and t_clause.index != v_clause.index \
                    and any(v_clause.start <= u.start and u.end <= v.start for u in self.triggers):
                continue  # "revenue grew 12%, while costs rose 20%": the change of the word in its own clause
            if t_clause.kind in ("relative", "appositive") and t_clause.index != v_clause.index and v_clause.kind == "main" \
                    and any(d.value.kind == kind and t_clause.start <= d.start < t_clause.end for d in self.values):
                continue  # "X, which went public in 2019, had $820 million at the end of June": the aside has its own
            if t_clause.index != v_clause.index and v_clause.kind != "fronted" and how != "effective date":
                if tells_own_event(ex.lower, v_clause):
                    continue  # ", who was removed on Monday,": the date of the aside's own verb
                if v_clause.kind in ("relative", "appositive", "paren"):
                    if own_clause_has(kind):
                        continue  # "X, which Y agreed to buy for $2 billion, reported a loss": the aside's
                    cost += lex.clause_cost  # a value in an aside belongs to the aside's own words
                elif own_clause_has(kind):
                    cost += lex.clause_cost
                if self._own_subject(v_clause, v.start) and self._own_subject(t_clause, t.start):
                    if not how.startswith("reported by"):  # (X于周二宣布，Y辞职: the saying dates it)
                        continue  # two clauses, two subjects: "…, and venture investors put $31 billion into …"
                    if not how.endswith("after it"):  # (", the company said on Monday": who reports it)
                        cost += 2 * lex.clause_cost
            limit = lex.max_date_distance if kind == "date" else lex.max_distance
            for sense in senses:
                if sense.yields and self._followed_by_event(t, t_clause, kind):
                    continue
                c = cost - (1 if since and sense.predicate.id in starts else 0)
                if c <= limit:
                    out.append(Link(t, sense, c, how))
        out.sort(key=lambda link: (link.cost, link.trigger.start))
        return out

    def _cost(self, v: Found, t: Trigger, v_clause: Clause) -> tuple[float | None, str]:
        ex, lex = self.ex, self.lex
        kind = v.value.kind
        t_clause = self.clause(t.start)
        trigger_first = t.end <= v.start
        if not trigger_first and self._CLAUSE_BREAK.search(ex.folded, v.end, t.start):
            return None, ""  # "同比增长22%；净利润为21亿美元": a semicolon ends what the figure is of
        lo, hi = (t.end, v.start) if trigger_first else (v.end, t.start)
        if ex.chinese and kind != "date" and self._CJK_SPACE.search(ex.folded, max(0, lo - 1), hi + 1):
            return None, ""  # so does a space in Chinese: "营收增长16% 净利润8.3亿美元", a headline's two parts
        gap = ex.words.between(t.end, v.start) if trigger_first else ex.words.between(v.end, t.start)
        cross = crossing(self.clauses, v_clause, t_clause)
        how = f"{gap:.0f} words"
        cost = gap + lex.clause_cost * cross
        if ex.chinese and kind == "count" and trigger_first and "、" in ex.folded[t.end:v.start]:
            cost += 0.5  # 造成6人死亡、2人受伤: a count after a list mark is the next word's (6人死亡 reads so)
        if cross:
            how += f", {cross} clause{'s' if cross > 1 else ''} apart"
        if kind == "duration" and not trigger_first and lex.duration_of_before_re.search(ex._before(v.start, 16)):
            cost += lex.wrong_side_cost  # "has led X for 11 years and has been with it for 19": the verb's before
        # "…, effective January 24", 自11月5日起生效: the date the sentence's event takes effect
        if kind == "date" and (lex.effective_re.search(ex._before(v.start, 12))
                               or lex.effective_after_re.match(ex.lower, v.end)) and t.end <= v.start:
            cost = min(cost, 2 + gap * 0.1)
            how = "effective date"
        # a fronted adjunct dates the first event of the sentence
        if v_clause.kind == "fronted" and t_clause.index > v_clause.index:
            cost = min(cost, 1 + lex.clause_cost * max(0, cross) * 0.2 + gap * 0.2)
            how = "fronted adjunct"
        if kind == "date" and trigger_first and how != "effective date" and (any(
                t.end <= d.start and d.end <= v.start and d.value.kind == "date"
                and self._AND_NEXT.search(ex.lower, d.end, v.start) for d in self.values)
                or (ex.chinese and lex.zh_next_verb_re.search(ex.folded, t.end, v.start))):
            return None, ""  # "discovered it on April 22 and notified regulators on April 24": the next verb's
        if kind == "date":
            if self.ex.chinese and trigger_first and any(
                    v.end <= u.start <= v.end + 2 and u is not t
                    and any("date" in s.predicate.kinds and (s.role != "inherit" or self._told_before(s.inherit_from))
                            for s in u.senses)
                    for u in self.triggers):
                return None, ""  # 接替今年3月离职的沃尔什: a date right before an event word is that word's
            if self.ex.chinese and trigger_first and not self._leads_date(t, v):
                if t_clause.index < v_clause.index and ex.words.between(v_clause.start, v.start) <= 1.5 \
                        and not lex.effective_after_re.match(ex.lower, v.end):
                    return None, ""  # 宣布辞职，同一天该公司…: a date opening a clause dates what follows
                cost += lex.wrong_side_cost
                how += ", after its word"
            elif not self.ex.chinese and not trigger_first and v_clause.index == t_clause.index:
                cost += lex.wrong_side_cost / 3
        # reported speech: the date of "said"/宣布 is the date of what is said; a date that stands
        # on "said" reaches the words after it only through it
        if kind == "date" and not ex.chinese and any(
                b1 <= v.start and ex.words.between(b1, v.start) <= 2 and b1 <= t.start for b0, b1 in self.bridges):
            cost = float("inf")
        # "The resignation of X, announced on Monday, …": a date on a participle after a noun
        # dates that noun's event
        if kind == "date" and not ex.chinese and t.end <= v.start and any(s.noun for s in t.senses) and any(
                b1 <= v.start and ex.words.between(b1, v.start) <= 2 and t.end <= b0 and ex.words.between(t.end, b0) <= 6
                and t_clause.index + 1 >= self.clause(b0).index for b0, b1 in self.bridges):
            cost, how = min(cost, 2 + ex.words.between(t.end, v.start) * 0.2), "announced then"
        for b0, b1 in self.bridges:
            if kind == "date" and t.end <= b0 and b1 <= v.start and ex.words.between(b1, v.start) <= 5:
                # "X will cut 300 jobs, the company said on Monday": a report after the event, in a
                # clause of its own that opens with who says it
                b_clause = self.clause(b0)
                if b_clause.index > t_clause.index and v_clause.index == b_clause.index \
                        and ex.words.between(b_clause.start, b0) <= 4 and crossing(self.clauses, t_clause, b_clause) <= 2:
                    via = ex.words.between(b1, v.start) + lex.bridge_cost + lex.clause_cost
                    if via < cost:
                        cost, how = via, f"reported by '{ex.text[b0:b1]}' after it"
                continue
            if kind != "date" or b0 >= t.start:
                continue
            if v.end <= b0 or (b1 <= v.start and ex.words.between(b1, v.start) <= 3):
                d = ex.words.between(v.end, b0) if v.end <= b0 else ex.words.between(b1, v.start)
                reach = ex.words.between(b1, t.start)
                told_by_another = bool(lex.bridge_blocker_re.search(ex.folded, max(b1, v.end), t.start)) \
                    and self._other_doer(b0, t)
                if told_by_another and not any(s.predicate.told_when_said for s in t.senses):
                    continue  # "X said on Tuesday that Y had fired Z": the firing came first (an
                    # announced departure is told that day: "said on Monday that Y had resigned")
                if reach <= 14 and crossing(self.clauses, self.clause(b0), t_clause) <= 2:
                    via = d + lex.bridge_cost + lex.clause_cost * crossing(self.clauses, v_clause, self.clause(b0)) + reach * 0.2
                    if via < cost:
                        cost, how = via, f"reported by '{ex.text[b0:b1]}'" + (TOLD_BY_ANOTHER if told_by_another else "")
        # another event word of the same clause between them shields the value
        lo, hi = (t.end, v.start) if trigger_first else (v.end, t.start)
        for other in self.triggers:
            if other is t or not (lo <= other.start and other.end <= hi):
                continue
            if self.clause(other.start).index == v_clause.index and any(s.shields for s in other.senses) \
                    and not any(v.value.kind in s.predicate.kinds for s in other.senses):
                cost += lex.shield_cost
                how += f", past '{ex.text[other.start:other.end]}'"
                break
        return cost, how

    def _followed_by_event(self, t: Trigger, clause: Clause, kind: str) -> bool:
        """Whether another event word of a value of this kind, one that does not yield, follows
        `t` in its clause."""
        return any(t.end <= u.start < clause.end and any(not s.yields and kind in s.predicate.kinds for s in u.senses)
                   for u in self.triggers)

    def _doer_before(self, t: Trigger, predicate: str, cands: list[Mention]) -> Mention | None:
        """The doer of an earlier event word of `predicate` in the sentence, in another clause:
        a name after a doer's marker (获日本软银投资, "invested by Y"), else the name before the
        word that no preposition leads (Y向X投资: Y)."""
        for u in reversed(self.triggers):
            if u.end > t.start or not any(s.predicate.id == predicate for s in u.senses):
                continue
            u_clause = self.clause(u.start)
            if u_clause.index == self.clause(t.start).index:
                continue
            return self._doer(u_clause, u, cands)
        return None

    def _doer(self, clause: Clause, t: Trigger, cands: list[Mention]) -> Mention | None:
        """Who does the event word in its clause: a name after a doer's marker (获日本软银投资,
        被X), else the last name before the word that no preposition leads (Y向X投资: Y)."""
        before = [m for m in cands if clause.start <= m.start and m.end <= t.start]
        marked = [m for m in before if self.lex.agent_marker_re.search(self._before_name(m))]
        if marked:
            return marked[-1]
        plain = [m for m in before if not self._prepositional(m)]
        return plain[-1] if plain else None

    def _before_name(self, m: Mention) -> str:
        """The words before a name, less a place word or two (获日本软银: 获)."""
        before = self.ex._before(m.start, 10)
        return self.lex.place_tail_re.sub("", before)

    def _preceded_by(self, t: Trigger, words: frozenset[str]) -> bool:
        """Whether one of `words` stands before the trigger in its sentence (裁定X赔偿: a ruling;
        "net profit … NT$213 billion, or NT$8.20 per share": earnings per share)."""
        before = self.ex.lower[self.sentence.start:t.start]
        return any(w in before for w in words)

    def _change(self, v: Found) -> str | None:
        """"rise" or "fall" when a percentage stands right after a word of change."""
        if v.pattern.endswith(".rise"):
            return "rise"  # 翻倍, "doubled": a rise by its own word
        before = self.ex._before(v.start, 10)
        for direction, regex in (("fall", self.lex.change_fall_re), ("rise", self.lex.change_rise_re)):
            m = regex.search(before)
            if m and not self._inside_event_word(v.start - len(before) + m.start()) \
                    and not (m.group(0).strip().lower() == "up" and self.lex.share_before_up_re.search(
                        self.ex.lower, max(0, v.start - len(before) + m.start() - 12), v.start - len(before) + m.start())):
                return direction  # (not "made up about 31% of revenue": a share)
        if self.lex.change_after_fall_re.match(self.ex.lower, v.end):
            return "fall"  # "closed 2.1% lower"
        if self.lex.change_after_rise_re.match(self.ex.lower, v.end):
            return "rise"
        if _BY_END.search(before):  # "raise its dividend by 8%": a rise word earlier in the clause
            start = max(self.clause(v.start).start, v.start - 80)
            if self.lex.change_by_rise_re.search(self.ex.folded, start, v.start):
                return "rise"
        if self.lex.change_after_compared_re.match(self.ex.lower, v.end):
            # "rose 5% sequentially and 30% from a year earlier": the change told just before's direction
            told = [w for w in self.values if w.value.kind == "percent" and self.sentence.start <= w.start and w.end <= v.start
                    and v.start - w.end <= CHANGE_TO_REACH]
            return self._change(told[-1]) if told else None
        return None

    def _changed_before(self, v: Found) -> Trigger | None:
        """The event word of a change told right before a value after "to"/至 in its clause ("profit
        … fell 31% from a year earlier to HK$4.86 billion", 营收增长11%至93亿美元): the value is the
        level that word's figure changed to."""
        if not _TO_END.search(self.ex._before(v.start, 8)):
            return None
        clause = self.clause(v.start)
        changes = [w for w in self.values if w.value.kind == "percent" and clause.start <= w.start and w.end <= v.start
                   and v.start - w.end <= CHANGE_TO_REACH and self._change(w) is not None]
        if not changes:
            return None
        w = changes[-1]
        words = [t for t in self.triggers if clause.start <= t.start and t.end <= w.start
                 and any(s.predicate.change_of for s in t.senses)]
        return words[-1] if words else None

    def _inside_event_word(self, pos: int) -> bool:
        """Whether a word of change found at `pos` ends a longer event word of no change (裁减约10%:
        减 ends 裁减, a cut of staff)."""
        return any(t.start < pos < t.end and not any(s.predicate.change_of for s in t.senses) for t in self.triggers)

    def _other_role(self, t: Trigger) -> bool:
        """Whether the trigger's clause speaks of staying on in another role (as an adviser)."""
        clause = self.clause(t.start)
        return self.lex.other_role_re.search(self.ex.folded, clause.start, clause.end) is not None

    def _word_before(self, t: Trigger) -> str:
        """The word right before a trigger, in lower case ("package" in "a pay package worth")."""
        m = _LAST_WORD.search(self.ex.lower, max(0, t.start - 32), t.start)
        return m.group(1) if m else ""

    _OF_AFTER = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:new\s+)?")

    def _units_of(self, v: Found, link: Link) -> tuple[list[Mention], str] | None:
        """"sold 3.2 million copies of Ashen Vale 2": the units are the product's, whoever sold them."""
        if v.value.kind != "count" or "product" not in link.sense.predicate.types:
            return None
        of = self._OF_AFTER.match(self.ex.lower, v.end)
        if of is None:
            return None
        product = next((m for m in self.named if m.type == "product" and m.start == of.end()), None)
        return ([product], "the product the units are of") if product is not None else None

    def _told_before(self, predicate: str | None) -> bool:
        """Whether the article told of an event of `predicate` (a deal) that a later word can
        inherit (预计于2027年上半年完成 closes a deal only in an article that told of one)."""
        return bool(predicate) and (self.ex.by_predicate.get(predicate) is not None
                                    or self.ex.last_object.get(predicate) is not None)

    def _after_word_or_name(self, t: Trigger, words: frozenset[str]) -> bool:
        """Whether the trigger follows one of `words`, a name or a comma ("Korvane, worth about $4
        billion", "is now worth"; not "incentives worth about $410 million")."""
        before = self.ex.lower[max(0, t.start - 32):t.start].rstrip()
        if not before or before[-1] in ",(—–":
            return True
        end = t.start - (len(self.ex.lower[max(0, t.start - 32):t.start]) - len(before))
        return self._word_before(t) in words or any(m.end == end for m in self.ex.mentions)

    def _followed_by(self, t: Trigger, objects: frozenset[str], reach: int | None = None) -> bool:
        """Whether one of `objects` follows the trigger within its clause, a few words on ("cut
        about 1,200 jobs", "cut 8% of its workforce"; not "cut its forecast")."""
        clause = self.clause(t.start)
        words = _WORD.findall(self.ex.lower, t.end, min(clause.end, t.end + OBJECT_REACH))
        if any(w in objects for w in words[:reach or OBJECT_WORDS]):
            return True
        # Chinese objects: within a few characters (投资9亿美元建设新工厂)
        after = self.ex.folded[t.end:min(clause.end, t.end + OBJECT_ZH_REACH)]
        return any(not w.isascii() and w in after for w in objects)

    def _own_subject(self, clause: Clause, pos: int) -> bool:
        """Whether a clause names a subject of its own before a position (a name, or someone in
        general: "investors", 业内)."""
        if any(clause.start <= m.start < pos and not self._prepositional(m) for m in self.named):
            return True
        return any(g.start() < pos for g in self.lex.generic_re.finditer(self.ex.folded, clause.start, pos))

    def _counts_what(self, v: Found, pred) -> bool:
        """A count fits a predicate that counts its kind of thing: layoffs count jobs, sales
        count copies or vehicles."""
        val = v.value
        words = {(getattr(val, "unit", "") or "").lower(), (getattr(val, "noun", "") or "").lower()}
        if words & pred.count_not_units:
            return False  # "48 reports of overheating" is no count of what was recalled
        if self._of_something_else(v, pred):
            return False  # "four dead and 11 missing": the missing
        if not pred.count_units or (v.pattern or "").endswith("+counted"):
            return True
        after = self.ex.lower[v.end:v.end + 4].strip()
        return bool(words & pred.count_units) or any(after.startswith(u) for u in pred.count_units)

    def _of_something_else(self, v: Found, pred) -> bool:
        """Whether a figure is followed by a word of what its predicate does not count ("11 missing",
        11人失踪, "7.5% of shareholders")."""
        after = self.ex.folded[v.end:v.end + 20].lower().lstrip()
        return any(after.startswith(u) for u in pred.count_not_units)

    COMPONENT_REACH = 24  # characters before a figure where a part's word (减值拨备, "impairment of") makes it that part's

    def _component(self, t: Trigger, v: Found) -> bool:
        """亏损主要由于关闭门店的减值拨备约1.5亿港元, "the loss included an impairment charge of $150
        million": an amount its own words name as a part (a provision, a one-off charge) is that
        part's, not the event word's before it."""
        if v.value.kind != "money":
            return False
        # after the event word, from it; before it, in the figure's own clause
        start = t.end if t.end <= v.start else max(self.clause(v.start).start, self.sentence.start)
        return self.lex.components_re.search(self.ex.folded, max(start, v.start - self.COMPONENT_REACH), v.start) is not None

    def _total_of_others(self, senses: list, v: Found) -> bool:
        """合计约2.25亿元 after back taxes, late fees and a fine: a total is not the fine."""
        if not all(s.predicate.no_totals for s in senses):
            return False
        clause = self.clause(v.start)
        return self.lex.cumulative_re.search(self.ex.folded, clause.start, v.start) is not None

    def _approved_at(self, t: Trigger) -> int | None:
        """Where the approval ends when an approval word stands before the event word in its clause
        ("gave final approval to a $42.5 million settlement", 批准了…和解协议); None when none does
        or the word is itself an approval."""
        if any(s.predicate.id == "approval" for s in t.senses):
            return None
        clause = self.clause(t.start)
        found = None
        for m in self.lex.approve_re.finditer(self.ex.folded, clause.start, t.start):
            found = m.end()
        return found

    def _set_aside(self, t: Trigger) -> bool:
        """除索赔外，还要求其退还…: an event set aside ("apart from the claim"), told elsewhere, is
        not what the figures after it are of."""
        return bool(self.ex.chinese and self.lex.aside_before_re.search(self.ex.folded[max(0, t.start - 8):t.start])
                    and self.lex.aside_after_re.match(self.ex.folded, t.end))

    def _generic_plural(self, t: Trigger) -> bool:
        """"Fines across the bloc totalled …": a plural noun opening its clause with nothing
        that makes it someone's speaks of many, not of one event."""
        surface = t.surface.lower()
        if not surface.endswith("s") or not surface.isascii() or " " in surface:
            return False
        clause = self.clause(t.start)
        before = self.ex.lower[clause.start:t.start].strip()
        if re.search(r"\bone of\b", self.ex.lower[max(clause.start, t.start - 48):t.start]):
            return True  # "one of China's most watched releases this year"
        of = re.match(r"\s+(?:of|in)\s+(?:the\s+)?", self.ex.lower[t.end:t.end + 12])
        if of and any(m.start == t.end + of.end() and not m.pronoun for m in self.named):
            return False  # "Shares of Jadeway Robotics rose 27%": whose they are follows
        return not before or before in ("such", "these", "those", "many", "most", "all")

    def _other_doer(self, bridge_start: int, t: Trigger) -> bool:
        """Whether someone other than the sayer is named between the saying and the event word
        ("Veltrix said that its chief scientist, Oriana Kessel, had resigned"); "it" is the sayer."""
        return any(bridge_start < m.start < t.start and not m.pronoun for m in self.named)

    def _series(self, t: Trigger) -> bool:
        """"the third senior departure this year": one of a series, not one event."""
        return bool(self.lex.series_re.search(_LAST_WORD.sub(" ", self.ex._before(t.start, 30))) or
                    self.lex.series_re.search(self.ex._before(t.start, 12)) or
                    self.lex.series_to_re.search(self.ex._before(t.start, 60)))

    def _leads_date(self, t: Trigger, v: Found) -> bool:
        between = self.ex.lower[t.end:v.start]
        return len(between) <= 6 and (not between.strip() or bool(self.lex.zh_date_after_re.search(between))
                                      or bool(re.match(r"\s*(?:于|在|为|是|到|至|自|定于|将于)", between)))

    EVENT_PLACE_REACH = 60  # characters after a date where "at an event in San Jose" may say its clock

    def _zone(self, v: Found) -> str | None:
        from verifier.text.dateline import event_place_zone, zone_marker

        clause = self.clause(v.start)
        found = zone_marker(self.ex.folded, max(clause.start, v.start - 12), v.start)
        if found:
            return found[0]
        # "unveiled it on Tuesday at an event in San Jose": the clock of where it happened
        at = event_place_zone(self.ex.folded, clause.start, min(clause.end, v.end + self.EVENT_PLACE_REACH))
        if at:
            return at
        # a Chinese article whose clock is not known reads dates on one clock with other Chinese
        # articles: two of them a day apart are not explained by time zones
        return self.ex.tz or ("zh" if self.ex.chinese else None)

    def _hedged(self, t: Trigger) -> bool:
        clause = self.clause(t.start)
        return self.lex.hedge_re.search(self.ex.folded, clause.start, t.start) is not None

    def _combined_owner(self, v: Found, link: Link) -> tuple[list[Mention], str]:
        """A value of the combined company with no other subject ("合并后公司市值约140亿美元",
        "Combined, the two companies would have a market value of …") is the buyer's, when the
        article has named one: the combined company carries the buyer's name."""
        ex = self.ex
        if ex.buyer is None or "org" not in link.sense.predicate.types:
            return [], ""
        hi = max(v.end, link.trigger.end)
        if not self.lex.scope_combined_re.search(ex.folded, self.sentence.start, hi):
            return [], ""
        return self._as_buyer(v)

    def _as_buyer(self, v: Found) -> tuple[list[Mention], str]:
        """The combined company carries the buyer's name: "合并后公司市值约140亿美元"."""
        return [Mention(v.start, v.start, self.ex.buyer, "org", pronoun=True)], "the buyer (a combined company is the buyer's)"

    def _scope(self, v: Found, link: Link) -> dict[str, str]:
        """When and of what a value holds, where its clause says so: a funding round (Series B,
        B轮, 本轮 = the round told last), 'the combined company', before/after an event, 当时,
        目前/now, a date in its clause or one its sentence gives the round."""
        ex, lex = self.ex, self.lex
        clause = self.clause(v.start)
        lo = min(clause.start, link.trigger.start)
        hi = max(clause.end, link.trigger.end)
        scope: dict[str, str] = {}
        told_before = None  # the round its sentence told before it, taken for want of one nearer
        near = [m for m in lex.round_re.finditer(ex.folded, max(self.sentence.start, lo - 20), hi)]
        if near:
            # the round right after a figure is its round (2500万美元A轮和7000万美元B轮), then one in
            # its own clause (2023年完成A轮融资，2024年完成B轮融资), then the nearest
            closest = min(near, key=lambda m: (
                not (0 <= m.start() - v.end <= 1 and not ex.folded[v.end:m.start()].strip()),
                # (not a round after a comparison: 估值11亿美元，较C轮时的16亿美元)
                not (clause.start <= m.start() < clause.end and not lex.comparison_re.search(
                    ex.folded, min(v.end, m.start()), max(v.end, m.start()))),
                abs(m.start() - v.start)))
            scope["of"] = _round_name(closest.group(0), lex.round_aliases)
        elif lex.round_anaphora_re.search(ex.folded, self.sentence.start, hi):
            last = [m for m in lex.round_re.finditer(ex.folded, 0, self.sentence.start)]
            if last:
                scope["of"] = _round_name(last[-1].group(0), lex.round_aliases)
        else:
            told_before = self._round_told_before(v)
            if told_before:
                scope["of"] = told_before
        if lex.scope_combined_re.search(ex.folded, max(self.sentence.start, lo - 12), hi):
            scope["of"] = "combined"
        if lex.scope_before_re.search(ex.folded, self.sentence.start, hi) or lex.before_event_re.search(ex.lower[clause.start:clause.end]):
            scope["when"] = "before"
        elif (lex.scope_after_re.search(ex.folded, self.sentence.start, hi) or lex.after_event_re.search(ex.lower[clause.start:clause.end])) \
                and "of" not in scope:
            scope["when"] = "after"
        elif link.sense.predicate.changes and lex.diluted_re.search(ex.lower, clause.start, clause.end) \
                and not _TO_END.search(ex._before(v.start, 8)):
            scope["when"] = "before"  # 所持18%股权被摊薄至约6%: the 18% held before the dilution
        elif lex.scope_now_re.search(ex.folded, clause.start, v.start):
            scope["when"] = ex.published.isoformat() if ex.published else "now"  # 目前, "now"
        # a time the value is of: a date before it in its clause (在今年1月的B轮融资中估值…), or
        # right after it ("valued at $4.5 billion in its January round"); not a date it is
        # compared with (较去年的高点下跌近一半)
        dates = [d for d in self.values if d.value.kind == "date" and clause.start <= d.start < clause.end
                 and (d.end <= v.start or (d.start >= v.end and ex.words.between(v.end, d.start) <= 4
                                           and re.match(r"\s*(?:\([^)]*\)\s*)?(?:in|on|as of|at|截至|于|(?=last\b|this\b))\b",
                                                        ex.lower[v.end:d.start + 5])))
                 and not lex.same_period_re.match(ex.lower, d.end)
                 and not self._dates_other_value(d, v)
                 # "raised $25 million in 2023 and $70 million in 2024": an English date after another
                 # figure of the kind is that figure's
                 and not (not ex.chinese and d.end <= v.start and lex.and_then_re.match(ex.lower, d.end) and any(
                     w is not v and w.value.kind == v.value.kind and clause.start <= w.start and w.end <= d.start
                     for w in self.values))]
        if not dates and "when" not in scope and clause.index > 0:
            # 截至3月31日的财年，公司净利润…: a fronted time adjunct dates the clause after it
            before = self.clauses[clause.index - 1]
            if before.start >= self.sentence.start:
                inside = [d for d in self.values if d.value.kind == "date" and before.start <= d.start < before.end]
                rest = len(ex.folded[before.start:before.end].strip(" ，,、")) - sum(d.end - d.start for d in inside)
                if inside and (before.kind == "fronted" or rest <= 2):
                    dates = inside  # (a clause that is nothing but a time: 表示，截至3月31日的财年，…)
                elif inside and lex.when_clause_re.match(ex.lower, clause.start) \
                        and not ex.lower[inside[-1].end:clause.start].strip(" ,"):
                    dates = inside[-1:]  # "since 2019, when 40 people died": the clause is of that time
                elif inside and ex.chinese and link.sense.predicate.recurring and not link.sense.predicate.toll \
                        and not any(clause.start <= m.start < v.start for m in self.named) \
                        and not lex.this_time_re.search(ex.folded, clause.start, clause.end):
                    # 公司去年曾以每股1.65港元配售新股，集资3.5亿港元: a clause with no subject of its
                    # own goes on with the one before, at its time (not a toll's: as of when it is told;
                    # nor the time of a figure there: 较周一收市价4.74港元折让14.6%)
                    dates = [d for d in inside[-1:] if not self._dates_other_value(d, v)
                             and not any(d.end <= u.start <= d.end + 1 for u in self.triggers)]
        if not dates and "when" not in scope and v.value.kind in ("money", "count", "percent"):
            # "raised $600 million in January 2025, a deal that valued the company at $4.5 billion",
            # "last cut staff in 2023, when it shed 600 jobs" (not the date of another round:
            # 估值达60亿元，高于2023年的A轮估值; nor the day it was said: "said on Tuesday it would cut")
            dated = {(c.start, c.end) for c in ex.in_sentence.get(self.sentence.start, ())
                     if c.kind == "date" and (c.predicate in lex.dated_by or c.predicate == link.sense.predicate.id)
                     and self.sentence.start <= c.start < self.sentence.end
                     and not c.why.get("link", "").startswith("reported by")
                     and c.scope.get("of", scope.get("of")) == scope.get("of", c.scope.get("of"))}
            # (not across 今次 or "this time": 2024年3月购入24.9%股权，今次提出收购…溢价32.3%)
            dates = [d for d in self.values if (d.start, d.end) in dated
                     and not lex.this_time_re.search(ex.folded, min(d.end, v.start), max(d.end, v.start))]
        if not dates and "when" not in scope and v.value.kind in ("money", "count", "percent") \
                and self._past_period(v, clause):
            scope["when"] = "before"  # 过去一年在20亿港元回购计划下: a figure of the year before what the article tells
        if dates and scope.get("when") not in ("before", "after"):
            closest = min(dates, key=lambda d: abs(d.start - v.start))
            dv = closest.value
            if dv.start:
                scope["when"] = dv.start if dv.start == dv.end else f"{dv.start}/{dv.end}"
        if told_before and scope.get("of") == told_before and "when" in scope and not dates:
            del scope["of"]  # 目前, "now", after an event: a later value than the round's
        if link.sense.predicate.sessions:
            # "rose 4.5% in afternoon trading" and "closed 3% higher": two moves, not one told twice
            # (早盘一度大跌11%，最终收跌6.2%: each move's own session, the word nearest it in its clause)
            told = list(lex.session_re.finditer(ex.folded, self.sentence.start, self.sentence.end))
            own = [m for m in told if clause.start <= m.start() < clause.end]
            found = min(own or told, key=lambda m: abs(m.start() - v.start), default=None)
            scope["of"] = "session:" + (lex.sessions.get(found.group(0).lower(), "unstated") if found else "unstated")
            if "when" not in scope and not dates and ex.published:
                scope["when"] = ex.published.isoformat()  # a move told with no day: the day of its article
        if link.sense.predicate.accumulates and not link.sense.predicate.change_of and "when" not in scope \
                and lex.year_earlier_re.search(
                ex.folded, clause.start, min(clause.end, v.end + 24)):
            # 去年同期亏损6.1亿港元, "a loss of HK$610 million a year earlier": the period a year before
            period = ex.period or next((c.scope["when"] for c in ex.in_sentence.get(self.sentence.start, ())
                                        if c.start < v.start and c.scope.get("when", "")[:1].isdigit()), None)
            scope["when"] = _year_before_period(period) if period else "before"
            return scope
        if link.sense.predicate.accumulates:
            # a results story states its period once ("in the second quarter") and its other
            # figures are of the same period until another is stated
            if dates and "when" in scope and not any(self._own_date(d, v) for d in dates) \
                    and not (self._sought(v, link) or self._planned(v, link)):
                ex.period = scope["when"]  # (not 上年的4.55亿美元: a date of that value alone; not a forecast's)
                ex.period_of = self._orgs_named()
            elif "when" not in scope:
                # 累计今年前4月营收为…，较去年同期年增19.8%: the period its sentence gave before it
                told = [c.scope["when"] for c in ex.in_sentence.get(self.sentence.start, ())
                        if c.start < v.start and "when" in c.scope and c.scope["when"][:1].isdigit()
                        and c.predicate in lex.accumulating and "+compared" not in c.why.get("value", "")]
                if told:
                    scope["when"] = told[-1]
                elif ex.period and not (self._orgs_named() - ex.period_of):
                    scope["when"] = ex.period  # (not another company's: "Tiangou said sales rose 8.6%…")
        return scope

    def _past_period(self, v: Found, clause) -> bool:
        """Whether the clause of `v` tells a period up to the article's day: a duration after
        过去 or "over the past" (a figure of before what the article tells)."""
        return any(d.value.kind == "duration" and clause.start <= d.start < clause.end
                   and self.lex.past_period_re.search(self.ex.lower, max(clause.start, d.start - 16), d.start)
                   for d in self.values)

    def _part_of_count(self, v: Found) -> bool:
        """Whether a count is told in a list of the parts of a count before it in its sentence
        (其中 or "of whom" opening its clause or one before it, no 另有 or semicolon since)."""
        lex, text = self.lex, self.ex.folded
        opened = None
        for opened in lex.part_list_open_re.finditer(text, self.sentence.start, v.start):
            pass
        if lex.part_of_after_re.match(self.ex.lower, v.end):  # "injured 27, four of them critically"
            whole_before = v.start
        elif opened is None or lex.part_list_end_re.search(text, opened.end(), v.start):
            return False
        else:
            whole_before = opened.start()
        return any(w.value.kind in ("count", "number") and self.sentence.start <= w.start and w.end <= whole_before
                   and self._counts_alike(w, v) for w in self.values)

    def _counts_alike(self, w: Found, v: Found) -> bool:
        """Whether two counts count the same kind of thing: the same unit or noun, people both
        ([link] people_counts), or one a bare number (12人死亡、23人受伤，其中9人; not
        109起报告，其中72人被烫伤)."""
        words = [{x.lower() for x in (getattr(f.value, "unit", ""), getattr(f.value, "noun", "")) if x} for f in (w, v)]
        if not words[0] or not words[1] or words[0] & words[1]:
            return True
        return all(ws & self.lex.people_counts for ws in words)

    def _orgs_named(self) -> frozenset[str]:
        """The organisations this sentence names (not by a pronoun)."""
        return frozenset(m.entity for m in self.named if m.type == "org" and not m.pronoun)

    OTHERS_REACH = 40  # characters from "behind", 高于 to the figure they compare with

    def _others_figure(self, v: Found, clause: Clause) -> bool:
        """Whether a figure is compared with as another's: after "behind", 落后于, 高于 (in its
        clause, a few words before it) and a name or a word for another thing (its predecessor,
        对手) between them."""
        lo = max(clause.start, v.start - self.OTHERS_REACH)
        intro = None
        for intro in self.lex.others_figure_re.finditer(self.ex.folded, lo, v.start):
            pass
        if intro is None:
            return False
        a = intro.end()
        return any(a <= m.start and m.end <= v.start for m in self.named) \
            or self.lex.other_things_re.search(self.ex.folded, a, v.start) is not None

    def _own_date(self, d: Found, w: Found) -> bool:
        """Whether date `d` stands right before value `w`, 的 at most between (上年的4.55亿美元)."""
        return 0 <= w.start - d.end <= 3 and re.fullmatch(r"\s*的?\s*", self.ex.lower[d.end:w.start]) is not None

    def _dates_other_value(self, d: Found, v: Found) -> bool:
        """由上年的4.55亿美元增至6.1亿美元: a date right before another value is that value's
        time, not `v`'s."""
        return any(w is not v and w.value.kind != "date" and not _just_one(w) and self._own_date(d, w) for w in self.values)

    _CLAUSE_BREAK = re.compile(r"[;；]")
    _AND_NEXT = re.compile(r",?\s+and\s+(?:then\s+)?[a-z]+(?:ed|d)\b")
    _CJK_SPACE = re.compile(r"[\u4e00-\u9fff%％]\s+[\u4e00-\u9fff]")

    def _round_told_before(self, v: Found) -> str | None:
        """"raised $300 million in a Series C round led by X, valuing it at $4 billion": the one
        round its sentence told before it, unless a comparison (up from, 高于) or a semicolon
        stands between them."""
        ex, lex = self.ex, self.lex
        before = list(lex.round_re.finditer(ex.folded, self.sentence.start, v.start))
        names = {_round_name(m.group(0), lex.round_aliases) for m in before}
        if len(names) != 1 or lex.comparison_re.search(ex.folded, before[-1].end(), v.start) \
                or self._CLAUSE_BREAK.search(ex.folded, before[-1].end(), v.start):
            return None
        return names.pop()

    # ------------------------------------------------------------------ subjects
    def eligible(self, types: tuple[str, ...]) -> list[Mention]:
        found = self._eligible.get(types)
        if found is None:
            # ("former Alibaba engineer Sun Meiling": the company says where a person worked)
            found = self._eligible[types] = [
                m for m in self.named if m.type in types and not self._in_aside(m)
                and not (m.type == "org" and (self.lex.background_role_re.match(self.ex.lower, m.end)
                                              or self._post_before_person(m)))]
        return found

    def _in_aside(self, m: Mention) -> bool:
        """孔维新（孔维安胞兄）: a Chinese name opening a parenthesis that says more than the name (a
        kinship, a post) is an aside about someone else, not who the clause is about."""
        folded = self.ex.folded
        return m.start > 0 and folded[m.start - 1] in "（(" and not m.pronoun and \
            folded[m.end:m.end + 1] not in ("）", ")", "") and "\u4e00" <= folded[m.start] <= "\u9fff"

    def _post_before_person(self, m: Mention) -> bool:
        """奥瑞网半导体（Orrinet Semiconductor）前总裁雷克, "Orrinet CEO Dovan Reyk": the company
        says whose post the person held; the person is the one the clause is about."""
        gloss = _GLOSS_AFTER.match(self.ex.lower, m.end)
        post = self.lex.post_of_re.match(self.ex.lower, gloss.end() if gloss else m.end)
        if post is None or post.end() == (gloss.end() if gloss else m.end):
            return False
        return any(p.type == "person" and 0 <= p.start - post.end() <= 1 for p in self.named)

    def _prepositional(self, m: Mention) -> bool:
        """A name after a preposition or an object verb (从谷歌, led by X, 收购X), or joined by
        、/和/and to one that is (从谷歌、亚马逊等处)."""
        if id(m) in self._prep_cache:
            return self._prep_cache[id(m)]
        before = self.ex._before(m.start, 12)
        clause = self.clause(m.start)
        found = bool(self.lex.preposition_re.search(before) and not self.lex.not_preposition_re.search(before)) \
            or bool(self.lex.object_verb_re.search(before)) \
            or clause.kind == "attribution" \
            or bool(self.lex.source_attribution_re.search(self.ex.lower, max(clause.start, m.start - 48), m.start))
        # (据研究机构X数据, "according to research firm X": where a figure comes from, in its clause)
        if not found:
            prev = [x for x in self.named if clause.start <= x.start and x.end <= m.start]  # a list within the clause
            if prev and prev[-1] is not m:
                gap = self.ex.folded[prev[-1].end:m.start]
                if _join_re().match(gap) or (prev[-1].entity == m.entity and re.fullmatch(r"[\s(（]*", gap)):
                    found = self._prepositional(prev[-1])  # 从谷歌、亚马逊; 由钴岭资本(Cobalt Ridge Capital)
        self._prep_cache[id(m)] = found
        return found

    def _holder_before_verb(self, t: Trigger, clause: Clause, cands: list[Mention]) -> Mention | None:
        """X持有Y 5.1%的股份: the name right before the shares is the company they are of; the
        holder is the name before the verb of holding."""
        if not self.ex.chinese:
            return None
        before = [m for m in cands if clause.start <= m.start and m.end <= t.start and not m.pronoun]
        if len(before) < 2:
            return None
        owned, holder = before[-1], None
        for m in reversed(before[:-1]):
            if m.entity != owned.entity:
                holder = m
                break
        if holder is None or not self.lex.hold_verb_re.search(self.ex.folded, holder.end, owned.start):
            return None
        return holder

    def _described_by(self, t: Trigger, cands: list[Mention]) -> Mention | None:
        """任职12年的Martin Kell, 成立于2015年的泊岸科技: an event word and its value before 的
        describe the name right after it."""
        if not self.ex.chinese:
            return None
        m = _ZH_ATTRIBUTIVE.match(self.ex.folded, t.end)
        if m is None:
            return None
        if any(t.end <= c.start < m.end() for c in self.mentions):
            return None  # 起诉Y的子公司: Y's, not the event's
        return next((c for c in cands if c.start == m.end() and not c.pronoun), None)

    def subjects(self, t: Trigger, sense: Sense) -> tuple[list[Mention], str]:
        """Who the claim is about, by the role the event word gives its subject."""
        pred = sense.predicate
        role = sense.role
        cands = self.eligible(pred.types)
        clause = self.clause(t.start)
        if role == "inherit":
            prior = self.ex.by_predicate.get(sense.inherit_from or "")
            subject = prior.subject if prior is not None else self.ex.last_object.get(sense.inherit_from or "")
            if subject is not None:
                return [Mention(t.start, t.start, subject, "org")], f"subject of the {sense.inherit_from} told before"
            return [], ""  # no deal told before: "close its plant" closes no deal
        if pred.per_share:
            target = self._taken_over()
            if target is not None:
                return [Mention(t.start, t.start, target, "org")], "the company taken over (its price per share)"
        described = self._described_by(t, cands)
        if described is not None:
            return [described], "what the 的 phrase describes"
        if any(x.noun for x in t.senses) and role in ("agent", "patient", "owner"):
            # "the resignation of Hollis Fairweather", "Wahlgren's departure", 他的离职
            owner = self._owner(t, clause, cands)
            if owner:
                return [owner], "whose event the noun names (X's / of X)"
        if role == "holder":
            by = re.match(r"\s*by\b", self.ex.lower[t.end:t.end + 6])
            if by:
                after_by = [m for m in cands if m.start >= t.end and m.start - t.end <= 60]
                if after_by:
                    return [after_by[0]], "doer after 'by'"
            if sense.holder_from and not self._own_subject(clause, t.start):
                doer = self._doer_before(t, sense.holder_from, cands)
                if doer is not None:
                    return [doer], f"who made the {sense.holder_from} told before"
            holder = self._holder_before_verb(t, clause, cands)
            if holder is not None:
                return [holder], "who holds (X持有Y的股份)"
            role = "agent"
        if role in ("patient", "recipient"):
            passive = bool(self.lex.passive_re.search(self.ex._before(t.start, 8))) or (
                self.ex.chinese and self.lex.zh_passive_re.search(self.ex.folded, clause.start, t.start) is not None)
            if passive:
                found = self._clause_subject(t, clause, cands)
                if found:
                    return [found], "subject of a passive"
            if any(s.noun for s in t.senses) and self.lex.pay_verb_re.search(self.ex.folded, clause.start, t.start):
                found = self._clause_subject(t, clause, cands)
                if found:
                    return [found], "who pays it"
            if self.ex.chinese:
                target = next((m for m in reversed(cands) if m.end <= t.start and self.ex.folded[m.start - 1:m.start] == "对"
                               and re.fullmatch(r"\s*的\s*", self.ex.folded[m.end:t.start])), None)
                if target:
                    return [target], "对X的: what the noun is done to"  # 泊岸科技对克里恩动力的收购
                if role == "patient":  # 金管会对宏泰证券开罚420万元, 对X开出1500万元罚单
                    target = next((m for m in reversed(cands) if m.end <= t.start and t.start - m.end <= self.PATIENT_REACH
                                   and self.ex.folded[m.start - 1:m.start] == "对"
                                   and not any(m.end <= o.start < t.start and o.entity != m.entity for o in cands)), None)
                    if target:
                        return [target], "对X: who it is done to"
            obj = self._object(t, clause, cands)
            if obj:
                return [obj], "object of the verb"
            if clause.kind == "relative" and not self.ex.chinese and any(
                    clause.start <= m.start and m.end <= t.start for m in cands):
                host = self._antecedent(clause, cands)  # "X, which Y agreed to buy": what is bought is X
                if host:
                    return [host], "what the relative clause is about"
            if sense.object_only:
                return [], ""
            if role == "recipient":
                # 向X投资, 对X注资: the name a recipient's marker leads, before the word
                led = [m for m in cands if clause.start <= m.start and m.end <= t.start
                       and self.lex.recipient_marker_re.search(self._before_name(m))]
                if led:
                    return [led[-1]], "who receives it (向X)"
                # the doer: named in the word's clause, or carried from before unless the clause
                # has a subject of its own (基石投资者合共认购…: someone unnamed)
                doer = self._doer(clause, t, [m for m in self.eligible(("org", "person"))
                                              if not _POSSESSIVE_AFTER.match(self.ex.lower, m.end)])  # X的投资者: X owns them
                if doer is None and not self._own_subject(clause, t.start):
                    doer = self._clause_subject(t, clause, self.eligible(("org", "person")))
                doers = {doer.entity} if doer else set()
                # 其中海滨资本认购5000万美元: who does it elsewhere in the sentence is no recipient either
                doers |= {m.entity for m in self.named for u in self.triggers
                          if pred in (s.predicate for s in u.senses) and 0 <= u.start - m.end <= 4}
                doers |= {m.entity for m in self.named  # 其中X占…: one of them
                          if self.ex.folded.endswith("其中", 0, m.start) or self.ex.folded.startswith("其中", m.start)}
                lo = max(self.sentence.start, self.ex.folded.rfind("，", 0, t.start), self.ex.folded.rfind(",", 0, t.start))
                if self.lex.rival_re.search(self.ex.folded, lo, t.start):
                    return [], ""  # 竞争对手斯特拉托网络宣布投资50亿美元: a rival's, whoever it is
                topic = self._topic(pred.types, exclude=doers)
                if topic:
                    return [topic], "the topic, not the doer"
                return [], ""
        if role == "agent" and self.ex.chinese:
            passive = self._passive_agent(t, clause, cands)
            if passive is not None:  # 被索赔: the clause's subject is who it is done to, not the doer
                return ([passive], "the doer after 被") if passive is not _UNNAMED else ([], "")
            if "person" in pred.types:
                doer = self._you_doer(t, clause, cands)
                if doer is not None:  # 首席执行官一职将由派克于3月1日接任: 由 names who does it
                    return [doer], "the doer after 由"
        if role == "owner":
            owner = self._owner(t, clause, cands)
            if owner:
                return [owner], "owner (X's / X的 / of X)"
            if not t.senses or any(s.noun for s in t.senses):
                pass
        if self.ex.chinese and not any(clause.start <= m.start < t.start for m in cands):
            contrast = self.lex.contrast_topic_re.match(self.ex.folded, clause.start)
            if contrast and contrast.end() <= t.start \
                    and not any(clause.start <= v.start < contrast.end() for v in self.all_values) \
                    and not any(p in self.ex.folded[clause.start:contrast.end()] for p in _place_names()[0]):
                return [], ""  # 珍海则持有15%: a subject of its own this text does not name (not 今年则, 欧洲则)
        approved = self._approved_at(t) if role == "agent" and (self.ex.chinese or any(s.noun for s in t.senses)) else None
        if approved is not None:
            # "the judge approved Lumora's settlement": whose event it is stands after the approval;
            # else it is the one the text is about, not the approver
            named = [m for m in cands if approved <= m.start and m.end <= t.start]
            if named:
                return [named[-1]], "whose approved event it is"
            approver = self._clause_subject(t, clause, cands)
            topic = self._topic(pred.types, exclude={approver.entity} if approver else frozenset())
            return ([topic], "the topic, not who approved it") if topic else ([], "")
        found = self._clause_subject(t, clause, cands)
        if (found is None or found.pronoun or not clause.start <= found.start < t.start) and "person" in pred.types \
                and clause.kind not in ("relative", "appositive") and self.lex.rival_re.search(self.ex.folded, clause.start, t.start):
            return [], ""  # "weeks after the chief executive of rival X quit": the rival's, whom it does not name
        if found:
            return self._coordinated(found), "subject of the clause"
        topic = self._topic(pred.types)
        if topic is None and pred.lead_topic and "org" in pred.types and self.ex.org_topics:
            # a lead that names no one ("A fire at a battery plant killed 11 workers"): the first
            # organisation the article goes on to name
            first = self.ex.org_topics[min(self.ex.org_topics)]
            topic = Mention(self.sentence.start, self.sentence.start, first, "org", pronoun=True)
        # (so is one whose sentence names no one before it and opens on someone in general:
        # 业内人士指出，…诉讼已超过二十宗，和解金额合计逾3亿美元)
        opening = self.clause(self.sentence.start)
        if topic and not self._generic_before(clause.start, t) and not self.lex.generic_after_re.match(self.ex.lower, t.end) \
                and not (self.lex.generic_word_re.search(self.ex.folded, self.sentence.start, min(opening.end, t.start))
                         and not any(m.start < t.start for m in self.mentions)) \
                and not (topic.type == "person" and self._group_before(clause, t)):
            return [topic], "topic of the text"
        return [], ""

    def _group_before(self, clause: Clause, t: Trigger) -> bool:
        """"Two co-founders left this year", 今年已有两位联合创始人离开: a counted group does it,
        not the person the text is about."""
        return any(clause.start <= v.start and v.end <= t.start and v.value.kind == "count"
                   for v in self.values)

    def _you_doer(self, t: Trigger, clause: Clause, cands: list[Mention]) -> Mention | None:
        """The person right after the last 由 before the event word in its clause (由派克接任),
        or after a role's few words there (由副总裁陈国栋代理)."""
        at = self.ex.folded.rfind("由", clause.start, t.start)
        if at < 0:
            return None
        first = next((m for m in cands if at < m.start and m.end <= t.start), None)
        if first is None or first.type != "person" or first.pronoun or first.start - at - 1 > YOU_ROLE_CHARS \
                or _CLAUSE_MARK.search(self.ex.folded, at + 1, first.start):
            return None
        return first

    def _passive_agent(self, t: Trigger, clause: Clause, cands: list[Mention]) -> Mention | None:
        """In 被X索赔 / 遭求偿, the doer of an event word marked passive: the name between the
        marker and the word, or _UNNAMED when no name stands there (被索赔, 被前员工索赔: the doer
        is not named); None when the word is not passive."""
        folded = self.ex.folded
        marks = list(self.lex.zh_passive_re.finditer(folded, clause.start, t.start))
        if not marks:
            return None
        marker = marks[-1].start()
        between = [m for m in cands if marker < m.start and m.end <= t.start]
        if between:
            return between[-1]
        # 被索赔, 被前员工索赔: a doer not named (or named by no name) a few characters on
        return _UNNAMED if t.start - marker <= PASSIVE_DOER_CHARS else None

    PATIENT_REACH = 24  # characters from 对X to the event word done to X (对X开出1500万元新台币罚单)

    def _owner(self, t: Trigger, clause: Clause, cands: list[Mention]) -> Mention | None:
        ex = self.ex
        before = [m for m in cands if m.end <= t.start and t.start - m.end <= 8
                  and re.match(r"\s*(?:的|'s|’s|'|’)?\s*(?:\S{0,6}\s*)?$", ex.lower[m.end:t.start])
                  and re.match(r"\s*(?:的|'s|’s)", ex.lower[m.end:m.end + 4])]
        if before:
            return before[-1]
        if "\u4e00" <= ex.folded[t.start] <= "\u9fff":
            # a Chinese compound: the name right before the noun owns it (取得Quillfen控股权, 腾讯市值)
            touching = [m for m in cands if m.end == t.start and not m.pronoun]
            if touching:
                return touching[-1]
        m = re.match(r"\s*(?:of|in|at)\s+", ex.lower[t.end:t.end + 6])  # ("profits at Orlen Retail")
        if m:
            after = [c for c in cands if c.start == t.end + m.end() or (0 <= c.start - (t.end + m.end()) <= 4)]
            if after:
                return after[0]
        return None

    def _object(self, t: Trigger, clause: Clause, cands: list[Mention]) -> Mention | None:
        """The first name after the event word in its clause, not a passive's doer; past an
        owner's name ("approved Corivan's obesity pill Lumaslim": the pill) when another name
        follows in its noun phrase."""
        for i, m in enumerate(cands):
            if m.start < t.end or m.start - t.end > 60:
                continue
            if self.clause(m.start).index != clause.index and not self._near_across(t, m):
                break
            if self.lex.agent_marker_re.search(self.ex._before(m.start, 6)) \
                    or self.lex.source_marker_re.search(_DETERMINER_AT_END.sub("", self.ex._before(m.start, 10))):
                continue
            if self._possessive(m):
                owned = next((n for n in cands[i + 1:] if n.entity != m.entity and n.start - m.end <= OWNED_REACH
                              and self.clause(n.start).index == clause.index
                              and not re.search(r"[,;，；]|\band\b", self.ex.lower[m.end:n.start])), None)
                if owned is not None:
                    return owned
            return m
        return None

    def _near_across(self, t: Trigger, m: Mention) -> bool:
        """A name right after the clause mark that follows the word: 罚款，对象为X."""
        return False

    def _clause_subject(self, t: Trigger, clause: Clause, cands: list[Mention]) -> Mention | None:
        """The subject of the event word's clause: a name before it in the clause that is not in
        a prepositional phrase (the nearest in Chinese, where the head of a noun phrase comes
        last); for a relative clause or an appositive, the name it describes; failing that, the
        subject the clauses before it carry (a topic chain)."""
        if clause.kind in ("relative", "appositive"):
            host = self._antecedent(clause, cands)
            if host:
                return host
        inside = [m for m in cands if clause.start <= m.start and m.end <= t.start and not self._prepositional(m)]
        if inside:
            return inside[-1] if self.ex.chinese else self._english_subject(inside, t)
        of = [m for m in cands if clause.start <= m.start and m.end <= t.start
              and re.search(r"\bof\s+$", self.ex.lower[max(clause.start, m.start - 4):m.start])]
        if of and not self.ex.chinese and not re.search(r"\b(?:by|from|with|to)\b", self.ex.lower[of[0].end:t.start]):
            return of[0]  # "Shares of Meridia Genomics began trading"
        # a topic chain: the clauses before this one, main ones first
        for c in reversed(self.clauses[:clause.index]):
            if c.kind in ("relative", "appositive", "paren") and clause.kind == "main":
                continue
            if c.kind == "attribution":
                continue  # 据研究机构X数据，…: X is where the figure comes from, not who it is about
            head = self._clause_head(c, cands)
            if head:
                return head
        return None

    def _clause_head(self, c: Clause, cands: list[Mention]) -> Mention | None:
        """The subject of a clause: in Chinese the last name before its first verb (X公司首席
        执行官Y表示: Y; Sharma是…专家: Sharma), in English the first name."""
        pool = [m for m in cands if c.start <= m.start and m.end <= c.end and not self._prepositional(m)]
        if not pool:
            return None
        if not self.ex.chinese:
            return pool[0]
        # a verb before 的 modifies a noun (坤衡集团控股的零售商马洛派克): not the clause's verb
        verbs = [t.start for t in self.triggers if c.start <= t.start < c.end
                 and not self.ex.folded.startswith("的", t.end)] + \
            [b0 for b0, _ in self.bridges if c.start <= b0 < c.end]
        passive = self.lex.zh_passive_re.search(self.ex.folded, c.start, c.end)
        if passive:
            verbs.append(passive.start())
        copula = re.search(r"是|为|于|在", self.ex.folded[pool[0].end:c.end])
        if copula:
            verbs.append(pool[0].end + copula.start())
        first_verb = min(verbs, default=c.end)
        before = [m for m in pool if m.end <= first_verb]
        if not before:
            return pool[0]
        # names joined by titles, descriptors or particles are one noun phrase, whose head is the
        # last (X公司首席执行官Y); words of another kind between two names are a verb, whose
        # object the second is (X侵犯竞争对手Y的专利: X)
        head = before[0]
        for m in before[1:]:
            if not self._joins_names(self.ex.folded[head.end:m.start]):
                break
            head = m
        return head

    def _joins_names(self, gap: str) -> bool:
        """Whether the words between two Chinese names make them one noun phrase: a 的 phrase,
        or nothing but glosses, titles, descriptors and particles (公司首席执行官, 旗下, 、)."""
        rest = _GLOSS.sub("", gap)
        if "的" in rest:
            return True  # X的动作冒险新作Y, X收购的Y: Y with what describes it
        return not self.lex.name_joiners_re.sub("", rest).strip()

    def _english_subject(self, inside: list[Mention], t: Trigger | None = None) -> Mention:
        """In English the subject is the first name of the clause, unless a later one stands
        right before the verb ("Harborfog was valued … when Qinglan Capital bought a stake") or
        is joined to it by a possessive or title ("Vantrell Chief Executive Gordon Achterberg")."""
        # "Its rival Helio Cell", "Nimbus Grid's rival Helio Cell": the possessive modifies the
        # name after it, which heads the noun phrase
        inside = [m for i, m in enumerate(inside)
                  if not (i + 1 < len(inside) and self._possessive(m) and self.ex.words.between(m.end, inside[i + 1].start) <= 2
                          and not re.search(r"[,;]", self.ex.lower[m.end:inside[i + 1].start]))]
        if t is not None and len(inside) > 1:
            last = inside[-1]
            between = self.ex.lower[last.end:t.start]
            if self.ex.words.between(last.end, t.start) <= 3 and not any(last.end <= b0 < t.start for b0, _ in self.bridges) \
                    and not re.search(r"[,;]", between) and not self.lex.coordinator_re.search(between) \
                    and not self.lex.name_modifier_re.search(self.ex.lower, max(0, last.start - 8), last.start):
                return last  # not "close its Lyon plant and cut 240 jobs"
        return inside[-1] if len(inside) > 1 and inside[-1].type == "person" and inside[0].type != "person" else inside[0]

    _POSSESSIVE_EN = re.compile(r"['’](?:s\b|(?=\s))")  # X's, and Corivan Therapeutics' (a plural's)

    def _possessive(self, m: Mention) -> bool:
        """its, their, X's: a name or pronoun that owns the noun after it."""
        word = self.ex.lower[m.start:m.end]
        return word in ("its", "their") or self._POSSESSIVE_EN.match(self.ex.lower, m.end) is not None

    def _antecedent(self, clause: Clause, cands: list[Mention]) -> Mention | None:
        for c in reversed(self.clauses[:clause.index]):
            pool = [m for m in cands if c.start <= m.start and m.end <= c.end + 1]
            if pool:
                return pool[-1]
            if c.kind == "main" and not _AGE_ONLY.fullmatch(self.ex.text, c.start, c.end):
                break  # (", 66, who…": an age between the name and its relative clause)
        return None

    def _topic(self, types: tuple[str, ...], exclude: set[str] = frozenset()) -> Mention | None:
        """The entity the text is about at this point: the first of the type named in this
        sentence; else, for a person, the one the sentence before in the paragraph named; for an
        organisation, the one named most prominently and recently in the article."""
        if self.quoted:
            return None
        here = [m for m in self.named if m.type in types and m.entity not in exclude and not self._prepositional(m)]
        if here:
            return here[0]
        ex = self.ex
        if "org" in types:
            best = ex.org_topics.get(ex._sentence_index.get((self.sentence.start, self.sentence.end), -1))
            if best is not None and best not in exclude:
                return Mention(self.sentence.start, self.sentence.start, best, "org", pronoun=True)
        i = bisect_left(ex.mention_starts, self.sentence.start)
        prev_sentence = ex.previous_sentence(self.sentence)
        for m in reversed(ex.mentions[max(0, i - 60):i]):
            if not m.entity or m.type not in types or m.entity in exclude or ex._in_quote(m.start):
                continue
            if m.type != "org" and (prev_sentence is None or m.start < prev_sentence.start):
                break
            return Mention(self.sentence.start, self.sentence.start, m.entity, m.type, pronoun=True)
        return None

    def _generic_before(self, start: int, t: Trigger) -> bool:
        """Someone in general (各公司, investors) or a place's market (中国新能源汽车销量, Hong
        Kong's IPO market) from `start` to the event word: the claim is about no one in particular."""
        for regex in (self.lex.generic_re, _place_re()):
            for g in regex.finditer(self.ex.folded, start, t.start):
                if regex is not self.lex.generic_re and self.lex.where_word_re.search(self.ex.folded, start, g.start()):
                    continue  # "A fire at a factory in Guangdong province killed": where, not whose
                if not any(m.start < g.end() and g.start() < m.end for m in self.mentions):
                    return True
        return False



    def _coordinated(self, subject: Mention) -> list[Mention]:
        """A和B宣布离职 / A and B resigned: the claim is about both. A name and its gloss
        (苏茨克维尔(IlyaSutskever)) count once."""
        clause = self.clause(subject.start)
        groups: list[list[Mention]] = []
        for m in self.named:
            if not clause.start <= m.start < clause.end:
                continue  # a list is within a clause
            if groups and groups[-1][-1].entity == m.entity and \
                    re.fullmatch(r"[\s(（]*", self.ex.folded[groups[-1][-1].end:m.start]):
                groups[-1].append(m)
            else:
                groups.append([m])
        i = next((k for k, g in enumerate(groups) if any(m is subject for m in g)), None)
        if i is None:
            return [subject]
        out = [groups[i]]
        for g in groups[i + 1:]:
            gap = self.ex.folded[out[-1][-1].end:g[0].start]
            if g[0].type == subject.type and _join_re().match(gap) and g[0].entity not in {x[0].entity for x in out}:
                out.append(g)
            else:
                break
        for g in reversed(groups[:i]):
            gap = self.ex.folded[g[-1].end:out[0][0].start]
            if g[0].type == subject.type and _join_re().match(gap) and g[0].entity not in {x[0].entity for x in out}:
                out.insert(0, g)
            else:
                break
        return [next((m for m in g if m is subject), g[0]) for g in out]

    # ------------------------------------------------------------------ dates that cannot be
    def _impossible_dates(self) -> None:
        """A date that cannot be (2月30日, a weekday that does not match) is a claim of its own,
        about whoever the sentence is about, so that D102 reports it even when no predicate
        took it."""
        issues = [v for v in self.values if v.value.kind == "date" and v.value.issue]
        if not issues:
            return
        claimed = {(c.start, c.end) for c in self.ex.in_sentence.get(self.sentence.start, ())}
        for v in issues:
            if (v.start, v.end) in claimed:
                continue
            subject = self.named[0] if self.named else Mention(v.start, v.start, UNATTRIBUTED, "none")
            self.ex._add(self.sentence, "date", subject, "date_stated", "date stated", v.value, v.start, v.end, None,
                         {"value": v.pattern or "date", "link": "a date that cannot be"})


@table("extract")
def _place_names() -> tuple[list[str], list[str]]:
    """Places in Chinese (folded) and in Latin letters (lower case), longest first."""
    from verifier.lang import read_data_file
    from verifier.text.fold import fold

    data = read_data_file("entities.toml")["names"]
    names = list(read_data_file("places.toml")["places"]) + data.get("cjk_places", []) + data["places"]
    cjk = sorted({fold(n) for n in names if not n.isascii()} - {"全球", "全国", "海外", "国际", "国内", "业界"}, key=len, reverse=True)
    latin = sorted({n.lower() for n in names if n.isascii()}, key=len, reverse=True)
    return cjk, latin


@table("extract")
def _place_canon() -> tuple[dict[str, str], re.Pattern[str]]:
    """One name for each place however written (entities.toml place_names), and "in its European
    operations": a place's adjective before a word of a part of a company."""
    from verifier.lang import alternation, read_data_file
    from verifier.text.fold import fold

    data = read_data_file("entities.toml")["names"]
    names = {(k.lower() if k.isascii() else fold(k)): v for k, v in data["place_names"].items()}
    adjectives = [k for k in data["place_names"] if k.isascii() and k[0].isupper()]
    regex = re.compile(rf"\s+(?:[a-z]+\s+){{0,2}}?in\s+(?:its|the|their|our|his|her)\s+(?P<adj>(?i:{alternation(adjectives)}))\s+"
                       rf"(?:{alternation(data['place_units'])})(?![a-z])")
    return names, regex


def place_opening(low: str, starts: tuple[int, ...], end: int, named: list) -> str | None:
    """The place a clause or sentence opens on, before `end` ("China will bear the brunt with
    1,800 positions going", "Southeast Asia remained the fastest-growing region, with 96 million
    users", "Mainland China, where X employs about 10,000 people"), tried at each of `starts`;
    not one a possessive or "-based" makes whose ("China's Tenyo cut 500 jobs"), nor one that
    begins a name or describes the name after it (`named`: the mentions; "Harbin Lumen employs",
    "Taiwan solar maker Guangyang Power to cut 500 jobs")."""
    lex = lexicon()
    for start in starts:
        at = lex.clause_opening_re.match(low, start).end()
        rest = low[at:min(at + 30, end)]
        surface = next((p for p in _place_names()[1] if rest.startswith(p) and not rest[len(p):len(p) + 1].isalpha()), None)
        if not surface or rest[len(surface):].startswith(("'s", "’s", "-based")):
            continue
        after = at + len(surface)
        if any(m.start <= at < m.end for m in named) or (
                not lex.where_after_re.match(low, after) and any(after <= m.start < end for m in named if m.type == "org")):
            continue
        return place_name(surface)
    return None



def latin_place_at(low: str, pos: int) -> str | None:
    """The one name of the place whose Latin name starts at `pos` of the lower-cased text ("in
    China" at its C), as a whole word; None when none does."""
    rest = low[pos:pos + 30]
    found = next((p for p in _place_names()[1] if rest.startswith(p) and not rest[len(p):len(p) + 1].isalpha()), None)
    return place_name(found) if found else None


def place_name(place: str) -> str:
    """The one name of a place (中国 and "Chinese" are china)."""
    return _place_canon()[0].get(place, place)


@table("extract")
def _place_re() -> re.Pattern[str]:
    from verifier.lang import alternation, read_data_file
    from verifier.text.fold import fold

    data = read_data_file("entities.toml")["names"]
    cjk = [fold(n) for n in list(read_data_file("places.toml")["places"]) + data.get("cjk_places", []) if not n.isascii()]
    latin = [n for n in list(read_data_file("places.toml")["places"]) + data["places"] if n.isascii()]
    # a place's market: 中国新能源汽车销量 (a Chinese place right before more words, not a name);
    # Hong Kong's IPO market, listings in Hong Kong (a Latin place owning or after "in")
    return re.compile(rf"(?:{alternation(cjk)})(?=[\u4e00-\u9fffA-Za-z])"
                      rf"|(?i:(?<![A-Za-z]){alternation(n.lower() for n in latin)})(?=['’]s\b)"
                      rf"|(?i:\bin\s+(?:the\s+)?{alternation(n.lower() for n in latin)}\b)")


def _round_name(words: str, aliases: dict[str, str]) -> str:
    """B轮, Series B, series-b -> round:b; 种子轮 and "seed" -> round:seed (`aliases`: [scope] round_aliases)."""
    w = re.sub(r"\s+", " ", words.lower()).replace("轮", "").replace("series ", "").strip()
    return "round:" + aliases.get(w, w)


_BARE_SCALED = re.compile(r"\D{0,3}[0-9.,]+\s*[万亿]+")  # an amount in 万 or 亿 with no unit: 12.6亿, 约60亿


def as_money(found: Found) -> Found:
    """A bare number in 万/亿 read as an amount of money whose currency the text does not name."""
    v = found.value
    if v.bound == "between":  # 几百万: a range, no one amount
        return found.model_copy(update={"value": MoneyValue(currency=None, **_range_of(v))})
    money = MoneyValue(amount=v.value, currency=None, **_range_of(v))
    return found.model_copy(update={"value": money})


@table("extract")
def _currency_after_re() -> re.Pattern[str]:
    """A currency's name right after a number (欧元, 港元, 美元, euros, dollars), from the language data."""
    from verifier.lang import lang

    names = {fold(k) for code in ("en", "zh") for k in lang(code)["currency"]["after"] if len(k) > 1}
    names |= {fold(k) for k in lang("zh")["currency"]["generic"]}  # 元
    return re.compile(rf"(?i:\s*(?:{'|'.join(map(re.escape, sorted(names, key=len, reverse=True)))}))")


@table("extract")
def _currency_before_re() -> re.Pattern[str]:
    """A currency's sign or code right before a number (US$, HK$, €, RMB…), from the language data."""
    from verifier.lang import lang

    signs = {k for code in ("en", "zh") for k in lang(code)["currency"]["before"] if k.isascii() or len(k) == 1}
    return re.compile(rf"(?i:(?<![a-z])(?:{'|'.join(map(re.escape, sorted(signs, key=len, reverse=True)))}))\s*$")


def _year_before_period(period: str) -> str:
    """The same period a year before ("2026-01-01/2026-06-30" -> "2025-01-01/2025-06-30")."""
    def back(day: str) -> str:
        d = dt.date.fromisoformat(day)
        return (d.replace(year=d.year - 1) if not (d.month == 2 and d.day == 29) else d.replace(year=d.year - 1, day=28)).isoformat()

    first, _, last = period.partition("/")
    return back(first) + (f"/{back(last)}" if last else "")


def _just_one(v: Found) -> bool:
    """一宗, 一家, "one": a count of one is an article ("a warehouse fire"), no figure a date is of."""
    return v.value.kind == "count" and v.value.value == 1 and v.value.bound == "exact"


def _range_of(v) -> dict:
    """The bound, low and high of a number as a quantity's: a number without a bound is exact;
    a vague one (几百万) keeps its range."""
    if v.bound is None:
        return {"bound": "exact", "low": v.value, "high": v.value}
    return {"bound": v.bound, "low": v.low, "high": v.high}


__all__ = ["Extractor", "lexicon", "UNATTRIBUTED", "CountValue", "QuoteValue"]


_MIRRORED_BOUNDS = {"at_least": "at_most", "at_most": "at_least", "more_than": "less_than", "less_than": "more_than"}


def _negated(value):
    """A quantity of the opposite sign: its range mirrored ("fell more than 30%": below -30%)."""
    low = None if value.high is None else -value.high
    high = None if value.low is None else -value.low
    return value.model_copy(update={"value": -value.value, "low": low, "high": high,
                                    "bound": _MIRRORED_BOUNDS.get(value.bound, value.bound)})
