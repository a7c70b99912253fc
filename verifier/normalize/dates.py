"""Dates, weekdays, relative dates, quarters, holidays, parts of the day and clock times,
resolved against a base date.

Each pattern reads what the text states into a `DateSpec`; `resolve` turns a spec into a
`DateValue`: `start` and `end` (ISO dates, inclusive), a `grain` (day, week, month, quarter,
year; part_of_day, hour, minute when a time of day is stated), and the weekday the text states.

Conventions (they go into the README):
- Without a base date the tool stays deterministic: relative expressions (周一, 上个月, 三天前,
  "two years ago") are not anchored to "now"; their start/end are absent and the fields they
  state remain (weekday, month, day, days, months, relative). Absolute dates need no base.
- Weeks start on Monday. 这周一 / 本周一 / "this Monday" is the Monday of the base's week and
  下周三 the Wednesday of the next week (Duckling reads "this/next <weekday>" as the next
  occurrence; its corpus lines of that form are expected misses).
- `prefer` decides what a bare weekday or a date without a year means. "past" (news, the
  default): a bare 周一 is the most recent Monday on or before the base; a yearless date or
  month is the nearest one, a day after the base counting three times a day before it (a date
  up to about three months ahead reads as upcoming). "future": the next occurrence not yet
  over. A weekday written with a yearless date (周日, 二月十号) picks the year where it holds.
- Impossible or incoherent dates are values with an `issue`, never errors: 2月30日, 今年2月29日,
  a fifth Monday a month lacks, "6月1日周六" when that 1 June is not a Saturday (the date is
  kept, the weekday the text states is reported).
- 三天后 / "in three days" count from the base; in news 后 often counts from the event told, so
  the Chinese form scores 0.45 and the claim pipeline (min_score 0.5) reads the duration.
- A range (3月5日至11日, 2019年3月至6月, 2024-2025年) is one value, `range` set, from the first
  end's start to the second's end; the second end takes the month and year of the first.
- Holidays: fixed days of the Gregorian calendar, days counted from Easter, and days of the
  lunar calendar (春节, 中秋节, 除夕), all named in the language data; lunar dates (正月初八,
  农历八月十五) are converted by the `borax` package, imported on first use.
- Weeks of a month start on its Mondays (下月第3周: the week of its third Monday); a two-digit
  year (17年5月1日) is the one at most ten years after the base's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from verifier.lang import alternation, lang
from verifier.normalize.base import Candidate, Context, Recognizer, safe_build
from verifier.normalize.numerals import digit_sequence, en, parse_en, parse_zh, zh
from verifier.normalize.values import WEEKDAYS, DateValue, made
from verifier.tables import table

WEEKEND = 7


class DateSpec(NamedTuple):
    """What a date expression states, before it is anchored. A named tuple: a date pattern
    builds one or more per match, and a tuple is made (and `_replace`d) several times faster
    than a frozen dataclass of as many fields. Being a tuple, a build returning `(spec, score)`
    is told from one returning a spec by its exact type."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    days: tuple[int, int] | None = None
    months: tuple[int, int] | None = None
    weekday: int | None = None  # 0 = Monday ... 6 = Sunday, 7 = weekend
    rel_year: int | None = None
    rel_month: int | None = None
    rel_week: int | None = None
    rel_day: int | None = None
    ago: tuple[int, str] | None = None
    nth: int | None = None
    part_of_day: str | None = None
    time: tuple[int, int] | None = None
    relative: str | None = None
    quarter: bool = False  # `months` is a quarter (or quarters): the grain is "quarter"
    holiday: str | None = None  # the holiday named (its month and day are in month/day)
    easter: int | None = None  # days from Easter Sunday (复活节 0, 耶稣受难日 -2)
    inherited: bool = False  # the year and month come from the date before (3月5日至11日)
    rel_quarter: int | None = None  # 上季度: quarters from the base's
    until: "DateSpec | None" = None  # a range: its second end, given what it takes from the first
    lunar: tuple[int, int, bool] | None = None  # month, day, leap month of the Chinese lunar calendar
    lunar_shift: int = 0  # days after the lunar date (除夕: the day before 正月初一)
    week_nth: int | None = None  # week N of the month (-1: the last), the week of its Nth Monday
    term: str | None = None  # a solar term of the Chinese calendar (清明, 冬至): its day in the year
    part: tuple[str, int, str] | None = None  # ("first" | "last", n, unit) of the period: 前三个月
    months_to: int = 0  # the months ending on this day ("the year ended March 31": 12, 截至6月30日止六个月: 6)


def _runs_into_next(spec: DateSpec | None, to: str | None) -> DateSpec | None:
    """A fiscal year written with the next year's end (FY2025-26, 2025/26财年): both years, as a
    range; a second year that is not the next one is no fiscal year."""
    if spec is None or not to:
        return spec
    end = int(to) if len(to) == 4 else spec.year // 100 * 100 + int(to)
    return spec._replace(until=DateSpec(year=end)) if end == spec.year + 1 else None


# --------------------------------------------------------------------------- calendar helpers
def _first_day_of_span(end: dt.date, months: int) -> dt.date:
    """The first day of the `months` months that end on `end` (12 to 2026-03-31: 2025-04-01; 6 to
    2026-06-30: 2026-01-01; 12 to 2026-03-15: 2025-03-16)."""
    if end.day == _last_day(end.year, end.month):  # whole months
        y, m = _add_months(end.year, end.month, 1 - months)
        return dt.date(y, m, 1)
    y, m = _add_months(end.year, end.month, -months)
    return dt.date(y, m, min(end.day, _last_day(y, m))) + dt.timedelta(days=1)


