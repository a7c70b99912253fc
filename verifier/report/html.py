"""The HTML report: one self-contained page for the people who decide what to publish.

`html(report)` returns a complete document with its CSS and script inline and a
Content-Security-Policy that lets the page fetch nothing from anywhere: it reads offline, prints,
and can be mailed as one file. It shows

- a summary: sources (language, publication date), counts of claims and of findings by verdict;
- the findings, contradictions first, each with its verdict, rule (linked to the rule's
  documentation further down), a plain explanation and the sources' sentences side by side with
  the claim spans highlighted; dated findings also get a small timeline of their own;
- a timeline (inline SVG): one row per event, each source's date for it as a mark (a day is a
  point, a week, month or year a bar); a date that is not anchored to a calendar (a bare
  "Monday", a relative date with no publication date) is written beside its row, not placed;
- a claims matrix (subject and predicate by source, each cell the value that source gives);
- a view by source: each article's title, date and claims in text order, with the line each
  claim is on and the findings it is part of;
- filters by verdict, rule and source and a search box (plain inline script; the page works
  without it). Searching folds scripts as the pipeline does: 辭職 finds 辞职.

On a phone (390 px) nothing is wider than the screen: tables and the timeline scroll inside
their own boxes, and tapping or focusing a timeline row shows each source's date for it in
words (the same details are printed for every row). Quoted article text carries its language
(`lang="zh-Hant"`...), and the font stack names the common CJK fonts of each system.

Safety: every piece of text that comes from an article, a file name or a manifest is escaped
with `html.escape`; the data the script reads is a JSON block with `<`, `>` and `&` escaped; no
event-handler attribute is built from data; links are kept only for http(s) URLs; and the CSP
allows exactly the page's own script (by hash), so injected markup could not run even if it got
through. The output is deterministic (no clock, stable order), so two reports diff cleanly.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape as _escape
from typing import Iterable, Sequence
from urllib.parse import quote

from verifier import __version__, describe
from verifier.check.diagnostics import Lines
from verifier.claims.model import Claim
from verifier.normalize.values import DateValue
from verifier.report.model import Report, SourceInfo
from verifier.report.render import LARGE_SOURCES
from verifier.rules.engine import VERDICT_ORDER, Finding, rules

VERDICT_TITLE = {"contradict": "Contradictions", "compatible": "Compatible (one source less precise)",
                 "agree": "Agreements"}
VERDICT_MARK = {"contradict": "✗", "compatible": "~", "agree": "✓"}
# Okabe–Ito: distinguishable with the common colour-vision deficiencies
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D1F")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
POINT_GRAINS = ("day", "part_of_day", "hour", "minute")
LANG_ATTR = {"zh-Hant": "zh-Hant", "zh-Hans": "zh-Hans", "mixed": "zh", "en": "en"}


def esc(value: object) -> str:
    """Text for element content and quoted attribute values."""
    return _escape("" if value is None else str(value), quote=True)


def json_for_script(data: object) -> str:
    """JSON that is safe inside a <script> element: no `<`, `>` or `&` can close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None (never a javascript: or data: link)."""
    if url and re.match(r"(?i)^https?://[^\s<>\"']+$", url.strip()):
        return url.strip()
    return None


def short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def fragment(kind: str, value: str) -> str:
    """An in-page link to the element whose id is f"{kind}-{value}" (any characters)."""
    return "#" + quote(f"{kind}-{value}", safe="")


def lang_attr(lang: str) -> str:
    return f' lang="{esc(lang)}"' if lang else ""


def line_label(line: int | None, before: str = "", after: str = "") -> str:
    return f'{before}<span class="line">line {line}</span>{after}' if line else ""


# ----------------------------------------------------------------------------- context
class _Context:
    def __init__(self, report: Report):
        self.report = report
        self.texts = report.texts
        self.claims = {c.id: c for c in report.claims}
        self.sources = {s.id: s for s in report.sources}
        self.colour_index = {s.id: i for i, s in enumerate(report.sources)}
        self.rules = rules()
        # claim id -> the verdicts of the findings it is part of
        self.claim_verdicts: dict[str, set[str]] = defaultdict(set)
        self.claim_findings: dict[str, list[Finding]] = defaultdict(list)
        for f in report.findings:
            for cid in f.claims:
                self.claim_verdicts[cid].add(f.verdict)
                self.claim_findings[cid].append(f)
        self._lines = {sid: Lines(text) for sid, text in self.texts.items()}

    def line(self, claim: Claim) -> int | None:
        """The 1-based line of its source a claim starts on (None without the text)."""
        lines = self._lines.get(claim.source)
        return lines.line_col(claim.start)[0] if lines is not None else None

    def lang(self, source: str) -> str:
        """The HTML lang of a source's text, so that browsers pick the right CJK glyphs."""
        info = self.sources.get(source)
        return LANG_ATTR.get(info.language if info else "", "")

    def colour(self, source: str) -> str:
        return PALETTE[self.colour_index.get(source, 0) % len(PALETTE)]

    def sclass(self, source: str) -> str:
        return f"s{self.colour_index.get(source, 0) % len(PALETTE)}"

    def source_name(self, source: str) -> str:
        info = self.sources.get(source)
        return f"{source} — {info.title}" if info and info.title else source


def _published(info: SourceInfo | None) -> str:
    if info is None or info.published is None:
        return "publication date unknown"
    via = f" (from the {info.published_from})" if info.published_from else ""
    return f"published {info.published.isoformat()}{via}"


