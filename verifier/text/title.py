"""An article's title: its first heading line (for the sources table when the manifest gives
none). Rules (lengths, endings) are in verifier/data/furniture.toml, [title]."""

from __future__ import annotations

import re

from verifier.lang import read_data_file
from verifier.text.furniture import is_prose
from verifier.tables import table

_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)(?:\s+#+)?\s*$")
_EMPHASIS = re.compile(r"[*_`]+")


@table("prepare")
def _rules() -> dict:
    return read_data_file("furniture.toml")["title"]


def _is_dateline(line: str) -> bool:
    """A line that is mostly a date (2025年3月6日, March 6, 2025)."""
    from verifier.normalize.engine import analyze

    covered = sum(f.end - f.start for f in analyze(line, kinds=("date",), min_score=0.5))
    return covered >= 0.6 * len(line.replace(" ", ""))


def heading_title(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The title among the first article lines (`spans`: article lines, furniture left out),
    or None when the article starts with prose."""
    rules = _rules()
    # a span may join lines (a title run on into the date line under it): each line is read alone
    lines = [line for start, end in spans[: rules["lines"]] for line in text[start:end].splitlines()]
    for line in lines[: rules["lines"]]:
        line = line.strip()
        if not line:
            continue
        heading = _MARKDOWN_HEADING.match(line)
        if heading:
            return _EMPHASIS.sub("", heading.group(1)).strip() or None
        if is_prose(line):
            return None
        if _is_dateline(line) or len(re.findall(r"[|｜]", line)) >= rules["masthead_separators"]:
            continue
        if len(line) <= rules["max_chars"] and not line.endswith(tuple(rules["not_ends"])):
            return line
        return None
    return None
