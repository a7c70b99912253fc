"""Matching claims about the same thing across sources and running the rules on them.

Claims are compared only when they are about the same thing at the same time:
- the same subject, predicate and kind (a departure is never compared with a last day, a
  firing with the lawsuit about it);
- the same scope: a Series A amount is not a Series B amount, the combined company is not the
  company; values of different times (a valuation in a January round vs today's; head count
  before vs after the cuts; a fine of 2023 vs this year's) are a change over time, reported as
  compatible with reason `different-time`, never as a contradiction;
- dates a day apart that the sources' clocks explain are compatible (reason `time-zone`).

Sources that give the same value form one position; positions are compared, so a hundred
articles repeating a date make one finding. A finding's id depends on what it is about (rule,
subject, predicate, scope, verdict, the values compared), not on which sources are in the
folder, so a reviewer's file keeps working when articles are added. Syndicated copies (the
same article on another site) are noted, and a finding counts independent sources.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from typing import Iterable, Iterator

from pydantic import BaseModel, Field

from verifier import describe
from verifier.claims.model import Claim
from verifier.rules.base import REGISTRY, Relation, Rule, Verdict, predicate_field, predicate_says
from verifier.rules.quotes import quote_key

# importing the rule modules registers their rules
from verifier.rules import dates, linter, quantities, quotes  # noqa: F401,E402

VERDICT_ORDER = {"contradict": 0, "compatible": 1, "agree": 2}
VALUE_KINDS = ("money", "count", "percent", "duration")
SAME_YEAR_ONLY = "published"  # a time taken from the publication date is compared by year only
RELATIVE_TIMES = ("before", "after", "now", "planned")  # times told against an event, not on the calendar


class Finding(BaseModel):
    id: str
    rule: str
    name: str
    verdict: Verdict
    claims: list[str] = Field(description="ids of the claims compared, from at least two sources (one for within-source rules)")
    sources: list[str]
    independent_sources: int = Field(default=0, description="sources that are not copies of another source here")
    subject: str
    predicate: str
    label: str
    message: str
    reason: str = Field(default="", description="why, as a code: same, less-precise, rounding, overlap, time-zone, "
                                                "different-time, aim, disjoint, impossible, misattributed, reworded")
    scope: dict[str, str] = Field(default_factory=dict, description="what the values compared are of (a funding round)")


def rules() -> dict[str, Rule]:
    return dict(sorted(REGISTRY.items()))


def _finding_id(rule: str, *parts: str) -> str:
    digest = hashlib.blake2b("|".join(parts).encode(), digest_size=6).hexdigest()
    return f"{rule}-{digest}"


def snippet(text: str, claim: Claim, width: int = 40) -> str:
    s0, s1 = claim.sentence
    a, b = max(s0, claim.start - width), min(s1, claim.end + width)
    out = text[a:b].strip().replace("\n", " ")
    return ("…" if a > s0 else "") + out + ("…" if b < s1 else "")


def _says(claim: Claim, texts: dict[str, str]) -> str:
    if claim.kind == "quote":
        return f"{claim.source} quotes {claim.subject}: “{snippet(texts[claim.source], claim)}”"
    hedge = " (hedged)" if claim.hedged else ""
    return (f"{claim.source} says {describe.value(claim.value)}{hedge}: "
            f"“{snippet(texts[claim.source], claim)}”")


def explain(rule: Rule, rel: Relation, a: Claim, b: Claim, texts: dict[str, str]) -> str:
    what = f"{a.subject} — {a.label or a.predicate}"
    if a.kind == "quote" and a.subject != b.subject:
        what = "who said it"
        first = f"{a.source} attributes it to {a.subject}: “{snippet(texts[a.source], a)}”"
        second = f"{b.source} attributes it to {b.subject}: “{snippet(texts[b.source], b)}”"
    else:
        first, second = _says(a, texts), _says(b, texts)
    code = rel.reason_code
    if rel.verdict == "contradict":
        tail = f"These cannot both be right: {rel.reason}." if rel.reason else "These cannot both be right."
    elif rel.verdict == "agree":
        tail = "The sources agree."
    elif code == "time-zone":
        tail = f"They fit together: {rel.reason}."
    elif code == "aim":
        tail = f"An aim and another account, not a contradiction: {rel.reason}."
    elif code == "different-time":
        tail = f"A change over time, not a contradiction: {rel.reason}."
    else:
        precise = {"a": a.source, "b": b.source}.get(rel.narrower)
        tail = (f"They fit together; {precise} is more precise." if precise
                else "They can both be right, each saying what the other leaves open.")
        if rel.reason:
            tail += f" ({rel.reason})"
    return f"{what}. {first}. {second}. {tail}"


def group_key(c: Claim) -> tuple[str, str, str]:
    return (c.subject, c.predicate, c.kind)


def relate(a: Claim, b: Claim, published: dict[str, dt.date | None] | None = None) -> list[tuple[Rule, Relation]]:
    """Every across-source rule that has something to say about two claims, with their scopes
    taken into account: values of different things are not compared, values of different
    times are a change over time. `published` gives the sources' publication dates, when a
    value with no time of its own holds."""
    if _different_things(a, b):
        return []
    out = []
    for r in REGISTRY.values():
        if r.scope != "across" or a.kind not in r.kinds:
            continue
        rel = r.relate(a, b)
        if rel is None:
            continue
        out.append((r, _part_in_a_place(a, b, _aim_and_outcome(a, b, _over_time(a, b, rel, published or {})))))
    return out


def _part_in_a_place(a: Claim, b: Claim, rel: Relation) -> Relation:
    """"about 5,000 people in China" and "12,000 employees": the staff in one place may be a part
    of the whole (or all of it: "its 1,150 employees in Hsinchu"), so they do not contradict."""
    pa, pb = (a.scope.get("of") or "").startswith("in:"), (b.scope.get("of") or "").startswith("in:")
    if rel.verdict != "contradict" or pa == pb:
        return rel
    part = a if pa else b
    return Relation("compatible", f"{part.source} counts only those in {part.scope['of'][3:]}", "neither",
                    code="less-precise")


def _aim_and_outcome(a: Claim, b: Claim, rel: Relation) -> Relation:
    """A value sought ("is seeking a valuation of about $5 billion") and one reached or told
    ("was valued at $4.2 billion") are an aim and what came of it, not two accounts of one thing."""
    sa, sb = a.scope.get("tense") == "sought", b.scope.get("tense") == "sought"
    if rel.verdict != "contradict" or sa == sb or a.kind == "quote":
        return rel
    aim, other = (a, b) if sa else (b, a)
    return Relation("compatible", f"{aim.source} gives what was sought or forecast ({describe.value(aim.value)}), "
                    f"{other.source} {describe.value(other.value)}", "neither", code="aim")


# --------------------------------------------------------------------------- scope
def _different_things(a: Claim, b: Claim) -> bool:
    """A Series A amount and a Series B one; the company and the combined company."""
    oa, ob = a.scope.get("of"), b.scope.get("of")
    if oa and ob and oa != ob:
        return True
    if a.scope.get("measure", "net") != b.scope.get("measure", "net"):
        return True  # a net profit and an adjusted one
    if a.scope.get("by") and b.scope.get("by") and a.scope["by"] != b.scope["by"]:
        return True  # two research firms' estimates
    unsorted = predicate_field(a, "unsorted_sort")  # (a valuation that says not which is after the money)
    sa, sb = a.scope.get("sort") or unsorted, b.scope.get("sort") or unsorted
    if sa != sb and (sa and sb or not predicate_says(a, "unsorted_any")):
        return True  # a final dividend and a special one (or one that says not which)
    return bool(oa == "combined") != bool(ob == "combined")


def _when(c: Claim, published: dict[str, dt.date | None]) -> tuple[str, str | None, str | None] | None:
    """When a value holds: (how it is known, first day, last day); None when unknown."""
    when = c.scope.get("when")
    if when in RELATIVE_TIMES:
        return (when, None, None)
    if when:
        first, _, last = when.partition("/")
        if len(first) == 10 and (not last or len(last) == 10):
            return ("stated", first, last or first)
        return None
    pub = published.get(c.source)
    return (SAME_YEAR_ONLY, f"{pub.year}-01-01", f"{pub.year}-12-31") if pub else None


def _over_time(a: Claim, b: Claim, rel: Relation, published: dict[str, dt.date | None]) -> Relation:
    """Values of two different times do not contradict: they changed."""
    if rel.verdict != "contradict" or a.kind not in VALUE_KINDS:
        return rel
    if _moves(a):
        return Relation("compatible", f"{describe.value(a.value)} and {describe.value(b.value)}: a price that moves "
                        "from one moment to the next", "neither", code="different-time")
    update = _later_toll(a, b, published)
    if update:
        return Relation("compatible", update, "neither", code="different-time")
    wa, wb = _when(a, published), _when(b, published)
    if wa is None or wb is None:
        return rel
    if wa[0] in RELATIVE_TIMES or wb[0] in RELATIVE_TIMES:
        if wa[0] == wb[0] or {wa[0], wb[0]} == {"now", SAME_YEAR_ONLY}:
            return rel
        return Relation("compatible", f"{_when_words(a, wa)} and {_when_words(b, wb)}", "neither", code="different-time")
    if wa[0] == SAME_YEAR_ONLY and wb[0] == SAME_YEAR_ONLY:
        apart = _states_apart(a, b, published)
        return Relation("compatible", apart, "neither", code="different-time") if apart else rel
    stale = _state_of_another_time(a, wa, b, wb, published) or _state_of_another_time(b, wb, a, wa, published)
    if stale:
        return Relation("compatible", stale, "neither", code="different-time")
    if wa[0] == wb[0] == "stated" and (wa[1], wa[2]) != (wb[1], wb[2]) and (_accumulates(a) or predicate_says(a, "change_of")):
        # September's deliveries and the quarter's; a day's share move and the week's
        return Relation("compatible", f"{_when_words(a, wa)} and {_when_words(b, wb)}: figures of two periods",
                        "neither", code="different-time")
    if _accumulates(a) and SAME_YEAR_ONLY in (wa[0], wb[0]):
        stated = wa if wa[0] == "stated" else wb if wb[0] == "stated" else None
        if stated is not None and _days(stated) < PART_OF_YEAR_DAYS:
            dated, undated = (a, b) if stated is wa else (b, a)
            return Relation("compatible", f"{_when_words(dated, stated)} and {describe.value(undated.value)} with no "
                            "period stated: a quarter's figure and one that may be a year's", "neither",
                            code="different-time")
    overlap = wa[1] <= wb[2] and wb[1] <= wa[2]
    if wa[0] == SAME_YEAR_ONLY or wb[0] == SAME_YEAR_ONLY:
        overlap = wa[1][:4] == wb[1][:4] or wa[2][:4] == wb[2][:4]
    if overlap or _one_off_days_apart(a, wa, wb):
        return rel
    return Relation("compatible", f"{_when_words(a, wa)} and {_when_words(b, wb)}", "neither", code="different-time")


ONE_OFF_DAYS = 7  # two days this close that date a one-off figure (an offer price) are the days it was told


def _one_off_days_apart(a: Claim, wa, wb) -> bool:
    """An offer price told on the day it was set and on the listing day after: a figure that
    neither changes, sums, moves nor recurs is one figure, whichever day of the week it is told."""
    if wa[0] != "stated" or wb[0] != "stated":
        return False
    if any(predicate_says(a, flag) for flag in ("changes", "accumulates", "moves", "recurring", "toll", "sessions")):
        return False
    first, last = sorted((wa, wb), key=lambda w: w[1])
    return (dt.date.fromisoformat(last[1]) - dt.date.fromisoformat(first[2])).days <= ONE_OFF_DAYS

PART_OF_YEAR_DAYS = 300  # a stated period shorter than this is a part of a year (a quarter, a half, a month)


def _days(when: tuple[str, str | None, str | None]) -> int:
    return (dt.date.fromisoformat(when[2]) - dt.date.fromisoformat(when[1])).days + 1


def _accumulates(c: Claim) -> bool:
    return predicate_says(c, "accumulates")


def _later_toll(a: Claim, b: Claim, published: dict[str, dt.date | None]) -> str | None:
    """A death toll of 6 in one day's article and of 8 in the next day's, a total raised of $275
    million in January and of $365 million in September: the later figure is an update, not a
    conflict (a later article giving less still contradicts)."""
    totals = a.scope.get("of") == b.scope.get("of") == "total"  # "has raised $275 million in total"
    if not (totals or predicate_says(a, "toll")):
        return None
    pa, pb = _toll_day(a, published), _toll_day(b, published)
    if pa is None or pb is None or pa == pb:
        return None
    from verifier.rules.quantities import _interval

    earlier, later = (a, b) if pa < pb else (b, a)
    if _interval(later.value)[1] < _interval(earlier.value)[0]:
        return None
    return (f"{later.source} gives a later figure ({describe.value(later.value)}, as of {max(pa, pb).isoformat()}) "
            f"than {earlier.source} ({describe.value(earlier.value)}, as of {min(pa, pb).isoformat()}): "
            + ("a total grows with each new one" if totals else "such a count rises as news comes in"))


def _toll_day(c: Claim, published: dict[str, dt.date | None]) -> dt.date | None:
    """The day a count is of: the one its sentence states (截至27日上午), else its article's."""
    when = c.scope.get("when", "")
    if len(when) == 10:
        return dt.date.fromisoformat(when)
    return published.get(c.source)


