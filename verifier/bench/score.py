"""Scoring the normalizers against an outside corpus of surface forms and gold values.

The corpus is Duckling's Chinese one (`../shared/benchmarks/duckling-zh`, or $VERIFIER_BENCH_DIR):
JSON lines with a text and its gold value. Each file is fed through `verifier normalize` itself,
restricted to the gold kind (`--kind`, as Duckling's own corpus tests restrict parsing to one
dimension), with `--base 2013-02-12T04:30 --prefer future` (the corpus resolves a bare weekday
forward). A line counts as right when a value spans the whole text and its fields equal the
gold ones. Dates naming a holiday are scored apart, for information.

`run_normalizer_bench` prints the accuracy per file, the normalizer's speed on one core, the
import time of the normalizers, and dateparser's `search_dates` on the same date lines.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH_BASE = dt.datetime(2013, 2, 12, 4, 30)
KIND_GROUPS = {"number": ("number", "ordinal"), "ordinal": ("number", "ordinal")}
FILES = ("numbers", "money", "durations", "dates")
TARGETS = {"numbers": 0.95, "money": 0.90, "durations": 0.90, "dates": 0.85}
SPEED_TARGET = 20_000  # expressions per second, one core, restricted to the gold kind (issue 10)
SPEED_TARGET_ALL_KINDS = 10_000  # and with every kind
IMPORT_TARGET = 0.2  # seconds
REPO = Path(__file__).resolve().parents[2]


def default_bench_dir() -> Path:
    """$VERIFIER_BENCH_DIR, else ../shared/benchmarks/duckling-zh beside the repository."""
    env = os.environ.get("VERIFIER_BENCH_DIR")
    return Path(env) if env else REPO.parent / "shared" / "benchmarks" / "duckling-zh"


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


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _whole(text: str, values: list[dict]) -> list[dict]:
    lead, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return [v for v in values if v["span"] == [lead, end]]


def _score(name: str, golds: list[dict], outputs: list[list[dict]]) -> Score:
    score = Score(name)
    for gold, values in zip(golds, outputs):
        score.total += 1
        whole = _whole(gold["text"], values)
        if any(matches(gold, v) for v in whole):
            score.right += 1
        else:
            score.misses.append((gold["text"], {k: v for k, v in gold.items() if k != "text"}, whole))
    return score


def score_file(path: Path, prefer: str = "future", skip_holidays: bool = True) -> Score:
    """Score one file in-process with `analyze` (the same settings as the command)."""
    from verifier.normalize.engine import analyze

    golds = [g for g in read_gold(path) if not (skip_holidays and g.get("holiday"))]
    outputs = [
        [f.as_output() for f in analyze(g["text"], base=BENCH_BASE, prefer=prefer,
                                        kinds=KIND_GROUPS.get(g["kind"], (g["kind"],)))]
        for g in golds
    ]
    return _score(path.stem, golds, outputs)


def normalize_with_cli(texts: list[str], kinds: tuple[str, ...]) -> list[list[dict]]:
    """Run `verifier normalize` on `texts` (one per line) and return each line's values."""
    cmd = [sys.executable, "-m", "verifier", "normalize", "--base", BENCH_BASE.isoformat(timespec="minutes"),
           "--prefer", "future", "--kind", ",".join(kinds)]
    proc = subprocess.run(cmd, input="\n".join(texts) + "\n", capture_output=True, text=True,
                          encoding="utf-8", cwd=REPO, check=True)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    if len(records) != len(texts) or any(r["text"] != t for r, t in zip(records, texts)):
        raise RuntimeError("verifier normalize did not answer one line per input line, in order")
    return [r["values"] for r in records]


def score_with_cli(path: Path) -> dict[str, Score]:
    """Score a file through `verifier normalize`, one run per kind group; dates naming a holiday
    are scored apart (key 'holidays')."""
    golds = read_gold(path)
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, g in enumerate(golds):
        groups.setdefault(KIND_GROUPS.get(g["kind"], (g["kind"],)), []).append(i)
    outputs: list[list[dict]] = [[] for _ in golds]
    for kinds, indexes in groups.items():
        for i, values in zip(indexes, normalize_with_cli([golds[i]["text"] for i in indexes], kinds)):
            outputs[i] = values
    plain = [i for i, g in enumerate(golds) if not g.get("holiday")]
    holidays = [i for i, g in enumerate(golds) if g.get("holiday")]
    scores = {path.stem: _score(path.stem, [golds[i] for i in plain], [outputs[i] for i in plain])}
    if holidays:
        scores["holidays"] = _score("holidays", [golds[i] for i in holidays], [outputs[i] for i in holidays])
    return scores


