"""Renderers: a report in, text out. Formats are table (terminal), markdown, json and html."""

from __future__ import annotations

import html
import json
import re

from tabulate import tabulate

from verifier import describe
from verifier.report.model import Report

FORMATS = ("table", "markdown", "json", "html")
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html", ".htm": "html", ".txt": "table"}
VERDICT_MARK = {"contradict": "✗ contradict", "compatible": "~ compatible", "agree": "✓ agree"}


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if fmt == "markdown":
        return markdown(report)
    if fmt == "html":
        from verifier.report.html import html

        return html(report)
    return table(report)


def _claims_by_id(report: Report):
    return {c.id: c for c in report.claims}


def short_ids(ids: list[str]) -> dict[str, str]:
    """The shortest prefix (at least 3 characters) that tells each source from the others."""
    out = {}
    for sid in ids:
        n = min(3, len(sid))
        while n < len(sid) and any(o != sid and o.startswith(sid[:n]) for o in ids):
            n += 1
        out[sid] = sid[:n]
    return out


def _values(report: Report, finding) -> list[str]:
    claims = _claims_by_id(report)
    short = short_ids([s.id for s in report.sources])
    out = []
    for source in finding.sources:
        vals = sorted({describe.value(claims[i].value) for i in finding.claims if claims[i].source == source})
        out.append(f"{short.get(source, source)}: " + "; ".join(vals))
    return out


def table(report: Report) -> str:
    s = report.summary
    sources = tabulate(
        [[x.id, x.language, x.published or "unknown", x.claims] for x in report.sources],
        headers=["source", "language", "published", "claims"], tablefmt="simple",
    )
    rows = []
    for f in report.findings:
        if f.rule.startswith("Q") and f.verdict != "contradict":
            continue  # quote wording is in the full report
        rows.append([VERDICT_MARK[f.verdict], f.rule, _short(f"{f.subject} — {f.label}", 44),
                     "\n".join(_short(v, 60) for v in _values(report, f))])
    findings = tabulate(rows, headers=["verdict", "rule", "what", "values"], tablefmt="simple") if rows else "no findings"
    return (
        f"{sources}\n\n{findings}\n\n"
        f"{s.sources} sources, {s.claims} claims, {s.findings} findings: "
        f"{s.contradict} contradict, {s.compatible} compatible, {s.agree} agree\n"
    )


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")


def _md_escape(text: str) -> str:
    """Article words as Markdown text, on one line: HTML in them is shown, never run, wherever
    the Markdown is rendered with raw HTML allowed; links, emphasis, code and table cells can
    neither be opened nor closed by them."""
    text = " ".join(str(text).splitlines())
    return _MD_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False))


def markdown(report: Report) -> str:
    s = report.summary
    out = [
        "# Source consistency report",
        "",
        f"{s.sources} sources, {s.claims} claims, {s.findings} findings: "
        f"**{s.contradict} contradict**, {s.compatible} compatible, {s.agree} agree.",
        "",
        "## Sources",
        "",
        tabulate(
            [[_md_escape(x.id), x.language, f"{x.published} ({x.published_from})" if x.published else "unknown", x.claims]
             for x in report.sources],
            headers=["source", "language", "published", "claims"], tablefmt="github",
        ),
        "",
    ]
    claims = _claims_by_id(report)
    for verdict, title in (("contradict", "Contradictions"), ("compatible", "Compatible (one source less precise)"), ("agree", "Agreements")):
        items = [f for f in report.findings if f.verdict == verdict]
        if not items:
            continue
        out += [f"## {title}", ""]
        for f in items:
            out += [f"### {f.rule} {f.name}: {_md_escape(f.subject)} — {_md_escape(f.label)}", "", _md_escape(f.message), ""]
            for cid in f.claims:
                c = claims[cid]
                out.append(f"- {_md_escape(c.source)} [{c.start}:{c.end}] **{_md_escape(c.text)}** → {_md_escape(describe.value(c.value))}")
            out.append("")
    out += ["## Claims", "", tabulate(
        [[_md_escape(short_ids([s.id for s in report.sources]).get(c.source, c.source)), _md_escape(c.subject), c.label or c.predicate, _md_escape(_short(c.text, 40)), _md_escape(describe.value(c.value))]
         for c in report.claims if c.kind != "quote"],
        headers=["source", "subject", "predicate", "text", "value"], tablefmt="github",
    ), ""]
    return "\n".join(out)
