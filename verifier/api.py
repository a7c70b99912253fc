"""The Python API: `verifier.report`, `verifier.check` and `verifier.normalize`.

Each is a thin layer over the pipeline the command line uses, so a program gets exactly what
`verifier report --format json`, `verifier check` and `verifier normalize` print:

    import verifier

    report = verifier.report({"a": "...", "b": "..."}, published="2026-02-13")
    for finding in report.findings:
        print(finding.verdict, finding.subject, finding.label)

Bad input raises `verifier.VerifierError` with the one-line message the command line prints.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Union

from verifier.errors import VerifierError

if TYPE_CHECKING:
    from verifier.check.diagnostics import Diagnostic
    from verifier.normalize.values import Found
    from verifier.report.model import Report
    from verifier.text.sources import Source

PathLike = Union[str, "os.PathLike[str]"]
#: Articles: a file or folder, several of them, or texts in memory keyed by source id.
Sources = Union[PathLike, Iterable[PathLike], Mapping[str, str]]
DateLike = Union[dt.date, str]

__all__ = ["report", "check", "normalize", "Sources"]


def report(
    sources: Sources,
    *,
    published: DateLike | Mapping[str, DateLike] | None = None,
    entities: PathLike | None = None,
) -> Report:
    """Compare the claims of a set of articles: the report `verifier report` makes.

    `sources` is a path (a `.txt`/`.md` file or a folder of them, read with its
    `manifest.toml`), a list of paths, or a mapping of source id to article text.
    `published` is the publication date of every source (a `datetime.date` or
    "YYYY-MM-DD"), or a mapping of source id to date; it overrides the manifest and any
    dateline. `entities` is a TOML file of extra `[[entity]]` tables.

    Returns the report model: `model_dump(mode="json")` is the JSON of
    `verifier report --format json`; `report.texts` holds each source's text.
    """
    from verifier.claims.entities import load_registry
    from verifier.report.model import build_from_sources

    loaded = _sources(sources)
    _set_published(loaded, published)
    return build_from_sources(loaded, load_registry(_path_or_none(entities)))


def check(
    draft: str,
    *,
    against: Sources,
    published: DateLike | None = None,
    entities: PathLike | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    show_unsupported: bool = False,
    markdown: bool = True,
    name: str = "draft.md",
) -> list[Diagnostic]:
    """Lint a draft's text against trusted sources: the diagnostics of `verifier check`.

    `against` takes what `report` takes for `sources`, or a claim ledger folder. `select`
    and `ignore` are rule code prefixes ("D", "M101"); info diagnostics (I101, I102) come
    only with `show_unsupported`. The draft is read as Markdown unless `markdown=False`;
    `name` is the path the diagnostics give. Each diagnostic has `code`, `severity`,
    `message`, `line`, `col` and the sources' places (`related`); an empty list means
    nothing to report.
    """
    from verifier.check import trusted as trusted_mod
    from verifier.check.checker import Checker, Options, normalize_codes
    from verifier.claims.entities import load_registry
    from verifier.pipeline import prepare

    if not isinstance(draft, str):
        raise VerifierError("check: the draft must be a string (its text)")
    registry = load_registry(_path_or_none(entities))
    if isinstance(against, Mapping):
        from verifier.check.trusted import Trusted

        trusted = Trusted([prepare(s) for s in _sources(against)], registry=registry)
    else:
        trusted = trusted_mod.load(_paths(against), registry)
    options = Options(
        select=normalize_codes(list(select), "select") if select is not None else None,
        ignore=normalize_codes(list(ignore), "ignore") or [],
        show_unsupported=show_unsupported,
        published=_date(published, "published") if published is not None else None,
    )
    return Checker(trusted, options).check(name, draft, markdown).diagnostics


def normalize(
    text: str,
    *,
    base: dt.date | dt.datetime | str | None = None,
    prefer: Literal["past", "future"] = "past",
    kinds: Iterable[str] | None = None,
    language: Literal["auto", "zh", "en"] = "auto",
    min_score: float = 0.0,
) -> list[Found]:
    """The numbers, money, counts, percentages, durations and dates in `text`, as
    `verifier normalize` reads them. Relative dates resolve against `base` (a date,
    date-time or ISO string) and stay unanchored without it. Each result has `text`,
    `start`, `end` (offsets into `text`) and a typed `value`; `as_output()` is the JSON
    object `verifier normalize` prints for it.
    """
    from verifier.normalize.engine import analyze
    from verifier.normalize.values import KINDS

    if isinstance(base, str):
        try:
            base = dt.datetime.fromisoformat(base.strip())
        except ValueError:
            raise VerifierError(f"base: not an ISO date or date-time: {base!r}") from None
    chosen = None
    if kinds is not None:
        chosen = frozenset(kinds)
        unknown = sorted(chosen - set(KINDS))
        if unknown:
            raise VerifierError(f"kinds: unknown kind(s) {', '.join(unknown)}; known: {', '.join(KINDS)}")
    return analyze(text, base=base, prefer=prefer, language=language, kinds=chosen, min_score=min_score)


# ----------------------------------------------------------------------------- helpers
def _paths(sources: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(sources, (str, os.PathLike)):
        return [Path(sources)]
    paths = list(sources)
    if not all(isinstance(p, (str, os.PathLike)) for p in paths):
        raise VerifierError("sources: give a path, a list of paths, or a mapping of source id to text")
    return [Path(p) for p in paths]


def _sources(sources: Sources) -> list[Source]:
    from verifier.text.sources import from_texts, load

    if isinstance(sources, Mapping):
        return from_texts(sources)
    return load(_paths(sources))


def _path_or_none(path: PathLike | None) -> str | None:
    return None if path is None else os.fspath(path)


def _date(value: DateLike, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise VerifierError(f"{where}: {value!r} is not a date such as 2026-02-13") from None


def _set_published(sources: list[Source], published: DateLike | Mapping[str, DateLike] | None) -> None:
    if published is None:
        return
    if isinstance(published, Mapping):
        known = {s.id for s in sources}
        unknown = sorted(set(published) - known)
        if unknown:
            raise VerifierError(f"published: no source with the id {unknown[0]!r}")
        dates = {sid: _date(d, f"published[{sid!r}]") for sid, d in published.items()}
    else:
        date = _date(published, "published")
        dates = {s.id: date for s in sources}
    for s in sources:
        if s.id in dates:
            s.published, s.published_from = dates[s.id], "argument"
