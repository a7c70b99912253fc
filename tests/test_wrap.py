"""Hard-wrapped text: a sentence broken across lines gives the claims it gives on one line, and
the claims still quote the article exactly (offsets into the file as written)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.report.model import build_from_sources
from verifier.text.sources import from_texts
from verifier.text.wrap import joined, runs_on, view

# (wrapped, the same text on one line per paragraph)
WRAPPED = [
    ("Lena Ortiz于\n周三宣布离职。\n",
     "Lena Ortiz于周三宣布离职。\n"),
    ("2026年5月8日\n\n北辰智能联合创始人Lena Ortiz于周三宣\n布离职，北辰智能估值约为三十二\n亿美元。\n",
     "2026年5月8日\n\n北辰智能联合创始人Lena Ortiz于周三宣布离职，北辰智能估值约为三十二亿美元。\n"),
    ("May 8, 2026\n\nOmar Lund, the chief financial officer of Brightwell Labs,\nsaid on Thursday that he "
     "would step\ndown. Brightwell Labs was valued at $2.1\nbillion in its latest round.\n",
     "May 8, 2026\n\nOmar Lund, the chief financial officer of Brightwell Labs, said on Thursday that he "
     "would step down. Brightwell Labs was valued at $2.1 billion in its latest round.\n"),
    ("2026年5月8日\n\n星桥资本周二表示，已裁減約\n  三百四十名員工。\n",
     "2026年5月8日\n\n星桥资本周二表示，已裁減約三百四十名員工。\n"),
]


def claims_of(text: str):
    report = build_from_sources(from_texts({"a": text}))
    return report.claims


def facts(claims):
    return sorted((c.subject, c.predicate, c.value.model_dump_json()) for c in claims)


@pytest.mark.parametrize("wrapped, flat", WRAPPED)
def test_a_wrapped_sentence_gives_the_claims_of_the_unwrapped_one(wrapped, flat):
    flat_claims = claims_of(flat)
    assert flat_claims, "the example is one the extractor reads on one line"
    got = claims_of(wrapped)
    assert facts(got) == facts(flat_claims)
    for c in got:
        assert wrapped[c.start:c.end] == c.text  # the words as written, line break and all
        a, b = c.sentence
        assert a <= c.start and c.end <= b <= len(wrapped)


def test_a_value_broken_across_lines_quotes_the_line_break():
    text = "2026年5月8日\n\n北辰智能估值约为三十二\n亿美元。\n"
    (claim,) = [c for c in claims_of(text) if c.predicate == "valuation"]
    assert "\n" in claim.text and claim.value.amount == 3.2e9


@pytest.mark.parametrize("line, following, joins", [
    ("Omar Lund, the chief financial officer,", "said on Thursday that he would go.", True),
    ("北辰智能联合创始人Lena Ortiz于周三宣", "布离职。", True),
    ("北辰智能联合创始人Lena Ortiz于周三宣布离职。", "公司估值约为三十二亿美元。", False),  # a sentence ends
    ("He said:", "“We are done.”", False),
    ("Results for the quarter", "- revenue rose 12% to $40 million", False),  # a list starts
    ("Brightwell Names New Chief Executive", "Brightwell Labs said on Monday it had hired a new chief.", False),
    ("北辰智能高管离职", "北辰智能联合创始人Lena Ortiz于周三宣布离职，公司估值约为三十二亿美元。", False),  # a title
    ("# Brightwell", "Brightwell Labs said on Monday", False),
    ("“We are done,” she said.”", "The company did not reply.", False),
])
def test_which_lines_run_on(line, following, joins):
    assert runs_on(line, following) is joins


def test_blank_lines_headings_and_datelines_keep_paragraphs_apart():
    text = "Brightwell Names New Chief\n\nMay 8, 2026\nOmar Lund said on Thursday that he\nwould step down.\n"
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    dateline = (text.index("May"), text.index("2026") + 4)
    spans = joined(text, lines, dateline)
    assert [text[a:b] for a, b in spans] == [
        "Brightwell Names New Chief", "May 8, 2026", "Omar Lund said on Thursday that he\nwould step down."]


LINE = st.text(alphabet="北辰智能宣布离职于周三 abcXYZ,，0123456789", min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=6), st.lists(st.sampled_from(["\n", "\r\n", " \n  ", "\n\u3000"]), min_size=6, max_size=6))
def test_the_view_maps_every_character_back_to_the_article(lines, breaks):
    text = "".join(line + brk for line, brk in zip(lines, breaks))
    span = (0, len(text.rstrip()))
    v = view(text, text, [span])
    if v is None:
        assert not re.search(r"[\r\n]", text[span[0]:span[1]])
        return
    assert len(v.text) == len(text) - len(v.removed)
    for i, ch in enumerate(v.text):
        o = v.to_article(i)
        assert v.to_view(o) == i
        assert ch == text[o] or (ch == " " and text[o] in " \r\n\u3000\t")
    for o in v.removed:
        assert text[o] in " \r\n\u3000\t"  # only the line break and the spaces around it are left out
