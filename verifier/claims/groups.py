"""Counts of a group — founders, employees, board members — read in their frames.

A number of a group's noun is a claim of how many there are only where the text states a total
("has 410 employees", 员工约410人, 创始团队共有七人, "12人的创始团队", "one of the seven
co-founders"), how many remain ("three of the seven co-founders remain", 六位联合创始人中仅剩三位,
仍留任的共同创办人仅剩三位) or how many have left ("Half of the 12 founders have left",
最初12人创始团队已走6人, 12名创始成员中，已有6人离开). A whole and its part are two claims: the
total (at the whole's words) and what remains or left (at the part's words), never compared
with each other. "Two co-founders left this week" counts the people of an event: no claim here
(the event's linker may take it, as layoffs take "cut 340 jobs").
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from verifier.claims.entities import Mention
from verifier.lang import alternation
from verifier.normalize.values import CountValue, Found
from verifier.text.fold import fold

PART_REACH = 40  # characters between a whole and its part
# English part of a whole: "three of the company's seven co-founders"
_OF_WHOLE = re.compile(r"\s*of\s+(?:the|its|their|his|her|[a-z0-9&.\-]+['’]s)\s+(?:[a-z\-]+\s+){0,3}?")


@dataclass
class Reading:
    family: str
    total: Found | None = None  # the whole's words (or None)
    total_value: float | None = None
    part: Found | None = None
    part_value: float | None = None
    part_kind: str | None = None  # remaining, departed
    how: str = ""


def _words(words) -> list[str]:
    """The data's words folded, longest first (computed once per list)."""
    key = id(words)
    cached = _WORDS.get(key)
    if cached is None or cached[0] is not words:
        cached = _WORDS[key] = (words, sorted((fold(w).lower() for w in words if w), key=len, reverse=True))
    return cached[1]


_WORDS: dict[int, tuple[list, list[str]]] = {}


def group_claims(view) -> None:
    lex = view.lex
    g = lex.groups
    ex = view.ex
    low = ex.lower
    readings: list[Reading] = []
    values = view.values
    _from_to(view, g)
    for i, v in enumerate(values):
        if i in view.used or v.value.kind not in ("count", "number"):
            continue
        reading = _read(view, i, v, g)
        if reading is not None:
            readings.append(reading)
    for r in readings:
        _emit(view, r)


@lru_cache(maxsize=4)
def _from_to_re(froms: tuple[str, ...], tos: tuple[str, ...]) -> re.Pattern[str]:
    now = r"(?:目前的?|现有的?|当前的?|现在的?|the\s+current\s+|its\s+current\s+|about\s+|约)?"
    return (re.compile(rf"(?:{alternation(_words(froms))})\s*{now}\s*$"),
            re.compile(rf"\s*(?:{alternation(_words(tos))})\s*(?:about\s+|约)?$"))


def _from_to(view, g: dict) -> None:
    """"reducing its headcount from 7,000 to 5,740", 员工人数将由7000人降至5740人: the group's size
    before the change and after it, when the group's noun stands a few words before."""
    lex, ex = view.lex, view.ex
    low = ex.lower
    froms, tos = _from_to_re(tuple(g["change_from"]), tuple(g["change_to"]))
    values = view.values
    for i in range(len(values) - 1):
        a, b = values[i], values[i + 1]
        if i in view.used or i + 1 in view.used or a.value.kind not in ("count", "number") \
                or b.value.kind not in ("count", "number") or b.start - a.end > 8:
            continue
        if not tos.match(low[a.end:b.start]) or not froms.search(low, max(view.sentence.start, a.start - 16), a.start):
            continue
        clause = view.clause(a.start)
        nouns = list(lex.count_noun_re.finditer(ex.folded, max(clause.start, a.start - 40), a.start))
        family = lex.count_noun.get(nouns[-1].group(0).lower()) if nouns else None
        if family is None:
            continue
        subject, how = _owner(view, a)
        if subject is None:
            continue
        fam = lex.count_families[family]
        view.used.update({i, i + 1})
        for v, when in ((a, "before"), (b, "after")):
            number = v.value.value
            value = CountValue(value=number, unit=getattr(v.value, "unit", "") or "", noun=getattr(v.value, "noun", None),
                               bound="exact", low=number, high=number)
            view.ex._add(view.sentence, "count", subject, family, fam["label"], value, v.start, v.end, None,
                         {"link": f"group count: the size {when} a change", "subject": how, "value": v.pattern or "count"},
                         scope={"when": when})


