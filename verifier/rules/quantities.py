"""Rules on quantities: amounts of money, counts, percentages and durations."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from verifier.claims.model import Claim
from verifier.normalize.quantities import seconds
from verifier.rules.base import Relation, rule

REL_TOLERANCE = 1e-6


APPROX_SHARE = 0.1  # "about X" is at most 10% either side,
APPROX_FLOOR = 0.05  # at least 5% ...


def _interval(v, scale: float = 1.0) -> tuple[float, float]:
    amount = getattr(v, "amount", None) if v.kind == "money" else getattr(v, "value", None)
    return _bounds(v.bound, amount, v.low, v.high, scale)


@lru_cache(maxsize=4096)
def _bounds(bound: str, amount, low, high, scale: float) -> tuple[float, float]:
    if bound == "approx":
        if amount and not (high is not None and high == amount and low is not None and low < amount):
            width = min(max(_last_digit_unit(amount), APPROX_FLOOR * abs(amount)), APPROX_SHARE * abs(amount))
            return (amount - width) * scale, (amount + width) * scale
        # "nearly 80" (近80): up to 80 and 10% below, as the normalizer reads it
    return (-math.inf if low is None else low * scale), (math.inf if high is None else high * scale)


def _last_digit_unit(x: float) -> float:
    """... or one unit of its last written digit where that is more: "about HK$1.56 billion" is
    1.48-1.64 billion (so 1.65 billion is another figure), "about 2,300" 2,185-2,415, "about
    50 billion" 45-55 billion."""
    x = abs(x)
    u = 1.0  # the largest power of ten that divides the number: 1.56e9 -> 1e7
    if x != round(x):
        return 0.1
    while u * 10 <= x and round(x / (u * 10)) * (u * 10) == x:
        u *= 10
    return u


MIN_ROUNDED_DIGITS = 2  # "38,000" may be 38,120 rounded; "40,000" is too coarse to say so


def _rounded(x: float, y: float) -> bool:
    """Whether one of two figures is the other rounded at its own last written digit, with two
    significant digits or more: 3.8万 and 38,120, "$1.2 billion" and "$1.23 billion", 45% and 45.3%."""
    for coarse, fine in ((x, y), (y, x)):
        if not (math.isfinite(coarse) and math.isfinite(fine)) or coarse == 0:
            continue
        unit = _last_digit_unit(coarse)
        if _last_digit_unit(fine) >= unit or math.log10(abs(coarse) / unit) + 1 < MIN_ROUNDED_DIGITS:
            continue
        if abs(fine - coarse) <= unit / 2 * (1 + REL_TOLERANCE):
            return True
    return False


def _relate_kind(a: Claim, b: Claim, kind: str, scale_a: float = 1.0, scale_b: float = 1.0) -> Relation | None:
    """Two quantities of one kind compared as the ranges their bounds allow."""
    if a.value.kind != kind or b.value.kind != kind:
        return None
    rel = relate_intervals(_interval(a.value, scale_a), _interval(b.value, scale_b))
    if rel.verdict == "contradict":
        if a.value.bound == b.value.bound == "exact" and kind != "duration" and \
                _rounded(_interval(a.value)[0], _interval(b.value)[0]):
            return Relation("compatible", f"{_with_range(a.value)} and {_with_range(b.value)} differ only as "
                            "much as rounding explains", "neither", "rounding")
        if a.value.bound == b.value.bound == "exact":
            return Relation("contradict", f"{_with_range(a.value)} is not {_with_range(b.value)}", "neither")
        return Relation("contradict", f"{_with_range(a.value)} and {_with_range(b.value)} do not overlap", "neither")
    return rel


def _with_range(v) -> str:
    from verifier.describe import number, value

    text = value(v)
    if v.bound in ("approx", "between") or (v.bound == "at_most" and v.low is not None):
        low, high = _interval(v)
        return f"{text} ({number(low)}–{number(high)})" if v.bound != "between" else text
    return text


def relate_intervals(a: tuple[float, float], b: tuple[float, float]) -> Relation:
    (a0, a1), (b0, b1) = a, b
    tol = REL_TOLERANCE * max(1.0, *(abs(x) for x in (a0, a1, b0, b1) if math.isfinite(x)))
    if a1 < b0 - tol or b1 < a0 - tol:
        return Relation("contradict", "the two ranges do not overlap", "neither")
    if _same_end(a0, b0, tol) and _same_end(a1, b1, tol):
        return Relation("agree", "", "same")
    if a0 >= b0 - tol and a1 <= b1 + tol:
        return Relation("compatible", "", "a")
    if b0 >= a0 - tol and b1 <= a1 + tol:
        return Relation("compatible", "", "b")
    return Relation("compatible", "the ranges overlap", "neither")


def _same_end(x: float, y: float, tol: float) -> bool:
    """Two ends of ranges are one: open ends (more than X: up to infinity) are equal too, which
    their difference (nan) would not say."""
    return x == y or abs(x - y) <= tol


