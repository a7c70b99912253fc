"""`make bench`: speed and memory of the whole pipeline on a realistic archive, startup time,
and the normalizers' accuracy and speed on an outside corpus.

The archive is made by verifier/bench/corpus.py: the repository's stories retold with other
people, companies, amounts and days (so there are many subjects and positions, and sources
that disagree). Each measurement runs `verifier report DIR --format json -o FILE` in a child
process of its own, so its time and peak memory are its own: the largest total PSS of its
processes (read by the bench's own process every 0.25 s, so the reading takes none of the run's
CPU; forked workers share pages, which their summed RSS would count twice), with the peak RSS of the main process and of the largest worker. Printed for 1,000 and 5,000 articles (and 20,000 with
VERIFIER_BENCH_LARGE=1: a few minutes more): wall time, articles/s, claims/s, findings, peak
memory, the growth exponent of the time, --jobs 1 against --jobs 2, a re-run after changing
one article (warm cache), `verifier check` of one draft against 5,000 articles with a warm
cache, and a registry of 100,000 entities.

Targets (issue 11): ≥ 100 articles/s per core, --jobs 2 ≥ 1.8× --jobs 1, 20,000 articles under
2 minutes on 2 cores, growth exponent ≤ 1.1, peak memory under 1 GB at 20,000, the
one-changed-article re-run under 5 s at 5,000, the check under 1 s; the registry in seconds.
The machine may be shared: the load average is printed with the figures.
"""

from __future__ import annotations

import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = (1000, 5000)
LARGE = 20000


SAMPLE_EVERY = 0.25  # seconds between two readings of the processes' memory (from the parent)