def _last_day(year: int, month: int) -> int:
    """`calendar.monthrange(year, month)[1]` (the same error for a month outside 1-12) without
    computing the weekday of the 1st."""
    if not 1 <= month <= 12:
        raise calendar.IllegalMonthError(month)
    return calendar.mdays[month] + (month == 2 and calendar.isleap(year))


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _week_start(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _distance(base: dt.date, start: dt.date, end: dt.date, prefer: str) -> tuple[float, int]:
    """How far an interval is from the base; the non-preferred side counts three times."""
    if start <= base <= end:
        return 0.0, 0
    if end < base:
        days, side = (base - end).days, -1
    else:
        days, side = (start - base).days, 1
    preferred = side == (-1 if prefer == "past" else 1)
    return (days if preferred else days * 3), (0 if preferred else 1)


def _pick(base: dt.date, options: list[tuple[dt.date, dt.date, object]], prefer: str):
    """The option a date without a year (or month) means: with prefer="future" the first one that
    has not ended before the base; with prefer="past" the nearest, a day after the base counting
    three times a day before it (so a date up to about three months ahead reads as upcoming)."""
    if not options:
        return None
    if prefer == "future":
        later = [o for o in options if o[1] >= base]
        return min(later, key=lambda o: o[0])[2] if later else max(options, key=lambda o: o[0])[2]
    return min(options, key=lambda o: _distance(base, o[0], o[1], prefer))[2]


def _nearest_year(base: dt.date, month: int, day: int | None, prefer: str, weekday: int | None = None) -> int | None:
    """The year of a month (and day) written without one. A weekday written with the date
    picks, among the years near the base, the one where it falls on that weekday."""
    options = []
    span = 4 if (month, day) == (2, 29) else 1  # 2月29日: the nearest leap year
    for year in range(base.year - span, base.year + span + 1):
        last = _last_day(year, month)
        if day is not None and day > last:
            continue
        d0 = dt.date(year, month, day or 1)
        d1 = dt.date(year, month, day or last)
        options.append((d0, d1, year))
    if day is not None and weekday is not None and weekday < 7:
        agreeing = [o for o in options if o[0].weekday() == weekday]
        options = agreeing or options
    return _pick(base, options, prefer)


def _nearest_month(base: dt.date, day: int, prefer: str) -> tuple[int, int] | None:
    """The month of a bare day of the month (5日): this month, or one either side."""
    options = []
    for delta in (-2, -1, 0, 1, 2):
        y, m = _add_months(base.year, base.month, delta)
        if day <= _last_day(y, m):
            d = dt.date(y, m, day)
            options.append((d, d, (y, m)))
    return _pick(base, options, prefer)


class _Invalid(Exception):
    """The date the text states does not exist."""


# --------------------------------------------------------------------------- resolution
def resolve(spec: DateSpec, base: dt.date | None, prefer: str, now: dt.datetime | None = None) -> DateValue:
    """The `DateValue` of a spec against the base date (`now`, the base date-time, places
    "5小时前" / "two hours ago")."""
    if spec.months_to:
        last = resolve(spec._replace(months_to=0), base, "past", now)
        if last.end is None:
            return last
        end = dt.date.fromisoformat(last.end)
        start = _first_day_of_span(end, spec.months_to)
        grain = "year" if spec.months_to == 12 else "quarter" if spec.months_to == 3 else "month"
        return made(DateValue, start=start.isoformat(), end=end.isoformat(), grain=grain, anchored=last.anchored, range=True)
    if spec.until is not None:
        first = resolve(spec._replace(until=None), base, prefer, now)
        until = spec.until
        if first.start is not None and until.month is not None and until.year is None and until.rel_year is None \
                and until.rel_month is None:  # 3-6月: June of the year March was resolved to
            until = until._replace(year=int(first.start[:4]), inherited=True)
            second = resolve(until, base, prefer, now)
            if second.end is not None and second.end < first.start:
                second = resolve(until._replace(year=until.year + 1), base, prefer, now)  # type: ignore[operator]
            return _range_value(first, second)
        return _range_value(first, resolve(until, base, prefer, now))
    fields = {
        "weekday": WEEKDAYS[spec.weekday] if spec.weekday is not None and spec.weekday < 7 else (
            "weekend" if spec.weekday == WEEKEND else None),
        "part_of_day": spec.part_of_day,
        "time": f"{spec.time[0]:02d}:{spec.time[1]:02d}" if spec.time else None,
        "relative": spec.relative,
        "year": spec.year,
        "month": spec.month if spec.rel_month is None else None,
        "day": spec.day,
        "days": spec.days,
        "months": spec.months,
        "holiday": spec.holiday,
        "lunar": _lunar_label(spec.lunar) if spec.lunar and spec.holiday is None else None,
    }
    fine = "minute" if spec.time and spec.time[1] else "hour" if spec.time else "part_of_day" if spec.part_of_day else None
    # An absolute date must exist, whatever the base.
    if spec.month is not None and spec.day is not None and spec.year is not None:
        try:
            dt.date(spec.year, spec.month, spec.day)
        except ValueError:
            return made(DateValue, grain="day", issue=f"invalid date: {spec.year}-{spec.month:02d}-{spec.day:02d} does not exist", **fields)
    if spec.month is not None and spec.day is not None and spec.day > _max_day(spec.month):
        return made(DateValue, grain="day", issue=f"invalid date: month {spec.month} has no day {spec.day}", **fields)

    if spec.ago is not None and spec.ago[1] in ("hour", "minute"):
        return _clock_ago(spec, fields, now)
    try:
        interval = _interval(spec, base, prefer)
        if interval is not None and spec.part is not None:
            interval = _part_of(interval, spec.part)
    except _Invalid as exc:
        return made(DateValue, grain="day", issue=f"invalid date: {exc}", **fields)
    except (OverflowError, ValueError):  # 3800亿天前: beyond the calendar
        return made(DateValue, grain=_grain_unanchored(spec), issue="date out of range", **fields)
    if interval is None:
        grain = _grain_unanchored(spec)
        return made(DateValue, grain=fine or grain, anchored=False, **fields)
    start, end, grain = interval
    anchored = spec.year is None or spec.relative is not None or spec.ago is not None or spec.inherited
    issue = None
    if spec.weekday is not None and spec.weekday < 7 and start == end and start.weekday() != spec.weekday:
        issue = (f"weekday mismatch: {start.isoformat()} is a {WEEKDAYS[start.weekday()].capitalize()}, "
                 f"the text says {WEEKDAYS[spec.weekday].capitalize()}")
    return made(
        DateValue, start=start.isoformat(), end=end.isoformat(), grain=(fine if fine and start == end else grain),
        anchored=anchored and base is not None, issue=issue, **fields,
    )


def _clock_ago(spec: DateSpec, fields: dict, now: dt.datetime | None) -> DateValue:
    n, unit = spec.ago  # type: ignore[misc]
    if now is None:
        return made(DateValue, grain=unit, anchored=False, **fields)
    try:
        t = now - (dt.timedelta(hours=n) if unit == "hour" else dt.timedelta(minutes=n))
    except OverflowError:
        return made(DateValue, grain=unit, issue="date out of range", **fields)
    fields = {**fields, "time": f"{t.hour:02d}:{t.minute:02d}"}
    return made(DateValue, start=t.date().isoformat(), end=t.date().isoformat(), grain=unit, anchored=True, **fields)


_RANGE_GRAIN = {"part_of_day": "day", "hour": "day", "minute": "day"}


def _range_value(a: DateValue, b: DateValue) -> DateValue:
    """One value for a range of dates: from the start of the first end to the end of the second;
    the grain is the first end's. The fields kept are those true of every day of the range
    (3月5日至11日 without a base: month 3, days 5-11)."""
    grain = _RANGE_GRAIN.get(a.grain, a.grain)
    if a.issue or b.issue:
        return made(DateValue, grain=grain, issue=a.issue or b.issue, range=True)
    fields: dict = {}
    if a.year is not None and a.year == b.year:
        fields["year"] = a.year
    if a.month is not None and a.month == b.month and a.day is not None and b.day is not None and a.day <= b.day:
        fields.update(month=a.month, days=(a.day, b.day))
    elif a.month is not None and b.month is not None and a.day is None and b.day is None and a.month <= b.month:
        fields["months"] = (a.month, b.month)
    if a.relative is not None and a.relative == b.relative:
        fields["relative"] = a.relative
    if a.start is None or b.start is None:
        return made(DateValue, grain=grain, range=True, **fields)
    if b.end < a.start:  # type: ignore[operator]
        return made(DateValue, grain=grain, range=True, issue=f"invalid range: {b.end} is before {a.start}", **fields)
    return made(DateValue, start=a.start, end=b.end, grain=grain, anchored=a.anchored or b.anchored, range=True, **fields)


def _lunar_label(lunar: tuple[int, int, bool]) -> str:
    month, day, leap = lunar
    return f"{'leap-' if leap else ''}{month:02d}-{day:02d}"


def _solar(year: int, month: int, day: int, leap: bool) -> dt.date | None:
    """The Gregorian day of a lunar date, None when the lunar year has no such day. The lunar
    calendar package is imported the first time a lunar date is read."""
    from borax.calendars.lunardate import LunarDate

    try:
        return LunarDate(year, month, day, int(leap)).to_solar_date()
    except Exception:  # out of the calendar's years (1900-2100), no such leap month or day
        return None


def _solar_term(year: int, name: str) -> dt.date | None:
    from borax.calendars.lunardate import TermUtils

    try:
        return TermUtils.nth_term_day(year, term_name=name)
    except Exception:  # out of the calendar's years
        return None


def _lunar_interval(spec: DateSpec, base: dt.date | None, prefer: str) -> tuple[dt.date, dt.date, str] | None:
    """A lunar date (正月初八), holiday (中秋节) or solar term (清明): in the (lunar) year stated,
    or the nearest one."""
    if spec.year is not None and spec.rel_year is None:
        years = [spec.year]
    elif base is None:
        return None
    elif spec.rel_year is not None:
        years = [base.year + spec.rel_year]
    else:
        years = [base.year - 1, base.year, base.year + 1]
    options = []
    for year in years:
        if spec.term is not None:
            d = _solar_term(year, spec.term)
        else:
            d = _solar(year, *spec.lunar)  # type: ignore[misc]
        if d is not None:
            d += dt.timedelta(days=spec.lunar_shift)
            options.append((d, d, d))
    if not options:
        what = spec.term or f"lunar {_lunar_label(spec.lunar)}"  # type: ignore[arg-type]
        raise _Invalid(f"{what} does not exist in {', '.join(map(str, years))}")
    d = options[0][2] if len(options) == 1 else _pick(base, options, prefer)  # type: ignore[arg-type]
    return d, d, "day"


def _part_of(interval: tuple[dt.date, dt.date, str], part: tuple[str, int, str]) -> tuple[dt.date, dt.date, str]:
    """The first or last n days, weeks, months or quarters of a period (今年前三个月, 上月最后三天)."""
    start, end, _grain = interval
    side, n, unit = part
    if n < 1:
        raise _Invalid(f"no {n} {unit}s")
    if side == "nth":  # 本月第一天, 今年第三个月: the nth one alone
        if unit == "day":
            lo = hi = start + dt.timedelta(days=n - 1)
        else:
            y, m = _add_months(start.year, start.month, n - 1)
            lo, hi = dt.date(y, m, 1), dt.date(y, m, _last_day(y, m))
    elif unit in ("day", "week"):
        size = dt.timedelta(days=n * (7 if unit == "week" else 1) - 1)
        lo, hi = (start, start + size) if side == "first" else (end - size, end)
    else:
        months = n * (3 if unit == "quarter" else 1)
        if side == "first":
            y, m = _add_months(start.year, start.month, months - 1)
            lo, hi = start, dt.date(y, m, _last_day(y, m))
        else:
            y, m = _add_months(end.year, end.month, 1 - months)
            lo, hi = dt.date(y, m, 1), end
    if lo < start or hi > end:
        raise _Invalid(f"{start.isoformat()} to {end.isoformat()} has no {n} {unit}s")
    return lo, hi, unit


def _max_day(month: int) -> int:
    return 29 if month == 2 else _last_day(2001, month)


def _grain_unanchored(spec: DateSpec) -> str:
    if spec.part is not None:
        return spec.part[2]
    if spec.week_nth is not None:
        return "week"
    if spec.easter is not None or spec.lunar is not None or spec.term is not None:
        return "day"
    if spec.day is not None or spec.weekday is not None and spec.weekday < 7 or spec.rel_day is not None:
        return "day"
    if spec.weekday == WEEKEND or spec.rel_week is not None:
        return "week"
    if spec.ago is not None:
        return spec.ago[1]
    if spec.quarter or spec.rel_quarter is not None:
        return "quarter"
    if spec.month is not None or spec.rel_month is not None or spec.days is not None or spec.months:
        return "month"
    return "year"


def _interval(spec: DateSpec, base: dt.date | None, prefer: str) -> tuple[dt.date, dt.date, str] | None:
    # Fully absolute expressions need no base.
    months_grain = "quarter" if spec.quarter else "month"
    if spec.lunar is not None or spec.term is not None:
        return _lunar_interval(spec, base, prefer)
    if spec.easter is not None:
        if spec.year is not None and spec.rel_year is None:
            d = easter(spec.year) + dt.timedelta(days=spec.easter)
            return d, d, "day"
        if base is None:
            return None
        if spec.rel_year is not None:
            d = easter(base.year + spec.rel_year) + dt.timedelta(days=spec.easter)
            return d, d, "day"
        options = [(d, d, d) for d in (easter(y) + dt.timedelta(days=spec.easter)
                                       for y in (base.year - 1, base.year, base.year + 1))]
        d = _pick(base, options, prefer)
        return d, d, "day"
    if spec.week_nth is not None and spec.month is None and spec.rel_month is None:  # 今年第10周
        year = spec.year if spec.rel_year is None else (None if base is None else base.year + spec.rel_year)
        return None if year is None else _nth_week(year, None, spec.week_nth)
    if spec.year is not None and spec.rel_year is None:
        if spec.month is not None:
            return _month_interval(spec.year, spec.month, spec)
        if spec.months:
            lo, hi = spec.months
            return dt.date(spec.year, lo, 1), dt.date(spec.year, hi, _last_day(spec.year, hi)), months_grain
        return dt.date(spec.year, 1, 1), dt.date(spec.year, 12, 31), "year"
    if base is None:
        return None
    if spec.rel_quarter is not None:
        y, q = divmod(base.year * 4 + (base.month - 1) // 3 + spec.rel_quarter, 4)
        return dt.date(y, 3 * q + 1, 1), dt.date(y, 3 * q + 3, _last_day(y, 3 * q + 3)), "quarter"
    if spec.months and spec.rel_year is None and spec.part is None:
        # 第三季度, "the first half": the year nearest the base
        lo, hi = spec.months
        options = [(dt.date(y, lo, 1), dt.date(y, hi, _last_day(y, hi)), y)
                   for y in (base.year - 1, base.year, base.year + 1)]
        y = _pick(base, options, prefer)
        return dt.date(y, lo, 1), dt.date(y, hi, _last_day(y, hi)), months_grain
    if spec.ago is not None:
        n, unit = spec.ago
        if unit == "day":
            d = base - dt.timedelta(days=n)
            return d, d, "day"
        if unit == "week":
            s = _week_start(base - dt.timedelta(weeks=n))
            return s, s + dt.timedelta(days=6), "week"
        if unit == "month":
            y, m = _add_months(base.year, base.month, -n)
            return dt.date(y, m, 1), dt.date(y, m, _last_day(y, m)), "month"
        y = base.year - n
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if spec.rel_day is not None:
        d = base + dt.timedelta(days=spec.rel_day)
        return d, d, "day"
    if spec.rel_year is not None:
        year = base.year + spec.rel_year
        if spec.month is not None:
            return _month_interval(year, spec.month, spec)
        if spec.months:
            lo, hi = spec.months
            return dt.date(year, lo, 1), dt.date(year, hi, _last_day(year, hi)), months_grain
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if spec.rel_month is not None:
        y, m = _add_months(base.year, base.month, spec.rel_month)
        return _month_interval(y, m, spec)
    if spec.month is not None:
        year = _nearest_year(base, spec.month, spec.day, prefer, spec.weekday)
        if year is None:
            raise _Invalid(f"month {spec.month} has no day {spec.day}")
        return _month_interval(year, spec.month, spec)
    if spec.day is not None:
        ym = _nearest_month(base, spec.day, prefer)
        if ym is None:
            raise _Invalid(f"no month has a day {spec.day}")
        d = dt.date(ym[0], ym[1], spec.day)
        return d, d, "day"
    if spec.rel_week is not None or spec.weekday is not None:
        return _week_interval(spec, base, prefer)
    return None


def _month_interval(year: int, month: int, spec: DateSpec) -> tuple[dt.date, dt.date, str]:
    last = _last_day(year, month)
    if spec.week_nth is not None:
        return _nth_week(year, month, spec.week_nth)
    if spec.nth is not None and spec.weekday is not None and spec.weekday < 7:
        if spec.nth < 0:  # the last one
            end = dt.date(year, month, last)
            d = end - dt.timedelta(days=(end.weekday() - spec.weekday) % 7)
            return d, d, "day"
        first = dt.date(year, month, 1)
        offset = (spec.weekday - first.weekday()) % 7
        d = first + dt.timedelta(days=offset + 7 * (spec.nth - 1))
        if d.month != month:
            raise _Invalid(f"{year}-{month:02d} has no {spec.nth}th {WEEKDAYS[spec.weekday].capitalize()}")
        return d, d, "day"
    if spec.day is not None:
        if spec.day > last:
            raise _Invalid(f"{year}-{month:02d}-{spec.day:02d} does not exist")
        d = dt.date(year, month, spec.day)
        return d, d, "day"
    if spec.days is not None:
        lo, hi = spec.days
        return dt.date(year, month, lo), dt.date(year, month, min(hi, last)), "month"
    return dt.date(year, month, 1), dt.date(year, month, last), "month"


def _nth_week(year: int, month: int | None, n: int) -> tuple[dt.date, dt.date, str]:
    """Week n (-1: the last) of a month or a year: the week starting on its nth Monday."""
    first = dt.date(year, month or 1, 1)
    end = dt.date(year, month or 12, _last_day(year, month or 12))
    if n < 0:
        monday = end - dt.timedelta(days=end.weekday())
    else:
        monday = first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))
    if monday > end:
        raise _Invalid(f"{year}{'' if month is None else f'-{month:02d}'} has no week {n}")
    return monday, monday + dt.timedelta(days=6), "week"


