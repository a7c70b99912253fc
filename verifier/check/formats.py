"""Rendering diagnostics: text (the default), json, sarif (SARIF 2.1.0) and github (workflow
command annotations). Formatters never decide anything; they only print what the checker found.

Columns: text, json and github count characters (Unicode code points), 1-based. SARIF counts
UTF-16 code units, its default `columnKind`, which the log states explicitly
(`"columnKind": "utf16CodeUnits"`), so viewers such as GitHub code scanning, which index lines
in UTF-16, underline the right span; the two differ only after a character outside the Basic
Multilingual Plane (emoji, CJK extension B) on the same line.
"""

from __future__ import annotations

import inspect
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from verifier.check.checker import DraftResult
from verifier.check.diagnostics import Diagnostic, Related

FORMATS = ("text", "concise", "json", "sarif", "github")
FRAME_WIDTH = 100  # columns of a code frame when the output is not a terminal
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


@dataclass
class Run:
    """Everything one `verifier check` invocation found."""

    results: list[DraftResult]
    sources: list[str]
    help_url: str | None = None  # template for each rule's SARIF helpUri, with {code}
    rule_severity: dict[str, str] = field(default_factory=dict)
    width: int = FRAME_WIDTH  # of the text format's code frames

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for r in self.results for d in r.diagnostics]

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for d in self.diagnostics:
            out[d.severity] += 1
        return out

    def summary(self) -> dict:
        c = self.counts()
        return {
            "drafts": len(self.results), "claims": sum(r.claims for r in self.results),
            "sources": len(self.sources), "errors": c["error"], "warnings": c["warning"], "info": c["info"],
            "hidden_unsupported": sum(r.hidden for r in self.results),
            "suppressed": sum(r.suppressed for r in self.results),
            "not_selected": sum(r.unselected for r in self.results),
            "baselined": sum(r.baselined for r in self.results),
            "empty_drafts": sum(r.empty for r in self.results),
        }

    def statistics(self) -> list[dict]:
        """Diagnostics counted per code, the most frequent first (--statistics)."""
        from collections import Counter

        from verifier.rules.engine import rules

        registry = rules()
        counts = Counter(d.code for d in self.diagnostics)
        severity = {d.code: d.severity for d in self.diagnostics}
        return [{"code": code, "name": registry[code].name if code in registry else "", "severity": severity[code],
                 "count": n} for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def render(run: Run, fmt: str, statistics: bool = False) -> str:
    if statistics:
        return as_json_statistics(run) if fmt == "json" else text_statistics(run)
    return {"text": text, "concise": concise, "json": as_json, "sarif": sarif, "github": github}[fmt](run)


# ----------------------------------------------------------------------------- text
def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(run: Run) -> str:
    s = run.summary()
    scope = (f"{_plural(s['drafts'], 'draft')}, {_plural(s['claims'], 'claim')} checked against "
             f"{_plural(s['sources'], 'source')}")
    found = [_plural(s["errors"], "error"), _plural(s["warnings"], "warning")]
    if s["info"]:
        found.append(f"{s['info']} info")
    if s["drafts"] and s["empty_drafts"] == s["drafts"]:
        return (f"Nothing to check: {'the draft has' if s['drafts'] == 1 else 'the drafts have'} "
                "no article text.")
    if not (s["errors"] or s["warnings"] or s["info"]):
        line = f"No problems found ({scope})."
    else:
        line = f"Found {', '.join(found)} ({scope})."
    notes = []
    if s["empty_drafts"]:
        notes.append(f"{_plural(s['empty_drafts'], 'draft')} with no article text")
    if s["baselined"]:
        notes.append(f"{s['baselined']} already in the baseline not shown")
    if s["hidden_unsupported"]:
        notes.append(f"{s['hidden_unsupported']} unsupported or unconfirmed not shown (--show-unsupported shows them)")
    if s["suppressed"]:
        notes.append(f"{s['suppressed']} suppressed by comments")
    return line + (" " + "; ".join(notes) + "." if notes else "")


def concise(run: Run) -> str:
    """One line per diagnostic: FILE:LINE:COL: CODE message."""
    lines = [f"{d.path}:{d.line}:{d.col}: {d.code} {_one_line(d.message)}" for d in run.diagnostics]
    lines.append(summary_line(run))
    return "\n".join(lines) + "\n"


def text(run: Run) -> str:
    """Each diagnostic's line, then the draft's line with a caret under the words (as ruff
    prints them), then the summary."""
    out = []
    for result in run.results:
        for d in result.diagnostics:
            out.append(f"{d.path}:{d.line}:{d.col}: {d.code} {_one_line(d.message)}")
            out.extend(code_frame(result.text, d, run.width))
            out.append("")
    out.append(summary_line(run))
    return "\n".join(out) + "\n"


def code_frame(text: str, d: Diagnostic, width: int = FRAME_WIDTH) -> list[str]:
    """The line of the draft a diagnostic is on, cut to `width` columns around its words
    (… where it is cut), with carets under them; Chinese characters take two columns."""
    from verifier.check.diagnostics import Lines
    from verifier.terminal import display_width

    if not text:
        return []
    lines = Lines(text)
    start = lines.starts[d.line - 1]
    end = lines.starts[d.line] if d.line < len(lines.starts) else len(text)
    line = text[start:end].rstrip("\r\n").replace("\t", " ")
    a = min(max(d.start - start, 0), len(line))
    b = min(max(d.end - start, a + 1), len(line)) if line else a
    gutter = str(d.line)
    room = max(width - len(gutter) - 3, 20)
    lo, hi = a, b
    while True:  # widen the window around the words, one character each side in turn
        grown = False
        for side in ("left", "right"):
            new_lo, new_hi = (lo - 1, hi) if side == "left" else (lo, hi + 1)
            if new_lo < 0 or new_hi > len(line):
                continue
            shown = (1 if new_lo > 0 else 0) + display_width(line[new_lo:new_hi]) + (1 if new_hi < len(line) else 0)
            if shown <= room:
                lo, hi, grown = new_lo, new_hi, True
        if not grown:
            break
    left = "…" if lo > 0 else ""
    shown = left + line[lo:hi] + ("…" if hi < len(line) else "")
    pad = " " * (len(left) + display_width(line[lo:a]))
    carets = "^" * max(1, display_width(line[a:min(b, hi)]))
    blank = " " * len(gutter)
    return [f"{blank} |", f"{gutter} | {shown}".rstrip(), f"{blank} | {pad}{carets} {d.code}", f"{blank} |"]


def text_statistics(run: Run) -> str:
    """--statistics: how many diagnostics of each code, then the summary."""
    rows = run.statistics()
    if not rows:
        return summary_line(run) + "\n"
    count_w = max(len(str(r["count"])) for r in rows)
    name_w = max(len(r["name"]) for r in rows)
    lines = [f"{str(r['count']).rjust(count_w)}  {r['code']}  {r['name'].ljust(name_w)}  {r['severity']}" for r in rows]
    return "\n".join(lines + [summary_line(run)]) + "\n"


def as_json_statistics(run: Run) -> str:
    return json.dumps({"summary": run.summary(), "statistics": run.statistics()}, ensure_ascii=False, indent=2) + "\n"


def _one_line(message: str) -> str:
    return " ".join(message.split())


# ----------------------------------------------------------------------------- json
def as_json(run: Run) -> str:
    from verifier import __version__

    data = {
        "tool": "verifier", "version": __version__, "summary": run.summary(),
        "diagnostics": [d.as_dict() for d in run.diagnostics],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# ----------------------------------------------------------------------------- github
def _gh_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(value: str) -> str:
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


def github(run: Run) -> str:
    """`::error file=F,line=L,endLine=L,col=C,endColumn=C,title=CODE name::message` per
    diagnostic (info as `::notice`), then the summary as a notice without a file."""
    out = []
    for d in run.diagnostics:
        props = [
            f"file={_gh_property(d.path)}", f"line={d.line}", f"endLine={d.end_line}",
            f"col={d.col}", f"endColumn={d.end_col}", f"title={_gh_property(f'{d.code} {d.name}')}",
        ]
        out.append(f"::{GITHUB_LEVEL[d.severity]} {','.join(props)}::{_gh_data(d.message)}")
    return "\n".join(out) + ("\n" if out else "")


# ----------------------------------------------------------------------------- sarif
def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/:@!$&'()*+,;=-._~")


def _region(position, snippet: str | None = None) -> dict:
    region = {
        "startLine": position.line, "startColumn": position.col_utf16,
        "endLine": position.end_line, "endColumn": position.end_col_utf16,
    }
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _related(n: int, r: Related) -> dict:
    physical: dict = {"artifactLocation": {"uri": _uri(r.path or r.source)}}
    if r.position is not None:
        physical["region"] = _region(r.position)
    return {
        "id": n, "physicalLocation": physical,
        "message": {"text": f"{r.where} ({r.verdict}) says {r.value}: “{r.words}”"},
    }


def sarif(run: Run) -> str:
    from verifier import __version__
    from verifier.rules.engine import rules

    registry = rules()
    index = {code: i for i, code in enumerate(registry)}
    descriptors = []
    for code, r in registry.items():
        descriptor = {
            "id": code, "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": inspect.cleandoc(r.doc)},
            "help": {"text": r.documentation(), "markdown": _help_markdown(code, r)},
            "defaultConfiguration": {"level": SARIF_LEVEL[run.rule_severity.get(code, "error")]},
            "properties": {"tags": ["fact-checking", code[0]]},
        }
        if run.help_url:
            descriptor["helpUri"] = run.help_url.replace("{code}", code).replace("{name}", r.name)
        descriptors.append(descriptor)
    results = []
    for d in run.diagnostics:
        result = {
            "ruleId": d.code, "ruleIndex": index[d.code], "level": SARIF_LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(d.path)}, "region": _region(d.position, d.draft_words),
            }}],
            "partialFingerprints": {"verifierClaim/v1": d.fingerprint()},
        }
        if d.related:
            result["relatedLocations"] = [_related(n, r) for n, r in enumerate(d.related, 1)]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "verifier", "version": __version__, "semanticVersion": __version__,
                "rules": descriptors,
            }},
            "invocations": [{"executionSuccessful": True}],
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _help_markdown(code: str, r) -> str:
    return f"**{code} {r.name}**\n\n{r.summary}\n\n{inspect.cleandoc(r.doc)}\n"
