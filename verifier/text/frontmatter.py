"""A Markdown export's metadata block (front matter): the `key: value` lines between two `---`
lines at the top of the file. Its lines are not article text (text/furniture.py); its title,
date and address describe the article where a manifest does not (text/sources.py). The keys
read are in verifier/data/furniture.toml [front_matter]."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from verifier.lang import read_data_file

_OPEN = re.compile(r"\A\ufeff?[ \t]*---[ \t]*\r?\n")
_CLOSE = re.compile(r"^[ \t]*(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_FIELD = re.compile(r"^[ \t]*([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])")


@dataclass(frozen=True)
class FrontMatter:
    end: int  # offset just after the closing line: the block is text[:end]
    fields: dict[str, str] = field(default_factory=dict)  # lower-case key -> value, unquoted

    def first(self, what: str) -> str | None:
        """The value of the first key naming `what` (title, published, url) that is set."""
        return next((self.fields[k] for k in _keys()[what] if self.fields.get(k)), None)

    @property
    def published(self) -> dt.date | None:
        m = _DATE.match(self.first("published") or "")
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
        except ValueError:
            return None  # 2025-02-30: no date rather than a wrong one


@lru_cache(maxsize=1)
def _keys() -> dict:
    data = read_data_file("furniture.toml")["front_matter"]
    return {k: [key.lower() for key in data[k]] for k in ("title", "published", "url")} | {"max_lines": data["max_lines"]}


def front_matter(text: str) -> FrontMatter | None:
    """The block at the top of `text`, or None when the text does not open with one (a `---`
    line, `key: value` lines, then `---` or `...`)."""
    opened = _OPEN.match(text)
    if not opened:
        return None
    close = _CLOSE.search(text, opened.end())
    if close is None or text.count("\n", opened.end(), close.start()) > _keys()["max_lines"]:
        return None
    fields: dict[str, str] = {}
    for line in text[opened.end():close.start()].splitlines():
        m = _FIELD.match(line)
        if m:
            fields.setdefault(m.group(1).lower(), m.group(2).strip("'\""))
        elif line.strip() and not line[:1].isspace() and not line.lstrip().startswith(("-", "#")):
            return None  # not YAML-like metadata: a Markdown horizontal rule above prose
    if not fields:
        return None
    end = close.end()
    if text.startswith("\r\n", end):
        end += 2
    elif text.startswith(("\n", "\r"), end):
        end += 1
    return FrontMatter(end, fields)
