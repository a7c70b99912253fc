"""What a run does once, and how the work is laid out between processes (issue 11): the work
done while the pool works, what is sent back from the pool."""

from __future__ import annotations

import os
import pickle

from verifier import pipeline
from verifier.text.sources import from_texts


def _square(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_meanwhile_is_called_once_while_the_map_runs_in_every_way_of_running_it():
    for jobs, n in ((1, 40), (2, 40), (2, 3), (2, 0)):
        calls = []
        with pipeline.Runner(jobs) as runner:
            done = runner.map(_square, list(range(n)), None, "squares", meanwhile=lambda: calls.append(os.getpid()))
        assert [x for x, _ in done] == [i * i for i in range(n)]
        assert calls == [os.getpid()]  # once, here
        if jobs == 2 and n == 40:
            assert runner.pooled(n) and {pid for _, pid in done} - {os.getpid()}  # others did some
        else:
            assert not runner.pooled(n) or n == 0


def test_an_article_prepared_in_another_process_comes_back_without_its_text():
    english, traditional = from_texts({"a": "Acme hired 120 people in May 2024, the company said.\n",
                                       "b": "台北市政府表示，今年預算為三億元。\n"})
    for source in (english, traditional):
        text = source.text
        p, learned = pipeline._prepared_elsewhere(source)
        here, _ = pipeline._prepare_and_learn(from_texts({source.id: text})[0])
        assert source.text == text  # the article sent is left as it was
        assert p.source.text == "" and pickle.dumps(text) not in pickle.dumps((p, learned))
        assert p.source.folded == ("" if here.source.folded == text else here.source.folded)
        # its sentences come as numbers, and are the same sentences when the article is extracted
        assert p.sentences == [] and len(p.cached_sentences) == 3 * len(here.sentences) > 0
        assert p.with_sentences().sentences == here.sentences
        assert p.spans == here.spans and p.syndication == here.syndication
    assert traditional.folded != traditional.text  # (one of them folds to other characters)


def test_sentences_cross_processes_whole():
    from verifier.text.segment import Sentence

    s = Sentence(3, 17, 1)
    assert pickle.loads(pickle.dumps(s)) == s
    assert b"paragraph" not in pickle.dumps(s)  # its numbers, not its fields by name


def _copies_by_every_pair(signatures: dict, published: dict) -> dict:
    """copies_among's answer, counting the shingles of every pair of articles one by one."""
    from verifier.text import syndication as syn

    sets = {sid: set(sig[0]) for sid, sig in signatures.items()}
    common = {h: sum(h in s for s in sets.values()) for s in sets.values() for h in s}
    copies: dict = {}
    ids = sorted(sets)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            n = sum(1 for h in sets[a] & sets[b] if common[h] <= syn.MAX_POSTINGS)
            if n < syn.MIN_SHARED or n / (min(len(sets[a]), len(sets[b])) or 1) < syn.COPY_CONTAINMENT:
                continue
            copy, original = syn._which_copy(a, b, published, {x: signatures[x][1] for x in (a, b)})
            if copy not in copies:
                copies[copy] = copies.get(original, original)
    return copies


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sets(st.integers(0, 40), max_size=30), st.booleans(), st.sampled_from([None, 1, 2])),
                min_size=2, max_size=12))
def test_copies_counted_by_list_of_articles_are_the_copies_counted_pair_by_pair(articles):
    import datetime as dt

    from verifier.text.syndication import copies_among

    # few distinct shingles: most are shared by the same articles, as a shared paragraph's are
    signatures = {f"a{i:02d}": (sorted(h * 4 for h in hashes), reprint) for i, (hashes, reprint, _) in enumerate(articles)}
    published = {f"a{i:02d}": dt.date(2024, 1, day) for i, (_, _, day) in enumerate(articles) if day}
    assert copies_among(signatures, published) == _copies_by_every_pair(signatures, published)


_AFTER_WARM_UP = r"""
import sys, tomllib
from verifier import pipeline
from verifier.text.sources import from_texts

sources = from_texts({
    "en": "TAIPEI, May 3 (Wire) - Norvale Freight said on Friday it would cut 240 jobs, or 12% of its staff.\n\n"
          "Chief executive Ada Lind, 54, said the company raised $80 million in March 2025.\n",
    "zh": "【台北訊】諾維物流（Norvale Freight）週五宣布裁員240人，佔員工總數的12%。\n\n"
          "行政總裁林雅（Ada Lind）表示，公司於2025年3月融資8000萬美元。\n",
    "cn": "诺维物流去年营收增长18%，净利润为3.2亿元人民币，上海总部员工约2000人。\n",
})  # (read before: a pool prepares articles read already)
pipeline.warm_up(extraction=True)
opened = []
real_load = tomllib.load
tomllib.load = lambda fh, **kw: (opened.append(getattr(fh, "name", "?")), real_load(fh, **kw))[1]
prepared = [pipeline._prepare_and_learn(s) for s in sources]
index = pipeline.merge_index([learned for _, learned in prepared]).ready()
claims = [c for p, _ in prepared for c in pipeline.extract(p, index)]
print(len(claims), sorted(set(opened)))
"""


def test_after_warm_up_preparing_and_extracting_articles_reads_no_data_file():
    """A process about to fork the workers of a map makes every table they read first
    (verifier/tables.py): the workers inherit them, and none parses a data file of its own."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", _AFTER_WARM_UP], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    count, opened = run.stdout.split(" ", 1)
    assert int(count) >= 6  # the articles were read (it is not an empty run that reads nothing)
    assert opened.strip() == "[]"


def test_a_table_is_made_once_and_a_stage_makes_all_of_its_own():
    from verifier import tables

    made = []

    @tables.table("extract")
    def _numbers() -> list[int]:
        made.append(1)
        return [1, 2, 3]

    try:
        tables.load("extract")
        assert made == [1] and _numbers() == [1, 2, 3] and made == [1]
        tables.load("prepare")
        assert made == [1]  # another stage's load leaves it
    finally:
        tables._BY_STAGE["extract"].remove(_numbers)
    try:
        tables.table("compare")
        raise AssertionError("an unknown stage was accepted")
    except ValueError as exc:
        assert "compare" in str(exc)