@rule(
    "M101", "amount-conflict",
    "Two sources give amounts of money for the same thing that cannot both be right.",
    ("money",),
)
def amount(a: Claim, b: Claim) -> Relation | None:
    """What it checks: the amount each source gives for the same subject and predicate
    (OpenAI's valuation, the investment OpenAI received). Qualifiers are bounds: 約/about is
    5% either side, or one unit of the figure's last written digit, never more than 10% ("about
    HK$1.56 billion" is 1.48-1.64 billion); 超過/more than is a lower bound; 高達/as much as an
    upper one; 近/nearly is up to the figure and 10% below it. A figure that is the other rounded
    at its own last written digit, with two significant digits or more ($1.2 billion and $1.23
    billion), is compatible (reason `rounding`).

    Verdicts: agree (the same amount), compatible (the ranges overlap: one is vaguer),
    contradict (they do not overlap). Amounts in two different named currencies are not
    compared (no exchange rates offline); an amount whose currency is not named is compared
    and the message says so, except with a conversion the source gives in parentheses
    ("T$12 million ($370,000)": the amount it converts is the one compared), or an amount in 亿
    with no unit whose article's bare 元 is another currency than the other's (票房12.6亿 in a
    mainland article is likely yuan: not compared with US$182 million); a conversion within
    5% of another figure is compatible (exchange rates of different days).

    Why: amounts are copied, converted and rounded from source to source; a wrong scale
    (萬 vs 億) or a dropped qualifier changes the claim.

    Example: 估值超過1,500億美元 vs a 1500億美元 valuation: compatible.
    約130億美元 vs 100億: contradict.
    """
    va, vb = a.value, b.value
    if va.kind == "money" and vb.kind == "money" and va.currency and vb.currency and va.currency != vb.currency:
        return None
    if (va.currency is None and _converted(b)) or (vb.currency is None and _converted(a)):
        return None  # "T$12 million ($370,000)" and 1200萬元: the conversion restates T$12 million
    if _likely_other(a, vb) or _likely_other(b, va):
        return None  # 票房12.6亿 in a mainland article (likely yuan) and US$182 million
    rel = _relate_kind(a, b, "money")
    if rel is not None and rel.verdict == "contradict" and (_converted(a) or _converted(b)) and _near(va, vb):
        # "215.4 billion won ($158 million)" and 2154亿韩元（约1.56亿美元）: two exchange rates
        return Relation("compatible", f"{rel.reason}, but a conversion at another day's exchange rate explains "
                        "that much", "neither", "rounding")
    return rel


CONVERSION_SPREAD = 0.05  # how far apart two conversions of one amount may fall (exchange rates differ)


def _near(va, vb) -> bool:
    a, b = _interval(va), _interval(vb)
    mid_a, mid_b = (a[0] + a[1]) / 2, (b[0] + b[1]) / 2
    return all(math.isfinite(x) for x in (mid_a, mid_b)) and abs(mid_a - mid_b) <= CONVERSION_SPREAD * max(abs(mid_a), abs(mid_b))


_LIKELY = re.compile(r"\+likely ([A-Z]{3})\b")


def _likely_other(c: Claim, other) -> bool:
    """Whether `c`, an amount with no currency written, is likely in another currency than the
    other amount's (the one a bare 元 of its article is: claims.extract._local_currency)."""
    likely = _LIKELY.search(c.why.get("value", "")) if c.value.currency is None else None
    return likely is not None and other.kind == "money" and other.currency is not None and other.currency != likely.group(1)


def _converted(c: Claim) -> bool:
    """An amount the source gives in parentheses as another's conversion ("T$12 million ($370,000)")."""
    return "+conversion" in c.why.get("value", "")


@rule(
    "N101", "count-conflict",
    "Two sources count the same group differently.",
    ("count",),
)
def count(a: Claim, b: Claim) -> Relation | None:
    """What it checks: how many members a group has, or how many of them remain, for the same
    subject (OpenAI's co-founders: 11; co-founders remaining: 3 of 11). A part is never
    compared with its whole: "3 of 11 remain" is a claim about the remaining co-founders.

    Verdicts: agree, compatible (a vague count such as 近75名 or 十几 includes the other),
    contradict.

    Why: counts of founders, employees or departures are easy to misread across languages
    (五位 vs 5) and easy to let go stale.

    Example: 11位联合创始人中仅剩3位 vs "three of the eleven co-founders remain": agree.
    """
    return _relate_kind(a, b, "count")


@rule(
    "P101", "percentage-conflict",
    "Two sources give different percentages for the same thing.",
    ("percent",),
)
def percentage(a: Claim, b: Claim) -> Relation | None:
    """What it checks: a percentage each source gives for the same subject and predicate
    (the stake Microsoft holds). 約49% is 44.1–53.9%.

    Why: shares and stakes are quoted from memory and drift from article to article.

    Example: 約49%的股份 vs "a 49 percent stake": compatible.
    """
    return _relate_kind(a, b, "percent")


@rule(
    "T101", "duration-conflict",
    "Two sources give different lengths of time for the same thing.",
    ("duration",),
)
def duration(a: Claim, b: Claim) -> Relation | None:
    """What it checks: how long something lasted, in any unit (72 小時 and three days agree).
    Months count as 30 days and years as 365 for the comparison.

    Why: durations are converted between units and rounded.

    Example: 不到48小時 vs "three days": contradict.
    """
    if a.value.kind != "duration" or b.value.kind != "duration":
        return None
    return _relate_kind(a, b, "duration", seconds(1, a.value.unit), seconds(1, b.value.unit))