# --------------------------------------------------------------------------- speed
def _one_core():
    """Pin this process to one CPU while timing; returns a function restoring the old set."""
    if not hasattr(os, "sched_getaffinity"):
        return lambda: None
    old = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {min(old)})
    except OSError:
        return lambda: None
    return lambda: os.sched_setaffinity(0, old)


def _rate(jobs: list[tuple[str, tuple[str, ...] | None]], seconds: float = 2.0) -> float:
    """Expressions per second, normalizing every job repeatedly for about `seconds`: the median
    over the rounds (one round normalizes every job once), which other processes on the machine
    disturb less than the mean."""
    from verifier.normalize import engine
    from verifier.normalize.engine import analyze

    for text, kinds in jobs:  # warm up: recognizers built, caches filled
        analyze(text, base=BENCH_BASE, prefer="future", kinds=kinds)
    rates: list[float] = []
    start = time.perf_counter()
    kept, engine.KEEP_READINGS = engine.KEEP_READINGS, False  # each round reads every text, none recalled
    try:
        while True:
            t0 = time.perf_counter()
            for text, kinds in jobs:
                analyze(text, base=BENCH_BASE, prefer="future", kinds=kinds)
            t1 = time.perf_counter()
            rates.append(len(jobs) / (t1 - t0))
            if t1 - start >= seconds and len(rates) >= 3:
                return statistics.median(rates)
    finally:
        engine.KEEP_READINGS = kept


_IMPORT_PROBE = (
    "import sys, time; t = time.perf_counter(); import verifier.normalize.engine as e; e.recognizers(); "
    "t1 = time.perf_counter(); e.analyze(sys.stdin.read()); print(t1 - t, time.perf_counter() - t1)"
)


def import_time(runs: int = 5, bytecode: bool = True, sample: str = "") -> tuple[float, float]:
    """Median seconds, in a fresh interpreter, to import the normalizers and build their
    recognizers, and then to analyze `sample` (the first text compiles the regexes it needs:
    a text using every pattern shows the whole cost). With `bytecode`, compiled modules are
    cached as in any installation (the first run writes them and is not counted); without,
    every module is compiled from source."""
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    cmd = [sys.executable, "-c", _IMPORT_PROBE]
    imports, firsts = [], []
    for i in range(runs + (1 if bytecode else 0)):
        out = subprocess.run(cmd, input=sample, capture_output=True, text=True, encoding="utf-8", env=env,
                             cwd=REPO, check=True).stdout
        if bytecode and i == 0:
            continue
        a, b = out.split()
        imports.append(float(a))
        firsts.append(float(b))
    return statistics.median(imports), statistics.median(firsts)


