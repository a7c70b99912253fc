"""Telling article text from page furniture (menus, hot lists, tag lines, footers).

Works line by line on the folded text, with patterns from verifier/data/furniture.toml:
a line is furniture if a line pattern matches it, if it is short navigation before the first
prose line, if it repeats an earlier line, or if it lies in a block that a sidebar heading
(热榜, Related) opened and no prose line has closed yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verifier.lang import read_data_file
from verifier.normalize.base import gated
from verifier.text.fold import fold
from verifier.text.frontmatter import front_matter
from verifier.tables import table


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # without the line break
    furniture: str | None  # why it is furniture, or None for article text


@table("prepare")
def _rules() -> dict:
    data = read_data_file("furniture.toml")
    patterns = [fold(p) for p in data["line"]["patterns"]]
    return {
        # one regex for all line patterns: one search per line instead of one per pattern; those
        # anchored at the line's start are tried there only, the others behind a lookahead on
        # the characters they can start with (normalize/prefilter.py reads them from the regex)
        "line_start": _any_of([p for p in patterns if _anchored(p)]),
        "line": _any_of([gated(p, _FLAGS) for p in patterns if not _anchored(p)]),
        "starts": [fold(s).casefold() for s in data["block"]["starts"]],
        "max_start": data["block"]["max_start_chars"],
        "prose_min": data["prose"]["min_chars"],
        "ends": tuple(data["prose"]["sentence_ends"]),
        "nav_max": data["header"]["max_nav_chars"],
        "list_item": re.compile(fold(data["block"]["list_item"])),
        "menu_pieces": data["menu"]["min_pieces"],
        "menu_piece_chars": data["menu"]["max_piece_chars"],
    }


_FLAGS = re.IGNORECASE | re.MULTILINE


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", _FLAGS)


def _anchored(pattern: str) -> bool:
    """Whether a pattern starts with ^ and has no alternative outside parentheses: in a line
    (no line break in it), it can match at the line's start only."""
    if not pattern.startswith("^"):
        return False
    depth, in_class, i = 0, False, 1
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 2 if pattern.startswith("^]", i + 1) else 1 if pattern.startswith("]", i + 1) else 0  # []…] and [^]…]
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return False
        i += 1
    return True


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the line break; offsets into `text`."""
    out = []
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


_FULL_STOP = re.compile(r"(?<=[A-Za-z)\]\"”’'])\.(?:\s|$)")


def is_prose(line: str, rules: dict | None = None) -> bool:
    """A line of article text: long enough, with a sentence end in it (a dot only as a full stop
    after a word, not in 4.1万 or a URL)."""
    r = rules or _rules()
    s = line.strip()
    if len(s) < r["prose_min"]:
        return False
    return any(e in s for e in r["ends"] if e != ".") or ("." in r["ends"] and _FULL_STOP.search(s) is not None)


def classify(text: str, folded: str | None = None) -> list[Line]:
    r = _rules()
    folded = folded if folded is not None else fold(text)
    lines: list[Line] = []
    seen: set[str] = set()
    in_block = False
    before_prose = True
    meta = front_matter(text)
    for start, end in split_lines(text):
        line = folded[start:end]
        stripped = line.strip()
        reason = None
        if meta is not None and start < meta.end:
            lines.append(Line(start, end, "front matter" if stripped else None))
            continue
        if not stripped:
            lines.append(Line(start, end, None))
            continue
        prose = is_prose(stripped, r)
        low = stripped.casefold()
        if r["line_start"].match(stripped) or r["line"].search(stripped):
            reason = "furniture line"
        elif not prose and _is_menu(stripped, r):
            reason = "menu"
        elif len(stripped) <= r["max_start"] and any(s in low for s in r["starts"]) and not prose:
            in_block = True
            reason = "sidebar heading"
        elif in_block and (not prose or r["list_item"].match(stripped)):
            reason = "sidebar"
        elif before_prose and len(stripped) <= r["nav_max"] and not re.search(r"[0-9]", stripped) and \
                not _continues(lines, folded, stripped):
            reason = "navigation"
        elif stripped in seen and len(stripped) >= 6:
            reason = "repeated line"
        if prose and reason is None:
            in_block = False
            before_prose = False
        seen.add(stripped)
        lines.append(Line(start, end, reason))
    return lines


def _continues(lines: list[Line], folded: str, stripped: str) -> bool:
    """Whether the line is the rest of the article text line right above it (hard-wrapped)."""
    from verifier.text.wrap import runs_on

    if not lines or lines[-1].furniture is not None:
        return False
    above = folded[lines[-1].start:lines[-1].end].strip()
    return bool(above) and runs_on(above, stripped)


_MENU_CUT = re.compile(r"\s*[|｜·•]\s*|\s{2,}|\u3000+")


def _is_menu(line: str, r: dict) -> bool:
    """首页 | 科技  财经  汽车 …: many short pieces between separators."""
    pieces = [p for p in _MENU_CUT.split(line) if p]
    return len(pieces) >= r["menu_pieces"] and sum(len(p) <= r["menu_piece_chars"] for p in pieces) >= 0.8 * len(pieces)


def article_spans(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Spans of the lines that are article text (non-empty, not furniture)."""
    return [(l.start, l.end) for l in classify(text, folded) if l.furniture is None and text[l.start:l.end].strip()]
