"""Newsroom archives (issue 11): the output does not depend on how the work is spread (--jobs,
a dask cluster), the cache re-extracts only what must be and never trusts a bad entry, costs
grow linearly, and adding articles keeps every claim id and finding id."""

from __future__ import annotations

import gc
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from verifier import pipeline
from verifier.bench.corpus import generate, registry
from verifier.cache import FILE, Cache
from verifier.claims.entities import EntityIndex, key, load_registry
from verifier.report import model
from verifier.report.model import build
from verifier.report.render import render, source_labels

ROOT = Path(__file__).resolve().parents[1]
INVENTED = ROOT / "tests" / "data" / "invented"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """60 articles: the repository's stories retold with other names, amounts and days."""
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, 60)
    return folder


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verifier", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "NO_COLOR": "1"})


def report_json(folder: Path, **run) -> str:
    return render(build([folder], load_registry(), **run), "json")


# ----------------------------------------------------------------------------- spreading the work
def test_two_processes_write_the_same_reports_as_one(corpus, tmp_path):
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        out.mkdir()
        done = run_cli("report", str(corpus), "--no-cache", "--jobs", jobs, "-q",
                       "-o", str(out / "r.json"), "-o", str(out / "r.md"), "-o", str(out / "r.html"),
                       "--ledger", str(out / "claims"))
        assert done.returncode == 0, done.stderr
        outputs[jobs] = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert len(outputs["1"]) > 60 and outputs["1"] == outputs["2"]
    data = json.loads(outputs["2"][Path("r.json")])
    assert data["summary"]["sources"] == 60 and data["summary"]["claims"] > 300


def test_groups_compared_in_processes_give_the_same_findings(corpus, monkeypatch):
    from verifier.rules.engine import compare

    prepared, _ = pipeline.extract_sources(pipeline.load([corpus]), load_registry(), jobs=1)
    texts = {p.source.id: p.source.text for p in prepared}
    published = {p.source.id: p.source.published for p in prepared}
    pooled = []
    real = pipeline.Runner._pool_map
    monkeypatch.setattr(pipeline.Runner, "_pool_map", lambda self, *a: pooled.append(1) or real(self, *a))
    two = pipeline.compare_corpus(prepared, texts, published, {}, jobs=2)
    assert pooled, "the groups were not sent to a pool of processes"
    everything = compare([c for p in prepared for c in p.claims], texts, published, {})
    assert [f.model_dump() for f in two] == [f.model_dump() for f in everything]
    assert len(two) > 20


def test_quotes_compared_as_quote_claims_give_the_same_findings(corpus):
    from verifier.rules.engine import compare
    from verifier.rules.quotes import QuoteClaim

    prepared, _ = pipeline.extract_sources(pipeline.load([corpus]), load_registry(), jobs=1)
    texts = {p.source.id: p.source.text for p in prepared}
    quotes = [c for p in prepared for c in p.claims if c.kind == "quote"]
    lean = [QuoteClaim.of_json(c.model_dump_json()) for c in quotes]
    for c, q in zip(quotes, lean):  # every field a QuoteClaim has is the model's
        assert {k: getattr(q, k) for k in QuoteClaim.__slots__ if k != "value"} == \
            {k: getattr(c, k) for k in QuoteClaim.__slots__ if k != "value"}
        assert (q.value.kind, q.value.quote) == (c.value.kind, c.value.quote)
    found = compare(quotes, texts)
    assert len(found) > 3 and {f.rule for f in found} >= {"Q101"}
    assert [f.model_dump() for f in compare(lean, texts)] == [f.model_dump() for f in found]


@given(st.lists(st.integers(1, 40), max_size=60), st.integers(1, 4))
def test_batches_hold_every_group_once_in_order(sizes, jobs):
    groups = [[i] * n for i, n in enumerate(sizes)]
    batches = pipeline._batches(groups, jobs)
    assert [g for batch in batches for g in batch] == groups
    assert all(batches)


def test_comparing_processes_are_replaced_only_in_an_archive():
    """An archive's comparing processes are replaced every COMPARE_RENEW_AFTER batches (their
    memory); a small corpus's, whose batches hold far fewer than COMPARE_RENEW_CLAIMS claims in
    all, never (each process takes about COMPARE_BATCHES_PER_JOB batches)."""
    archive = 2 * pipeline.COMPARE_BATCHES_PER_JOB * pipeline.COMPARE_RENEW_CLAIMS
    assert pipeline._compare_renew(archive, 2) == pipeline.COMPARE_RENEW_AFTER
    assert pipeline._compare_renew(10_000, 2) >= 2 * pipeline.COMPARE_BATCHES_PER_JOB
    assert pipeline._compare_renew(0, 2) >= pipeline.COMPARE_RENEW_AFTER


