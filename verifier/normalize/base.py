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
from functools import cached_property, lru_cache
from typing import Any, Callable, Literal

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
    chars: frozenset[str] | None = None  # the characters of `folded`, to skip patterns fast


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

    def add(self, name: str, regex: str, score: float, build, flags: int = 0) -> None:
        compiler, first, necessary = prepare(regex, flags)
        self.patterns.append(Pattern(name, compiler, score, build, first, necessary))

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
_LARGE_RANGE = 512  # a wider range (a CJK block) is kept in the gate but not enumerated

# A first-character item: ("lit", code), ("range", (lo, hi)) or ("cat", category)
_Item = tuple[str, object]


def _first(items) -> tuple[list[_Item], bool]:
    """The first-character items a sequence of parsed regex items can start with, and whether
    the sequence can match the empty string."""
    out: list[_Item] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _sre.LITERAL:
            out.append(("lit", av))
            return out, False
        if op is _sre.IN:
            for iop, iav in av:
                if iop is _sre.LITERAL:
                    out.append(("lit", iav))
                elif iop is _sre.RANGE:
                    out.append(("range", iav))
                elif iop is _sre.CATEGORY and iav in _CATEGORIES:
                    out.append(("cat", iav))
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


def _first_items(tree) -> list[_Item] | None:
    try:
        items, nullable = _first(tree)
    except _Unbounded:
        return None
    return None if nullable or not items else items


def _gate(items: list[_Item]) -> str:
    parts = []
    for kind, v in items:
        if kind == "lit":
            parts.append(re.escape(chr(v)))  # type: ignore[arg-type]
        elif kind == "range":
            lo, hi = v  # type: ignore[misc]
            parts.append(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
        else:
            parts.append(_CATEGORIES[v])
    return f"(?=[{''.join(dict.fromkeys(parts))}])"


def _first_set(items: list[_Item] | None, flags: int) -> frozenset[str] | None:
    """Every character a match can start with, or None when that is not a small set."""
    if items is None:
        return None
    chars: set[str] = set()
    for kind, v in items:
        if kind == "lit":
            chars.add(chr(v))  # type: ignore[arg-type]
        elif kind == "range":
            lo, hi = v  # type: ignore[misc]
            if hi - lo > _LARGE_RANGE:
                return None
            chars.update(chr(c) for c in range(lo, hi + 1))
        else:
            return None
    if flags & re.IGNORECASE:
        chars |= {c.upper() for c in chars} | {c.lower() for c in chars}
    return frozenset(chars)


# characters so frequent in the text to be matched that a set holding them filters little
_COMMON = frozenset("0123456789〇零一二两三四五六七八九十百千万亿 ")


def _necessary(items, flags: int, rarest: bool = True) -> tuple[bool, frozenset[str] | None]:
    """Whether a sequence of parsed regex items can match empty, and a small set of characters
    of which every match holds at least one (None: none found).

    Each item that cannot match empty gives such a set: the rarest is kept (`rarest`), or the
    first (inside alternatives, where any will do). A text holding none of its characters is
    spared the pattern. One pass, bottom up."""
    nullable = True
    best: frozenset[str] | None = None
    best_cost = 0
    for op, av in items:
        empty, chars = _item_necessary(op, av, flags)
        if not empty:
            nullable = False
            if chars is not None:
                if not rarest:
                    return False, chars
                cost = len(chars) + 1000 * len(chars & _COMMON)
                if best is None or cost < best_cost:
                    best, best_cost = chars, cost
    return nullable, best


@lru_cache(maxsize=None)
def _literal_set(code: int, ignore_case: bool) -> frozenset[str]:
    ch = chr(code)
    return frozenset({ch, ch.upper(), ch.lower()}) if ignore_case else frozenset((ch,))


def _item_necessary(op, av, flags: int) -> tuple[bool, frozenset[str] | None]:
    if op is _sre.LITERAL:
        return False, _literal_set(av, bool(flags & re.IGNORECASE))
    if op is _sre.IN:
        try:
            items, _ = _first([(op, av)])
        except _Unbounded:
            return False, None
        return False, _first_set(items, flags)
    if op is _sre.NOT_LITERAL or op is _sre.ANY:
        return False, None
    if op is _sre.BRANCH:
        # a few alternatives (grammar): the rarest set of each; many (a word list): the first
        rarest = len(av[1]) <= 8
        results = [_necessary(alt, flags, rarest) for alt in av[1]]
        if any(empty for empty, _ in results):
            return True, None
        if any(chars is None for _, chars in results):
            return False, None
        return False, frozenset().union(*(chars for _, chars in results))  # type: ignore[misc]
    if op is _sre.SUBPATTERN:
        empty, chars = _necessary(av[3], flags)
        return empty, (None if av[1] or av[2] else chars)
    if op in _REPEATS:
        empty, chars = _necessary(av[2], flags)
        return (True, None) if av[0] == 0 else (empty, chars)
    if getattr(_sre, "ATOMIC_GROUP", None) is op:
        return _necessary(av, flags)
    return True, None  # zero-width items, group references: may be empty


def gated(regex: str, flags: int = 0) -> str:
    """`regex` with a lookahead on the characters its matches can start with, when they form a
    set; the matches are the same, found faster."""
    items = _first_items(_sre_parse.parse(regex, flags))
    return regex if items is None else f"{_gate(items)}(?:{regex})"


def compile_gated(regex: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(gated(regex, flags), flags)`, parsing the pattern once."""
    return prepare(regex, flags)[0]()


def prepare(regex: str, flags: int = 0):
    """(a function compiling the gated pattern, the set of characters its matches can start
    with, a set of which every match holds one); the sets are None when unknown. The pattern
    is parsed now (a syntax error shows at once) and compiled by the function, from the parse."""
    flags = int(flags)  # the compiler tests flags often; plain ints are much faster than RegexFlag
    try:
        tree = _sre_parse.parse(regex, flags)
        items = _first_items(tree)
        necessary = _necessary(tree, flags)[1]
        if items is not None:
            tree.data[0:0] = _sre_parse.parse(_gate(items), flags).data
        return (lambda: _sre_compiler.compile(tree, flags)), _first_set(items, flags), necessary
    except re.error:
        raise
    except Exception:  # the private parser API changed: compile the plain way
        return (lambda: re.compile(gated(regex, flags), flags)), None, None
