"""Normalized values: what a number, an amount, a date... in the text means.

A value is the payload of a claim (`claim.value`) and, with its `text` and `span`, one item of
`verifier normalize` output. Quantities carry a `bound` and the `low`/`high` range a comparison
uses; `None` for `low` or `high` means unbounded on that side. Numbers are `int` when they are
whole (so 9,007,199,254,740,993 stays exact), `float` otherwise.

Output offsets: a date's `start`/`end` are its calendar bounds, so in `verifier normalize`
output every value carries its character offsets as `"span": [start, end]` (`Found.as_output`),
with `text == input[span[0]:span[1]]`.

The normalizer builds its values and `Found`s with `made`, without validation (validating the
fields it computed itself was about a twentieth of the cost of reading a short text); anything
else builds them validated. `CHECK_MADE` (set in the normalizer's tests) validates every made value
too and fails unless both are the same in every field, type and order.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field

Bound = Literal["exact", "approx", "at_least", "more_than", "at_most", "less_than", "nearly", "between"]
Grain = Literal["year", "half_year", "quarter", "month", "week", "day", "part_of_day", "hour", "minute"]
DurationUnit = Literal["second", "minute", "hour", "day", "week", "month", "year"]

Num = Union[int, float]  # whole numbers stay exact ints; pydantic's smart union keeps the type

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

CHECK_MADE = False  # validate what `made` builds as well, and compare (the normalizer's tests set it)

M = TypeVar("M", bound=BaseModel)
_new, _set = object.__new__, object.__setattr__


class _Defaults(dict):
    """A model -> each of its fields with its default, in the declared order."""

    def __missing__(self, cls: type[BaseModel]) -> dict[str, Any]:
        defaults = self[cls] = {name: f.default for name, f in cls.model_fields.items()}
        return defaults


_DEFAULTS = _Defaults()


def made(cls: type[M], **fields: Any) -> M:
    """`cls(**fields)` without validation, for fields the normalizer computed itself, which must
    have the declared types already (a tuple where a tuple is declared, a float for a float...)
    and include the required ones: the same instance in every respect (field values and order,
    fields set, frozen). Nothing is checked here; `CHECK_MADE` checks all in the tests."""
    value = _new(cls)
    _set(value, "__dict__", {**_DEFAULTS[cls], **fields})
    _set(value, "__pydantic_fields_set__", set(fields))
    _set(value, "__pydantic_extra__", None)
    _set(value, "__pydantic_private__", None)
    if CHECK_MADE:
        _same(value, cls(**fields))
    return value


def _same(value: BaseModel, validated: BaseModel) -> None:
    if _typed(value) != _typed(validated) or value.model_fields_set != validated.model_fields_set:
        raise AssertionError(f"made {value!r} differs from validated {validated!r}")


def _typed(x: Any):
    """`x` with the type of every part, to compare exactly (1 is not 1.0, a list not a tuple)."""
    if isinstance(x, BaseModel):
        return type(x), [(k, _typed(v)) for k, v in x.__dict__.items()]
    if isinstance(x, (tuple, list)):
        return type(x), [_typed(v) for v in x]
    return type(x), x


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Quantity(_Value):
    bound: Bound = "exact"
    low: Num | None = None
    high: Num | None = None


class NumberValue(_Value):
    """A number. Without a `bound` it is exact as written (三百万); a vague numeral (几百万,
    二十几) is `between` `low` and `high`, its `value` the midpoint, as a vague count is."""

    kind: Literal["number"] = "number"
    value: Num
    bound: Bound | None = Field(default=None, description="None: exact as written")
    low: Num | None = None
    high: Num | None = None


class OrdinalValue(_Value):
    kind: Literal["ordinal"] = "ordinal"
    value: int


class CountValue(Quantity):
    kind: Literal["count"] = "count"
    value: Num
    unit: str = Field(description="classifier or counted noun as written (位, 名, employees)")
    noun: str | None = Field(default=None, description="the counted noun, folded, when stated")
    whole: Num | None = Field(default=None, description="the whole this count is a part of")


class PercentValue(Quantity):
    kind: Literal["percent"] = "percent"
    value: Num
    points: bool | None = Field(default=None, description="percentage points (个百分点, basis points / 100)")


class MoneyValue(Quantity):
    kind: Literal["money"] = "money"
    amount: Num | None = None
    currency: str | None = Field(default=None, description="ISO 4217 code, None where not named")


class DurationValue(Quantity):
    kind: Literal["duration"] = "duration"
    value: Num
    unit: DurationUnit


class DateValue(_Value):
    kind: Literal["date"] = "date"
    start: str | None = Field(default=None, description="first day, ISO; None if not anchored")
    end: str | None = Field(default=None, description="last day, ISO, inclusive")
    grain: Grain
    weekday: str | None = Field(default=None, description="weekday the text states")
    part_of_day: str | None = None
    time: str | None = Field(default=None, description="HH:MM where the text gives a clock time")
    anchored: bool = Field(default=False, description="resolved against the base date")
    relative: str | None = Field(default=None, description="relative expression, e.g. this_week")
    year: int | None = None
    month: int | None = None
    day: int | None = None
    days: tuple[int, int] | None = Field(default=None, description="day-of-month range, e.g. 月初")
    months: tuple[int, int] | None = Field(default=None, description="month range, e.g. 年底")
    issue: str | None = Field(default=None, description="why the date is impossible or incoherent")
    holiday: str | None = Field(default=None, description="the holiday named, e.g. 国庆节, Christmas")
    lunar: str | None = Field(default=None, description="the Chinese lunar date stated, MM-DD (leap-MM-DD)")
    range: bool | None = Field(default=None, description="a range of dates (3月5日至11日): start to end")


class QuoteValue(_Value):
    kind: Literal["quote"] = "quote"
    quote: str


class RoleValue(_Value):
    kind: Literal["role"] = "role"
    title: str
    organization: str | None = None


Value = Annotated[
    Union[
        NumberValue, OrdinalValue, CountValue, PercentValue, MoneyValue, DurationValue,
        DateValue, QuoteValue, RoleValue,
    ],
    Field(discriminator="kind"),
]

QUANTITY_KINDS = ("count", "percent", "money", "duration")
KINDS = ("number", "ordinal", "count", "percent", "money", "duration", "date")


class Found(BaseModel):
    """A value found in a text, with the span it was read from."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int
    end: int
    value: Value
    score: float = 1.0
    pattern: str = ""

    def as_output(self) -> dict:
        """The `verifier normalize` form: the value's fields, its text and its span."""
        out = {"kind": self.value.kind, "text": self.text, "span": [self.start, self.end]}
        out.update(self.value.model_dump(exclude={"kind"}, exclude_none=True, mode="json"))
        return out
