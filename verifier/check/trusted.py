"""The trusted side of a check: source articles, claim ledgers, or both.

Articles are read and prepared (decoded, folded, furniture and sentences found) and their names
learnt once (the pipeline's first map, from the cache when an earlier run did it); their claims
are extracted with one entity index learnt from the articles and the draft together, exactly
as `pipeline.extract_sources([*articles, draft])` would do, so a name glossed in a source
(舒尔曼(JohnSchulman)) is known in the draft. Those claims depend only on the names the index
knows: they are extracted again only when a draft teaches a name (and then read from the cache
the next time).

The articles are read when the sources are loaded, but prepared only when a check needs them:
a check whose draft a snapshot of the same articles answers (check/snapshot.py) reads from the
cache only the claims the draft's claims are about, and the texts of the sources it cites.

A ledger written by `verifier extract` has claims but no article text. Its claims are compared
as they are, and their subjects (with the words the articles used for them, subject_text) are
added to the entity registry, so the draft's names resolve to the ledger's canonical names.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from verifier.check.diagnostics import Lines
from verifier.claims.model import Claim
from verifier.errors import VerifierError
from verifier.text.sources import SUFFIXES


@dataclass
class Article:
    """A trusted article as read from its file, not yet prepared. When the cache vouched for the
    file unchanged (_read_articles), its text is read only when first asked for."""

    path: Path
    entry: dict  # its manifest entry
    digest: str  # of its bytes (content_digest)
    _text: str | None = field(default=None, repr=False)
    vouched: tuple | None = field(default=None, repr=False)  # (cache, key) of the entry that vouched for it

    @property
    def id(self) -> str:
        return self.path.stem  # as read_source names it

    @property
    def text(self) -> str:
        if self._text is None:
            data, text = _read(self.path)
            if content_digest(data) != self.digest:
                if self.vouched is not None:  # the next run reads every file again
                    cache, key = self.vouched
                    cache.put_many({key: {}})
                raise VerifierError(f"{self.path}: changed while it was being checked; check again")
            self._text = text
        return self._text


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _read(path: Path) -> tuple[bytes, str]:
    """An article's bytes and text, as read_article reads them."""
    from verifier.io import read_file
    from verifier.text.sources import MAX_BYTES, _not_empty, decode

    data = read_file(path, MAX_BYTES, "article")
    return data, _not_empty(decode(data, str(path)), path)


@dataclass
class Trusted:
    """The trusted articles (prepared when first asked for: `prepared`, `corpus`) and ledgers."""

    _prepared: list | None = None  # pipeline.Prepared of each article
    ledger_claims: list[Claim] = field(default_factory=list)
    ledger_files: dict[str, str] = field(default_factory=dict)  # claim id -> ledger file
    registry: list[dict] = field(default_factory=list)
    _corpus: object = None  # pipeline.Corpus of the articles (their names learnt, their cache keys)
    articles: list[Article] | None = None  # as read, when `load` read them
    preparing: tuple = (None, None, None)  # the runner, cache and progress `load` prepares them with
    _lines: dict[str, Lines] = field(default_factory=dict, repr=False)
    _by_id: dict = field(default_factory=dict, repr=False)

    @property
    def corpus(self):
        """The pipeline.Corpus of the articles `load` read (None for articles given prepared)."""
        if self._corpus is None and self.articles is not None:
            from verifier.pipeline import Runner, prepare_corpus
            from verifier.text.sources import read_source

            runner, cache, progress = self.preparing
            sources = [read_source(a.path, a.entry, text=a.text) for a in self.articles]
            self._corpus = prepare_corpus(sources, runner or Runner(), cache, progress)
        return self._corpus

    @property
    def prepared(self) -> list:
        if self._prepared is None:
            self._prepared = self.corpus.prepared if self.corpus is not None else []
        return self._prepared

    def _article(self, source: str):
        """The prepared article, else the article as read, of a source id."""
        if not self._by_id:
            self._by_id = {a.id: a for a in self.articles} if self._prepared is None and self.articles is not None \
                else {p.source.id: p.source for p in self.prepared}
        return self._by_id.get(source)

    @property
    def source_ids(self) -> list[str]:
        ids = [a.id for a in self.articles] if self.articles is not None else [p.source.id for p in self.prepared]
        seen = set(ids)
        for c in self.ledger_claims:
            if c.source not in seen:
                seen.add(c.source)
                ids.append(c.source)
        return ids

    def text(self, source: str) -> str | None:
        a = self._article(source)
        return a.text if a is not None else None

    def path(self, claim: Claim) -> str | None:
        if claim.id in self.ledger_files:
            return self.ledger_files[claim.id]
        a = self._article(claim.source)
        return str(a.path) if a is not None else None

    def lines(self, source: str) -> Lines | None:
        if source not in self._lines:
            text = self.text(source)
            if text is None:
                return None
            self._lines[source] = Lines(text)
        return self._lines[source]


