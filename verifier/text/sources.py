"""Reading sources: files and folders in, decoded `Source` objects out.

A source is one `.txt` or `.md` article. Its id is the file stem; its text is the decoded file,
exactly as read (Python `str` offsets, no newline translation). UTF-8 is tried first, then
GB18030 and Big5; where both of those decode, the one whose characters look like real Chinese
wins. Publication dates come from an optional `manifest.toml` beside the articles, else from a
dateline near the top of the article.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Literal, Mapping

from verifier.errors import VerifierError
from verifier.lang import read_data_file

SUFFIXES = (".txt", ".md")
MANIFEST = "manifest.toml"
MAX_BYTES = 5_000_000
LANGUAGE_SAMPLE = 1200  # Chinese characters looked at to tell the scripts apart
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
Language = Literal["zh-Hant", "zh-Hans", "en", "mixed"]


@dataclass
class Source:
    id: str
    path: str
    text: str
    language: Language = "en"
    published: dt.date | None = None
    published_from: str | None = None  # "manifest" or "dateline"
    title: str | None = None
    url: str | None = None
    timezone: str | None = None  # IANA name: from the manifest or the dateline
    timezone_from: str | None = None
    # filled by the pipeline
    folded: str = field(default="", repr=False)


# --------------------------------------------------------------------------- decoding
@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    return frozenset(read_data_file("encoding.toml")["common_chinese"])


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(sample) // 100)


def _chinese_quality(text: str) -> float:
    from verifier.text.fold import to_simplified

    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    common = _common_chars()
    simplified = to_simplified("".join(cjk))
    return sum(1 for c in simplified if c in common) / len(cjk)


def decode(data: bytes, name: str) -> str:
    """Decode a file's bytes, or raise a one-line VerifierError saying why it can't be read."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise VerifierError(f"{name}: bad UTF-16 text at byte {exc.start}") from None
    if not data.strip():
        raise VerifierError(f"{name}: the file is empty")
    if _looks_binary(data):
        raise VerifierError(f"{name}: this looks like a binary file, not an article (.txt or .md text)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    decoded = []
    for encoding in ("gb18030", "big5"):
        try:
            decoded.append((encoding, data.decode(encoding)))
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise VerifierError(
            f"{name}: not valid UTF-8 (bad byte at offset {utf8_error}), GB18030 or Big5 text"
        )
    best = max(decoded, key=lambda pair: _chinese_quality(pair[1]))
    if _chinese_quality(best[1]) < 0.3:
        raise VerifierError(
            f"{name}: not valid UTF-8 (bad byte at offset {utf8_error}) and not recognisable as GB18030 or Big5"
        )
    return best[1]


# --------------------------------------------------------------------------- language
def detect_language(text: str) -> Language:
    """zh-Hant, zh-Hans, mixed (both scripts in earnest), or en."""
    from verifier.text.fold import to_simplified, to_traditional

    cjk = "".join(_CJK_RUN.findall(text))
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    if not cjk or len(cjk) < 0.2 * (latin + len(cjk)):
        return "en"
    sample = cjk[:LANGUAGE_SAMPLE]
    trad = sum(map(str.__ne__, sample, to_simplified(sample)))  # characters only Traditional has
    simp = sum(map(str.__ne__, sample, to_traditional(sample)))  # and only Simplified
    marked = trad + simp
    if marked == 0:
        return "zh-Hans"
    minority = min(trad, simp)
    if minority >= 10 and minority / marked >= 0.04:
        return "mixed"
    return "zh-Hant" if trad > simp else "zh-Hans"


# --------------------------------------------------------------------------- manifest
def _read_manifest(folder: Path) -> dict[str, dict]:
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise VerifierError(f"{path}: malformed manifest: {exc}") from None
    entries = data.get("sources", {})
    if not isinstance(entries, dict):
        raise VerifierError(f"{path}: malformed manifest: [sources] must be a table of source ids")
    out: dict[str, dict] = {}
    for sid, entry in entries.items():
        if not isinstance(entry, dict):
            raise VerifierError(f"{path}: malformed manifest: [sources.{sid}] must be a table")
        published = entry.get("published")
        if isinstance(published, str):
            try:
                published = dt.date.fromisoformat(published)
            except ValueError:
                raise VerifierError(f"{path}: [sources.{sid}] published = {published!r} is not an ISO date") from None
        if isinstance(published, dt.datetime):
            published = published.date()
        if published is not None and not isinstance(published, dt.date):
            raise VerifierError(f"{path}: [sources.{sid}] published must be a date such as 2026-02-13")
        out[sid] = {**entry, "published": published}
    return out


# --------------------------------------------------------------------------- collecting
def collect(paths: Iterable[str | Path]) -> list[tuple[Path, dict]]:
    """Article files under the given files and folders, with their manifest entries."""
    found: list[tuple[Path, dict]] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise VerifierError(f"{path}: no such file or folder")
        if path.is_dir():
            manifest = _read_manifest(path)
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                raise VerifierError(f"{path}: no articles here (.txt or .md files)")
            for f in files:
                if f.resolve() not in seen:
                    seen.add(f.resolve())
                    found.append((f, manifest.get(f.stem, {})))
        else:
            if path.suffix.lower() not in SUFFIXES:
                raise VerifierError(f"{path}: not an article: expected a .txt or .md file")
            if path.resolve() not in seen:
                seen.add(path.resolve())
                found.append((path, _read_manifest(path.parent).get(path.stem, {})))
    ids: dict[str, Path] = {}
    for f, _ in found:
        if f.stem in ids:
            raise VerifierError(f"two sources share the id {f.stem!r}: {ids[f.stem]} and {f}")
        ids[f.stem] = f
    return found


def read_source(path: Path, entry: dict | None = None, text: str | None = None) -> Source:
    """Read one article (or wrap `text` given for it) into a Source."""
    entry = entry or {}
    if text is None:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise VerifierError(f"{path}: {size:,} bytes is too large for one article (limit {MAX_BYTES:,})")
        text = decode(path.read_bytes(), str(path))
    if not text.strip():
        raise VerifierError(f"{path}: the file is empty")
    language = entry.get("language") or detect_language(text)
    source = Source(
        id=path.stem, path=str(path), text=text, language=language,
        title=entry.get("title"), url=entry.get("url"),
    )
    if entry.get("published"):
        source.published = entry["published"]
        source.published_from = "manifest"
    if entry.get("timezone"):
        source.timezone, source.timezone_from = entry["timezone"], "manifest"
    return source


def load(paths: Iterable[str | Path]) -> list[Source]:
    return [read_source(path, entry) for path, entry in collect(paths)]


def from_texts(texts: Mapping[str, str]) -> list[Source]:
    """Sources from texts in memory, keyed by source id (for the Python API)."""
    sources = []
    for sid, text in texts.items():
        if not isinstance(sid, str) or not sid.strip() or not isinstance(text, str):
            raise VerifierError(f"{sid!r}: sources must map an id (a non-empty string) to the article's text")
        source = read_source(Path(sid), {}, text=text)
        source.id, source.path = sid, sid
        sources.append(source)
    return sources
