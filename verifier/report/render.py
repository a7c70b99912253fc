"""Renderers: a report in, text out. Formats are table (terminal), markdown, json and html."""

from __future__ import annotations

import html
from functools import lru_cache
import json
import re
from typing import Iterator

from pydantic import BaseModel, TypeAdapter
import pydantic_core
from tabulate import tabulate

from verifier import describe
from verifier.compact import Shelf, floats_unlike_python
from verifier.report.model import Report
from verifier.terminal import display_width

FORMATS = ("table", "markdown", "json", "html")
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html", ".htm": "html", ".txt": "table"}
VERDICT_MARK = {"contradict": "✗ contradict", "compatible": "~ compatible", "agree": "✓ agree"}


def render(report: Report, fmt: str, width: int | None = None, colour: bool = False, everything: bool = False) -> str:
    if fmt == "json":
        return to_json(report)
    if fmt == "markdown":
        return markdown(report)
    if fmt == "html":
        from verifier.report.html import html

        return html(report)
    return table(report, width, colour, everything)


def to_json(report: Report) -> str:
    """The report as JSON (indented, UTF-8): the text of `json_chunks`."""
    return "".join(json_chunks(report))


def json_chunks(report: Report) -> Iterator[str]:
    """The report as JSON, a piece at a time: the text of `json_pieces`."""
    for piece in json_pieces(report):
        yield piece.decode()


