"""The recognizer framework: one recognizer = named, scored patterns plus a build hook.

A pattern's `build(match, ctx)` returns the value the match means, or None to invalidate it.
Recognizers run on folded text; the engine resolves overlaps (longest span, then score).

Speed: Python's regex engine tries a pattern at every position of the text, and a pattern
that opens with optional qualifiers or currency words is slow to reject. `Recognizer.add`
therefore computes the set of characters a match can start with and prefixes the pattern with
a lookahead on that set (`gated`), which rejects most positions at once without changing what
matches.

A build that raises is a bug; it is skipped (the text is still analysed) unless `STRICT` is
set, as the tests do, so that one odd sentence never stops a report.
"""

from __future__ import annotations

import datetime as dt
import re
import re._compiler as _sre_compiler
import re._constants as _sre
import re._parser as _sre_parse
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Literal

from verifier.normalize.values import Bound, Value

Prefer = Literal["past", "future"]

STRICT = False  # raise from a failing build instead of skipping the match (tests set it)


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
        self.patterns.append(Pattern(name, compile_gated(regex, flags), score, build))

    def analyze(self, ctx: Context) -> Iterator[Candidate]:
        for pattern in self.patterns:
            for m in pattern.regex.finditer(ctx.folded):
                start, end = _trim(ctx.folded, m.start(), m.end())
                if end <= start:
                    continue
                built = safe_build(pattern, m, ctx)
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
    if bound == "nearly":
        return "at_most", min(value, _sig(value * (1 - tolerance)), _sig(value * (1 + tolerance))), value
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
class _Unbounded(Exception):
    """The first character of a match cannot be described by a positive character set."""


_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}


def _first(items) -> tuple[list[str], bool]:
    """Character-class items a sequence of parsed regex items can start with, and whether the
    sequence can match the empty string."""
    out: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _sre.LITERAL:
            out.append(re.escape(chr(av)))
            return out, False
        if op is _sre.IN:
            for iop, iav in av:
                if iop is _sre.LITERAL:
                    out.append(re.escape(chr(iav)))
                elif iop is _sre.RANGE:
                    out.append(f"{re.escape(chr(iav[0]))}-{re.escape(chr(iav[1]))}")
                elif iop is _sre.CATEGORY and iav in _CATEGORIES:
                    out.append(_CATEGORIES[iav])
                else:
                    raise _Unbounded
            return out, False
        if op is _sre.BRANCH:
            nullable = False
            for alt in av[1]:
                chars, empty = _first(alt)
                out.extend(chars)
                nullable = nullable or empty
            if not nullable:
                return out, False
            continue
        if op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unbounded
            chars, empty = _first(sub)
            out.extend(chars)
            if not empty:
                return out, False
            continue
        if op in _REPEATS:
            low, _high, sub = av
            chars, empty = _first(sub)
            out.extend(chars)
            if low > 0 and not empty:
                return out, False
            continue
        if getattr(_sre, "ATOMIC_GROUP", None) is op:
            chars, empty = _first(av)
            out.extend(chars)
            if not empty:
                return out, False
            continue
        raise _Unbounded  # ANY, NOT_LITERAL, group references...
    return out, True


def _gate(tree) -> str | None:
    try:
        chars, nullable = _first(tree)
    except _Unbounded:
        return None
    if nullable or not chars:
        return None
    return f"(?=[{''.join(dict.fromkeys(chars))}])"


def gated(regex: str, flags: int = 0) -> str:
    """`regex` with a lookahead on the characters its matches can start with, when they form a
    set; the matches are the same, found faster."""
    gate = _gate(_sre_parse.parse(regex, flags))
    return regex if gate is None else f"{gate}(?:{regex})"


def compile_gated(regex: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(gated(regex, flags), flags)`, parsing the pattern once (compiling the large
    patterns is most of the time it takes to build the recognizers)."""
    flags = int(flags)  # the compiler tests flags often; plain ints are much faster than RegexFlag
    try:
        tree = _sre_parse.parse(regex, flags)
        gate = _gate(tree)
        if gate is None:
            return _sre_compiler.compile(tree, flags)
        tree.data[0:0] = _sre_parse.parse(gate, flags).data
        return _sre_compiler.compile(tree, flags)
    except re.error:
        raise
    except Exception:  # the private parser API changed: compile the plain way
        return re.compile(gated(regex, flags), flags)
