"""Drafts: Markdown syntax out, article text in, every offset unchanged.

`mask(text)` returns a string of exactly the same length as `text` in which Markdown syntax
is replaced by spaces (line breaks are kept), so an offset into the masked text is an offset
into the file the editor has open and lines and columns computed on either agree:

- front matter (`---` YAML or `+++` TOML at the very top), fenced code blocks, inline code,
  HTML comments, HTML tags, autolinks, link reference definitions and footnote markers are
  blanked whole;
- headings keep their text (`#` marks blanked), as do block quotes (`>`), list items (the
  bullet or number), tables (the pipes; separator rows are blanked);
- links and images keep their text: `[text](url)` -> ` text      `;
- emphasis and strike-through marks (`*`, `_`, `~~`) are blanked; a backslash escape keeps
  the escaped character.

Indented code blocks are not recognised (a news draft indents paragraphs more often than it
shows code). `mask_plain` is for .txt drafts: only HTML comments, such as the suppression
comments, are blanked.
"""

from __future__ import annotations

import re

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$")
_RULE_LINE = re.compile(r"^ {0,3}(?:(?:=+)|(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})[ \t]*$")
_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_QUOTE_MARKS = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")
_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_HEADING_CLOSE = re.compile(r"[ \t]#+[ \t]*$")
_LIST = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)(\[[ xX]\][ \t]+)?")
_INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_LINK = re.compile(r"(!?)\[([^\[\]\n]*)\]\(([^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)")
_REF_LINK = re.compile(r"(!?)\[([^\[\]\n]+)\]\[([^\[\]\n]*)\]")
_FOOTNOTE = re.compile(r"\[\^[^\]\n]+\]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>\n]*)?/?>")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_STAR = re.compile(r"\*+")
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_+|_+(?![0-9A-Za-z])")
_TILDES = re.compile(r"~~+")
_HARD_BREAK = re.compile(r"\\$")


class _Buffer:
    """The text being masked: blanking keeps line breaks and length."""

    def __init__(self, text: str) -> None:
        self.chars = list(text)
        self.protected: set[int] = set()

    def blank(self, start: int, end: int) -> None:
        for i in range(start, end):
            if self.chars[i] not in "\r\n" and i not in self.protected:
                self.chars[i] = " "

    def text(self) -> str:
        return "".join(self.chars)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end before the line break (the same lines as the
    pipeline's furniture pass)."""
    out, pos = [], 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def mask_plain(text: str) -> str:
    """A plain-text draft: only HTML comments (suppression comments) are not article text."""
    buf = _Buffer(text)
    for m in _COMMENT.finditer(text):
        buf.blank(m.start(), m.end())
    return buf.text()


def _front_matter(text: str, lines: list[tuple[int, int]]) -> int:
    """Number of lines of front matter at the top (0 if none)."""
    if not lines:
        return 0
    first = text[lines[0][0]:lines[0][1]].lstrip("\ufeff").rstrip()
    if first not in ("---", "+++"):
        return 0
    closers = ("---", "...") if first == "---" else ("+++",)
    for n, (a, b) in enumerate(lines[1:], 1):
        if text[a:b].rstrip() in closers:
            return n + 1
    return 0


def mask(text: str) -> str:
    """Markdown draft -> article text of the same length (syntax replaced by spaces)."""
    buf = _Buffer(text)
    for m in _COMMENT.finditer(text):
        buf.blank(m.start(), m.end())
    lines = _lines(text)
    skip = _front_matter(text, lines)
    for a, b in lines[:skip]:
        buf.blank(a, b)
    fence: str | None = None
    prose: list[tuple[int, int]] = []
    for a, b in lines[skip:]:
        line = buf.text()[a:b] if fence is None else text[a:b]
        m = _FENCE.match(line)
        if fence is not None:
            buf.blank(a, b)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end():].strip():
                fence = None
            continue
        if m and not (m.group(1)[0] == "`" and "`" in line[m.end():]):
            fence = m.group(1)
            buf.blank(a, b)
            continue
        if _REF_DEF.match(line) or _RULE_LINE.match(line) or _TABLE_SEP.match(line):
            buf.blank(a, b)
            continue
        prose.append((a, b))
    for a, b in prose:
        _mask_line(buf, a, b)
    return buf.text()


def _mask_line(buf: _Buffer, a: int, b: int) -> None:
    def current() -> str:
        return "".join(buf.chars[a:b])

    line = current()
    m = _QUOTE_MARKS.match(line)
    if m:
        buf.blank(a, a + m.end())
    line = current()
    m = _HEADING.match(line)
    if m:
        buf.blank(a + m.start(2), a + m.end(2))
        close = _HEADING_CLOSE.search(line)
        if close and close.start() > m.end():
            buf.blank(a + close.start(), a + close.end())
    else:
        m = _LIST.match(line)
        if m:
            buf.blank(a + m.start(2), a + m.end())
    line = current()
    if line.lstrip().startswith("|"):
        for i, ch in enumerate(line):
            if ch == "|" and (i == 0 or line[i - 1] != "\\"):
                buf.blank(a + i, a + i + 1)
    # backslash escapes: the escaped character is text, never syntax
    line = current()
    for m in _ESCAPE.finditer(line):
        buf.blank(a + m.start(), a + m.start() + 1)
        buf.protected.add(a + m.start(1))
    line = current()
    for m in _INLINE_CODE.finditer(line):
        buf.blank(a + m.start(), a + m.end())
    line = current()
    for m in _AUTOLINK.finditer(line):
        buf.blank(a + m.start(), a + m.end())
    line = current()
    for m in _FOOTNOTE.finditer(line):
        buf.blank(a + m.start(), a + m.end())
    line = current()
    for pattern in (_LINK, _REF_LINK):
        # an image inside a link ([![alt](img)](url)) needs a second pass
        for _ in range(2):
            line = current()
            for m in pattern.finditer(line):
                buf.blank(a + m.start(), a + m.start(2))  # "!" and "["
                buf.blank(a + m.end(2), a + m.end())  # "](url)" or "][ref]"
    line = current()
    for m in _TAG.finditer(line):
        buf.blank(a + m.start(), a + m.end())
    line = current()
    for pattern in (_STAR, _UNDERSCORE, _TILDES, _HARD_BREAK):
        for m in pattern.finditer(line):
            buf.blank(a + m.start(), a + m.end())
        line = current()


def is_markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)
