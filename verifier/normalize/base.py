"""The recognizer framework: one recognizer = named, scored patterns plus a build hook.

A pattern's `build(match, ctx)` returns the value the match means, or None to invalidate it.
Recognizers run on folded text; the engine resolves overlaps (longest span, then score).

Speed: Python's regex engine tries a pattern at every position of the text, and a pattern
that opens with optional qualifiers or currency words is slow to reject. `Recognizer.add`
therefore reads from the pattern's text (`prefilter.py`) the set of characters a match can
start with and prefixes the pattern with a lookahead on that set (`gated`), which rejects most
positions at once without changing what matches.

A build that raises is a bug; it is skipped (the text is still analysed) unless `STRICT` is
set, as the tests do, so that one odd sentence never stops a report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Literal

from verifier.normalize.prefilter import analyze as analyze_regex, reading
from verifier.normalize.values import Bound, Value

Prefer = Literal["past", "future"]

STRICT = False  # raise from a failing build instead of skipping the match (tests set it)


@dataclass(slots=True)
class Context:
    """What a recognizer may need beyond the text: the base date and settings."""

    text: str
    folded: str
    base: dt.datetime | None = None
    prefer: Prefer = "past"
    approx_tolerance: float = 0.1
    kinds: frozenset[str] | None = None  # only these kinds are wanted (None: all)
    # the characters of `folded`, for `Recognizer.wanted` to skip patterns (the engine selects
    # the patterns itself and leaves it None)
    chars: frozenset[str] | None = None


@dataclass(slots=True)
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
    compile: Callable[[], re.Pattern[str]]  # the regex, compiled when first needed
    score: float
    # returns the value, or (value, score) to override the pattern's score, or None to reject
    build: Callable[[re.Match[str], Context], "Value | tuple[Value, float] | None"]
    first: frozenset[str] | None = None  # the characters a match can start with (None: any)
    necessary: frozenset[str] | None = None  # every match holds one of these (None: unknown)
    when: Callable[[Context], bool] | None = None  # run only on the texts and settings it accepts
    # every match holds one of these strings (None: unknown); in lower case if the regex ignores case
    strings: frozenset[str] | None = None

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled regex. Compiling is most of the cost of building the recognizers, and a
        short text needs few patterns, so each is compiled the first time a text may match it."""
        return self.compile()


@dataclass
class Recognizer:
    """A named set of patterns for one kind of value in one language."""

    name: str
    kind: str
    language: str
    patterns: list[Pattern] = field(default_factory=list)

    def add(self, name: str, regex: str, score: float, build, flags: int = 0, when=None) -> None:
        flags = int(flags)
        first, gate, necessary, strings = reading(regex, flags)  # (remembered between runs: prefilter.py)
        self.patterns.append(Pattern(name, _compiler(regex, gate, flags), score, build, first, necessary, when,
                                     strings))

    def wanted(self, ctx: Context) -> list[Pattern]:
        """The patterns that can match in this text: one whose first characters all are absent
        from it is skipped without being run (most are, in a short text)."""
        chars = ctx.chars
        if chars is None:
            return self.patterns
        return [p for p in self.patterns if (p.first is None or not p.first.isdisjoint(chars))
                and (p.necessary is None or not p.necessary.isdisjoint(chars))]

    def analyze(self, ctx: Context, patterns: list[Pattern] | None = None) -> list[Candidate]:
        """The candidates of `patterns` (default: those that can match in the text)."""
        found: list[Candidate] = []
        folded = ctx.folded
        for pattern in self.wanted(ctx) if patterns is None else patterns:
            if pattern.when is not None and not pattern.when(ctx):
                continue
            for m in pattern.regex.finditer(folded):
                start, end = _trim(folded, m.start(), m.end())
                if end <= start:
                    continue
                built = safe_build(pattern, m, ctx)
                if built is None:
                    continue
                value, score = built if isinstance(built, tuple) else (built, pattern.score)
                found.append(Candidate(start, end, value, score, f"{self.name}.{pattern.name}"))
        return found


def alone(kind: str) -> Callable[[Context], bool]:
    """A `when` for readings made only when `kind` is asked for without numbers (五百万 as money,
    as Duckling reads a bare amount when parsing money alone)."""
    def when(ctx: Context) -> bool:
        return ctx.kinds is not None and kind in ctx.kinds and "number" not in ctx.kinds
    return when


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sig(x: float) -> float:
    """x to 15 significant digits: 3.8e11 × 1.1 is 418000000000, not 418000000000.00006."""
    return float(f"{x:.15g}")


def bounds(value: float, bound: str, tolerance: float) -> tuple[Bound, float | None, float | None]:
    """The (bound, low, high) of a quantity given the kind of qualifier the text used.

    approx: value ± tolerance (relative); nearly (近, almost): at_most, from value − tolerance
    up to value; at_least / more_than: no high; at_most / less_than: no low. Always
    low <= value <= high."""
    if bound == "approx":
        a, b = _sig(value * (1 - tolerance)), _sig(value * (1 + tolerance))
        return "approx", min(a, b, value), max(a, b, value)
    if bound in ("at_least", "more_than"):
        return bound, value, None  # type: ignore[return-value]
    if bound in ("at_most", "less_than"):
        return bound, None, value  # type: ignore[return-value]
    if bound == "nearly":  # approximate, and not above: "nearly 80", 近80
        return "approx", min(value, _sig(value * (1 - tolerance)), _sig(value * (1 + tolerance))), value
    return "exact", value, value


def safe_build(pattern: Pattern, m: re.Match[str], ctx: Context):
    """`pattern.build(m, ctx)`; a build that raises is skipped unless STRICT."""
    try:
        return pattern.build(m, ctx)
    except Exception:
        if STRICT:
            raise
        return None


# --------------------------------------------------------------------------- first-character gate
def gated(regex: str, flags: int = 0) -> str:
    """`regex` with a lookahead on the characters its matches can start with, when they form a
    set; the matches are the same, found faster."""
    gate = analyze_regex(regex, int(flags))[1]
    return regex if gate is None else f"{gate}(?:{regex})"


def compile_gated(regex: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(gated(regex, flags), flags)`."""
    return prepare(regex, flags)[0]()


def prepare(regex: str, flags: int = 0):
    """(a function compiling the gated pattern, the set of characters its matches can start
    with, a set of which every match holds one); the sets are None when unknown. The sets are
    read from the pattern's text (`prefilter.py`); compiling waits until a text needs the
    pattern (the tests compile every one)."""
    flags = int(flags)  # the compiler tests flags often; plain ints are much faster than RegexFlag
    first, gate, necessary = analyze_regex(regex, flags)
    return _compiler(regex, gate, flags), first, necessary


def _compiler(regex: str, gate: str | None, flags: int) -> Callable[[], re.Pattern[str]]:
    source = regex if gate is None else f"{gate}(?:{regex})"
    return lambda: re.compile(source, flags)
