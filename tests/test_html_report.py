"""The HTML report, read as text and parsed (no browser): content, escaping, determinism, speed."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.report.html import _Axis, _ticks, html, json_for_script, safe_url
from verifier.report.model import build

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
HOSTILE = ROOT / "tests" / "data" / "html" / "hostile"


class Page(HTMLParser):
    """Every element with its attributes, the text, and the raw content of each <script>."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]

    def with_class(self, tag: str, cls: str) -> list[dict[str, str | None]]:
        return [a for a in self.all(tag) if cls in (a.get("class") or "").split()]


@pytest.fixture(scope="module")
def seeds_report():
    return build([SEEDS])


@pytest.fixture(scope="module")
def seeds_html(seeds_report):
    return html(seeds_report)


@pytest.fixture(scope="module")
def hostile_report():
    return build([HOSTILE])


def test_every_finding_is_shown_contradictions_first(seeds_report, seeds_html):
    page = Page(seeds_html)
    articles = page.all("article")
    assert [a["id"] for a in articles] == [f"finding-{f.id}" for f in seeds_report.findings]
    verdicts = [a["data-verdict"] for a in articles]
    order = {"contradict": 0, "compatible": 1, "agree": 2}
    assert verdicts == sorted(verdicts, key=order.__getitem__)
    assert verdicts[0] == "contradict"


def test_finding_links_its_rule_to_the_rule_documentation(seeds_report, seeds_html):
    page = Page(seeds_html)
    anchors = {a["id"] for _, a in page.tags if a.get("id")}
    for f in seeds_report.findings:
        assert f'href="#rule-{f.rule}"' in seeds_html
        assert f"rule-{f.rule}" in anchors
    assert "Two sources put the same event on dates that cannot both be right." in "".join(page.text)


def test_evidence_sides_highlight_the_claim_spans(seeds_report, seeds_html):
    page = Page(seeds_html)
    sides = page.with_class("div", "side")
    assert len(sides) == sum(len(f.sources) for f in seeds_report.findings)
    marks = re.findall(r"<mark>(.*?)</mark>", seeds_html)
    claims = {c.id: c for c in seeds_report.claims}
    for f in seeds_report.findings:
        for cid in f.claims:
            assert claims[cid].text in marks or any(claims[cid].text in m for m in marks)
    # the Sharma contradiction: 週一 in one source, 周日 in the other, each highlighted
    assert "<mark>週一</mark>" in seeds_html and "<mark>周日</mark>" in seeds_html
    assert "Monday (no year or week stated)" in seeds_html and "Sunday 2026-02-08" in seeds_html


def test_summary_counts_and_sources(seeds_report, seeds_html):
    s = seeds_report.summary
    text = " ".join(Page(seeds_html).text)
    assert f"{s.sources} sources, {s.claims} claims, {s.findings} findings" in text
    for source in seeds_report.sources:
        assert source.id in text and source.language in text
    assert "2026-02-13" in text  # the dateline of 001


def test_timeline_rows_marks_and_unplaced_dates(seeds_report, seeds_html):
    page = Page(seeds_html)
    svg = page.with_class("svg", "timeline")
    assert svg, "no timeline"
    events = page.with_class("g", "event")
    date_groups = {(c.subject, c.predicate) for c in seeds_report.claims if c.value.kind == "date" and c.kind != "quote"}
    mini = sum(1 for f in seeds_report.findings if all(
        next(c for c in seeds_report.claims if c.id == cid).value.kind == "date" for cid in f.claims))
    assert len(events) == len(date_groups) + mini
    points = page.with_class("circle", "point")
    bars = page.with_class("rect", "bar")
    assert points and bars  # days are points, weeks/months/years bars
    assert any(e["data-verdict"] == "contradict" for e in events)
    # a weekday with no known week is written beside the row, not placed
    assert re.search(r'class="unplaced".*?Monday \(no year or week stated\)', seeds_html)


def test_claims_matrix_has_a_column_per_source(seeds_report, seeds_html):
    table = seeds_html.split('<table class="matrix">', 1)[1].split("</table>", 1)[0]
    head = Page(table.split("</thead>")[0])
    assert len(head.with_class("th", "src")) == len(seeds_report.sources)
    assert "Tuesday 2024-05-14" in table and "May (no year stated)" in table


