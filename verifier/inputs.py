"""The files a user writes, each validated by a pydantic model: the articles' manifest.toml, the
configuration ([tool.verifier] in pyproject.toml, or verifier.toml), the entities file
(--entities, or `entities` in the configuration) and the review file of
`verifier export claimreview`.

Unknown keys, wrong types and invalid values are one line naming the file, the line (where it
can be found), the table and the key, e.g.

    news/manifest.toml:7: [sources.a] unknown key 'publshed' (known keys: published, url, title, language)

Files nested too deeply, numbers too long to read, and numbers that are not finite are errors of
the same kind, never a RecursionError or ValueError.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import tomllib
import types
import typing
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError

from verifier.errors import VerifierError

MAX_DATA_BYTES = 64_000_000  # a registry of 100,000 people and organisations is about 10 MB
RATING_LIMIT = 1_000_000  # ratings are on a human scale; larger numbers are mistakes
CLAIM_REVIEWED_MAX = 74  # Google: keep claimReviewed under 75 characters
LANGUAGES = ("zh-Hant", "zh-Hans", "en", "mixed")
Language = Literal["zh-Hant", "zh-Hans", "en", "mixed"]


# ----------------------------------------------------------------------------- problems
class Problem(Exception):
    """A value that does not fit, at `loc` (keys from the top of the file)."""

    def __init__(self, loc: tuple, message: str, keyed: bool = False) -> None:
        super().__init__(message)
        self.loc = tuple(loc)
        self.message = message
        self.keyed = keyed  # the message follows the key's name ("url must be ...")

    def text(self, header_depth: int = 0) -> str:
        if not self.keyed:
            return self.message
        _, rest = _split(self.loc, header_depth, True)
        return f"{_key_name(rest)} {self.message}"


def show(value: Any) -> str:
    """A value as a message quotes it: short, and never a 4,000-digit number."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if value.bit_length() > 60:
            return f"a {int(value.bit_length() * 0.30103) + 1}-digit number"
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:39] + "…")
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return type(value).__name__


def not_finite(data: Any, where: str = "") -> str | None:
    """The dotted path of the first number in `data` that is not a finite double (NaN,
    infinity, or an integer too large for one), or None."""
    if isinstance(data, bool):
        return None
    if isinstance(data, (int, float)):
        try:
            return None if math.isfinite(float(data)) else where
        except OverflowError:
            return where
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, (list, tuple)) else ()
    for key, value in items:
        found = not_finite(value, f"{where}.{key}" if where else str(key))
        if found is not None:
            return found
    return None


# ----------------------------------------------------------------------------- value types
def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"is not a date such as 2026-02-13: {show(value)}")


