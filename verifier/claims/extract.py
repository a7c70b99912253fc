"""From a source's text to its claims.

For each sentence of article text: the values in it (normalizers), the trigger words of
predicates (verifier/data/predicates.toml) and the entity mentions (EntityIndex). A value is
linked to the nearest trigger that takes its kind; the subject is chosen by the predicate's
role (agent, patient, recipient, owner), with pronouns resolved to the last person or
organisation named. Counts of founders or employees are claims only in frames that state a
total ("has 11", "12人的创始团队") or what remains ("仅剩3位"). Quotes are claims of their speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from verifier.claims.entities import Mention
from verifier.claims.model import Claim
from verifier.lang import alternation, lang, read_data_file
from verifier.normalize.values import CountValue, Found, QuoteValue
from verifier.text.fold import fold
from verifier.text.segment import Sentence, clause_bounds, quotes

EVENT_KINDS = {"date", "money", "percent", "duration"}
UNATTRIBUTED = "(no one named)"


@dataclass(frozen=True)
class Predicate:
    id: str
    label: str
    kinds: tuple[str, ...]
    role: str
    types: tuple[str, ...]


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    predicate: Predicate


class Lexicon:
    """Predicates, count nouns and linking words, compiled once."""

    def __init__(self) -> None:
        data = read_data_file("predicates.toml")
        self.predicates: dict[str, Predicate] = {}
        zh_words: dict[str, str] = {}
        en_words: dict[str, str] = {}
        for pid, p in data["predicate"].items():
            self.predicates[pid] = Predicate(pid, p["label"], tuple(p["kinds"]), p["subject"], tuple(p["subject_types"]))
            for w in p.get("zh", []):
                zh_words.setdefault(fold(w), pid)
            for w in p.get("en", []):
                en_words.setdefault(w.lower(), pid)
        for w in data["not_triggers"]["zh"]:
            zh_words[fold(w)] = ""
        for w in data["not_triggers"]["en"]:
            en_words[w.lower()] = ""
        self.trigger_words = {**zh_words, **en_words}
        self.trigger_re = re.compile("|".join(x for x in (
            alternation(zh_words) if zh_words else "",
            rf"(?i:\b{alternation(en_words)}\b)" if en_words else "",  # case matters only in English
        ) if x))
        self.count_families: dict[str, dict] = {}
        self.count_noun: dict[str, str] = {}
        for family, c in data["counts"].items():
            self.count_families[family] = c
            for w in c.get("zh", []):
                self.count_noun[fold(w)] = family
            for w in c.get("en", []):
                self.count_noun[w.lower()] = family
        self.count_noun_re = re.compile(alternation(self.count_noun), re.IGNORECASE)
        ctx = data["count_context"]
        self.count_before = re.compile(rf"(?:{alternation(fold(w) for w in ctx['before'])})\s*$", re.IGNORECASE)
        self.remaining_before = [fold(w) for w in ctx["remaining_before"]]
        self.remaining_after_re = re.compile(rf"\s*{alternation(ctx['remaining_after'])}")
        self.count_after_noun = re.compile(rf"\s*(?:{self.count_noun_re.pattern})\s*(?:{alternation(fold(w) for w in ctx['after_noun'])})", re.IGNORECASE)
        self.noun_then_count = re.compile(
            rf"(?:{alternation(self.count_noun)})\s*(?:{alternation(fold(w) for w in ctx['noun_then_count'] if w)})?\s*$",
            re.IGNORECASE,
        )
        link = data["linking"]
        self.max_distance = link["max_distance"]
        self.clause_cost = link["clause_cost"]
        self.wrong_side_cost = link["wrong_side_cost"]
        self.until_re = re.compile(rf"(?:{alternation(fold(w) for w in link['until'])})\s*$", re.IGNORECASE)
        self.negation_re = re.compile(rf"(?:{alternation(fold(w) for w in link['negation'])})\s*$", re.IGNORECASE)
        self.hedges = [fold(w).lower() for w in link["hedges"]]
        self.preposition_re = re.compile(rf"(?:{alternation(fold(w) for w in link['prepositions'])})\s*$", re.IGNORECASE)
        self.object_verb_re = re.compile(rf"(?:{alternation(fold(w) for w in link['object_verbs'])})\s*$")
        self.generic_re = re.compile(
            rf"{alternation(fold(w) for w in link['generic'])}|[\u4e00-\u9fff]{{1,6}}(?:{alternation(fold(w) for w in link['generic_suffix'])})",
            re.IGNORECASE,
        )
        # where values are worth reading: a trigger or a counted noun (see pipeline.extract)
        self.claim_hint_re = re.compile(f"{self.trigger_re.pattern}|(?i:{self.count_noun_re.pattern})")
        zh_date, en_date = lang("zh")["date"], lang("en")["date"]
        self.date_hint_re = re.compile(
            alternation(zh_date["weekday_prefix"]) + alternation(zh_date["weekday_names"])
            + rf"|(?i:\b{alternation(en_date['weekdays'])}\b)"
            + rf"|(?:2[89]|3[0-9]|[二三]十[一二三四五六七八九]?)\s*{alternation(zh_date['day'])}"
        )
        q = data["quotes"]
        self.speech_re = re.compile(alternation(fold(w) for w in q["speech_verbs"]), re.IGNORECASE)
        self.quote_min = q["min_chars"]
        self.verb_before = q["verb_before"]
        self.verb_after = q["verb_after"]
        self.anonymous_re = re.compile(rf"\s*(?:{alternation(fold(w) for w in q['anonymous'])})", re.IGNORECASE)
        self.big_units = set(lang("zh")["numerals"]["big_units"])  # 万 亿 兆

    def may_claim(self, folded: str, start: int, end: int) -> bool:
        """Whether a claim can come from this stretch: it holds a trigger or a counted noun."""
        return self.claim_hint_re.search(folded, start, end) is not None

    def may_be_impossible_date(self, folded: str, start: int, end: int) -> bool:
        """Whether it may hold a date that cannot be: a weekday, or a day of the month past 27."""
        return self.date_hint_re.search(folded, start, end) is not None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


# --------------------------------------------------------------------------- the extractor
class Extractor:
    def __init__(self, source_id: str, text: str, folded: str, sentences: list[Sentence],
                 values: list[Found], mentions: list[Mention], language: str) -> None:
        self.source = source_id
        self.text = text
        self.folded = folded
        self.sentences = sentences
        self.values = values
        self.chinese = language != "en"
        self.lex = lexicon()
        self.mentions = _resolve_pronouns(mentions, sentences, text)
        self.values = sorted(values, key=lambda v: v.start)
        self.claims: dict[str, Claim] = {}
        self._starts: dict[int, list[int]] = {}
        self._bounds_cache: dict[tuple[int, int], list[int]] = {}

    # ------------------------------------------------------------------ helpers
    def _bounds(self, sentence: Sentence) -> list[int]:
        key_ = (sentence.start, sentence.end)
        if key_ not in self._bounds_cache:
            self._bounds_cache[key_] = clause_bounds(self.text, sentence.start, sentence.end)
        return self._bounds_cache[key_]

    def _in(self, items, sentence: Sentence):
        """The items (sorted by start) that lie within the sentence."""
        starts = self._starts.get(id(items))
        if starts is None:
            starts = self._starts[id(items)] = [x.start for x in items]
        i = bisect_left(starts, sentence.start)
        j = bisect_left(starts, sentence.end)
        return [x for x in items[i:j] if x.end <= sentence.end]

    def _clauses_between(self, a: int, b: int, bounds: list[int]) -> int:
        lo, hi = min(a, b), max(a, b)
        return sum(1 for i in bounds if lo <= i < hi)

    def _before(self, pos: int, width: int = 12) -> str:
        return self.folded[max(0, pos - width):pos]

    def _add(self, sentence: Sentence, kind: str, subject: Mention, predicate: str, label: str, value,
             start: int, end: int, trigger: tuple[int, int] | None, hedged: bool = False) -> None:
        cid = Claim.make_id(self.source, start, end, predicate, subject.entity)
        if cid in self.claims:
            return
        self.claims[cid] = Claim(
            id=cid, source=self.source, kind=kind, subject=subject.entity, predicate=predicate,
            value=value, text=self.text[start:end], start=start, end=end,
            sentence=(sentence.start, sentence.end),
            trigger=self.text[trigger[0]:trigger[1]] if trigger else None,
            subject_text=self.text[subject.start:subject.end], hedged=hedged, label=label,
        )

    # ------------------------------------------------------------------ main
    def run(self) -> list[Claim]:
        start = self.sentences[0].start if self.sentences else 0
        end = self.sentences[-1].end if self.sentences else 0
        triggers = [
            Trigger(m.start(), m.end(), self.lex.predicates[pid])
            for m in self.lex.trigger_re.finditer(self.folded, start, end)
            if (pid := self.lex.trigger_words[m.group(0).lower()])
        ]
        for i, sentence in enumerate(self.sentences):
            inside = quotes(self.text, sentence.start, sentence.end)
            bounds = self._bounds(sentence)
            s_values = [v for v in self._in(self.values, sentence) if _outside(v, inside)]
            s_triggers = [t for t in self._in(triggers, sentence) if _outside(t, inside) and not self._negated(t)]
            s_mentions = self._in(self.mentions, sentence)
            previous = self.sentences[i - 1] if i and self.sentences[i - 1].paragraph == sentence.paragraph else None
            for value in s_values:
                value = self._money_by_context(value, s_triggers)
                if value.value.kind == "count":
                    self._count(sentence, value, s_mentions, bounds, previous)
                elif value.value.kind in EVENT_KINDS:
                    self._event(sentence, value, s_triggers, s_mentions, bounds, previous)
            # inside a quote, only what it says of an entity it names: “OpenAI一年的亏损可能高达50亿美元”
            for q in inside:
                q_span = Sentence(q.start, q.end, sentence.paragraph)
                q_mentions = [m for m in self._in(s_mentions, q_span) if not m.pronoun]
                if not q_mentions:
                    continue
                q_triggers = [t for t in self._in(triggers, q_span) if not self._negated(t)]
                q_bounds = clause_bounds(self.text, q.start, q.end)
                for value in self._in(self.values, q_span):
                    value = self._money_by_context(value, q_triggers)
                    if value.value.kind in EVENT_KINDS:
                        self._event(q_span, value, q_triggers, q_mentions, q_bounds, None, context=sentence)
            self._quotes(sentence, inside, s_mentions)
            self._impossible_dates(sentence, s_values, s_mentions)
        return sorted(self.claims.values(), key=lambda c: (c.start, c.end, c.predicate, c.subject))

    def _impossible_dates(self, sentence, values, mentions) -> None:
        """A date that cannot be (2月30日, a weekday that does not match) is a claim of its own,
        about whoever the sentence is about, so that D102 reports it even when no predicate
        took it."""
        claimed = {(c.start, c.end) for c in self.claims.values()}
        for v in values:
            if v.value.kind != "date" or not v.value.issue or (v.start, v.end) in claimed:
                continue
            named = [m for m in mentions if m.entity]
            subject = named[0] if named else Mention(v.start, v.start, UNATTRIBUTED, "none")
            self._add(sentence, "date", subject, "date_stated", "date stated", v.value, v.start, v.end, None)

    def _negated(self, t: Trigger) -> bool:
        return bool(self.lex.negation_re.search(self._before(t.start, 4)))

    # ------------------------------------------------------------------ events
    def _event(self, sentence, value: Found, triggers, mentions, bounds, previous, context=None) -> None:
        kind = value.value.kind
        if kind == "date" and self.lex.until_re.search(self._before(value.start, 4)):
            return
        best = None
        for t in triggers:
            if t.start < value.end and value.start < t.end:
                continue
            gap = t.start - value.end if t.start >= value.end else value.start - t.end
            cost = gap + self.lex.clause_cost * self._clauses_between(value.start, t.start, bounds)
            trigger_first = t.end <= value.start
            if kind == "date" and trigger_first == self.chinese:
                cost += self.lex.wrong_side_cost
            if cost <= self.lex.max_distance and (best is None or cost < best[0]):
                best = (cost, t)
        # the nearest event word wins: 75%的利润 is a share of profit, not of the stake before it
        if best is None or kind not in best[1].predicate.kinds:
            return
        t = best[1]
        subjects = self._subjects(t.start, t.end, t.predicate, mentions, bounds, previous, sentence)
        hedged = self._hedged(t, bounds, sentence)
        for subject in subjects:
            self._add(context or sentence, kind, subject, t.predicate.id, t.predicate.label, value.value,
                      value.start, value.end, (t.start, t.end), hedged)

    def _money_by_context(self, found: Found, triggers) -> Found:
        """100亿投资OpenAI: a number in 万 or 亿 beside a money word is an amount of money,
        in a currency the text does not name."""
        v = found.value
        written = self.folded[found.start:found.end]
        if v.kind != "number" or abs(v.value) < 1e4 or not any(u in written for u in self.lex.big_units):
            return found
        for t in triggers:
            gap = t.start - found.end if t.start >= found.end else found.start - t.end
            if 0 <= gap <= 2 and "money" in t.predicate.kinds:
                from verifier.normalize.values import MoneyValue
                money = MoneyValue(amount=v.value, currency=None, bound="exact", low=v.value, high=v.value)
                return found.model_copy(update={"value": money})
        return found

    def _hedged(self, t: Trigger, bounds, sentence) -> bool:
        clause_start = max([b for b in bounds if b < t.start], default=sentence.start)
        before = self.folded[clause_start:t.start].lower()
        return any(h in before for h in self.lex.hedges)

    # ------------------------------------------------------------------ subjects
    def _subjects(self, t_start, t_end, predicate: Predicate, mentions, bounds, previous, sentence) -> list[Mention]:
        role = predicate.role
        clause_start = max([b for b in bounds if b < t_start], default=sentence.start)
        clause_end = min([b for b in bounds if b >= t_end], default=sentence.end)
        # 去年新加入的产品负责人邓: a trigger in a relative clause is about the noun after 的
        relative = re.match(r"[^，,。；;]{0,3}的", self.folded[t_end:clause_end]) is not None
        in_prep = self._prepositional(mentions)
        scored = []
        for m in mentions:
            if not m.entity or m.type not in predicate.types:
                continue
            after_verb = bool(self.lex.object_verb_re.search(self._before(m.start)))
            after_prep = m in in_prep
            if m.end <= t_start:
                dist = t_start - m.end
                same_clause = self._clauses_between(m.end, t_start, bounds) == 0
                between = self.folded[m.end:t_start]
                if role == "patient":
                    score = 10 if "被" in between else 1
                elif role == "recipient":
                    score = 9 if after_prep else 1
                elif after_prep or after_verb:
                    score = 0  # 从谷歌…筹集, 拥有该公司…股份: an object, not the agent
                else:
                    score = 8 + (3 if same_clause else 0)
                    if role == "owner" and re.match(r"\s*(?:的|'s)", between):
                        score += 3
            else:
                dist = m.start - t_end
                same_clause = m.start < clause_end
                if relative and same_clause and role in ("agent", "owner", "patient"):
                    score = 14
                elif role in ("patient", "recipient"):
                    score = 8 + (2 if same_clause else -4)
                elif role == "owner":
                    score = 3 if same_clause else 0
                else:
                    score = 2 if same_clause else 0
            score -= 0.03 * dist
            if score > 0:
                scored.append((score, m))
        generic = self._generic_before(clause_start, t_start, mentions)
        if scored:
            best = max(scored, key=lambda x: (x[0], -abs(x[1].start - t_start)))[1]
            # 人工智能模型公司即将获得…收入: a generic subject in the trigger's clause, before any
            # named one, means the claim is about no one in particular
            if generic is not None and role in ("agent", "owner") and best.end <= t_start and \
                    (best.start < clause_start or generic < best.start):
                return []
            return self._coordinated(best, mentions)
        if role in ("agent", "owner") and generic is None:
            # no subject named in the clause: the topic of the sentence or the one before
            fits = lambda m: m.entity and m.type in predicate.types and m not in in_prep
            pool = [m for m in mentions if m.end <= t_start and fits(m)] or (
                [m for m in self._in(self.mentions, previous) if fits(m)] if previous else [])
            if pool:
                return [pool[-1]]
        return []

    def _generic_before(self, clause_start: int, t_start: int, mentions) -> int | None:
        """Offset of a generic subject (各公司, 科技公司) in the clause before the trigger."""
        for g in self.lex.generic_re.finditer(self.folded, clause_start, t_start):
            if not any(m.start < g.end() and g.start() < m.end for m in mentions):
                return g.start()
        return None

    _JOIN = re.compile(r"^[)）\s]*(?:和|与|及|、|以及|and|,|，)\s*[^，。,;；：:()（）]{0,12}$", re.IGNORECASE)
    _SAME = re.compile(r"^[\s(（)）]*$")

    def _chain(self, mentions) -> list[list[Mention]]:
        """Mentions grouped into lists joined by 和/、/and (a name and its gloss count once)."""
        chains: list[list[Mention]] = []
        prev = None
        for m in mentions:
            if not m.entity:
                prev = None
                continue
            if prev is not None:
                gap = self.folded[prev.end:m.start]
                if m.entity == prev.entity and self._SAME.match(gap):
                    chains[-1].append(m)
                    prev = m
                    continue
                if m.type == prev.type and self._JOIN.match(gap):
                    chains[-1].append(m)
                    prev = m
                    continue
            chains.append([m])
            prev = m
        return chains

    def _prepositional(self, mentions) -> set[Mention]:
        """Mentions inside a prepositional phrase (从谷歌、亚马逊等处): objects, not agents."""
        out: set[Mention] = set()
        for chain in self._chain(mentions):
            if self.lex.preposition_re.search(self._before(chain[0].start)):
                out.update(chain)
        for m in mentions:
            if self.lex.preposition_re.search(self._before(m.start)):
                out.add(m)
        return out

    def _coordinated(self, subject: Mention, mentions) -> list[Mention]:
        """A和B宣布离职 / A and B resigned: the claim is about both."""
        for chain in self._chain(mentions):
            if subject in chain:
                seen, out = set(), []
                for m in chain:
                    if m.entity not in seen:
                        seen.add(m.entity)
                        out.append(m)
                return out
        return [subject]

    # ------------------------------------------------------------------ counts
    def _count(self, sentence, found: Found, mentions, bounds, previous) -> None:
        value: CountValue = found.value  # type: ignore[assignment]
        family, total, remaining = self._count_frame(found, sentence)
        if family is None:
            return
        fam = self.lex.count_families[family]
        pseudo = Predicate(family, fam["label"], ("count",), "owner", ("org",))
        subjects = self._subjects(found.start, found.end, pseudo, mentions, bounds, previous, sentence)
        for subject in subjects[:1]:
            if total is not None:
                v = CountValue(value=total, unit=value.unit, noun=value.noun, bound=value.bound if value.whole is None else "exact",
                               low=value.low if value.whole is None else total, high=value.high if value.whole is None else total)
                self._add(sentence, "count", subject, family, fam["label"], v, found.start, found.end, None)
            if remaining is not None:
                v = CountValue(value=remaining, unit=value.unit, noun=value.noun, whole=total,
                               bound="exact", low=remaining, high=remaining)
                self._add(sentence, "count", subject, f"{family}_remaining", fam["remaining_label"], v,
                          found.start, found.end, None)

    def _count_frame(self, found: Found, sentence) -> tuple[str | None, float | None, float | None]:
        """(family, total, remaining) a count states, or (None, ...) if it states neither."""
        value: CountValue = found.value  # type: ignore[assignment]
        lex = self.lex
        family = lex.count_noun.get((value.noun or "").lower())
        after = self.folded[found.end:found.end + 12]
        # a qualifier read with the number (约有430名) still frames it: 有 = has
        lead = re.match(r"\D*?(?=[0-9〇零一二两三四五六七八九十百千万亿几数])", self.folded[found.start:found.end])
        before = self._before(found.start, 16)
        with_lead = before + (lead.group(0) if lead else "")
        if family is None:
            m = re.match(rf"\s*的\s*({lex.count_noun_re.pattern})", after, re.IGNORECASE)
            if m:
                family = lex.count_noun.get(m.group(1).lower())
        if family is None:
            m = lex.noun_then_count.search(before)
            if m:
                noun = lex.count_noun_re.search(m.group(0))
                family = lex.count_noun.get(noun.group(0).lower()) if noun else None
        if value.whole is not None:
            return family, value.whole, value.value
        if any(w in before[-6:] for w in lex.remaining_before) or lex.remaining_after_re.match(after):
            if family is None:
                # 仅剩6名成员: the group is named earlier in the sentence
                names = [lex.count_noun[n.group(0).lower()] for n in lex.count_noun_re.finditer(self.folded, sentence.start, found.start)]
                family = names[-1] if names else None
            return family, None, value.value
        if family is None:
            return None, None, None
        stated = (lex.count_before.search(before[-6:]) or lex.count_before.search(with_lead[-6:])
                  or re.match(r"\s*的", after) or lex.noun_then_count.search(before)
                  or lex.count_after_noun.match(self.folded, found.end) or (value.noun and lex.count_after_noun.match(self.folded, found.end - len(value.noun))))
        return (family, value.value, None) if stated else (None, None, None)

    # ------------------------------------------------------------------ quotes
    def _agent_of(self, verb_start: int, sentence, candidates, inside) -> Mention | None:
        """Who does the verb: the first entity of the verb's clause before it, or failing
        that the first entity of the sentence (Anthropic证实…，并澄清他“…”)."""
        bounds = self._bounds(sentence)
        clause_start = max([b for b in bounds if b < verb_start], default=sentence.start)
        usable = [
            m for m in candidates
            if sentence.start <= m.start and m.end <= verb_start
            and not any(x.open <= m.start < x.end + 1 for x in inside)
            and not self.lex.preposition_re.search(self._before(m.start))  # 向CNN, 和奥尔特曼
            and not self.lex.object_verb_re.search(self._before(m.start))  # 加入xAI
            and not re.match(r"\s*(?:的|'s)", self.folded[m.end:m.end + 3])  # Sharma的离职
        ]
        for pool in ([m for m in usable if m.start >= clause_start], usable):
            people = [m for m in pool if m.type == "person"]
            if people or pool:
                return (people or pool)[0]
        return None

    def _quotes(self, sentence, inside, mentions) -> None:
        """A quote is a claim of whoever the speech verb beside it names: 刘鹏飞表示：“…”,
        “…”Sharma写道."""
        lex = self.lex
        speakers = [m for m in mentions if m.entity and m.type in ("person", "org")]
        for q in inside:
            words = self.text[q.start:q.end].strip()
            if len(words) < lex.quote_min:
                continue
            if any(q2.open < q.open and q.end <= q2.end for q2 in inside):
                continue  # a quote inside a quote
            speaker = None
            before = list(lex.speech_re.finditer(self.folded, max(sentence.start, q.open - lex.verb_before), q.open))
            after = lex.speech_re.search(self.folded, q.end + 1, min(sentence.end, q.end + 1 + lex.verb_after))
            if after:
                between = [m for m in speakers if q.end < m.start and m.end <= after.start()]
                speaker = between[0] if between else None
            if speaker is None and before:
                speaker = self._agent_of(before[-1].start(), sentence, speakers, inside)
            if speaker is None or speaker.type == "org" and self.lex.anonymous_re.match(self.folded, speaker.end):
                continue
            start = q.start + (len(self.text[q.start:q.end]) - len(self.text[q.start:q.end].lstrip()))
            end = start + len(words)
            self._add(sentence, "quote", speaker, "said", "said", QuoteValue(quote=words), start, end, None)


def _outside(x, quoted) -> bool:
    """Whether x (anything with start and end) lies outside every quote."""
    return not any(q.open <= x.start and x.end <= q.end + 1 for q in quoted)


SALIENCE_DECAY = 0.6  # per sentence
TOPIC_WEIGHT, OTHER_WEIGHT = 1.0, 0.5


def _resolve_pronouns(mentions: list[Mention], sentences: list[Sentence], text: str) -> list[Mention]:
    """他/she stand for the topic of their sentence (the first person named in it) if named
    before them, else the topic of the nearest sentence before. 该公司/"the company" stand for
    the last organisation named earlier in the same sentence, else for the most salient one:
    organisations named recently, and as a sentence's first organisation, weigh more.
    A bare 公司 is resolved only when its paragraph names a single organisation."""
    out: list[Mention] = []
    topic: Mention | None = None
    sentence_topic: Mention | None = None
    s_index = 0
    paragraph = -1
    paragraph_orgs: set[str] = set()
    salience: dict[str, float] = {}
    last_seen: dict[str, int] = {}
    sentence_orgs: list[Mention] = []
    for m in mentions:
        while s_index < len(sentences) and sentences[s_index].end <= m.start:
            s_index += 1
            if sentence_topic is not None:
                topic = sentence_topic
            sentence_topic = None
            sentence_orgs = []
            for k in salience:
                salience[k] *= SALIENCE_DECAY
        if s_index < len(sentences) and sentences[s_index].paragraph != paragraph:
            paragraph = sentences[s_index].paragraph
            paragraph_orgs = set()
        if m.pronoun:
            if m.type == "person":
                target = sentence_topic or topic
            elif m.bare:
                target = sentence_orgs[-1] if len(paragraph_orgs) == 1 and sentence_orgs else (
                    next(iter(paragraph_orgs)) if len(paragraph_orgs) == 1 else None)
            elif sentence_orgs:
                target = sentence_orgs[-1]
            elif salience:
                best = max(salience, key=lambda k: (salience[k], last_seen[k]))
                target = best
            else:
                target = None
            if isinstance(target, str):
                out.append(Mention(m.start, m.end, target, m.type, pronoun=True))
                _note_org(target, OTHER_WEIGHT, m.start, salience, last_seen)
            elif target is not None and m.start - target.end < 600:
                out.append(Mention(m.start, m.end, target.entity, m.type, pronoun=True))
                if m.type == "org":
                    _note_org(target.entity, OTHER_WEIGHT, m.start, salience, last_seen)
            continue
        if m.type == "person" and sentence_topic is None and not _in_quote(text, m.start):
            sentence_topic = m
        if m.type == "org":
            _note_org(m.entity, OTHER_WEIGHT if sentence_orgs else TOPIC_WEIGHT, m.start, salience, last_seen)
            sentence_orgs.append(m)
            paragraph_orgs.add(m.entity)
        out.append(m)
    return out


def _note_org(entity: str, weight: float, at: int, salience: dict[str, float], last_seen: dict[str, int]) -> None:
    salience[entity] = salience.get(entity, 0.0) + weight
    last_seen[entity] = at


def _in_quote(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    opened = sum(text.count(c, line_start, pos) for c in "“「『")
    closed = sum(text.count(c, line_start, pos) for c in "”」』")
    return opened > closed
