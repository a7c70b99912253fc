"""The faster forms of the extractor's regexes find what the plain forms find, on any text."""

from __future__ import annotations

import re
from array import array
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.claims import entities
from verifier.claims.extract import Words
from verifier.claims.lexicon import lexicon
from verifier.lang import alternation, gated_alternation, read_data_file
from verifier.text import furniture
from verifier.text.fold import fold

WORDS = ["周一", "周日", "星期一", "离职", "辞职", "resign", "resigned", "step down", "Kelvin", "ſtate",
         "co-founder", "IPO", "A轮", "·"]
PIECES = WORDS + ["Harbor Freight", "McDonald", "xAI", "(", "（", ")", "）", "舒尔曼", "JohnSchulman", "集团",
                  "资本", "公司", "版权所有", "Copyright", "阅读 12", "By Dana", " ", "\n", ",", "。", "-", "K", "k",
                  "s", "'s", "2025", "Top 10", "|", "首页"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def spans(regex: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups()) for m in regex.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(TEXT, st.booleans())
def test_a_gated_alternation_matches_what_the_alternation_matches(text, ignore_case):
    flags = re.IGNORECASE if ignore_case else 0
    assert spans(re.compile(gated_alternation(WORDS), flags), text) == spans(re.compile(alternation(WORDS), flags), text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_lexicon_finds_the_same_words_as_its_ungated_regexes(text):
    lex = lexicon()
    plain = re.compile(re.sub(r"\(\?i:\(\?=\[[^\]]*\]\)\)", "", lex.claim_hint_re.pattern))
    folded = fold(text)
    assert spans(lex.claim_hint_re, folded) == spans(plain, folded)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_line_is_furniture_as_with_one_regex_of_all_patterns(text):
    patterns = [fold(p) for p in read_data_file("furniture.toml")["line"]["patterns"]]
    one = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)
    r = furniture._rules()
    for line in text.splitlines():
        line = line.strip()
        assert bool(r["line_start"].match(line) or r["line"].search(line)) == bool(one.search(line))


def test_only_patterns_without_a_top_level_alternative_are_anchored():
    assert furniture._anchored(r"^\s*(?:a|b)\s*$")
    assert furniture._anchored(r"^[|]x") and furniture._anchored(r"^[^]|]x") and furniture._anchored(r"^\|x")
    assert not furniture._anchored(r"^a|b") and not furniture._anchored(r"^[]|]|x") and not furniture._anchored("a^")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_glosses_and_organisation_names_are_found_as_by_the_plain_regexes(text):
    cjk = entities.CJK
    d = entities._data()
    r = entities._regexes()
    gloss = re.compile(rf"([{cjk}·][{cjk}·\-－]*)\s*[（(]\s*([A-Za-z][A-Za-z0-9 .&'’\-]{{1,60}}?)\s*[）)]")
    org = re.compile(rf"[{cjk}]{{2,5}}?{alternation(d['org_suffixes'])}")
    folded = fold(text)
    assert spans(r["gloss"], folded) == spans(gloss, folded)
    assert spans(r["org_suffix"], folded) == spans(org, folded)
    assert bool(r["paren_latin"].search(folded)) or not spans(gloss, folded)
    assert bool(r["paren_cjk"].search(text)) or not spans(r["reverse_gloss"], text)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_words_between_count_chinese_characters_as_prefix_sums_do(text, data):
    folded = fold(text)
    marks = bytearray(1 if "\u3400" <= ch <= "\u9fff" else 0 for ch in folded)
    before = array("l", accumulate(marks, initial=0))
    a = data.draw(st.integers(0, len(folded)))
    b = data.draw(st.integers(0, len(folded)))
    words = Words(folded)
    words.between(a, b)
    lo, hi = min(a, b), max(a, b)
    assert words._cjk_upto(hi) - words._cjk_upto(lo) == before[hi] - before[lo]


SHINGLE_PIECES = ["公司", "宣布", "离职", "一", "\u3400", "\u9fff", "。", "a", "bc", "Harbor", "2025", " ", "  ", "\n", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SHINGLE_PIECES), max_size=40).map("".join))
def test_shingles_sliced_from_bytes_are_those_of_each_window_encoded(text):
    import zlib

    from verifier.text import syndication

    folded = fold(text).lower()
    windows = [run[i:i + syndication.CJK_SHINGLE] for run in syndication._CJK.findall(folded)
               for i in range(max(1, len(run) - syndication.CJK_SHINGLE + 1))]
    words = syndication._WORD.findall(folded)
    windows += [" ".join(words[i:i + syndication.LATIN_SHINGLE])
                for i in range(max(0, len(words) - syndication.LATIN_SHINGLE + 1))]
    hashes = {zlib.crc32(w.encode()) for w in windows}
    assert syndication.shingles(text) == {h for h in hashes if h % syndication.SAMPLE == 0}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["公司", "宣佈", "離職", "发布", "元", "台幣", "Harbor", " ", "2025", "。", "\u3400"]),
                max_size=30).map("".join))
def test_the_script_of_a_mixed_article_is_counted_as_character_by_character(text):
    from verifier.claims.extract import _local_currency
    from verifier.lang import lang

    folded = fold(text)
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    traditional = sum(1 for a, b in zip(text, folded) if a != b and "\u4e00" <= a <= "\u9fff")
    script = "zh-Hans" if cjk and traditional <= 0.02 * len(cjk) else "zh-Hant"
    by_script = lang("zh")["currency"].get("generic_by_script", {})
    assert _local_currency(text, folded, "mixed")[0] == by_script.get(script)
