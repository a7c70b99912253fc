"""Markdown exports open with a metadata block (front matter): its lines are not article text,
and its title, date and address describe the article where no manifest does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from verifier.pipeline import extract_sources
from verifier.text.frontmatter import front_matter
from verifier.text.furniture import classify
from verifier.text.sources import read_source

ARTICLE = """---
title: "Orlen Robotics to close its Lyon plant"
date: 2025-11-04T08:30:00+01:00
source: Harbour Wire
link: https://example.org/orlen-lyon
tags: [robotics, france]
---

LYON (Harbour Wire) - Orlen Robotics said on Tuesday it would close its Lyon plant and cut 240 jobs.
"""


def test_the_block_gives_title_date_and_address():
    source = read_source(Path("orlen.md"), {}, text=ARTICLE)
    assert source.title == "Orlen Robotics to close its Lyon plant"
    assert source.published == dt.date(2025, 11, 4) and source.published_from == "front matter"
    assert source.url == "https://example.org/orlen-lyon"


def test_a_manifest_entry_wins_over_the_block():
    source = read_source(Path("orlen.md"), {"published": dt.date(2025, 11, 5), "title": "Other"}, text=ARTICLE)
    assert (source.published, source.published_from, source.title) == (dt.date(2025, 11, 5), "manifest", "Other")


def test_its_lines_are_not_article_text_and_name_no_one():
    lines = classify(ARTICLE)
    meta = [l for l in lines if l.furniture == "front matter"]
    assert len(meta) == 7 and all(l.end <= ARTICLE.index("LYON") for l in meta)
    prepared, _ = extract_sources([read_source(Path("orlen.md"), {}, text=ARTICLE)], registry=[])
    claims = prepared[0].claims
    assert {c.subject for c in claims} == {"Orlen Robotics"}, [(c.subject, c.text) for c in claims]
    assert any(c.predicate == "layoffs" and c.text == "Tuesday" and c.value.start == "2025-11-04" for c in claims)


def test_what_is_not_a_block():
    # a horizontal rule above prose, an unclosed block, an impossible date
    assert front_matter("---\nThe company said on Monday it would cut jobs.\n---\nMore text.\n") is None
    assert front_matter("---\ntitle: Unclosed\n\nBody text.\n") is None
    assert front_matter("Body first.\n---\ntitle: x\n---\n") is None
    bad = front_matter("---\ndate: 2025-02-30\n---\nBody.\n")
    assert bad is not None and bad.published is None
