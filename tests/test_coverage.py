"""Coverage: a report says which sentences hold a date, a number or a quote but gave no claim,
so a fact-checker knows what was not checked."""

from __future__ import annotations

from verifier.report.html import html
from verifier.report.model import build_from_sources
from verifier.report.render import markdown, table
from verifier.text.sources import from_texts

CLAIMED = "Ines Calder resigned from Korvath Dynamics on Friday."
UNCLAIMED = "The weather in the valley was 18 degrees and sunny for 3 days."


def report_of(*texts: str):
    return build_from_sources(from_texts({f"a{n}": t for n, t in enumerate(texts)}))


def test_sentences_with_values_but_no_claim_are_listed_with_their_spans():
    text = f"{CLAIMED}\n\n{UNCLAIMED}\n"
    report = report_of(text)
    assert report.claims, "the resignation is a claim"
    spans = [(u.source, u.start, u.end) for u in report.unclaimed]
    start = text.index(UNCLAIMED)
    assert ("a0", start, start + len(UNCLAIMED)) in spans
    assert all(text[u.start:u.end] == u.text for u in report.unclaimed)
    assert not any(CLAIMED in u.text for u in report.unclaimed)  # a sentence that gave a claim is covered
    assert report.summary.unclaimed == len(report.unclaimed)
    data = report.model_dump(mode="json")
    assert data["unclaimed"][0]["text"] and data["summary"]["unclaimed"] == len(data["unclaimed"])


def test_every_format_says_what_was_not_checked():
    report = report_of(f"{CLAIMED}\n\n{UNCLAIMED}\n")
    n = report.summary.unclaimed
    assert n >= 1
    words = f"{n} sentence{'s' if n > 1 else ''} with a date, number or quote gave no claim"
    assert words in " ".join(table(report, width=100).split())
    md = markdown(report)
    assert words in md and "## Not checked" in md and "18 degrees" in md.split("## Not checked")[1]
    assert words in html(report)


def test_nothing_is_said_when_everything_was_checked():
    report = report_of(f"{CLAIMED}\n")
    assert report.summary.unclaimed == 0 and report.unclaimed == []
    assert "Not checked" not in table(report) and "Not checked" not in markdown(report)