def _family_of_noun(lex, noun: str | None) -> str | None:
    if not noun:
        return None
    return lex.count_noun.get(noun.lower())


def _noun_after(view, pos: int, reach: int = 28) -> tuple[str, int, int] | None:
    """A group noun right after a position (12人创始团队, "12 original co-founders")."""
    lex = view.lex
    m = lex.count_noun_re.search(view.ex.folded, pos, min(view.sentence.end, pos + reach))
    if not m:
        return None
    between = view.ex.lower[pos:m.start()]
    if re.fullmatch(r"\s*(?:的|名|位|个|人)?\s*(?:[a-z\-]+\s+){0,2}\s*", between) and "," not in between:
        return lex.count_noun[m.group(0).lower()], m.start(), m.end()
    return None


NOUN_BEFORE_REACH_EN = 40  # characters: "its headcount stood at about 2,100"


def _noun_before(view, pos: int) -> tuple[str, int] | None:
    """A group noun before a number, joined by 有/为/约 (员工约410人, 创始团队共有七人)."""
    lex = view.lex
    g = lex.groups
    start = max(view.sentence.start, pos - (14 if view.ex.chinese else NOUN_BEFORE_REACH_EN))
    best = None
    for m in lex.count_noun_re.finditer(view.ex.folded, start, pos):
        between = view.ex.lower[m.end():pos]
        if not view.ex.chinese and between.strip() and not lex.noun_count_verb_re.match(between):
            continue  # "its headcount stood at about 2,100"; not "owes workers about 160 million yuan"
        if _gap_ok(between, g["noun_then_count"]):
            best = (lex.count_noun[m.group(0).lower()], m.start())
    return best


def _gap_ok(between: str, joiners: list[str]) -> bool:
    b = between.strip()
    if not b:
        return True
    words = _words(joiners)
    # any sequence of the joining words (目前有, 共有, 约, 人数约)
    while b:
        for w in words:
            if b.startswith(w):
                b = b[len(w):].strip()
                break
        else:
            return False
    return True