def test_jobs_must_be_a_positive_number(corpus):
    done = run_cli("report", str(corpus), "--jobs", "0")
    assert done.returncode == 2 and "between 1 and 1024" in done.stderr


def test_a_dask_cluster_writes_the_same_report(corpus):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        on_dask = report_json(corpus, scheduler=cluster.scheduler_address)
    assert on_dask == report_json(corpus, jobs=1)


def test_an_unreachable_scheduler_is_one_line(corpus, monkeypatch, capsys):
    pytest.importorskip("distributed")
    from verifier.cli import main

    monkeypatch.setattr(pipeline, "CONNECT_TIMEOUT", 1)
    assert main(["report", str(corpus), "--no-cache", "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("verifier: error: cannot reach the dask scheduler at tcp://127.0.0.1:9") and "Traceback" not in err


# ----------------------------------------------------------------------------- the cache
def extracted(monkeypatch) -> list[str]:
    """The ids of the articles whose claims the pipeline extracts (not read from the cache)."""
    seen: list[str] = []
    real = pipeline._extract_one

    def spy(p, index=None):
        seen.append(p.source.id)
        return real(p, index)

    monkeypatch.setattr(pipeline, "_extract_one", spy)
    return seen


def test_a_rerun_extracts_only_the_changed_article(corpus, tmp_path, monkeypatch):
    folder = tmp_path / "news"
    shutil.copytree(corpus, folder)
    cache_dir = tmp_path / "cache"
    seen = extracted(monkeypatch)
    first = report_json(folder, cache=Cache(cache_dir))
    assert len(seen) == 60
    seen.clear()
    assert report_json(folder, cache=Cache(cache_dir)) == first and seen == []
    # one amount changed: that article alone is extracted again
    changed = sorted(folder.glob("veltrix-*en.txt"))[0]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("employees", "staff members", 1), encoding="utf-8")
    again = report_json(folder, cache=Cache(cache_dir))
    assert seen == [changed.stem]
    seen.clear()
    assert again == report_json(folder)  # the same as a run without the cache
    # an article that teaches a new name changes the index: every article is extracted again
    (folder / "zz-new.txt").write_text("2025年5月2日\n\n宁远科技(Ningyuan Robotics)周五表示,公司估值约为12亿美元。\n",
                                       encoding="utf-8")
    seen.clear()
    report_json(folder, cache=Cache(cache_dir))
    assert len(seen) == 61


def test_corrupt_or_foreign_entries_are_ignored(corpus, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    clean = report_json(corpus, cache=Cache(cache_dir))
    db = sqlite3.connect(cache_dir / FILE)
    entries = {k: json.loads(v)["data"] for k, v in db.execute("SELECT key, value FROM entry ORDER BY key")}
    prepared = [k for k, data in entries.items() if isinstance(data, dict) and "spans" in data]
    claimed = [k for k, data in entries.items() if isinstance(data, dict) and data.get("claims")]
    compared = [k for k, data in entries.items() if isinstance(data, dict) and "findings" in data and data["sizes"]]  # a group's findings
    assert len(prepared) == 60 and len(claimed) >= 50 and len(compared) >= 3
    forged = dict(entries[claimed[1]])  # its claims' text changed, not its digest
    first = json.loads(forged["claims"])[0]
    forged["claims"] = forged["claims"].replace(json.dumps(first["text"], ensure_ascii=False), '"forged"', 1)
    assert forged["claims"] != entries[claimed[1]]["claims"]
    # a group's findings with another verdict, or another sort key, and the digest as it was
    verdict = json.loads(entries[compared[1]]["findings"])[0]["verdict"]
    other = "agree" if verdict != "agree" else "contradict"
    forged_findings = dict(entries[compared[1]], findings=entries[compared[1]]["findings"].replace(
        f'"verdict":"{verdict}"', f'"verdict":"{other}"', 1))
    assert forged_findings["findings"] != entries[compared[1]]["findings"]
    forged_keys = dict(entries[compared[2]], keys=[[9, *k[1:]] for k in entries[compared[2]]["keys"]])
    bad = {
        prepared[0]: "not json",
        prepared[1]: json.dumps({"key": "another key", "data": entries[prepared[1]]}),  # an entry for another key
        prepared[2]: json.dumps({"key": prepared[2], "data": {"spans": [[0, 10 ** 9]]}}),  # the right key, nonsense
        claimed[0]: json.dumps({"key": claimed[0]}),
        claimed[1]: json.dumps({"key": claimed[1], "data": forged}),
        claimed[2]: json.dumps({"key": claimed[2], "data": {"claims": [{"id": 1}], "unclaimed": []}}),
        compared[0]: json.dumps({"key": compared[0], "data": [{"id": "N101-forged"}]}),
        compared[1]: json.dumps({"key": compared[1], "data": forged_findings}),
        compared[2]: json.dumps({"key": compared[2], "data": forged_keys}),
    }
    for k, value in bad.items():
        db.execute("UPDATE entry SET value = ? WHERE key = ?", (value, k))
    db.commit()
    db.close()
    seen = extracted(monkeypatch)
    assert report_json(corpus, cache=Cache(cache_dir)) == clean
    assert len(seen) == 3  # the articles of the three bad entries of claims; the others are read
    seen.clear()
    assert report_json(corpus, cache=Cache(cache_dir)) == clean and seen == []  # and replaced
    # a cache file that is not a database at all: the run goes on without it
    (cache_dir / FILE).write_bytes(b"\x00garbage" * 1000)
    assert report_json(corpus, cache=Cache(cache_dir)) == clean


def test_a_new_version_of_the_tool_deletes_the_old_versions_entries(tmp_path, monkeypatch):
    from verifier import cache as cache_mod

    (tmp_path / "cache-v1.sqlite3").write_bytes(b"an earlier format")
    monkeypatch.setattr(cache_mod, "tool_digest", lambda: "old tool")
    old = Cache(tmp_path)
    old.put_many({"a": [1], "b": [2]})
    old.put_many({f"bulk{i}": ["x" * 1000] for i in range(500)})
    old.close()
    full = (tmp_path / FILE).stat().st_size
    assert not (tmp_path / "cache-v1.sqlite3").exists()  # the earlier format is removed
    monkeypatch.setattr(cache_mod, "tool_digest", lambda: "new tool")
    new = Cache(tmp_path)
    assert new.get_many(["a"]) == {"a": [1]}  # reading alone deletes nothing
    new.put_many({"c": [3]})
    new.put_many({"d": [4]})
    assert new.get_many(["a", "b", "c", "d"]) == {"c": [3], "d": [4]}
    new.close()
    assert (tmp_path / FILE).stat().st_size < full / 10  # the deleted entries' pages are given back
    db = sqlite3.connect(tmp_path / FILE)
    assert db.execute("SELECT key, tool FROM entry ORDER BY key").fetchall() == [("c", "new tool"), ("d", "new tool")]


def test_a_cache_says_whether_this_tool_wrote_to_it(tmp_path, monkeypatch):
    from verifier import cache as cache_mod

    assert not Cache(tmp_path / "new").holds_entries()
    monkeypatch.setattr(cache_mod, "tool_digest", lambda: "old tool")
    Cache(tmp_path).put_many({"a": [1]})
    assert Cache(tmp_path).holds_entries()
    monkeypatch.setattr(cache_mod, "tool_digest", lambda: "new tool")
    assert not Cache(tmp_path).holds_entries()  # another version's entries are never read
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / FILE).write_bytes(b"\x00garbage" * 1000)
    assert not Cache(tmp_path / "bad").holds_entries()


def test_the_cache_goes_where_it_is_told(corpus, tmp_path):
    home = tmp_path / "xdg"
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    args = [sys.executable, "-m", "verifier", "report", str(corpus), "--format", "json", "-j", "1"]
    subprocess.run(args, capture_output=True, check=True, env=env)
    assert (home / "verifier" / FILE).is_file()
    elsewhere = tmp_path / "here"
    subprocess.run([*args, "--cache-dir", str(elsewhere)], capture_output=True, check=True, env=env)
    assert (elsewhere / FILE).is_file()
    none = tmp_path / "none"
    subprocess.run([*args, "--no-cache", "--cache-dir", str(none)], capture_output=True, check=True, env=env)
    assert not none.exists()


def test_check_reuses_the_sources_across_drafts_and_runs(corpus, tmp_path, monkeypatch):
    from verifier.check import trusted as trusted_mod
    from verifier.check.checker import Checker

    source = sorted(corpus.glob("veltrix-*en.txt"))[0].read_text(encoding="utf-8")
    draft = source.replace("founded in 2019", "founded in 2017")
    cache_dir = tmp_path / "c"

    def check(text: str, cache) -> list:
        trusted = trusted_mod.load([corpus], load_registry(), cache=cache)
        return [d.model_dump() if hasattr(d, "model_dump") else repr(d)
                for d in Checker(trusted, cache=cache).check("draft.txt", text).diagnostics]

    seen = extracted(monkeypatch)
    plain = check(draft, None)
    assert any(d.get("code") == "D101" for d in plain if isinstance(d, dict)) or any("D101" in str(d) for d in plain)
    seen.clear()
    assert check(draft, Cache(cache_dir)) == plain
    first = len(seen)
    seen.clear()
    assert check(draft, Cache(cache_dir)) == plain
    assert first >= 60 and seen == []  # the second run reads every source's claims from the cache


# ----------------------------------------------------------------------------- linear costs
def timed(fn, *args, repeat: int = 1) -> float:
    """The best of five runs (each `repeat` calls) in CPU seconds of this process (other
    processes on a loaded machine do not count), with the garbage collector paused (its
    passes over every object make building any large structure look superlinear)."""
    best = float("inf")
    for _ in range(5):
        gc.collect()
        gc.disable()
        try:
            t = time.process_time()
            for _ in range(repeat):
                fn(*args)
            best = min(best, time.process_time() - t)
        finally:
            gc.enable()
    return best


def test_ten_times_the_articles_cost_at_most_fifteen_times_the_time(tmp_path):
    small, large = tmp_path / "small", tmp_path / "large"
    generate(small, 10)
    generate(large, 100)
    reg = load_registry()

    def run(folder):
        render(build([folder], reg, jobs=1), "json")
        render(build([folder], reg, jobs=1), "table")

    run(small)  # warm: data files, patterns
    assert timed(run, large) <= 15 * timed(run, small)


def test_one_long_article_costs_linear_time(tmp_path):
    from verifier.report.model import build_from_sources
    from verifier.text.sources import from_texts

    generate(tmp_path, 180)
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(tmp_path.iterdir()))
    assert len(text) > 200_000

    def run(n: int):
        return build_from_sources(from_texts({"long": text[:n]}))

    run(20_000)
    assert timed(run, 200_000) <= 15 * timed(run, 20_000)