def _week_interval(spec: DateSpec, base: dt.date, prefer: str) -> tuple[dt.date, dt.date, str]:
    if spec.rel_week is not None:
        monday = _week_start(base) + dt.timedelta(weeks=spec.rel_week)
        if spec.weekday is None:
            return monday, monday + dt.timedelta(days=6), "week"
        if spec.weekday == WEEKEND:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week"
        d = monday + dt.timedelta(days=spec.weekday)
        return d, d, "day"
    # a bare weekday: the most recent one on or before the base, or the next one after it
    if spec.weekday == WEEKEND:
        if prefer == "past":
            sunday = base - dt.timedelta(days=(base.weekday() - 6) % 7)
            if sunday == base and base.weekday() != 6:
                sunday -= dt.timedelta(days=7)
            return sunday - dt.timedelta(days=1), sunday, "week"
        saturday = base + dt.timedelta(days=(5 - base.weekday()) % 7 or 7)
        return saturday, saturday + dt.timedelta(days=1), "week"
    wd = spec.weekday
    if prefer == "past":
        d = base - dt.timedelta(days=(base.weekday() - wd) % 7)
    else:
        d = base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
    return d, d, "day"


# --------------------------------------------------------------------------- Chinese patterns
class _ZhDates:
    def __init__(self) -> None:
        d = lang("zh")["date"]
        z = zh()
        self.d = d
        digits = "〇零一二三四五六七八九"
        # a year of two digits, before its month (17年5月1日, 八九年六月), or read as a number
        # (两千零一十六年; not 两千年 or 两千三百年, as often a number of years)
        numeral_year = r"(?<![一二两三四五六七八九十百千万])[一二两]千[零〇][一二三四五六七八九十]{1,3}"
        self.year = rf"(?P<y>[0-9]{{4}}|[{digits}]{{4}}|{numeral_year})"
        self.year_short = (
            rf"(?P<y>[0-9]{{4}}|[{digits}]{{4}}|{numeral_year}|(?<![0-9.])[0-9]{{2}}|(?<![{digits}两十百千万几数])[{digits}]{{2}})"
        )
        self.month = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
        self.day_zh = r"[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九]"
        self.day = rf"(?P<d>3[01]|[12][0-9]|0?[1-9]|{self.day_zh})"
        day_suffix = alternation(d["day"])
        self.month_parts: dict[str, list[int]] = d["month_parts"]
        self.year_parts: dict[str, list[int]] = d["year_parts"]
        mp = alternation(self.month_parts)
        yp = alternation(self.year_parts)
        # a day after its month needs no 日 (3月8, 十一月12) unless a count or a unit follows
        count_words = lang("zh")["count"]["classifiers"] + d["bare_day_not_before"]
        not_day = alternation(count_words + lang("zh")["date_short_years"]["day_not_before"])
        self.md = (
            rf"{self.month}\s*月(?:份)?(?:\s*{self.day}(?:\s*{day_suffix}|(?![0-9.{digits}两十百千廿卅]|{not_day}))"
            rf"|(?P<mp>{mp}))?"
        )
        self.parts: dict[str, str] = d["parts_of_day"]
        num = "[0-9]{1,2}|[一二两三四五六七八九十]{1,3}"
        clock = alternation(d["clock"])
        self.tail = (
            rf"(?:\s*(?P<pod>{alternation(self.parts)}))?"
            rf"(?:\s*(?P<hh>{num})\s*{clock}(?:\s*(?P<half>半)|\s*(?P<mm>[0-9]{{1,2}}|[一二三四五六七八九十零]{{1,3}})\s*分?)?)?"
        )
        self.weekday_names: dict[str, int] = d["weekday_names"]
        more = lang("zh")["date_more_relative"]
        self.year_offsets: dict[str, int] = {**d["year_offsets"], **more["year_offsets"]}
        self.month_offsets: dict[str, int] = {**d["month_offsets"], **more["month_offsets"]}
        self.week_offsets: dict[str, int] = {**d["week_offsets"], **more["week_offsets"]}
        self.weekday_prefix_offsets: dict[str, int] = more["weekday_prefix_offsets"]
        self.days: dict[str, int] = {**d["days"], **more["days"]}
        self.nights: dict[str, int] = d["nights"]
        self.night_parts: dict[str, str] = d["night_parts"]
        self.yp = yp
        self.mp = mp
        self.numeral = z.numeral


@table("extract")
def _zh() -> _ZhDates:
    return _ZhDates()


SHORT_YEAR_REFERENCE = 2030  # without a base date: 00-40 are 20xx, 41-99 are 19xx


def _year_of(s: str, base: dt.datetime | None) -> int | None:
    """A written year; two digits (17年, 八九年) are the latest year ending in them that is at most
    ten years after the base's (SHORT_YEAR_REFERENCE without a base): 17 is 2017, 89 is 1989."""
    if len(s) != 2:
        return _int(s)
    yy = digit_sequence(s)
    if yy is None:
        return None
    reference = base.year if base is not None else SHORT_YEAR_REFERENCE
    return 2000 + yy if 2000 + yy <= reference + 10 else 1900 + yy


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    v = digit_sequence(s) if len(s) == 4 else None
    if v is None:
        f = parse_zh(s)
        if f is None or f != int(f):
            return None
        v = int(f)
    return v


def _tail(m: re.Match[str], spec: DateSpec, parts: dict[str, str]) -> DateSpec:
    """The part of the day and clock time written after a date: 周一晚上8点半."""
    g = m.groupdict()
    if not g.get("pod") and not g.get("hh"):
        return spec
    pod = parts.get(g["pod"]) if g.get("pod") else spec.part_of_day
    time = None
    if g.get("hh"):
        hour = _int(g["hh"])
        minute = 30 if g.get("half") else (_int(g["mm"]) if g.get("mm") else 0)
        if hour is None or minute is None or hour > 24 or minute > 59:
            return spec
        if pod in ("afternoon", "evening", "night") and hour < 12:
            hour += 12
        time = (hour % 24, minute)
    return spec._replace(part_of_day=pod, time=time)


class _Renamed:
    """A match whose groups hh2/half2/mm2 stand in for hh/half/mm when those did not match."""

    def __init__(self, m: re.Match[str]) -> None:
        self._g = dict(m.groupdict())
        for name in ("hh", "half", "mm"):
            if self._g.get(name) is None and self._g.get(name + "2") is not None:
                self._g[name] = self._g[name + "2"]

    def groupdict(self) -> dict:
        return self._g

    def group(self, name: str):
        return self._g.get(name)


def _parts_spec(z: _ZhDates, g: dict, spec: DateSpec) -> DateSpec:
    if g.get("mp"):
        lo, hi = z.month_parts[g["mp"]]
        spec = spec._replace(days=(lo, hi))
    if g.get("yp"):
        lo, hi = z.year_parts[g["yp"]]
        spec = spec._replace(months=(lo, hi))
    return spec


class DateRecognizer(Recognizer):
    """Date patterns build a `DateSpec`; the recognizer anchors it on the base date, then reads
    two dates joined by a range word as one range (3月5日至11日: the second end takes the month
    and year of the first), and joins a date with the weekday written beside it. Both passes
    look dates up by their offsets, so their cost grows with the number of dates, not its square."""

    def __init__(self, name: str, kind: str, language: str) -> None:
        super().__init__(name, kind, language)
        data = lang(language)["date_ranges"]
        self.connectors: dict[str, list[str]] = {}  # last character -> the range words ending with it
        for word in sorted(data["connectors"], key=len, reverse=True):
            self.connectors.setdefault(word[-1], []).append(word)
        self.opens = sorted(data["open"], key=len, reverse=True)
        self.closes = sorted(data["close"], key=len, reverse=True)

    def analyze(self, ctx: Context, patterns=None) -> list[Candidate]:
        base = ctx.base.date() if ctx.base else None
        found = []
        for pattern in self.wanted(ctx) if patterns is None else patterns:
            for m in pattern.regex.finditer(ctx.folded):
                built = safe_build(pattern, m, ctx)
                if built is None:
                    continue
                # (spec, score) or a spec, itself a tuple: told apart by the exact type
                spec, score = built if type(built) is tuple else (built, pattern.score)
                start, end = m.start(), m.end()
                while end > start and ctx.folded[end - 1].isspace():
                    end -= 1
                while start < end and ctx.folded[start].isspace():
                    start += 1
                if end <= start:
                    continue
                value = resolve(spec, base, ctx.prefer, ctx.base)
                found.append(Candidate(start, end, value, score, f"{self.name}.{pattern.name}", spec))
        if len(found) < 2:  # nothing to join
            return found
        found = self._ranges(found, ctx, base)
        return found + list(_join_weekdays(found, ctx, base))

    def _ranges(self, found: list[Candidate], ctx: Context, base: dt.date | None) -> list[Candidate]:
        """The second end of a range takes what the first states (3月5日至11日: the month and year
        the first date was resolved to; 周一至周五: the Friday after that Monday; 2019年3月至6月:
        the year), and the two ends make one more candidate, the range."""
        text = ctx.folded
        by_end: dict[int, Candidate] = {}
        for c in found:
            if c.detail.time is None and c.detail.until is None:
                held = by_end.get(c.end)
                if held is None or c.start < held.start:
                    by_end[c.end] = c
        if not by_end:
            return found
        out, ranges = [], []
        for c in found:
            first = self._range_opening(c, by_end, text)
            if first is None or c.detail.time is not None or c.detail.until is not None:
                out.append(c)
                continue
            spec, unit = _inherit(c.detail, first)
            if unit is not None:
                c = Candidate(c.start, c.end, resolve(spec, base, ctx.prefer, ctx.base), c.score, c.pattern, spec)
            out.append(c)
            second = c
            fv, sv = first.value, second.value
            if unit in ("month", "year") and fv.start and sv.end and sv.end < fv.start:
                spec = _roll(spec, unit)  # 2019年11月至2月: February of the next year
                second = Candidate(c.start, c.end, resolve(spec, base, ctx.prefer, ctx.base), c.score, c.pattern, spec)
            value = resolve(first.detail._replace(until=spec), base, ctx.prefer, ctx.base)
            if value.issue and not (first.value.issue or second.value.issue):
                continue  # the second end is before the first: not a range
            start, end = self._widened(first.start, second.end, text)
            ranges.append(Candidate(start, end, value, max(first.score, second.score),
                                    f"{self.name}.range", first.detail._replace(until=spec)))
        return out + ranges

    def _range_opening(self, c: Candidate, by_end: dict[int, Candidate], text: str) -> Candidate | None:
        """The date ending right before `c`'s range word (至, 到, -), if any."""
        j = _skip_spaces_back(text, c.start)
        for word in self.connectors.get(text[j - 1:j], ()):
            if j >= len(word) and text.startswith(word, j - len(word)):
                first = by_end.get(_skip_spaces_back(text, j - len(word)))
                if first is not None and first is not c:
                    return first
        return None

    def _widened(self, start: int, end: int, text: str) -> tuple[int, int]:
        """A range's span with the words opening and closing it: 自...止, 从...到."""
        for word in self.opens:
            if start >= len(word) and text.startswith(word, start - len(word)):
                start -= len(word)
                break
        for word in self.closes:
            if text.startswith(word, end):
                end += len(word)
                break
        return start, end