def _read(view, i: int, v: Found, g: dict) -> Reading | None:
    lex = view.lex
    ex = view.ex
    low = ex.lower
    val = v.value
    number = val.value if val.kind in ("count", "number") else None
    if number is None:
        return None
    noun = getattr(val, "noun", None)
    family = _family_of_noun(lex, noun)
    after = _noun_after(view, v.end)
    before = _noun_before(view, v.start)
    whole = getattr(val, "whole", None)
    fractions = lex.group_fractions
    is_fraction = val.kind == "number" and low[v.start:v.end].strip() in fractions
    # English part of a whole: "three of the company's seven co-founders", "Half of the 12 founders"
    of = _OF_WHOLE.match(low[v.end:v.end + 48])
    if of and val.kind in ("number", "count") and not noun:
        j = i + 1
        if j < len(view.values):
            w = view.values[j]
            wfam = _family_of_noun(lex, getattr(w.value, "noun", None)) if w.value.kind == "count" else None
            if wfam is None and w.value.kind in ("count", "number"):
                na = _noun_after(view, w.end)
                wfam = na[0] if na else None
            if wfam and w.start - v.end <= 48:
                total = w.value.value
                part = number * total if is_fraction else number
                noun = _noun_after(view, w.end)
                tail_end = noun[2] if noun and w.value.kind == "number" else w.end
                kind = _part_kind(view, Found(text="", start=v.start, end=tail_end, value=v.value), None, g)
                view.used.update({i, j})
                return Reading(wfam, w, total, v, part, kind, "part of a whole (N of the M)")
    # English "Of the seven cofounders, only three remain"
    if family and re.search(r"\bof\s+(?:the\s+)?$", low[max(0, v.start - 8):v.start]):
        for j in range(i + 1, min(i + 3, len(view.values))):
            w = view.values[j]
            if w.value.kind in ("count", "number") and w.start - v.end <= PART_REACH:
                kind = _part_kind(view, w, v, g)
                if kind:
                    view.used.update({i, j})
                    return Reading(family, v, number, w, w.value.value, kind, "part of a whole (of the M, N remain)")
    # Chinese whole then part: 六位联合创始人中仅剩三位 (one value), 12名创始成员中，已有6人离开
    if whole is not None and family:
        inner = low[v.start:v.end]
        if any(w in inner for w in _words(g["remaining_before"])):
            kind = "remaining"
        elif any(w in inner for w in _words(g["departed_before"])) or _part_kind(view, v, None, g) == "departed":
            kind = "departed"
        else:
            kind = _part_kind(view, v, None, g)
        view.used.add(i)
        if kind is None:  # 770名员工里有743人签署: the whole is a total, the part is no claim here
            return Reading(family, v, whole, how="a whole (M中N)")
        return Reading(family, v, whole, v, number, kind, "part of a whole (M中剩N)")
    fam = family or (after[0] if after else None)
    # a whole whose part follows: 12名创始成员中，已有6人离开; 关闭旗下410间门市中的120间
    tail_start = after[2] if after and not family else v.end
    marker = re.match(r"\s*(?:之?中|里|当中)的?", low[tail_start:tail_start + 4])
    if (fam or before) and not marker and _counted_by_event(view, v):
        return None  # "will lay off about 300 workers", 招聘约2000名员工: the event's count
    if fam is None and lex.employ_re.search(low[max(view.sentence.start, v.start - 40):v.start]):
        noun = getattr(v.value, "noun", None)
        if noun and noun.lower() not in lex.people_nouns:
            return None  # "employs 2,100 pilots": one trade among its staff, not the staff
        view.used.add(i)
        return Reading("employees", v, number, how="employs N")
    if fam:
        # (最初12人创始团队已走6人: a part with no 中 between)
        for j in range(i + 1, min(i + 2, len(view.values))):
            w = view.values[j]
            if w.value.kind not in ("count", "number") or w.start - tail_start > PART_REACH:
                continue
            if _family_of_noun(lex, getattr(w.value, "noun", None)) not in (None, fam):
                continue
            kind = _part_kind(view, w, v, g)
            if kind:
                view.used.update({i, j})
                return Reading(fam, v, number, w, w.value.value, kind, "whole, then its part")
        if _one_of(view, v, after, g):
            view.used.add(i)
            return Reading(fam, v, number, how="one of the M: the total")
        if marker and number >= 2:  # 关闭旗下410间门市中的120间: the whole is the total, the part the event's
            view.used.add(i)
            return Reading(fam, v, number, how="a whole (M中N)")
        kind = _part_kind(view, v, None, g)
        if kind == "remaining":  # "N left" with no whole is an event (又一位创始人出走), not a tally
            view.used.add(i)
            return Reading(fam, None, None, v, number, kind, "what remains")
        if (_states_total(view, v, fam, g) or (after and re.match(r"\s*的", low[v.end:v.end + 2]))) and number >= 2:
            view.used.add(i)
            return Reading(fam, v, number, how="a stated total")
        return None
    if before:
        fam = before[0]
        kind = _part_kind(view, v, None, g)
        if kind == "remaining":
            view.used.add(i)
            return Reading(fam, None, None, v, number, kind, "what remains")
        if fam == "employees" or _states_total(view, v, fam, g) or True:
            view.used.add(i)
            return Reading(fam, v, number, how="noun then its number")
    # a part whose group was named earlier in the sentence: 仍留任的共同创办人仅剩三位
    kind = _part_kind(view, v, None, g)
    if kind == "remaining" and val.kind == "count":
        names = [lex.count_noun[m.group(0).lower()] for m in lex.count_noun_re.finditer(ex.folded, view.sentence.start, v.start)]
        if names:
            view.used.add(i)
            return Reading(names[-1], None, None, v, number, kind, "what remains of the group named before")
    return None


EVENT_REACH = 20  # characters from an event's word to the count it takes ("hire about 2,000")


