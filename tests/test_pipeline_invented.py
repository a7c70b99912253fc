"""Articles about a company and people that appear in no data file (tests/data/invented/).

Veltrix Robotics (English, then Traditional Chinese): Oriana Kessel's resignation on Monday
evening vs Sunday; same valuation, founding year and head count in both languages.
藍汀生物 / 蓝汀生物 (LantingBio; Traditional vs Simplified): Nora Hartwell resigned on
Wednesday vs Tuesday evening; five vs four co-founders; US$1.8 vs 2.5 billion; the same quote
given to two different people.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.claims.entities import EntityIndex
from verifier.report.model import build

DATA = Path(__file__).resolve().parent / "data" / "invented"


def verdicts(report) -> dict[tuple[str, str], str]:
    return {(f.subject, f.predicate): f.verdict for f in report.findings}


@pytest.fixture(scope="module")
def veltrix():
    return build([DATA / "veltrix_en.txt", DATA / "veltrix_zh.txt"])


@pytest.fixture(scope="module")
def lanting():
    return build([DATA / "lanting_a.txt", DATA / "lanting_b.txt"])


def test_english_and_chinese_name_the_same_person(veltrix):
    subjects = {c.subject for c in veltrix.claims}
    assert "Oriana Kessel" in subjects  # 凱塞爾(OrianaKessel) in one, Oriana Kessel in the other
    zh = [c for c in veltrix.claims if c.source == "veltrix_zh" and c.predicate == "departure"]
    assert zh and zh[0].subject == "Oriana Kessel" and zh[0].subject_text == "凱塞爾"


def test_veltrix_findings(veltrix):
    v = verdicts(veltrix)
    assert v[("Oriana Kessel", "departure")] == "contradict"
    assert v[("Veltrix Robotics", "founded")] == "agree"
    assert v[("Veltrix Robotics", "valuation")] in ("agree", "compatible")
    assert v[("Veltrix Robotics", "employees")] in ("agree", "compatible")


def test_english_publication_date_and_weekday(veltrix):
    src = {s.id: s for s in veltrix.sources}
    assert str(src["veltrix_en"].published) == "2025-03-06"
    monday = next(c for c in veltrix.claims if c.source == "veltrix_en" and c.predicate == "departure")
    assert monday.value.start == "2025-03-03" and monday.value.part_of_day == "evening"


def test_sentence_initial_word_is_not_a_company(veltrix):
    assert "Only" not in {c.subject for c in veltrix.claims}


def test_lanting_findings(lanting):
    v = verdicts(lanting)
    assert v[("Nora Hartwell", "departure")] == "contradict"
    assert v[("LantingBio", "founders")] == "contradict"
    assert v[("LantingBio", "valuation")] == "contradict"
    assert ("罗建民 / 周立群", "said") in v or ("周立群 / 罗建民", "said") in v  # names learnt from text are script-neutral


def test_same_quote_same_speaker_agrees_across_scripts(lanting):
    agree = [f for f in lanting.findings if f.rule == "Q101" and f.subject == "Nora Hartwell"]
    assert [f.verdict for f in agree] == ["agree"]


def test_works_with_an_empty_registry():
    report = build([DATA / "lanting_a.txt", DATA / "lanting_b.txt"], registry=[])
    assert ("Nora Hartwell", "departure") in verdicts(report)


def test_organisation_gloss_makes_an_alias():
    index = EntityIndex([])
    text = "基因檢測公司藍汀生物(LantingBio)本週再傳異動。"
    from verifier.text.fold import fold

    index.learn(text, fold(text))
    index.finalize()
    assert index.canonical("蓝汀生物") == "LantingBio"


@pytest.fixture(scope="module")
def harbor():
    return build([DATA / "harbor_wire.txt", DATA / "harbor_blog.md"])


def test_english_wire_and_blog_disagree_where_they_do(harbor):
    """Two English articles (a wire story and a Markdown blog post) about an invented start-up:
    the departure weekday, the year the co-founder joined, the money raised, the valuation and
    the number of co-founders all differ; the company is named by its full name
    ("Harbor Freight Labs", not a person called Harbor Freight) and "the company"/"its" point to it."""
    v = {(f.subject, f.predicate, f.verdict) for f in harbor.findings}
    for subject, predicate in [("Marcus Ellery", "departure"), ("Marcus Ellery", "joined"),
                               ("Harbor Freight Labs", "funding"), ("Harbor Freight Labs", "founders")]:
        assert (subject, predicate, "contradict") in v
    # the wire's valuation is of last year's round, the blog's is today's: a change over time
    valuation = [f for f in harbor.findings if f.predicate == "valuation"]
    assert [(f.verdict, f.reason) for f in valuation] == [("compatible", "different-time")]
    assert "Harbor Freight" not in {c.subject for c in harbor.claims}
    assert not [c for c in harbor.claims if c.subject in ("Wire", "Northgate Capital", "LinkedIn")]
    # the page furniture of the wire story (related articles, copyright) gives no claim
    wire_text = harbor.texts["harbor_wire"]
    assert all(c.end < wire_text.index("Related articles") for c in harbor.claims if c.source == "harbor_wire")


def test_dates_that_cannot_be_are_reported_even_without_a_predicate(tmp_path):
    (tmp_path / "a.txt").write_text(
        "2025年6月3日\n\n星衡科技於2025年6月1日週六發布新產品,公司表示銷量不錯。\n據悉,該公司將在2月30日召開股東大會。\n",
        encoding="utf-8")
    report = build([tmp_path])
    d102 = [f for f in report.findings if f.rule == "D102"]
    assert len(d102) == 2 and all(f.verdict == "contradict" and f.sources == ["a"] for f in d102)
    texts = {c.text for c in report.claims if c.id in {i for f in d102 for i in f.claims}}
    assert texts == {"2025年6月1日週六", "2月30日"}
    assert any("2025-06-01 is a Sunday" in f.message for f in d102)
