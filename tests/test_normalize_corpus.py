"""Corpus tests for the normalizers, in the style of Duckling's corpora: each entry is an
expected value and the surface forms that must all be read as it, in both Chinese scripts and
in English. Every Simplified form is also tried in Traditional script (folding must never
change a value). A form must be read as ONE value spanning the whole text; fields not named in
the expectation are not checked.

Negative corpora list text in which nothing (or no value of a kind) may be found.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from verifier.normalize.engine import analyze
from verifier.text.fold import to_traditional

BASE = dt.datetime(2026, 2, 12, 10, 0)  # a Thursday


def _values(text: str, **kw) -> list[dict]:
    return [f.as_output() for f in analyze(text, **kw)]


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _agrees(expected: dict, got: dict) -> bool:
    for key, want in expected.items():
        if want is None:
            if got.get(key) is not None:
                return False
        elif key not in got or not _same(want, got[key]):
            return False
    return True


def check(text: str, kind: str, expected: dict, *, scripts: bool = True, **kw) -> None:
    forms = [text]
    if scripts:
        trad = to_traditional(text)
        if trad != text:
            forms.append(trad)
    for form in forms:
        out = _values(form, **kw)
        lead, end = len(form) - len(form.lstrip()), len(form.rstrip())
        whole = [v for v in out if v["span"] == [lead, end]]
        assert whole, f"{form!r}: no value spans the whole text; found {out}"
        assert len(whole) == 1
        got = whole[0]
        assert got["kind"] == kind, f"{form!r}: read as {got}"
        assert _agrees(expected, got), f"{form!r}: expected {expected}, got {got}"
        assert form[got["span"][0]:got["span"][1]] == got["text"]


def corpus(entries):
    """(expected, [forms]) pairs -> pytest params, one per form."""
    return [pytest.param(expected, form, id=form) for expected, forms in entries for form in forms]


# --------------------------------------------------------------------------- numbers
NUMBERS_ZH = [
    (0, ["0", "〇", "零", "０"]),
    (1, ["一", "壹", "1"]),
    (2, ["二", "两", "貳", "2"]),
    (7, ["七", "柒", "７"]),
    (10, ["十", "拾", "一十"]),
    (11, ["十一", "拾壹", "一十一", "11"]),
    (20, ["二十", "廿", "贰拾"]),
    (30, ["三十", "卅", "叁拾"]),
    (33, ["三十三", "卅三", "參拾參"]),
    (203, ["二百零三", "两百零三", "贰佰零叁"]),
    (250, ["二百五十", "二百五", "两百五"]),
    (1100, ["一千一百", "千一", "1,100", "１，１００", "１１００"]),
    (1010, ["一千零一十", "一千零十"]),
    (10040, ["一万零四十", "壹万零肆拾", "10,040"]),
    (19000, ["一万九千", "万九", "一万九"]),
    (34567, ["三万四千五百六十七", "参万肆仟伍佰陆拾柒", "34,567", "34567", "3万4567", "3萬4567"]),
    (26_800, ["2万6800", "2萬6800", "两万六千八百"]),  # the digits after 万 are its remainder
    (20_050, ["2万50", "两万零五十"]),
    (100000, ["十万", "拾万", "100,000", "100k", "100K"]),
    (1_200_000, ["一百二十万", "百二万", "120万", "1.2M", "1,200,000"]),
    (150_000_000, ["一亿五千万", "1.5亿", "一亿五", "1亿5000万", "1.5 亿", "15000万"]),
    (250_000_000, ["2.5亿", "两亿五千万", "二点五亿"]),
    (78_400_000, ["7,840 万", "7840万", "七千八百四十万"]),
    (150_000_000_000, ["1,500 亿", "1500亿", "一千五百亿"]),
    (100_000_000_000, ["一千亿", "千亿"]),
    (1_000_000_000_000, ["一万亿", "一兆", "1万亿"]),
    (20_000_000_000_005, ["二十万亿零五", "二十兆零五"]),
    (1.1, ["一点一", "1.1", "01.10", "一又十分之一"]),
    (0.77, ["零点七七", "0.77", ".77", "零点77"]),
    (3.14, ["三点一四", "3.14"]),
    (0.5, ["二分之一", "零点五", "一半", "0.5"]),
    (0.25, ["四分之一", "0.25"]),
    (0.75, ["四分之三"]),
    (-5, ["负五", "-5", "負5", "−5"]),
    (-1_200_000, ["负一百二十万", "-1.2M", "- 1,200,000", "负 1,200,000"]),
    (1.5, ["一个半", "1.5"]),
    (2.5, ["两个半"]),
]

NUMBERS_EN = [
    (2, ["two", "Two"]),
    (12, ["twelve", "a dozen"]),
    (21, ["twenty-one", "twenty one"]),
    (105, ["one hundred and five", "one hundred five"]),
    (2500, ["2,500", "two thousand five hundred"]),
    (1_500_000, ["1.5 million", "1.5m", "1.5M"]),
    (3_000_000_000, ["3 billion", "three billion", "3bn", "3 bn", "3 bln"]),
    (250_000_000, ["250 million", "250 mln", "250mln", "0.25 bln"]),
    (1_400_000_000_000, ["1.4 trillion", "1.4 trn", "1.4 tln"]),
    (1_000_000, ["a million", "one million"]),
    (-3.5, ["-3.5"]),
]


@pytest.mark.parametrize("value,text", corpus(NUMBERS_ZH + NUMBERS_EN))
def test_numbers(value, text):
    check(text, "number", {"value": value}, kinds=("number",))


# --------------------------------------------------------------------------- ordinals
ORDINALS = [
    (1, ["第一", "第1", "first", "1st"]),
    (2, ["第二", "第2", "second", "2nd"]),
    (3, ["第三", "3rd", "third"]),
    (11, ["第十一", "第11", "第１１", "11th", "eleventh"]),
    (21, ["第二十一", "第廿一", "21st", "twenty-first"]),
    (91, ["第九十一"]),
    (100, ["第一百", "第100", "100th", "hundredth"]),
]


@pytest.mark.parametrize("value,text", corpus(ORDINALS))
def test_ordinals(value, text):
    check(text, "ordinal", {"value": value})


# --------------------------------------------------------------------------- counts
COUNTS = [
    # a word or two describing the counted noun
    ({"value": 600, "noun": "jobs"}, ["600 new jobs", "600 full-time jobs"]),
    ({"value": 1.2e6, "noun": "purifiers"}, ["1.2 million air purifiers"]),
    ({"value": 3, "unit": "位", "bound": "exact"}, ["3位", "三位", "３位"]),
    ({"value": 1, "unit": "位", "noun": "联合创始人"}, ["一位联合创始人", "1位联合创始人"]),
    ({"value": 75, "unit": "名", "bound": "approx", "low": 67.5, "high": 75}, ["近75名", "将近七十五名", "接近75名"]),
    ({"value": 30, "unit": "家", "bound": "approx"}, ["约30家", "大约三十家", "30家左右", "約30家"]),
    ({"value": 12, "unit": "次", "bound": "exact"}, ["十二次", "12次"]),
    ({"value": 500, "unit": "人", "bound": "more_than"}, ["超过500人", "逾500人", "500多人", "五百余人"]),
    ({"value": 100, "unit": "人", "bound": "at_least"}, ["至少100人", "100人以上", "不少于一百人"]),
    ({"value": 20, "unit": "人", "bound": "less_than"}, ["不到20人", "不足二十人", "少于20人"]),
    # an order of magnitude reached: no exact count
    ({"value": 100, "unit": "名", "bound": "more_than"}, ["过百名", "過百名"]),
    ({"value": 1000, "unit": "人", "bound": "at_least"}, ["上千人"]),
    ({"bound": "between", "low": 11, "high": 19}, ["十几个", "十几家", "十几位"]),
    ({"bound": "between", "low": 20, "high": 90}, ["几十个", "数十家"]),
    ({"bound": "between", "low": 20, "high": 90, "noun": "员工"}, ["数十名员工", "几十名员工"]),
    ({"bound": "between", "low": 20, "high": 30, "unit": "人"}, ["二三十人", "两三十人"]),
    ({"bound": "between", "low": 7, "high": 8, "noun": "公司"}, ["七八家公司"]),
    ({"bound": "between", "low": 110_000, "high": 190_000}, ["十几万人"]),
    ({"bound": "between", "low": 2000, "high": 9000}, ["数千名", "几千名"]),
    # a range of counts: one value, a unit written once applying to both ends
    ({"bound": "between", "low": 52_000, "high": 56_000, "unit": "辆"}, ["5.2万至5.6万辆", "5.2万到5.6万辆", "从5.2万到5.6万辆"]),
    ({"bound": "between", "low": 20_000, "high": 40_000, "unit": "人"}, ["2至4万人", "二至四万人"]),
    ({"bound": "between", "low": 150, "high": 180, "unit": "名"}, ["150至180名", "150-180名"]),
    ({"value": 3, "whole": 11, "unit": "位", "noun": "联合创始人"},
     ["11位联合创始人中仅剩3位", "十一位联合创始人中只剩三位", "11位联合创始人当中，仅剩3位"]),
    ({"value": 743, "whole": 770, "unit": "人", "noun": "员工"}, ["770名员工里有743人", "770名員工裡有743人"]),
    # a number in 万 or 亿 with its noun and no classifier
    ({"value": 2_500_000, "noun": "用户", "bound": "approx"}, ["约250万用户", "大约250万用户"]),
    ({"value": 20_000, "noun": "员工", "bound": "exact"}, ["2万员工", "两万员工"]),
    # English
    ({"value": 5, "unit": "people"}, ["5 people", "five people"]),
    ({"value": 2, "noun": "co-founders"}, ["two co-founders", "2 co-founders"]),
    ({"value": 200, "bound": "more_than", "noun": "employees"}, ["more than 200 employees", "over 200 employees"]),
    ({"value": 30, "bound": "approx", "noun": "companies"}, ["about 30 companies", "around thirty companies"]),
    # a verb of passing a mark bounds what follows it
    ({"value": 40000, "bound": "more_than", "noun": "units"},
     ["topped 40,000 units", "tops 40,000 units", "surpassed 40,000 units", "exceeding 40,000 units"]),
    ({"value": 40000, "bound": "more_than", "unit": "辆"}, ["突破4万辆", "突破四万辆"]),
    ({"value": 3, "whole": 11, "noun": "co-founders"},
     ["3 of 11 co-founders", "three of the 11 co-founders", "3 out of 11 co-founders"]),
    ({"bound": "between", "low": 52_000, "high": 56_000, "noun": "trucks"},
     ["between 52,000 and 56,000 trucks", "52,000 to 56,000 trucks", "52,000-56,000 trucks"]),
    ({"bound": "between", "low": 150, "high": 180, "noun": "jobs"}, ["150 to 180 jobs", "between 150 and 180 jobs"]),
]


@pytest.mark.parametrize("expected,text", corpus(COUNTS))
def test_counts(expected, text):
    check(text, "count", expected)


# --------------------------------------------------------------------------- percentages
PERCENTS = [
    ({"value": 49, "bound": "exact"}, ["49%", "４９％", "百分之四十九", "49 percent", "49 per cent", "49 %"]),
    ({"value": 40}, ["四成", "40%", "百分之四十"]),
    ({"value": 45}, ["四成五", "45%"]),
    ({"value": 49.5}, ["49.5%", "百分之四十九点五"]),
    ({"value": 100}, ["百分之百", "100%", "100 percent"]),
    ({"value": 0.5}, ["0.5%", "百分之零点五"]),
    ({"value": -3}, ["-3%", "负3%"]),
    ({"value": 30, "bound": "approx"}, ["约30%", "30%左右", "about 30%", "around 30 percent", "大约百分之三十"]),
    ({"value": 50, "bound": "more_than"}, ["超过50%", "逾五成", "more than 50%", "over 50 percent"]),
    ({"value": 10, "bound": "less_than"}, ["不到10%", "低于百分之十", "less than 10%", "under 10 percent"]),
    ({"value": 20, "bound": "at_least"}, ["至少20%", "20%以上", "at least 20%"]),
    ({"value": 30}, ["3成", "三成", "30%"]),
    ({"value": 2.3, "points": True}, ["2.3个百分点", "2.3 percentage points"]),
    ({"value": 0.25, "points": True}, ["25个基点", "25 basis points", "25bps"]),
]


@pytest.mark.parametrize("expected,text", corpus(PERCENTS))
def test_percents(expected, text):
    check(text, "percent", expected)


# --------------------------------------------------------------------------- money
MONEY = [
    # currencies
    ({"amount": 1.3e9, "currency": "USD", "bound": "exact"},
     ["13亿美元", "13億美金", "美元13亿", "US$13亿", "$1.3 billion", "US$ 1.3 billion", "1.3 billion dollars",
      "1.3 billion US dollars", "USD 1.3 billion", "$1.3bn", "US$1.3 bln"]),
    ({"amount": 13e9, "currency": "USD"}, ["$13 billion", "130亿美元", "US$13 billion"]),
    # currencies of Asian and Commonwealth desks; crore (10^7) and lakh (10^5) in Indian English
    ({"amount": 2.4e12, "currency": "KRW"}, ["2.4 trillion won", "₩2.4 trillion", "KRW 2.4 trillion"]),
    ({"amount": 8e9, "currency": "INR"}, ["Rs 800 crore", "₹800 crore", "Rs. 800 crore", "800 crore rupees"]),
    ({"amount": 2.5e5, "currency": "INR"}, ["Rs 2.5 lakh", "₹2.5 lakh"]),
    ({"amount": 7.5e8, "currency": "AUD"}, ["A$750 million", "750 million Australian dollars"]),
    ({"amount": 4.2e7, "currency": "SGD"}, ["S$42 million", "SGD 42 million", "42 million Singapore dollars"]),
    ({"amount": 3.1e8, "currency": "CHF"}, ["CHF 310 million", "310 million Swiss francs"]),
    ({"amount": 5e6, "currency": "USD"}, ["US$ 5 million", "$5 million", "500万美元", "$5M", "$5m"]),
    ({"amount": 380e9, "currency": "USD"}, ["3,800 亿美元", "3800億美元", "$380 billion"]),
    ({"amount": 3.14, "currency": "CNY"}, ["3.14人民币", "人民币3.14", "RMB3.14", "RMB 3.14", "3.14 yuan", "CNY 3.14",
                                            "3.14元人民币"]),
    ({"amount": 1e8, "currency": "CNY"}, ["1亿元人民币", "人民币1亿元", "一亿元人民币", "人民币一亿"]),
    ({"amount": 200, "currency": "CNY"}, ["￥200", "人民币200元"]),
    ({"amount": 3.14, "currency": "HKD"}, ["3.14港币", "港币3.14", "3.14港元", "HK$3.14", "港币三个一毫四"]),
    ({"amount": 500, "currency": "TWD"}, ["新台币500元", "500新台币", "NT$500", "新台币五百元", "500元新台币", "台币500元"]),
    ({"amount": 20e6, "currency": "EUR"}, ["2000万欧元", "€20 million", "20 million euros", "欧元2000万"]),
    ({"amount": 1e9, "currency": "GBP"}, ["10亿英镑", "£1 billion", "1 billion pounds"]),
    ({"amount": 5e4, "currency": "JPY"}, ["5万日元", "5万円", "50,000 yen", "5万日圆"]),
    ({"amount": 300, "currency": "KRW"}, ["300韩元"]),
    # a bare 元 or 块 names no currency
    ({"amount": 7, "currency": None}, ["7块", "七元", "七块钱", "7元", "七蚊"]),
    ({"amount": 5.5, "currency": None}, ["5.5元", "五块五", "五元五角"]),
    ({"amount": 1e4, "currency": None}, ["1万元", "一万元", "10,000元"]),
    # subunits
    ({"amount": 0.25, "currency": None}, ["两角五分", "两毛五", "二角五分"]),
    ({"amount": 1.2, "currency": None}, ["一块二角", "一块二", "1元2角", "一元二角"]),
    ({"amount": 3.04, "currency": None}, ["三块零四", "三块四分", "三元零四分"]),
    ({"amount": 5.78, "currency": None}, ["五元七毛八分", "五块七毛八", "5.78元"]),
    # bounds
    ({"amount": 3800e8, "currency": "USD", "bound": "approx"},
     ["约3,800亿美元", "約 3,800 億美元", "大约3800亿美元", "3800亿美元左右", "3800亿美元上下", "about $380 billion",
      "around $380 billion", "roughly $380 billion"]),
    ({"amount": 1e9, "currency": "USD", "bound": "more_than"},
     ["超过10亿美元", "超過10億美元", "逾10亿美元", "over $1 billion", "more than $1 billion", "超10亿美元",
      "topped $1 billion", "exceeded $1 billion", "突破10亿美元"]),
    ({"amount": 1e9, "currency": "USD", "bound": "at_least"}, ["至少10亿美元", "10亿美元以上", "at least $1 billion"]),
    ({"amount": 100, "currency": None, "bound": "at_most"}, ["最多100元", "100元以下", "至多一百元"]),
    ({"amount": 100, "currency": "USD", "bound": "less_than"}, ["不到100美元", "under $100", "less than $100"]),
    ({"amount": 1e9, "currency": "USD", "bound": "approx", "low": 9e8, "high": 1e9}, ["近10亿美元", "将近10亿美元", "nearly $1 billion",
                                                                         "almost $1 billion"]),
    ({"amount": 1.2, "currency": None, "bound": "at_most"}, ["1.2元以下", "最多一块二角", "最多一块二"]),
    # ranges
    ({"low": 5.6, "high": 5.78, "currency": None, "bound": "between"},
     ["5.6到5.78元", "五元六角-五元七毛八分", "五块六到五块七毛八", "5.6至5.78元", "5.6-5.78元"]),
    ({"low": 3e9, "high": 4e9, "currency": None, "bound": "between"}, ["30至40亿元", "30到40亿元", "30亿至40亿元"]),
    ({"low": 3e9, "high": 4e9, "currency": "USD", "bound": "between"},
     ["30至40亿美元", "30亿到40亿美元", "$3 billion to $4 billion", "$3-4 billion", "$3 billion-$4 billion",
      "between $3 billion and $4 billion"]),
    ({"low": 1e4, "high": 5e4, "currency": None, "bound": "between"}, ["1万-5万元", "1万至5万元", "一万到五万元", "1-5万元"]),
    # the units written once after the high end: only those the low end lacks, never making it the larger
    ({"low": 2e9, "high": 3e9, "currency": None, "bound": "between"}, ["二十至三十亿元", "二十亿到三十亿元"]),
    ({"low": 7e6, "high": 8e6, "currency": None, "bound": "between"}, ["七百至八百万元", "七百万至八百万元"]),
    ({"low": 4e7, "high": 9e7, "currency": None, "bound": "between"}, ["四千至九千万元"]),
    ({"low": 1e6, "high": 3e6, "currency": None, "bound": "between"}, ["一到三百万元"]),
    ({"low": 7000, "high": 3e4, "currency": None, "bound": "between"}, ["7000到3万元", "七千到三万元"]),
    # approximate amounts
    ({"low": 2e9, "high": 9e9, "currency": "USD", "bound": "between"}, ["数十亿美元", "几十亿美元"]),
    ({"low": 1.1e9, "high": 1.9e9, "currency": None, "bound": "between"}, ["十几亿元"]),
    ({"low": 2e6, "high": 3e6, "currency": "USD", "bound": "between"}, ["两三百万美元", "二三百万美元"]),
]

MONEY_RESTRICTED = [
    # low-confidence readings: found only when money is asked for (as Duckling restricts dimensions)
    ({"amount": 0.05, "currency": None}, ["五分", "5分", "五仙"]),
    ({"amount": 0.2, "currency": None}, ["2角", "两毛", "两毫", "二十分"]),
    ({"amount": 1.5, "currency": None}, ["个半", "一个半"]),
]


@pytest.mark.parametrize("expected,text", corpus(MONEY))
def test_money(expected, text):
    check(text, "money", expected)


@pytest.mark.parametrize("expected,text", corpus(MONEY_RESTRICTED))
def test_money_restricted(expected, text):
    check(text, "money", expected, kinds=("money",))


def test_yen_sign_reads_by_language():
    # ¥ is the yuan in Chinese text and the yen in English text
    (v,) = [v for v in _values("售价¥200", kinds=("money",))]
    assert v["currency"] == "CNY" and v["amount"] == 200
    (v,) = [v for v in _values("It costs ¥200.", kinds=("money",))]
    assert v["currency"] == "JPY"


def test_money_approx_carries_bounds():
    (v,) = _values("约100亿美元", kinds=("money",))
    assert v["bound"] == "approx" and v["low"] < v["amount"] < v["high"]
    (v,) = _values("约100亿美元", kinds=("money",), approx_tolerance=0.2)
    assert math.isclose(v["low"], 8e9) and math.isclose(v["high"], 12e9)


# --------------------------------------------------------------------------- durations
DURATIONS = [
    ({"value": 5, "unit": "day"}, ["五天", "5天", "5 天", "five days"]),
    ({"value": 9, "unit": "day"}, ["9 天", "九天", "9 days", "nine days"]),
    ({"value": 48, "unit": "hour"}, ["48小时", "48 小時", "四十八小时", "48 hours", "四十八个钟头"]),
    ({"value": 72, "unit": "hour"}, ["72 小時", "72小时", "seventy-two hours"]),
    ({"value": 42, "unit": "month"}, ["三年半", "3年半", "3.5年"]),
    ({"value": 15, "unit": "day"}, ["半个月", "半個月"]),
    ({"value": 2, "unit": "year"}, ["两年", "2年", "two years", "2 years"]),
    ({"value": 10, "unit": "year"}, ["十年", "a decade", "10 years"]),
    ({"value": 3, "unit": "week"}, ["三周", "3个星期", "三个礼拜", "three weeks"]),
    ({"value": 6, "unit": "month"}, ["六个月", "6個月", "半年", "six months"]),
    ({"value": 30, "unit": "minute"}, ["30分钟", "半小时", "三十分鐘", "30 minutes"]),
    ({"value": 90, "unit": "minute"}, ["一个半小时", "1.5小时", "一小时三十分钟", "1.5 hours", "90 minutes"]),
    ({"value": 12, "unit": "hour"}, ["半天", "十二小时", "12 hours"]),
    ({"value": 27, "unit": "month"}, ["两年零三个月", "27个月", "廿七个月", "two years and three months", "2 years, 3 months"]),
    ({"value": 90, "unit": "month"}, ["7年6个月", "七年六个月", "seven years and six months"]),
    ({"value": 14, "unit": "month"}, ["一年零两个月", "a year and two months"]),
    ({"value": 45, "unit": "second"}, ["45秒", "四十五秒钟", "45 seconds"]),
    ({"value": 2, "unit": "day", "bound": "approx"}, ["约两天", "两天左右", "about two days"]),
    ({"value": 3, "unit": "year", "bound": "more_than"}, ["超过三年", "逾3年", "more than three years", "三年多"]),
    ({"value": 10, "unit": "day", "bound": "less_than"}, ["不到10天", "不足十天", "less than 10 days"]),
    ({"value": 1, "unit": "hour"}, ["一小时", "1 hour", "an hour", "一个小时", "一个钟头"]),
    ({"value": 30, "unit": "month"}, ["两年半", "two and a half years", "2.5 years"]),
    ({"value": 30, "unit": "minute"}, ["half an hour", "半个小时"]),
    ({"value": 1, "unit": "month", "bound": "more_than"}, ["一个多月", "一个月多", "more than a month"]),
    ({"value": 10, "unit": "day", "bound": "more_than"}, ["十多天", "十余天", "逾十天"]),
    ({"value": 50, "unit": "year"}, ["半个世纪", "half a century", "50年"]),
]

DURATIONS_RESTRICTED = [
    ({"value": 10, "unit": "month"}, ["10 月", "十月"]),
]


@pytest.mark.parametrize("expected,text", corpus(DURATIONS))
def test_durations(expected, text):
    check(text, "duration", expected)


@pytest.mark.parametrize("expected,text", corpus(DURATIONS_RESTRICTED))
def test_durations_restricted(expected, text):
    check(text, "duration", expected, kinds=("duration",))


# --------------------------------------------------------------------------- dates
def _date(start, end=None, grain="day", **more):
    return {"start": start, "end": end or start, "grain": grain, **more}


DATES_ABSOLUTE = [
    (_date("2024-05-14"), ["2024 年5 月14 日", "2024年5月14日", "2024年5月14号", "二〇二四年五月十四日", "2024-05-14",
                          "2024/5/14", "May 14, 2024", "14 May 2024"]),
    (_date("2015-03-03"), ["2015年3月3号", "二零一五年三月三號", "3/3/2015", "2015-3-3"]),
    (_date("2026-02-09"), ["Feb. 9", "February 9, 2026", "Feb 9", "2月9日", "二月九号"]),
    (_date("2026-02-11", weekday="wednesday"), ["Wed. Feb 11", "Wednesday, Feb. 11", "2月11日（周三）", "2月11日星期三"]),
    (_date("2025-11-20"), ["11月20日", "十一月二十日", "Nov. 20", "November 20"]),
    (_date("2026-02-16"), ["2月16日", "2月16号", "二月十六日", "Feb. 16"]),  # four days ahead: nearer than 2025
    (_date("2026-02-05", day=5), ["5日", "5号", "五号"]),  # a bare day of the month: the month of the base
    (_date("2026-01-28", day=28), ["28日", "二十八号"]),  # ... or the one before, when nearer
    (_date("2024-02-29"), ["2月29日"]),  # the nearest leap year
    (_date("2024-01-01", "2024-12-31", "year"), ["2024年", "二〇二四年"]),
    (_date("2025-05-01", "2025-05-31", "month", month=5), ["2025年5月", "May 2025"]),
    (_date("2024-02-29"), ["2024年2月29日"]),
    # the Republic of China era (Taiwan): 民國113年 is 2024; a bare year from 100 before a month
    (_date("2024-10-08"), ["民國113年10月8日", "中華民國113年10月8日", "113年10月8日"]),
    (_date("2024-01-01", "2024-12-31", "year"), ["民國113年", "民国一百一十三年"]),
    # Taiwan press: the day of the month in parentheses after 昨/今/明
    (_date("2026-02-11"), ["昨（11）日", "昨(11)日"]),
    (_date("2026-02-12"), ["今（12）日"]),
]


@pytest.mark.parametrize("expected,text", corpus(DATES_ABSOLUTE))
def test_dates_absolute(expected, text):
    check(text, "date", expected, base=BASE)


DATES_RELATIVE = [
    (_date("2026-02-12"), ["今天", "今日", "today", "当天"]),
    (_date("2026-02-11"), ["昨天", "昨日", "yesterday"]),
    (_date("2026-02-10"), ["前天", "前日"]),
    (_date("2026-02-13"), ["明天", "tomorrow"]),
    (_date("2026-02-09", weekday="monday"), ["周一", "週一", "星期一", "礼拜一", "禮拜一", "Monday", "这周一", "本周一",
                                             "這週一", "this Monday"]),
    (_date("2026-02-12", weekday="thursday"), ["周四", "星期四", "Thursday"]),  # the base day itself
    (_date("2026-02-06", weekday="friday"), ["周五", "上周五", "星期五", "last Friday", "Friday"]),
    (_date("2026-02-08", weekday="sunday"), ["周日", "星期天", "星期日", "礼拜天", "Sunday"]),
    (_date("2026-02-18", weekday="wednesday"), ["下周三", "下週三", "下星期三", "下个礼拜三", "next Wednesday"]),
    (_date("2026-02-04", weekday="wednesday"), ["上周三", "上星期三", "上礼拜三", "上个星期三"]),
    (_date("2026-02-09", "2026-02-15", "week"), ["本周", "这周", "這週", "本週", "这个星期", "this week", "这一周"]),
    (_date("2026-02-02", "2026-02-08", "week"), ["上周", "上週", "上个星期", "上個禮拜", "last week"]),
    (_date("2026-02-16", "2026-02-22", "week"), ["下周", "下週", "下个星期", "next week"]),
    (_date("2026-02-07", "2026-02-08", "week"), ["周末", "上周末", "週末", "last weekend", "weekend"]),
    (_date("2026-02-01", "2026-02-28", "month"), ["本月", "这个月", "this month", "当月"]),
    (_date("2026-01-01", "2026-01-31", "month"), ["上个月", "上個月", "上月", "last month"]),
    # a month named after last / this / next (BASE is in February 2026): the last one before the
    # base's month, this year's, the next one after it
    (_date("2025-03-01", "2025-03-31", "month"), ["last March"]),
    (_date("2025-02-01", "2025-02-28", "month"), ["last February", "previous February"]),
    (_date("2026-01-01", "2026-01-31", "month"), ["last January", "this January"]),
    (_date("2026-06-01", "2026-06-30", "month"), ["next June", "this June"]),
    (_date("2027-02-01", "2027-02-28", "month"), ["next February"]),
    (_date("2026-03-01", "2026-03-31", "month"), ["下个月", "下月", "next month"]),
    (_date("2026-02-01", "2026-02-10", "month"), ["月初", "本月初", "这个月初"]),
    (_date("2026-02-21", "2026-02-28", "month"), ["月底", "本月底", "月末"]),
    (_date("2026-02-11", "2026-02-20", "month"), ["月中", "本月中旬"]),
    (_date("2026-01-21", "2026-01-31", "month"), ["上个月底", "上月底", "上月下旬"]),
    (_date("2026-01-01", "2026-12-31", "year"), ["今年", "this year", "本年"]),
    (_date("2025-01-01", "2025-12-31", "year"), ["去年", "last year"]),
    (_date("2024-01-01", "2024-12-31", "year"), ["前年"]),
    (_date("2027-01-01", "2027-12-31", "year"), ["明年", "next year"]),
    (_date("2026-01-01", "2026-02-28", "month"), ["年初", "今年初", "今年年初"]),
    (_date("2026-11-01", "2026-12-31", "month"), ["年底", "今年底", "今年年底", "年末", "the end of the year", "year-end",
                                                  "year end", "the end of this year"]),
    (_date("2026-02-21", "2026-02-28", "month"), ["月底", "本月底", "the end of the month", "month-end"]),
    (_date("2026-06-01", "2026-07-31", "month"), ["年中", "今年年中", "the middle of the year", "mid-year"]),
    (_date("2026-02-01", "2026-12-31", "month"), ["later in the year", "later this year"]),
    (_date("2025-11-01", "2025-12-31", "month"), ["去年底", "去年年底", "end of last year", "the end of last year"]),
    (_date("2027-01-01", "2027-02-28", "month"), ["明年初", "the beginning of next year", "the start of next year"]),
    (_date("2026-02-01", "2026-02-12", "month"), ["earlier this month"]),  # from the 1st to the base date
    (_date("2026-02-12", "2026-02-28", "month"), ["later this month"]),
    (_date("2026-01-01", "2026-02-28", "month"), ["earlier this year"]),  # to the base month
    (_date("2026-01-21", "2026-01-31", "month"), ["late last month", "the end of last month"]),
    (_date("2026-03-01", "2026-03-31", "month"), ["今年3月", "今年三月"]),
    (_date("2025-05-01", "2025-05-31", "month"), ["去年5月", "去年五月"]),
    (_date("2027-01-01", "2027-01-31", "month"), ["明年1月", "明年一月"]),
    (_date("2025-05-14"), ["去年5月14日", "去年五月十四号"]),
    (_date("2026-01-01", "2026-06-30", "month"), ["今年上半年", "上半年", "the first half of this year", "the first half of the year"]),
    (_date("2025-07-01", "2025-12-31", "month"), ["去年下半年", "the second half of last year", "second-half 2025", "H2 2025",
                                                  "2025 H2", "the latter half of 2025"]),
    (_date("2025-01-01", "2025-03-31", "month"), ["去年前三个月", "the first three months of last year",
                                                  "the first 3 months of 2025"]),
    (_date("2026-01-22", "2026-01-31", "day"), ["上月最后十天", "the last ten days of last month", "the final 10 days of January"]),
    (_date("2026-03-02", "2026-03-08", "week"), ["下月第一周", "the first week of next month"]),  # its first Monday's
    (_date("2026-03-01", "2026-03-14", "week"), ["下月头两周", "the first two weeks of next month"]),
    (_date("2026-10-01", "2026-12-31", "quarter"), ["今年最后一个季度", "the last quarter of the year", "the final quarter of 2026"]),
    (_date("2026-02-09"), ["三天前", "3天前", "3 天前", "three days ago", "3 days ago"]),
    (_date("2026-02-15"), ["三天后", "3天後", "in three days"]),
    (_date("2024-01-01", "2024-12-31", "year"), ["两年前", "two years ago", "2 years ago"]),
    (_date("2025-12-01", "2025-12-31", "month"), ["两个月前", "two months ago"]),
    (_date("2026-02-02", "2026-02-08", "week"), ["一周前", "a week ago"]),
    (_date("2026-02-12", grain="hour", time="05:00"), ["5小时前", "五个小时前", "five hours ago", "5 hours ago"]),
    (_date("2026-02-12", grain="minute", time="09:30"), ["30分钟前", "30 minutes ago"]),
    # a month that is also a word, after another month and a range word
    (_date("2026-01-01", "2026-03-31", "month"), ["January-March", "January to March", "in January-March"]),
    # a bond's year
    (_date("2031-01-01", "2031-12-31", "year"), ["due 2031", "maturing in 2031"]),
    # a year and 前: before that year (not so many years ago)
    (_date("2031-01-01", "2031-12-31", "year"), ["2031年前", "2031年以前", "2031年之前", "before 2031"]),
    # quarters
    (_date("2025-10-01", "2025-12-31", "quarter"), ["去年第四季度", "去年四季度", "2025年第四季度", "2025年Q4", "Q4 2025",
                                                   "2025Q4", "the fourth quarter of 2025", "上季度", "上个季度",
                                                   "last quarter", "第四季度", "fourth quarter"]),
    (_date("2026-01-01", "2026-03-31", "quarter"), ["本季度", "今年一季度", "今年第一季度", "this quarter", "Q1"]),
    (_date("2026-01-01", "2026-09-30", "quarter"), ["前三季度", "今年前三季度"]),
    # the first months of a year (前4月 is January to April; 4个月前 counts back)
    (_date("2026-01-01", "2026-04-30", "month"), ["前4月", "今年前4月", "今年前四月", "前4月份", "1至4月"]),
    (_date("2025-01-01", "2025-07-31", "month"), ["去年前7月", "2025年前七月"]),
    # a fiscal year with its end stated: the twelve months to that month's end
    (_date("2025-04-01", "2026-03-31", "year"), ["2026财年（截至2026年3月底）", "截至3月底的2026财年",
                                                "fiscal 2026, ending March 2026", "fiscal year 2026, which ended March 31, 2026"]),
    # months named alone
    (_date("2026-01-01", "2026-01-31", "month", month=1), ["1月", "一月", "January", "in January", "since January"]),
    (_date("2026-03-01", "2026-03-10", "month"), ["3月初", "三月初", "3月上旬", "early March"]),
    (_date("2025-06-01", "2025-07-31", "month"), ["mid-2025", "2025年中"]),
    # clock times alone: on the base day
    (_date("2026-02-12", grain="minute", time="20:30"), ["晚上8点半", "晚上8点30分", "晚上20:30", "8:30 p.m."]),
    (_date("2026-02-12", grain="hour", time="15:00"), ["下午3点", "下午三点", "3 p.m.", "3pm"]),
    (_date("2026-02-12", grain="minute", time="10:30"), ["上午10:30", "10点30分", "上午十点半", "10:30 a.m."]),
    # holidays on a fixed day, or counted from Easter
    (_date("2025-10-01", holiday="国庆节"), ["国庆节", "去年国庆节", "2025年国庆节"]),
    (_date("2026-05-01"), ["劳动节", "五一劳动节", "今年五一"]),
    (_date("2025-12-25"), ["圣诞节", "Christmas", "Christmas Day", "去年圣诞"]),
    (_date("2026-04-05", holiday="复活节"), ["复活节", "今年复活节"]),
    (_date("2026-04-03"), ["Good Friday", "耶稣受难日"]),
    # parts of the day
    (_date("2026-02-12", grain="part_of_day", part_of_day="morning"), ["今天早上", "今早", "this morning"]),
    (_date("2026-02-11", grain="part_of_day", part_of_day="evening"), ["昨天晚上", "昨晚", "昨天晚间"]),
    (_date("2026-02-12", grain="part_of_day", part_of_day="early_morning"), ["今天凌晨"]),
    (_date("2026-02-09", grain="part_of_day", part_of_day="evening", weekday="monday"),
     ["周一晚间", "週一晚間", "星期一晚上", "Monday evening", "周一傍晚"]),
    (_date("2026-02-11", grain="part_of_day", part_of_day="afternoon"), ["昨天下午", "yesterday afternoon"]),
    (_date("2026-02-12", grain="hour", time="15:00"), ["今天下午3点", "今天下午三点", "今天15点"]),
    (_date("2026-02-11", grain="minute", time="20:30"), ["昨晚8点半", "昨天晚上8点30分"]),
]


@pytest.mark.parametrize("expected,text", corpus(DATES_RELATIVE))
def test_dates_relative(expected, text):
    check(text, "date", expected, base=BASE)


DATES_FUTURE = [
    (_date("2026-02-16", weekday="monday"), ["周一", "星期一", "Monday"]),
    (_date("2026-02-19", weekday="thursday"), ["周四", "星期四"]),
    (_date("2026-11-20"), ["11月20日", "November 20"]),
    (_date("2026-02-14", "2026-02-15", "week"), ["周末", "weekend"]),
    (_date("2026-03-01", "2026-03-31", "month"), ["3月", "三月"]),
]


@pytest.mark.parametrize("expected,text", corpus(DATES_FUTURE))
def test_dates_prefer_future(expected, text):
    check(text, "date", expected, base=BASE, prefer="future")


DATES_UNANCHORED = [
    ({"start": None, "end": None, "grain": "day", "weekday": "monday"}, ["周一", "週一", "Monday"]),
    ({"start": None, "weekday": "wednesday", "relative": "last_week"}, ["上周三", "上週三"]),
    ({"start": None, "relative": "last_month", "grain": "month"}, ["上个月", "last month"]),
    ({"start": None, "month": 11, "day": 20, "grain": "day"}, ["11月20日", "November 20"]),
    ({"start": None, "days": [21, 31], "relative": "this_month"}, ["月底"]),
    ({"start": "2024-05-14", "end": "2024-05-14"}, ["2024年5月14日"]),  # absolute dates need no base
]


@pytest.mark.parametrize("expected,text", corpus(DATES_UNANCHORED))
def test_dates_without_base_stay_unanchored(expected, text):
    check(text, "date", expected)


DATES_ISSUES = [
    ({"issue": "invalid"}, ["2月30日", "二月三十日", "2025年2月29日", "4月31日", "2026年2月30日"]),
    ({"issue": "weekday mismatch", "weekday": "saturday"}, ["2026年6月1日周六", "2026年6月1日(周六)", "2026年6月1日星期六"]),
    ({"issue": "weekday mismatch", "weekday": "saturday"}, ["Saturday, June 1, 2026"]),
]


@pytest.mark.parametrize("expected,text", corpus(DATES_ISSUES))
def test_dates_with_issues(expected, text):
    forms = [text, to_traditional(text)]
    for form in forms:
        out = [v for v in _values(form, base=BASE) if v["kind"] == "date"]
        assert len(out) == 1, out
        (v,) = out
        assert v["span"] == [0, len(form)], v
        assert expected["issue"] in (v.get("issue") or ""), v
        if "weekday" in expected:
            assert v["weekday"] == expected["weekday"]


def test_day_after_a_range_takes_the_month_before():
    # one value, the range (tests/test_normalize_breadth.py has more)
    for text in ("3月5日至11日", "3月5日到11日", "3月5日-11日"):
        out = [v for v in _values(text, base=BASE) if v["kind"] == "date"]
        assert [(v["start"], v["end"], v["range"]) for v in out] == [("2026-03-05", "2026-03-11", True)]


def test_weekday_after_a_range_is_in_the_same_week():
    out = [v for v in _values("下周一至周五", base=BASE) if v["kind"] == "date"]
    assert [(v["start"], v["end"]) for v in out] == [("2026-02-16", "2026-02-20")]
    out = [v for v in _values("周五到周一", base=BASE) if v["kind"] == "date"]
    assert [(v["start"], v["end"]) for v in out] == [("2026-02-06", "2026-02-09")]


def test_weekday_that_matches_has_no_issue():
    for text in ("2024年6月1日周六", "2024年6月1日（星期六）", "Saturday, June 1, 2024"):
        (v,) = [v for v in _values(text, base=BASE) if v["kind"] == "date"]
        assert v["start"] == "2024-06-01" and v["weekday"] == "saturday" and "issue" not in v, v


def test_a_time_after_a_weekday_in_brackets_is_that_days():
    # 9月13日（周日）晚上8时: one moment, not a date and a bare time on the base's day
    for text in ("2026年9月13日（周日）晚上8时", "2026年9月13日(星期日)晚上8時"):
        (v,) = [v for v in _values(text, base=BASE) if v["kind"] == "date"]
        assert (v["start"], v["time"], v["weekday"]) == ("2026-09-13", "20:00", "sunday"), v


def test_weekday_mismatch_without_year():
    # 6月1日 of the nearest year (2025 with prefer past) was a Sunday
    (v,) = [v for v in _values("6月1日周六", base=BASE) if v["kind"] == "date"]
    assert v["start"] == "2025-06-01" and "weekday mismatch" in v["issue"]


# --------------------------------------------------------------------------- precision
def test_a_year_before_a_noun_is_a_date():
    """"a 2023 leak", "its 2021 listing", "Tam's 2024 arrest": the year, not the number 2023;
    "the 2000 workers" stays a count."""
    for text, year in (("a 2023 leak", 2023), ("the 2019 fire", 2019), ("its 2021 listing", 2021), ("Tam's 2024 arrest", 2024)):
        (v,) = _values(text, base=BASE)
        assert (v["kind"], v["text"], v["start"], v["end"]) == ("date", str(year), f"{year}-01-01", f"{year}-12-31"), v
    assert [v["kind"] for v in _values("the 2000 workers", base=BASE)] == ["count"]


NOTHING = [
    "一些", "统一", "万一", "一起", "一直", "唯一", "一样", "一般", "同一", "一定",
    "十分重要", "千万不要", "三思而后行", "一心一意", "五花八门", "七上八下", "九死一生",
    "You may go.", "It may rain.", "We will march on.",
    "不一而足", "一切", "一旦", "一致", "三点建议", "几个人", "March on", "The Sun reported", "He Sat down",
    "one two three",
]


def test_tenths_before_staff_are_a_share_of_it():
    """两成员工 is 20% of the staff (员工), not two members (成员); 三成员 stays a number."""
    for text in ("两成员工", "兩成員工"):
        (v,) = _values(text, base=BASE)
        assert (v["kind"], v["value"], v["text"]) == ("percent", 20, text[:2])
    assert [v["kind"] for v in _values("三成员", base=BASE)] == ["number"]


def test_a_currency_in_letters_starts_a_word():
    """"Rs 500" is rupees; the "rs" that ends "users" before a number is not."""
    assert [v["kind"] for v in _values("the site's users 500,000 strong", base=BASE)] == ["number"]


@pytest.mark.parametrize("text", NOTHING)
def test_nothing_found(text):
    out = _values(text, base=BASE, min_score=0.5)
    assert out == [], out


NOT_OF_KIND = [
    ("五分", "money"),  # a score or five minutes unless money is asked for
    ("10月", "duration"),  # a month
    ("这个人", "money"),
    ("一个人", "money"),
    ("三个月", "date"),
    ("周一", "duration"),
    ("四成员", "percent"),
    ("成功", "percent"),
    ("五成熟", "percent"),
    ("May I help", "date"),
    ("2026", "duration"),
    ("地铁5号线", "date"),
    ("成立十周年", "duration"),
    ("三年级学生", "duration"),
    ("80年代", "duration"),
    ("今日头条", "date"),
    ("3号楼", "date"),
    ("预计2024年", "duration"),  # a year, not two thousand years
]


@pytest.mark.parametrize("text,kind", NOT_OF_KIND, ids=[t for t, _ in NOT_OF_KIND])
def test_not_of_kind(text, kind):
    out = [v for v in _values(text, base=BASE, min_score=0.5) if v["kind"] == kind]
    assert out == [], out


def test_single_character_noun_is_a_word():
    (v,) = [v for v in _values("约30家人工智能公司") if v["kind"] == "count"]
    assert v["text"] == "约30家" and "noun" not in v


def test_hyphen_is_not_a_minus():
    for text in ("2020-2021", "GPT-4", "COVID-19", "A-1"):
        assert all(v.get("value", 0) >= 0 for v in _values(text)), text
    assert [v["value"] for v in _values("气温-5度") if v["kind"] == "number"] == [-5]
    assert [v["value"] for v in _values("(-5)") if v["kind"] == "number"] == [-5]


def test_later_is_a_duration_for_claims():
    # 三天后 may count from the event told, not from today: the claim pipeline reads a duration
    (v,) = _values("三天后", base=BASE, min_score=0.5)
    assert v["kind"] == "duration" and v["value"] == 3
    (v,) = _values("三天后", base=BASE)
    assert v["kind"] == "date" and v["start"] == "2026-02-15"


# --------------------------------------------------------------------------- in context
def test_article_sentence():
    text = "Anthropic 周四表示，公司估值约3,800亿美元，770名員工里有743人签署了公开信，较上週增长逾五成。"
    out = _values(text, base=BASE, min_score=0.5)
    kinds = [(v["kind"], v["text"]) for v in out]
    assert ("date", "周四") in kinds
    assert ("money", "约3,800亿美元") in kinds
    assert ("count", "770名員工里有743人") in kinds
    assert ("date", "上週") in kinds
    assert ("percent", "逾五成") in kinds
    for v in out:
        assert text[v["span"][0]:v["span"][1]] == v["text"]


def test_english_sentence():
    text = "On Feb. 9, the company said it raised $13 billion, and 3 of 11 co-founders remain after two years."
    out = _values(text, base=BASE, min_score=0.5)
    kinds = {(v["kind"], v["text"]) for v in out}
    assert ("date", "Feb. 9") in kinds
    assert ("money", "$13 billion") in kinds
    assert ("count", "3 of 11 co-founders") in kinds
    assert ("duration", "two years") in kinds