# ----------------------------------------------------------------------------- page
CSS = """
:root{--fg:#1b1f24;--muted:#5b6470;--line:#d8dde3;--bg:#fff;--soft:#f5f7f9;
--contradict:#b42318;--contradict-bg:#fdecea;--compatible:#8a5a00;--compatible-bg:#fff6e0;
--agree:#1a7f37;--agree-bg:#e9f6ec;--mark:#ffe58a;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial;
--cjk-sc:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",
"Source Han Sans SC","WenQuanYi Micro Hei";
--cjk-tc:"PingFang TC","Hiragino Sans CNS","Microsoft JhengHei","Noto Sans CJK TC","Noto Sans TC",
"Source Han Sans TC","WenQuanYi Micro Hei"}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font:15px/1.5 var(--sans),var(--cjk-sc),var(--cjk-tc),sans-serif;color:var(--fg);background:var(--bg);margin:0}
:lang(zh-Hant){font-family:var(--sans),var(--cjk-tc),var(--cjk-sc),sans-serif}
:lang(zh-Hans),:lang(zh){font-family:var(--sans),var(--cjk-sc),var(--cjk-tc),sans-serif}
main{max-width:1180px;margin:0 auto;padding:24px 20px 60px}
h1{font-size:26px;margin:0 0 6px}h2{font-size:21px;margin:36px 0 10px;border-bottom:2px solid var(--line);
padding-bottom:4px}h3{font-size:17px;margin:22px 0 8px}
h1,h2,h3,h4,p,li{overflow-wrap:anywhere}td,th{overflow-wrap:break-word}
a{color:#0b57d0}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
.scroll{overflow-x:auto;max-width:100%}
.muted{color:var(--muted)}.small{font-size:13px}
.line{font-size:12px;color:var(--muted);white-space:nowrap}
.counts{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.count{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:110px}
.count b{display:block;font-size:22px}
.count.contradict b{color:var(--contradict)}.count.compatible b{color:var(--compatible)}
.count.agree b{color:var(--agree)}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;vertical-align:-1px;margin-right:5px}
nav.toc{display:flex;flex-wrap:wrap;gap:4px 14px}
.filters{display:none;border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:10px 0 16px;
background:var(--soft)}
.js .filters{display:block}
.filters fieldset{border:0;display:inline-block;vertical-align:top;margin:0 18px 6px 0;padding:0;min-width:0;
max-width:100%}
.filters legend{font-weight:600;font-size:13px;padding:0}
.filters label{display:block;font-size:14px;overflow-wrap:anywhere}
.filters .shown{font-size:14px;margin-top:4px}
.search{display:block;margin:0 0 8px}.search span{display:block}
.search input{font:inherit;width:100%;max-width:420px;padding:6px 9px;border:1px solid #9aa3ad;border-radius:6px}
.finding{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:8px;padding:12px 16px;
margin:14px 0;break-inside:avoid}
.finding.contradict{border-left-color:var(--contradict)}
.finding.compatible{border-left-color:#e0a100}
.finding.agree{border-left-color:var(--agree)}
.finding h3{margin:0 0 4px;font-size:17px}
.badge{display:inline-block;font-size:12px;font-weight:700;border-radius:10px;padding:1px 9px;margin-right:6px;
vertical-align:2px;text-transform:uppercase;letter-spacing:.03em}
.badge.contradict{background:var(--contradict-bg);color:var(--contradict)}
.badge.compatible{background:var(--compatible-bg);color:var(--compatible)}
.badge.agree{background:var(--agree-bg);color:var(--agree)}
.rule{font-size:14px}.fid{font-family:ui-monospace,monospace;font-size:12px;color:var(--muted)}
.explain{margin:6px 0 10px}
.evidence{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(300px,100%),1fr));gap:12px}
.side{border:1px solid var(--line);border-radius:6px;padding:8px 12px;background:var(--soft);min-width:0}
.side header{font-size:13px;color:var(--muted);margin-bottom:4px;overflow-wrap:anywhere}
.side header b{color:var(--fg)}
blockquote{margin:6px 0;padding:6px 10px;background:#fff;border-left:3px solid var(--line);
white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:var(--mark);padding:0 1px;border-radius:2px;box-shadow:0 0 0 1px #e3b800 inset}
.says{font-size:14px;margin:2px 0 0}.says .orig{color:var(--muted)}
.hedged{font-size:12px;color:var(--compatible);font-weight:600}
details.full{margin-top:8px;font-size:13px;color:var(--muted)}
.tl-scroll{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch}
.timeline{width:100%;min-width:1000px;height:auto;display:block}
.timeline text{font:12px var(--sans),var(--cjk-sc),sans-serif;fill:var(--fg)}
.timeline .tick{font-size:11px;fill:var(--muted)}
.timeline .grid{stroke:#e6e9ed;stroke-width:1}
.timeline .axis{stroke:#9aa3ad;stroke-width:1}
.timeline .break{stroke:#9aa3ad;stroke-width:1.5;fill:none}
.timeline .row-contradict{fill:var(--contradict-bg)}
.timeline .row-compatible{fill:var(--compatible-bg)}
.timeline .row-agree{fill:var(--agree-bg)}
.timeline .row-plain{fill:#fafbfc}
.timeline .label-contradict{fill:var(--contradict);font-weight:600}
.timeline .unplaced{font-size:12px}
.timeline .none{fill:var(--muted);font-style:italic}
.timeline g.event[tabindex]{cursor:pointer;outline:none}
.timeline g.event[tabindex]:focus rect:first-child,.timeline g.event.selected rect:first-child{stroke:#0b57d0;stroke-width:2}
.tl-hint{display:none}.js .tl-hint{display:block}
.tl-detail{border:1px solid var(--line);border-radius:8px;padding:6px 12px;margin:8px 0;break-inside:avoid}
.js .tl-detail{display:none}.js .tl-detail.shown{display:block}
.tl-detail h4{margin:2px 0 4px;font-size:15px}.tl-detail ul{margin:0;padding-left:18px}
.tl-detail li{margin:2px 0}
.mini{margin-top:10px;border-top:1px dashed var(--line);padding-top:6px}
.legend{font-size:13px;margin:6px 0 0}.legend span{margin-right:14px;display:inline-block}
.matrix td.v{min-width:140px}.matrix .orig{color:var(--muted);font-size:12px}
.matrix tr.contradict td:first-child{border-left:4px solid var(--contradict)}
.matrix th.src{overflow-wrap:anywhere;min-width:110px}
details.source-view{border:1px solid var(--line);border-radius:8px;padding:6px 12px;margin:10px 0}
details.source-view summary{cursor:pointer;font-weight:600;overflow-wrap:anywhere}
details.source-view table{margin-top:8px}
.claims-table td.ln{white-space:nowrap;color:var(--muted);font-size:12px}
.ruledoc{border:1px solid var(--line);border-radius:8px;padding:8px 14px;margin:10px 0;break-inside:avoid}
.ruledoc p{margin:6px 0}.ruledoc h3{margin:4px 0}
footer{margin-top:40px;font-size:12px;color:var(--muted)}
@media (max-width:600px){
  body{font-size:15px}
  main{padding:14px 12px 40px}
  h1{font-size:22px}h2{font-size:19px}
  .count{min-width:0;flex:1 1 28%;padding:6px 10px}
  .finding{padding:10px 10px}
  .filters fieldset{display:block;margin-right:0}
  th,td{padding:4px 6px}
  table.sources thead{display:none}
  table.sources tr{display:block;border:1px solid var(--line);border-radius:6px;margin:0 0 8px;padding:4px 6px}
  table.sources td{display:block;border:0;padding:1px 0}
  table.sources td[data-label]:not(:empty)::before{content:attr(data-label) ": ";color:var(--muted);font-size:13px}
  table.sources td:empty{display:none}
  .claims-table,.matrix{min-width:560px}
}
@media print{
  body{font-size:11pt}main{max-width:none;padding:0}
  .filters,nav.toc,details.full,.tl-hint{display:none!important}
  .finding[hidden],.group[hidden]{display:block!important}
  .tl-detail{display:block!important}
  .tl-scroll,.scroll{overflow:visible}
  .timeline{min-width:0}
  a{color:inherit;text-decoration:none}
  h2{break-after:avoid}
}
"""