_JOIN_GAP = re.compile(r"[\s,，、(（.]*$")
_MAX_SPACES = 8  # spaces looked through around a range word


def _skip_spaces_back(text: str, i: int) -> int:
    stop = max(0, i - _MAX_SPACES)
    while i > stop and text[i - 1].isspace():
        i -= 1
    return i


def _inherit(spec: DateSpec, first: Candidate) -> tuple[DateSpec, str | None]:
    """What the second end of a range takes from the first, and the unit it took ("month" when a
    bare day took the month, "year" when a month took the year, "week" for a weekday)."""
    f, v = first.detail, first.value
    bare_day = spec.day is not None and spec.month is None and spec.rel_month is None and spec.year is None
    if bare_day and (f.day is not None or f.month is not None) and f.lunar is None:
        if v.start is not None:  # the year and month the first date was resolved to
            return spec._replace(year=int(v.start[:4]), month=int(v.start[5:7]), relative=f.relative,
                                 inherited=True), "month"
        return spec._replace(month=f.month, year=f.year, rel_year=f.rel_year, rel_month=f.rel_month,
                             relative=f.relative), "month"
    if _bare_weekday(spec) and _bare_weekday(f):
        if v.start is not None:
            d = dt.date.fromisoformat(v.start) + dt.timedelta(days=(spec.weekday - f.weekday) % 7 or 7)  # type: ignore[operator]
            return spec._replace(year=d.year, month=d.month, day=d.day, relative=f.relative, inherited=True), "week"
        return spec._replace(rel_week=f.rel_week, relative=f.relative), "week"
    yearless = (spec.month is not None and spec.year is None and spec.rel_year is None and spec.rel_month is None
                and spec.lunar is None and spec.nth is None and spec.week_nth is None)
    if yearless and (f.month is not None or f.rel_month is not None) and f.lunar is None:
        if v.start is not None:  # the year the first end was resolved to (3月至6月: the same year)
            return spec._replace(year=int(v.start[:4]), inherited=True), "year"
        if f.year is not None or f.rel_year is not None:
            return spec._replace(year=f.year, rel_year=f.rel_year, relative=f.relative), "year"
    return spec, None


def _roll(spec: DateSpec, unit: str) -> DateSpec:
    """The second end of a range one month (or year) later: it was before the first."""
    if unit == "year" and spec.year is not None:
        return spec._replace(year=spec.year + 1)
    if unit == "month" and spec.year is not None and spec.month is not None:
        y, m = _add_months(spec.year, spec.month, 1)
        return spec._replace(year=y, month=m)
    return spec


def _bare_weekday(spec: DateSpec) -> bool:
    """A weekday stated alone (周五, 下周一), without a date."""
    return spec.weekday is not None and spec.weekday < 7 and spec.day is None and spec.month is None


def _join_weekdays(found: list[Candidate], ctx: Context, base: dt.date | None):
    """6月1日周六 / 周日, 二月十号: one date stating both; a mismatch is reported on it. The
    weekday is looked up at the few offsets around the date where it may stand."""
    weekdays_by_start: dict[int, list[Candidate]] = {}
    weekdays_by_end: dict[int, list[Candidate]] = {}
    for c in found:
        d = c.detail
        if d.weekday is not None and d.day is None and d.month is None and d.rel_week is None and d.until is None:
            weekdays_by_start.setdefault(c.start, []).append(c)
            weekdays_by_end.setdefault(c.end, []).append(c)
    if not weekdays_by_start:
        return
    # a time of day right after the weekday's parenthesis: 9月13日（周日）晚上8时 is one moment
    times_by_start = {c.start: c for c in found if (c.detail.time is not None or c.detail.part_of_day is not None)
                      and c.detail.day is None and c.detail.month is None and c.detail.weekday is None}
    for a in found:
        if a.detail.day is None or a.detail.weekday is not None or a.detail.until is not None:
            continue
        nearby = [b for gap in range(4) for b in weekdays_by_start.get(a.end + gap, ())]
        nearby += [b for gap in range(4) for b in weekdays_by_end.get(a.start - gap, ())]
        for b in nearby:
            first, second = (a, b) if a.end <= b.start else (b, a)
            gap = ctx.folded[first.end:second.start]
            if first.end > second.start or len(gap) > 3 or not _JOIN_GAP.match(gap):
                continue
            end = second.end
            if first is a and ctx.folded[end:end + 1] in (")", "）"):
                end += 1
            spec = a.detail._replace(weekday=b.detail.weekday,
                                     part_of_day=b.detail.part_of_day or a.detail.part_of_day,
                                     time=b.detail.time or a.detail.time)
            at = times_by_start.get(end) if end > second.end else None
            if at is not None and spec.time is None and spec.part_of_day is None:
                spec = spec._replace(time=at.detail.time, part_of_day=at.detail.part_of_day)
                end = at.end
            value = resolve(spec, base, ctx.prefer)
            yield Candidate(first.start, end, value, max(a.score, b.score) + 0.01, f"{a.pattern}+weekday", spec)


