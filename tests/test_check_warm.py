"""A warm `verifier check` (issue 11): the cache vouches for source files unchanged since it
read them (size, times, inode, device), so a check against an archive reads only the articles
it cites; a changed file is read again, and a damaged entry is ignored, never trusted."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from verifier.bench.corpus import generate
from verifier.cache import FILE
from verifier.check import trusted


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    generate(folder, 30)
    return folder


@pytest.fixture()
def news(corpus, tmp_path, monkeypatch) -> Path:
    """A copy of the archive whose files count as old enough to be vouched for."""
    monkeypatch.setattr(trusted, "RACY_NS", 0)
    folder = tmp_path / "news"
    shutil.copytree(corpus, folder)
    return folder


@pytest.fixture()
def draft(corpus, tmp_path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(sorted(corpus.glob("veltrix-*en.txt"))[0].read_text(encoding="utf-8").replace("2019", "2017"),
                    encoding="utf-8")
    return path


def spy_reading(monkeypatch) -> list[str]:
    """The article files check reads."""
    read: list[str] = []
    real = trusted._read

    def spy(path):
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(trusted, "_read", spy)
    return read


def check_json(folder: Path, draft: Path, tmp_path: Path, *options: str) -> tuple[int, str]:
    from verifier.cli import main

    out = tmp_path / "out.json"
    code = main(["check", str(draft), "--against", str(folder), "--format", "json", "-o", str(out), *options])
    return code, out.read_text(encoding="utf-8")


def files_entries(cache_dir: Path) -> list[str]:
    """The keys of the entries that vouch for files (path -> size, times, inode, device, digest)."""
    db = sqlite3.connect(cache_dir / FILE)
    try:
        rows = [(k, json.loads(v)["data"]) for k, v in db.execute("SELECT key, value FROM entry")]
    finally:
        db.close()
    return [k for k, data in rows if isinstance(data, dict) and data
            and all(isinstance(v, list) and len(v) == 6 for v in data.values())]


def overwrite(cache_dir: Path, key: str, data: object) -> None:
    db = sqlite3.connect(cache_dir / FILE)
    db.execute("UPDATE entry SET value = ? WHERE key = ?", (json.dumps({"key": key, "data": data}), key))
    db.commit()
    db.close()


def test_a_warm_check_reads_only_the_articles_it_cites(news, draft, tmp_path, monkeypatch):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    expected = check_json(news, draft, tmp_path, "--no-cache", "--jobs", "1")
    assert '"code": "D101"' in expected[1] and expected[0] == 1
    read = spy_reading(monkeypatch)
    assert check_json(news, draft, tmp_path, *cache, "--jobs", "2") == expected
    assert len(read) == len(list(news.iterdir()))  # cold: every article
    read.clear()
    assert check_json(news, draft, tmp_path, *cache, "--jobs", "1") == expected
    cited = {Path(r["path"]).name for d in json.loads(expected[1])["diagnostics"] for r in d["related"]}
    assert read and set(read) <= cited  # warm: the texts of the places the diagnostics show


def test_a_changed_article_is_read_again_though_its_size_and_modification_time_are_the_same(
        news, draft, tmp_path, monkeypatch):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    check_json(news, draft, tmp_path, *cache)
    article = sorted(news.glob("veltrix-*en.txt"))[1]
    before = os.stat(article)
    time.sleep(0.05)  # past the file system's clock tick
    text = article.read_text(encoding="utf-8")
    assert "2019" in text
    article.write_text(text.replace("2019", "2016"), encoding="utf-8")  # as many bytes
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(article).st_size == before.st_size and os.stat(article).st_mtime_ns == before.st_mtime_ns
    expected = check_json(news, draft, tmp_path, "--no-cache")
    read = spy_reading(monkeypatch)
    assert check_json(news, draft, tmp_path, *cache) == expected
    assert article.name in read


def test_a_file_just_written_is_not_vouched_for(corpus, draft, tmp_path, monkeypatch):
    """Within RACY_NS of its last change a file could change again within one tick of its
    times: it is read on every run until it is older."""
    folder = tmp_path / "fresh"
    shutil.copytree(corpus, folder)
    cache = ["--cache-dir", str(tmp_path / "cache")]
    monkeypatch.setattr(trusted, "RACY_NS", 3600 * 10**9)
    check_json(folder, draft, tmp_path, *cache)
    read = spy_reading(monkeypatch)
    check_json(folder, draft, tmp_path, *cache)
    assert len(read) == len(list(folder.iterdir()))


def test_a_damaged_entry_of_the_files_is_ignored(news, draft, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    cache = ["--cache-dir", str(cache_dir)]
    expected = check_json(news, draft, tmp_path, "--no-cache")
    assert check_json(news, draft, tmp_path, *cache) == expected
    (key,) = files_entries(cache_dir)
    read = spy_reading(monkeypatch)
    for bad in ("nonsense", [1, 2], {str(a): [1, 2, 3] for a in news.iterdir()},
                {str(a): ["1", 2, 3, 4, 5, "x"] for a in news.iterdir()}):
        overwrite(cache_dir, key, bad)
        read.clear()
        assert check_json(news, draft, tmp_path, *cache) == expected
        assert len(read) == len(list(news.iterdir()))  # nothing vouched for: every file read


def test_an_entry_that_vouches_for_other_contents_is_an_error_once_then_forgotten(news, draft, tmp_path, capsys):
    """A digest that is not the file's (the entry damaged, or the file changed during the run)
    is seen when the text is read: a one-line error, and the next run reads every file."""
    from verifier.cli import main

    cache_dir = tmp_path / "cache"
    cache = ["--cache-dir", str(cache_dir)]
    expected = check_json(news, draft, tmp_path, "--no-cache")
    check_json(news, draft, tmp_path, *cache)
    (key,) = files_entries(cache_dir)
    db = sqlite3.connect(cache_dir / FILE)
    (value,) = db.execute("SELECT value FROM entry WHERE key = ?", (key,)).fetchone()
    db.close()
    data = json.loads(value)["data"]
    overwrite(cache_dir, key, {name: [*v[:5], "0" * 32] for name, v in data.items()})
    capsys.readouterr()
    code = main(["check", str(draft), "--against", str(news), "--format", "json", "-o", str(tmp_path / "x.json"), *cache])
    err = capsys.readouterr().err
    assert code == 2 and "changed while it was being checked" in err and "Traceback" not in err
    assert check_json(news, draft, tmp_path, *cache) == expected
