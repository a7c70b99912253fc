"""End to end on the seed articles. Every expectation here was written from reading them:

- 000 (Traditional, no dateline) says Mrinank Sharma announced his resignation on Monday
  (週一) and Zoe Hitzig resigned on Tuesday (週二); Tony Wu on Monday evening (週一晚間).
- 001 (Simplified, dated 2026年2月13日) says Sharma announced it on Sunday (周日), Hitzig on
  Wednesday (周三), and that Tony Wu and Jimmy Ba left this week (本周).
- 002 says Sutskever resigned on 2024年5月14日 and Schulman left on 2024年8月6日; 003 says
  Sutskever left in May (5月) and Schulman early this month (本月初).
- 002 puts OpenAI's loss at about US$5 billion; 003 quotes an analyst: as much as 50亿美元.
- 000 speaks of the US$350 billion valuation "companies are racing to reach": no company's.
- 001 carries a hot list with "Meta 斥资 100 亿美元…": page furniture, not the article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verifier.report.model import build

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
S000, S001, S002, S003, S004 = sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def report():
    return build([SEEDS])


def findings_about(report, subject, predicate):
    return [f for f in report.findings if f.subject == subject and f.predicate == predicate]


def claim(report, cid):
    return next(c for c in report.claims if c.id == cid)


def test_the_five_seeds_are_read_with_their_languages(report):
    languages = {s.id: s.language for s in report.sources}
    assert languages == {S000: "zh-Hant", S001: "zh-Hans", S002: "zh-Hant", S003: "zh-Hans", S004: "mixed"}


def test_publication_date_comes_from_the_dateline_where_there_is_one(report):
    published = {s.id: s.published for s in report.sources}
    assert str(published[S001]) == "2026-02-13"
    assert all(published[s] is None for s in (S000, S002, S003, S004))


def test_sharma_monday_vs_sunday_is_a_contradiction(report):
    found = findings_about(report, "Mrinank Sharma", "departure")
    assert [f.verdict for f in found] == ["contradict"]
    f = found[0]
    assert f.rule == "D101" and set(f.sources) == {S000, S001}
    texts = {claim(report, c).source: claim(report, c).text for c in f.claims}
    assert texts == {S000: "週一", S001: "周日"}
    assert "Monday" in f.message and "Sunday" in f.message and "2026-02-08" in f.message


def test_hitzig_tuesday_vs_wednesday_is_a_contradiction(report):
    found = findings_about(report, "Zoe Hitzig", "departure")
    assert [f.verdict for f in found] == ["contradict"]
    assert {claim(report, c).text for c in found[0].claims} == {"週二", "周三"}


def test_tony_wu_monday_evening_fits_this_week(report):
    found = findings_about(report, "Tony Wu", "departure")
    assert [f.verdict for f in found] == ["compatible"]
    assert {claim(report, c).text for c in found[0].claims} == {"週一晚間", "本周"}


def test_sutskever_day_and_month_are_compatible(report):
    found = findings_about(report, "Ilya Sutskever", "departure")
    assert [f.verdict for f in found] == ["compatible"]
    assert {claim(report, c).text for c in found[0].claims} == {"2024 年5 月14 日", "5月"}


def test_schulman_left_early_in_the_month(report):
    found = findings_about(report, "John Schulman", "departure")
    assert [f.verdict for f in found] == ["compatible"]
    assert {claim(report, c).text for c in found[0].claims} == {"2024 年8 月6 日", "本月初"}


def test_openai_loss_about_vs_as_much_as_five_billion(report):
    found = findings_about(report, "OpenAI", "loss")
    assert [f.verdict for f in found] == ["compatible"]
    values = {claim(report, c).source: claim(report, c).value for c in found[0].claims}
    assert values[S002].bound == "approx" and values[S003].bound == "at_most"
    assert values[S002].currency == values[S003].currency == "USD"


def test_valuation_companies_race_to_is_no_company_valuation(report):
    assert not [c for c in report.claims if c.source == S000 and c.kind == "money"]
    valuations = [c for c in report.claims if c.predicate == "valuation"]
    assert all("3,500" not in c.text for c in valuations)


def test_a_part_is_never_compared_with_its_whole(report):
    counts = [c for c in report.claims if c.kind == "count"]
    founders = {c.predicate: c.value.value for c in counts if c.source == S003}
    assert founders == {"founders": 11, "founders_remaining": 3}
    for f in report.findings:
        preds = {claim(report, c).predicate for c in f.claims}
        assert len(preds) == 1, f"finding {f.id} mixes predicates {preds}"


def test_no_claim_comes_from_page_furniture(report):
    text = report.texts[S001]
    furniture_start = text.index("标签:")
    for c in report.claims:
        if c.source == S001:
            assert c.end <= furniture_start, f"claim {c.text!r} from furniture"
            assert "Meta" not in c.text and "100 亿" not in c.text


def test_every_claim_quotes_its_source_exactly(report):
    for c in report.claims:
        assert report.texts[c.source][c.start:c.end] == c.text
        s0, s1 = c.sentence
        assert s0 <= c.start and c.end <= s1


def test_cross_source_findings_cite_two_sources_and_explain_themselves(report):
    for f in report.findings:
        sources = {claim(report, c).source for c in f.claims}
        assert sources == set(f.sources)
        if f.rule != "D102":
            assert len(sources) == 2
        for s in f.sources:
            assert s in f.message
    contradictions = [f for f in report.findings if f.verdict == "contradict"]
    assert report.findings[: len(contradictions)] == contradictions


def test_quotes_have_their_speakers(report):
    quotes = {(c.source, c.subject) for c in report.claims if c.kind == "quote"}
    assert (S001, "Jimmy Ba") in quotes  # “2026年将会疯狂至极…”Ba在他的X平台离职声明中写道
    assert (S003, "谭寅亮") in quotes
    # an unnamed OpenAI employee is not OpenAI
    assert not [c for c in report.claims if c.kind == "quote" and c.subject == "OpenAI"]


def test_report_json_contract(report):
    from verifier.report.render import render

    data = json.loads(render(report, "json"))
    assert set(data) >= {"sources", "claims", "findings"}
    for s in data["sources"]:
        assert set(s) >= {"id", "path", "language", "published"}
        assert s["language"] in ("zh-Hant", "zh-Hans", "en", "mixed")
    for c in data["claims"]:
        assert set(c) >= {"id", "source", "kind", "subject", "predicate", "value", "text", "start", "end"}
        assert c["value"]["kind"] == c["kind"]
    ids = {c["id"] for c in data["claims"]}
    assert len(ids) == len(data["claims"])
    for f in data["findings"]:
        assert set(f) >= {"id", "rule", "verdict", "claims", "message"}
        assert f["verdict"] in ("agree", "compatible", "contradict")
        assert set(f["claims"]) <= ids


def test_the_same_input_gives_the_same_report(report):
    from verifier.report.render import render

    again = build([SEEDS])
    assert render(again, "json") == render(report, "json")