def json_pieces(report: Report) -> Iterator[bytes]:
    """The report as UTF-8 JSON, a piece at a time (JSON_PIECE claims, findings or sources each),
    so that writing a large report never holds all of its text at once. pydantic's serializer
    writes each piece: the same text as json.dumps(model_dump(), ensure_ascii=False, indent=2) but
    for numbers that Python writes with an exponent below 1e-4 (1e-05) and values that are not
    finite: a report holding one of those is written by json.dumps, whole. The claims may have
    been written already by another process (`render_elsewhere`)."""
    claims = report.claims
    if claims.flagged if isinstance(claims, Shelf) else any(map(floats_unlike_python, claims)):
        yield (json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode()
        return
    names = list(type(report).model_fields)
    yield b"{\n"
    for i, name in enumerate(names):
        items = getattr(report, name)
        if isinstance(items, Shelf) and items:
            rendered, items.rendered = items.rendered, None  # read once
            yield from rendered() if rendered is not None else _shelf_pieces(name, items)
        elif isinstance(items, list) and items and all(isinstance(x, BaseModel) for x in items):
            yield f"  {json.dumps(name)}: [\n".encode()
            kind = type(items[0])
            if all(type(x) is kind for x in items):  # JSON_PIECE items at a time, by pydantic
                for j in range(0, len(items), JSON_PIECE):
                    piece = _list_of(kind).dump_json(items[j:j + JSON_PIECE], indent=2)
                    # '[\n  {…},\n  {…}\n]' -> its items, indented as they are in the report
                    yield b"  " + piece[2:-2].replace(b"\n", b"\n  ") + (b",\n" if j + JSON_PIECE < len(items) else b"\n")
            else:
                last = len(items) - 1
                for j, item in enumerate(items):  # each item indented one level deeper than alone
                    yield ("    " + item.model_dump_json(indent=2).replace("\n", "\n    ") + (",\n" if j < last else "\n")).encode()
            yield b"  ]"
        else:
            yield report.model_dump_json(indent=2, include={name})[2:-2].encode()  # '  "name": value'
        yield b",\n" if i < len(names) - 1 else b"\n"
    yield b"}\n"


def _shelf_pieces(name: str, items: Shelf) -> Iterator[bytes]:
    """A report's field held in a Shelf (not empty) as json_pieces writes it: a block at a time,
    JSON_PIECE items a piece, by pydantic from the JSON (its text for the data that models of it
    hold is the models' text)."""
    yield f"  {json.dumps(name)}: [\n".encode()
    left = len(items)
    for block in items.json_blocks():
        block = pydantic_core.from_json(block)
        for j in range(0, len(block), JSON_PIECE):
            part = block[j:j + JSON_PIECE]
            left -= len(part)
            piece = pydantic_core.to_json(part, indent=2)
            yield b"  " + piece[2:-2].replace(b"\n", b"\n  ") + (b",\n" if left else b"\n")
    yield b"  ]"


def render_elsewhere(name: str, items: Shelf) -> None:
    """Have a forked process write the report's field `name`, held in `items`, as json_pieces
    would, while this one goes on (builds the rest of the report): json_pieces then reads it
    back (`Shelf.rendered`). For the claims of a re-run, whose findings are mostly restored here
    while the other core has nothing to do."""
    if items.flagged or not items:
        return  # written by json.dumps, whole (json_pieces)
    items.rendered = _Elsewhere(lambda: _shelf_pieces(name, items))


READ_BACK = 1 << 20  # bytes of the other process's text read at a time


class _Elsewhere:
    """`pieces()` written by a forked process into a temporary file while this one goes on:
    calling the object gives the pieces, from the file (the process's text is the same as this
    one's would be), or made here when the process failed or cannot be made (no fork, threads
    running: a dask client's)."""

    def __init__(self, pieces) -> None:
        import os
        import tempfile
        import threading

        self.pieces, self.pid, self.file = pieces, None, None
        if not hasattr(os, "fork") or threading.active_count() > 1:
            return
        try:
            self.file = tempfile.TemporaryFile()
            self.pid = os.fork()
        except OSError:
            self.close()
            return
        if self.pid == 0:  # the forked process: write, and leave without running anything else
            code = 1
            try:
                out = self.file
                for piece in pieces():
                    out.write(piece)
                out.flush()
                code = 0
            finally:
                os._exit(code)

    def __call__(self) -> Iterator[bytes]:
        import os

        if self.pid is None:
            yield from self.pieces()
            return
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if status != 0:  # the process failed (no room for its file?): the pieces are made here
            self.close()
            yield from self.pieces()
            return
        self.file.seek(0)
        rest = b""
        while True:
            chunk = self.file.read(READ_BACK)
            if not chunk:
                break
            # up to a line's end: a piece is whole UTF-8 (json_chunks decodes each)
            cut = chunk.rfind(b"\n") + 1
            if cut:
                yield rest + chunk[:cut]
                rest = chunk[cut:]
            else:
                rest += chunk
        if rest:
            yield rest
        self.close()

    def __del__(self) -> None:
        self.close()

    def close(self) -> None:
        """Stop the process, if it runs, and remove its file."""
        import os
        import signal

        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = None
        if self.file is not None:
            self.file.close()
            self.file = None


JSON_PIECE = 500  # claims, findings or sources written in one piece


@lru_cache(maxsize=None)
def _list_of(kind: type) -> TypeAdapter:
    return TypeAdapter(list[kind])


def _claims_by_id(report: Report):
    return {c.id: c for c in report.claims}


_TOKEN_END = re.compile(r"[^_\-. ]+")
LABEL_WIDTH = 12  # display columns a source label may take


def source_labels(ids: list[str], max_width: int = LABEL_WIDTH) -> dict[str, str]:
    """Short unique names for sources: leaving out the words all ids start with, the fewest
    next words (split at _ - . or a space) that no other id has ("000" for
    000_d3ab94bd7f17fabd, "wire" for harborline-wire beside harborline-zh); when one of these
    would be wider than `max_width` columns, letters A, B, ... for all of them."""
    spans = {sid: [(m.start(), m.end()) for m in _TOKEN_END.finditer(sid)] or [(0, len(sid))] for sid in ids}
    words = {sid: [sid[a:b] for a, b in spans[sid]] for sid in ids}
    common = 0
    if len(ids) > 1:
        shortest = min(len(w) for w in words.values())
        while common < shortest - 1 and len({tuple(w[: common + 1]) for w in words.values()}) == 1:
            common += 1
    # how many ids start with each run of words (after the common ones): a run only one id
    # starts with tells it apart
    starts: dict[tuple[str, ...], int] = {}
    for sid in ids:
        own = tuple(words[sid][common:])
        for k in range(1, len(own) + 1):
            starts[own[:k]] = starts.get(own[:k], 0) + 1
    out: dict[str, str] = {}
    for sid in ids:
        own = words[sid][common:]
        for k in range(1, len(own) + 1):
            if starts[tuple(own[:k])] == 1:
                break
        start, end = spans[sid][common][0], spans[sid][common + k - 1][1]
        out[sid] = sid[start:end] if k < len(own) or common else sid
    if len(set(out.values())) < len(ids) or any(display_width(v) > max_width for v in out.values()):
        out = {sid: _letters(i) for i, sid in enumerate(ids)}
    return out


def _letters(i: int) -> str:
    """A, B, ..., Z, AA, AB, ..."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def _values(claims: dict, finding, labels: dict[str, str]) -> list[tuple[str, str]]:
    """(source label, what it says) for each source of a finding (`claims`: claim id -> claim)."""
    said: dict[str, set[str]] = {}
    for i in finding.claims:
        c = claims.get(i)
        if c is not None:
            said.setdefault(c.source, set()).add(describe.value(c.value))
    return [(labels.get(source, source), "; ".join(sorted(said.get(source, ())))) for source in finding.sources]


# ----------------------------------------------------------------------------- terminal table
COLOURS = {"contradict": "\x1b[1;31m", "compatible": "\x1b[33m", "agree": "\x1b[32m"}
RESET = "\x1b[0m"
MIN_WIDTH = 40
WIDE = 90  # from this width on, the verdict, rule, subject and values have columns of their own
QUOTE_LINES = 2  # a quote's words are cut after this many lines (the full text is in the other formats)


NO_BREAK_BEFORE = frozenset(",.;:!?)]}%，。、；：！？）」』”’》〉…")


@lru_cache(maxsize=8192)
def _char_width(ch: str) -> int:
    from wcwidth import wcwidth

    return max(wcwidth(ch), 0)


_ASCII_TOKENS = re.compile(r" +|[^ ]+")


def _tokens(paragraph: str) -> list[str]:
    """Runs of spaces, words of narrow characters, and single wide (Chinese) characters, each
    with the punctuation that may not start a line attached."""
    if paragraph.isascii():  # every character narrow: words and runs of spaces
        return _ASCII_TOKENS.findall(paragraph)
    tokens: list[str] = []
    for ch in paragraph:
        prev = tokens[-1] if tokens else ""
        if ch == " ":
            joins = prev.endswith(" ")
        else:
            joins = bool(prev) and not prev.endswith(" ") and (
                ch in NO_BREAK_BEFORE or (_char_width(ch) < 2 and _char_width(prev[-1]) < 2))
        if joins:
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tokens


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Lines of at most `width` columns (a Chinese character takes two), broken at spaces and
    between Chinese characters (never before closing punctuation), a word longer than a line
    cut where it must be; continuation lines start with `indent`."""
    width = max(width, display_width(indent) + 4)
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line, used, pending = "", 0, ""
        start = ""  # what the current line starts with: nothing, then the indent

        def emit() -> None:
            nonlocal line, used, pending, start
            lines.append(line.rstrip())
            start = indent
            line, used, pending = indent, display_width(indent), ""

        for token in _tokens(paragraph):
            if token.startswith(" "):
                pending = token if line != start else ""
                continue
            need = display_width(pending) + display_width(token)
            if used + need <= width:
                line, used, pending = line + pending + token, used + need, ""
                continue
            if line != start:
                emit()
            while used + display_width(token) > width:  # a word longer than a line
                cut, w = "", used
                for ch in token:
                    if w + _char_width(ch) > width and cut:
                        break
                    cut, w = cut + ch, w + _char_width(ch)
                line, token = line + cut, token[len(cut):]
                emit()
            line, used = line + token, used + display_width(token)
        lines.append(line.rstrip())
    return lines


def _cut(lines: list[str], n: int) -> list[str]:
    if len(lines) <= n:
        return lines
    last = lines[n - 1]
    return lines[: n - 1] + [(last[:-1] if display_width(last) > 1 else last) + "…"]


def _paint(text: str, verdict: str, colour: bool) -> str:
    return f"{COLOURS[verdict]}{text}{RESET}" if colour and verdict in COLOURS else text


LARGE_SOURCES = 50  # from this many sources, or LARGE_FINDINGS findings, the table is a digest
LARGE_FINDINGS = 200


def table(report: Report, width: int | None = None, colour: bool = False, everything: bool = False) -> str:
    """The report for a terminal: the sources with their labels, then every finding, in at
    most `width` columns (default 100), verdicts coloured when `colour` is true. A large
    report (an archive) prints only its contradictions, with the sources they cite, and what
    the other formats hold; `everything` prints it all."""
    width = max(width or 100, MIN_WIDTH)
    labels = source_labels([s.id for s in report.sources])
    totals = "\n".join(line for part in _totals(report).split("\n") for line in wrap(part, width))
    large = len(report.sources) > LARGE_SOURCES or len(report.findings) > LARGE_FINDINGS
    if everything or not large:
        findings, sources = report.findings, report.sources
    else:
        contradictions = [f for f in report.findings if f.verdict == "contradict"]
        findings = contradictions[:LARGE_FINDINGS]
        cited = {s for f in findings for s in f.sources}
        sources = [s for s in report.sources if s.id in cited]
        left = len(report.findings) - len(findings)
        shown = (f"the {len(findings)} contradictions" if len(findings) == len(contradictions)
                 else f"the first {len(findings)} of the {len(contradictions)} contradictions")
        totals += "\n" + "\n".join(wrap(
            f"The table shows {shown} and the {len(sources)} sources they cite; "
            f"the {left} other findings and every source are in the Markdown, JSON and HTML reports "
            f"(-o report.html), or in this table with --all.", width))
    listed = _sources_table(report, sources, labels, width) if sources else "no sources cited"
    copies = [f"{labels[x.id]} is a near-verbatim copy of {labels.get(x.syndicated_from, x.syndicated_from)}"
              for x in sources if x.syndicated_from]
    if copies:
        listed += "\n" + "\n".join(wrap("Copies (counted once as evidence): " + "; ".join(copies) + ".", width))
    return f"{listed}\n\n{_findings_table(report, findings, labels, width, colour)}\n\n{totals}\n"


def _table_width(text: str) -> int:
    return max((display_width(line) for line in text.splitlines()), default=0)


def _sources_table(report: Report, sources: list, labels: dict[str, str], width: int) -> str:
    """The sources, and the legend of their labels: columns are left out, the least needed
    first, until the table fits."""
    columns = {
        "label": [labels[s.id] for s in sources],
        "source": [s.id for s in sources],
        "language": [s.language for s in sources],
        "published": [str(s.published or "unknown") for s in sources],
        "claims": [str(s.claims) for s in sources],
        "title": [s.title or "" for s in sources],
    }
    if columns["label"] == columns["source"]:
        del columns["label"]
    if not any(columns["title"]):
        del columns["title"]

    def render(names: list[str], source_width: int | None = None) -> str:
        rows = [list(r) for r in zip(*(columns[n] for n in names))]
        if source_width and "source" in names:
            i = names.index("source")
            for row in rows:
                row[i] = "\n".join(wrap(row[i], source_width))
        if "title" in names:
            i = names.index("title")
            used = _table_width(tabulate([r[:i] for r in rows], headers=names[:i], tablefmt="simple",
                                         disable_numparse=True)) if i else 0
            room = width - used - 2
            if room < 10:
                return ""
            for row in rows:
                row[i] = _cut(wrap(row[i], room), 1)[0]
        align = ["right" if n == "claims" else "left" for n in names]
        return tabulate(rows, headers=names, tablefmt="simple", disable_numparse=True, colalign=align)

    names = list(columns)
    for drop in ("title", "claims", "language", "published"):
        out = render(names)
        if out and _table_width(out) <= width:
            return out
        if drop in names:
            names.remove(drop)
    fixed = _table_width(render([n for n in names if n != "source"]))
    return render(names, max(8, width - fixed - 2))


def _findings_table(report: Report, findings: list, labels: dict[str, str], width: int, colour: bool) -> str:
    """The findings: verdict, rule, what it is about, and what each source says. Wide
    terminals get a column each; narrow ones a column for the verdict and one for the rest."""
    if not findings:
        return "no findings" if not report.findings else "no contradictions"
    label_w = max(display_width(v) for v in labels.values())
    claims = _claims_by_id(report)
    rows = [(f.verdict, VERDICT_MARK.get(f.verdict, f.verdict), f.rule, f"{f.subject} — {f.label or f.predicate}",
             _values(claims, f, labels), f.reason) for f in findings]

    def below(reason: str, indent: str = "") -> str:
        """The reason code on the line under the verdict ("✗ contradict" / "  disjoint")."""
        return f"\n{indent}{reason}" if reason else ""

    verdict_w = max(max(display_width(r[1]) for r in rows), max(2 + len(r[5]) for r in rows), len("verdict") + 2)
    rule_w = max(max(len(r[2]) for r in rows), len("rule") + 2)
    room = width - verdict_w - rule_w - 3 * 2  # tabulate puts two spaces between columns
    # share the room in proportion to what each column would need on one line
    what_need = max(display_width(r[3]) for r in rows)
    values_need = max(label_w + 2 + min(display_width(said), 40) for r in rows for _, said in r[4])
    if what_need + 2 + values_need <= room:
        what_w = what_need
    else:
        what_w = max(14, min(what_need, round((room - 2) * what_need / (what_need + values_need))))
    values_w = room - what_w - 2
    if width >= WIDE and values_w >= label_w + 16:
        body = [[_paint(mark, verdict, colour) + below(reason, "  "), rule, "\n".join(wrap(what, what_w)),
                 "\n".join(_value_lines(values, values_w, label_w))]
                for verdict, mark, rule, what, values, reason in rows]
        return tabulate(body, headers=["verdict", "rule", "what", "values"], tablefmt="simple", disable_numparse=True)
    heads = [f"{mark.split()[0]} {rule}" for _, mark, rule, _, _, _ in rows]
    head_w = max(max(display_width(h) for h in heads), max(len(r[5]) for r in rows), len("rule") + 2)
    body_w = width - head_w - 2
    body = []
    for head, (verdict, _, _, what, values, reason) in zip(heads, rows):
        lines = wrap(what, body_w) + _value_lines(values, body_w - 2, label_w, "  ")
        body.append([_paint(head, verdict, colour) + below(reason), "\n".join(lines)])
    return tabulate(body, headers=["rule", "finding"], tablefmt="simple", disable_numparse=True)


def _value_lines(values: list[tuple[str, str]], width: int, label_w: int, prefix: str = "") -> list[str]:
    lines = []
    for label, said in values:
        head = f"{label}:".ljust(label_w + 1) + " "
        wrapped = wrap(head + said, width, " " * display_width(head))
        if said.startswith("“"):
            wrapped = _cut(wrapped, QUOTE_LINES)
        lines.extend(prefix + line for line in wrapped)
    return lines


def _totals(report: Report) -> str:
    s = report.summary
    return (f"{s.sources} sources, {s.claims} claims, {s.findings} findings: "
            f"{s.contradict} contradict (✗), {s.compatible} compatible (~), {s.agree} agree (✓)"
            + (f"\n{coverage(report)}" if s.unclaimed else ""))


def coverage(report: Report) -> str:
    """What was not checked, in one sentence (empty when every such sentence gave a claim)."""
    n = report.summary.unclaimed
    if not n:
        return ""
    return (f"Not checked: {n} sentence{'s' if n > 1 else ''} with a date, number or quote gave no claim "
            f"(listed as `unclaimed` in the JSON report).")


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def line_numbers(report: Report):
    """claim -> the 1-based line of its source it starts on (None without the source text)."""
    from verifier.check.diagnostics import Lines

    lines = {sid: Lines(text) for sid, text in report.texts.items()}

    def line(claim) -> int | None:
        found = lines.get(claim.source)
        return found.line_col(claim.start)[0] if found is not None else None

    return line


_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")


def _md_escape(text: str) -> str:
    """Article words as Markdown text, on one line: HTML in them is shown, never run, wherever
    the Markdown is rendered with raw HTML allowed; links, emphasis, code and table cells can
    neither be opened nor closed by them."""
    text = " ".join(str(text).splitlines())
    return _MD_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False))