SCRIPT = """(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var fold = data.fold || {};
  // the search folds as the report's text was folded: width, accents, case, script
  function normal(text) {
    var s = text.normalize("NFKC").normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
    return Array.from(s).map(function (ch) { return fold[ch] || ch; }).join("");
  }
  // a timeline row shows each source's date for it when tapped, clicked or focused
  var rows = document.querySelectorAll("#timeline g.event[data-detail]");
  function select(row) {
    rows.forEach(function (r) { r.classList.toggle("selected", r === row); });
    document.querySelectorAll("#timeline .tl-detail").forEach(function (d) {
      d.classList.toggle("shown", d.id === row.getAttribute("data-detail"));
    });
  }
  rows.forEach(function (row) {
    row.addEventListener("click", function () { select(row); });
    row.addEventListener("focus", function () { select(row); });
    row.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(row); }
    });
  });
  // printed, every source's claims show
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.source-view:not([open])").forEach(function (d) {
      d.open = true; opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; }); opened = [];
  });
  // a link to a source's view opens it
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === "DETAILS") { el.open = true; }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  var form = document.getElementById("filters");
  if (!form) { return; }
  var search = document.getElementById("search");
  function checked(name) {
    var out = new Set();
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      if (box.name === name && box.checked) { out.add(box.value); }
    });
    return out;
  }
  function apply() {
    var verdicts = checked("verdict"), rules = checked("rule"), sources = checked("source");
    var query = search ? search.value.trim() : "";
    var terms = normal(query).split(/\\s+/).filter(Boolean);
    var shown = 0, perGroup = {};
    data.findings.forEach(function (f) {
      var el = document.getElementById("finding-" + f.id);
      if (!el) { return; }
      var ok = verdicts.has(f.verdict) && rules.has(f.rule) &&
        f.sources.some(function (s) { return sources.has(s); }) &&
        terms.every(function (term) { return f.text.indexOf(term) >= 0; });
      el.hidden = !ok;
      if (ok) { shown += 1; perGroup[f.verdict] = (perGroup[f.verdict] || 0) + 1; }
    });
    document.querySelectorAll("section.group").forEach(function (g) {
      g.hidden = !perGroup[g.getAttribute("data-verdict")];
    });
    var out = document.getElementById("shown");
    out.textContent = "Showing " + shown + " of " + data.findings.length + " findings" +
      (terms.length ? " matching \\u201c" + query + "\\u201d" : "");
  }
  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  apply();
})();
"""


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")


def html(report: Report) -> str:
    """The report as one self-contained HTML document."""
    ctx = _Context(report)
    body = [
        _summary(ctx),
        _findings(ctx),
        _timeline_section(ctx),
        _matrix(ctx),
        _source_views(ctx),
        _rule_docs(ctx),
        f'<footer>Made by verifier {esc(__version__)} (report schema {esc(report.schema_version)}). '
        "Findings are about consistency between sources, not about which source is true.</footer>",
    ]
    searchable = {f.id: _search_text(ctx, f) for f in report.findings}
    data = {"findings": [{"id": f.id, "verdict": f.verdict, "rule": f.rule, "sources": list(f.sources),
                          "text": searchable[f.id]} for f in report.findings],
            "fold": _fold_table(searchable.values())}
    source_css = "".join(f".s{i}{{background:{c}}}" for i, c in enumerate(PALETTE))
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_csp())}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        "<title>Source consistency report</title>\n",
        f"<style>{CSS}{source_css}</style>\n</head>\n<body>\n<main>\n",
        "\n".join(body),
        "\n</main>\n",
        f'<script type="application/json" id="report-data">{json_for_script(data)}</script>\n',
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n",
    ])


def _search_text(ctx: _Context, f: Finding) -> str:
    """What the search box looks in for a finding, folded (Simplified script, ASCII width,
    no accents, lower case), as the script folds the query."""
    from verifier.text.fold import fold

    parts = [f.rule, f.name, f.subject, f.label, f.predicate, f.message, f.verdict]
    for cid in f.claims:
        c = ctx.claims.get(cid)
        if c is not None:
            parts += [c.text, c.subject_text or "", describe.value(c.value), ctx.source_name(c.source)]
    return " ".join(fold(" ".join(parts)).lower().split())


@lru_cache(maxsize=1)
def _folded_cjk() -> dict[str, str]:
    """Every CJK ideograph that folding changes, and what it folds to (週 -> 周, 辭 -> 辞)."""
    from verifier.text.fold import fold

    chars = "".join(chr(c) for c in range(0x4E00, 0xA000))
    return {a: b for a, b in zip(chars, fold(chars)) if a != b}


def _fold_table(texts: Iterable[str]) -> dict[str, str]:
    """The script's folding table: each character that folds to one the searchable text has
    (so that 週一 finds 周一), and nothing else."""
    present = set("".join(texts))
    return {a: b for a, b in _folded_cjk().items() if b in present}