def _moves(c: Claim) -> bool:
    return predicate_says(c, "moves")


STATE_STALE_DAYS = 28  # a state stated for a time ending this long before an article is not its now


def _state_of_another_time(dated: Claim, wd, undated: Claim, wu, published: dict[str, dt.date | None]) -> str | None:
    """A valuation of January and one an article of March states with no time (as of March): two
    times of a state that changes, when the first ended a month or more before the article."""
    from verifier.claims.lexicon import predicates

    pred = predicates().get(dated.predicate)
    pub = published.get(undated.source)
    if pred is None or not pred.changes or wd[0] != "stated" or wu[0] != SAME_YEAR_ONLY or pub is None:
        return None
    if (pub - dt.date.fromisoformat(wd[2])).days < STATE_STALE_DAYS:
        return None
    return f"{_when_words(dated, wd)} and {describe.value(undated.value)} as of {pub.isoformat()}"


def _states_apart(a: Claim, b: Claim, published: dict[str, dt.date | None]) -> str | None:
    """A valuation a January article gives and one a September article gives, neither saying
    when: each is the state as of its article, a month or more apart."""
    from verifier.claims.lexicon import predicates

    pred = predicates().get(a.predicate)
    pa, pb = published.get(a.source), published.get(b.source)
    if pred is None or not pred.changes or pa is None or pb is None or abs((pa - pb).days) < STATE_STALE_DAYS:
        return None
    return (f"{describe.value(a.value)} as of {pa.isoformat()} and {describe.value(b.value)} as of {pb.isoformat()}: "
            "a state that changes, told a month or more apart")


