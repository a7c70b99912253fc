"""Properties of the whole pipeline that hold for any text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.pipeline import extract_sources
from verifier.text.fold import to_simplified, to_traditional
from verifier.text.sources import read_source

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

# fragments of news prose in both scripts, glued at random: names, dates, amounts, counts,
# triggers, quotes, pronouns, punctuation and noise
FRAGMENTS = [
    "Mrinank Sharma", "舒尔曼(JohnSchulman)", "OpenAI", "該公司", "公司", "他", "她們", "微軟",
    "週一", "周日晚间", "2024 年5 月14 日", "本月初", "今年7月", "去年", "March 6, 2025", "on Monday",
    "宣佈辭職", "离职", "估值", "超過1,500 億美元", "約37 億美元", "$13 billion", "投資", "虧損",
    "11位联合创始人中仅剩3位", "770名員工里有743人", "最初12人的创始团队", "約49%的股份",
    "「世界陷入險境」", "“我决定离开”", "表示", "写道", "，", "。", "\n", " ", "(", ")", "——",
    "2月30日", "6月1日周六", "近75名", "不到48小時", "、", "和", "被", "解雇", "成立", "的",
]


def claims_of(*texts: str):
    sources = [read_source(Path(f"s{i}.txt"), {}, text=t) for i, t in enumerate(texts)]
    prepared, _ = extract_sources(sources, registry=[])
    return prepared


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40), st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_claims_always_quote_their_text_exactly(a, b):
    texts = ["".join(a) + "。", "".join(b) + "。"]
    for p in claims_of(*texts):
        for c in p.claims:
            assert p.source.text[c.start:c.end] == c.text
            assert c.sentence[0] <= c.start < c.end <= c.sentence[1]


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_arbitrary_text_never_raises(text):
    if text.strip():
        claims_of(text, text[::-1])


def _facts(prepared):
    return sorted(
        (c.kind, c.subject, c.predicate, c.value.model_dump_json())
        for p in prepared for c in p.claims if c.kind != "quote"
    )


def test_folding_a_seed_to_the_other_script_changes_no_value():
    originals = [p.read_text(encoding="utf-8") for p in SEEDS]
    as_read = claims_of(*originals)
    traditional = claims_of(*(to_traditional(t) for t in originals))
    simplified = claims_of(*(to_simplified(t) for t in originals))
    assert _facts(traditional) == _facts(as_read) == _facts(simplified)


def test_claims_are_the_same_whatever_order_python_hashes_strings_in(tmp_path):
    """A run must not depend on the order of a set of words (PYTHONHASHSEED): 682万人次 is a
    count in 人次 in every process (6.82 million 人次), not in 人 in some."""
    import json
    import os
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("泊岸航空（Orlen Airways）公布 Q3 results：载客 6.82 million 人次，同比增长14%。\n", encoding="utf-8")
    units = set()
    for seed in range(6):
        out = tmp_path / f"r{seed}.json"
        subprocess.run([sys.executable, "-m", "verifier", "report", str(article), "--format", "json", "-o", str(out),
                        "--quiet", "--no-cache"], check=False, env={**os.environ, "PYTHONHASHSEED": str(seed)})
        claims = json.loads(out.read_text(encoding="utf-8"))["claims"]
        units |= {c["value"].get("unit") for c in claims if c["predicate"] == "passengers"}
    assert units == {"人次"}, units