def _dateparser_run(golds: list[dict]) -> dict | None:
    """dateparser's search_dates on the date lines: seconds, lines per second, accuracy."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    settings = {"RELATIVE_BASE": BENCH_BASE, "PREFER_DATES_FROM": "future"}
    t0 = time.perf_counter()
    search_dates(golds[0]["text"], languages=["zh"], settings=settings)  # loads its language data
    warmup = time.perf_counter() - t0
    right = 0
    start = time.perf_counter()
    for g in golds:
        try:
            found = search_dates(g["text"], languages=["zh"], settings=settings) or []
        except Exception:
            found = []
        if any(d.date().isoformat() == g["start"] for _s, d in found):  # lenient: any span
            right += 1
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "per_second": len(golds) / seconds, "right": right, "total": len(golds),
            "accuracy": right / len(golds), "warmup_seconds": warmup}


def _start_accuracy(golds: list[dict]) -> float:
    """Share of date lines where a date found starts on the gold day, the criterion applied to
    dateparser (which gives no grain and often a partial span: 2015年3月3 of 2015年3月3号)."""
    from verifier.normalize.engine import analyze

    right = 0
    for g in golds:
        found = analyze(g["text"], base=BENCH_BASE, prefer="future", kinds=("date",))
        right += any(f.value.start == g["start"] for f in found)
    return right / len(golds) if golds else 0.0


# --------------------------------------------------------------------------- the benchmark
def run_normalizer_bench(
    bench_dir: Path | None = None, *, seconds: float = 2.0, import_runs: int = 5, verbose: bool = False,
) -> dict:
    """Score `verifier normalize` on the Duckling corpus, time it, and compare with dateparser.

    Prints a short report and returns its figures; returns {"skipped": reason} when the corpus
    is missing. `seconds` is the time spent timing the normalizer, `import_runs` the number of
    fresh interpreters timing the import; `verbose` lists every miss."""
    bench_dir = Path(bench_dir) if bench_dir is not None else default_bench_dir()
    paths = {name: bench_dir / f"{name}.jsonl" for name in FILES}
    missing = [p.name for p in paths.values() if not p.is_file()]
    if missing:
        reason = f"normalizer benchmark skipped: {bench_dir} has no {', '.join(missing)}"
        print(reason)
        return {"skipped": reason}

    print(f"normalizer benchmark: {bench_dir} (verifier normalize --base {BENCH_BASE.isoformat(timespec='minutes')}"
          " --prefer future --kind <the gold kind>)")
    result: dict = {"bench_dir": str(bench_dir), "accuracy": {}, "right": {}, "total": {}, "misses": {}}
    scores: dict[str, Score] = {}
    for path in paths.values():
        scores.update(score_with_cli(path))
    for name, score in scores.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("  ok" if score.accuracy >= target else f"  BELOW target {target:.0%}")
        label = {"dates": "dates (not holidays)", "holidays": "holiday dates (information only)"}.get(name, name)
        print(f"  {label:34} {score.right:4}/{score.total:<4} {score.accuracy:7.1%}{verdict}")
        result["accuracy"][name] = score.accuracy
        result["right"][name] = score.right
        result["total"][name] = score.total
        result["misses"][name] = score.misses
        shown = score.misses if verbose else score.misses[:3] if name != "holidays" else []
        for text, gold, got in shown:
            brief = [{k: v for k, v in g.items() if k in ("value", "amount", "low", "high", "currency", "bound",
                                                             "unit", "start", "grain")} for g in got]
            print(f"      miss {text!r}: gold {gold}, got {brief}")
        if len(score.misses) > len(shown) and name != "holidays":
            print(f"      ... {len(score.misses) - len(shown)} more misses (verbose=True lists them)")

    # speed, one core
    golds = {name: read_gold(p) for name, p in paths.items()}
    every = [g for name in FILES for g in golds[name]]
    as_scored = [(g["text"], KIND_GROUPS.get(g["kind"], (g["kind"],))) for g in every]
    all_kinds = [(g["text"], None) for g in every]
    date_lines = [g for g in golds["dates"] if not g.get("holiday")]
    restore = _one_core()
    try:
        rate_scored = _rate(as_scored, seconds)
        rate_all = _rate(all_kinds, seconds)
        rate_dates = _rate([(g["text"], ("date",)) for g in date_lines], min(seconds, 1.0))
        dp = _dateparser_run(date_lines)
    finally:
        restore()
    result.update(expressions_per_second=rate_scored, expressions_per_second_all_kinds=rate_all,
                  date_lines_per_second=rate_dates, lines=len(every))
    ok = "ok" if rate_scored >= SPEED_TARGET and rate_all >= SPEED_TARGET_ALL_KINDS else \
        f"BELOW target {SPEED_TARGET:,}/s restricted, {SPEED_TARGET_ALL_KINDS:,}/s every kind"
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"  speed, one core: {rate_scored:,.0f} expressions/s restricted to the gold kind, "
          f"{rate_all:,.0f}/s with every kind ({len(every)} lines repeated ~{seconds:g} s{load})  {ok}")

    sample = "，".join(g["text"] for g in every)  # every kind of expression: every pattern runs
    cached, first = import_time(runs=import_runs, bytecode=True, sample=sample)
    compiling, _ = import_time(runs=max(1, import_runs // 2), bytecode=False, sample=sample)
    result.update(import_seconds=cached, import_seconds_no_bytecode=compiling, first_text_seconds=first)
    ok = "ok" if cached < IMPORT_TARGET else f"ABOVE target {IMPORT_TARGET} s"
    print(f"  import verifier.normalize.engine + recognizers(): {cached:.3f} s "
          f"({compiling:.3f} s compiling from source)  {ok}; then the first text compiles the regexes it "
          f"needs: {first:.3f} s for all the lines above as one text ({len(sample):,} characters)")

    if dp is None:
        print("  dateparser: not installed, comparison skipped")
        result["dateparser"] = None
    else:
        ratio = rate_dates / dp["per_second"]
        dp["speed_ratio"] = ratio
        result["dateparser"] = dp
        ours = _start_accuracy(date_lines)
        result["date_start_accuracy"] = ours
        print(f"  dateparser.search_dates on the same {dp['total']} date lines: {dp['seconds']:.2f} s "
              f"({dp['per_second']:,.0f} lines/s; {dp['warmup_seconds']:.2f} s to load first); normalizer "
              f"{rate_dates:,.0f} lines/s: {ratio:,.0f}x faster. A date found on the gold day: dateparser "
              f"{dp['accuracy']:.1%}, normalizer {ours:.1%}")
    return result


if __name__ == "__main__":
    run_normalizer_bench(verbose="-v" in sys.argv)