def _both_in_one_source(rel: Relation, pa: list[Claim], pb: list[Claim], giving: dict[tuple, set[str]]) -> Relation:
    """Two amounts one source itself gives for the same thing ("valued at $4.5 billion in its
    January round, is now worth more than $6 billion"), or two dates ("on Monday named X chief
    executive, effective May 1"), are two times or two things to that source: another source
    giving one of them does not contradict the other. `giving`: the sources giving each value."""
    if rel.verdict != "contradict" or pa[0].kind == "quote":
        return rel
    for mine, theirs in ((pa, pb), (pb, pa)):
        both = sorted({c.source for c in mine} & (giving[_same_value(theirs[0])] | giving[_loose_value(theirs[0])]))
        if both:
            return Relation("compatible", f"{both[0]} itself gives both values", "neither", code="different-time")
    return rel


def _loose_value(c: Claim) -> tuple:
    """A figure whatever its bounds (约41.2万台 and "412,000"), for `_both_in_one_source`: a source
    that gives about the other's figure as well as its own gives both."""
    if c.kind not in VALUE_KINDS:
        return ("same",) + _same_value(c)
    v = c.value
    figure = getattr(v, "amount", None) if c.kind == "money" else getattr(v, "value", None)
    unit = getattr(v, "unit", None) if c.kind == "duration" else None  # (a count's noun is its language's)
    return ("loose", c.kind, getattr(v, "currency", None), unit, figure, c.scope.get("of", ""))


