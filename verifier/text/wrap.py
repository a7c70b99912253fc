"""Hard-wrapped text: a paragraph broken across lines (e-mail, CMS exports, wire copy) is one
paragraph, and a line break inside it is not a sentence boundary.

`joined(...)` merges the article's line spans where a line runs on into the next (rules in
data/furniture.toml [wrap]). The pipeline then reads a `View` of the article in which each line
break inside a span is gone between two Chinese characters (周明远于⏎周一 reads 周明远于周一) and a
space elsewhere; whatever is found in the view is mapped back to offsets in the article, so claims
still quote the article exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from verifier.lang import read_data_file
from verifier.terminal import display_width
from verifier.tables import table

_BREAK = re.compile(r"[ \t\u3000]*(?:\r\n|\n|\r)[ \t\u3000]*")
_LATIN_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@table("prepare")
def _rules() -> dict:
    d = read_data_file("furniture.toml")["wrap"]
    return {
        "ends": frozenset(d["ends"]),
        "closers": frozenset(d["closers"]),
        "starts": re.compile(d["starts"]),
        "share": float(d["min_width_share"]),
        "title_words": int(d["title_words"]),
        "title_capitalized": float(d["title_capitalized"]),
    }


def runs_on(line: str, following: str) -> bool:
    """Whether the line `line` (stripped) continues into `following` (the next line, stripped)."""
    r = _rules()
    if not line or not following or r["starts"].match(following) or line[0] in "#|":
        return False  # a list item, heading, quotation or table row starts; a heading or row ends
    last = line.rstrip("".join(r["closers"])) or line
    if last[-1] in r["ends"]:
        return False
    if display_width(line) < r["share"] * display_width(following):
        return False  # a title, byline or dateline above the text
    words = _LATIN_WORD.findall(line)
    if len(words) >= r["title_words"] and line[-1] not in ",，、" and \
            sum(w[0].isupper() for w in words) >= r["title_capitalized"] * len(words):
        return False
    return True


def joined(text: str, spans: list[tuple[int, int]], keep_apart: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """The article's line spans with the lines that run on merged into one span (lines are
    adjacent when only a line break lies between them). `keep_apart` (a dateline's span) is
    never joined to the line after it when it ends its line, nor to the line before it."""
    out: list[tuple[int, int]] = []
    prev: tuple[int, int] | None = None  # the line before this one
    for start, end in spans:
        if prev is not None:
            p_start, p_end = prev
            dateline_ends_it = keep_apart is not None and p_start <= keep_apart[0] < p_end and \
                not text[keep_apart[1]:p_end].strip()
            # nor is a line holding a dateline joined to the line before it (a title above it)
            dateline_in_it = keep_apart is not None and start <= keep_apart[0] < end
            if _BREAK.fullmatch(text, p_end, start) and not dateline_ends_it and not dateline_in_it and \
                    runs_on(text[p_start:p_end].strip(), text[start:end].strip()):
                out[-1] = (out[-1][0], end)
                prev = (start, end)
                continue
        out.append((start, end))
        prev = (start, end)
    return out


def _cjk(ch: str) -> bool:
    return ch >= "\u2e80" and not ch.isspace()


@dataclass(frozen=True)
class View:
    """The article as the extractor reads it, and the way back to the article's offsets."""

    text: str
    folded: str
    removed: tuple[int, ...]  # offsets in the article of the characters the view leaves out

    def to_view(self, offset: int) -> int:
        return offset - bisect_left(self.removed, offset)

    def to_article(self, offset: int) -> int:
        """The article offset of the view's character at `offset`."""
        k = bisect_right(self.removed, offset)
        while True:
            k2 = bisect_right(self.removed, offset + k)
            if k2 == k:
                return offset + k
            k = k2

    def span_to_article(self, start: int, end: int) -> tuple[int, int]:
        return self.to_article(start), (self.to_article(end - 1) + 1 if end > start else self.to_article(start))

    def span_to_view(self, start: int, end: int) -> tuple[int, int]:
        return self.to_view(start), self.to_view(end)


def view(text: str, folded: str, spans: list[tuple[int, int]]) -> View | None:
    """The view of an article whose spans hold line breaks; None when none does."""
    cuts: list[tuple[int, int, bool]] = []  # (start, end, dropped) of each break and the spaces around it
    for start, end in spans:
        if text.find("\n", start, end) == -1 and text.find("\r", start, end) == -1:
            continue  # one line (most spans are)
        for m in _BREAK.finditer(text, start, end):
            a, b = m.start(), m.end()
            drop = a > 0 and b < len(text) and _cjk(text[a - 1]) and _cjk(text[b])
            cuts.append((a, b, drop))
    if not cuts:
        return None
    t_parts, f_parts, removed, pos = [], [], [], 0
    for a, b, drop in cuts:
        t_parts.append(text[pos:a])
        f_parts.append(folded[pos:a])
        if drop:
            removed.extend(range(a, b))
        else:
            t_parts.append(" " * (b - a))
            f_parts.append(" " * (b - a))
        pos = b
    t_parts.append(text[pos:])
    f_parts.append(folded[pos:])
    return View("".join(t_parts), "".join(f_parts), tuple(removed))