def markdown(report: Report) -> str:
    from verifier.check.diagnostics import Lines
    from verifier.rules.base import REASON_WORDS

    s = report.summary
    labels = source_labels([x.id for x in report.sources])
    out = [
        "# Source consistency report",
        "",
        f"{s.sources} sources, {s.claims} claims, {s.findings} findings: "
        f"**{s.contradict} contradict**, {s.compatible} compatible, {s.agree} agree."
        + (f" {s.unclaimed} sentence{'s' if s.unclaimed > 1 else ''} with a date, number or quote gave no claim: "
           "see [Not checked](#not-checked)." if s.unclaimed else ""),
        "",
        "## Sources",
        "",
        tabulate(
            [[_md_escape(labels[x.id]), _md_escape(x.id), _md_escape(x.title or ""), x.language,
              f"{x.published} ({x.published_from})" if x.published else "unknown", x.claims,
              _md_escape(labels.get(x.syndicated_from, x.syndicated_from)) if x.syndicated_from else ""]
             for x in report.sources],
            headers=["label", "source", "title", "language", "published", "claims", "copy of"], tablefmt="github",
            disable_numparse=True, colalign=["left"] * 5 + ["right", "left"],
        ),
        "",
    ]
    claims = _claims_by_id(report)
    line = line_numbers(report)
    for verdict, title in (("contradict", "Contradictions"), ("compatible", "Compatible (one source less precise)"), ("agree", "Agreements")):
        items = [f for f in report.findings if f.verdict == verdict]
        if not items:
            continue
        out += [f"## {title}", ""]
        for f in items:
            out += [f"### {f.rule} {f.name}: {_md_escape(f.subject)} — {_md_escape(f.label)}", "", _md_escape(f.message), ""]
            if f.reason:
                out += [f"Reason: `{f.reason}` ({REASON_WORDS.get(f.reason, f.reason)}).", ""]
            for cid in f.claims:
                c = claims[cid]
                where = f"line {line(c)}, " if line(c) else ""
                out.append(f"- {_md_escape(c.source)} ({where}[{c.start}:{c.end}]) **{_md_escape(c.text)}** → {_md_escape(describe.value(c.value))}")
            out.append("")
    out += ["## Claims", "", tabulate(
        [[_md_escape(labels.get(c.source, c.source)), line(c) or "", _md_escape(c.subject), c.label or c.predicate,
          _md_escape(_short(c.text, 40)), _md_escape(describe.value(c.value))]
         for c in report.claims if c.kind != "quote"],
        headers=["source", "line", "subject", "predicate", "text", "value"], tablefmt="github",
        disable_numparse=True,
    ), ""]
    if report.unclaimed:
        lines = {sid: Lines(text) for sid, text in report.texts.items()}
        out += ["## Not checked", "", "Sentences with a date, number or quote that gave no claim:", ""]
        for u in report.unclaimed:
            where = f"line {lines[u.source].line_col(u.start)[0]}" if u.source in lines else f"[{u.start}:{u.end}]"
            out.append(f"- {_md_escape(labels.get(u.source, u.source))} ({where}): {_md_escape(_short(' '.join(u.text.split()), 160))}")
        out.append("")
    return "\n".join(out)
