"""Tables: what a stage of the pipeline reads once per process (a data file parsed, patterns
compiled), each made when it is first asked for.

`@table("extract")` on a function of no arguments caches its result (as
`functools.lru_cache(maxsize=1)` would) and registers it with its stage. A process about to fork
the workers of a stage makes that stage's tables first (`load`, while the processes of the stage
before still work), so that the workers inherit them instead of each making its own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, TypeVar

T = TypeVar("T")

STAGES = ("prepare", "extract")  # preparing articles and learning their names; extracting claims
_BY_STAGE: dict[str, list[Callable[[], object]]] = {stage: [] for stage in STAGES}


def table(stage: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
    if stage not in _BY_STAGE:
        raise ValueError(f"unknown stage {stage!r}: one of {', '.join(STAGES)}")

    def register(make: Callable[[], T]) -> Callable[[], T]:
        cached = lru_cache(maxsize=1)(make)
        _BY_STAGE[stage].append(cached)
        return cached

    return register


def load(stage: str) -> None:
    """Make every table of `stage` that the modules imported so far register."""
    for make in _BY_STAGE[stage]:
        make()