def zh_date_recognizer() -> Recognizer:
    z = _zh()
    rec = DateRecognizer("zh_date", "date", "zh")
    tail = z.tail

    def absolute(m, ctx):
        g = m.groupdict()
        year = _year_of(g["y"], ctx.base) if g.get("y") else None
        month = _int(g.get("m")) if g.get("m") else None
        day = _int(g.get("d")) if g.get("d") else None
        if (g.get("m") and month is None) or (g.get("d") and day is None) or (g.get("y") and year is None):
            return None
        if month is not None and not 1 <= month <= 12:
            return None
        spec = _parts_spec(z, g, DateSpec(year=year, month=month, day=day))
        return _tail(m, spec, z.parts)

    def year_only(m, ctx):
        year = _int(m.group("y"))
        if year is None or not 1000 <= year <= 2999:
            return None
        spec = _parts_spec(z, m.groupdict(), DateSpec(year=year))
        return spec

    def relative_year(m, ctx):
        g = m.groupdict()
        word = g["ry"]
        month = _int(g.get("m")) if g.get("m") else None
        day = _int(g.get("d")) if g.get("d") else None
        spec = DateSpec(rel_year=z.year_offsets.get(word, 0), month=month, day=day,
                        relative=_label("year", z.year_offsets.get(word, 0)))
        spec = _parts_spec(z, g, spec)
        return _tail(m, spec, z.parts)

    def relative_month(m, ctx):
        g = m.groupdict()
        offset = z.month_offsets.get(g["rm"], 0) if g.get("rm") else 0
        day = _int(g.get("d")) if g.get("d") else None
        spec = _parts_spec(z, g, DateSpec(rel_month=offset, day=day, relative=_label("month", offset)))
        return _tail(m, spec, z.parts)

    def relative_week(m, ctx):
        offset = z.week_offsets[m.group("rw")]
        return DateSpec(rel_week=offset, relative=_label("week", offset))

    def relative_day(m, ctx):
        g = m.groupdict()
        if g.get("rd"):
            offset = z.days[g["rd"]]
            spec = DateSpec(rel_day=offset, relative=_label("day", offset))
        else:
            offset = z.nights[g["night"]]
            spec = DateSpec(rel_day=offset, relative=_label("day", offset), part_of_day=z.night_parts[g["night"]])
        return _tail(m, spec, z.parts)

    def weekday(m, ctx):
        g = m.groupdict()
        wd = z.weekday_names[g["wd"]]
        prefix = g.get("wp")
        offset = None
        if prefix in z.weekday_prefix_offsets:  # 上上周五
            offset = z.weekday_prefix_offsets[prefix]
        elif prefix:
            offset = 0 if prefix in z.d["this"] else -1 if prefix in z.d["last"] else 1
        spec = DateSpec(weekday=wd, rel_week=offset, relative=_label("week", offset) if offset is not None else None)
        if g.get("past"):
            spec = spec._replace(relative="just_past")
        return _tail(m, spec, z.parts)

    def nth_in_month(m, ctx):
        """九月份的第二个周五, 本月最后一个周五 (a weekday); 下月第3周, 下月最后一周 (a week)."""
        g = m.groupdict()
        spec = _month_spec(z, g, ctx.base)
        n = -1 if g.get("last") else _int(g["n"])
        if spec is None or n is None or not (n == -1 or 1 <= n <= 5):
            return None
        if g.get("wd"):
            return spec._replace(nth=n, weekday=z.weekday_names[g["wd"]])
        return spec._replace(week_nth=n)

    ago_units: dict[str, str] = z.d["ago_units"]

    def ago(m, ctx):
        n = parse_zh(m.group("n"))
        if n is None or n != int(n) or n <= 0:
            return None
        if m.group("u") == "年" and 1000 <= n <= 2999 and not m.group("later"):
            return DateSpec(year=int(n))  # 2031年前: before the year 2031 (as "before 2031"), not 2031 years ago
        spec = _ago_spec(int(n), ago_units[m.group("u")], later=bool(m.group("later")))
        # 三天后 in news is as often "three days after the event told" as "from today": the
        # claim pipeline (min_score 0.5) reads it as the duration 三天
        return (spec, 0.45) if m.group("later") else spec

    def bare_day(m, ctx):
        day = _int(m.group("d") or m.group("dz"))
        if day is None or not 1 <= day <= 31:
            return None
        return _tail(m, DateSpec(day=day), z.parts)

    def numeric(m, ctx):
        g = m.groupdict()
        year = int(g["y"]) if g.get("y") else None
        if year is not None and year < 100:
            year += 1900 if year >= 50 else 2000
        month, day = int(g["m"]), int(g["d"])
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        if year is not None:
            try:
                dt.date(year, month, day)
            except ValueError:
                return None
        return DateSpec(year=year, month=month, day=day)

    year_words = alternation(z.year_offsets)
    month_words = alternation(z.month_offsets)
    week_words = alternation(z.week_offsets)
    day_words = alternation(z.days)
    night_words = alternation(z.nights)
    wd_names = alternation(z.weekday_names)
    prefixes = alternation(z.d["this"] + z.d["last"] + z.d["next"] + list(z.weekday_prefix_offsets))
    wd_prefix = alternation(z.d["weekday_prefix"])
    just_past = alternation(z.d["just_past"])
    no_number_before = r"(?<![0-9一二两三四五六七八九十每])"

    def roc_date(m, ctx):
        """民國114年3月5日, 114年3月: a year of the Republic of China era (Taiwan)."""
        g = m.groupdict()
        era = _int(g.get("ry") or g.get("ry3"))
        month = _int(g.get("m")) if g.get("m") else None
        day = _int(g.get("d")) if g.get("d") else None
        if era is None or not 1 <= era <= 199 or (g.get("m") and month is None) or (g.get("d") and day is None) \
                or (month is not None and not 1 <= month <= 12) or (g.get("ry3") and month is None and not g.get("du")):
            return None
        spec = _parts_spec(z, g, DateSpec(year=era + z.d["roc_offset"], month=month, day=day))
        return _tail(m, spec, z.parts)

    def paren_day(m, ctx):
        """昨（5）日: the day of the month in parentheses says which day the word means."""
        day = _int(m.group("d"))
        if day is None or not 1 <= day <= 31:
            return None
        return _tail(m, DateSpec(day=day), z.parts)

    roc_era = alternation(z.d["roc_era"])
    rec.add("roc_date", rf"(?:(?P<era>{roc_era})\s*(?P<ry>[0-9]{{1,3}}|[〇零一二三四五六七八九十百]{{1,5}})"
                        rf"|(?<![0-9.])(?P<ry3>1[0-9]{{2}}))\s*年(?:份|(?P<du>度))?(?:\s*{z.md})?{tail}", 0.92, roc_date)
    # the months to a day: 截至3月31日的财年, 截至2026年3月31日止年度, 截至6月30日止六个月
    spans_to = {**{w: 12 for w in z.d["year_to"]}, **z.d["months_to"]}

    def zh_months_to(m, ctx):
        g = m.groupdict()
        year = _year_of(g["y"], ctx.base) if g.get("y") else None
        month, day = _int(g.get("m")), _int(g.get("d"))
        if month is None or day is None or not 1 <= month <= 12 or (g.get("y") and year is None):
            return None
        return DateSpec(year=year, month=month, day=day, months_to=spans_to[g["span"]])

    rec.add("months_to", rf"(?:截至|截止|截止到)\s*(?:{z.year_short}\s*年\s*)?{z.md}\s*止?\s*的?\s*(?P<span>{alternation(spans_to)})",
            0.93, zh_months_to)
    # a fiscal year with its end: 2026财年（截至2026年3月底）: the twelve months to that month's end
    def zh_fiscal_to(m, ctx):
        g = m.groupdict()
        return twelve_months_to(_int(g["ey"]), _int(g["em"]), g.get("ed"))

    def zh_to_fiscal(m, ctx):  # 截至3月底的2026财年: the fiscal year 2026, ending that March
        g = m.groupdict()
        return twelve_months_to(_int(g["ey"]) if g.get("ey") else _int(g["fy"]), _int(g["em"]), g.get("ed"))

    def twelve_months_to(year: int | None, month: int | None, day: str | None) -> DateSpec | None:
        """The twelve months to a month's end (or to a day of it, when written)."""
        if year is None or month is None or not 1 <= month <= 12:
            return None
        last = _int(day) if day else _last_day(year, month)
        if last is None or not 1 <= last <= _last_day(year, month):
            return None
        return DateSpec(year=year, month=month, day=last, months_to=12)

    rec.add("to_fiscal_year",
            rf"(?:截至|截止)\s*(?:(?P<ey>[0-9]{{4}})\s*年\s*)?(?P<em>1[0-2]|0?[1-9])\s*月\s*(?:底|末|(?P<ed>[0-9]{{1,2}})\s*日)?\s*止?\s*的?\s*"
            rf"(?P<fy>[0-9]{{4}})\s*(?:{alternation(z.d['fiscal_year'])})", 0.95, zh_to_fiscal)
    rec.add("fiscal_year_to",
            rf"[0-9]{{4}}\s*(?:{alternation(z.d['fiscal_year'])})\s*[（(]?\s*(?:截至|截止|至)\s*(?P<ey>[0-9]{{4}})\s*年\s*"
            rf"(?P<em>1[0-2]|0?[1-9])\s*月\s*(?:底|末|(?P<ed>[0-9]{{1,2}})\s*日)?\s*止?\s*[)）]?", 0.95, zh_fiscal_to)
    # a fiscal year: 2025财年, 2025财政年度 (read as its calendar year)
    rec.add("fiscal_year", rf"{z.year}(?:[-/](?P<to>[0-9]{{4}}|[0-9]{{2}}))?\s*(?:{alternation(z.d['fiscal_year'])})", 0.85,
            lambda m, ctx: _runs_into_next(year_only(m, ctx), m.group("to")))
    paren_words = alternation(z.d["paren_day_words"])
    rec.add("paren_day", rf"(?P<pw>{paren_words})\s*[（(]\s*(?P<d>[0-9]{{1,2}})\s*[)）]\s*日?{tail}", 0.92, paren_day)
    rec.add("year_month_day", rf"(?:{z.year_short}\s*年\s*)?{z.md}{tail}", 0.9, absolute)
    rec.add("year", rf"{z.year}\s*年(?!代)(?:份|度)?(?P<yp>{z.yp})?", 0.85, year_only)
    of = alternation(lang("zh")["date_periods"]["of"])  # 明年的3月, 下个月的10号
    rec.add("relative_year", rf"(?P<ry>{year_words})(?:\s*(?:{of})?\s*{z.md}|年?(?P<yp>{z.yp}))?{tail}", 0.9, relative_year)
    this_year = lambda m, ctx: _parts_spec(z, m.groupdict(), DateSpec(rel_year=0, relative="this_year"))  # noqa: E731
    numeral_before = r"(?<![0-9〇零一二两三四五六七八九十百千万几数多每个岁])"
    bare_year_parts = alternation(k for k in z.year_parts if len(k) == 1)
    half_years = alternation(k for k in z.year_parts if len(k) > 1)
    bare_month_parts = alternation(z.month_parts)
    rec.add("year_part", rf"{numeral_before}年(?P<yp>{bare_year_parts})", 0.7, this_year)
    rec.add("half_year", rf"{numeral_before}(?P<yp>{half_years})", 0.8, this_year)
    rec.add(
        "relative_month", rf"(?P<rm>{month_words})(?:\s*(?:{of})?\s*{z.day}\s*[日号]|(?P<mp>{z.mp}))?{tail}", 0.9, relative_month,
    )
    rec.add("month_part", rf"{numeral_before}月(?P<mp>{bare_month_parts})", 0.7, relative_month)
    rec.add("relative_week", rf"(?P<rw>{week_words})(?![{alternation(z.weekday_names)[3:-1]}])", 0.85, relative_week)
    rec.add("relative_day", rf"(?:(?P<rd>{day_words})|(?P<night>{night_words})){tail}", 0.85, relative_day)
    rec.add(
        "weekday",
        rf"(?P<past>{just_past})?{no_number_before}(?:(?P<wp>{prefixes})个?(?:(?:{wd_prefix})(?:{of}))?)?(?:{wd_prefix})"
        rf"(?P<wd>{wd_names}){tail}",
        0.85, weekday,
    )
    periods = lang("zh")["date_periods"]
    month_expr = (
        rf"(?:(?:(?:{z.year_short}\s*年\s*|(?P<ry>{year_words})\s*)?{z.month}\s*月(?:份)?|(?P<rm>{month_words}))"
        rf"\s*(?:{alternation(periods['of'])})?\s*)"
    )
    nth = rf"(?:第\s*(?P<n>[一二三四五1-5])|(?P<last>{alternation(periods['last'])})\s*一?)\s*个?\s*"
    rec.add("nth_weekday", rf"{month_expr}{nth}(?:{wd_prefix})(?P<wd>{wd_names})", 0.95, nth_in_month)
    rec.add(
        "nth_week", rf"{month_expr}{nth}(?:{alternation(periods['week_words'])})(?!{wd_names})", 0.95, nth_in_month,
    )

    def nth_in_year(m, ctx):  # 今年第10周: the week of the year's tenth Monday
        g = m.groupdict()
        n = _int(g["n"])
        if n is None or not 1 <= n <= 53:
            return None
        if g.get("ry"):
            offset = z.year_offsets[g["ry"]]
            return DateSpec(rel_year=offset, week_nth=n, relative=_label("year", offset))
        return DateSpec(year=_int(g["y"]), week_nth=n)

    rec.add(
        "nth_week_of_year",
        rf"(?:{z.year}\s*年度?|(?P<ry>{year_words}))\s*(?:{alternation(periods['of'])})?\s*第\s*(?P<n>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})"
        rf"\s*个?\s*(?:{alternation(periods['week_words'])})(?!{wd_names})",
        0.9, nth_in_year,
    )
    rec.add(
        "ago",
        rf"(?P<n>{z.numeral})\s*个?\s*(?P<u>{alternation(ago_units)})\s*"
        rf"(?:{alternation(z.d['ago'])}|(?P<later>{alternation(z.d['later'])}))",
        0.9, ago,
    )
    # 5日, 十五号: a day of the month, in the month nearest the base (news: 美国国务院5日表示)
    rec.add(
        "bare_day",
        rf"(?<![0-9〇零一二两三四五六七八九十百千万几数每第近满共约逾超月年/.])(?<![^日号]-)"
        rf"(?:(?P<d>3[01]|[12][0-9]|0?[1-9])\s*[日号]|(?P<dz>{z.day_zh})号)"
        rf"(?!{alternation(z.d['bare_day_not_before'])}){tail}",
        0.8, bare_day,
    )
    # holidays on a fixed day (国庆节, 圣诞节) or a day counted from Easter (复活节)
    fixed: dict[str, list[int]] = z.d["holidays"]
    from_easter: dict[str, int] = z.d["easter_holidays"]
    lunar_holidays: dict[str, list[int]] = lang("zh")["date_lunar"]["holidays"]
    solar_terms: dict[str, str] = lang("zh")["date_lunar"]["solar_terms"]

    def holiday(m, ctx):
        g = m.groupdict()
        name = g["h"]
        year = _int(g["y"]) if g.get("y") else None
        spec = DateSpec(year=year, holiday=name)
        if name in fixed:
            spec = spec._replace(month=fixed[name][0], day=fixed[name][1])
        elif name in solar_terms:  # 清明节, 冬至
            spec = spec._replace(term=solar_terms[name])
        elif name in lunar_holidays:  # 春节, 中秋节, 除夕 (the day before 正月初一)
            month, day, *shift = lunar_holidays[name]
            spec = spec._replace(lunar=(month, day, False), lunar_shift=shift[0] if shift else 0)
        else:
            spec = spec._replace(easter=from_easter[name])
        if g.get("ry"):
            offset = z.year_offsets[g["ry"]]
            spec = spec._replace(rel_year=offset, relative=_label("year", offset))
        return _tail(m, spec, z.parts)

    rec.add(
        "holiday",
        rf"(?:(?:{z.year}\s*年|(?P<ry>{year_words}))\s*(?:的)?\s*)?(?P<h>{alternation(list(fixed) + list(from_easter) + list(lunar_holidays) + list(solar_terms))}){tail}",
        0.85, holiday,
    )
    # quarters: 2025年第三季度, 去年四季度, 前三季度 (Q1-Q3), 上季度, 2025Q3
    quarter_words = alternation(z.d["quarter"])

    quarter_parts: dict[str, str] = lang("zh")["date_periods"]["quarter_parts"]

    def quarter(m, ctx):
        spec = quarter_spec(m, ctx.base)
        qp = m.groupdict().get("qp")
        return spec._replace(part=(quarter_parts[qp], 1, "month")) if spec is not None and qp else spec

    def quarter_spec(m, ctx_base):
        g = m.groupdict()
        if g.get("rq"):
            offset = z.d["quarter_offsets"][g["rq"]]
            return DateSpec(rel_quarter=offset, relative=_label("quarter", offset))
        q = 1 if g.get("qfirst") else _int(g["q"])
        if q is None or not 1 <= q <= 4:
            return None
        months = (1, 3 * q) if g.get("first") else (3 * q - 2, 3 * q)
        return of_year(DateSpec(months=months, quarter=True), g, ctx_base)

    def of_year(spec: DateSpec, g: dict, ctx_base) -> DateSpec:
        """A part of a year with the year its words state: 2025年 (y, y2) or 今年, 去年 (ry)."""
        y = g.get("y") or g.get("y2")
        if y:
            spec = spec._replace(year=_year_of(y, ctx_base))
        if g.get("ry"):
            offset = z.year_offsets[g["ry"]]
            spec = spec._replace(rel_year=offset, relative=_label("year", offset))
        return spec

    rec.add(
        "quarter",
        rf"(?:(?:{z.year_short}\s*年|(?P<ry>{year_words}))\s*(?:的)?\s*)?(?:(?P<first>{alternation(z.d['first_quarters'])})|第\s*)?"
        rf"(?:(?P<q>[一二两三四1-4])\s*个?\s*(?:{quarter_words})|(?P<qfirst>{alternation(periods['first_quarter'])}))"
        rf"(?P<qp>{alternation(quarter_parts)})?",
        0.9, quarter,
    )
    # the first months of a year: 前4月, 今年前四月, 2026年前4月份 (Jan-Apr; 前4个月 alone may count back)
    def first_months(m, ctx):
        g = m.groupdict()
        n = _int(g["n"])
        if n is None or not 1 <= n <= 12:
            return None
        return of_year(DateSpec(months=(1, n)), g, ctx.base)

    rec.add(
        "first_months",
        rf"(?:(?:{z.year_short}\s*年|(?P<ry>{year_words}))\s*(?:的)?\s*)?(?<![0-9一二两三四五六七八九十])前\s*"
        rf"(?P<n>1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])\s*月(?:份)?(?![前后底初中末])",
        0.9, first_months,
    )
    rec.add(
        "relative_quarter", rf"(?P<rq>{alternation(z.d['quarter_offsets'])})(?P<qp>{alternation(quarter_parts)})?",
        0.9, quarter,
    )
    rec.add(
        "q",
        r"(?:(?P<y>[12][0-9]{3})\s*年?\s*|(?<![A-Za-z0-9]))Q(?P<q>[1-4])(?![0-9A-Za-z])(?:\s*(?P<y2>[12][0-9]{3})(?![0-9]))?",
        0.85, quarter,
    )
    # a clock time with no day: 晚上8点半, 下午3:30, 3点30分 (on the base day, when there is one)
    def clock(m, ctx):
        spec = _tail(m, DateSpec(rel_day=0), z.parts)
        return spec if spec.time is not None else None

    hh = r"[0-9]{1,2}|[一二两三四五六七八九十]{1,3}"
    mm = r"[0-9]{1,2}|[一二三四五六七八九十零]{1,3}"
    point = alternation(z.d["clock"])
    rec.add(
        "clock",
        rf"(?:(?P<pod>{alternation(z.parts)})\s*(?P<hh>{hh})\s*{point}(?:\s*(?P<half>半)|\s*(?P<mm>{mm})\s*分?)?"
        rf"|(?<![0-9.:：])(?P<hh2>{hh})\s*(?:点|时)(?:\s*(?P<half2>半)|\s*(?P<mm2>{mm})\s*分))",
        0.8, lambda m, ctx: clock(_Renamed(m), ctx),
    )
    rec.add(
        "clock_colon", r"(?<![0-9.:：])(?P<hh>[01]?[0-9]|2[0-3])\s*[:：]\s*(?P<mm>[0-5][0-9])(?![0-9.:：%])",
        0.5, clock,
    )
    rec.add("iso", r"(?<![0-9])(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})(?![0-9])", 0.9, numeric)
    rec.add("mdy", r"(?<![0-9/])(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})(?![0-9/])", 0.8, numeric)
    rec.add("md", r"(?<![0-9/.])(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})(?![0-9/.%])", 0.35, numeric)
    # a year of eight digits, or with spaces: 20250411, 2023 10 05
    rec.add(
        "compact", r"(?<![0-9.])(?P<y>(?:19|20)[0-9]{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9.])",
        0.7, numeric,
    )
    rec.add(
        "spaced", r"(?<![0-9.])(?P<y>(?:19|20)[0-9]{2})[ ]{1,2}(?P<m>0?[1-9]|1[0-2])[ ]{1,2}(?P<d>0?[1-9]|[12][0-9]|3[01])(?![0-9.])",
        0.6, numeric,
    )
    _add_breadth(rec, z, year_words, month_words)
    return rec