def test_filters_list_verdicts_rules_and_sources(seeds_report, seeds_html):
    page = Page(seeds_html)
    boxes = page.all("input")
    assert {b["value"] for b in boxes if b["name"] == "verdict"} == {f.verdict for f in seeds_report.findings}
    assert {b["value"] for b in boxes if b["name"] == "rule"} == {f.rule for f in seeds_report.findings}
    assert {b["value"] for b in boxes if b["name"] == "source"} == {s for f in seeds_report.findings for s in f.sources}
    data = json.loads(page.scripts[0])
    assert [f["id"] for f in data["findings"]] == [f.id for f in seeds_report.findings]


def test_self_contained_nothing_fetched(seeds_html):
    page = Page(seeds_html)
    csp = [a["content"] for a in page.all("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "script-src 'sha256-" in csp[0]
    assert "unsafe-inline" not in csp[0].split("script-src", 1)[1].split(";")[0]
    for tag, attrs in page.tags:
        assert tag not in ("link", "iframe", "object", "embed", "img", "base")
        assert not attrs.get("src"), (tag, attrs)
        if tag != "a":
            assert not (attrs.get("href") or "").startswith(("http", "//")), (tag, attrs)
    assert "@import" not in seeds_html and "url(" not in seeds_html


def test_csp_hash_matches_the_inline_script(seeds_html):
    import base64
    import hashlib

    page = Page(seeds_html)
    csp = next(a["content"] for a in page.all("meta") if a.get("http-equiv") == "Content-Security-Policy")
    script = page.scripts[1]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_deterministic_and_fast(seeds_report, seeds_html):
    assert html(build([SEEDS])) == seeds_html
    assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:", seeds_html)  # no timestamp
    start = time.perf_counter()
    for _ in range(5):
        html(seeds_report)
    assert (time.perf_counter() - start) / 5 < 0.25


def test_hostile_article_markup_is_text(hostile_report):
    assert hostile_report.findings, "the hostile articles must yield a finding to render"
    out = html(hostile_report)
    page = Page(out)
    # exactly the page's own two scripts; no element or attribute came from the articles
    assert len(page.all("script")) == 2
    assert not page.all("img") and not any(page.all("b"))  # our own <b> carry no attributes
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript")
    text = "".join(page.text)
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert 'Acme <b onmouseover="window.__pwned=3">Ledger</b>' in text
    assert "javascript:window.__pwned=4" in text  # shown, not linked
    assert "</td></tr></table><script>window.__pwned=5</script>" in text
    assert "window.__pwned" not in page.scripts[1]


def test_hostile_source_id_and_json_block(tmp_path):
    shutil.copy(HOSTILE / "a.txt", tmp_path / "a.txt")
    # a file name can hold no "/", but "<!--<script>" alone would derail a raw JSON block
    hostile_id = '<!--<script><img src=x onerror="window.__pwned=6">'
    shutil.copy(HOSTILE / "b.txt", tmp_path / f"{hostile_id}.txt")
    manifest = (HOSTILE / "manifest.toml").read_text(encoding="utf-8")  # its entry for b names the new id
    (tmp_path / "manifest.toml").write_text(manifest.replace("[sources.b]", f"[sources.{json.dumps(hostile_id)}]"),
                                            encoding="utf-8")
    report = build([tmp_path])
    assert any("<!--<script>" in s.id for s in report.sources) and report.findings
    page = Page(html(report))
    assert len(page.all("script")) == 2 and not page.all("img")
    data = json.loads(page.scripts[0])
    assert any("<!--<script>" in s for f in data["findings"] for s in f["sources"])


def test_json_for_script_escapes_markup():
    text = json_for_script({"x": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"x": "</script><!-- & \u2028"}


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/a?b=1", True), ("http://example.org", True), ("javascript:alert(1)", False),
    ("data:text/html,x", False), (" JavaScript:alert(1)", False), ('https://x.org/"onmouseover=', False), (None, False),
])
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) == ok


def test_report_from_json_has_no_text_but_renders(seeds_report):
    from verifier.report.model import Report

    again = Report.model_validate(json.loads(seeds_report.model_dump_json()))
    out = html(again)
    assert out.count("<article") == len(seeds_report.findings)
    assert "<mark>週一</mark>" in out


def test_empty_report_renders(tmp_path):
    (tmp_path / "a.txt").write_text("Nothing happened here.\n", encoding="utf-8")
    out = html(build([tmp_path]))
    assert "No findings" in out and "No dated claims" in out