# ----------------------------------------------------------------------------- summary
def _swatch(ctx: _Context, source: str) -> str:
    return f'<span class="sw {ctx.sclass(source)}" aria-hidden="true"></span>'


def _summary(ctx: _Context) -> str:
    r = ctx.report
    s = r.summary
    rows = []
    for info in r.sources:
        url = safe_url(info.url)
        link = f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a>' if url else (
            esc(info.url) if info.url else "")
        published = (f"{esc(info.published.isoformat())} <span class=\"muted small\">({esc(info.published_from)})</span>"
                     if info.published else '<span class="muted">unknown</span>')
        rows.append(
            f'<tr><td>{_swatch(ctx, info.id)}<a href="{esc(fragment("source", info.id))}">{esc(info.id)}</a>'
            + (f' <span class="muted small copy">copy of {esc(info.syndicated_from)}</span>' if info.syndicated_from else "")
            + "</td>"
            f'<td data-label="title"{lang_attr(ctx.lang(info.id))}>{esc(info.title or "")}</td>'
            f'<td data-label="language">{esc(info.language)}</td><td data-label="published">{published}</td>'
            f'<td data-label="claims">{esc(info.claims)}</td><td data-label="link">{link}</td></tr>'
        )
    counts = "".join(
        f'<div class="count {cls}"><b>{n}</b>{label}</div>'
        for cls, n, label in (("", s.sources, "sources"), ("", s.claims, "claims"), ("", s.findings, "findings"),
                              ("contradict", s.contradict, "contradict"), ("compatible", s.compatible, "compatible"),
                              ("agree", s.agree, "agree"))
    )
    return (
        "<header>\n<h1>Source consistency report</h1>\n"
        f'<p class="muted">{s.sources} sources, {s.claims} claims, {s.findings} findings: '
        f"<b>{s.contradict} contradict</b>, {s.compatible} compatible, {s.agree} agree."
        + (f" Not checked: {s.unclaimed} sentence{'s' if s.unclaimed > 1 else ''} with a date, number or quote "
           "gave no claim (listed as <code>unclaimed</code> in the JSON report)." if s.unclaimed else "")
        + "</p>\n"
        f'<div class="counts">{counts}</div>\n'
        '<nav class="toc"><a href="#findings">Findings</a><a href="#timeline">Timeline</a>'
        '<a href="#matrix">Claims matrix</a><a href="#by-source">By source</a><a href="#rules">Rules</a></nav>\n'
        '<h2 id="sources">Sources</h2>\n<div class="scroll"><table class="sources"><thead><tr><th>source</th>'
        "<th>title</th><th>language</th><th>published</th><th>claims</th><th>link</th></tr></thead>\n<tbody>"
        + "\n".join(rows) + "</tbody></table></div>\n</header>"
    )


# ----------------------------------------------------------------------------- findings
def _explanation(f: Finding) -> str:
    """The verdict and its reason code in a reader's words."""
    from verifier.rules.base import REASON_WORDS

    words = REASON_WORDS.get(f.reason, f.reason)
    if f.verdict == "contradict":
        return f"These cannot both be right: {words}." if words else "These cannot both be right."
    if f.verdict == "compatible":
        if len(f.sources) == 1:
            return f"{words[:1].upper()}{words[1:]}." if words else "Worth a look."
        return f"They can both be right: {words}." if words else "They can both be right."
    return "The sources agree."


def _highlight(sentence: str, offset: int, spans: Iterable[tuple[int, int]]) -> str:
    """The sentence, escaped, with the given spans (source offsets) in <mark>."""
    merged: list[list[int]] = []
    for a, b in sorted((max(a - offset, 0), min(b - offset, len(sentence))) for a, b in spans):
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, pos = [], 0
    for a, b in merged:
        out.append(esc(sentence[pos:a]))
        out.append(f"<mark>{esc(sentence[a:b])}</mark>")
        pos = b
    out.append(esc(sentence[pos:]))
    return "".join(out)


def _evidence(ctx: _Context, f: Finding) -> str:
    columns = []
    of_source: dict[str, list[Claim]] = defaultdict(list)
    for cid in f.claims:
        if cid in ctx.claims:
            of_source[ctx.claims[cid].source].append(ctx.claims[cid])
    for source in f.sources:
        claims = of_source.get(source, [])
        info = ctx.sources.get(source)
        language = esc(info.language) if info else "?"
        head = (f"<header>{_swatch(ctx, source)}<b>{esc(ctx.source_name(source))}</b><br>"
                f"{language} · {esc(_published(info))}</header>")
        by_sentence: dict[tuple[int, int], list[Claim]] = defaultdict(list)
        for c in claims:
            by_sentence[tuple(c.sentence)].append(c)
        blocks = []
        text = ctx.texts.get(source)
        lang = lang_attr(ctx.lang(source))
        for (s0, s1), group in sorted(by_sentence.items()):
            first = min(group, key=lambda c: c.start)
            if text is not None and 0 <= s0 <= s1 <= len(text):
                raw = text[s0:s1]
                lead = len(raw) - len(raw.lstrip())
                quote = _highlight(raw.strip(), s0 + lead, [(c.start, c.end) for c in group])
            else:  # a report read back from JSON has no article text: show the claim's own words
                quote = "…" + "…".join(f"<mark>{esc(c.text)}</mark>" for c in group) + "…"
            says = "".join(
                f'<p class="says">{esc(describe.value(c.value))} <span class="orig"{lang}>— “{esc(c.text)}”</span>'
                + (' <span class="hedged">hedged</span>' if c.hedged else "") + "</p>"
                for c in sorted(group, key=lambda c: c.start)
            )
            blocks.append(f"{line_label(ctx.line(first))}<blockquote{lang}>{quote}</blockquote>{says}")
        columns.append(f'<div class="side" data-source="{esc(source)}">{head}{"".join(blocks)}</div>')
    return f'<div class="evidence">{"".join(columns)}</div>'


