"""The normalization engine: runs the recognizers of the wanted languages and kinds over a
text and keeps the best non-overlapping values (longest span first, then score).

`analyze(text, base=..., prefer=..., language=..., kinds=..., min_score=...)` is the one entry
point, used by `verifier normalize` and by the claim pipeline (which passes min_score=0.5, so
low-confidence readings such as 五分 as money are left out). `kinds` restricts the recognizers
run, as Duckling's corpus tests restrict parsing to one dimension (`verifier normalize --kind`).
Offsets are into the text as given: the text is folded (Traditional to Simplified, full-width
to ASCII) character for character before matching.

Only the patterns that can match in a text are run: each pattern knows the characters its
matches can start with and a set of which every match holds one (read from the regex's text,
see `prefilter.py`), and `_Index` maps characters to patterns. Many patterns also know a few
strings of which every match holds one (ago; day, days, week...; 上半年, 下半年): one regex
of all of them tells which a text holds. In a short text most patterns are skipped; the values
found are the same (FILTER_PATTERNS = False runs them all).

A value read wholly inside a word that merely contains numerals (万一, 统一, 千万不要: the
`not_numbers` list of the Chinese data) is dropped before overlaps are resolved.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache, reduce
from operator import or_
from typing import Iterable, Literal

from verifier.lang import alternation, gated_alternation, lang
from verifier.text.fold import fold_values
from verifier.normalize import base as recognizer_base, values as value_models
from verifier.normalize.base import Candidate, Context, Prefer, Recognizer
from verifier.normalize.values import KINDS, Found, made
from verifier.tables import table

Lang = Literal["auto", "zh", "en"]
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@table("prepare")  # a dateline's date is read with them
def recognizers() -> tuple[Recognizer, ...]:
    """Every recognizer, built once from the language data."""
    from verifier.normalize.dates import en_date_recognizer, zh_date_recognizer
    from verifier.normalize.prefilter import remembered
    from verifier.normalize.quantities import (
        count_recognizers, duration_recognizers, money_recognizers, number_recognizers,
        percent_recognizers,
    )

    with remembered():  # what the patterns' regexes tell, read in an earlier run (prefilter.py)
        return (
            *number_recognizers(),
            *percent_recognizers(),
            *money_recognizers(),
            *count_recognizers(lang("zh")["count"]["nouns"]),
            *duration_recognizers(),
            zh_date_recognizer(),
            en_date_recognizer(),
        )


def compile_all() -> None:
    """Compile every recognizer's patterns and the regexes that select them, as they are
    otherwise compiled when a text first needs them: a process about to fork workers does it
    once, and they inherit them."""
    for recognizer in recognizers():
        for pattern in recognizer.patterns:
            pattern.regex
    _strings_regex()
    _not_numbers()


@table("extract")
def _not_numbers():
    """The regex of the words that merely contain numerals, and a set of characters of which
    each such word holds one (None: unknown), to skip the regex on most texts."""
    from verifier.normalize.base import compile_gated
    from verifier.normalize.prefilter import analyze as analyze_regex

    words = lang("zh")["numerals"].get("not_numbers", [])
    if not words:
        return None, None
    regex = alternation(words)
    return compile_gated(regex), analyze_regex(regex)[2]


def _inside_words(candidates: list[Candidate], folded: str) -> list[Candidate]:
    """Drop the candidates lying wholly inside a word that is not a number. The words found do
    not overlap, so the one that may hold a candidate is the last starting at or before it."""
    regex, needed = _not_numbers()
    if regex is None or not candidates or (needed is not None and needed.isdisjoint(folded)):
        return candidates
    words = [m.span() for m in regex.finditer(folded)]
    if not words:
        return candidates
    starts = [s for s, _ in words]
    kept = []
    for c in candidates:
        i = bisect_right(starts, c.start) - 1
        if i < 0 or words[i][1] < c.end:
            kept.append(c)
    return kept


def select(language: Lang = "auto", kinds: Iterable[str] | None = None) -> list[Recognizer]:
    """The recognizers of a language ("auto": all) and of the wanted kinds (None: all)."""
    return list(_select(language, frozenset(kinds) if kinds else None))


@lru_cache(maxsize=64)
def _select(language: str, kinds: frozenset[str] | None) -> tuple[Recognizer, ...]:
    wanted = set(kinds) if kinds else set(KINDS)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kind(s): {', '.join(sorted(unknown))}; known: {', '.join(KINDS)}")
    return tuple(
        r for r in recognizers()
        if r.kind in wanted and (language == "auto" or r.language == language)
    )


def resolve_overlaps(candidates: list[Candidate], prefer_language: str = "zh") -> list[Candidate]:
    """Keep the longest candidates first, never overlapping. Ties: higher score, then the
    recognizer of `prefer_language` (¥ is yuan in Chinese text, yen in English), then the
    earlier start."""
    if len(candidates) < 2:
        return list(candidates)
    chosen: list[Candidate] = []
    free = bytearray(b"\x01") * (max((c.end for c in candidates), default=0) + 1)
    prefix = prefer_language + "_"

    def key(c: Candidate):
        return (-(c.end - c.start), -c.score, not c.pattern.startswith(prefix), c.start, c.pattern)

    for c in sorted(candidates, key=key):
        if free.find(0, c.start, c.end) != -1:
            continue
        chosen.append(c)
        free[c.start:c.end] = bytes(c.end - c.start)
    chosen.sort(key=lambda c: (c.start, c.end))
    return chosen


class _Index:
    """The patterns of a selection of recognizers by the characters their matches can start
    with, so that a text runs only the patterns that can match in it. Patterns are bits of an
    int mask, in the recognizers' and patterns' order; a character maps to one int holding both
    the patterns that may start with it (the low `width` bits) and those needing it or another
    (the bits above), so that each character of a text costs one lookup."""

    MAX_GROUPINGS = 4096  # masks whose grouping is kept; the cache starts over beyond

    def __init__(self, selected: tuple[Recognizer, ...]) -> None:
        self.slots: list[tuple[int, Recognizer, object]] = []
        for r, rec in enumerate(selected):
            self.slots.extend((r, rec, pattern) for pattern in rec.patterns)
        self.width = width = len(self.slots)
        self.all = (1 << width) - 1
        self.always = 0  # patterns that may start with any character | those needing none
        self.by_char: dict[str, int] = {}  # character -> the patterns it lets start | it holds
        for i, (_r, _rec, pattern) in enumerate(self.slots):
            starts, held = 1 << i, 1 << (width + i)
            if pattern.first is None:
                self.always |= starts
            else:
                for ch in pattern.first:
                    self.by_char[ch] = self.by_char.get(ch, 0) | starts
            if pattern.necessary is None:
                self.always |= held
            else:
                for ch in pattern.necessary:
                    self.by_char[ch] = self.by_char.get(ch, 0) | held
        self.keys = frozenset(self.by_char)  # characters that matter
        # patterns run only on some settings (五百万 as money when money alone is asked for)
        self.conditional = [(1 << i, pattern.when) for i, (_r, _rec, pattern) in enumerate(self.slots)
                            if pattern.when is not None]
        # patterns whose every match holds one of a few strings: one regex finds which of the
        # strings a text holds (one at each position, case ignored: a superset of what the
        # patterns need), and each string found keeps the patterns needing it, a part of it or a
        # longer string starting with it
        needing: dict[str, int] = {}
        for i, (_r, _rec, pattern) in enumerate(self.slots):
            for s in pattern.strings or ():
                needing[s.lower()] = needing.get(s.lower(), 0) | (1 << i)
        self.needing = needing
        self.any_strings = reduce(or_, needing.values(), 0)
        self.kept_by: dict[str, int] = {}  # a string found -> the patterns it keeps (filled as found)
        # the strings of every recognizer's patterns, one regex for every selection (compiled once)
        self.strings_re = _strings_regex()[0] if needing else None
        # a mask -> its patterns grouped by recognizer: few distinct masks occur
        self.groupings: dict[int, list[tuple[Recognizer, list]]] = {}

    @staticmethod
    @lru_cache(maxsize=64)
    def of(language: str, kinds: frozenset[str] | None) -> "_Index":
        return _Index(_select(language, kinds))

    def grouped(self, mask: int) -> list[tuple[Recognizer, list]]:
        """(recognizer, its patterns in `mask`), in the recognizers' and patterns' order."""
        groups = self.groupings.get(mask)
        if groups is not None:
            return groups
        groups, current, patterns, rest = [], None, [], mask
        while rest:
            low = rest & -rest
            _r, rec, pattern = self.slots[low.bit_length() - 1]
            rest ^= low
            if rec is not current:
                if current is not None:
                    groups.append((current, patterns))
                current, patterns = rec, []
            patterns.append(pattern)
        if current is not None:
            groups.append((current, patterns))
        if len(self.groupings) >= self.MAX_GROUPINGS:
            self.groupings.clear()
        self.groupings[mask] = groups
        return groups


FILTER_PATTERNS = True  # False runs every pattern on every text (the tests compare both)


def _patterns_for(index: _Index, folded: str, ctx: Context) -> list[tuple[Recognizer, list]]:
    """(recognizer, its patterns that can match in `folded`), in the recognizers' and patterns'
    order (the lists are shared: not to be changed)."""
    if not FILTER_PATTERNS:
        return index.grouped(index.all)
    both, by_char = index.always, index.by_char
    for ch in index.keys.intersection(folded):  # in C first: most characters of a text select nothing
        both |= by_char[ch]
    mask = both & (both >> index.width) & index.all
    for bit, when in index.conditional:
        if mask & bit and not when(ctx):
            mask ^= bit
    if mask & index.any_strings:
        mask = _holding_strings(index, mask, folded)
    return index.grouped(mask)


@table("extract")
def _strings_regex() -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """One regex finding which of the strings every recognizer's patterns need a text holds (one
    at each position, the longest there, case ignored), with the strings in lower case. A
    selection's _Index reads what it needs of them: a string it needs that a text holds is the
    string found at its position or the start of it."""
    strings = frozenset(s.lower() for r in recognizers() for p in r.patterns for s in p.strings or ())
    if not strings:
        return None, strings
    return re.compile(f"(?=({gated_alternation(strings)}))", re.IGNORECASE), strings


def _holding_strings(index: _Index, mask: int, folded: str) -> int:
    """`mask` without the patterns needing one of a few strings the text does not hold."""
    kept, kept_by = 0, index.kept_by
    for found in index.strings_re.findall(folded):
        bits = kept_by.get(found)
        if bits is None:
            s = found.lower()
            if s not in _strings_regex()[1]:
                return mask  # a case the lower case does not give back (İ, ſ): all run
            bits = kept_by[found] = reduce(or_, (b for t, b in index.needing.items() if t in s or t.startswith(s)), 0)
        kept |= bits
    return mask & (kept | ~index.any_strings)


def _has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _runs(text: str, folded: str | None, base, prefer: Prefer, language: Lang, kinds: Iterable[str] | None,
          approx_tolerance: float) -> tuple[Context, list[tuple[Recognizer, list]]]:
    """The context of a text and the (recognizer, patterns) that can match in it."""
    if isinstance(base, dt.date) and not isinstance(base, dt.datetime):
        base = dt.datetime.combine(base, dt.time())
    kind_set = frozenset(kinds) if kinds else None
    if folded is None:
        folded = text if text.isascii() else fold_values(text)  # folding leaves ASCII as it is
    ctx = Context(text, folded, base, prefer, approx_tolerance, kind_set)
    return ctx, _patterns_for(_Index.of(language, kind_set), folded, ctx)


def analyze(
    text: str,
    *,
    folded: str | None = None,
    base: dt.datetime | dt.date | None = None,
    prefer: Prefer = "past",
    language: Lang = "auto",
    kinds: Iterable[str] | None = None,
    min_score: float = 0.0,
    approx_tolerance: float = 0.1,
    offset: int = 0,
) -> list[Found]:
    """Every value found in `text`, with exact offsets into `text` (plus `offset`: where `text`
    starts in a longer text, as for a sentence of an article)."""
    kind_set = frozenset(kinds) if kinds else None  # (the order of the kinds changes nothing)
    read = _kept_analysis if _remembering() else _analysis
    return [made(Found, text=text[start:end], start=start + offset, end=end + offset, value=value, score=score,
                 pattern=pattern)
            for start, end, value, score, pattern in read(text, folded, base, prefer, language, kind_set, min_score,
                                                          approx_tolerance)]


def _analysis(text: str, folded: str | None, base, prefer: Prefer, language: Lang, kinds: frozenset[str] | None,
              min_score: float, approx_tolerance: float) -> tuple[tuple, ...]:
    """What `analyze` finds: (start, end, value, score, pattern) of each value."""
    ctx, runs = _runs(text, folded, base, prefer, language, kinds, approx_tolerance)
    folded = ctx.folded
    candidates = [c for rec, patterns in runs for c in rec.analyze(ctx, patterns) if c.score >= min_score]
    if not candidates:
        return ()
    candidates = _inside_words(candidates, folded)
    if len(candidates) > 1:  # (the language of the text breaks ties only)
        candidates = resolve_overlaps(candidates, "zh" if _has_cjk(folded) else "en")
    return tuple((c.start, c.end, c.value, c.score, c.pattern) for c in candidates)


# An archive repeats sentences (a story's copies on other sites, a newsroom's standard lines), and
# the claim extraction and its coverage (pipeline.unclaimed) read each sentence of each copy: the
# last readings are kept, and a repeated one is not read again (the same text with the same base,
# kinds and settings reads the same). Values are frozen: readings share them.
KEPT_READINGS = 4096  # texts, for analyze and for holds_value each
KEEP_READINGS = True  # False: every text is read afresh (the normalizer's bench measures reading)
_kept_analysis = lru_cache(maxsize=KEPT_READINGS)(_analysis)


def _remembering() -> bool:
    """Whether readings are kept: not while the normalizer's tests read every text afresh with
    their checks on (a build that raises raises, every value made is validated) or every
    pattern run."""
    return KEEP_READINGS and FILTER_PATTERNS and not recognizer_base.STRICT and not value_models.CHECK_MADE


@table("extract")
def _plain_patterns() -> dict[str, str]:
    """The kind of each pattern's recognizer, by the name its values carry ("en_money.amount"),
    for the patterns whose every match means the same on any settings (no `when`)."""
    return {f"{r.name}.{p.name}": r.kind for r in recognizers() for p in r.patterns if p.when is None}


def shows_value(found: Iterable[Found], *, kinds: Iterable[str], min_score: float = 0.0) -> bool:
    """Whether values `analyze` read in a text show that `holds_value(text, kinds=kinds,
    min_score=min_score)` is true, whatever base and kinds they were read with: one of them is
    a pattern's own match (not a range or a weekday joined from two), of a recognizer of those
    kinds, with that score. The base changes the date a match resolves to, not whether it is
    one. False says nothing: the text may still hold one."""
    plain, wanted = _plain_patterns(), set(kinds)
    return any(v.score >= min_score and plain.get(v.pattern) in wanted for v in found)


def holds_value(
    text: str,
    *,
    folded: str | None = None,
    base: dt.datetime | dt.date | None = None,
    prefer: Prefer = "past",
    language: Lang = "auto",
    kinds: Iterable[str] | None = None,
    min_score: float = 0.0,
    approx_tolerance: float = 0.1,
) -> bool:
    """Whether `analyze` with the same arguments finds any value, known sooner: the recognizers
    run one at a time, those of the kinds given first first (the likeliest), until one reads a
    value that is not inside a word (overlaps need not be resolved: of overlapping values one
    is always kept)."""
    kinds = tuple(kinds) if kinds else None
    read = _kept_holds if _remembering() else _holds
    return read(text, folded, base, prefer, language, kinds, min_score, approx_tolerance)


def _holds(text: str, folded: str | None, base, prefer: Prefer, language: Lang, kinds: tuple[str, ...] | None,
           min_score: float, approx_tolerance: float) -> bool:
    ctx, runs = _runs(text, folded, base, prefer, language, kinds, approx_tolerance)
    if kinds:
        order = {kind: i for i, kind in reversed(list(enumerate(kinds)))}
        runs = sorted(runs, key=lambda run: order[run[0].kind])
    for rec, patterns in runs:
        found = [c for c in rec.analyze(ctx, patterns) if c.score >= min_score]
        if found and _inside_words(found, ctx.folded):
            return True
    return False


_kept_holds = lru_cache(maxsize=KEPT_READINGS)(_holds)
