"""Warm runs (issue 11): what a re-run restores from the cache instead of computing (the merged
entity index, ...) gives the same output as a run without the cache, and an entry that is
corrupt or was not written by this tool is ignored, never trusted, and never a crash."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from verifier import pipeline
from verifier.bench.corpus import generate
from verifier.cache import FILE, Cache
from verifier.claims.entities import EntityIndex, load_registry
from verifier.report.model import build
from verifier.report.render import render


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("warm")
    generate(folder, 40)
    return folder


def report_json(folder: Path, **run) -> str:
    return render(build([folder], load_registry(), **run), "json")


def entries(cache_dir: Path) -> dict[str, object]:
    db = sqlite3.connect(cache_dir / FILE)
    try:
        return {k: json.loads(v)["data"] for k, v in db.execute("SELECT key, value FROM entry")}
    finally:
        db.close()


def overwrite(cache_dir: Path, values: dict[str, str]) -> None:
    db = sqlite3.connect(cache_dir / FILE)
    for k, value in values.items():
        db.execute("UPDATE entry SET value = ? WHERE key = ?", (value, k))
    db.commit()
    db.close()


def merges(monkeypatch) -> list[int]:
    """How many times the pipeline merges an entity index from the articles' lessons."""
    calls: list[int] = []
    real = pipeline.merge_index

    def spy(lessons, registry=None):
        calls.append(1)
        return real(lessons, registry)

    monkeypatch.setattr(pipeline, "merge_index", spy)
    return calls


# ----------------------------------------------------------------------------- the merged index
def test_an_index_restored_from_its_mention_state_finds_the_same_mentions(corpus):
    prepared, index = pipeline.extract_sources(pipeline.load([corpus]), load_registry())
    restored = EntityIndex.from_mention_state(json.loads(json.dumps(index.mention_state())))
    assert restored.fingerprint() == index.fingerprint()
    for p in prepared[:10]:
        text, folded = p.source.text, p.source.folded
        assert restored.mentions(text, folded) == index.mentions(text, folded)


@pytest.mark.parametrize("state", [
    "not a dict", {"by_key": {}}, {"by_key": {"a": "Nobody"}, "types": {}, "surname": {}, "given": {}},
    {"by_key": {"a": 1}, "types": {"1": "org"}, "surname": {}, "given": {}},
    {"by_key": {}, "types": {}, "surname": {"lin": ["Lin Peishan"]}, "given": {}},
])
def test_a_state_that_is_not_an_index_is_refused(state):
    with pytest.raises(ValueError):
        EntityIndex.from_mention_state(state)