def _date_or_time(value: Any) -> str:
    """An ISO date, or date-time (kept as such), as text."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, str):
        try:
            if "T" in value or " " in value.strip():
                return dt.datetime.fromisoformat(value.strip()).isoformat()
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise ValueError(f"must be an ISO date such as 2026-02-14, not {show(value)}")


def _strings(value: Any) -> list[str]:
    """A list of strings; one string is split at commas and spaces."""
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"must be a list of strings, not {show(value)}")
    return value


def _path_text(value: Any) -> str:
    if not isinstance(value, str) or not value or "\x00" in value:
        raise ValueError(f"must be a path, not {show(value)}")
    return value


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be a name (text), not {show(value)}")
    return value.strip()


def _rating(value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"must be a number, not {show(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"must be a finite number, not {show(value)}")
    if abs(value) > RATING_LIMIT:
        raise ValueError(f"must be a number between {-RATING_LIMIT:,} and {RATING_LIMIT:,}, not {show(value)}")
    return value


def is_web_url(value: Any) -> bool:
    """An absolute http(s) URL with a host and no spaces."""
    if not isinstance(value, str) or not value or any(ch.isspace() for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _web_url(value: Any) -> str:
    if not is_web_url(value):
        raise ValueError(f"must be an absolute http(s) URL, not {show(value)}")
    return value


def _help_url(value: Any) -> str:
    if not isinstance(value, str) or "://" not in value:
        raise ValueError("must be an absolute URL, with {code} where the rule code goes")
    return value


def _scheduler(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError('must be the address of a dask scheduler, such as "tcp://10.0.0.5:8786"')
    return value.strip()


def _verdict(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError('must be the verdict in words, such as "False"')
    return value.strip()


def _claim_text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be text")
    if len(value.strip()) > CLAIM_REVIEWED_MAX:
        raise ValueError(f"is {len(value.strip())} characters; keep it under 75")
    return value.strip()


Date = Annotated[dt.date, PlainValidator(_date)]
DateOrTime = Annotated[str, PlainValidator(_date_or_time)]
Strings = Annotated[list[str], PlainValidator(_strings)]
Paths = Annotated[list[str], PlainValidator(lambda v: [_path_text(p) for p in _strings(v)])]
Name = Annotated[str, PlainValidator(_name)]
PathText = Annotated[str, PlainValidator(_path_text)]
Rating = Annotated[float, PlainValidator(_rating)]
WebUrl = Annotated[str, PlainValidator(_web_url)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=False)


# ----------------------------------------------------------------------------- the models
class ManifestEntry(Strict):
    published: Date | None = None
    url: str | None = None
    title: str | None = None
    language: Language | None = None


class Manifest(Strict):
    sources: dict[str, ManifestEntry] = {}


class ConfigFile(Strict):
    against: Paths | None = None
    select: Strings | None = None
    ignore: Strings | None = None
    fail_on: Literal["error", "warning", "info", "never"] | None = Field(None, alias="fail-on")
    show_unsupported: bool | None = Field(None, alias="show-unsupported")
    format: Literal["text", "json", "sarif", "github"] | None = None
    published: Date | None = None
    entities: PathText | None = None
    help_url: Annotated[str, PlainValidator(_help_url)] | None = Field(None, alias="help-url")
    scheduler: Annotated[str, PlainValidator(_scheduler)] | None = None


class EntityEntry(Strict):
    name: Name
    type: Literal["person", "org", "product"] = "org"
    aliases: list[Name] = []


class EntitiesFile(Strict):
    entity: list[EntityEntry] = []


class Party(Strict):
    name: Name
    url: WebUrl | None = None
    type: Literal["Organization", "Person"] | None = None


class ReviewFields(Strict):
    """What [defaults] and each [reviews."ID"] may hold; every field optional here."""
    alternateName: Annotated[str, PlainValidator(_verdict)] | None = None
    ratingValue: Rating | None = None
    bestRating: Rating | None = None
    worstRating: Rating | None = None
    url: WebUrl | None = None
    datePublished: DateOrTime | None = None
    author: Party | None = None
    claimReviewed: Annotated[str, PlainValidator(_claim_text)] | None = None
    ratingExplanation: str | None = None
    source: str | None = None
    claimAuthor: Party | None = None


REVIEW_REQUIRED = ("alternateName", "ratingValue", "bestRating", "worstRating", "url", "datePublished", "author")


class ReviewFile(Strict):
    defaults: ReviewFields = ReviewFields()
    reviews: dict[str, ReviewFields] = {}


# ----------------------------------------------------------------------------- reading
def decode_text(raw: bytes, path: str | Path) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise VerifierError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from None


def read_data(path: str | Path, what: str, *, fmt: str | None = None, limit: int = MAX_DATA_BYTES) -> tuple[Any, str]:
    """A TOML (or, for a .json name, JSON) file's data and its text; every way it can be
    malformed is one line. `what` names the kind of file in messages ("manifest")."""
    from verifier.io import read_file

    text = decode_text(read_file(path, limit, what), path)
    fmt = fmt or ("json" if Path(path).suffix.lower() == ".json" else "toml")
    return parse_text(text, path, what, fmt), text


_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)$")
_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4299,}")


def parse_text(text: str, path: str | Path, what: str, fmt: str) -> Any:
    try:
        if fmt == "json":
            return json.loads(text)
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _AT_LINE.search(msg)
        where = f"{path}:{m.group(1)}" if m else str(path)
        raise VerifierError(f"{where}: malformed {what} (not TOML: {_AT_LINE.sub('', msg)})") from None
    except json.JSONDecodeError as exc:
        raise VerifierError(f"{path}:{exc.lineno}: malformed {what} (not JSON: {exc.msg})") from None
    except RecursionError:
        raise VerifierError(f"{path}: malformed {what}: tables or lists nested too deeply") from None
    except ValueError:  # int() refuses numbers of more than 4,300 digits
        m = _LONG_NUMBER.search(text)
        where = f"{path}:{text.count(chr(10), 0, m.start()) + 1}" if m else str(path)
        raise VerifierError(f"{where}: malformed {what}: a number too long to read (thousands of digits)") from None


def validate(model: type[BaseModel], data: Any, *, path: str | Path, text: str | None, fmt: str = "toml",
             prefix: tuple = (), header_depth=0, nouns: tuple[str, str] = ("key", "key")) -> Any:
    """`data` as `model`, or a one-line VerifierError about its first problem in the file."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(model, err, nouns) for err in exc.errors(include_url=False)]
    except RecursionError:
        raise VerifierError(f"{path}: tables or lists nested too deeply") from None
    raise refusal(problems, path=path, text=text, fmt=fmt, prefix=prefix, header_depth=header_depth)


