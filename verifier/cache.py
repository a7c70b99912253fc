"""The incremental cache: what was learnt from an article and the claims extracted from it,
kept between runs so that a corpus where one article changed re-extracts only what must be.

Each entry is keyed by a digest of everything its result depends on: the article's content
(text, id, language, manifest dates), the tool (its version and a digest of its code and data
files) and, for claims, the fingerprint of the merged name index (when a name learnt anywhere
changes how any article's names resolve, every article is extracted again). The findings of a
comparison group are kept under the group (its subject, predicate and kind), with a digest of
what they depend on, so a group compared again replaces its entry. One SQLite file
holds the entries (`$XDG_CACHE_HOME/verifier`, else `~/.cache/verifier`, or `--cache-dir`),
written in one transaction per stage, so a run that is killed leaves the entries of earlier
runs as they were. An entry is JSON that names its own key; one that does not parse, does not
name the key it was read for, or does not validate (an article's claims: their text does not
match the digest written with it) is ignored (and replaced), never trusted.
A cache that cannot be opened or read is left alone and the run goes on without it.

Each entry records the tool that wrote it. Entries of another version of the tool can never
be read again (their keys hold that tool's digest), so the first run of a new version that
writes to the cache deletes them: the cache holds one version's entries, not one per upgrade.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Iterable

FILE = "cache-v2.sqlite3"
OLD_FILES = ("cache-v1.sqlite3",)  # formats of earlier versions, removed when found


def default_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "verifier"


@lru_cache(maxsize=1)
def tool_digest() -> str:
    """The tool's version and a digest of its code and data files: a change to either makes
    every entry of an older tool foreign."""
    from verifier import __version__

    root = Path(__file__).resolve().parent
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.suffix in (".py", ".toml") and rel.parts[0] != "bench" and "__pycache__" not in rel.parts:
            h.update(str(rel).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def digest(*parts: object) -> str:
    return hashlib.blake2b(json.dumps(parts, ensure_ascii=False, default=str).encode(), digest_size=16).hexdigest()


def text_digest(*parts: str) -> str:
    """`digest` of strings that hold no NUL character (ids, digests, dates), without writing
    them as JSON first: many keys are made on every run."""
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


class Cache:
    """Entries by key in one SQLite file. Every failure to read or write is a miss."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._db: sqlite3.Connection | None = None
        self.broken = False
        self.hits = self.misses = 0
        self._pruned = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self.broken:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.folder / FILE, timeout=30, isolation_level=None)
                db.execute("PRAGMA auto_vacuum = INCREMENTAL")  # a new file gives back deleted pages
                db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, value TEXT NOT NULL, tool TEXT)")
                self._db = db
                for old in OLD_FILES:
                    (self.folder / old).unlink(missing_ok=True)
            except (OSError, sqlite3.Error):
                self.broken = True  # not a cache we can use: run without it
        return self._db

    def get_many(self, keys: Iterable[str]) -> dict[str, object]:
        """The stored data of the keys found, each checked to be an entry for its own key."""
        keys = list(dict.fromkeys(keys))
        db = self._connect()
        found: dict[str, object] = {}
        if db is None or not keys:
            self.misses += len(keys)
            return found
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                rows = db.execute(f"SELECT key, value FROM entry WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                for key, value in rows:
                    data = _entry_data(key, value)
                    if data is not None:
                        found[key] = data
        except sqlite3.Error:
            self.broken = True
            found = {}
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def holds_entries(self) -> bool:
        """Whether the cache holds entries of this tool (an earlier run of it wrote here)."""
        db = self._connect()
        if db is None:
            return False
        try:
            return db.execute("SELECT 1 FROM entry WHERE tool = ? LIMIT 1", (tool_digest(),)).fetchone() is not None
        except sqlite3.Error:
            self.broken = True
            return False

    def present(self, keys: Iterable[str]) -> set[str]:
        """The keys that have an entry (read or not: get_many says whether it is valid)."""
        keys = list(dict.fromkeys(keys))
        db = self._connect()
        found: set[str] = set()
        if db is None:
            return found
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                found.update(k for (k,) in db.execute(f"SELECT key FROM entry WHERE key IN ({','.join('?' * len(chunk))})", chunk))
        except sqlite3.Error:
            self.broken = True
            return set()
        return found

    def put_many(self, items: dict[str, object]) -> None:
        """Store the entries in one transaction: all of them or none."""
        db = self._connect()
        if db is None or not items:
            return
        tool = tool_digest()
        rows = [(key, json.dumps({"key": key, "data": data}, ensure_ascii=False, separators=(",", ":")), tool)
                for key, data in items.items()]
        try:
            db.execute("BEGIN IMMEDIATE")
            deleted = 0
            if not self._pruned:  # once a run: what older versions wrote is never read again
                deleted = db.execute("DELETE FROM entry WHERE tool IS NOT ?", (tool,)).rowcount
                self._pruned = True
            db.executemany("INSERT OR REPLACE INTO entry (key, value, tool) VALUES (?, ?, ?)", rows)
            db.execute("COMMIT")
            if deleted > 0:
                # give the deleted entries' pages back; executescript steps the pragma to the end
                # (execute stops after one step, which frees one page)
                db.executescript("PRAGMA incremental_vacuum;")
        except sqlite3.Error:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self.broken = True

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _entry_data(key: str, value: object) -> object | None:
    """The data of an entry that is one for `key`; None for anything else."""
    try:
        entry = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key or "data" not in entry:
        return None
    return entry["data"]


def open_cache(option: str | None = None, disabled: bool = False) -> Cache | None:
    """The cache a command uses: --cache-dir, else the default folder; None with --no-cache."""
    if disabled:
        return None
    return Cache(Path(option) if option else default_folder())
