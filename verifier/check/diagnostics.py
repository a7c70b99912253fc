"""Diagnostics are data: where in the draft, which rule, how severe, what to say, and which
places in the sources back it up. The formatters (verifier/check/formats.py) only render them.

Positions: `line` and `col` are 1-based and count characters (Unicode code points), as the
text and GitHub formats print them; `end_line`/`end_col` point just past the last character
of the span. SARIF counts columns in UTF-16 code units (its default `columnKind`), so each
position also carries `col_utf16`/`end_col_utf16`; they differ from `col` only on a line
with characters outside the Basic Multilingual Plane (emoji, rare CJK extension B ideographs).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Position:
    line: int
    col: int
    end_line: int
    end_col: int
    col_utf16: int
    end_col_utf16: int


class Lines:
    """Offsets -> 1-based lines and columns in one text (line breaks: \\r\\n, \\n or \\r)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]

    def line_col(self, offset: int) -> tuple[int, int, int]:
        """(line, column in characters, column in UTF-16 code units) of an offset."""
        n = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[n]
        before = self.text[start:offset]
        utf16 = len(before) + sum(1 for ch in before if ord(ch) > 0xFFFF)
        return n + 1, len(before) + 1, utf16 + 1

    def position(self, start: int, end: int) -> Position:
        line, col, col16 = self.line_col(start)
        end_line, end_col, end_col16 = self.line_col(max(start, end))
        return Position(line, col, end_line, end_col, col16, end_col16)


@dataclass(frozen=True)
class Related:
    """A place in a source that the diagnostic rests on."""

    source: str  # source id
    path: str | None  # the article (or the ledger file the claim came from)
    position: Position | None  # None when only a ledger was given (no article text)
    words: str  # the source's words (a snippet of its sentence, or the claim text)
    value: str  # the value in plain words
    verdict: str  # how it relates to the draft: agree, compatible, contradict, incomparable
    subject: str = ""  # who or what the source's claim is about (for quotes: the speaker)
    hedged: bool = False

    @property
    def where(self) -> str:
        """How messages name it: `path:line` in an article; the source id for a ledger claim
        (a ledger has no article text to point into)."""
        if self.position is not None and self.path:
            return f"{self.path}:{self.position.line}"
        return self.source


@dataclass(frozen=True)
class Diagnostic:
    path: str
    position: Position
    start: int  # character offsets in the draft
    end: int
    code: str
    name: str
    severity: Severity
    message: str
    subject: str = ""
    predicate: str = ""
    draft_words: str = ""
    related: tuple[Related, ...] = field(default_factory=tuple)
    related_total: int = 0  # source places the finding rests on; `related` lists the first of them

    @property
    def line(self) -> int:
        return self.position.line

    @property
    def col(self) -> int:
        return self.position.col

    @property
    def end_line(self) -> int:
        return self.position.end_line

    @property
    def end_col(self) -> int:
        return self.position.end_col

    def fingerprint(self) -> str:
        """What identifies the finding whatever line it moves to: the code, what the claim is
        about and the draft's words (SARIF partialFingerprints, baseline files)."""
        basis = "\x1f".join((self.code, self.subject, self.predicate, " ".join(self.draft_words.split())))
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, -SEVERITY_RANK[self.severity], self.code, self.message)

    def as_dict(self) -> dict:
        d = asdict(self)
        pos = d.pop("position")
        out = {
            "path": d.pop("path"), "line": pos["line"], "col": pos["col"],
            "end_line": pos["end_line"], "end_col": pos["end_col"],
        }
        out.update(d)
        for r in out["related"]:
            p = r.pop("position")
            r.update({"line": p["line"], "col": p["col"], "end_line": p["end_line"], "end_col": p["end_col"]}
                     if p else {"line": None, "col": None, "end_line": None, "end_col": None})
        return out