def refusal(problems: list[Problem], *, path, text, fmt="toml", prefix=(), header_depth=0) -> VerifierError:
    """The VerifierError for the problem that comes first in the file. `header_depth` is how
    many keys deep the tables are (2 for [sources.ID]), or a function of the location."""
    located = []
    for n, p in enumerate(problems):
        line = locate(text, prefix + p.loc, fmt) if text is not None else None
        located.append((line if line is not None else float("inf"), n, line, p))
    _, _, line, first = min(located, key=lambda t: t[:2])
    where = f"{path}:{line}" if line else f"{path}"
    depth = header_depth(first.loc) if callable(header_depth) else header_depth
    head, _ = _split(first.loc, depth, first.keyed)
    return VerifierError(f"{where}: {_table_label(prefix + head)}{first.text(depth)}")


def _split(loc: tuple, header_depth: int, keyed: bool) -> tuple[tuple, tuple]:
    """A location as (the table it is in, the key in that table). A message about a whole
    table (not keyed) names just the table."""
    if len(loc) > header_depth or (len(loc) == header_depth and not keyed):
        return loc[:header_depth], loc[header_depth:]
    return loc[:-1], loc[-1:]


def _table_label(head: tuple) -> str:
    """`[sources.a] `, `[[entity]] number 4: `, or nothing at the top of the file."""
    if not head:
        return ""
    if isinstance(head[-1], int):
        return f"[[{_dotted(head[:-1])}]] number {head[-1] + 1}: "
    return f"[{_dotted(head)}] "


def _dotted(parts) -> str:
    """Keys as TOML writes them (quoted unless bare), each cut to 40 characters."""
    short = [str(p) if len(str(p)) <= 40 else str(p)[:39] + "…" for p in parts]
    return ".".join(p if re.fullmatch(r"[A-Za-z0-9_-]+", p) else json.dumps(p, ensure_ascii=False) for p in short)