def _counted_by_event(view, v: Found) -> bool:
    """A count right after a word of an event that counts people (lay off, hire, 裁减, 招聘) in
    the same clause, with no other value or clause mark between them, is that event's count,
    not the size of the group."""
    low = view.ex.lower
    clause = view.clause(v.start)
    for t in view.triggers:
        counting = [s.predicate for s in t.senses if "count" in s.predicate.kinds and s.predicate.count_units]
        reach = max((p.count_reach or EVENT_REACH for p in counting), default=EVENT_REACH)
        if not counting or not (clause.start <= t.start and t.end <= v.start and v.start - t.end <= reach):
            continue
        gap = low[t.end:v.start]
        if re.search(r"[,，;；、]|\band\b", gap) or any(t.end <= w.start < v.start for w in view.values):
            continue
        noun = view.lex.count_noun_re.search(gap)
        # 裁员前员工约2250人: the group's own noun before the number frames it (the size before the
        # cuts); but 受影响用户约1.84万名: the event word right on the noun, the noun and the figure
        if noun and not (noun.start() == 0 and view.lex.about_between_re.fullmatch(gap, noun.end())):
            continue
        return True
    # "Eleven workers died at the plant", 5名工人死亡: the group's noun and then the event's word
    for t in view.triggers:
        if not (clause.start <= v.end <= t.start < clause.end and t.start - v.end <= EVENT_REACH) or not any(
                "count" in s.predicate.kinds and s.predicate.toll for s in t.senses):
            continue
        gap = low[v.end:t.start].strip()
        noun = view.lex.count_noun_re.match(gap)
        if not gap or noun and not gap[noun.end():].strip(" 的"):
            return True
    return False


def _near(view, start: int, end: int, before_words, after_words) -> bool:
    low = view.ex.lower
    pre = low[max(view.sentence.start, start - 8):start]
    post = low[end:min(view.sentence.end, end + 24)]
    return any(pre.rstrip().endswith(w) for w in _words(before_words)) or \
        any(re.match(rf"\s*(?:[a-z,]+\s+){{0,5}}?{re.escape(w)}", post) or post.lstrip().startswith(w)
            for w in _words(after_words))


def _part_kind(view, part: Found, whole: Found | None, g: dict) -> str | None:
    low = view.ex.lower
    pre = low[max(view.sentence.start, part.start - 10):part.start]
    if whole is not None and whole.end <= part.start:
        pre = low[whole.end:part.start]
    post = low[part.end:min(view.sentence.end, part.end + 40)]
    post_ascii = post
    for w in _words(g["remaining_before"]):
        if pre.rstrip().endswith(w) or (whole is not None and w in pre and not w.isascii()):
            return "remaining"
    for w in _words(g["departed_before"]):
        if pre.rstrip().endswith(w) or (whole is not None and w in pre):
            return "departed"
    if _after_re(tuple(_words(g["departed_after"])), "").match(post_ascii):
        return "departed"
    if _after_re(tuple(_words(g["remaining_after"])), "(?:目前)?").match(post_ascii):
        return "remaining"
    return None


@lru_cache(maxsize=16)
def _after_re(words: tuple[str, ...], cjk_lead: str) -> re.Pattern[str]:
    """One of the words right after a value: a few English words may come first ("are still
    at"), or up to three Chinese characters (6人离开, 韩知遥一人仍在), never a clause mark."""
    cjk_gap = r"[\u4e00-\u9fff]{0,3}?"
    branches = [rf"(?:[a-z]+\s+){{0,4}}?{re.escape(w)}\b" if w.isascii() else rf"{cjk_lead}{cjk_gap}{re.escape(w)}"
                for w in words]
    return re.compile(rf"\s*(?:{'|'.join(branches)})" if branches else "(?!)")


