"""Reading sources: files and folders in, decoded `Source` objects out.

A source is one `.txt` or `.md` article. Its id is the file stem; its text is the decoded file,
exactly as read (Python `str` offsets, no newline translation). UTF-8 is tried first, then
GB18030 and Big5; where both of those decode, the one whose characters look like real Chinese
wins. Publication dates come from an optional `manifest.toml` beside the articles, else from a
dateline near the top of the article.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Literal, Mapping

from verifier.errors import VerifierError
from verifier.io import file_status, folder_files, note_input, read_file
from verifier.text.frontmatter import front_matter
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
    published_from: str | None = None  # "manifest", "front matter" or "dateline"
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
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: same first bytes
        return _decode_bom(data, "utf-32", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_bom(data, "utf-16", name)
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


def _decode_bom(data: bytes, encoding: str, name: str) -> str:
    label = encoding.upper()
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise VerifierError(f"{name}: bad {label} text at byte {exc.start}") from None
    if not text.strip():
        raise VerifierError(f"{name}: the file is empty")
    if "\x00" in text:
        raise VerifierError(f"{name}: NUL characters in {label} text; this looks like a binary file or the wrong encoding")
    return text


# --------------------------------------------------------------------------- language
def detect_language(text: str) -> Language:
    """zh-Hant, zh-Hans, mixed (both scripts in earnest), or en."""
    from verifier.text.fold import simplified_chars, traditional_chars

    cjk = "".join(_CJK_RUN.findall(text))
    if not cjk:  # an English article: its Latin letters need not be counted
        return "en"
    # Latin letters are counted only when the characters that are not Chinese could outweigh it
    if len(text) - len(cjk) > 4 * len(cjk) and len(cjk) < 0.2 * (sum(map(len, _LATIN_RUN.findall(text))) + len(cjk)):
        return "en"
    sample = cjk[:LANGUAGE_SAMPLE]
    trad = len(_one_of(traditional_chars()).findall(sample))  # characters only Traditional has
    simp = len(_one_of(simplified_chars()).findall(sample))  # and only Simplified
    marked = trad + simp
    if marked == 0:
        return "zh-Hans"
    minority = min(trad, simp)
    if minority >= 10 and minority / marked >= 0.04:
        return "mixed"
    return "zh-Hant" if trad > simp else "zh-Hans"


@lru_cache(maxsize=2)
def _one_of(chars: frozenset[str]) -> re.Pattern:
    """A pattern matching any one of `chars` (counting them in C: four times faster than a
    set lookup per character)."""
    return re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]")


# --------------------------------------------------------------------------- manifest
def _read_manifest(folder: Path, articles: Iterable[Path]) -> dict[str, dict]:
    """The manifest of a folder, by source id; an entry naming no article there is an error
    (a typo in an id would silently lose the date)."""
    from verifier.inputs import read_manifest

    path = folder / MANIFEST
    if file_status(path) is None:
        return {}
    entries = read_manifest(path, {p.stem for p in articles})
    return {sid: entry.model_dump() for sid, entry in entries.items()}


# --------------------------------------------------------------------------- collecting
def _articles_in(folder: Path) -> list[Path]:
    """The article files of a folder: names ending .txt or .md, not hidden, not folders."""
    return [p for p in folder_files(folder) if p.suffix.lower() in SUFFIXES and not p.name.startswith(".")]


def collect(paths: Iterable[str | Path]) -> list[tuple[Path, dict]]:
    """Article files under the given files and folders, with their manifest entries."""
    found: list[tuple[Path, dict]] = []
    seen: set[str] = set()  # real paths (strings: thousands of Path objects cost more than the reading)
    manifests: dict[Path, dict[str, dict]] = {}

    def manifest_of(folder: Path, articles: list[Path] | None = None) -> dict[str, dict]:
        key = folder.resolve()
        if key not in manifests:
            manifests[key] = _read_manifest(folder, articles if articles is not None else _articles_in(folder))
        return manifests[key]

    for raw in paths:
        path = Path(raw)
        st = file_status(path)
        if st is None:
            raise VerifierError(f"{path}: no such file or folder")
        if stat.S_ISDIR(st.st_mode):
            files = _articles_in(path)
            if not files:
                raise VerifierError(f"{path}: no articles here (.txt or .md files)")
            manifest = manifest_of(path, files)
            root = str(path.resolve())
            for f in files:
                name = str(f)
                real = os.path.realpath(name) if os.path.islink(name) else os.path.join(root, f.name)  # one lstat
                if real not in seen:
                    seen.add(real)
                    found.append((f, manifest.get(f.stem, {})))
        else:
            if path.suffix.lower() not in SUFFIXES:
                raise VerifierError(f"{path}: not an article: expected a .txt or .md file")
            real = str(path.resolve())
            if real not in seen:
                seen.add(real)
                found.append((path, manifest_of(path.parent).get(path.stem, {})))
    ids: dict[str, Path] = {}
    for f, _ in found:
        if f.stem in ids:
            raise VerifierError(f"two sources share the id {f.stem!r}: {ids[f.stem]} and {f}")
        ids[f.stem] = f
    return found


def read_source(path: Path, entry: dict | None = None, text: str | None = None) -> Source:
    """Read one article (or wrap `text` given for it) into a Source."""
    entry = entry or {}
    text = read_article(path) if text is None else _not_empty(text, path)
    language = entry.get("language") or detect_language(text)
    meta = front_matter(text)
    source = Source(
        id=path.stem, path=str(path), text=text, language=language,
        title=entry.get("title") or (meta.first("title") if meta else None),
        url=entry.get("url") or (meta.first("url") if meta else None),
    )
    if entry.get("published"):
        source.published = entry["published"]
        source.published_from = "manifest"
    elif meta is not None and meta.published is not None:
        source.published, source.published_from = meta.published, "front matter"
    if entry.get("timezone"):
        source.timezone, source.timezone_from = entry["timezone"], "manifest"
    return source


def read_article(path: Path) -> str:
    """The text of an article file."""
    return _not_empty(decode(read_file(path, MAX_BYTES, "article"), str(path)), path)


def _not_empty(text: str, path: Path) -> str:
    if not text.strip():
        raise VerifierError(f"{path}: the file is empty")
    return text


READ_IN_PROCESSES = 1000  # from this many articles, `jobs` processes read them (and tell their language)


def load(paths: Iterable[str | Path], jobs: int = 1, meanwhile: Callable[[int], Any] | None = None) -> list[Source]:
    """The articles under `paths`, in order; with `jobs` processes when there are many, while
    this one calls `meanwhile(n)`, if given (n: the number of articles)."""
    found = collect(paths)
    if jobs > 1 and len(found) >= READ_IN_PROCESSES:
        from verifier.pipeline import Runner

        with Runner(jobs) as runner:
            sources = runner.map(_read, found, None, "reading articles",
                                 meanwhile=(lambda: meanwhile(len(found))) if meanwhile is not None else None)
        for path, _ in found:  # read there: noted here, as read_file notes what it reads (an output never overwrites one)
            note_input(path)
        return sources
    return [read_source(path, entry) for path, entry in found]


def _read(found: tuple[Path, dict]) -> Source:
    return read_source(*found)


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