def _key_name(rest: tuple) -> str:
    out = ""
    for part in rest:
        out += f" item {part + 1}" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def _known(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys allowed where `loc` points, found by walking the model's annotations."""
    target: Any = model
    for part in loc:
        target = _inner(target)
        if isinstance(target, type) and issubclass(target, BaseModel):
            field = next((f for n, f in target.model_fields.items() if (f.alias or n) == part), None)
            if field is None:
                return []
            target = field.annotation
        else:
            args = typing.get_args(target)
            target = args[-1] if args else None
    target = _inner(target)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return [f.alias or n for n, f in target.model_fields.items()]
    return []


def _inner(annotation: Any) -> Any:
    """Optional[X] -> X; Annotated[X, ...] -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation


_TYPE_WORDS = {
    "string_type": "text", "bool_type": "true or false", "int_type": "a whole number",
    "float_type": "a number", "list_type": "a list", "dict_type": "a table", "model_type": "a table",
    "model_attributes_type": "a table", "date_type": "a date",
}


def _problem(model: type[BaseModel], err: dict, nouns: tuple[str, str]) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    depth_noun = nouns[0] if len(loc) <= 1 else nouns[1]
    if kind == "extra_forbidden":
        known = _known(model, loc[:-1])
        hint = f" (known {depth_noun.split()[-1]}s: {', '.join(known)})" if known else ""
        return Problem(loc, f"unknown {depth_noun} {show(loc[-1])}{hint}")
    if kind == "missing":
        if len(loc) >= 2 and isinstance(loc[-2], str) and loc[-2] in ("author", "claimAuthor"):
            return Problem(loc, f"{loc[-2]} needs a {loc[-1]}")
        return Problem(loc, f"missing required {nouns[1]} {show(loc[-1])}")
    if not loc:
        return Problem(loc, "the file must hold a table of keys")
    if kind == "value_error":
        return Problem(loc, str(err["ctx"]["error"]), keyed=True)
    if kind == "literal_error":
        expected = err["ctx"]["expected"].replace("'", "")
        choice = expected if "," not in expected else f"one of {expected}"
        return Problem(loc, f"must be {choice}, not {show(err['input'])}", keyed=True)
    if kind in ("model_type", "model_attributes_type") and _known(model, loc):
        keys = ", ".join(_known(model, loc))
        return Problem(loc, f"must be a table (keys: {keys}), not {show(err['input'])}", keyed=True)
    if kind in _TYPE_WORDS:
        return Problem(loc, f"must be {_TYPE_WORDS[kind]}, not {show(err['input'])}", keyed=True)
    if kind == "recursion_loop":
        return Problem(loc, "is nested too deeply", keyed=True)
    return Problem(loc, f"is not valid: {err['msg'].lower()}", keyed=True)


# ----------------------------------------------------------------------------- locating keys
_KEY_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\')'
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_ARRAY_HEADER = re.compile(rf"^\s*\[\[\s*({_DOTTED})\s*\]\]")
_TABLE_HEADER = re.compile(rf"^\s*\[\s*({_DOTTED})\s*\]")
_ASSIGN = re.compile(rf"^\s*({_DOTTED})\s*=")


def _key_parts(dotted: str) -> tuple[str, ...]:
    out = []
    for m in re.finditer(_KEY_PART, dotted):
        part = m.group(0)
        if part.startswith('"'):
            try:
                part = json.loads(part)
            except ValueError:
                part = part[1:-1]
        elif part.startswith("'"):
            part = part[1:-1]
        out.append(part)
    return tuple(out)


def locate(text: str, loc: tuple, fmt: str = "toml") -> int | None:
    """The line (1-based) where the key at `loc` is written, or its nearest enclosing table;
    None when it cannot be told. Best effort: a simple line scan, not a parser."""
    if fmt == "json":
        return _locate_json(text, loc)
    best_len, best_line = 0, None
    table: tuple = ()
    counts: dict[tuple, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if m := _ARRAY_HEADER.match(line):
            name = _key_parts(m.group(1))
            counts[name] = counts.get(name, 0) + 1
            table = path = (*name, counts[name] - 1)
        elif m := _TABLE_HEADER.match(line):
            table = path = _key_parts(m.group(1))
        elif m := _ASSIGN.match(line):
            path = (*table, *_key_parts(m.group(1)))
        else:
            continue
        if len(path) > best_len and tuple(loc[:len(path)]) == path:
            best_len, best_line = len(path), n
    return best_line


def _locate_json(text: str, loc: tuple) -> int | None:
    pos, line = 0, None
    for part in loc:
        if not isinstance(part, str):
            continue
        m = re.compile(re.escape(json.dumps(part, ensure_ascii=False)) + r"\s*:").search(text, pos)
        if not m:
            break
        pos, line = m.end(), text.count("\n", 0, m.start()) + 1
    return line


# ----------------------------------------------------------------------------- the four files
def read_manifest(path: Path, article_ids: set[str]) -> dict[str, ManifestEntry]:
    """The entries of a manifest.toml, by source id; an entry naming none of `article_ids`
    (the articles beside it) is an error: a typo in an id would silently lose the date."""
    data, text = read_data(path, "manifest", fmt="toml")
    manifest = validate(Manifest, data, path=path, text=text, header_depth=2)
    for sid in manifest.sources:
        if sid not in article_ids:
            problem = Problem(("sources", sid), "names no article here (no such .txt or .md file beside the manifest)")
            raise refusal([problem], path=path, text=text, header_depth=2)
    return manifest.sources


def read_config(path: Path, table_prefix: tuple = ()) -> ConfigFile:
    """The verifier settings of a configuration file; `table_prefix` is ("tool", "verifier")
    for a pyproject.toml."""
    data, text = read_data(path, "configuration", fmt="toml")
    return config_from(path, data, text, table_prefix)


def config_from(path: Path, table: Any, text: str | None, table_prefix: tuple = ()) -> ConfigFile:
    return validate(ConfigFile, table, path=path, text=text, prefix=table_prefix)


def read_entities(path: str | Path) -> list[dict]:
    """The [[entity]] tables of a user's entities file, as registry entries."""
    data, text = read_data(path, "entities file", fmt="toml")
    parsed = validate(EntitiesFile, data, path=path, text=text, header_depth=2)
    return [e.model_dump() for e in parsed.entity]


def _review_table_depth(loc: tuple) -> int:
    """[defaults] is one key deep, [reviews."ID"] two."""
    return 1 if loc[:1] == ("defaults",) else 2


def read_reviews(path: str | Path) -> dict[str, dict[str, Any]]:
    """The review file: finding id -> the editor's fields with [defaults] applied, checked."""
    data, text = read_data(path, "review file")
    fmt = "json" if Path(path).suffix.lower() == ".json" else "toml"
    parsed = validate(ReviewFile, data, path=path, text=text, fmt=fmt, header_depth=_review_table_depth,
                      nouns=("top-level key", "field"))
    if not parsed.reviews:
        raise VerifierError(f'{path}: no reviews; add a [reviews."FINDING-ID"] table per rated finding')
    defaults = parsed.defaults.model_dump(exclude_unset=True)
    out = {}
    for fid, entry in parsed.reviews.items():
        fields = entry.model_dump(exclude_unset=True)
        try:
            out[fid] = _review({**defaults, **fields})
        except Problem as p:
            # a field from [defaults] is found there; the message names the review either way
            in_defaults = p.loc and p.loc[0] in defaults and p.loc[0] not in fields
            loc = ("defaults", *p.loc) if in_defaults else ("reviews", fid, *p.loc)
            err = refusal([Problem(loc, p.message)], path=path, text=text, fmt=fmt, header_depth=_review_table_depth)
            if in_defaults:
                err = VerifierError(f'{err} (in the review of "{fid}")')
            raise err from None
    return out


def check_review(entry: dict[str, Any], where: str) -> dict[str, Any]:
    """One review (defaults applied) with every required field present and well-formed."""
    try:
        fields = ReviewFields.model_validate(entry).model_dump(exclude_unset=True)
    except ValidationError as exc:
        first = _problem(ReviewFields, exc.errors(include_url=False)[0], ("field", "field"))
        raise VerifierError(f"{where}: {first.text()}") from None
    try:
        return _review(fields)
    except Problem as p:
        raise VerifierError(f"{where}: {p.text()}") from None


def _review(fields: dict[str, Any]) -> dict[str, Any]:
    """A review's fields (already of the right types) complete and consistent, in the shape
    the exporter writes."""
    for key in REVIEW_REQUIRED:
        if fields.get(key) is None:
            raise Problem((), f"missing required field {key!r}")
    value, best, worst = fields["ratingValue"], fields["bestRating"], fields["worstRating"]
    if not worst < best:
        raise Problem(("worstRating",), f"worstRating ({show(worst)}) must be less than bestRating ({show(best)}); higher is truer")
    if not worst <= value <= best:
        raise Problem(("ratingValue",), f"ratingValue {show(value)} is outside the scale [{show(worst)}, {show(best)}]")
    out: dict[str, Any] = {
        "alternateName": fields["alternateName"], "ratingValue": value, "bestRating": best, "worstRating": worst,
        "url": fields["url"], "datePublished": fields["datePublished"],
        "author": _party(fields["author"], "Organization"),
    }
    for key in ("claimReviewed", "source"):
        if fields.get(key) is not None:
            out[key] = fields[key]
    if fields.get("ratingExplanation") is not None:
        out["ratingExplanation"] = fields["ratingExplanation"].strip()
    if fields.get("claimAuthor") is not None:
        out["claimAuthor"] = _party(fields["claimAuthor"], "Person")
    return out


def _party(party: dict[str, Any], default_type: str) -> dict[str, str]:
    out = {"@type": party.get("type") or default_type, "name": party["name"]}
    if party.get("url") is not None:
        out["url"] = party["url"]
    return out