def _add_breadth(rec: Recognizer, z: _ZhDates, year_words: str, month_words: str) -> None:
    """Patterns of issue 10: two-digit years, parts of a period, ranges written with one unit,
    lunar dates."""
    periods = lang("zh")["date_periods"]
    ranges = lang("zh")["date_ranges"]
    conn = alternation(ranges["connectors"])
    digits = "〇零一二三四五六七八九"

    # 二一年, 九八年: two digits read one by one (two in a row, 三四年, are "three or four years")
    def short_year(m, ctx):
        y = m.group("y")
        a, b = digit_sequence(y[0]), digit_sequence(y[1])
        if a is None or b is None or b == a + 1:
            return None
        year = _year_of(y, ctx.base)
        return None if year is None else DateSpec(year=year)

    rec.add("short_year", rf"(?<![{digits}两十百千万几数多第每])(?P<y>[{digits}]{{2}})年(?![级代])", 0.7, short_year)

    # parts of a period: 今年前三个月, 上月最后三天, 本月头十天; halves of a month: 上半月
    sides: dict[str, str] = periods["sides"]
    units: dict[str, str] = periods["units"]

    def period_part(m, ctx):
        g = m.groupdict()
        if g.get("m0"):
            g["m"] = g["m0"]
        n = _int(g["n"])
        if n is None:
            return None
        if g.get("m") or g.get("rm"):
            spec = _month_spec(z, g, ctx.base)
        elif g.get("ry"):
            offset = z.year_offsets[g["ry"]]
            spec = DateSpec(rel_year=offset, relative=_label("year", offset))
        elif g.get("y"):
            spec = DateSpec(year=_year_of(g["y"], ctx.base))
        else:
            return None  # 前三个月 alone is three months ago as often as the first three
        if spec is None:
            return None
        side, unit = sides[g["side"]], units[g["unit"]]
        if side == "nth" and unit not in ("day", "month"):
            return None  # 今年第10周 is the week of the tenth Monday (nth_week_of_year)
        return spec._replace(part=(side, n, unit))

    month_num = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
    period = (  # a year (with or without its month), a month, or a relative month
        rf"(?:(?:{z.year}\s*年度?|(?P<ry>{year_words}))\s*(?:{z.month}\s*月(?:份)?)?|(?P<m0>{month_num})\s*月(?:份)?"
        rf"|(?P<rm>{month_words}))(?:\s*{alternation(periods['of'])})?\s*"
    )
    rec.add(
        "period_part",
        rf"{period}(?P<side>{alternation(sides)})\s*(?P<n>[0-9]{{1,3}}|[一二两三四五六七八九十]{{1,3}})\s*"
        rf"(?P<unit>{alternation(units)})",
        0.9, period_part,
    )
    def first_months(m, ctx):  # 首九个月 alone (a results story): the year's first nine months, the last that have ended
        n = _int(m.group("n"))
        if n is None or not 1 <= n <= 11:
            return None
        offset = 0 if ctx.base is None or ctx.base.month > n else -1
        return DateSpec(rel_year=offset, relative=_label("year", offset))._replace(part=("first", n, "month"))

    rec.add("first_months", rf"(?<![年度月份之的])(?:首|头)\s*(?P<n>[0-9]{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*个\s*月(?!份)",
            0.8, first_months)
    halves: dict[str, list[int]] = periods["month_halves"]

    def month_half(m, ctx):
        g = m.groupdict()
        spec = _month_spec(z, g, ctx.base) if (g.get("m") or g.get("rm")) else DateSpec(rel_month=0, relative="this_month")
        if spec is None:
            return None
        lo, hi = halves[g["half"]]
        return spec._replace(days=(lo, hi))

    rec.add(
        "month_half",
        rf"(?:(?:{z.year}\s*年\s*)?{z.month}\s*月(?:份)?|(?P<rm>{month_words}))?(?P<half>{alternation(halves)})",
        0.85, month_half,
    )

    # a range written with its unit once: 2024-2025年, 2019年3-6月, 3月5-11日
    def year_span(m, ctx):
        y1, y2 = int(m.group("y")), int(m.group("y2"))
        return DateSpec(year=y1, until=DateSpec(year=y2)) if y1 < y2 else None

    def month_span(m, ctx):
        g = m.groupdict()
        m1, m2 = _int(g["m"]), _int(g["m2"])
        if m1 is None or m2 is None or not 1 <= m1 < m2 <= 12:
            return None
        if g.get("ry"):
            offset = z.year_offsets[g["ry"]]
            first = DateSpec(rel_year=offset, month=m1, relative=_label("year", offset))
        else:
            first = DateSpec(year=_year_of(g["y"], ctx.base) if g.get("y") else None, month=m1)
        return first._replace(until=first._replace(month=m2))

    def day_span(m, ctx):
        g = m.groupdict()
        spec = _month_spec(z, g, ctx.base)
        d1, d2 = _int(g["d"]), _int(g["d2"])
        if spec is None or d1 is None or d2 is None or not 1 <= d1 < d2 <= 31:
            return None
        return spec._replace(day=d1, until=spec._replace(day=d2))

    day_num = rf"3[01]|[12][0-9]|0?[1-9]|{z.day_zh}"
    rec.add(
        "year_span", rf"(?<![0-9])(?P<y>[12][0-9]{{3}})\s*年?\s*(?:{conn})\s*(?P<y2>[12][0-9]{{3}})\s*年(?!代)",
        0.9, year_span,
    )
    rec.add(
        "month_span",
        rf"(?:{z.year_short}\s*年\s*|(?P<ry>{year_words})\s*)?(?<![0-9])(?P<m>{month_num})\s*(?:{conn})\s*"
        rf"(?P<m2>{month_num})\s*月(?:份)?",
        0.9, month_span,
    )
    rec.add(
        "day_span",
        rf"(?:(?:{z.year_short}\s*年\s*)?{z.month}\s*月|(?P<rm>{month_words}))\s*(?P<d>{day_num})\s*(?:{conn})\s*"
        rf"(?P<d2>{day_num})\s*(?:{alternation(z.d['day'])})",
        0.9, day_span,
    )
    # the day closing a range, in Chinese numerals: (三月五日至)十一日
    single = "".join(sorted(re.escape(c) for c in ranges["connectors"] if len(c) == 1))

    def range_day(m, ctx):
        day = _int(m.group("d"))
        return DateSpec(day=day) if day is not None and 1 <= day <= 31 else None

    rec.add("range_day", rf"(?<=[{single}])(?P<d>{z.day_zh})\s*日", 0.8, range_day)

    # lunar dates: 正月初八, 农历八月十五, 腊月廿三, 2023年闰二月十五
    lunar = lang("zh")["date_lunar"]
    new_year = {w: 1 for w in lunar["new_year"]}  # 大年初二
    lunar_months: dict[str, int] = {**lunar["months"], **new_year}
    lunar_only = set(lunar["lunar_only_months"]) | set(new_year)
    day_prefix = lunar["day_prefix"]

    def lunar_date(m, ctx):
        g = m.groupdict()
        ld = g["ld"]
        day = _int(ld[len(day_prefix):]) if ld.startswith(day_prefix) else _int(ld)
        if day is None or not 1 <= day <= 30:
            return None
        if not (g.get("mk") or g.get("mk0") or g.get("leap") or g["lm"] in lunar_only or ld.startswith(day_prefix)):
            return None  # 八月十五 alone is the Gregorian 15 August
        if g["lm"] in new_year and not ld.startswith(day_prefix):
            return None  # 大年三十 is 除夕 (a holiday), 大年初二 the second day of the year
        spec = DateSpec(lunar=(lunar_months[g["lm"]], day, bool(g.get("leap"))))
        if g.get("ry"):
            offset = z.year_offsets[g["ry"]]
            return spec._replace(rel_year=offset, relative=_label("year", offset))
        return spec._replace(year=_year_of(g["y"], ctx.base)) if g.get("y") else spec

    lunar_day = (
        rf"{re.escape(day_prefix)}[一二三四五六七八九十]|二?十[一二三四五六七八九]|廿[一二三四五六七八九]|[二三]十"
    )
    rec.add(
        "lunar",
        rf"(?:(?P<mk0>{alternation(lunar['markers'])})\s*)?(?:(?:{z.year}\s*年|(?P<ry>{year_words}))\s*(?:的)?\s*)?"
        rf"(?:(?P<mk>{alternation(lunar['markers'])})\s*)?"
        rf"(?P<leap>{re.escape(lunar['leap'])})?(?P<lm>{alternation(lunar_months)})\s*(?P<ld>{lunar_day})"
        rf"(?:{alternation(lunar['day_suffix'])})?",
        0.9, lunar_date,
    )


