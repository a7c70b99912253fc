"""Sentences and clauses with exact offsets, aware of quotation marks.

A sentence ends at 。！？!?； (and at ". " in English) outside quotes; a paragraph (line) always
ends one. Quotes never run past their paragraph: an unclosed quote closes at the line's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from verifier.lang import alternation, lang
from verifier.tables import table


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int

    def __reduce__(self):  # sent between processes as its three numbers: several times faster
        return Sentence, (self.start, self.end, self.paragraph)


@dataclass(frozen=True)
class Quote:
    start: int  # of the quoted words, inside the marks
    end: int
    open: int  # offset of the opening mark


@table("prepare")
def _marks() -> dict:
    zh, en = lang("zh")["sentence"], lang("en")["sentence"]
    pairs = {**zh["quotes"], **en["quotes"]}
    pairs.pop("《", None)  # titles, not quotes
    return {
        "ends": set("".join(zh["ends"])) | {"!", "?"},
        "pairs": pairs,
        # 、 lists and —— sets off an apposition: neither ends a clause
        "clause": set("".join(zh["clause"] + en["clause"]).replace(" ", "")) - {"-", "—", "、"},
    }


@table("prepare")
def _abbreviation_re() -> re.Pattern[str]:
    """A word a period after which ends no sentence (en.toml [sentence] abbreviations), or an initial."""
    words = alternation(lang("en")["sentence"]["abbreviations"])
    return re.compile(rf"(?:\b(?:{words})|\b[A-Z])$")


def sentences(text: str, spans: list[tuple[int, int]], paragraph_index: list[int] | None = None) -> list[Sentence]:
    """Split each span (a paragraph) of `text` into sentences."""
    marks = _marks()
    ends, pairs = marks["ends"], marks["pairs"]
    out: list[Sentence] = []
    for p, (start, end) in enumerate(spans):
        para = paragraph_index[p] if paragraph_index else p
        s = start
        closing: list[str] = []
        skip_to = start
        # only quote marks and sentence ends matter: visit just those characters
        for m in _special().finditer(text, start, end):
            i = m.start()
            if i < skip_to:
                continue
            ch = text[i]
            if closing and ch == closing[-1]:
                closing.pop()
            elif ch in pairs and not (ch == '"' and closing and closing[-1] == '"'):
                closing.append(pairs[ch])
            elif not closing and (ch in ends or (ch == "." and _english_stop(text, i, end))):
                j = i + 1
                while j < end and text[j] in "”’」』\"')）":
                    j += 1
                if text[s:j].strip():
                    out.append(Sentence(s, j, para))
                s = j
                skip_to = j
        if text[s:end].strip():
            out.append(Sentence(s, end, para))
    return [_trimmed(text, x) for x in out]


@table("prepare")
def _special() -> re.Pattern[str]:
    """The quote marks and sentence ends."""
    marks = _marks()
    chars = "".join(sorted(set(marks["ends"]) | set(marks["pairs"]) | set(marks["pairs"].values()) | {"."}))
    return re.compile("[" + re.escape(chars) + "]")


def _english_stop(text: str, i: int, end: int) -> bool:
    if i + 1 < end and not text[i + 1].isspace():
        return False
    if _abbreviation_re().search(text[max(0, i - 8):i]):
        return False
    after = text[i + 1:min(end, i + 4)].lstrip()
    if after[:1].isascii() and after[:1].islower():
        return False  # "struck at 6:42 a.m. on Saturday": a sentence starts with no lower-case word
    if i > 0 and text[i - 1].isdigit() and i + 1 < end and text[i + 1].isdigit():
        return False
    return True


def _trimmed(text: str, s: Sentence) -> Sentence:
    a, b = s.start, s.end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Sentence(a, b, s.paragraph)


@lru_cache(maxsize=8192)
def quotes(text: str, start: int, end: int) -> tuple[Quote, ...]:
    """Quoted passages within [start, end); an unclosed quote ends at `end`."""
    marks = _marks()
    pairs = marks["pairs"]
    out: list[Quote] = []
    stack: list[tuple[str, int]] = []
    for m in _special().finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if stack and ch == stack[-1][0]:
            closing, at = stack.pop()
            if not stack:
                out.append(Quote(at + 1, i, at))
        elif ch in pairs:
            stack.append((pairs[ch], i))
    if stack:
        at = stack[0][1]
        out.append(Quote(at + 1, end, at))
    return tuple(out)


def clause_bounds(text: str, start: int, end: int) -> list[int]:
    """Offsets of clause separators (，、：,;) within a sentence, outside quotes."""
    inside = quotes(text, start, end)
    out = []
    for m in _clause_re().finditer(text, start, end):
        i = m.start()
        if any(q.open <= i < q.end + 1 for q in inside):
            continue
        if text[i] == "," and i + 1 < end and text[i + 1].isdigit() and i > 0 and text[i - 1].isdigit():
            continue  # 1,500
        out.append(i)
    return out


@table("prepare")
def _clause_re() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(_marks()["clause"]))) + "]")