def test_a_rerun_restores_the_index_and_a_bad_index_entry_is_merged_again(corpus, tmp_path, monkeypatch):
    folder = tmp_path / "news"
    shutil.copytree(corpus, folder)
    cache_dir = tmp_path / "cache"
    calls = merges(monkeypatch)
    first = report_json(folder, cache=Cache(cache_dir))
    assert calls == [1]
    calls.clear()
    assert report_json(folder, cache=Cache(cache_dir)) == first and calls == []
    # an article changed without teaching another name: the index is still the one restored
    changed = sorted(folder.glob("veltrix-*en.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("employees", "staff members", 1), encoding="utf-8")
    again = report_json(folder, cache=Cache(cache_dir))
    assert calls == [] and again == report_json(folder)
    # an index entry that names an entity it does not have, or is not one at all: merged again
    indexes = [k for k, data in entries(cache_dir).items() if isinstance(data, dict) and "by_key" in data]
    assert len(indexes) == 1
    for bad in ({"by_key": {"x": "Nobody"}, "types": {}, "surname": {}, "given": {}}, [1, 2]):
        overwrite(cache_dir, {indexes[0]: json.dumps({"key": indexes[0], "data": bad})})
        calls.clear()
        assert report_json(folder, cache=Cache(cache_dir)) == again and calls == [1]


# ----------------------------------------------------------------------------- check snapshots
def check_json(corpus: Path, draft: Path, tmp_path: Path, *cache: str) -> str:
    from verifier.cli import main

    out = tmp_path / "out.json"
    main(["check", str(draft), "--against", str(corpus), "--format", "json", "-o", str(out), "--jobs", "1",
          *(cache or ["--no-cache"])])
    return out.read_text(encoding="utf-8")


def spy_preparing(monkeypatch) -> list[int]:
    """How many times the trusted articles are prepared (what a snapshot spares)."""
    calls: list[int] = []
    real = pipeline.prepare_corpus

    def spy(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "prepare_corpus", spy)
    return calls


@pytest.fixture()
def drafts(corpus, tmp_path) -> list[Path]:
    """A draft with a wrong year, and another draft of the same article (the same names)."""
    source = sorted(corpus.glob("veltrix-*en.txt"))[0].read_text(encoding="utf-8")
    assert "2019" in source
    paths = []
    for name, text in (("draft.md", source.replace("2019", "2017")), ("other.md", source.replace("2019", "2018"))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_a_warm_check_reads_a_snapshot_and_says_what_a_cold_one_says(corpus, drafts, tmp_path, monkeypatch):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    cold = [check_json(corpus, d, tmp_path) for d in drafts]
    assert '"code": "D101"' in cold[0] and cold[0] != cold[1]
    prepared = spy_preparing(monkeypatch)
    assert check_json(corpus, drafts[0], tmp_path, *cache) == cold[0] and prepared == [1]  # writes the snapshot
    prepared.clear()
    assert check_json(corpus, drafts[0], tmp_path, *cache) == cold[0] and prepared == []  # the same draft
    assert check_json(corpus, drafts[1], tmp_path, *cache) == cold[1] and prepared == []  # the same names
    # an article changed: the snapshot is not of these articles any more
    changed = tmp_path / "news"
    shutil.copytree(corpus, changed)
    article = sorted(changed.glob("veltrix-*en.txt"))[1]
    article.write_text(article.read_text(encoding="utf-8").replace("2019", "2016"), encoding="utf-8")
    expected = check_json(changed, drafts[0], tmp_path)
    prepared.clear()
    assert check_json(changed, drafts[0], tmp_path, *cache) == expected and prepared == [1]


def test_a_damaged_snapshot_is_not_trusted(corpus, drafts, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    cache = ["--cache-dir", str(cache_dir)]
    cold = check_json(corpus, drafts[0], tmp_path)
    assert check_json(corpus, drafts[0], tmp_path, *cache) == cold
    stored = entries(cache_dir)
    drafted = [k for k, data in stored.items() if isinstance(data, dict) and "sources" in data]
    indexed = [k for k, data in stored.items() if isinstance(data, dict) and data.keys() == {"index", "claims"}]
    buckets = [k for k, data in stored.items() if isinstance(data, list) and data and isinstance(data[0], list)
               and len(data[0]) == 4]
    assert len(drafted) == 1 and len(indexed) == 1 and len(buckets) > 10
    prepared = spy_preparing(monkeypatch)
    # every bucket emptied: the draft's claims find no source, unless the damage is seen
    overwrite(cache_dir, {k: json.dumps({"key": k, "data": [["x", "y", "z", [{"id": 1}]]]}) for k in buckets})
    assert check_json(corpus, drafts[0], tmp_path, *cache) == cold and prepared == [1]
    prepared.clear()
    assert check_json(corpus, drafts[0], tmp_path, *cache) == cold and prepared == []  # written again
    db = sqlite3.connect(cache_dir / FILE)
    db.execute(f"DELETE FROM entry WHERE key IN ({','.join('?' * len(buckets))})", buckets)
    db.commit()
    db.close()
    assert check_json(corpus, drafts[0], tmp_path, *cache) == cold and prepared == [1]
    for bad in ({"claims": [{"id": 1}], "sources": "x"}, {"claims": [], "sources": 7}, "nonsense"):
        overwrite(cache_dir, {drafted[0]: json.dumps({"key": drafted[0], "data": bad}),
                              indexed[0]: json.dumps({"key": indexed[0], "data": bad})})
        assert check_json(corpus, drafts[0], tmp_path, *cache) == cold


# ----------------------------------------------------------------------------- reading articles
def _language_counting_every_letter(text: str) -> str:
    """detect_language as it was: the Latin letters always counted."""
    import re

    from verifier.text.fold import simplified_chars, traditional_chars
    from verifier.text.sources import _CJK_RUN, LANGUAGE_SAMPLE

    cjk = "".join(_CJK_RUN.findall(text))
    latin = sum(map(len, re.findall(r"[A-Za-z]+", text)))
    if not cjk or len(cjk) < 0.2 * (latin + len(cjk)):
        return "en"
    sample = cjk[:LANGUAGE_SAMPLE]
    trad = sum(map(traditional_chars().__contains__, sample))
    simp = sum(map(simplified_chars().__contains__, sample))
    if trad + simp == 0:
        return "zh-Hans"
    if min(trad, simp) >= 10 and min(trad, simp) / (trad + simp) >= 0.04:
        return "mixed"
    return "zh-Hant" if trad > simp else "zh-Hans"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z1,.\n。中文國语汉説说")), max_size=80))
def test_language_detection_counts_latin_letters_only_when_they_can_matter(text):
    from verifier.text.sources import detect_language

    assert detect_language(text) == _language_counting_every_letter(text)


def test_language_detection_of_the_archive_is_unchanged(corpus):
    from verifier.text.sources import detect_language

    for path in sorted(corpus.iterdir()):
        text = path.read_text(encoding="utf-8")
        assert detect_language(text) == _language_counting_every_letter(text)


# ----------------------------------------------------------------------------- the collector
def test_nested_kept_blocks_set_aside_until_the_outermost_one_ends():
    import gc

    from verifier.collector import kept

    assert gc.get_freeze_count() == 0
    with kept():
        first = [object() for _ in range(10)]
        with kept():
            inner = gc.get_freeze_count()
            assert inner > 0
            second = [[] for _ in range(10)]
        assert gc.get_freeze_count() > inner  # what the inner block made is set aside too
        with kept():
            pass
        assert gc.get_freeze_count() > inner
    assert gc.get_freeze_count() == 0  # all put back when the outermost block ends
    del first, second


def test_a_run_collects_its_young_objects_less_often_and_leaves_the_settings_as_they_were():
    import gc

    from verifier.collector import YOUNG, kept

    before = gc.get_threshold()
    with kept():
        assert gc.get_threshold()[0] == max(YOUNG, before[0]) and gc.get_threshold()[1:] == before[1:]
        with kept():
            assert gc.get_threshold()[0] == max(YOUNG, before[0])
        assert gc.get_threshold()[0] == max(YOUNG, before[0])
    assert gc.get_threshold() == before


# ----------------------------------------------------------------------------- re-runs in two processes
def _groups(report: str) -> dict[tuple, int]:
    """How many claims each comparison group holds (one subject, predicate and kind)."""
    from collections import Counter

    return Counter((c["subject"], c["predicate"], c["kind"]) for c in json.loads(report)["claims"])


def test_a_rerun_in_two_processes_writes_what_a_run_without_the_cache_writes(corpus, tmp_path, monkeypatch):
    folder = tmp_path / "news"
    shutil.copytree(corpus, folder)
    cache_dir = tmp_path / "cache"
    started = []
    real_start = pipeline.Runner.start

    def spy(self, func, items, *args, **kwargs):
        started.append((func.__name__, len(items)))
        return real_start(self, func, items, *args, **kwargs)

    monkeypatch.setattr(pipeline.Runner, "start", spy)
    first = report_json(folder, jobs=2, cache=Cache(cache_dir))
    assert first == report_json(folder)
    changed = sorted(folder.glob("veltrix-*en.txt"))[0]
    text = changed.read_text(encoding="utf-8")
    sentence = "Only two of the five co-founders remain at the company."
    assert sentence in text
    # a sentence taken out (its group loses a claim), put back with other words (it gains it
    # again), then an amount changed (the same groups)
    before, kept = first, len(entries(cache_dir))
    for edit in (text.replace(sentence, ""), text.replace("employees", "workers", 1), text.replace("600", "650", 1)):
        assert edit != text
        changed.write_text(edit, encoding="utf-8")
        started.clear()
        again = report_json(folder, jobs=2, cache=Cache(cache_dir))
        assert again == report_json(folder)
        # the changed article alone was prepared and extracted again, in the background
        assert ("_prepared_elsewhere", 1) in started and ("_extract_packed", 1) in started
        assert again != before and (_groups(again) != _groups(before)) == ("600" in edit)
        # the article's new entries (prepared, claims) are added; its groups' findings replaced
        assert len(entries(cache_dir)) <= kept + 2
        before, kept = again, len(entries(cache_dir))
    # entries that are not what the tool writes are redone in the same run, with the same result
    for k, value in list(entries(cache_dir).items())[:40:7]:
        overwrite(cache_dir, {k: json.dumps({"key": k, "data": "not an entry"})})
    assert report_json(folder, jobs=2, cache=Cache(cache_dir)) == before


# ----------------------------------------------------------------------------- syndicated copies
def _copies_pairing_every_shingle(signatures, published):
    """copies_among as it was: every shingle in the index, every pair sorted."""
    from collections import Counter, defaultdict
    from itertools import combinations

    from verifier.text import syndication as s

    sets = {sid: set(sig[0]) for sid, sig in signatures.items()}
    index = defaultdict(list)
    for sid in sorted(sets):
        for h in sets[sid]:
            index[h].append(sid)
    shared = Counter()
    for ids in index.values():
        if 1 < len(ids) <= s.MAX_POSTINGS:
            shared.update(combinations(ids, 2))
    copies = {}
    for (a, b), n in sorted(shared.items()):
        if n < s.MIN_SHARED or n / (min(len(sets[a]), len(sets[b])) or 1) < s.COPY_CONTAINMENT:
            continue
        copy, original = s._which_copy(a, b, published, {x: signatures[x][1] for x in (a, b)})
        if copy not in copies:
            copies[copy] = copies.get(original, original)
    return copies


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([f"a{i}" for i in range(12)]),
                       st.tuples(st.lists(st.integers(0, 14), max_size=14), st.booleans()), min_size=2),
       st.dictionaries(st.sampled_from([f"a{i}" for i in range(12)]), st.dates()),
       st.sampled_from([3, 200]))
def test_copies_leave_out_shingles_of_one_article_and_find_the_same_copies(signatures, published, max_postings):
    import datetime as dt

    from verifier.text import syndication

    published = {k: v for k, v in published.items() if isinstance(v, dt.date)}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(syndication, "MAX_POSTINGS", max_postings)
        assert syndication.copies_among(signatures, published) == _copies_pairing_every_shingle(signatures, published)


def test_articles_read_in_two_processes_are_the_same_and_a_bad_one_is_the_same_error(corpus, tmp_path, monkeypatch):
    from verifier import io
    from verifier.errors import VerifierError
    from verifier.text import sources

    monkeypatch.setattr(sources, "READ_IN_PROCESSES", 10)
    assert [s.__dict__ for s in sources.load([corpus], 2)] == [s.__dict__ for s in sources.load([corpus], 1)]
    io.forget_inputs()
    read = sources.load([corpus], 2)
    # the files other processes read are this run's inputs here too (never overwritten by an output)
    assert {os.path.realpath(s.path) for s in read} <= io.inputs_read and len(read) > 10
    folder = tmp_path / "news"
    shutil.copytree(corpus, folder)
    (folder / sorted(p.name for p in folder.iterdir())[25]).write_bytes(b"  \n")  # empty: an error
    errors = []
    for jobs in (1, 2):
        with pytest.raises(VerifierError) as caught:
            sources.load([folder], jobs)
        errors.append(str(caught.value))
    assert errors[0] == errors[1] and "the file is empty" in errors[0]
