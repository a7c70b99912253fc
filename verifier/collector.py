"""Sparing the cyclic garbage collector the objects a run keeps.

A run makes many objects that live to its end: modules, compiled patterns, language data, the
corpus's articles, their claims. CPython's collector walks every one of them again at each full
collection, which cost about a tenth of a report's CPU. `kept()` sets them aside (gc.freeze):
what exists when it is entered and, nested, what each inner `kept()` made. The outermost one
puts them back when it exits. Objects set aside are still freed when nothing refers to them;
only reference cycles among them wait for the end of the run.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


_depth = 0  # kept() blocks entered and not left (gc.get_freeze_count walks every object set aside)
# Objects made before the young generation is collected, while a run works (Python's default is
# 700). Extracting an article makes tens of thousands that live for that article only; at 700 a
# collection came every few sentences and the older generations' every few articles, walking
# them again: 3% of a report's CPU, a third of it with this.
YOUNG = 10_000


@contextmanager
def kept() -> Iterator[None]:
    global _depth
    outermost = _depth == 0 and not gc.get_freeze_count()  # counted once: nothing set aside yet
    _depth += 1
    gc.freeze()
    if outermost:
        thresholds = gc.get_threshold()
        gc.set_threshold(max(YOUNG, thresholds[0]), *thresholds[1:])
    try:
        yield
    finally:
        _depth -= 1
        if outermost:
            gc.unfreeze()
            gc.set_threshold(*thresholds)
        else:
            gc.freeze()


@contextmanager
def paused() -> Iterator[None]:
    """No collection at all while a corpus is restored from the cache: what is made then (parsed
    JSON, claims, findings) holds no reference cycles, so reference counting frees what is
    dropped, and the collector would only walk the rest again and again (a quarter of a warm
    re-run's CPU at 5,000 articles). What was made is then set aside, as `kept()` does."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        with kept():
            yield
    finally:
        if enabled:
            gc.enable()
