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
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from verifier.errors import VerifierError

FILES = ("verifier.toml", "pyproject.toml")
FORMATS = ("text", "json", "sarif", "github")
FAIL_ON = ("error", "warning", "info", "never")
KEYS = ("against", "select", "ignore", "fail-on", "show-unsupported", "format", "published", "entities", "help-url",
        "scheduler")


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


def find(start: Path | None = None) -> tuple[Path, dict] | None:
    """The configuration file that applies in `start` (default: the current folder), with
    its verifier table; None when there is none."""
    folder = (start or Path.cwd()).resolve()
    for d in (folder, *folder.parents):
        for name in FILES:
            path = d / name
            if not path.is_file():
                continue
            table = _table(path, _read(path))
            if table is not None:
                return path, table
    return None


def _table(path: Path, data: dict):
    """The verifier settings in a file's data; None for a pyproject.toml without them."""
    tool = data.get("tool")
    if isinstance(tool, dict) and "verifier" in tool:
        return tool["verifier"]
    return None if path.name == "pyproject.toml" else data


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise VerifierError(f"{path}: malformed configuration: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise VerifierError(f"{path}: cannot read the configuration: {exc}") from None


def load(path: str | Path | None = None, *, start: Path | None = None) -> Config:
    """Read `path`, or the configuration found from `start`; an empty Config if none."""
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise VerifierError(f"{p}: no such configuration file")
        table = _table(p, _read(p))
        if table is None:
            raise VerifierError(f"{p}: no [tool.verifier] table")
        found: tuple[Path, dict] | None = (p, table)
    else:
        found = find(start)
    if found is None:
        return Config()
    return parse(*found)


def _strings(where: str, key: str, value) -> list[str]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VerifierError(f"{where}: {key} must be a list of strings")
    return value


def parse(path: Path, table) -> Config:
    where = f"{path}: [tool.verifier]" if path.name == "pyproject.toml" else str(path)
    if not isinstance(table, dict):
        raise VerifierError(f"{where}: the verifier configuration must be a table")
    unknown = sorted(k for k in table if k not in KEYS)
    if unknown:
        raise VerifierError(f"{where}: unknown key {unknown[0]!r} (known keys: {', '.join(KEYS)})")
    base = path.parent
    cfg = Config(path=path)
    if "against" in table:
        cfg.against = [_path(base / p) for p in _strings(where, "against", table["against"])]
    if "select" in table:
        cfg.select = _strings(where, "select", table["select"])
    if "ignore" in table:
        cfg.ignore = _strings(where, "ignore", table["ignore"])
    if "fail-on" in table:
        if table["fail-on"] not in FAIL_ON:
            raise VerifierError(f"{where}: fail-on must be one of {', '.join(FAIL_ON)}")
        cfg.fail_on = table["fail-on"]
    if "show-unsupported" in table:
        if not isinstance(table["show-unsupported"], bool):
            raise VerifierError(f"{where}: show-unsupported must be true or false")
        cfg.show_unsupported = table["show-unsupported"]
    if "format" in table:
        if table["format"] not in FORMATS:
            raise VerifierError(f"{where}: format must be one of {', '.join(FORMATS)}")
        cfg.format = table["format"]
    if "published" in table:
        cfg.published = parse_date(table["published"], f"{where}: published")
    if "entities" in table:
        if not isinstance(table["entities"], str):
            raise VerifierError(f"{where}: entities must be a path")
        cfg.entities = _path(base / table["entities"])
    if "help-url" in table:
        if not isinstance(table["help-url"], str) or "://" not in table["help-url"]:
            raise VerifierError(f"{where}: help-url must be an absolute URL, with {{code}} where the rule code goes")
        cfg.help_url = table["help-url"]
    if "scheduler" in table:
        if not isinstance(table["scheduler"], str) or not table["scheduler"].strip():
            raise VerifierError(f"{where}: scheduler must be the address of a dask scheduler, e.g. \"tcp://10.0.0.5:8786\"")
        cfg.scheduler = table["scheduler"].strip()
    return cfg


def _path(path: Path) -> str:
    """A path from the configuration, relative to the current folder when it is inside it
    (so diagnostics and SARIF name sources the way a repository does)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def parse_date(value, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise VerifierError(f"{where}: {value!r} is not a date such as 2026-02-13")