@lru_cache(maxsize=16)
def _ends_with_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of the words at the end (spaces after it allowed), not inside an English word."""
    return re.compile(rf"(?<![a-z])(?:{'|'.join(re.escape(w) for w in words)})\s*$" if words else "(?!)")


def _one_of(view, v: Found, after, g) -> bool:
    low = view.ex.lower
    end = after[2] if after else v.end
    tail = low[end:end + 8]
    pre = low[max(0, v.start - 14):v.start]
    return any(tail.lstrip().startswith(w) for w in _words(g["one_of"]) if not w.isascii()) or \
        bool(re.search(r"\bone of (?:the|its|their|[a-z&.\-]+['’]s)\s*$", pre))


_HAS_THEN_COUNT = re.compile(r"\b(?:has|have|had|with|employs|employed)\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|more than\s+)?[0-9][0-9,.]*\s*(?:million|thousand|billion)?\s+[a-z-]+\s+and\s*$")


@lru_cache(maxsize=4)
def _acts_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{alternation(fold(w).lower() for w in words)})(?![a-z])")


_GROUP_EVENTS = ("departure", "joined", "fired", "appointed", "layoffs", "people_affected")


def _event_after(view, v: Found) -> bool:
    """Whether an event of people (leaving, joining, a firing) follows the count in its clause."""
    clause = view.clause(v.start)
    return any(v.end <= t.start < clause.end and any(s.predicate.id in _GROUP_EVENTS for s in t.senses)
               for t in view.triggers)


def _states_total(view, v: Found, family: str, g: dict) -> bool:
    low = view.ex.lower
    pre = low[max(view.sentence.start, v.start - 16):v.start]
    if _event_after(view, v):
        return False  # 今年已有两位联合创始人离开, 曾有45万名用户资料外流: those the event took, not how many there are
    clause = view.clause(v.start)
    if _acts_re(tuple(g["group_acts"])).search(low, v.end, clause.end):
        return False  # "About 2,400 workers at X's plant walked out": those who struck
    words = _words(g["total_before"])
    if _ends_with_re(tuple(words)).search(pre):
        return True
    # "has about 1,150 employees and 9 million customers": the second count the verb has
    if re.search(r"\band\s*$", pre) and _HAS_THEN_COUNT.search(low, clause.start, v.start):
        return True
    # the value's own lead word (约有430名) frames it too
    lead = re.match(r"\D*?(?=[0-9〇零一二两三四五六七八九十百千万亿几数])", low[v.start:v.end])
    if lead and any(lead.group(0).strip().startswith(w) or lead.group(0).strip().endswith(w) for w in words if w):
        return True
    # a count of founders or employees in a clause with no event in it: 三位联合创始人均出身于…,
    # 公司目前约有430名员工 (but not "according to two employees")
    if family in ("founders", "employees") and (v.value.value or 0) >= 2 and getattr(v.value, "noun", None):
        if re.search(r"(?:according to|据|by)\s*$", pre):
            return False
        events = [t for t in view.triggers if clause.start <= t.start < clause.end
                  and any(s.predicate.id in _GROUP_EVENTS for s in t.senses)]
        return not events
    return False


def _emit(view, r: Reading) -> None:
    lex = view.lex
    fam = lex.count_families[r.family]
    anchor = r.total or r.part
    subject, how = _owner(view, anchor)
    if subject is None:
        return
    why_base = {"link": f"group count: {r.how}", "subject": how}
    if r.total is not None and r.total_value is not None:
        v = r.total.value
        value = CountValue(value=r.total_value, unit=getattr(v, "unit", "") or "", noun=getattr(v, "noun", None),
                           bound=(getattr(v, "bound", None) or "exact") if r.total is not r.part else "exact",
                           low=r.total_value if r.total is r.part or getattr(v, "low", None) is None else v.low,
                           high=r.total_value if r.total is r.part or getattr(v, "high", None) is None else v.high)
        # (the bounds of "120 of its 410 stores" are the part's: the whole is exactly what it says)
        if r.total is r.part or getattr(v, "whole", None) == r.total_value:
            value = CountValue(value=r.total_value, unit=getattr(v, "unit", "") or "", noun=getattr(v, "noun", None),
                               bound="exact", low=r.total_value, high=r.total_value)
        if v.kind == "number" and lex.approx_before_re.search(view.ex.lower, max(0, r.total.start - 8), r.total.start):
            value = value.model_copy(update={"bound": "approx"})  # 注册用户约110万: about, as 约4800人 is
        view.ex._add(view.sentence, "count", subject, r.family, fam["label"], value, r.total.start, r.total.end, None,
                     {**why_base, "value": r.total.pattern or "count"}, scope=_scope(view, r.total))
    if r.part is not None and r.part_kind:
        v = r.part.value
        pid = f"{r.family}_{r.part_kind}"
        label = fam["remaining_label"] if r.part_kind == "remaining" else fam["departed_label"]
        value = CountValue(value=r.part_value, unit=getattr(v, "unit", "") or "", noun=getattr(v, "noun", None),
                           whole=r.total_value, bound="exact", low=r.part_value, high=r.part_value)
        view.ex._add(view.sentence, "count", subject, pid, label, value, r.part.start, r.part.end, None,
                     {**why_base, "value": r.part.pattern or "number"}, scope=_scope(view, r.part))


def _scope(view, v: Found) -> dict[str, str]:
    lex = view.lex
    s = view.sentence
    scope: dict[str, str] = {}
    if lex.scope_before_re.search(view.ex.folded, s.start, s.end):
        scope["when"] = "before"
    elif lex.scope_after_re.search(view.ex.folded, s.start, s.end):
        scope["when"] = "after"
    elif lex.future_re.search(view.ex.folded, view.clause(v.start).start, v.start):
        scope["when"] = "planned"  # "a plant that will employ about 2,400 people": a size to come, not today's
    place = _place_of_group(view, v)
    if place:
        scope["of"] = f"in:{place}"  # "about 5,000 people in China", 在美国的员工: a part of the staff
    return scope


_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?")


def _place_of_group(view, v: Found) -> str | None:
    """The place a count of people is of ("employs about 5,000 people in China", 在中国有约5000名
    员工, 在美国的员工约2000人); None for the whole group (worldwide, 全球)."""
    from verifier.claims.extract import _place_names, latin_place_at, place_name, place_opening

    cjk, _ = _place_names()
    low, folded = view.ex.lower, view.ex.folded
    clause = view.clause(v.start)
    m = _IN_PLACE.match(low, v.end)
    found = latin_place_at(low, m.end()) if m else None
    if found:
        return found
    at = folded.rfind("在", clause.start, v.start)
    if at >= 0:
        found = next((p for p in cjk if folded.startswith(p, at + 1)), None)
        if found:
            return place_name(found)
    return None if view.ex.chinese else place_opening(low, view.ex.past_dateline(clause.start, view.sentence.start), v.start,
                                                      view.named)


def _owner(view, v: Found) -> tuple[Mention | None, str]:
    """The organisation a group belongs to: X's / X的 before it, the clause's subject, or the
    topic organisation."""
    ex = view.ex
    orgs = view.eligible(("org",))
    before = [m for m in orgs if m.end <= v.start and v.start - m.end <= 20]
    for m in reversed(before):
        gap = ex.lower[m.end:v.start]
        if re.search(r"\S\s*[，,；;]", gap):
            continue  # 旗下拥有Brightmeadow等品牌，员工约3.1万人: the name is the clause before's object
        if re.match(r"\s*(?:的|'s|’s)", gap) or re.fullmatch(r"\s*(?:目前|现有|现在|共有|有|的|共)?\s*\S{0,6}", gap):
            return m, "owner of the group"
    # "the five co-founders of Tesserine", 栖木的员工
    of = re.match(r"\s*(?:[a-z\-]+\s+){0,2}?(?:of|at)\s+", ex.lower[v.end:v.end + 30])
    if of:
        after = [m for m in orgs if m.start == v.end + of.end()]
        if after:
            return after[0], "owner after 'of'"
    clause = view.clause(v.start)
    inside = [m for m in orgs if clause.start <= m.start < v.start and not view._prepositional(m)]
    if inside:
        return inside[-1], "subject of the clause"
    # X总资产…，员工12.3万人；Y总资产…，员工9.1万人: the name opening its part of a list
    part = max(ex.folded.rfind(mark, view.sentence.start, v.start) for mark in ("；", ";"))
    opening = [m for m in orgs if part >= 0 and part < m.start < v.start and not view._prepositional(m)]
    if opening:
        return opening[0], "subject of its part of a list"
    topic = view._topic(("org",))
    if topic:
        return topic, "topic of the text"
    # "… are still at Wrenfield Games": the one organisation the sentence names
    named = {m.entity for m in orgs}
    if len(named) == 1:
        return next(m for m in orgs), "the organisation the sentence names"
    return None, ""
