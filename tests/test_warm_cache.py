"""Warm runs (issue 11): what a re-run restores from the cache instead of computing (the merged
entity index, ...) gives the same output as a run without the cache, and an entry that is
corrupt or was not written by this tool is ignored, never trusted, and never a crash."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

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