def _same_value(c: Claim) -> tuple:
    """A position's value whatever the clock it is told on (a date's days and time of day)."""
    if c.kind == "date" and c.value.start:
        v = c.value
        return (v.start, v.end, v.part_of_day, v.time, v.issue)
    return _position_key(c) + (c.scope.get("of", ""),)


def _when_words(c: Claim, when: tuple[str, str | None, str | None]) -> str:
    value = describe.value(c.value)
    how, first, last = when
    if how in ("before", "after"):
        return f"{value} {how} the event"
    if how == "now":
        return f"{value} now"
    if how == "planned":
        return f"{value} to come"
    if how == SAME_YEAR_ONLY:
        return f"{value} as of {first[:4]}"
    return f"{value} in {first if first == last else f'{first} to {last}'}"


# --------------------------------------------------------------------------- positions
def _position_key(c: Claim) -> tuple:
    """Claims that say the same thing: the same normalized value (and speaker, for quotes). A
    date anchored to the calendar is its days, weekday and part of the day, however it was
    written (周三, 同一天, 2月11日)."""
    if c.kind == "quote":
        return (c.subject, quote_key(c.value.quote))
    if c.kind == "date" and c.value.start:
        v = c.value
        return (v.start, v.end, v.part_of_day, v.time, v.issue, c.tz)
    return (c.value.model_dump_json(exclude={"kind"}),)