def _finding(ctx: _Context, f: Finding) -> str:
    rule = ctx.rules.get(f.rule)
    rule_name = rule.name if rule else f.name
    mini = ""
    claims = [ctx.claims[c] for c in f.claims if c in ctx.claims]
    if claims and all(isinstance(c.value, DateValue) for c in claims):
        row = _Row(key=f.id, label=f"{f.subject} — {f.label or f.predicate}", verdict=f.verdict)
        order = {source: i for i, source in reversed(list(enumerate(f.sources)))}
        for c in sorted(claims, key=lambda c: (order.get(c.source, 99), c.start)):
            row.add(c)
        svg = timeline_svg(ctx, [row], legend=False, lane_labels=True, title="When each source puts it")
        mini = f'<div class="mini tl-scroll">{svg}</div>'
    return (
        f'<article class="finding {esc(f.verdict)}" id="finding-{esc(f.id)}" data-verdict="{esc(f.verdict)}" '
        f'data-rule="{esc(f.rule)}">\n'
        f'<h3><span class="badge {esc(f.verdict)}">{VERDICT_MARK.get(f.verdict, "")} {esc(f.verdict)}</span>'
        f"{esc(f.subject)} — {esc(f.label or f.predicate)}</h3>\n"
        f'<div class="rule"><a href="#rule-{esc(f.rule)}">{esc(f.rule)} {esc(rule_name)}</a>'
        + (f' · <span class="reason" title="reason code">{esc(f.reason)}</span>' if f.reason else "")
        + f' · <span class="fid" title="finding id (for review files)">{esc(f.id)}</span></div>\n'
        f'<p class="explain">{esc(_explanation(f))}</p>\n'
        f"{_evidence(ctx, f)}\n{mini}"
        f'<details class="full"><summary>Full explanation</summary><p>{esc(f.message)}</p></details>\n'
        "</article>"
    )


def _filters(ctx: _Context) -> str:
    findings = ctx.report.findings
    verdicts = sorted({f.verdict for f in findings}, key=lambda v: VERDICT_ORDER.get(v, 9))
    codes = sorted({f.rule for f in findings})
    cited = {s for f in findings for s in f.sources}
    sources = [s.id for s in ctx.report.sources if s.id in cited]

    def box(name: str, value: str, label: str, extra: str = "") -> str:
        return (f'<label><input type="checkbox" name="{name}" value="{esc(value)}" checked> '
                f"{extra}{esc(label)}</label>")

    groups = [
        ("Verdict", [box("verdict", v, v) for v in verdicts]),
        ("Rule", [box("rule", c, f"{c} {ctx.rules[c].name if c in ctx.rules else ''}".strip()) for c in codes]),
        ("Source", [box("source", s, ctx.source_name(s), _swatch(ctx, s)) for s in sources]),
    ]
    fields = "".join(f"<fieldset><legend>{name}</legend>{''.join(items)}</fieldset>" for name, items in groups)
    search = ('<label class="search"><span class="muted small">Search the findings (names, words, values; '
              'either script)</span><input type="search" id="search" name="q" autocomplete="off" '
              'placeholder="e.g. Sharma, 辭職, billion"></label>')
    return (f'<form class="filters" id="filters" role="search" aria-label="Filter the findings">{search}{fields}'
            '<div><button type="reset">Show all</button> <span class="shown" id="shown" aria-live="polite">'
            "</span></div></form>")


def _findings(ctx: _Context) -> str:
    findings = ctx.report.findings
    out = ['<section id="findings">\n<h2>Findings</h2>']
    if not findings:
        out.append('<p class="muted">No findings: no two sources say something comparable about the same thing.</p>')
        return "\n".join(out) + "\n</section>"
    out.append('<p class="muted small">Each finding compares what two sources say about the same subject. '
               "Highlighted words are the claims compared.</p>")
    out.append(_filters(ctx))
    for verdict in sorted({f.verdict for f in findings}, key=lambda v: VERDICT_ORDER.get(v, 9)):
        items = [f for f in findings if f.verdict == verdict]
        out.append(f'<section class="group" data-verdict="{esc(verdict)}">'
                   f"<h3>{esc(VERDICT_TITLE.get(verdict, verdict))} ({len(items)})</h3>")
        out.extend(_finding(ctx, f) for f in items)
        out.append("</section>")
    return "\n".join(out) + "\n</section>"


# ----------------------------------------------------------------------------- timeline
@dataclass
class _Mark:
    claim: Claim
    start: int | None = None  # day ordinal, inclusive
    end: int | None = None  # day ordinal, exclusive
    point: bool = False


@dataclass
class _Row:
    key: str
    label: str
    verdict: str | None = None
    lanes: dict[str, list[_Mark]] = field(default_factory=dict)

    def add(self, c: Claim) -> None:
        v = c.value
        mark = _Mark(c)
        if isinstance(v, DateValue) and v.start and v.end and not v.issue:
            try:
                s, e = dt.date.fromisoformat(v.start).toordinal(), dt.date.fromisoformat(v.end).toordinal()
            except ValueError:
                s = e = None  # type: ignore[assignment]
            if s is not None and e is not None and e >= s:
                mark.start, mark.end = s, e + 1
                mark.point = s == e and v.grain in POINT_GRAINS
        self.lanes.setdefault(c.source, []).append(mark)

    def placed(self) -> list[_Mark]:
        return [m for marks in self.lanes.values() for m in marks if m.start is not None]