def _month_spec(z: _ZhDates, g: dict, base: dt.datetime | None) -> DateSpec | None:
    """The month of a match with groups rm (下月), ry (今年) or y, and m."""
    if g.get("rm"):
        offset = z.month_offsets[g["rm"]]
        return DateSpec(rel_month=offset, relative=_label("month", offset))
    month = _int(g["m"]) if g.get("m") else None
    if month is None or not 1 <= month <= 12:
        return None
    if g.get("ry"):
        offset = z.year_offsets[g["ry"]]
        return DateSpec(rel_year=offset, month=month, relative=_label("year", offset))
    return DateSpec(year=_year_of(g["y"], base) if g.get("y") else None, month=month)


def _ago_spec(n: int, unit: str, later: bool = False) -> DateSpec:
    """N units before the base (三天前, "two years ago") or after it (三天后, "in three days")."""
    if later:
        return DateSpec(ago=(-n, unit), relative=f"in_{n}_{unit}s")
    return DateSpec(ago=(n, unit), relative=f"{n}_{unit}s_ago")


def _spaced(regex: str) -> str:
    """An alternation of literal phrases whose spaces match any run of whitespace."""
    return regex.replace("\\ ", r"\s+")


def _label(unit: str, offset: int | None) -> str | None:
    if offset is None:
        return None
    if offset == 0:
        return f"this_{unit}"
    if offset == -1:
        return "yesterday" if unit == "day" else f"last_{unit}"
    if offset == 1:
        return "tomorrow" if unit == "day" else f"next_{unit}"
    return f"{unit}{offset:+d}"