def _value_key(c: Claim) -> str:
    if c.kind == "quote":
        return f"{c.subject}:{quote_key(c.value.quote)[:40]}"
    return c.value.model_dump_json(exclude={"kind"})


def _finding(r: Rule, rel: Relation, a: Claim, b: Claim, members: list[Claim], texts: dict[str, str],
             copies: dict[str, str]) -> Finding:
    ids = sorted({c.id for c in members})
    sources = sorted({c.source for c in members})
    message = explain(r, rel, a, b, texts)
    others = [s for s in sources if s not in (a.source, b.source)]
    if others:
        message += f" Also saying the same: {', '.join(others)}."
    independent = len({copies.get(s, s) for s in sources})
    copied = [s for s in sources if s in copies and copies[s] in sources]
    if copied:
        message += (f" ({', '.join(f'{s} is a copy of {copies[s]}' for s in copied)}: {independent} independent "
                    f"source{'s' if independent != 1 else ''}.)")
    scope = {k: v for k, v in a.scope.items() if k == "of"}
    values = sorted({_value_key(c) for c in members})
    return Finding(
        id=_finding_id(r.code, a.subject, a.predicate, a.kind, scope.get("of", ""), rel.verdict, *values),
        rule=r.code, name=r.name, verdict=rel.verdict, claims=ids, sources=sources,
        independent_sources=independent,
        subject=a.subject if a.subject == b.subject else f"{a.subject} / {b.subject}",
        predicate=a.predicate, label=a.label, reason=rel.reason_code, message=message, scope=scope,
    )


def _pair(pa: list[Claim], pb: list[Claim]) -> tuple[Claim, Claim] | None:
    """A claim of each position from two different sources that speak of one thing, if there is
    such a pair: the first pair that states one time, else the first pair (an undated 8% in one article and "8% in
    January 2025" in another are one position; against "about 10% in January 2025" the dated
    one speaks of the same time)."""
    first = None
    for a in pa[:PAIR_SCAN]:  # (a position an archive repeats a hundred times: its first few claims)
        for b in pb[:PAIR_SCAN]:
            if a.source != b.source and not _different_things(a, b):  # (a headline's 14.6% and "14.6% to the close")
                if a.scope.get("when") and a.scope.get("when") == b.scope.get("when"):
                    return a, b
                first = first or (a, b)
    return first or next(((a, b) for a in pa for b in pb if a.source != b.source), None)


PAIR_SCAN = 8  # claims of each position looked at for the pair that speaks of one thing at one time


