"""Rules on dates: when an event happened, and dates that cannot be."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from verifier.claims.model import Claim
from verifier.normalize.values import WEEKDAYS, DateValue
from verifier.rules.base import Relation, predicate_says, rule

MAX_ENUMERATED_DAYS = 800

# hours each part of the day covers (end may pass midnight)
PART_HOURS = {
    "early_morning": (0, 7), "morning": (5, 12), "noon": (11, 14), "afternoon": (12, 19),
    "evening": (17, 24), "night": (19, 29),
}


@dataclass(frozen=True)
class Facts:
    """The set of days a date value allows: an interval, or constraints when not anchored."""

    start: dt.date | None
    end: dt.date | None
    year: int | None
    month: int | None
    day: int | None
    days: tuple[int, int] | None
    months: tuple[int, int] | None
    weekdays: frozenset[int] | None
    part: str | None

    @property
    def anchored(self) -> bool:
        return self.start is not None

    def allows(self, d: dt.date) -> bool:
        if self.start is not None and not (self.start <= d <= self.end):
            return False
        if self.year is not None and d.year != self.year:
            return False
        if self.month is not None and d.month != self.month:
            return False
        if self.day is not None and d.day != self.day:
            return False
        if self.days is not None and not (self.days[0] <= d.day <= self.days[1]):
            return False
        if self.months is not None and not (self.months[0] <= d.month <= self.months[1]):
            return False
        if self.weekdays is not None and d.weekday() not in self.weekdays:
            return False
        return True

    def constraints(self) -> dict:
        return {k: v for k, v in (
            ("year", self.year), ("month", self.month), ("day", self.day), ("days", self.days),
            ("months", self.months), ("weekdays", self.weekdays),
        ) if v is not None}


def facts(v: DateValue) -> Facts:
    weekdays = None
    if v.weekday == "weekend":
        weekdays = frozenset({5, 6})
    elif v.weekday in WEEKDAYS:
        weekdays = frozenset({WEEKDAYS.index(v.weekday)})
    start = dt.date.fromisoformat(v.start) if v.start else None
    end = dt.date.fromisoformat(v.end) if v.end else None
    return Facts(start, end, v.year, v.month, v.day, v.days, v.months, weekdays, v.part_of_day)


def _days(f: Facts):
    d = f.start
    while d <= f.end:
        yield d
        d += dt.timedelta(days=1)


def _year_days(f: Facts):
    d = dt.date(f.year, 1, 1)
    while d.year == f.year:
        if f.allows(d):
            yield d
        d += dt.timedelta(days=1)


def _parts_disjoint(a: str | None, b: str | None) -> bool:
    if not a or not b or a not in PART_HOURS or b not in PART_HOURS:
        return False
    (a0, a1), (b0, b1) = PART_HOURS[a], PART_HOURS[b]
    return a1 <= b0 or b1 <= a0


def _size(f: Facts) -> float:
    """How many days a value allows (smaller is more precise)."""
    if f.anchored:
        return (f.end - f.start).days + 1
    size = 366.0 * 50
    if f.year is not None:
        size /= 50
    if f.month is not None:
        size /= 12
    elif f.months is not None:
        size = size * (f.months[1] - f.months[0] + 1) / 12
    if f.day is not None:
        size /= 30
    elif f.days is not None:
        size = size * (f.days[1] - f.days[0] + 1) / 30
    if f.weekdays is not None:
        size = size * len(f.weekdays) / 7
    return size


def relate_dates(a: DateValue, b: DateValue) -> Relation | None:
    if a.issue or b.issue:
        return _relate_dated_part(a, b)
    fa, fb = facts(a), facts(b)
    if fa.anchored and fb.anchored:
        if fa.end < fb.start or fb.end < fa.start:
            return Relation("contradict", _why_apart(a, b, fa, fb), "neither")
        if fa.start == fb.start and fa.end == fb.end:
            verdict, narrower = "agree", "same"
        elif fa.start >= fb.start and fa.end <= fb.end:
            verdict, narrower = "compatible", "a"
        elif fb.start >= fa.start and fb.end <= fa.end:
            verdict, narrower = "compatible", "b"
        else:
            verdict, narrower = "compatible", "neither"
        both = [d for d in _days(fa) if fb.start <= d <= fb.end and fa.allows(d) and fb.allows(d)]
        if not both:
            return Relation("contradict", "no day fits both", "neither")
    elif fa.anchored or fb.anchored:
        fixed, loose = (fa, fb) if fa.anchored else (fb, fa)
        if not loose.constraints() or (fixed.end - fixed.start).days > MAX_ENUMERATED_DAYS:
            return None  # 去年 with no publication date states nothing to compare
        days = list(_days(fixed))
        both = [d for d in days if fixed.allows(d) and loose.allows(d)]
        if not both:
            return Relation("contradict", _why_not(fixed, loose), "neither")
        verdict = "compatible"
        if len(both) == len(days):
            narrower = "a" if fixed is fa else "b"  # every day of the fixed date fits the other
        elif loose.year is not None and all(fixed.allows(d) for d in _year_days(loose)):
            narrower = "b" if fixed is fa else "a"
        else:
            narrower = "neither"
    else:
        ca, cb = fa.constraints(), fb.constraints()
        shared = set(ca) & set(cb)
        day_vs_range = ("day" in ca and "days" in cb) or ("days" in ca and "day" in cb)
        if not shared and not day_vs_range:
            return None  # nothing stated in common: 去年 vs 5月 without a publication date
        for k in shared:
            if k == "weekdays":
                if not ca[k] & cb[k]:
                    return Relation("contradict", _why_weekdays(ca[k], cb[k]), "neither")
            elif k in ("days", "months"):
                if ca[k][1] < cb[k][0] or cb[k][1] < ca[k][0]:
                    return Relation("contradict", f"the {k} ranges do not overlap", "neither")
            elif ca[k] != cb[k]:
                return Relation("contradict", f"different {k}: {ca[k]} and {cb[k]}", "neither")
        for day, days in ((fa.day, fb.days), (fb.day, fa.days)):
            if day is not None and days is not None and not days[0] <= day <= days[1]:
                return Relation("contradict", "the day is outside the stated part of the month", "neither")
        if ca == cb:
            verdict, narrower = "agree", "same"
        else:
            sa, sb = _size(fa), _size(fb)
            verdict = "compatible"
            narrower = "a" if sa < sb else "b" if sb < sa else "neither"
    if verdict == "compatible" and _one_period(a, b):
        verdict, narrower = "agree", "same"
    # parts of the day matter once the days can be the same
    if _parts_disjoint(a.part_of_day, b.part_of_day):
        return Relation("contradict", f"{a.part_of_day} and {b.part_of_day} are different times of day", "neither")
    if verdict == "agree" and (a.part_of_day or None) != (b.part_of_day or None):
        verdict, narrower = "compatible", "a" if a.part_of_day else "b"
    return Relation(verdict, "", narrower)


def _relate_dated_part(a: DateValue, b: DateValue) -> Relation | None:
    """A date whose weekday does not match it (Friday, May 14, 2025: a Wednesday) is wrong in
    one part, and D102 says so. Its calendar date is still compared, but only to agree or fit:
    when the other source's date excludes it, either part may be the error, and nothing is
    said."""
    da, db = _without_bad_weekday(a), _without_bad_weekday(b)
    if da is None or db is None:
        return None
    rel = relate_dates(da, db)
    return rel if rel is not None and rel.verdict != "contradict" else None


def _without_bad_weekday(v: DateValue) -> DateValue | None:
    if not v.issue:
        return v
    if v.weekday and v.start and v.start == v.end and not v.range:  # a day and a weekday not its own
        return v.model_copy(update={"weekday": None, "issue": None})
    return None  # a date that does not exist


def _one_period(a: DateValue, b: DateValue) -> bool:
    """Both name one month or one year, and one (or both) says which part of it: "the end of
    January" and 1月, 去年底 and "late last year". The parts already overlap (else they
    contradict), so the two say the same thing of the same period."""
    if not (a.days or a.months or b.days or b.months):
        return False
    if any(v.range or v.weekday or v.day is not None or v.holiday for v in (a, b)):
        return False
    pa, pb = _period(a), _period(b)
    return pa is not None and pa == pb


def _period(v: DateValue) -> tuple | None:
    """The month or year a date names, a vague part of it included ("month", "2025-01"); None
    for other grains (a quarter is a period of its own, not a vague part of its year)."""
    if v.grain not in ("month", "year"):
        return None
    whole = "year" if v.months is not None or (v.grain == "year" and v.days is None) else \
        "month" if v.grain == "month" else None
    if whole is None:
        return None
    if v.start and v.end:
        cut = 4 if whole == "year" else 7
        return (whole, v.start[:cut]) if v.start[:cut] == v.end[:cut] else None
    if v.year is None or (whole == "month" and v.month is None):
        return None
    return (whole, v.year, v.month if whole == "month" else None)


def _why_apart(a: DateValue, b: DateValue, fa: Facts, fb: Facts) -> str:
    from verifier.describe import date

    if fa.start == fa.end and fb.start == fb.end:
        gap = abs((fa.start - fb.start).days)
        return f"{date(a)} and {date(b)} are {gap} day{'s' if gap != 1 else ''} apart"
    return f"{date(a)} and {date(b)} do not overlap"


def _why_weekdays(a: frozenset[int], b: frozenset[int]) -> str:
    names = lambda s: " or ".join(WEEKDAYS[i].capitalize() for i in sorted(s))
    return f"a {names(a)} is not a {names(b)}"


def _why_not(fixed: Facts, loose: Facts) -> str:
    if loose.weekdays is not None and fixed.start == fixed.end:
        return _why_weekdays(frozenset({fixed.start.weekday()}), loose.weekdays)
    if loose.weekdays is not None:
        return f"no {' or '.join(WEEKDAYS[i].capitalize() for i in sorted(loose.weekdays))} falls in {fixed.start.isoformat()} to {fixed.end.isoformat()}"
    return "no day fits both"


RECURRING_GAP_DAYS = 120  # days of a recurring event this far apart are two occasions; a month,
# a quarter or a year that does not hold the other date is another occasion too


def two_occasions(a: Claim, b: Claim) -> Relation | None:
    """Fines, funding rounds, layoffs happen again: a fine of 2023 and one of September 2025 are
    two fines, not one fine dated twice."""
    from verifier.claims.lexicon import predicates

    pred = predicates().get(a.predicate)
    if pred is None or not pred.recurring:
        return None
    fa, fb = facts(a.value), facts(b.value)
    if not (fa.anchored and fb.anchored):
        return None
    gap = max((fb.start - fa.end).days, (fa.start - fb.end).days)
    coarse = (fa.end - fa.start).days > 6 or (fb.end - fb.start).days > 6
    if gap < RECURRING_GAP_DAYS and not coarse:
        return None  # two days of one week or month: one event dated twice
    from verifier.describe import date

    return Relation("compatible", f"{date(a.value)} and {date(b.value)} are far apart: two {pred.label}s, "
                    "not one dated twice", "neither", code="different-time")


# --------------------------------------------------------------------------- time zones
NEAR_MIDNIGHT_LATE = {"evening", "night"}
NEAR_MIDNIGHT_EARLY = {"early_morning", "morning"}


def _one_day(fa: Facts, fb: Facts) -> int | None:
    """+1 when b's day is the day after a's, -1 when before, None otherwise (or unknown)."""
    if fa.anchored and fb.anchored and fa.start == fa.end and fb.start == fb.end:
        gap = (fb.start - fa.start).days
        return gap if abs(gap) == 1 else None
    wa = fa.weekdays if not fa.anchored else (frozenset({fa.start.weekday()}) if fa.start == fa.end else None)
    wb = fb.weekdays if not fb.anchored else (frozenset({fb.start.weekday()}) if fb.start == fb.end else None)
    if not wa or not wb or len(wa) != 1 or len(wb) != 1:
        return None
    diff = (next(iter(wb)) - next(iter(wa))) % 7
    return 1 if diff == 1 else -1 if diff == 6 else None


def _utc_span(day: dt.date, zone: str, part: str | None) -> tuple[dt.datetime, dt.datetime]:
    from zoneinfo import ZoneInfo

    h0, h1 = PART_HOURS.get(part or "", (0, 24))
    tz = ZoneInfo(zone)
    start = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=h0)
    end = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=h1)
    return start.replace(tzinfo=tz).astimezone(dt.timezone.utc), end.replace(tzinfo=tz).astimezone(dt.timezone.utc)


def _known(zone: str | None) -> bool:
    if not zone or zone == "local":
        return False
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(zone)
        return True
    except Exception:  # noqa: BLE001 - an unknown zone name is an unknown zone
        return False


CHINESE_CLOCK = "Asia/Shanghai"
CHINESE_UNKNOWN = "zh"  # the clock of a Chinese article that names none


def _on_chinese_clock(zone: str) -> bool:
    from zoneinfo import ZoneInfo

    moment = dt.datetime(2001, 1, 1, 12)
    return ZoneInfo(zone).utcoffset(moment) == ZoneInfo(CHINESE_CLOCK).utcoffset(moment)


def across_time_zones(a: Claim, b: Claim) -> Relation | None:
    """Two dates of one event a day apart, which the clocks of the two sources explain: a post on
    Monday evening in San Francisco is Tuesday morning in Hong Kong. Both clocks known: their
    hours must overlap. One unknown: a part of the day near midnight must say so (the later
    day's morning, or the earlier day's evening)."""
    va, vb = a.value, b.value
    fa, fb = facts(va), facts(vb)
    step = _one_day(fa, fb)
    if step is None:
        return None
    early, late = (a, b) if step == 1 else (b, a)
    fe, fl = (fa, fb) if step == 1 else (fb, fa)
    ze, zl = early.tz, late.tz
    if ze == zl and ze is not None:
        return None  # one clock: a day apart is a day apart
    if _clocks_overlap(early, late, fe, fl, ze, zl):
        return Relation("compatible", _clock_words(early, late), "neither", code="time-zone")
    # a Chinese article's date with no clock of its own ("zh": claims.extract) may be on UTC+8 (the
    # mainland, Taiwan, Hong Kong, Macau, Singapore alike), beside a known clock elsewhere: 10月20日
    # in a Shanghai portal and "Monday" in San Francisco (not beside another UTC+8 clock: then it
    # may be told on a third one, unsaid; and only ever to explain, never to rule out)
    ze8, zl8 = (CHINESE_CLOCK if z == CHINESE_UNKNOWN and _known(other) and not _on_chinese_clock(other) else z
                for z, other in ((ze, zl), (zl, ze)))
    if (ze8, zl8) != (ze, zl) and _clocks_overlap(early, late, fe, fl, ze8, zl8):
        return Relation("compatible", _clock_words(early, late), "neither", code="time-zone")
    return None


def _clocks_overlap(early: Claim, late: Claim, fe, fl, ze: str | None, zl: str | None) -> bool:
    """Both clocks known: whether the earlier day there and the later day here share hours; one
    unknown: whether a part of the day near midnight says so."""
    if _known(ze) and _known(zl):
        if ze == zl:
            return False
        if not (fe.anchored and fl.anchored):
            day = dt.date(2001, 1, 1)  # weekdays only: any pair of consecutive days will do
            de, dl = day, day + dt.timedelta(days=1)
        else:
            de, dl = fe.start, fl.start
        e0, e1 = _utc_span(de, ze, early.value.part_of_day)
        l0, l1 = _utc_span(dl, zl, late.value.part_of_day)
        return e0 < l1 and l0 < e1
    return late.value.part_of_day in NEAR_MIDNIGHT_EARLY or early.value.part_of_day in NEAR_MIDNIGHT_LATE


def _clock_words(early: Claim, late: Claim) -> str:
    from verifier.describe import date_moment, zone_place

    return (f"one day apart: {date_moment(early.value)}{zone_place(early.tz, ' in ')} is "
            f"{date_moment(late.value)}{zone_place(late.tz, ' in ', other=True)}")


@rule(
    "D101", "event-date-conflict",
    "Two sources put the same event on dates that cannot both be right.",
    ("date",),
)
def event_date(a: Claim, b: Claim) -> Relation | None:
    """What it checks: claims from two sources about the same event of the same subject
    (Mrinank Sharma announced his resignation) and the date each gives. Dates are sets of
    days: "May 2024" contains "14 May 2024"; "this week" contains "Monday evening"; a bare
    weekday with no known week still excludes every other weekday.

    Verdicts: agree (the same days; or one month or year, named whole by one source and by a
    vague part by the other: "the end of January" and 1月), compatible (one contains the other
    or they overlap: one source is less precise), contradict (no day fits both). A date whose
    weekday is not its own (D102) is compared by its calendar date, to agree or fit only.

    Why: a wrong date or weekday is one of the most common errors in fast news, and the easiest
    to miss when sources are in different languages and scripts.

    Example: 週一宣佈辭職 (Monday) in one source, 于周日…宣布离职 (Sunday, 2026-02-08) in
    another: contradict. 2024年5月14日 vs 5月: compatible. "Announced her resignation on Monday"
    and "will step down in June": compatible (the day it was told and the later day it takes
    effect, for predicates marked effective_later).
    """
    if a.value.kind != "date" or b.value.kind != "date":
        return None
    rel = relate_dates(a.value, b.value)  # type: ignore[arg-type]
    if rel is not None and rel.verdict == "contradict":
        return across_time_zones(a, b) or _week_from_sunday(a, b) or two_occasions(a, b) or _in_time_order(a, b, rel)
    return rel


def _week_from_sunday(a: Claim, b: Claim) -> Relation | None:
    """"Earlier this week" (a Monday-to-Sunday week) and the Sunday before it: a week counted from
    Sunday, as American calendars count it, holds that Sunday."""
    for week, day in ((a, b), (b, a)):
        w, d = week.value, day.value
        if w.grain != "week" or not w.start or not d.start or d.start != d.end:
            continue
        sunday = dt.date.fromisoformat(w.start) - dt.timedelta(days=1)
        if d.start == sunday.isoformat() and sunday.weekday() == 6:
            return Relation("compatible", f"{day.source}'s {sunday.isoformat()} is the Sunday that opens the week of "
                            f"{week.source} when weeks are counted from Sunday", "neither", code="overlap")
    return None


def _in_time_order(a: Claim, b: Claim, rel: Relation) -> Relation:
    """A launch one source says happened last week and another says is planned for next week:
    say it in those words."""
    pa, pb = a.scope.get("tense") in ("planned", "sought"), b.scope.get("tense") in ("planned", "sought")
    if pa == pb:
        return rel
    from verifier.describe import date

    done, planned = (b, a) if pa else (a, b)
    if planned.value.end and done.value.start and planned.value.end < done.value.start:
        # "from its planned November 2025 release" and a launch in March 2026: a delay
        return Relation("compatible", f"{planned.source} gives the day it was once planned for ({date(planned.value)}), "
                        f"{done.source} the later day it happened ({date(done.value)})", "neither", code="different-time")
    if predicate_says(done, "effective_later") and done.value.end and planned.value.start and done.value.end < planned.value.start:
        # "announced her resignation on Monday" and "will step down in June": the day it was
        # announced and the day it takes effect
        return Relation("compatible", f"{done.source} gives a day it was told ({date(done.value)}), {planned.source} "
                        f"the later day it takes effect ({date(planned.value)})", "neither", code="different-time")
    return Relation("contradict", f"{done.source} says it already happened ({date(done.value)}), "
                    f"{planned.source} that it is still to come ({date(planned.value)})", "neither", code="disjoint")


@rule(
    "D102", "weekday-date-mismatch",
    "A date and the weekday written beside it do not match.",
    ("date",), scope="within",
)
def weekday_date_mismatch(a: Claim, b: Claim | None = None) -> Relation | None:
    """What it checks: a date stated with its weekday ("6月1日周六", "Sunday, June 1") where the
    calendar puts that date on another weekday, and dates that do not exist (2月30日).

    Why: such a date is wrong in one of its two parts, and a reader cannot tell which.

    Example: 2025年6月1日周六: 1 June 2025 is a Sunday.
    """
    v = a.value
    if v.kind == "date" and v.issue:
        return Relation("contradict", v.issue, "neither")
    return None