def test_a_large_registry_loads_and_resolves_in_linear_time(tmp_path):
    small, large = tmp_path / "small.toml", tmp_path / "large.toml"
    small.write_text(registry(2_000), encoding="utf-8")
    large.write_text(registry(20_000), encoding="utf-8")

    def run(path):
        key.cache_clear()  # as a fresh run: no names known from the run before
        index = EntityIndex(load_registry(str(path)))
        index.finalize()
        return index.mentions("林文安周五表示,Casper Lindqvist 已离职。", "林文安周五表示,Casper Lindqvist 已离职。")

    run(small)
    assert timed(run, large) <= 15 * timed(run, small)


def test_labels_of_many_sources_cost_linear_time():
    small = [f"story-{i:05d}-wire" for i in range(1_000)]
    large = [f"story-{i:05d}-wire" for i in range(10_000)]
    assert len(set(source_labels(large).values())) == 10_000
    source_labels(small)
    # ten small runs against one large: linear is about 1 (memory caches make it ~1.3 here),
    # comparing every id with every other would be 10
    assert timed(source_labels, large) <= 3 * timed(source_labels, small, repeat=10)


def test_a_large_report_prints_its_contradictions(corpus, monkeypatch):
    from verifier.report import render as rendering
    from verifier.report.render import LARGE_FINDINGS

    report = build([corpus], load_registry(), jobs=1)
    table = render(report, "table", width=100)
    everything = render(report, "table", width=100, everything=True)
    contradictions = sum(1 for f in report.findings if f.verdict == "contradict")
    assert contradictions and report.summary.sources > 50
    assert table.count("✗ contradict") == min(contradictions, LARGE_FINDINGS) and "✓ agree" not in table
    assert "in this table with --all" in " ".join(table.split())  # (however the message wraps)
    if contradictions > LARGE_FINDINGS:
        assert f"the first {LARGE_FINDINGS} of the {contradictions} contradictions" in " ".join(table.split())
    assert everything.count("✓ agree") == report.summary.agree
    if contradictions > 2:  # a digest lists at most LARGE_FINDINGS contradictions and says how many there are
        monkeypatch.setattr(rendering, "LARGE_FINDINGS", 2)
        digest = render(report, "table", width=100)
        assert digest.count("✗ contradict") == 2
        assert f"the first 2 of the {contradictions} contradictions" in " ".join(digest.split())


