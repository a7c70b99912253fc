"""Ages: "Maya Reyes, 63,", "the 63-year-old Reyes", 63岁的雷耶斯, 雷耶斯（63岁）.

An age is a claim of when the person was born: 63 in an article of 2026-05-21 says born between
1962-05-22 and 1963-05-21. Two articles' ages are compared as those spans, so 63 in May and 64 in
November fit together (a birthday between), while 63 and 66 in the same month do not. An age
needs the article's date; without one it is no claim. The words are in predicates.toml [ages].
"""

from __future__ import annotations

import datetime as dt
import re

from verifier.claims.entities import Mention
from verifier.claims.entities import _data as entity_data
from verifier.lang import alternation, read_data_file
from verifier.normalize.values import DateValue
from verifier.text.fold import fold
from verifier.tables import table

PREDICATE = "born"
_UNIT_AFTER = re.compile(r"\s*(?:岁|-year-old|-?years?[ -]old)")


def is_age(text: str, end: int) -> bool:
    """Whether the number ending at `end` is an age ("an 82-year-old man", 82岁): never a count."""
    return _UNIT_AFTER.match(text, end) is not None
MIN_AGE, MAX_AGE = 16, 105  # an adult in the news; outside, a number after a name is something else


@table("extract")
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(an age right after a name, an age right before one)."""
    d = read_data_file("predicates.toml")["ages"]
    unit = alternation(fold(w) for w in d["zh_units"])
    lead = alternation(fold(w) for w in d["zh_leads"])
    en_lead = alternation(d["en_leads"])
    # right after the name: ", 63," / ", aged 63" / （63岁） / 今年63岁
    after = re.compile(rf"(?:,\s*(?:(?:{en_lead})\s+)?(?P<n>[0-9]{{2,3}})\s*(?=[,;.)]|\s+and\b)"
                       rf"|\s*[（(]\s*(?P<z>[0-9]{{2,3}})\s*(?:{unit})?\s*[)）]"
                       rf"|[)）]?\s*(?:{lead})\s*(?P<z2>[0-9]{{2,3}})\s*(?:{unit}))")  # (after a gloss's bracket too)
    # right before the name: 63岁的 / 现年63岁的 / "the 63-year-old" (a title may stand between:
    # 63岁的首席执行官雷耶斯, "the 63-year-old chief executive Maya Reyes")
    names = entity_data()
    titles = alternation(w.lower() for w in names["titles"] + names["role_titles"])
    before = re.compile(rf"(?:(?:{lead})?\s*(?P<z>[0-9]{{2,3}})\s*(?:{unit})的"
                        rf"|(?P<n>[0-9]{{2,3}})-year-old\s+)(?:(?:{titles})\s*)?$", re.IGNORECASE)
    return after, before


def age_claims(ex, sentence, mentions: list[Mention]) -> None:
    """Add a `born` claim for each age the sentence gives a person named in it."""
    if ex.published is None:
        return
    after, before = _patterns()
    for m in mentions:
        if m.type != "person" or not m.entity or m.pronoun:
            continue
        a = after.match(ex.folded, m.end, sentence.end)
        if a:
            g = next(k for k in ("n", "z", "z2") if a.group(k))
            _add(ex, sentence, m, int(a.group(g)), (a.start(g), a.end()), "the age after the name")
            continue
        b = before.search(ex.folded, max(sentence.start, m.start - 40), m.start)
        if b:
            g = "z" if b.group("z") else "n"
            unit = _UNIT_AFTER.match(ex.folded, b.end(g))
            _add(ex, sentence, m, int(b.group(g)), (b.start(g), unit.end() if unit else b.end(g)), "the age before the name")


def _add(ex, sentence, m: Mention, age: int, span: tuple[int, int], how: str) -> None:
    if not MIN_AGE <= age <= MAX_AGE:
        return
    pub = ex.published
    last = _years_before(pub, age)  # born on this day or before, to be `age` today
    first = _years_before(pub, age + 1) + dt.timedelta(days=1)
    value = DateValue(start=first.isoformat(), end=last.isoformat(), grain="day", anchored=True, range=True)
    start, end = span
    text = ex.text[start:end].strip(" ,，（）()的")
    start = ex.text.index(text, start) if text else start
    ex._add(sentence, "date", m, PREDICATE, ex.lex.predicates[PREDICATE].label, value,
            start, start + len(text), None, {"value": "age", "link": how, "subject": "the person the age is given for"})


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
