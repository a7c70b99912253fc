"""Properties of the rules that decide verdicts: time zones explain a day's difference only when
the clocks do; values of different scopes are never compared and values of different times are
never a contradiction; a relation does not depend on which claim comes first."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from verifier.claims.model import Claim
from verifier.normalize.engine import analyze
from verifier.rules.dates import PART_HOURS
from verifier.rules.engine import relate

ZONES = ["America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Berlin", "Asia/Shanghai",
         "Asia/Hong_Kong", "Asia/Tokyo", None]
PARTS = {"晚上": "evening", "早上": "morning", "下午": "afternoon", "": None}
DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 30))


def date_claim(day: dt.date, part_words: str, tz: str | None, source: str) -> Claim:
    text = f"{day.year}年{day.month}月{day.day}日{part_words}"
    (found,) = [f for f in analyze(text, min_score=0.5) if f.value.kind == "date"]
    return Claim(id=f"{source}:x", source=source, kind="date", subject="Lena Ortiz", predicate="departure",
                 value=found.value, text=text, start=0, end=len(text), sentence=(0, len(text)), tz=tz)


def verdicts(a: Claim, b: Claim) -> list[tuple[str, str]]:
    return sorted((r.code, rel.verdict + ":" + rel.reason_code) for r, rel in relate(a, b))


def utc_hours(day: dt.date, part: str | None, zone: str) -> tuple[dt.datetime, dt.datetime]:
    h0, h1 = PART_HOURS.get(part or "", (0, 24))
    midnight = dt.datetime.combine(day, dt.time(), tzinfo=ZoneInfo(zone))
    return (midnight + dt.timedelta(hours=h0)).astimezone(dt.timezone.utc), \
        (midnight + dt.timedelta(hours=h1)).astimezone(dt.timezone.utc)


@settings(max_examples=150, deadline=None)
@given(DAYS, st.sampled_from(list(PARTS)), st.sampled_from(list(PARTS)), st.sampled_from(ZONES), st.sampled_from(ZONES))
def test_a_day_apart_is_compatible_exactly_when_the_clocks_explain_it(day, part_a, part_b, zone_a, zone_b):
    early = date_claim(day, part_a, zone_a, "a")
    late = date_claim(day + dt.timedelta(days=1), part_b, zone_b, "b")
    got = dict(verdicts(early, late))["D101"]
    assert verdicts(early, late) == verdicts(late, early)  # the order of the sources does not matter
    pa, pb = PARTS[part_a], PARTS[part_b]
    if zone_a == zone_b and zone_a is not None:
        explained = False  # one clock: a day apart is a day apart
    elif zone_a and zone_b:
        e0, e1 = utc_hours(day, pa, zone_a)
        l0, l1 = utc_hours(day + dt.timedelta(days=1), pb, zone_b)
        explained = e0 < l1 and l0 < e1
    else:  # a clock unknown: only a part of the day near midnight can explain it
        explained = pa in ("evening", "night") or pb in ("early_morning", "morning")
    assert got == ("compatible:time-zone" if explained else "contradict:disjoint"), (got, explained)


@settings(max_examples=60, deadline=None)
@given(DAYS, st.integers(min_value=2, max_value=40), st.sampled_from(ZONES), st.sampled_from(ZONES))
def test_no_clock_explains_two_days(day, gap, zone_a, zone_b):
    a = date_claim(day, "晚上", zone_a, "a")
    b = date_claim(day + dt.timedelta(days=gap), "早上", zone_b, "b")
    assert dict(verdicts(a, b))["D101"] == "contradict:disjoint"


def money_claim(amount: str, source: str, scope: dict[str, str]) -> Claim:
    (found,) = [f for f in analyze(amount, min_score=0.5) if f.value.kind == "money"]
    return Claim(id=f"{source}:x", source=source, kind="money", subject="Brightwell Labs", predicate="valuation",
                 value=found.value, text=amount, start=0, end=len(amount), sentence=(0, len(amount)), scope=scope)


AMOUNTS = st.integers(min_value=1, max_value=900).map(lambda n: f"${n / 10:g} billion")
ROUNDS = st.sampled_from(["Series A", "Series B", "Series C", "combined", None])
WHEN = st.sampled_from([None, "2023-01-01/2023-12-31", "2025-01-01/2025-01-31", "2025-06-01/2025-06-30", "before", "after"])


@settings(max_examples=200, deadline=None)
@given(AMOUNTS, AMOUNTS, ROUNDS, ROUNDS, WHEN, WHEN)
def test_values_of_different_things_or_times_never_contradict(x, y, of_a, of_b, when_a, when_b):
    scope_a = {k: v for k, v in (("of", of_a), ("when", when_a)) if v}
    scope_b = {k: v for k, v in (("of", of_b), ("when", when_b)) if v}
    a, b = money_claim(x, "a", scope_a), money_claim(y, "b", scope_b)
    found = verdicts(a, b)
    assert found == verdicts(b, a)
    if (of_a and of_b and of_a != of_b) or ((of_a == "combined") != (of_b == "combined")):
        assert found == []  # different things are not compared
        return
    assume(when_a and when_b and when_a != when_b)
    stated = [w for w in (when_a, when_b) if "/" in w]
    if len(stated) == 2 and stated[0][:7] <= stated[1][-10:] and stated[1][:7] <= stated[0][-10:]:
        return  # overlapping times are one time
    assert all(not v.startswith("contradict") for _, v in found), found