# ----------------------------------------------------------------------------- stable ids
@pytest.fixture(scope="module")
def unrelated(tmp_path_factory) -> list[Path]:
    """Articles about other people and companies than tests/data/invented's."""
    folder = tmp_path_factory.mktemp("unrelated")
    generate(folder, 40, seed=7)
    return sorted(p for p in folder.iterdir() if p.name.startswith(("seeds-", "harborline-")))


@pytest.fixture(scope="module")
def base_report():
    return json.loads(report_json(INVENTED))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_adding_an_unrelated_article_or_a_copy_keeps_every_id(data, unrelated, base_report, tmp_path_factory):
    folder = tmp_path_factory.mktemp("grown")
    for p in INVENTED.iterdir():
        shutil.copy(p, folder / p.name)
    if data.draw(st.booleans(), label="a copy"):
        original = data.draw(st.sampled_from(sorted(INVENTED.glob("*.txt"))), label="copied")
        shutil.copy(original, folder / f"zz-copy-of-{original.name}")
    else:
        extra = data.draw(st.sampled_from(unrelated), label="unrelated")
        shutil.copy(extra, folder / extra.name)
    grown = json.loads(report_json(folder))
    claims = {c["id"]: c for c in grown["claims"]}
    for c in base_report["claims"]:
        assert claims.get(c["id"]) == c
    ids = {f["id"] for f in grown["findings"]}
    assert {f["id"] for f in base_report["findings"]} <= ids