def compare(claims: list[Claim], texts: dict[str, str], published: dict[str, dt.date | None] | None = None,
            copies: dict[str, str] | None = None) -> list[Finding]:
    """Findings over a corpus: within-source problems, then, for every subject and predicate
    that two sources speak of, how the different values given for it relate. `published` gives
    each source's publication date (for when values hold); `copies` maps a syndicated copy to
    its original."""
    published = published or {}
    copies = copies or {}
    findings: list[Finding] = []
    for c in claims:
        for r in REGISTRY.values():
            if r.scope == "within" and c.kind in r.kinds:
                rel = r.relate(c, None)  # type: ignore[arg-type]
                if rel is not None:
                    findings.append(Finding(
                        id=_finding_id(r.code, c.source, c.id), rule=r.code, name=r.name, verdict=rel.verdict,
                        claims=[c.id], sources=[c.source], independent_sources=1, subject=c.subject,
                        predicate=c.predicate, label=c.label, reason="impossible",
                        message=f"{c.source} says “{c.text}”, which cannot be: {rel.reason}. “{snippet(texts[c.source], c)}”",
                    ))
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        groups[("*quotes*",) if c.kind == "quote" else group_key(c)].append(c)
    for _, members in sorted(groups.items()):
        if len({c.source for c in members}) < 2:
            continue
        if members[0].kind == "quote":
            findings.extend(_quote_findings(members, texts, copies))
            continue
        positions: dict[tuple, list[Claim]] = defaultdict(list)
        for c in sorted(members, key=lambda c: (c.source, c.start)):
            positions[_position_key(c) + (c.scope.get("of", ""),)].append(c)
        plist = list(positions.values())
        merged: dict[tuple, tuple[Rule, Relation, Claim, Claim, list[Claim], set[str]]] = {}
        for pos in plist:
            pair = _pair(pos, pos)
            if pair:
                for r, rel in relate(*pair, published):
                    _merge(merged, r, rel, pair[0], pair[1], pos)
        giving: dict[tuple, set[str]] = defaultdict(set)
        for pos in plist:
            giving[_same_value(pos[0])].update(c.source for c in pos)
            giving[_loose_value(pos[0])].update(c.source for c in pos)
        for pa, pb in _position_pairs(plist):
            pair = _pair(pa, pb)
            if pair is None:
                continue
            for r, rel in relate(*pair, published):
                _merge(merged, r, _both_in_one_source(rel, pa, pb, giving), pair[0], pair[1], pa + pb)
        for r, rel, a, b, involved, _ in merged.values():
            findings.append(_finding(r, rel, a, b, involved, texts, copies))
    findings.sort(key=lambda f: (VERDICT_ORDER[f.verdict], f.rule, f.subject, f.predicate, f.id))
    return _unique_ids(findings)


ALL_PAIRS_UP_TO = 32  # positions of one thing: all pairs compared up to this many; beyond, each
# position is compared with the ones most sources give (cost linear in the positions)


def _position_pairs(plist: list[list[Claim]]):
    """Pairs of positions to compare: every pair when there are few; when there are many (an
    archive's hundred figures for one company's valuation), each with the best supported ones."""
    if len(plist) <= ALL_PAIRS_UP_TO:
        for i, pa in enumerate(plist):
            for pb in plist[i + 1:]:
                yield pa, pb
        return
    support = sorted(range(len(plist)), key=lambda i: (-len({c.source for c in plist[i]}), i))[:ALL_PAIRS_UP_TO]
    chosen = set(support)
    for i in support:
        for j in support:
            if i < j:
                yield plist[i], plist[j]
    for j, pb in enumerate(plist):
        if j not in chosen:
            for i in support:
                yield plist[i], pb


def _merge(merged: dict, r: Rule, rel: Relation, a: Claim, b: Claim, involved: list[Claim],
           k: tuple | None = None) -> None:
    """One finding per rule, verdict, reason and set of sources (or per key `k`), citing every
    claim in that situation."""
    if k is None:
        k = (r.code, rel.verdict, rel.reason_code, frozenset(c.source for c in involved))
    if k in merged:
        have = merged[k][5]
        merged[k][4].extend(c for c in involved if c.id not in have)
        have.update(c.id for c in involved)
    else:
        merged[k] = (r, rel, a, b, list(involved), {c.id for c in involved})


def _unique_ids(findings: list[Finding]) -> list[Finding]:
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        n = seen.get(f.id, 0)
        seen[f.id] = n + 1
        out.append(f if n == 0 else f.model_copy(update={"id": f"{f.id}-{n + 1}"}))
    return out


# --------------------------------------------------------------------------- quotes
QUOTE_BLOCK_CHARS = 3  # quotes sharing a run of this many folded characters are compared,
QUOTE_BLOCK_GRAMS = 8  # through the rarest this many runs each quote shares,
QUOTE_BLOCK_POSTINGS = 64  # each in at most this many quotes


