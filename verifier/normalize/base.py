"""The recognizer framework: one recognizer = named, scored patterns plus a build hook.

A pattern's `build(match, ctx)` returns the value the match means, or None to invalidate it.
Recognizers run on folded text; the engine resolves overlaps (longest span, then score).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Literal

from verifier.normalize.values import Bound, Value

Prefer = Literal["past", "future"]


@dataclass(frozen=True)
class Context:
    """What a recognizer may need beyond the text: the base date and settings."""

    text: str
    folded: str
    base: dt.datetime | None = None
    prefer: Prefer = "past"
    approx_tolerance: float = 0.1
    kinds: frozenset[str] | None = None  # only these kinds are wanted (None: all)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    value: Value
    score: float
    pattern: str
    detail: Any = None  # what a recognizer keeps for its own later passes


@dataclass
class Pattern:
    name: str
    regex: re.Pattern[str]
    score: float
    # returns the value, or (value, score) to override the pattern's score, or None to reject
    build: Callable[[re.Match[str], Context], "Value | tuple[Value, float] | None"]


@dataclass
class Recognizer:
    """A named set of patterns for one kind of value in one language."""

    name: str
    kind: str
    language: str
    patterns: list[Pattern] = field(default_factory=list)

    def add(self, name: str, regex: str, score: float, build, flags: int = 0) -> None:
        self.patterns.append(Pattern(name, re.compile(regex, flags), score, build))

    def analyze(self, ctx: Context) -> Iterator[Candidate]:
        for pattern in self.patterns:
            for m in pattern.regex.finditer(ctx.folded):
                start, end = _trim(ctx.folded, m.start(), m.end())
                if end <= start:
                    continue
                built = pattern.build(m, ctx)
                if built is None:
                    continue
                value, score = built if isinstance(built, tuple) else (built, pattern.score)
                yield Candidate(start, end, value, score, f"{self.name}.{pattern.name}")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def bounds(value: float, bound: str, tolerance: float) -> tuple[Bound, float | None, float | None]:
    """The (bound, low, high) of a quantity given the kind of qualifier the text used."""
    if bound == "approx":
        a, b = value * (1 - tolerance), value * (1 + tolerance)
        return "approx", min(a, b), max(a, b)
    if bound in ("at_least", "more_than"):
        return bound, value, None  # type: ignore[return-value]
    if bound in ("at_most", "less_than"):
        return bound, None, value  # type: ignore[return-value]
    if bound == "nearly":
        return "at_most", value * (1 - tolerance), value
    return "exact", value, value
