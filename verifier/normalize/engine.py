"""The normalization engine: runs the recognizers of the wanted languages and kinds over a
text and keeps the best non-overlapping values (longest span first, then score)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterable, Literal

from verifier.lang import lang
from verifier.normalize.base import Candidate, Context, Prefer, Recognizer
from verifier.normalize.values import KINDS, Found

Lang = Literal["auto", "zh", "en"]


@lru_cache(maxsize=1)
def recognizers() -> tuple[Recognizer, ...]:
    """Every recognizer, built once from the language data."""
    from verifier.normalize.dates import en_date_recognizer, zh_date_recognizer
    from verifier.normalize.quantities import (
        count_recognizers, duration_recognizers, money_recognizers, number_recognizers,
        percent_recognizers,
    )

    return (
        *number_recognizers(),
        *percent_recognizers(),
        *money_recognizers(),
        *count_recognizers(lang("zh")["count"]["nouns"]),
        *duration_recognizers(),
        zh_date_recognizer(),
        en_date_recognizer(),
    )


def select(language: Lang = "auto", kinds: Iterable[str] | None = None) -> list[Recognizer]:
    wanted = set(kinds) if kinds else set(KINDS)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kind(s): {', '.join(sorted(unknown))}; known: {', '.join(KINDS)}")
    return [
        r for r in recognizers()
        if r.kind in wanted and (language == "auto" or r.language == language)
    ]


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidates first (ties: higher score, earlier start), never overlapping."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.score, c.start, c.pattern)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    chosen.sort(key=lambda c: (c.start, c.end))
    return chosen


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
) -> list[Found]:
    """Every value found in `text`, with exact offsets into `text`."""
    from verifier.text.fold import fold

    if isinstance(base, dt.date) and not isinstance(base, dt.datetime):
        base = dt.datetime.combine(base, dt.time())
    kind_set = frozenset(kinds) if kinds else None
    ctx = Context(text, folded if folded is not None else fold(text), base, prefer, approx_tolerance, kind_set)
    candidates = [
        c for rec in select(language, kind_set) for c in rec.analyze(ctx) if c.score >= min_score
    ]
    return [
        Found(text=text[c.start:c.end], start=c.start, end=c.end, value=c.value, score=c.score, pattern=c.pattern)
        for c in resolve_overlaps(candidates)
    ]