def timeline_rows(ctx: _Context) -> list[_Row]:
    """One row per event: the date claims about one subject and predicate, across sources."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in ctx.report.claims:
        if c.kind != "quote" and isinstance(c.value, DateValue):
            groups[(c.subject, c.predicate)].append(c)
    rows = []
    for (subject, predicate), claims in groups.items():
        label = next((c.label for c in claims if c.label), predicate)
        verdicts = set().union(*(ctx.claim_verdicts.get(c.id, set()) for c in claims))
        verdict = min(verdicts, key=lambda v: VERDICT_ORDER.get(v, 9)) if verdicts else None
        row = _Row(key=f"{subject}|{predicate}", label=f"{subject} — {label}", verdict=verdict)
        for c in sorted(claims, key=lambda c: (ctx.colour_index.get(c.source, 99), c.start)):
            row.add(c)
        rows.append(row)

    def order(row: _Row):
        placed = row.placed()
        first = min((m.start for m in placed), default=10**9)  # type: ignore[type-var]
        return (VERDICT_ORDER.get(row.verdict, 3) if row.verdict else 3, first, row.label)

    return sorted(rows, key=order)


def _words(c: Claim) -> str:
    """A date in words; a bare relative date reads "last year (publication date unknown)"."""
    words = describe.value(c.value)
    v = c.value
    if isinstance(v, DateValue) and v.relative and words.startswith("a date ("):
        words = v.relative.replace("_", " ") + " " + words[len("a date "):].replace(v.relative.replace("_", " ") + ", ", "")
    return words


@dataclass
class _Segment:
    lo: int  # day ordinals of the domain, [lo, hi)
    hi: int
    x0: float = 0.0
    x1: float = 0.0

    def x(self, day: float) -> float:
        return self.x0 + (day - self.lo) * (self.x1 - self.x0) / max(self.hi - self.lo, 1)


class _Axis:
    """A date axis over the placed marks. Far-apart clusters of dates get segments of their own
    with a break between them, so days a few apart stay visibly apart on a years-long report."""

    GAP_PX = 18
    MIN_SEGMENT_PX = 90

    def __init__(self, intervals: Sequence[tuple[int, int]], x0: float, x1: float):
        spans = sorted(intervals)
        total = max(e for _, e in spans) - min(s for s, _ in spans)
        gap = max(45, 0.15 * total)
        clusters: list[list[int]] = []
        for s, e in spans:
            if clusters and s - clusters[-1][1] <= gap:
                clusters[-1][1] = max(clusters[-1][1], e)
            else:
                clusters.append([s, e])
        self.segments = []
        for s, e in clusters:
            pad = max(2, round(0.06 * (e - s)))
            self.segments.append(_Segment(s - pad, e + pad))
        n = len(self.segments)
        room = (x1 - x0) - self.GAP_PX * (n - 1)
        weights = [math.sqrt(seg.hi - seg.lo) for seg in self.segments]
        floor = min(self.MIN_SEGMENT_PX, room / n)
        spare = room - floor * n
        x = x0
        for seg, w in zip(self.segments, weights):
            width = floor + spare * w / sum(weights)
            seg.x0, seg.x1 = x, x + width
            x += width + self.GAP_PX

    def segment(self, day: float) -> _Segment:
        for seg in self.segments:
            if seg.lo <= day <= seg.hi:
                return seg
        return min(self.segments, key=lambda seg: min(abs(day - seg.lo), abs(day - seg.hi)))

    def x(self, day: float) -> float:
        return self.segment(day).x(day)

    def ticks(self) -> list[tuple[float, str]]:
        out = []
        for seg in self.segments:
            per_day = (seg.x1 - seg.x0) / max(seg.hi - seg.lo, 1)
            out.extend((seg.x(d), label) for d, label in _ticks(seg.lo, seg.hi, per_day))
        return out


def _ticks(lo: int, hi: int, per_day: float, min_px: float = 78) -> list[tuple[int, str]]:
    """Tick days and labels in [lo, hi), at the finest unit that leaves min_px between ticks."""
    first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi - 1)
    for unit, step in (("day", 1), ("day", 2), ("week", 1), ("week", 2), ("month", 1), ("month", 2),
                       ("month", 3), ("month", 6), ("year", 1), ("year", 2), ("year", 5), ("year", 10)):
        days = {"day": step, "week": 7 * step, "month": 30.4 * step, "year": 365.25 * step}[unit]
        if days * per_day >= min_px:
            break
    ticks: list[tuple[int, str]] = []
    if unit in ("day", "week"):
        d = first
        if unit == "week":
            d += dt.timedelta(days=(7 - d.weekday()) % 7)  # Mondays
        stride = step * (7 if unit == "week" else 1)
        while d <= last:
            ticks.append((d.toordinal(), f"{d.day} {MONTHS[d.month - 1]}"))
            d += dt.timedelta(days=stride)
        if ticks:  # the year once, on the first tick
            d0 = dt.date.fromordinal(ticks[0][0])
            ticks[0] = (ticks[0][0], f"{ticks[0][1]} {d0.year}")
    elif unit == "month":
        y, m = first.year, first.month
        if first.day != 1:
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        while dt.date(y, m, 1) <= last:
            if (m - 1) % step == 0:
                ticks.append((dt.date(y, m, 1).toordinal(), f"{MONTHS[m - 1]} {y}"))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        y = first.year if (first.month, first.day) == (1, 1) else first.year + 1
        while dt.date(y, 1, 1) <= last:
            if y % step == 0:
                ticks.append((dt.date(y, 1, 1).toordinal(), str(y)))
            y += 1
    if not ticks:
        ticks.append((lo + (hi - lo) // 2, dt.date.fromordinal(lo + (hi - lo) // 2).isoformat()))
    return ticks


W, PLOT_X0, PLOT_X1, SIDE_X = 1120, 300, 828, 844
LANE_H, ROW_PAD, AXIS_H = 16, 6, 30


def timeline_svg(ctx: _Context, rows: list[_Row], legend: bool = True, title: str = "Timeline",
                 lane_labels: bool = False, detail_ids: Sequence[str] | None = None) -> str:
    """The rows as one SVG picture; with lane_labels, each lane is labelled with its source
    (for a single event) instead of the row with its event. With detail_ids, each row can be
    focused (Tab) or tapped, and names the element that shows its details."""
    placed = [(m.start, m.end) for row in rows for m in row.placed()]
    axis = _Axis(placed, PLOT_X0, PLOT_X1) if placed else None
    heights = [max(len(row.lanes), 1) * LANE_H + 2 * ROW_PAD for row in rows]
    height = AXIS_H + sum(heights) + 6
    out = [f'<svg class="timeline" role="img" viewBox="0 0 {W} {height}" width="{W}" height="{height}" '
           f'xmlns="http://www.w3.org/2000/svg" data-rows="{len(rows)}"><title>{esc(title)}</title>']
    # axis: ticks and grid lines, and a break between segments
    if axis:
        for x, label in axis.ticks():
            out.append(f'<line class="grid" x1="{x:.1f}" y1="{AXIS_H - 4}" x2="{x:.1f}" y2="{height - 4}"/>'
                       f'<text class="tick" x="{x:.1f}" y="{AXIS_H - 10}" text-anchor="middle">{esc(label)}</text>')
        for seg in axis.segments:
            out.append(f'<line class="axis" x1="{seg.x0:.1f}" y1="{AXIS_H - 4}" x2="{seg.x1:.1f}" y2="{AXIS_H - 4}"/>')
        for a, b in zip(axis.segments, axis.segments[1:]):
            mid = (a.x1 + b.x0) / 2
            out.append(f'<path class="break" d="M{mid - 5:.1f} {AXIS_H}l4 -8M{mid + 1:.1f} {AXIS_H}l4 -8">'
                       "<title>time skipped</title></path>")
    else:
        out.append(f'<text class="tick" x="{PLOT_X0}" y="{AXIS_H - 10}">no date here can be placed on a calendar</text>')
    out.append(f'<text class="tick" x="{SIDE_X}" y="{AXIS_H - 10}">not on a calendar<title>no year, week or '
               "publication date to place it by</title></text>")
    y = AXIS_H
    for n, (row, h) in enumerate(zip(rows, heights)):
        cls = f"row-{row.verdict}" if row.verdict else "row-plain"
        focus = ""
        if detail_ids is not None:
            focus = (f' tabindex="0" role="button" data-detail="{esc(detail_ids[n])}" aria-controls="{esc(detail_ids[n])}"'
                     f' aria-label="{esc(row.label)}: show each source\'s date"')
        out.append(f'<g class="event" data-event="{esc(row.key)}" data-verdict="{esc(row.verdict or "")}"{focus}>'
                   f'<rect class="{cls}" x="0" y="{y + 1}" width="{W}" height="{h - 2}" rx="3"/>')
        label = (VERDICT_MARK[row.verdict] + " " if row.verdict in VERDICT_MARK else "") + row.label
        lcls = ' class="label-contradict"' if row.verdict == "contradict" else ""
        if not lane_labels:
            out.append(f'<text{lcls} x="8" y="{y + h / 2 + 4:.1f}"><title>{esc(row.label)}</title>'
                       f"{esc(short(label, 42))}</text>")
        for i, (source, marks) in enumerate(row.lanes.items()):
            cy = y + ROW_PAD + i * LANE_H + LANE_H / 2
            colour = ctx.colour(source)
            if lane_labels:
                out.append(f'<rect x="8" y="{cy - 5:.1f}" width="10" height="10" rx="2" fill="{colour}"/>'
                           f'<text x="24" y="{cy + 4:.1f}"><title>{esc(ctx.source_name(source))}</title>'
                           f"{esc(short(ctx.source_name(source), 40))}</text>")
            unplaced = []
            for m in marks:
                words = _words(m.claim)
                tip = f"<title>{esc(source)}: {esc(words)} — “{esc(m.claim.text)}”</title>"
                if m.start is None or axis is None:
                    unplaced.append((words, tip))
                elif m.point:
                    out.append(f'<circle class="mark point" data-source="{esc(source)}" cx="{axis.x(m.start + 0.5):.1f}" '
                               f'cy="{cy:.1f}" r="5" fill="{colour}">{tip}</circle>')
                else:
                    x0, x1 = axis.x(m.start), axis.x(m.end)  # type: ignore[arg-type]
                    if x1 - x0 < 4:
                        x0, x1 = (x0 + x1) / 2 - 2, (x0 + x1) / 2 + 2
                    out.append(f'<rect class="mark bar" data-source="{esc(source)}" x="{x0:.1f}" y="{cy - 5:.1f}" '
                               f'width="{x1 - x0:.1f}" height="10" rx="2" fill="{colour}" fill-opacity="0.8">{tip}</rect>')
            if unplaced:
                text = "; ".join(dict.fromkeys(w for w, _ in unplaced))
                tips = "".join(t for _, t in unplaced)
                out.append(f'<g class="unplaced" data-source="{esc(source)}">{tips}'
                           f'<circle cx="{SIDE_X + 5}" cy="{cy:.1f}" r="4" fill="none" stroke="{colour}" stroke-width="2"/>'
                           f'<text x="{SIDE_X + 14}" y="{cy + 4:.1f}">{esc(short(text, 40))}</text></g>')
        out.append("</g>")
        y += h
    out.append("</svg>")
    svg = "".join(out)
    if not legend:
        return svg
    laned = {source for row in rows for source in row.lanes}
    sources = [s for s in ctx.report.sources if s.id in laned]
    keys = "".join(f"<span>{_swatch(ctx, s.id)}{esc(ctx.source_name(s.id))}</span>" for s in sources)
    return (f'{svg}<p class="legend">{keys}</p>'
            '<p class="legend muted"><span>● a day</span><span>▬ a week, month or year (the bar spans it)</span>'
            "<span>○ right: a date no calendar position can be given for (e.g. “Monday” with no week)</span>"
            "<span>rows shaded red: the sources contradict each other</span></p>")


def _timeline_section(ctx: _Context) -> str:
    rows = timeline_rows(ctx)
    head = '<section id="timeline">\n<h2>Timeline</h2>\n'
    if not rows:
        return head + '<p class="muted">No dated claims.</p>\n</section>'
    ids = [f"tl-detail-{n}" for n in range(len(rows))]
    svg = timeline_svg(ctx, rows, detail_ids=ids)
    picture, _, legend = svg.partition("</svg>")
    details = "\n".join(_timeline_detail(ctx, row, i) for row, i in zip(rows, ids))
    return (head + '<p class="muted small">One row per event; each source\'s date for it is a mark in that '
            "source's colour.</p>\n"
            '<p class="tl-hint muted small">Tap, click or focus (Tab) a row to read each source\'s date for it; '
            "on a narrow screen, the timeline scrolls sideways.</p>\n"
            f'<div class="tl-scroll">{picture}</svg></div>{legend}\n'
            f'<div class="tl-details">{details}</div>\n</section>')


def _timeline_detail(ctx: _Context, row: _Row, detail_id: str) -> str:
    """Each source's date for an event in words, with its words and line: shown when the row
    is tapped or focused, and always in print."""
    items = []
    for source, marks in row.lanes.items():
        lang = lang_attr(ctx.lang(source))
        for m in marks:
            items.append(f"<li>{_swatch(ctx, source)}<b>{esc(ctx.source_name(source))}</b>"
                         f"{line_label(ctx.line(m.claim), ', ')}: {esc(_words(m.claim))} — "
                         f"“<span{lang}>{esc(m.claim.text)}</span>”</li>")
    mark = VERDICT_MARK.get(row.verdict or "", "")
    verdict = f" ({esc(row.verdict)})" if row.verdict else ""
    return (f'<div class="tl-detail" id="{esc(detail_id)}" data-event="{esc(row.key)}">'
            f"<h4>{mark} {esc(row.label)}{verdict}</h4><ul>{''.join(items)}</ul></div>")


# ----------------------------------------------------------------------------- matrix
def _matrix(ctx: _Context) -> str:
    r = ctx.report
    cells: dict[tuple[str, str], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    labels: dict[tuple[str, str], str] = {}
    for c in r.claims:
        if c.kind == "quote":
            continue
        cells[(c.subject, c.predicate)][c.source].append(c)
        labels.setdefault((c.subject, c.predicate), c.label or c.predicate)
    head = '<section id="matrix">\n<h2>Claims matrix</h2>\n'
    if not cells:
        return head + '<p class="muted">No claims.</p>\n</section>'
    sources = [s.id for s in r.sources]
    large = len(sources) > LARGE_SOURCES  # an archive: a column of values, not a column per source
    th = "<th>values</th>" if large else "".join(f'<th class="src">{_swatch(ctx, s)}{esc(s)}</th>' for s in sources)
    rows = []
    for key in sorted(cells, key=lambda k: (k[0].casefold(), labels[k].casefold())):
        by_source = cells[key]
        verdicts = {v for cl in by_source.values() for c in cl for v in ctx.claim_verdicts.get(c.id, ())}
        cls = ' class="contradict"' if "contradict" in verdicts else ""
        tds = []
        if large:
            tds.append('<td class="v">' + "<br>".join(
                f'{_swatch(ctx, s)}{esc(s)}: <span title="{esc(c.id)}">{esc(describe.value(c.value))}</span> '
                f'<span class="orig"{lang_attr(ctx.lang(s))}>“{esc(c.text)}”</span>'
                for s in sorted(by_source, key=lambda s: ctx.colour_index.get(s, 0))
                for c in sorted(by_source[s], key=lambda c: c.start)) + "</td>")
        for s in ([] if large else sources):
            claims = sorted(by_source.get(s, []), key=lambda c: c.start)
            tds.append('<td class="v">' + "<br>".join(
                f'<span title="{esc(c.id)}">{esc(describe.value(c.value))}</span> '
                f'<span class="orig"{lang_attr(ctx.lang(s))}>“{esc(c.text)}”</span>'
                for c in claims) + "</td>")
        rows.append(f"<tr{cls}><td>{esc(key[0])}</td><td>{esc(labels[key])}</td>{''.join(tds)}</tr>")
    return (head + '<p class="muted small">What each source says about each subject (quotes are under the '
            "findings). Rows with a contradiction are marked on the left.</p>\n"
            f'<div class="scroll"><table class="matrix"><thead><tr><th>subject</th><th>what</th>{th}</tr></thead>\n<tbody>'
            + "\n".join(rows) + "</tbody></table></div>\n</section>")


# ----------------------------------------------------------------------------- by source
def _source_views(ctx: _Context) -> str:
    """Each source on its own: title, language, date, link, and its claims in text order with
    the line each is on and the findings it is part of."""
    r = ctx.report
    out = ['<section id="by-source">\n<h2>By source</h2>',
           '<p class="muted small">Each article\'s claims in the order it makes them, with the line of the '
           "article each is on and the findings it is part of.</p>"]
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for c in r.claims:
        by_source[c.source].append(c)
    for info in r.sources:
        claims = sorted(by_source.get(info.id, []), key=lambda c: (c.start, c.end))
        lang = lang_attr(ctx.lang(info.id))
        title = f' — <span{lang}>{esc(info.title)}</span>' if info.title else ""
        url = safe_url(info.url)
        link = f' · <a href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a>' if url else ""
        meta = (f'<p class="small muted">{esc(info.path)} · {esc(info.language)} · {esc(_published(info))} · '
                f"{len(claims)} claim{'' if len(claims) == 1 else 's'}{link}</p>")
        rows = []
        for c in claims:
            findings = " ".join(
                f'<a class="badge {esc(f.verdict)}" href="{esc(fragment("finding", f.id))}">'
                f"{VERDICT_MARK.get(f.verdict, '')} {esc(f.rule)}</a>" for f in ctx.claim_findings.get(c.id, []))
            line = ctx.line(c)
            words = esc(c.value.quote) if c.kind == "quote" else esc(c.text)
            rows.append(f'<tr><td class="ln">{line if line else ""}</td><td>{esc(c.subject)}</td>'
                        f"<td>{esc(c.label or c.predicate)}</td><td>{esc(describe.value(c.value)) if c.kind != 'quote' else ''}</td>"
                        f"<td{lang}>“{words}”</td><td>{findings}</td></tr>")
        table = ('<div class="scroll"><table class="claims-table"><thead><tr><th>line</th><th>subject</th><th>what</th>'
                 "<th>value</th><th>words</th><th>findings</th></tr></thead><tbody>" + "".join(rows)
                 + "</tbody></table></div>") if rows else '<p class="muted">No claims.</p>'
        out.append(f'<details class="source-view" id="source-{esc(info.id)}" data-source="{esc(info.id)}">'
                   f"<summary>{_swatch(ctx, info.id)}{esc(info.id)}{title}</summary>{meta}{table}</details>")
    return "\n".join(out) + "\n</section>"


# ----------------------------------------------------------------------------- rules
def _rule_docs(ctx: _Context) -> str:
    out = ['<section id="rules">\n<h2>Rules</h2>']
    for code, rule in ctx.rules.items():
        paragraphs = rule.documentation().strip().split("\n\n")[1:]
        body = "".join(f"<p>{esc(' '.join(p.split()))}</p>" for p in paragraphs)
        out.append(f'<div class="ruledoc" id="rule-{esc(code)}"><h3>{esc(code)} {esc(rule.name)}</h3>{body}</div>')
    return "\n".join(out) + "\n</section>"
