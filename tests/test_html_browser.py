"""The HTML report in a real browser: headless Chromium (Debian's package) driven by Selenium.

One browser for the module. The report is opened from a file:// URL, as a fact-checker opens a
mailed report; the page fetches nothing (its CSP forbids it) and no script but its own runs.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

try:
    from browser import chromium
except ImportError:  # tests/ became a package
    from tests.browser import chromium
from verifier.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
HOSTILE = ROOT / "tests" / "data" / "html" / "hostile"


@pytest.fixture(scope="module")
def browser():
    driver = chromium.start()
    yield driver
    driver.quit()


def write_report(sources: Path, folder: Path) -> tuple[Path, dict]:
    html_path, json_path = folder / "report.html", folder / "report.json"
    assert main(["report", str(sources), "-o", str(html_path), "-o", str(json_path)]) == 0
    return html_path, json.loads(json_path.read_text(encoding="utf-8"))


def open_page(driver, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    driver.get_log("browser")  # start each page with an empty console
    driver.refresh()


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def visible_findings(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('article.finding'))"
        ".filter(a => a.offsetParent !== null).map(a => a.id)")


def click(driver, selector: str) -> None:
    # a script click: synchronous, and not refused when a busy machine is slow to lay out
    driver.execute_script("arguments[0].click()", driver.find_element("css selector", selector))


def shows(driver, expected: list[str], timeout: float = 5.0) -> bool:
    """The visible findings become `expected` (polled: filters run on the change event)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        seen = visible_findings(driver)
        if seen == expected or time.monotonic() > deadline:
            assert seen == expected
            return True
        time.sleep(0.05)


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    return write_report(SEEDS, tmp_path_factory.mktemp("seeds"))


