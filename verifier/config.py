"""Project configuration: `[tool.verifier]` in pyproject.toml, or a verifier.toml.

The first of these found in the current folder or one of its parents is used (in each folder
verifier.toml first, then a pyproject.toml that has a [tool.verifier] table). verifier.toml
holds the keys at its top level (a [tool.verifier] table in it is accepted too). Paths in the
file are relative to the folder the file is in. Command-line options override the file.

    [tool.verifier]
    against = ["sources/"]          # trusted articles or claim ledgers
    select = ["D", "M", "N"]         # rule code prefixes to report (default: all)
    ignore = ["W101"]                # rule code prefixes not to report
    fail-on = "warning"              # error (default), warning, info or never
    show-unsupported = false
    format = "text"                  # text, json, sarif, github
    published = 2026-02-13           # publication date of the drafts, if they have no dateline
    entities = "entities.toml"       # extra known entities
    help-url = "https://wiki.example/verifier/{code}"   # SARIF helpUri of each rule
    scheduler = "tcp://10.0.0.5:8786"  # a dask.distributed scheduler that extracts claims

A malformed file or an unknown key is an error (exit 2) naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from verifier.errors import VerifierError
from verifier.io import file_status

FILES = ("verifier.toml", "pyproject.toml")


@dataclass
class Config:
    path: Path | None = None  # the file read, None when there is none
    against: list[str] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    show_unsupported: bool | None = None
    format: str | None = None
    published: dt.date | None = None
    entities: str | None = None
    help_url: str | None = None
    scheduler: str | None = None


def find(start: Path | None = None) -> tuple[Path, dict, str] | None:
    """The configuration file that applies in `start` (default: the current folder), with
    its data and its text; None when there is none."""
    folder = (start or Path.cwd()).resolve()
    for d in (folder, *folder.parents):
        for name in FILES:
            path = d / name
            if not path.is_file():
                continue
            data, text = _read(path)
            if _table(path, data) is not None:
                return path, data, text
    return None


def _table(path: Path, data: dict) -> tuple[object, tuple] | None:
    """The verifier settings in a file's data and where they are (("tool", "verifier") for a
    [tool.verifier] table); None for a pyproject.toml without them."""
    tool = data.get("tool") if isinstance(data, dict) else None
    if isinstance(tool, dict) and "verifier" in tool:
        return tool["verifier"], ("tool", "verifier")
    return None if path.name == "pyproject.toml" else (data, ())


def _read(path: Path) -> tuple[dict, str]:
    from verifier.inputs import read_data

    return read_data(path, "configuration", fmt="toml")


def load(path: str | Path | None = None, *, start: Path | None = None) -> Config:
    """Read `path`, or the configuration found from `start`; an empty Config if none."""
    if path is not None:
        p = Path(path)
        if file_status(p) is None:
            raise VerifierError(f"{p}: no such configuration file")
        data, text = _read(p)
        if _table(p, data) is None:
            raise VerifierError(f"{p}: no [tool.verifier] table")
        found: tuple[Path, dict, str] | None = (p, data, text)
    else:
        found = find(start)
    if found is None:
        return Config()
    return parse(*found)


def parse(path: Path, data: dict, text: str | None = None) -> Config:
    """The Config of a configuration file's data (`text`, the file's text, lets errors name
    the line)."""
    from verifier.inputs import config_from

    table, prefix = _table(path, data) or ({}, ())
    settings = config_from(path, table, text, prefix)
    base = path.parent
    return Config(
        path=path,
        against=[_path(base / p) for p in settings.against or []],
        select=settings.select,
        ignore=settings.ignore or [],
        fail_on=settings.fail_on,
        show_unsupported=settings.show_unsupported,
        format=settings.format,
        published=settings.published,
        entities=_path(base / settings.entities) if settings.entities is not None else None,
        help_url=settings.help_url,
        scheduler=settings.scheduler,
    )


def _path(path: Path) -> str:
    """A path from the configuration, relative to the current folder when it is inside it
    (so diagnostics and SARIF name sources the way a repository does)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def parse_date(value, where: str) -> dt.date:
    """A date from the command line or a file (an ISO date, or a date or datetime object)."""
    from verifier.inputs import _date

    try:
        return _date(value)
    except ValueError:
        raise VerifierError(f"{where}: {value!r} is not a date such as 2026-02-13") from None
