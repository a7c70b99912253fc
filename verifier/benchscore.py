"""Scoring the normalizers against an outside corpus of surface forms and gold values.

Each gold line is normalized on its own, restricted to the gold kind (as Duckling's own corpus
tests restrict parsing to one dimension). A line counts as right when a value spans the whole
text and its fields equal the gold ones.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from verifier.normalize.engine import analyze

BENCH_BASE = dt.datetime(2013, 2, 12, 4, 30)
KIND_GROUPS = {"number": ("number", "ordinal"), "ordinal": ("number", "ordinal")}


@dataclass
class Score:
    name: str
    total: int = 0
    right: int = 0
    misses: list[tuple[str, object, object]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def matches(gold: dict, out: dict) -> bool:
    kind = gold["kind"]
    if out["kind"] != kind:
        return False
    if kind in ("number", "ordinal"):
        return _close(gold["value"], out.get("value"))
    if kind == "money":
        if gold.get("currency") != out.get("currency") or gold.get("bound", "exact") != out.get("bound"):
            return False
        if gold.get("bound") == "between":
            return _close(gold["low"], out.get("low")) and _close(gold["high"], out.get("high"))
        return _close(gold["amount"], out.get("amount"))
    if kind == "duration":
        return _close(gold["value"], out.get("value")) and gold["unit"] == out.get("unit")
    if kind == "date":
        return gold["start"] == out.get("start") and gold["grain"] == out.get("grain")
    return False


def score_file(path: Path, prefer: str = "future", skip_holidays: bool = True) -> Score:
    score = Score(path.stem)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        if skip_holidays and gold.get("holiday"):
            continue
        score.total += 1
        text = gold["text"]
        kinds = KIND_GROUPS.get(gold["kind"], (gold["kind"],))
        found = analyze(text, base=BENCH_BASE, prefer=prefer, kinds=kinds)
        whole = [f.as_output() for f in found if f.start == len(text) - len(text.lstrip()) and f.end == len(text.rstrip())]
        if any(matches(gold, out) for out in whole):
            score.right += 1
        else:
            score.misses.append((text, {k: v for k, v in gold.items() if k != "text"}, whole))
    return score