def test_seeds_report_renders_findings_and_timeline(browser, seeds_page, tmp_path):
    path, report = seeds_page
    open_page(browser, path)
    ids = [f"finding-{f['id']}" for f in report["findings"]]
    assert visible_findings(browser) == ids
    # the page's own script ran under its CSP, and nothing else complained
    assert browser.execute_script("return document.documentElement.classList.contains('js')")
    assert browser.find_element("id", "shown").text == f"Showing {len(ids)} of {len(ids)} findings"
    # nothing was fetched from anywhere
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    # each finding shows its sources side by side, the claim spans highlighted
    for f in report["findings"]:
        sides = browser.find_elements("css selector", f"#finding-{f['id']} .side")
        assert [s.get_attribute("data-source") for s in sides] == f["sources"]
        assert browser.find_elements("css selector", f"#finding-{f['id']} .side mark")
    # the timeline: one row per event, marks drawn with a real size, contradictions shaded
    timeline = browser.find_element("css selector", "#timeline svg.timeline")
    assert timeline.size["width"] > 600 and timeline.size["height"] > 100
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('#timeline .mark')).map(m => {"
        "const b = m.getBBox(); return [m.tagName, b.width, b.height]; })")
    assert len(marks) >= 10
    assert {"circle", "rect"} <= {tag for tag, _, _ in marks}
    assert all(w > 0 and h > 0 for _, w, h in marks)
    rows = browser.find_elements("css selector", "#timeline g.event[data-verdict='contradict']")
    assert rows and "Mrinank Sharma" in rows[0].text
    assert "Monday (no year or week stated)" in rows[0].text  # not placed, written beside the row
    shot = tmp_path / "seeds-report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    assert console_errors(browser) == []


def test_filters_hide_what_they_should(browser, seeds_page):
    path, report = seeds_page
    open_page(browser, path)
    findings = report["findings"]
    contradictions = [f"finding-{f['id']}" for f in findings if f["verdict"] == "contradict"]
    # verdict = contradict only
    for verdict in sorted({f["verdict"] for f in findings} - {"contradict"}):
        click(browser, f"input[name=verdict][value={verdict}]")
    assert shows(browser, contradictions)
    assert browser.find_element("id", "shown").text == f"Showing {len(contradictions)} of {len(findings)} findings"
    hidden_groups = browser.execute_script(
        "return Array.from(document.querySelectorAll('section.group')).filter(g => g.hidden)"
        ".map(g => g.dataset.verdict)")
    assert "compatible" in hidden_groups and "contradict" not in hidden_groups
    # and one rule off: only contradictions of the other rules remain
    click(browser, "input[name=rule][value=D101]")
    expected = [f"finding-{f['id']}" for f in findings if f["verdict"] == "contradict" and f["rule"] != "D101"]
    assert shows(browser, expected)
    # back to everything, then a source off: findings that involve only that source go
    click(browser, "button[type=reset]")
    assert shows(browser, [f"finding-{f['id']}" for f in findings])
    source = report["sources"][0]["id"]
    click(browser, f"input[name=source][value='{source}']")
    expected = [f"finding-{f['id']}" for f in findings if set(f["sources"]) != {source}]
    assert shows(browser, expected)
    # printed, every finding shows and the filters do not
    click(browser, "input[name=verdict][value=contradict]")
    assert len(visible_findings(browser)) < len(findings)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert len(visible_findings(browser)) == len(findings)
        assert not browser.find_element("id", "filters").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_rule_link_leads_to_its_documentation(browser, seeds_page):
    path, report = seeds_page
    open_page(browser, path)
    rule = report["findings"][0]["rule"]
    click(browser, f"#finding-{report['findings'][0]['id']} .rule a")
    assert browser.execute_script("return location.hash") == f"#rule-{rule}"
    assert browser.find_element("id", f"rule-{rule}").is_displayed()


def test_hostile_article_runs_nothing(browser, tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(HOSTILE, articles)
    shutil.copy(HOSTILE / "b.txt", articles / '<!--<script><img src=x onerror="window.__pwned=6">.txt')
    path, report = write_report(articles, tmp_path)
    assert report["findings"], "the hostile articles must yield findings"
    open_page(browser, path)
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert browser.execute_script("return document.scripts.length") == 2
    assert browser.execute_script(
        "return Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes))"
        ".filter(a => a.name.startsWith('on')).length") == 0
    assert browser.execute_script("return document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    body = browser.find_element("tag name", "body").text
    assert "<script>window.__pwned=1</script>" in body
    assert '<img src=x onerror="window.__pwned=2">' in body
    assert 'Acme <b onmouseover="window.__pwned=3">Ledger</b>' in body
    # the page still works: its own script ran and the filters filter
    assert visible_findings(browser) == [f"finding-{f['id']}" for f in report["findings"]]
    click(browser, "input[name=verdict][value=contradict]")
    assert shows(browser, [f"finding-{f['id']}" for f in report["findings"] if f["verdict"] != "contradict"])
    shot = tmp_path / "hostile-report.png"
    click(browser, "button[type=reset]")
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 5_000
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert console_errors(browser) == []


# ----------------------------------------------------------------------------- phone and desktop
def screenshot(driver, folder: Path, name: str) -> Path:
    """A PNG of what the screen shows (also copied to $VERIFIER_SCREENSHOTS when set)."""
    shot = folder / name
    assert driver.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    if os.environ.get("VERIFIER_SCREENSHOTS"):
        keep = Path(os.environ["VERIFIER_SCREENSHOTS"])
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, keep / name)
    return shot


@pytest.fixture
def phone(browser):
    chromium.viewport(browser, 390, 844, mobile=True)
    yield browser
    chromium.viewport(browser, 0, 0)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_page_fits_the_screen_and_the_timeline_stays_readable(browser, seeds_page, tmp_path, width):
    path, report = seeds_page
    chromium.viewport(browser, width, 1000 if width > 800 else 844, mobile=width < 800)
    try:
        open_page(browser, path)
        assert browser.execute_script("return window.innerWidth") == width
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        # nothing sticks out of the screen, except inside the boxes that scroll sideways
        sticking_out = browser.execute_script(
            "return Array.from(document.querySelectorAll('main *'))"
            ".filter(e => !e.closest('.scroll, .tl-scroll') && e.getBoundingClientRect().right > innerWidth + 1)"
            ".map(e => e.tagName + '.' + e.className)")
        assert sticking_out == []
        # the timeline keeps its words readable (it scrolls on a phone instead of shrinking)
        heights = browser.execute_script(
            "return Array.from(document.querySelectorAll('#timeline svg.timeline g.event text'))"
            ".map(t => t.getBoundingClientRect().height)")
        assert heights and min(heights) >= 10
        box = browser.find_element("css selector", "#timeline .tl-scroll")
        scrolls = browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", box)
        assert scrolls == (width < 800)
        screenshot(browser, tmp_path, f"seeds-report-{width}.png")
        assert console_errors(browser) == []
        # Chinese text is drawn with a CJK font where the system has one (the test setup installs one)
        assert "週一" in browser.find_element("css selector", "#finding-" + report["findings"][0]["id"]).text
        assert any("WenQuanYi" in family or "CJK" in family
                   for family in platform_fonts(browser, f"#finding-{report['findings'][0]['id']} blockquote mark"))
    finally:
        chromium.viewport(browser, 0, 0)


def platform_fonts(driver, selector: str) -> list[str]:
    """The fonts the browser drew the text of the first element matching `selector` with (the
    DevTools' CSS domain; enabling it logs a harmless console line, so check the console first)."""
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    try:
        root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        return [f["familyName"] for f in fonts]
    finally:
        driver.execute_cdp_cmd("CSS.disable", {})
        driver.execute_cdp_cmd("DOM.disable", {})


def shown_details(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#timeline .tl-detail'))"
        ".filter(d => d.offsetParent !== null).map(d => d.id)")


def test_tapping_or_focusing_a_timeline_row_shows_its_dates(phone, seeds_page, tmp_path):
    path, _ = seeds_page
    open_page(phone, path)
    assert shown_details(phone) == []
    rows = phone.find_elements("css selector", "#timeline g.event[data-detail]")
    chromium.tap(phone, rows[0].find_element("css selector", "text"))
    assert shown_details(phone) == [rows[0].get_attribute("data-detail")]
    detail = phone.find_element("id", rows[0].get_attribute("data-detail"))
    assert "Mrinank Sharma" in detail.text and "週一" in detail.text and "周日" in detail.text
    assert "line " in detail.text and "Sunday 2026-02-08" in detail.text
    phone.execute_script("arguments[0].scrollIntoView({block: 'end'})", detail)
    screenshot(phone, tmp_path, "seeds-timeline-tapped-390.png")
    # a keyboard user: focusing another row shows that one instead
    phone.execute_script("arguments[0].focus()", rows[2])
    assert shown_details(phone) == [rows[2].get_attribute("data-detail")]
    # on paper, every row's details
    phone.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert len(shown_details(phone)) == len(rows)
    finally:
        phone.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def type_into(driver, element_id: str, text: str, timeout: float = 5.0) -> None:
    """Type like a user, key by key, and wait until the last key is in (each one filters)."""
    import time

    box = driver.find_element("id", element_id)
    box.send_keys(text)
    deadline = time.monotonic() + timeout
    while box.get_attribute("value") != text and time.monotonic() < deadline:
        time.sleep(0.05)
    assert box.get_attribute("value") == text


def test_search_finds_words_in_either_script(browser, seeds_page):
    path, report = seeds_page
    open_page(browser, path)
    data = browser.execute_script("return JSON.parse(document.getElementById('report-data').textContent)")
    # 週日 (Traditional) finds the source that wrote 周日 (Simplified)
    expected = [f"finding-{f['id']}" for f in data["findings"] if "周日" in f["text"]]
    sharma = next(f for f in report["findings"] if f["subject"] == "Mrinank Sharma" and f["rule"] == "D101")
    assert f"finding-{sharma['id']}" in expected and len(expected) < len(data["findings"])
    type_into(browser, "search", "週日")
    assert shows(browser, expected)
    assert browser.find_element("id", "shown").text == f"Showing {len(expected)} of {len(data['findings'])} findings matching “週日”"
    # every word must be found: a name and a value
    click(browser, "button[type=reset]")
    assert shows(browser, [f"finding-{f['id']}" for f in report["findings"]])
    type_into(browser, "search", "openai  BILLION")
    assert shows(browser, [f"finding-{f['id']}" for f in report["findings"]
                           if f["subject"] == "OpenAI" and f["rule"] == "M101"])
    # and the filters still apply on top of the search
    click(browser, "input[name=verdict][value=contradict]")
    assert shows(browser, [f"finding-{f['id']}" for f in report["findings"]
                           if f["subject"] == "OpenAI" and f["rule"] == "M101" and f["verdict"] != "contradict"])
    assert console_errors(browser) == []


def test_a_source_opens_in_its_own_view(browser, seeds_page):
    path, report = seeds_page
    open_page(browser, path)
    source = report["sources"][1]
    view = browser.find_element("id", f"source-{source['id']}")
    assert view.get_attribute("open") is None
    browser.find_element("css selector", f"table.sources a[href='#source-{source['id']}']").click()
    assert view.get_attribute("open") is not None
    rows = view.find_elements("css selector", "tbody tr")
    assert len(rows) == source["claims"] and rows[0].is_displayed()
    assert source["title"] and source["title"] in view.find_element("tag name", "summary").text
    # printing opens every source
    browser.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    assert browser.execute_script("return document.querySelectorAll('details.source-view:not([open])').length") == 0
    browser.execute_script("window.dispatchEvent(new Event('afterprint'))")
    assert browser.execute_script("return document.querySelectorAll('details.source-view[open]').length") == 1