def test_the_json_report_written_in_pieces_is_pydantics_text(corpus, monkeypatch, tmp_path):
    from verifier.report import render
    from verifier.report.render import json_chunks

    report = build([corpus])
    whole = report.model_dump_json(indent=2) + "\n"
    assert "".join(json_chunks(report)) == whole
    assert b"".join(render.json_pieces(report)) == whole.encode()  # what `report -o FILE.json` writes
    for size in (1, 2, 7):  # a piece of `size` items at most: never the whole text at once
        monkeypatch.setattr(render, "JSON_PIECE", size)
        pieces = list(json_chunks(report))
        assert len(pieces) > len(report.claims) / size
        assert "".join(pieces) == whole
    empty = report.model_copy(update={"findings": [], "unclaimed": []})
    assert "".join(json_chunks(empty)) == empty.model_dump_json(indent=2) + "\n"
    # the claims written by a forked process while the report is built: the same text, read
    # back a few bytes at a time (never cutting a character in two), and read once
    monkeypatch.setattr(render, "JSON_PIECE", 500)
    monkeypatch.setattr(render, "READ_BACK", 7)
    render.render_elsewhere("claims", report.claims)
    assert report.claims.rendered is not None
    assert b"".join(render.json_pieces(report)) == whole.encode()
    assert report.claims.rendered is None
    render.render_elsewhere("claims", report.claims)
    assert "".join(json_chunks(report)) == whole
    # a forked process that fails leaves the pieces to be made here
    here, shelf_pieces = os.getpid(), render._shelf_pieces

    def failing_elsewhere(*args):
        if os.getpid() != here:
            raise RuntimeError("the forked process fails")
        return shelf_pieces(*args)

    monkeypatch.setattr(render, "_shelf_pieces", failing_elsewhere)
    render.render_elsewhere("claims", report.claims)
    assert b"".join(render.json_pieces(report)) == whole.encode()
    # `report --format json` with a cache has them written so
    cached = build([corpus], cache=Cache(tmp_path / "cache"), json_out=True)
    assert cached.claims.rendered is not None and "".join(json_chunks(cached)) == whole
    # and so does a cold run with two processes (the second core is idle at the report's end),
    # but not one with one process (which would wait for its fork), nor a few claims
    assert build([corpus], json_out=True, jobs=2).claims.rendered is None
    monkeypatch.setattr(model, "RENDER_ELSEWHERE_CLAIMS", 1)
    shared = build([corpus], json_out=True, jobs=2)
    assert shared.claims.rendered is not None and "".join(json_chunks(shared)) == whole
    assert build([corpus], json_out=True, jobs=1).claims.rendered is None