def test_cli_writes_html_next_to_other_formats(tmp_path, capsys):
    html_path, json_path = tmp_path / "report.html", tmp_path / "report.json"
    assert main(["report", str(SEEDS), "-o", str(html_path), "-o", str(json_path)]) == 0
    out = html_path.read_text(encoding="utf-8")
    assert out.startswith("<!DOCTYPE html>")
    findings = json.loads(json_path.read_text(encoding="utf-8"))["findings"]
    assert out.count('<article class="finding') == len(findings)
    assert main(["report", str(SEEDS), "--format", "html"]) == 0
    assert "<!DOCTYPE html>" in capsys.readouterr().out


def test_axis_keeps_nearby_days_apart_across_years():
    d = lambda s: dt.date.fromisoformat(s).toordinal()
    spans = [(d("2022-08-01"), d("2022-09-01")), (d("2026-02-08"), d("2026-02-09")), (d("2026-02-11"), d("2026-02-12"))]
    axis = _Axis(spans, 0, 600)
    assert len(axis.segments) == 2  # the years between are skipped
    assert axis.x(d("2026-02-11")) - axis.x(d("2026-02-08")) >= 10
    xs = [axis.x(s) for s, _ in spans]
    assert xs == sorted(xs) and 0 <= xs[0] and xs[-1] <= 600


@pytest.mark.parametrize("lo,hi,per_day,first_label", [
    ("2026-02-06", "2026-02-13", 100, "6 Feb 2026"),
    ("2023-01-01", "2024-01-01", 0.5, "Jan 2023"),
    ("2019-06-01", "2024-06-01", 0.2, "2020"),
])
def test_ticks(lo, hi, per_day, first_label):
    ticks = _ticks(dt.date.fromisoformat(lo).toordinal(), dt.date.fromisoformat(hi).toordinal(), per_day)
    assert ticks[0][1] == first_label
    gaps = [b[0] - a[0] for a, b in zip(ticks, ticks[1:])]
    assert all(g * per_day >= 78 for g in gaps)


# ----------------------------------------------------------------------------- titles, lines, sources
def test_titles_come_from_the_first_heading_line(seeds_report, seeds_html):
    titles = {s.id: s.title for s in seeds_report.sources}
    assert titles["001_672225adbe650a98"] == "AI安全专家相继离职,OpenAI和Anthropic面临风险警告"  # after the site menu
    assert titles["002_0f80bf43a8dfe35c"] == "OpenAI 內部權力鬥爭的真相"
    assert titles["000_d3ab94bd7f17fabd"] is None  # it starts with a paragraph
    assert titles["003_078171a1c9211693"] is None  # its first line is a sentence
    table = seeds_html.split('<table class="sources">', 1)[1].split("</table>", 1)[0]
    assert "OpenAI 內部權力鬥爭的真相" in table


@pytest.mark.parametrize("first_lines, title", [
    ("# Another *exit* at Harbor\n\nText.", "Another exit at Harbor"),
    ("March 6, 2025\n\nVeltrix loses its chief scientist\n\nVeltrix said on Tuesday that it lost one.", "Veltrix loses its chief scientist"),
    ("2025年3月6日\n藍汀生物創辦人相繼出走\n\n正文。", "藍汀生物創辦人相繼出走"),
    # a date line right under the title (no blank line between) is not part of the title
    ("Orrin Freight posts a loss as fuel costs climb\nPublished: 2025-03-06\n\nOrrin Freight said it lost money.",
     "Orrin Freight posts a loss as fuel costs climb"),
    ("沃林货运上半年由盈转亏 净亏损3亿元\n发布时间：2025-03-06\n\n正文。", "沃林货运上半年由盈转亏 净亏损3亿元"),
    # a masthead or toolbar cut by separators, share links, an app prompt and an advert are no title
    ("Harbour Daily 中文版 | 财经 | 2025年3月6日 09:10\n沃林货运上半年由盈转亏\n\n正文。", "沃林货运上半年由盈转亏"),
    ("赞 12 | 分享 | 打印\n沃林货运上半年由盈转亏\n\n正文。", "沃林货运上半年由盈转亏"),
    ("扫码下载新闻客户端APP\n[我要爆料]  [分享到 微博]\n沃林货运上半年由盈转亏\n\n正文。", "沃林货运上半年由盈转亏"),
    ("Home | Business | Markets & Economy | Opinion | Video      Log in\nAdvertisement\nOrrin Freight posts a loss\n\nOrrin Freight said it lost money.",
     "Orrin Freight posts a loss"),
    ("谭寅亮表示,舒尔曼和布罗克曼近日的动作释放了两个信号。\n", None),
    ("He said the company would change course by the end of the year, and left.\n", None),
])
def test_heading_title(tmp_path, first_lines, title):
    (tmp_path / "a.md").write_text(first_lines, encoding="utf-8")
    assert build([tmp_path]).sources[0].title == title


