"""Corpus tests for vague numerals read as numbers (几百万, 数百亿, 二十几) and for the informal
`w` (万) after digits, written before the rules, in the style of Duckling's corpora: each entry
is an expected value and the surface forms that must all be read as it. `check` also tries every
Simplified form in Traditional script (幾百萬, 數百億, 二十幾). The examples are our own.

A vague numeral is never a precise number: it is a range (`bound: between`, `low`/`high`) whose
`value` is the midpoint, as a vague count (几百人) already is.
"""

from __future__ import annotations

import pytest

from test_normalize_corpus import _values, check, corpus


def _between(low, high):
    return {"bound": "between", "low": low, "high": high, "value": (low + high) / 2}


# --------------------------------------------------------------------------- vague numbers
VAGUE_NUMBERS = [
    (_between(2_000_000, 9_000_000), ["几百万", "数百万"]),
    (_between(20_000_000_000, 90_000_000_000), ["数百亿", "几百亿"]),
    (_between(21, 29), ["二十几"]),
    (_between(11, 19), ["十几"]),
    (_between(110_000, 190_000), ["十几万"]),
    (_between(210_000, 290_000), ["二十几万"]),
    (_between(20, 90), ["几十", "数十"]),
    (_between(2000, 9000), ["几千", "数千"]),
    (_between(2_000_000, 3_000_000), ["两三百万"]),
    (_between(400, 500), ["四五百"]),
]


@pytest.mark.parametrize("expected,text", corpus(VAGUE_NUMBERS))
def test_vague_numbers_restricted(expected, text):
    check(text, "number", expected, kinds=("number",))


@pytest.mark.parametrize("expected,text", corpus(VAGUE_NUMBERS))
def test_vague_numbers_with_every_kind(expected, text):
    check(text, "number", expected)


@pytest.mark.parametrize("text", [f for _, forms in VAGUE_NUMBERS for f in forms] + ["幾百萬", "數百億", "二十幾"])
def test_a_vague_numeral_is_never_an_exact_number(text):
    for kinds in (("number",), None):
        numbers = [v for v in _values(text, kinds=kinds) if v["kind"] == "number"]
        assert numbers, text
        assert all(v.get("bound") == "between" for v in numbers), numbers


def test_a_vague_number_before_a_unit_keeps_its_range():
    # with numbers alone, 二十几万元 is the number 二十几万, not 20
    numbers = _values("二十几万元", kinds=("number",))
    assert [(v["text"], v["low"], v["high"]) for v in numbers] == [("二十几万", 210_000, 290_000)]
    assert _values("数百亿美元的订单", kinds=("number",))[0]["low"] == 20_000_000_000


def test_vague_number_and_vague_count_agree():
    count = _values("几百人", kinds=("count",))[0]
    number = _values("几百", kinds=("number",))[0]
    assert (number["low"], number["high"], number["value"]) == (count["low"], count["high"], count["value"])


def test_exact_numbers_carry_no_bound():
    # an exact number's output is as before: the value alone
    out = _values("三百万", kinds=("number",))
    assert out == [{"kind": "number", "text": "三百万", "span": [0, 3], "value": 3_000_000}]


NOT_VAGUE = ["几个", "几", "乱七八糟"]


@pytest.mark.parametrize("text", NOT_VAGUE)
def test_no_range_without_a_unit(text):
    assert [v for v in _values(text, min_score=0.5) if v.get("bound") == "between"] == []


# --------------------------------------------------------------------------- w = 万
W_NUMBERS = [
    ({"value": 200_000}, ["20w", "20W"]),
    ({"value": 15_000}, ["1.5w", "1.5W"]),
]


@pytest.mark.parametrize("expected,text", corpus(W_NUMBERS))
def test_w_is_ten_thousand_in_chinese_text(expected, text):
    for sentence in (f"粉丝{text}", f"约{text}", f"{text}左右"):
        found = [v for v in _values(sentence, kinds=("number",)) if text in v["text"]]  # (约20w: with its bound)
        assert found and found[0]["value"] == expected["value"], (sentence, _values(sentence, kinds=("number",)))


W_COUNTS = [
    ({"value": 200_000, "unit": "人", "bound": "exact"}, ["20w人", "20W人"]),
    ({"value": 30_000, "unit": "名", "bound": "exact"}, ["3w名"]),
]


@pytest.mark.parametrize("expected,text", corpus(W_COUNTS))
def test_w_counts(expected, text):
    check(text, "count", expected)


@pytest.mark.parametrize("text", ["a 20W charger", "20web", "20w", "the 20w bulb", "20wh电池", "功率20W的灯泡", "65W快充"])
def test_w_is_not_ten_thousand_elsewhere(text):
    # watts in English text, a word, a bare 20w without Chinese beside it, watt-hours, watts
    # in Chinese text about power
    assert 200_000 not in [v.get("value") for v in _values(text)], _values(text)


# --------------------------------------------------------------------------- bounds on numbers
BOUNDED_NUMBERS = [
    ({"value": 300_000, "bound": "more_than", "low": 300_000, "high": None}, ["大于30万", "超过30万", "超过三十万"]),
    ({"value": 300_000, "bound": "at_least", "low": 300_000, "high": None}, ["30万以上", "至少30万"]),
    ({"value": 50, "bound": "less_than", "low": None, "high": 50}, ["不到50", "少于五十"]),
]


@pytest.mark.parametrize("expected,text", corpus(BOUNDED_NUMBERS))
def test_numbers_alone_carry_their_bound(expected, text):
    # as money alone reads 大于30万 as more than 300,000 (a count does: 大于30万人)
    check(text, "number", expected, kinds=("number",))


def test_with_every_kind_a_qualifier_stays_outside_the_number():
    # in running text the qualifier is left to the claim reader, and 预计3月 stays a date
    assert [(v["kind"], v["text"]) for v in _values("预计3月", base=None)] == [("date", "3月")]
    out = [v for v in _values("大于30万") if v["kind"] == "number"]
    assert [(v["text"], v.get("bound")) for v in out] == [("30万", None)]


def test_a_vague_number_read_as_money_or_a_count_keeps_its_range():
    # the claim reader turns a number beside a money word into money: 数百亿 stays 20-90 billion
    from verifier.claims.extract import as_money

    money = as_money(_found("数百亿")).value
    assert (money.bound, money.low, money.high, money.amount) == ("between", 2e10, 9e10, None)
    exact = as_money(_found("300亿")).value
    assert (exact.bound, exact.low, exact.high, exact.amount) == ("exact", 3e10, 3e10, 3e10)


def _found(text):
    from verifier.normalize.engine import analyze

    return analyze(text, kinds=("number",))[0]
