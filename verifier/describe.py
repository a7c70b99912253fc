"""Values in plain English, for explanations a fact-checker reads."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from verifier.normalize.values import (
    CountValue, DateValue, DurationValue, MoneyValue, NumberValue, PercentValue, QuoteValue, Value,
)

_CURRENCY = {"USD": "US$", "CNY": "CN¥", "HKD": "HK$", "TWD": "NT$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_BOUND = {
    "approx": "about ", "at_least": "at least ", "more_than": "more than ",
    "at_most": "at most ", "less_than": "less than ",
}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_PARTS = {
    "early_morning": "early morning", "morning": "morning", "noon": "noon",
    "afternoon": "afternoon", "evening": "evening", "night": "night",
}


def number(x: float | None) -> str:
    if x is None:
        return "?"
    for size, word in _SCALES:
        if abs(x) >= size:
            v = x / size
            return f"{v:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _money_amount(v: MoneyValue, x: float | None) -> str:
    symbol = _CURRENCY.get(v.currency or "", f"{v.currency} " if v.currency else "")
    return f"{symbol}{number(x)}"


def _quantity(v, amount: str, low: str, high: str) -> str:
    if v.bound == "between":
        return f"between {low} and {high}"
    if v.bound == "at_most" and v.low is not None and v.high is not None and v.low != v.high:
        return f"nearly {amount}"
    return _BOUND.get(v.bound, "") + amount


def date(v: DateValue) -> str:
    if v.issue:
        return f"an impossible date ({v.issue})"
    parts = []
    if v.start and v.end:
        s, e = dt.date.fromisoformat(v.start), dt.date.fromisoformat(v.end)
        if s == e:
            text = f"{s.strftime('%A')} {s.isoformat()}"
        elif v.grain == "year" and s.month == 1 and e.month == 12:
            text = str(s.year)
        elif v.grain == "month" and s.day == 1 and (e + dt.timedelta(days=1)).day == 1 and s.month == e.month:
            text = s.strftime("%B %Y")
        else:
            text = f"{s.isoformat()} to {e.isoformat()}"
        parts.append(text)
        if v.part_of_day:
            parts.append(_PARTS.get(v.part_of_day, v.part_of_day))
        if v.time:
            parts.append(f"at {v.time}")
        if v.relative:
            parts.append(f"({v.relative.replace('_', ' ')})")
        return " ".join(parts)
    # not anchored: what the text itself states
    if v.weekday:
        parts.append(v.weekday.capitalize())
    if v.part_of_day:
        parts.append(_PARTS.get(v.part_of_day, v.part_of_day))
    if v.day and v.month:
        parts.append(dt.date(2000, v.month, v.day).strftime("%-d %B"))
    elif v.month:
        parts.append(dt.date(2000, v.month, 1).strftime("%B"))
    if v.days:
        lo, hi = v.days
        parts.append({(1, 10): "early in the month", (11, 20): "mid-month", (21, 31): "late in the month"}.get((lo, hi), f"days {lo}-{hi} of the month"))
    if v.year:
        parts.append(str(v.year))
    text = " ".join(parts) or "a date"
    if v.relative:
        text += f" ({v.relative.replace('_', ' ')}, publication date unknown)"
    elif not v.year and (v.month or v.weekday):
        text += " (no year or week stated)" if v.weekday else " (no year stated)"
    return text


def value(v: Value) -> str:
    """A value in plain words (values are frozen, so each is described once)."""
    try:
        return _value(v)
    except TypeError:  # an unhashable value (a mutable one built by hand)
        return _value.__wrapped__(v)


@lru_cache(maxsize=8192)
def _value(v: Value) -> str:
    if isinstance(v, DateValue):
        return date(v)
    if isinstance(v, MoneyValue):
        text = _quantity(v, _money_amount(v, v.amount), _money_amount(v, v.low), _money_amount(v, v.high))
        return text + ("" if v.currency else " (currency not stated)")
    if isinstance(v, CountValue):
        if v.whole is not None:
            return f"{number(v.value)} of {number(v.whole)}"
        return _quantity(v, number(v.value), number(v.low), number(v.high))
    if isinstance(v, PercentValue):
        return _quantity(v, f"{number(v.value)}%", f"{number(v.low)}%", f"{number(v.high)}%")
    if isinstance(v, DurationValue):
        unit = v.unit + ("" if v.value == 1 else "s")
        return _quantity(v, f"{number(v.value)} {unit}", f"{number(v.low)} {unit}", f"{number(v.high)} {unit}")
    if isinstance(v, QuoteValue):
        return f"“{v.quote}”"
    if isinstance(v, NumberValue) and v.bound is not None:  # 几百万: between 2 and 9 million
        return _quantity(v, number(v.value), number(v.low), number(v.high))
    return str(getattr(v, "value", v))


# ----------------------------------------------------------------------------- clocks
def date_moment(v) -> str:
    """"Monday evening", "Tuesday morning", "Monday": a day as a clock reading."""
    from verifier.normalize.values import WEEKDAYS

    day = v.weekday
    if day is None and v.start and v.start == v.end:
        import datetime as _dt

        day = WEEKDAYS[_dt.date.fromisoformat(v.start).weekday()]
    words = (day or "the day").capitalize()
    if v.part_of_day:
        words += " " + v.part_of_day.replace("_", " ")
    return words


def zone_place(zone: str | None, prefix: str = "", other: bool = False) -> str:
    """The city a time zone is named for in the places data ("San Francisco"), or words for an
    unknown clock."""
    if not zone or zone in ("local", "zh"):
        return f"{prefix}another time zone" if other else f"{prefix}one time zone"
    from verifier.text.dateline import zone_city

    return f"{prefix}{zone_city(zone)}"