def test_by_source_view_lists_each_claim_with_its_line(seeds_report, seeds_html):
    section = seeds_html.split('<section id="by-source">', 1)[1].split("</section>", 1)[0]
    page = Page(section)
    views = page.with_class("details", "source-view")
    assert [v["data-source"] for v in views] == [s.id for s in seeds_report.sources]
    texts = seeds_report.texts
    for view in section.split('<details class="source-view"')[1:]:
        sid = re.search(r'data-source="([^"]+)"', view).group(1)
        claims = sorted((c for c in seeds_report.claims if c.source == sid), key=lambda c: (c.start, c.end))
        lines = [int(n) for n in re.findall(r'<td class="ln">(\d+)</td>', view)]
        assert lines == [texts[sid].count("\n", 0, c.start) + 1 for c in claims]
    # each claim links to the findings it is part of
    for f in seeds_report.findings:
        assert section.count(f'href="#finding-{f.id}"') == len(f.claims)


def test_evidence_shows_the_line_and_the_language_of_each_quote(seeds_report, seeds_html):
    page = Page(seeds_html)
    quotes = page.all("blockquote")
    assert quotes and all(q.get("lang") in ("zh-Hant", "zh-Hans", "zh", "en") for q in quotes)
    langs = {s.id: s.language for s in seeds_report.sources}
    first = seeds_report.findings[0]
    side = seeds_html.split(f'id="finding-{first.id}"', 1)[1].split("</article>", 1)[0]
    claim = next(c for c in seeds_report.claims if c.id == first.claims[0])
    line = seeds_report.texts[claim.source].count("\n", 0, claim.start) + 1
    assert f'<span class="line">line {line}</span><blockquote lang="{langs[claim.source]}">' in side


def test_timeline_rows_open_details_that_print(seeds_report, seeds_html):
    section = seeds_html.split('<section id="timeline">', 1)[1].split("</section>", 1)[0]
    page = Page(section)
    rows = [e for e in page.with_class("g", "event")]
    assert rows and all(r.get("tabindex") == "0" and r.get("data-detail") for r in rows)
    details = {d["id"]: d for d in page.with_class("div", "tl-detail")}
    assert [r["data-detail"] for r in rows] == list(details)
    sharma = section.split('id="tl-detail-0"', 1)[1].split("</div>", 1)[0]
    assert "Mrinank Sharma" in sharma and "“<span lang=\"zh-Hant\">週一</span>”" in sharma
    assert "“<span lang=\"zh-Hans\">周日</span>”" in sharma and "line" in sharma
    assert ".tl-detail{display:block!important}" in seeds_html  # printed, every row's details


def test_search_data_is_folded_both_ways(seeds_report, seeds_html):
    data = json.loads(Page(seeds_html).scripts[0])
    texts = {f["id"]: f["text"] for f in data["findings"]}
    sharma = next(f for f in seeds_report.findings if f.subject == "Mrinank Sharma" and f.rule == "D101")
    assert "周一" in texts[sharma.id] and "週一" not in texts[sharma.id]  # folded to Simplified
    assert data["fold"]["週"] == "周" and data["fold"]["辭"] == "辞"
    assert all(t == t.lower() for t in texts.values())


def test_font_stack_covers_cjk(seeds_html):
    for family in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "PingFang TC", "Microsoft JhengHei",
                   "Noto Sans CJK TC", "WenQuanYi Micro Hei"):
        assert f'"{family}"' in seeds_html
    assert ":lang(zh-Hant){font-family:var(--sans),var(--cjk-tc)" in seeds_html


def test_each_finding_shows_its_reason_code_and_says_it_in_words(seeds_report, seeds_html):
    from verifier.rules.base import REASON_WORDS

    for f in seeds_report.findings:
        start = seeds_html.index(f'id="finding-{f.id}"')
        article = seeds_html[start:seeds_html.index("</article>", start)]
        assert f'<span class="reason" title="reason code">{f.reason}</span>' in article
        explain = re.search(r'<p class="explain">(.*?)</p>', article).group(1)
        assert REASON_WORDS[f.reason] in explain.replace("&#x27;", "'").replace("&#39;", "'"), explain