def _processes(pid: int) -> list[int]:
    """`pid` and every process under it (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            continue
    return out


def _pss_mb(pid: int) -> float:
    """The proportional set size of `pid` and the processes under it: a page shared by forked
    processes counts once in all (each counts its share), which adding their RSS does not do."""
    total = 0
    for p in _processes(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def child_run(args: list[str]) -> dict:
    """In the child: run the command line, and say how long it took and what memory it used."""
    from verifier.cli import main

    t0 = time.perf_counter()
    with open(os.devnull, "w") as sink:
        stdout, sys.stdout = sys.stdout, sink
        try:
            code = main(args)
        finally:
            sys.stdout = stdout
    seconds = time.perf_counter() - t0
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"code": code, "seconds": seconds, "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
            "rss_mb": own.ru_maxrss / 1024, "worker_rss_mb": workers.ru_maxrss / 1024}


def measure(args: list[str]) -> dict:
    # as an installed tool runs: with its modules' bytecode cached (pip compiles it on install),
    # not compiled from source at every run as PYTHONDONTWRITEBYTECODE would have it
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen([sys.executable, "-m", "verifier.bench", "--child", json.dumps(args)],
                                 stdout=out, stderr=err, text=True, env=env)
        # the peak of the child's processes' PSS, read from here: a reader in the measured
        # process would take its CPU and its interpreter lock
        peak = _pss_mb(child.pid) if os.path.exists("/proc/self/smaps_rollup") else None
        while child.poll() is None:
            if peak is not None:
                peak = max(peak, _pss_mb(child.pid))
            time.sleep(SAMPLE_EVERY)
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            raise SystemExit(f"bench: `verifier {' '.join(args)}` failed:\n{err.read()[-2000:]}")
        return {**json.loads(out.read().splitlines()[-1]), "pss_mb": peak}


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def report_args(folder: Path, out: Path, jobs: int, cache: Path | None) -> list[str]:
    args = ["report", str(folder), "--format", "json", "-o", str(out), "--quiet", "--jobs", str(jobs)]
    return args + (["--cache-dir", str(cache)] if cache else ["--no-cache"])


def _total_mb(r: dict) -> float:
    """The run's peak memory: its processes' summed PSS where it was read, else the main
    process's peak RSS plus a worker's (which counts the pages they share twice)."""
    return r["pss_mb"] if r["pss_mb"] is not None else r["rss_mb"] + r["worker_rss_mb"]


def _memory(r: dict) -> str:
    every = f"{r['pss_mb']:.0f} MB all processes (PSS); " if r["pss_mb"] is not None else ""
    return f"{every}main process {r['rss_mb']:.0f} MB, largest worker {r['worker_rss_mb']:.0f} MB (RSS)"


def ok(good: bool) -> str:
    return "ok" if good else "BELOW TARGET"


def archive_bench(tmp: Path) -> None:
    from verifier.bench.corpus import generate
    from verifier.pipeline import default_jobs

    cores = default_jobs()
    sizes = SIZES + ((LARGE,) if os.environ.get("VERIFIER_BENCH_LARGE") else ())
    print(f"== archive: generated articles, {cores} cores, --jobs {cores}, no cache (load average {load()})")
    times = {}
    for n in sizes:
        folder = tmp / f"a{n}"
        generate(folder, n)
        r = measure(report_args(folder, tmp / f"r{n}.json", cores, None))
        summary = json.loads((tmp / f"r{n}.json").read_text(encoding="utf-8"))["summary"]
        times[n] = r["seconds"]
        print(f"  {n:>6} articles: {r['seconds']:7.1f} s, {n / r['seconds']:6.1f} articles/s "
              f"({n / r['cpu']:.1f} per CPU-second), {summary['claims'] / r['seconds']:7.0f} claims/s, "
              f"{summary['findings']} findings ({summary['contradict']} contradict); peak memory "
              f"{_memory(r)}  [load {load()}]")
        if n == LARGE:
            print(f"         target: under 120 s on 2 cores ({ok(r['seconds'] < 120)}), "
                  f"memory under 1 GB ({ok(_total_mb(r) < 1024)})")
    first, last = min(times), max(times)
    exponent = math.log(times[last] / times[first]) / math.log(last / first)
    print(f"  growth exponent {first} -> {last}: {exponent:.2f} ({ok(exponent <= 1.1)}: target ≤ 1.1)")

    folder = tmp / "a1000"
    one = measure(report_args(folder, tmp / "j1.json", 1, None))
    two = measure(report_args(folder, tmp / "j2.json", 2, None))
    same = (tmp / "j1.json").read_bytes() == (tmp / "j2.json").read_bytes()
    print(f"== --jobs 1 vs --jobs 2, 1,000 articles: {one['seconds']:.1f} s vs {two['seconds']:.1f} s: "
          f"{one['seconds'] / two['seconds']:.2f}× ({ok(one['seconds'] / two['seconds'] >= 1.8)}: target ≥ 1.8×), "
          f"output {'byte-identical' if same else 'DIFFERENT'}; one core: {1000 / one['seconds']:.0f} articles/s "
          f"({ok(1000 / one['seconds'] >= 100)}: target ≥ 100)  [load {load()}]")

    folder = tmp / "a5000"
    cache = tmp / "cache"
    cold = measure(report_args(folder, tmp / "c.json", cores, cache))
    warm = measure(report_args(folder, tmp / "c.json", cores, cache))
    changed = sorted(folder.glob("veltrix-*en.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("employees", "staff members", 1), encoding="utf-8")
    rerun = measure(report_args(folder, tmp / "c.json", cores, cache))
    print(f"== cache, 5,000 articles: cold {cold['seconds']:.1f} s, unchanged re-run {warm['seconds']:.1f} s, "
          f"re-run after changing one article {rerun['seconds']:.1f} s ({ok(rerun['seconds'] < 5)}: target < 5 s)"
          f"  [load {load()}]")

    draft = tmp / "draft.md"
    draft.write_text(changed.read_text(encoding="utf-8").replace("2019", "2017"), encoding="utf-8")
    args = ["check", str(draft), "--against", str(folder), "--format", "json", "-o", str(tmp / "check.json"),
            "--jobs", str(cores), "--cache-dir", str(cache)]
    measure(args)  # the sources' claims with this draft's names, into the cache
    check = measure(args)
    print(f"== check of one draft against 5,000 articles, warm cache: {check['seconds']:.2f} s "
          f"({ok(check['seconds'] < 1)}: target < 1 s)  [load {load()}]")


def registry_bench(tmp: Path) -> None:
    from verifier.bench.corpus import registry

    path = tmp / "registry.toml"
    path.write_text(registry(100_000), encoding="utf-8")
    r = measure(["report", str(ROOT / "tests" / "data" / "invented"), "--entities", str(path), "--format", "json",
                 "-o", str(tmp / "reg.json"), "--quiet", "--no-cache", "--jobs", "1"])
    print(f"== registry of 100,000 people and organisations: report on 6 articles in {r['seconds']:.1f} s "
          f"(load, merge and resolve; peak memory {r['rss_mb']:.0f} MB)")


def help_time(runs: int = 5) -> float:
    exe = Path(sys.executable).parent / "verifier"
    cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "verifier", "--help"]
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(child_run(json.loads(sys.argv[2]))))
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="verifier-bench-"))
    try:
        archive_bench(tmp)
        registry_bench(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    h = help_time()
    print(f"== startup: `verifier --help` {h * 1000:.0f} ms ({ok(h < 0.5)}: target < 500 ms)")
    print("== normalizers on the outside corpus")
    from verifier.bench.score import run_normalizer_bench

    bench_dir = Path(os.environ.get("VERIFIER_BENCH_DIR", ROOT.parent / "shared" / "benchmarks" / "duckling-zh"))
    run_normalizer_bench(bench_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