def _candidates(grams_of: list[tuple[str, ...]], index: dict[str, list[int]]) -> Iterator[tuple[int, int]]:
    """The pairs (i, j), i < j, of positions to compare, in order: those sharing one of the
    rarest runs of i (a run in many quotes is a common word). One position's pairs at a time:
    an archive's quotes have millions of them."""
    for i, grams in enumerate(grams_of):
        shared = sorted((g for g in grams if 2 <= len(index[g]) <= QUOTE_BLOCK_POSTINGS),
                        key=lambda g: (len(index[g]), g))[:QUOTE_BLOCK_GRAMS]
        for j in sorted({j for g in shared for j in index[g] if j > i}):
            yield i, j


def _runs(k: str) -> set[str]:
    """The runs of QUOTE_BLOCK_CHARS characters of a quote's key (the key itself when shorter)."""
    return {k[j:j + QUOTE_BLOCK_CHARS] for j in range(max(1, len(k) - QUOTE_BLOCK_CHARS + 1))}


SKETCH_SLOTS = 1 << 24  # a byte each: how often the runs whose hash falls there were seen (up to 2)


def _blocking_runs(keys: list[str]) -> dict[str, str]:
    """The runs of the keys that are in 2 to QUOTE_BLOCK_POSTINGS of them, each as one string.
    Most runs are in one quote, and an archive's quotes have a million: they are first counted
    by their hash in a sketch of a byte a slot, and only the runs whose slot was seen twice (the
    runs in two quotes or more, and a few that share a slot with another) are counted exactly."""
    sketch = bytearray(SKETCH_SLOTS)
    mask = SKETCH_SLOTS - 1
    for k in keys:
        for g in _runs(k):
            h = hash(g) & mask
            if sketch[h] < 2:
                sketch[h] += 1
    counts: dict = Counter(g for k in keys for g in _runs(k) if sketch[hash(g) & mask] > 1)
    del sketch
    for g in [g for g, n in counts.items() if not 2 <= n <= QUOTE_BLOCK_POSTINGS]:
        del counts[g]  # freed before the index is made
    for g in counts:
        counts[g] = g
    return counts


def _quote_findings(quotes: list[Claim], texts: dict[str, str], copies: dict[str, str]) -> list[Finding]:
    """Quotes are compared within blocks, never all pairs. The same words by the same speaker
    are one position (a hundred reprints of a quote are one); positions are compared when they
    share a rare run of characters (an inverted index of character trigrams)."""
    positions: dict[tuple, list[Claim]] = defaultdict(list)
    for c in sorted(quotes, key=lambda c: (c.source, c.start)):
        positions[_position_key(c)].append(c)
    plist = list(positions.values())
    findings: list[Finding] = []
    for pos in plist:  # one speaker, the same words, in several sources
        pair = _pair(pos, pos)
        if pair:
            for r, rel in relate(*pair):
                findings.append(_finding(r, rel, pair[0], pair[1], pos, texts, copies))
    # the index holds only the runs that can block (in 2 to QUOTE_BLOCK_POSTINGS quotes): most
    # runs are in one quote, and an archive's quotes have millions of them
    keys = [quote_key(pos[0].value.quote) for pos in plist]
    one = _blocking_runs(keys)  # each run that can block, as one string
    index: dict[str, list[int]] = defaultdict(list)
    grams_of = []
    for i, k in enumerate(keys):
        grams = tuple(one[g] for g in _runs(k) if g in one)
        grams_of.append(grams)
        for g in grams:
            index[g].append(i)
    del keys, one
    merged: dict[tuple, tuple[Rule, Relation, Claim, Claim, list[Claim], set[str]]] = {}
    for i, j in _candidates(grams_of, index):
        pair = _pair(plist[i], plist[j])
        if pair is None:
            continue
        a, b = pair
        la, lb = len(a.value.quote), len(b.value.quote)
        if min(la, lb) * 2 < max(la, lb):
            continue  # quotes of very different lengths are different quotes
        for r, rel in relate(a, b):
            _merge(merged, r, rel, a, b, plist[i] + plist[j],
                   (r.code, rel.verdict, a.subject, b.subject, quote_key(a.value.quote)[:12]))
    findings.extend(_finding(r, rel, a, b, involved, texts, copies) for r, rel, a, b, involved, _ in merged.values())
    return findings
