"""`make bench`: speed and memory of the whole pipeline, startup time, and the normalizers'
accuracy and speed on an outside corpus.

The pipeline runs on the seed articles replicated to 1,000 files, in a child process pinned to
one core, so its peak memory (max RSS) is its own. Targets: ≥ 100 articles/s on one core,
`verifier --help` under 0.5 s.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
ARTICLES = 1000


def _pin_one_core() -> None:
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    except (AttributeError, OSError):
        pass


def pipeline_child(folder: str) -> dict:
    """Runs in the child: read, extract, compare and render the replicated corpus."""
    import resource

    _pin_one_core()
    t0 = time.perf_counter()
    from verifier.claims.entities import load_registry
    from verifier.pipeline import extract_sources
    from verifier.rules.engine import compare
    from verifier.text.sources import load

    t_import = time.perf_counter()
    sources = load([folder])
    t_load = time.perf_counter()
    prepared, _ = extract_sources(sources, load_registry())
    t_extract = time.perf_counter()
    claims = [c for p in prepared for c in p.claims]
    findings = compare(claims, {p.source.id: p.source.text for p in prepared})
    t_compare = time.perf_counter()
    total = t_compare - t_import
    return {
        "articles": len(sources),
        "claims": len(claims),
        "findings": len(findings),
        "seconds": round(total, 3),
        "import_s": round(t_import - t0, 3),
        "load_s": round(t_load - t_import, 3),
        "extract_s": round(t_extract - t_load, 3),
        "compare_s": round(t_compare - t_extract, 3),
        "articles_per_s": round(len(sources) / total, 1),
        "claims_per_s": round(len(claims) / total, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def replicate(target: Path, n: int = ARTICLES) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        seed = seeds[i % len(seeds)]
        shutil.copyfile(seed, target / f"{i:04d}_{seed.stem}.txt")


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
        print(json.dumps(pipeline_child(sys.argv[2])))
        return 0
    print("== pipeline: seeds replicated to", ARTICLES, "articles, one core")
    with tempfile.TemporaryDirectory() as tmp:
        replicate(Path(tmp))
        out = subprocess.run([sys.executable, "-m", "verifier.bench", "--child", tmp],
                             capture_output=True, text=True, check=True)
    r = json.loads(out.stdout)
    print(f"  {r['articles']} articles, {r['claims']} claims, {r['findings']} findings in {r['seconds']} s "
          f"(load {r['load_s']} s, extract {r['extract_s']} s, compare {r['compare_s']} s; imports {r['import_s']} s)")
    ok = "ok" if r["articles_per_s"] >= 100 else "BELOW TARGET"
    print(f"  {r['articles_per_s']} articles/s ({ok}: target ≥ 100), {r['claims_per_s']} claims/s")
    print(f"  peak memory {r['peak_rss_mb']} MB (max RSS of the process)")
    h = help_time()
    print(f"== startup: `verifier --help` {h * 1000:.0f} ms ({'ok' if h < 0.5 else 'BELOW TARGET'}: target < 500 ms)")
    print("== normalizers on the outside corpus")
    from verifier.bench.score import run_normalizer_bench

    bench_dir = Path(os.environ.get("VERIFIER_BENCH_DIR", ROOT.parent / "shared" / "benchmarks" / "duckling-zh"))
    run_normalizer_bench(bench_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