# --------------------------------------------------------------------------- English patterns
def en_date_recognizer() -> Recognizer:
    d = lang("en")["date"]
    months: dict[str, int] = d["months"]
    weekdays: dict[str, int] = d["weekdays"]
    parts: dict[str, str] = d["parts_of_day"]
    rec = DateRecognizer("en_date", "date", "en")
    month_re = alternation(months)
    wd_re = alternation(weekdays)
    part_re = alternation(parts)
    mp = {k.lower(): v for k, v in d["month_parts"].items()}
    yp = {k.lower(): v for k, v in d["year_parts"].items()}
    base_parts = {k.lower(): v for k, v in d.get("base_parts", {}).items()}
    tail = rf"(?:\s+(?P<pod>{part_re}))?"

    def original_capitalized(m, ctx, group: str) -> bool:
        s = m.start(group)
        return ctx.text[s:s + 1].isupper()

    def side(word: str) -> int:
        """this 0, last/previous -1, next/coming 1."""
        w = word.lower()
        return 0 if w in d["this"] else -1 if w in d["last"] else 1

    bare_months = {k.lower() for k in d["bare_months"]}
    month_then_to = re.compile(rf"(?i:\b(?:{alternation(months)})\.?\s*(?:-|–|—|to|through|and|until)\s*)$")

    def md(m, ctx):
        if not original_capitalized(m, ctx, "mon"):
            return None  # "may" the verb
        month = months[m.group("mon").lower()]
        day = int(m.group("d")) if m.group("d") else None
        year = int(m.group("y")) if m.group("y") else None
        if day is None and year is None and not m.group("prep") and not m.group("part") \
                and m.group("mon").lower() not in bare_months \
                and not month_then_to.search(ctx.folded, max(0, m.start() - 16), m.start()):
            return None  # "May" the verb, "March" the walk: a bare month needs a preposition (or a month
            # and a range word before it: "January-March", "January to March")
        spec = DateSpec(year=year, month=month, day=day)
        if m.group("part"):
            lo, hi = mp[m.group("part").lower()]
            spec = spec._replace(days=(lo, hi))
        if day is not None and day > 31:
            return None
        return spec

    def weekday(m, ctx):
        if not original_capitalized(m, ctx, "wd"):
            return None
        wd = weekdays[m.group("wd").lower()]
        offset = None
        if m.group("wp"):
            offset = side(m.group("wp"))
        spec = DateSpec(weekday=wd, rel_week=offset, relative=_label("week", offset) if offset is not None else None,
                        part_of_day=parts.get((m.group("pod") or "").lower())
                        or weekday_leads.get((m.group("lead") or "").lower()))  # "late Sunday": its night
        if m.group("wd").lower() in weekday_names or m.group("dot") or offset is not None:
            return spec
        return spec, 0.4  # "The Sun", "He Sat": an abbreviation alone is a weak reading

    weekday_names = {w.lower() for w in d["weekday_names"]}
    weekday_leads = {k.lower(): v for k, v in d["weekday_leads"].items()}

    this_period = {k.lower(): v for k, v in d["this_period"].items()}
    period_words = {k.lower(): v for k, v in d["period_words"].items()}

    def relative(m, ctx):
        g = m.groupdict()
        if g.get("end"):  # year-end: the end of this year; mid-year
            w, part = period_words[re.sub(r"\s+", " ", g["end"].lower())]
        else:
            w = re.sub(r"\s+", " ", m.group("rel").lower())
            w = this_period.get(w, w)
            part = re.sub(r"\s+", " ", (g.get("rpart") or "").lower().strip())
        base = ctx.base
        if w in d["year_offsets"]:
            o = d["year_offsets"][w]
            spec = DateSpec(rel_year=o, relative=_label("year", o))
            if part in yp:  # "early next year", "late last year", "the end of last year"
                spec = spec._replace(months=tuple(yp[part]))
            elif part in base_parts and o == 0 and base is not None:  # "earlier this year"
                spec = spec._replace(months=(1, base.month) if base_parts[part] == "before" else (base.month, 12))
            return spec
        if w in d["month_offsets"]:
            o = d["month_offsets"][w]
            spec = DateSpec(rel_month=o, relative=_label("month", o))
            if part in mp:  # "late last month", "the end of this month"
                spec = spec._replace(days=tuple(mp[part]))
            elif part in base_parts and o == 0 and base is not None:  # "earlier this month": the 1st to now
                spec = spec._replace(days=(1, base.day) if base_parts[part] == "before" else (base.day, 31))
            return spec
        if w in d["week_offsets"]:
            o = d["week_offsets"][w]
            return DateSpec(rel_week=o, relative=_label("week", o))
        if w in d["days"]:
            o = d["days"][w]
            pod = parts.get((m.group("pod") or "").lower()) or d["night_parts"].get(w)
            return DateSpec(rel_day=o, relative=_label("day", o), part_of_day=pod)
        return None

    def year(m, ctx):
        y = int(m.group("y"))
        if not 1000 <= y <= 2999:
            return None
        spec = DateSpec(year=y)
        if m.group("part"):
            lo, hi = yp[m.group("part").lower()]
            spec = spec._replace(months=(lo, hi))
        return (spec, 0.85) if m.group("part") or m.group("prep") else spec

    def ago(m, ctx):
        raw = m.group("n")
        n = 1.0 if raw.lower() in ("a", "an") else parse_en(raw)
        if n is None or n != int(n) or n <= 0:
            return None
        unit = m.group("u").lower().rstrip("s")
        return _ago_spec(int(n), unit, later=bool(m.groupdict().get("later")))

    def weekend(m, ctx):
        offset = None
        if m.group("wp"):
            offset = side(m.group("wp"))
        return DateSpec(weekday=WEEKEND, rel_week=offset, relative=_label("week", offset) if offset is not None else None)

    def day_part(m, ctx):  # "this morning"
        return DateSpec(rel_day=0, relative="this_day", part_of_day=parts[m.group("pod").lower()])

    part_words = alternation(mp)
    rec.add(
        "month_day_year",
        rf"\b(?P<prep>(?:{alternation(d['month_prepositions'])})\s+)?(?:(?P<part>{part_words})[\s-]+)?(?P<mon>{month_re})\.?"
        rf"(?:\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>[0-9]{{4}}))?\b",
        0.9, md, re.I,
    )
    def named_month(m, ctx):  # "last February" (the one before the base's month), "next March"
        if not original_capitalized(m, ctx, "mon"):
            return None
        month = months[m.group("mon").lower()]
        direction = side(m.group("side"))
        if ctx.base is None:
            return DateSpec(month=month)
        b = ctx.base.month
        rel = 0 if direction == 0 else (0 if month < b else -1) if direction < 0 else (0 if month > b else 1)
        return DateSpec(month=month, rel_year=rel, relative=_label("year", rel))

    rec.add(
        "named_month",
        rf"\b(?P<side>{alternation(d['this'] + d['last'] + d['next'])})\s+(?P<mon>{month_re})\b(?!\s+[0-9])",
        0.92, named_month, re.I,
    )
    rec.add(
        "day_month_year",
        rf"\b(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month_re})\.?(?:,?\s+(?P<y>[0-9]{{4}}))?\b(?P<prep>)(?P<part>)",
        0.9, md, re.I,
    )
    rec.add(
        "weekday",
        # the dot of an abbreviation (Mon.) belongs to it; a full stop after Monday does not
        rf"\b(?:(?P<lead>{alternation(weekday_leads)})\s+(?:on\s+)?)?(?:(?P<wp>{alternation(d['this'] + d['last'] + d['next'])})\s+)?(?P<wd>{wd_re})\b"
        rf"(?:(?<![a-z]day)(?<![A-Z]DAY)(?P<dot>\.))?{tail}",
        0.85, weekday, re.I,
    )
    rel_words = list(d["year_offsets"]) + list(d["month_offsets"]) + list(d["week_offsets"])
    this_last_next = alternation(d["this"] + d["last"] + d["next"])
    rel_parts = alternation(list(yp) + list(mp) + list(base_parts))
    rec.add("relative", rf"\b(?:(?P<rpart>{rel_parts})[\s-]+)?(?P<rel>{_spaced(alternation(rel_words))})\b(?P<pod>)",
            0.85, relative, re.I)
    rec.add("part_of_the_period", rf"\b(?P<rpart>{rel_parts})[\s-]+(?P<rel>{_spaced(alternation(this_period))})\b(?P<pod>)",
            0.85, relative, re.I)
    rec.add("period_word", rf"\b(?P<end>{_spaced(alternation(period_words))})\b(?P<pod>)", 0.8, relative, re.I)
    rec.add("relative_day", rf"\b(?P<rel>{_spaced(alternation(d['days']))})\b{tail}", 0.85, relative, re.I)
    rec.add("day_part", rf"\bthis\s+(?P<pod>{part_re})\b", 0.85, day_part, re.I)
    rec.add(
        "weekend", rf"\b(?:(?P<wp>{this_last_next})\s+|the\s+)?(?:{alternation(d['weekend'])})\b",
        0.85, weekend, re.I,
    )
    # a year alone is a weak reading (a model number, a count) unless a preposition or a part leads
    rec.add(
        "year",
        rf"\b(?:(?P<part>{alternation(yp)})[\s-]+)?(?:(?P<prep>{alternation(d['month_prepositions'])})\s+)?"
        rf"(?P<y>[12][0-9]{{3}})\b(?![-/.][0-9])",
        0.5, year, re.I,
    )

    # holidays: Christmas, New Year's Day, Easter...
    en_fixed = {k.lower(): v for k, v in d["holidays"].items()}
    en_easter = {k.lower(): v for k, v in d["easter_holidays"].items()}

    def holiday(m, ctx):
        name = re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'")
        y = int(m.group("y")) if m.group("y") else None
        if name in en_fixed:
            return DateSpec(year=y, month=en_fixed[name][0], day=en_fixed[name][1], holiday=m.group("h"))
        return DateSpec(year=y, easter=en_easter[name], holiday=m.group("h"))

    holiday_names = _spaced(alternation(list(en_fixed) + list(en_easter))).replace("'", "['’]")
    rec.add("holiday", rf"\b(?P<h>{holiday_names})(?:,?\s+(?P<y>[12][0-9]{{3}}))?\b", 0.85, holiday, re.I)

    # quarters: "the third quarter of 2025", "fourth-quarter", "Q3 2025", "last quarter"
    quarters = {k.lower(): v for k, v in d["quarters"].items()}

    def quarter(m, ctx):
        g = m.groupdict()
        if g.get("rq"):
            offset = side(g["rq"])
            return DateSpec(rel_quarter=offset, relative=_label("quarter", offset))
        q = quarters[g["qw"].lower()] if g.get("qw") else int(g["q"])
        y = g.get("y") or g.get("y2")
        return DateSpec(year=int(y) if y else None, months=(3 * q - 2, 3 * q), quarter=True)

    rec.add(
        "quarter",
        rf"\b(?:the\s+)?(?P<qw>{alternation(quarters)})[\s-]+quarter\b(?:\s+of\s+(?P<y>[12][0-9]{{3}})\b)?",
        0.85, quarter, re.I,
    )
    rec.add("relative_quarter", rf"\b(?P<rq>{this_last_next})\s+quarter\b", 0.85, quarter, re.I)
    rec.add(
        "q", r"(?:\b(?P<y>[12][0-9]{3})\s*|\b)Q(?P<q>[1-4])\b(?:\s*(?P<y2>[12][0-9]{3})\b)?", 0.85, quarter,
    )

    # parts of a year or a month: "the first half of 2025", "H1 2025", "the last quarter of the
    # year", "the first three months of last year", "the final ten days of March"
    halves = {k.lower(): tuple(v) for k, v in d["halves"].items()}
    half_codes = {k.lower(): tuple(v) for k, v in d["half_codes"].items()}
    part_sides = {k.lower(): v for k, v in d["part_sides"].items()}
    part_units = {k.lower(): v for k, v in d["part_units"].items()}
    of_year = (rf"(?:(?P<y>[12][0-9]{{3}})|(?P<ry>{_spaced(alternation(d['year_offsets']))})"
               rf"|(?P<the_year>{_spaced(alternation(d['the_year']))}))")
    of_month = rf"(?:(?P<mon>{month_re})(?:,?\s+(?P<my>[12][0-9]{{3}}))?|(?P<rm>{_spaced(alternation(d['month_offsets']))}))"

    def year_of(g) -> DateSpec | None:
        if g.get("y"):
            return DateSpec(year=int(g["y"]))
        if g.get("ry"):
            o = d["year_offsets"][re.sub(r"\s+", " ", g["ry"].lower())]
            return DateSpec(rel_year=o, relative=_label("year", o))
        if g.get("the_year"):
            return DateSpec(rel_year=0, relative=_label("year", 0))
        return None

    def half(m, ctx):
        g = m.groupdict()
        g["y"] = g.get("y") or g.get("y2")
        spec = year_of(g) if g.get("y") or g.get("ry") or g.get("the_year") or "alone" not in g else DateSpec()
        months = halves.get((g.get("side") or "").lower()) or half_codes.get((g.get("code") or g.get("code2") or "").lower())
        return None if spec is None or months is None else spec._replace(months=months)

    def fiscal_year(m, ctx):  # FY2025, FY25, fiscal 2025, the 2025 fiscal year: read as the calendar year
        y = m.group("fy") or m.group("fy2")
        year = int(y) if len(y) == 4 else 2000 + int(y)
        return _runs_into_next(DateSpec(year=year), m.group("to"))

    spans = {k.lower(): v for k, v in d["months_to"].items()}

    def months_to(m, ctx):  # "the year ended March 31", "the six months to June 30", "the year to March"
        month = months[m.group("mon").lower()]
        year = int(m.group("y")) if m.group("y") else None
        day = int(m.group("d")) if m.group("d") else _last_day(year or 2001, month)  # (February: a common year's)
        if day > 31:
            return None
        return DateSpec(year=year, month=month, day=day, months_to=spans[re.sub(r"\s+", " ", m.group("span").lower())])

    rec.add("months_to", rf"\b(?P<span>{_spaced(alternation(spans))})\s+(?:ended|ending|to)\s+(?:the\s+end\s+of\s+)?(?P<mon>{month_re})\.?"
                         rf"(?:\s+(?P<d>[0-9]{{1,2}}))?(?:,?\s+(?P<y>[12][0-9]{{3}}))?\b", 0.9, months_to, re.I)
    def fiscal_to(m, ctx):  # "fiscal 2027, ending March 2027": the twelve months to that month's end
        month, year = months[m.group("mon").lower()], int(m.group("y"))
        day = int(m.group("d")) if m.group("d") else _last_day(year, month)
        if day > _last_day(year, month):
            return None
        return DateSpec(year=year, month=month, day=day, months_to=12)

    # a bond's year: "bonds due 2031", "maturing in 2027" (a bare number after these is a year)
    rec.add("due_year", rf"\b(?:{_spaced(alternation(d['due_words']))})\s+(?:in\s+)?(?P<y>(?:19|20)[0-9]{{2}})\b", 0.85,
            lambda m, ctx: DateSpec(year=int(m.group("y"))), re.I)
    # "a 2023 leak", "its 2021 listing", "Lin's 2024 arrest": the year alone (the word before it is the noun's)
    after_determiner = "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in [*d["year_determiners"], "'s"])
    rec.add("attributive_year", rf"(?:{after_determiner})(?P<y>(?:19|20)[0-9]{{2}})(?=\s+[a-z][a-z-]*[a-rt-z]\b)", 0.75,
            lambda m, ctx: DateSpec(year=int(m.group("y"))), re.I)
    fiscal = alternation(d["fiscal_year_before"])
    rec.add("fiscal_year_to", rf"\b(?:{fiscal})[\s-]*'?(?:[12][0-9]{{3}}|[0-9]{{2}}),?\s+(?:which\s+|that\s+)?(?:ending|ended|ends|to)\s+"
                              rf"(?:in\s+)?(?:the\s+end\s+of\s+)?(?P<mon>{month_re})\.?(?:\s+(?P<d>[0-9]{{1,2}}))?,?\s+(?P<y>[12][0-9]{{3}})\b",
            0.95, fiscal_to, re.I)
    rec.add("fiscal_year", rf"\b(?:(?:{fiscal})[\s-]*'?(?P<fy>[12][0-9]{{3}}|[0-9]{{2}})|(?P<fy2>[12][0-9]{{3}})(?=(?:[-/][0-9]{{2,4}})?[\s-]+fiscal[\s-]+year))"
                           rf"(?:[-/](?P<to>[12][0-9]{{3}}|[0-9]{{2}}))?(?:[\s-]+fiscal[\s-]+year)?\b", 0.85, fiscal_year, re.I)
    rec.add("half_of_year", rf"\b(?:the\s+)?(?P<side>{alternation(halves)})[\s-]+half\s+of\s+{of_year}\b", 0.9, half, re.I)
    rec.add("half_year", rf"\b(?P<side>{alternation(halves)})-half\s+(?P<y>[12][0-9]{{3}})\b", 0.85, half, re.I)
    # "the first half", "first-half loss": the half of the year nearest the base
    rec.add("half_alone", rf"\b(?:the\s+)?(?P<side>{alternation(halves)})[\s-]+half(?P<alone>)\b(?![\s-]+(?:of|an?|hour|dozen|point|mile|inning)\b)",
            0.8, half, re.I)
    rec.add("half_code", rf"\b(?:(?P<code>{alternation(half_codes)})\s*(?P<y>[12][0-9]{{3}})|(?P<y2>[12][0-9]{{3}})\s*(?P<code2>{alternation(half_codes)}))\b",
            0.85, half, re.I)

    def period_part(m, ctx):
        g = m.groupdict()
        n = 1 if not g.get("n") else (parse_en(g["n"]) or 0)
        if n != int(n) or n < 1:
            return None
        unit = part_units[g["u"].lower()]
        if g.get("mon"):
            if not original_capitalized(m, ctx, "mon"):
                return None
            spec = DateSpec(year=int(g["my"]) if g.get("my") else None, month=months[g["mon"].lower()])
        elif g.get("rm"):
            o = d["month_offsets"][re.sub(r"\s+", " ", g["rm"].lower())]
            spec = DateSpec(rel_month=o, relative=_label("month", o))
        else:
            spec = year_of(g)
        if spec is None or (unit in ("month", "quarter") and (g.get("mon") or g.get("rm"))):
            return None  # the first two months of March
        side = part_sides[g["side"].lower()]
        if unit == "week" and n == 1 and not g.get("n") and (g.get("mon") or g.get("rm")):
            return spec._replace(week_nth=1 if side == "first" else -1)  # the week of its first Monday, as 下月第一周
        return spec._replace(part=(side, int(n), unit))

    rec.add(
        "period_part",
        rf"\b(?:the\s+)?(?P<side>{alternation(part_sides)})(?:\s+(?P<n>{en().numeral}))?\s+(?P<u>{alternation(part_units)})"
        rf"\s+of\s+(?:{of_year}|{of_month})\b",
        0.9, period_part, re.I,
    )

    # clock times: "10:30 a.m.", "3 p.m."
    def clock(m, ctx):
        hour, minute = int(m.group("hh")), int(m.group("mm") or 0)
        pm = m.group("ampm").lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
        return DateSpec(rel_day=0, time=(hour, minute))

    rec.add(
        "clock", r"\b(?P<hh>1[0-2]|0?[1-9])(?::(?P<mm>[0-5][0-9]))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)",
        0.8, clock, re.I,
    )
    units = r"(?P<u>minutes?|hours?|days?|weeks?|months?|years?)"
    n = rf"(?P<n>{en().numeral}|an?)"
    rec.add("ago", rf"\b{n}\s+{units}\s+{_spaced(alternation(d['ago']))}\b", 0.9, ago, re.I)
    rec.add("later", rf"\b{n}\s+{units}\s+(?P<later>{_spaced(alternation(d['later']))})\b", 0.9, ago, re.I)
    rec.add("in", rf"\b(?P<later>in)\s+{n}\s+{units}\b", 0.8, ago, re.I)
    return rec