def is_ledger(path: Path) -> bool:
    """A .jsonl file, or a folder of .jsonl files and no articles."""
    from verifier.io import _scan, file_status  # the names folder_files lists, without a Path for each

    st = file_status(path)
    if st is None:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return path.suffix.lower() == ".jsonl"
    suffixes = {_suffix(name).lower() for name, is_dir in _scan(path) if not is_dir}
    return ".jsonl" in suffixes and not suffixes & set(SUFFIXES)


def _suffix(name: str) -> str:
    """Path(name).suffix, without making a Path."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def load(paths: Iterable[str | Path], registry: list[dict], exclude: Iterable[Path] = (), runner=None,
         cache=None, progress=None) -> Trusted:
    """Read the trusted articles and ledgers under `paths`, leaving out the drafts themselves
    (a draft is never its own source). `runner` (pipeline.Runner) and `cache` say how the
    articles are prepared."""
    from verifier.claims import ledger
    from verifier.io import file_status, list_folder
    from verifier.text.sources import collect

    paths = [Path(p) for p in paths]
    if not paths:
        raise VerifierError("nothing to check against: give --against PATH (articles or a claim ledger), "
                            "or set `against` in the configuration")
    excluded = {p.resolve() for p in exclude}
    article_paths, ledger_paths = [], []
    for p in paths:
        if file_status(p) is None:
            raise VerifierError(f"{p}: no such file or folder (--against)")
        (ledger_paths if is_ledger(p) else article_paths).append(p)
    folders: dict[Path, Path] = {}

    def real(f: Path) -> Path:  # f.resolve(), with each folder resolved once
        if f.is_symlink():
            return f.resolve()
        if f.parent not in folders:
            folders[f.parent] = f.parent.resolve()
        return folders[f.parent] / f.name

    entries = collect(article_paths) if article_paths else []
    articles = _read_articles(entries, excluded, real, cache, [str(p) for p in article_paths])
    claims: list[Claim] = []
    files: dict[str, str] = {}
    for p in ledger_paths:
        for f in ([f for f in list_folder(p) if f.suffix.lower() == ".jsonl"] if p.is_dir() else [p]):
            for c in ledger.read(f):
                claims.append(c)
                files[c.id] = str(f)
    if not articles and not claims:
        raise VerifierError(
            f"{', '.join(str(p) for p in paths)}: no source articles or claims to check against"
            + (" (the only articles there are the drafts themselves)" if article_paths else "")
        )
    return Trusted(None, claims, files, registry + ledger_entities(claims, registry), articles=articles,
                   preparing=(runner, cache, progress))


RACY_NS = 2_000_000_000  # a file changed this close to when it was read could change again unseen
# within its timestamps' precision (a coarse clock, two-second FAT times): it is read again next time


def _read_articles(entries: list[tuple[Path, dict]], excluded: set[Path], real, cache, against: list[str]) -> list[Article]:
    """The articles of `entries`, but those in `excluded` (real paths). An article the cache saw
    before, its file unchanged since (the same size, modification and change times, inode and
    device: as git tells a file unchanged), is not read: its digest is the one read then; any
    other is read now. A file changed within RACY_NS of when it was read is not vouched for."""
    from verifier.cache import digest, tool_digest
    from verifier.io import _real_folder, inputs_read  # as read_file notes the files it reads

    key = digest("check files", tool_digest(), os.getcwd(), against) if cache is not None else None
    known = _known_files(cache, key) if key is not None else {}
    ids = set()
    for p in excluded:  # (device, inode) of each draft: only a file that has them can be one
        try:
            st = os.stat(p)
            ids.add((st.st_dev, st.st_ino))
        except OSError:
            pass
    started, cwd = time.time_ns(), os.getcwd()
    articles: list[Article] = []
    seen: dict[str, list] = {}
    for f, e in entries:
        name = str(f)
        try:
            st = os.lstat(name)
            link = stat.S_ISLNK(st.st_mode)
            if link:
                st = os.stat(name)
        except OSError:
            st = None
        if excluded and (st is None or (st.st_dev, st.st_ino) in ids) and real(f) in excluded:
            continue
        fingerprint = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev] if st is not None else None
        found = known.get(name)
        if fingerprint is not None and stat.S_ISREG(st.st_mode) and found is not None and found[:5] == fingerprint:
            articles.append(Article(f, e, found[5], vouched=(cache, key)))
            folder, base = os.path.split(name)  # read_file's _real_path, with the lstat made
            inputs_read.add(os.path.realpath(name) if link else os.path.join(_real_folder(os.path.join(cwd, folder)), base))
        else:
            data, text = _read(f)
            articles.append(Article(f, e, content_digest(data), text))
        if fingerprint is not None and max(st.st_mtime_ns, st.st_ctime_ns) < started - RACY_NS:
            seen[name] = [*fingerprint, articles[-1].digest]
    if key is not None and seen != known:
        cache.put_many({key: seen})
    return articles


def _known_files(cache, key: str) -> dict[str, list]:
    """The files the cache vouches for (path -> size, times, inode, device, digest); {} when
    its entry is missing or not of that shape."""
    data = cache.get_many([key]).get(key)
    if not isinstance(data, dict):
        return {}
    good = {}
    for name, v in data.items():
        if isinstance(v, list) and len(v) == 6 and all(type(x) is int for x in v[:5]) and isinstance(v[5], str):
            good[name] = v
    return good


@lru_cache(maxsize=1)
def _subject_types() -> dict[str, tuple[str, ...]]:
    from verifier.lang import read_data_file

    data = read_data_file("predicates.toml")
    types = {name: tuple(p.get("subject_types", ())) for name, p in data.get("predicate", {}).items()}
    for name in data.get("counts", {}):
        types[name] = types[f"{name}_remaining"] = ("org",)
    return types


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    from verifier.claims.entities import key
    from verifier.lang import read_data_file

    d = read_data_file("entities.toml")["pronouns"]
    words = [*d.get("person", []), *d.get("org", []), *d.get("bare_org", [])]
    return frozenset(key(w) for w in words)


def _guess_type(name: str) -> str:
    """person for "First Last" or a two-to-four character Chinese name, else org."""
    parts = name.split()
    if len(parts) in (2, 3) and all(p[:1].isupper() and p[1:].islower() for p in parts if p.isalpha()):
        return "person"
    if 2 <= len(name) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return "person"
    return "org"


def ledger_entities(claims: list[Claim], registry: list[dict]) -> list[dict]:
    """Registry entries for the subjects of ledger claims, with the words the articles used
    for them as aliases (pronouns left out), so the draft's mentions resolve to them."""
    from verifier.claims.entities import key

    votes: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    types = _subject_types()
    for c in claims:
        allowed = types.get(c.predicate, ())
        votes[c.subject].update(allowed[:1] if len(allowed) == 1 else ())
        words = (c.subject_text or "").strip()
        if len(words) >= 2 and key(words) not in _pronouns() and key(words) != key(c.subject):
            aliases[c.subject].add(words)
    # a subject already in the registry keeps its type; the entry adds the ledger's aliases
    return [
        {"name": subject, "type": votes[subject].most_common(1)[0][0] if votes[subject] else _guess_type(subject),
         "aliases": sorted(aliases[subject])}
        for subject in sorted(votes)
    ]
