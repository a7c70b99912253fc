"""Corpus tests for the breadth of Chinese time and money expressions (issue 10), written before
the rules, in the style of Duckling's corpora: each entry is an expected value and the surface
forms that must all be read as it. `check` also tries every Simplified form in Traditional
script, so each family is tested in both scripts. The examples are our own.

Base date: Thursday 2026-02-12 (春节 2026 is 2026-02-17; 2025's was 2025-01-29).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import time

import pytest

from test_normalize_corpus import BASE, _date, _values, check, corpus
from verifier.normalize.engine import analyze
from verifier.text.fold import to_traditional

# --------------------------------------------------------------------------- ranges as one value
DATE_RANGES = [
    (_date("2019-03-01", "2019-06-30", "month"), ["2019年3月至6月", "2019年3月到6月", "2019年3月-6月", "2019年三月至六月"]),
    (_date("2021-04-02", "2021-04-09"), ["自2021-04-02至2021-04-09止", "2021年4月2日至4月9日", "2021年4月2日到9日",
                                         "从2021年4月2日到2021年4月9日", "2021年4月2日至9日"]),
    (_date("2025-10-01", "2026-02-28", "month"), ["去年10月到今年2月", "2025年10月至2026年2月", "去年十月至今年二月"]),
    (_date("2026-03-05", "2026-03-11"), ["3月5日至11日", "3月5日到11日", "3月5日-11日", "三月五日至十一日"]),
    (_date("2026-02-16", "2026-02-20"), ["下周一至周五", "下周一到周五", "下星期一至星期五"]),
    (_date("2019-11-01", "2020-02-29", "month"), ["2019年11月至2月"]),  # the second half rolls to the next year
    (_date("2024-01-01", "2025-12-31", "year"), ["2024年至2025年", "2024年到2025年", "2024-2025年"]),
    (_date("2026-03-01", "2026-06-30", "month"), ["3月份至6月份", "从3月到6月", "3-6月", "今年3月至6月"]),
    (_date("2026-02-10", "2026-02-15"), ["10号到15号", "10日至15日"]),
    (_date("2019-03-01", "2019-06-30", "month"), ["2019年3-6月", "2019年3至6月"]),
    (_date("2026-03-05", "2026-03-11"), ["3月5-11日", "三月五至十一日"]),
]


@pytest.mark.parametrize("expected,text", corpus(DATE_RANGES))
def test_date_ranges(expected, text):
    check(text, "date", {**expected, "range": True}, base=BASE)


def test_date_range_without_base_keeps_its_constraints():
    check("3月5日至11日", "date", {"start": None, "month": 3, "days": [5, 11]})
    check("3月至6月", "date", {"start": None, "months": [3, 6]})


MONEY_RANGES = [
    ({"low": 3000, "high": 5000, "currency": "USD", "bound": "between"}, ["三到五仟美元", "三至五千美元", "3到5千美元"]),
    ({"low": 6000, "high": 20000, "currency": "HKD", "bound": "between"}, ["从6000到2万港元", "6000至20000港元", "六千到两万港元"]),
    ({"low": 30000, "high": 80000, "currency": None, "bound": "between"}, ["3万元--8万元", "3万元至8万元", "3-8万元", "3万~8万元"]),
    ({"low": 40000, "high": 60000, "currency": "HKD", "bound": "between"}, ["4——6万港币", "4至6万港币", "四到六万港币"]),
    ({"low": 400, "high": 500, "currency": None, "bound": "between"}, ["四五百块", "四五百元"]),
    ({"low": 5e6, "high": 8e6, "currency": "CNY", "bound": "between"}, ["人民币500万至800万元", "500万到800万元人民币"]),
]


@pytest.mark.parametrize("expected,text", corpus(MONEY_RANGES))
def test_money_ranges(expected, text):
    check(text, "money", expected)


# --------------------------------------------------------------------------- week and weekday ordinals
WEEK_ORDINALS = [
    # week N of a month: the week (Monday to Sunday) starting on the month's Nth Monday
    (_date("2026-03-16", "2026-03-22", "week"), ["下月第3周", "下个月第三周", "下月的第三周", "下个月的第三个星期"]),
    (_date("2026-01-12", "2026-01-18", "week"), ["今年一月第二周", "2026年1月第二周", "今年1月的第2周"]),
    (_date("2026-03-30", "2026-04-05", "week"), ["下月最后一周", "下个月最后一个星期"]),
    (_date("2025-09-12", weekday="friday"), ["九月份的第二个周五", "9月第二个星期五", "九月的第二个礼拜五", "9月份第2个周五"]),
    (_date("2026-02-27", weekday="friday"), ["本月最后一个周五", "这个月的最后一个星期五"]),
    (_date("2026-03-02", weekday="monday"), ["下月第一个周一", "下个月的第一个星期一"]),
    (_date("2025-05-11", weekday="sunday"), ["去年5月的第二个星期日", "2025年5月第二个周日"]),
    # week N of a year, by the same rule: the week of its Nth Monday
    (_date("2026-03-09", "2026-03-15", "week"), ["今年第10周", "今年的第十周", "2026年第10周"]),
    (_date("2025-01-06", "2025-01-12", "week"), ["去年第一周", "2025年第1周"]),
]


@pytest.mark.parametrize("expected,text", corpus(WEEK_ORDINALS))
def test_week_ordinals(expected, text):
    check(text, "date", expected, base=BASE)


# --------------------------------------------------------------------------- parts of a period
PERIOD_PARTS = [
    (_date("2026-01-01", "2026-03-31", "month"), ["今年前三个月", "今年头三个月", "2026年前3个月"]),
    (_date("2026-01-29", "2026-01-31"), ["上月最后三天", "上个月最后3天", "上月的最后三天"]),
    (_date("2023-01-01", "2023-03-31", "quarter"), ["2023年首季度", "2023年第一季度", "2023年一季度", "2023年首季"]),
    (_date("2026-03-01", "2026-03-31", "month"), ["本季度末", "这个季度末"]),
    (_date("2025-07-01", "2025-07-31", "month"), ["去年三季度初", "去年第三季度初"]),
    (_date("2026-02-01", "2026-02-10"), ["本月前10天", "这个月前十天", "本月头十天"]),
    (_date("2025-11-01", "2025-12-31", "month"), ["去年最后两个月", "去年最后2个月"]),
    (_date("2026-01-01", "2026-01-14", "week"), ["今年前两周", "今年头两个星期"]),
    (_date("2026-02-01", "2026-02-15", "month"), ["本月上半月", "上半月"]),  # like 月初: days of a month
    (_date("2026-01-16", "2026-01-31", "month"), ["上月下半月", "上个月下半月"]),
    (_date("2026-03-01"), ["下个月第一天", "下月的第一天"]),
    (_date("2026-02-28"), ["本月最后一天", "这个月的最后一天"]),
    (_date("2026-03-01", "2026-03-31", "month"), ["今年第三个月"]),
]


@pytest.mark.parametrize("expected,text", corpus(PERIOD_PARTS))
def test_parts_of_a_period(expected, text):
    check(text, "date", expected, base=BASE)


# --------------------------------------------------------------------------- lunar calendar
LUNAR = [
    (_date("2026-02-24", lunar="01-08"), ["正月初八", "农历正月初八", "正月初八日", "农历一月初八"]),
    (_date("2020-10-01", lunar="08-15"), ["二零二零年农历八月十五", "2020年农历八月十五", "2020年农历八月十五日",
                                          "农历2020年八月十五"]),
    (_date("2026-02-18", lunar="01-02"), ["大年初二", "正月初二"]),
    (_date("2026-02-10", lunar="12-23"), ["腊月廿三", "农历腊月二十三", "农历十二月廿三", "腊月二十三日"]),
    (_date("2025-02-12", lunar="01-15"), ["去年正月十五", "2025年正月十五"]),
    (_date("2026-02-17", holiday="春节"), ["春节", "今年春节", "2026年春节"]),
    (_date("2026-02-17"), ["农历新年", "大年初一"]),
    (_date("2025-01-29", holiday="春节"), ["去年春节", "2025年春节"]),
    (_date("2025-10-06", holiday="中秋节"), ["中秋节", "去年中秋节"]),
    (_date("2025-10-06"), ["中秋"]),
    (_date("2008-09-14", holiday="中秋节"), ["2008年中秋节", "二〇〇八年中秋节"]),
    (_date("2025-05-31"), ["端午节", "端午"]),
    (_date("2026-02-16", holiday="除夕"), ["除夕", "今年除夕"]),
    (_date("2026-02-16"), ["大年三十"]),
    (_date("2026-03-03"), ["元宵节", "元宵"]),
    (_date("2025-08-29"), ["七夕", "七夕节"]),
    (_date("2023-04-05", lunar="leap-02-15"), ["2023年闰二月十五", "2023年农历闰二月十五"]),
    # solar terms
    (_date("2026-04-05", holiday="清明节"), ["清明节", "今年清明节"]),
    (_date("2025-12-21"), ["冬至", "去年冬至"]),
]


@pytest.mark.parametrize("expected,text", corpus(LUNAR))
def test_lunar_dates(expected, text):
    check(text, "date", expected, base=BASE)


def test_lunar_date_without_base_is_unanchored():
    check("正月初八", "date", {"start": None, "lunar": "01-08", "month": None, "day": None})
    check("2020年农历八月十五", "date", {"start": "2020-10-01", "lunar": "08-15"})


def test_lunar_holiday_prefer_future():
    check("中秋节", "date", _date("2026-09-25"), base=BASE, prefer="future")


# --------------------------------------------------------------------------- short and bare year formats
SHORT_YEARS = [
    (_date("2017-05-01"), ["17年5月1日", "一七年五月一日", "17年5月1号"]),
    (_date("1989-06-01", "1989-06-30", "month"), ["89年6月", "八九年六月"]),
    (_date("2021-01-01", "2021-12-31", "year"), ["二一年", "二〇二一年"]),
    (_date("1998-01-01", "1998-12-31", "year"), ["九八年"]),
    (_date("2025-04-11"), ["20250411", "2025-04-11"]),
    (_date("2023-10-05"), ["2023 10 05", "2023 10 5"]),
    (_date("2026-03-08"), ["3月8", "三月八", "3月8日"]),
    (_date("2025-11-12"), ["十一月12", "11月12", "十一月十二"]),
    (_date("2025-06-20"), ["六月廿", "6月20"]),
    (_date("2023-10-01", "2023-10-31", "month"), ["23年10月"]),
    (_date("2016-01-01", "2016-12-31", "year"), ["两千零一十六年", "二〇一六年"]),
    (_date("2016-10-01"), ["两千零一十六年十月一日"]),
    (_date("2019-07-01", "2019-09-30", "quarter"), ["19年第三季度", "2019年第三季度"]),
]


@pytest.mark.parametrize("expected,text", corpus(SHORT_YEARS))
def test_short_year_formats(expected, text):
    check(text, "date", expected, base=BASE)


# --------------------------------------------------------------------------- relative words
RELATIVE = [
    (_date("2026-02-02", "2026-02-08", "week"), ["上一个星期", "上一个礼拜", "上一周", "上一星期"]),
    (_date("2026-02-16", "2026-02-22", "week"), ["下一个星期", "下一个礼拜"]),
    (_date("2026-01-26", "2026-02-01", "week"), ["上上周", "上上个星期", "上上个礼拜"]),
    (_date("2026-02-23", "2026-03-01", "week"), ["下下周", "下下个星期"]),
    (_date("2026-01-30", weekday="friday"), ["上上周五", "上上个星期五"]),
    (_date("2026-02-08"), ["大大前天"]),
    (_date("2026-02-16"), ["大大后天"]),
    (_date("2026-02-12"), ["本日", "今儿"]),
    (_date("2026-02-13"), ["明儿", "明儿个"]),
    (_date("2025-12-01", "2025-12-31", "month"), ["上上个月", "上上月"]),
    (_date("2026-04-01", "2026-04-30", "month"), ["下下个月", "下下月"]),
    (_date("2029-01-01", "2029-12-31", "year"), ["大后年"]),
    (_date("2025-12-10"), ["上上个月10号", "上上月10日"]),
    (_date("2026-02-18", weekday="wednesday"), ["下周的周三", "下个星期的星期三"]),
    (_date("2026-03-10"), ["下个月的10号", "下月的十号"]),
    (_date("2027-03-01", "2027-03-31", "month"), ["明年的3月", "明年的三月"]),
]


@pytest.mark.parametrize("expected,text", corpus(RELATIVE))
def test_relative_words(expected, text):
    check(text, "date", expected, base=BASE)


# --------------------------------------------------------------------------- money: currencies, 多 and 个
MONEY = [
    ({"amount": 5000, "currency": "VND"}, ["5000越南盾", "越南盾5000", "五千越南盾"]),
    ({"amount": 5000, "currency": "KRW"}, ["5000元韩币", "5000韩币", "韩币5000元", "5000韩元"]),
    ({"amount": 3e8, "currency": "JPY"}, ["三个亿日元", "3亿日元", "三亿日元", "3个亿日元"]),
    ({"amount": 2000, "currency": "GBP", "bound": "more_than", "low": 2000, "high": None},
     ["2000多英镑", "两千多英镑", "2000余英镑"]),
    ({"amount": 20, "currency": "USD", "bound": "more_than"}, ["二十多美元", "20多美元"]),
    ({"amount": 100, "currency": "THB"}, ["100泰铢", "一百泰铢"]),
    ({"amount": 50, "currency": "SGD"}, ["50新元", "50新币", "50新加坡元"]),
    ({"amount": 80, "currency": "AUD"}, ["80澳元", "80澳币"]),
    ({"amount": 30, "currency": "MOP"}, ["30澳门元", "30澳门币"]),
    ({"amount": 1e6, "currency": "INR"}, ["100万印度卢比"]),
    ({"amount": 200, "currency": "CHF"}, ["200瑞士法郎", "200瑞郎"]),
    ({"amount": 7e6, "currency": "IDR"}, ["700万印尼盾"]),
    ({"amount": 1e5, "currency": "PHP"}, ["10万菲律宾比索"]),
    ({"amount": 300, "currency": "MYR"}, ["300林吉特", "300马币"]),
    ({"amount": 60, "currency": "USD"}, ["60美刀"]),
    ({"amount": 1e9, "currency": "USD", "bound": "approx"}, ["约合10亿美元"]),
    ({"amount": 0.5, "currency": "USD"}, ["50美分", "五十美分"]),
    ({"amount": 0.3, "currency": "GBP"}, ["30便士", "30 pence"]),
    ({"amount": 0.54, "currency": None}, ["54 cents"]),
    ({"amount": 1.2e9, "currency": "MYR"}, ["RM1.2 billion", "1.2 billion ringgit"]),
    ({"amount": 3e10, "currency": "THB"}, ["฿30 billion", "30 billion baht"]),  # a dollar's or a euro's: the word does not say
    ({"amount": 0.2, "currency": "EUR", "bound": "approx"}, ["about 20 euro cents"]),
    ({"amount": 0.5, "currency": None}, ["5毛钱", "五毛钱", "5角钱"]),
    ({"amount": 2.5, "currency": None}, ["两块五毛钱"]),
    ({"amount": 1e4, "currency": None, "bound": "at_least"}, ["上万元", "上万块"]),
    ({"amount": 1e7, "currency": "USD", "bound": "at_least"}, ["上千万美元"]),
    ({"amount": 200, "currency": "EUR"}, ["200欧", "200欧元"]),
]


@pytest.mark.parametrize("expected,text", corpus(MONEY))
def test_money_currencies(expected, text):
    check(text, "money", expected)


MONEY_RESTRICTED = [
    # no currency named: money only when money alone is asked for (otherwise a number)
    ({"amount": 5e6, "currency": None, "bound": "exact"}, ["五百万", "500万"]),
    ({"amount": 3e5, "currency": None, "bound": "more_than"}, ["大于30万", "超过30万"]),
    ({"amount": 3e5, "currency": None, "bound": "at_least"}, ["30万以上", "不低于30万"]),
    ({"amount": 2e5, "currency": None, "bound": "approx"}, ["20w左右", "20W左右", "20万左右", "约20w"]),
    ({"amount": 1.5e5, "currency": None}, ["15w", "15万"]),
    ({"amount": 2e4, "currency": None, "bound": "approx"}, ["20k左右", "约20k", "2万左右"]),
    # vague amounts: a range (几/数 = 2 to 9 of the unit; N十几 = N1 to N9)
    ({"low": 2e6, "high": 9e6, "currency": None, "bound": "between"}, ["几百万", "数百万"]),
    ({"low": 2e10, "high": 9e10, "currency": None, "bound": "between"}, ["数百亿", "几百亿"]),
    ({"low": 21e4, "high": 29e4, "currency": None, "bound": "between"}, ["二十几万", "二十几万元"]),
    ({"low": 21, "high": 29, "currency": None, "bound": "between"}, ["二十几块", "二十几元"]),
    ({"low": 2e6, "high": 9e6, "currency": "USD", "bound": "between"}, ["几百万美元", "数百万美元"]),
]


@pytest.mark.parametrize("expected,text", corpus(MONEY_RESTRICTED))
def test_money_restricted(expected, text):
    check(text, "money", expected, kinds=("money",))


def test_bare_amount_is_a_number_unless_money_is_asked_for():
    assert [v["kind"] for v in _values("五百万")] == ["number"]
    assert "money" not in [v["kind"] for v in _values("大于30万")]


PERCENTS = [
    ({"bound": "between", "low": 21, "high": 29, "points": True}, ["二十几个百分点"]),
    ({"bound": "between", "low": 11, "high": 19}, ["百分之十几"]),
    ({"bound": "between", "low": 20, "high": 30}, ["百分之二三十"]),
]


@pytest.mark.parametrize("expected,text", corpus(PERCENTS))
def test_vague_percents(expected, text):
    check(text, "percent", expected)


COUNTS = [
    ({"bound": "between", "low": 21, "high": 29, "unit": "个"}, ["二十几个"]),
    ({"bound": "between", "low": 31, "high": 39, "unit": "人"}, ["三十几人"]),
]


@pytest.mark.parametrize("expected,text", corpus(COUNTS))
def test_vague_counts(expected, text):
    check(text, "count", expected)


# --------------------------------------------------------------------------- formal financial numerals
FINANCIAL_MONEY = [
    ({"amount": 25, "currency": None}, ["贰拾伍元整", "贰拾伍圆整", "贰拾伍元正"]),
    ({"amount": 25, "currency": "CNY"}, ["人民币贰拾伍元整", "人民币贰拾伍圆整"]),
    ({"amount": 8432.56, "currency": None}, ["捌仟肆佰叁拾贰圆伍角陆分", "捌仟肆佰叁拾贰元伍角陆分"]),
    ({"amount": 10500, "currency": None}, ["壹万零伍佰元整", "壹万零伍佰圆整"]),
    ({"amount": 1234567.8, "currency": "CNY"}, ["人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角"]),
]


@pytest.mark.parametrize("expected,text", corpus(FINANCIAL_MONEY))
def test_financial_money(expected, text):
    check(text, "money", expected)


FINANCIAL_NUMBERS = [
    (8432, ["捌仟肆佰叁拾贰"]),
    (25, ["贰拾伍"]),
    (123456, ["壹拾贰万叁仟肆佰伍拾陆"]),
    (1000000, ["壹佰万"]),
    (10500, ["壹万零伍佰"]),
    (8432.56, ["捌仟肆佰叁拾贰点伍陆"]),
]


@pytest.mark.parametrize("value,text", corpus(FINANCIAL_NUMBERS))
def test_financial_numbers(value, text):
    check(text, "number", {"value": value}, kinds=("number",))


# --------------------------------------------------------------------------- precision
NOT_OF_KIND = [
    ("17年", "date"),  # seventeen years
    ("有两千年历史", "date"),
    ("两千三百年", "date"),
    ("2020年代", "date"),  # a decade
    ("12345678", "date"),  # no month 34
    ("初八", "money"),
    ("五百万", "money"),  # a number unless money alone is asked for
]


@pytest.mark.parametrize("text,kind", NOT_OF_KIND, ids=[t for t, _ in NOT_OF_KIND])
def test_not_of_kind(text, kind):
    out = [v for v in _values(text, base=BASE, min_score=0.5) if v["kind"] == kind]
    assert out == [], out


def test_a_day_without_its_suffix_is_not_read_before_a_count():
    texts = [v["text"] for v in _values("3月8名员工离职", base=BASE) if v["kind"] == "date"]
    assert texts == ["3月"], texts


def test_range_ends_are_one_value_in_a_sentence():
    out = _values("该展览自2021年4月2日至4月9日止，票价从60到120元不等。", base=BASE)
    kinds = [(v["kind"], v["text"]) for v in out]
    assert ("date", "自2021年4月2日至4月9日止") in kinds
    assert ("money", "从60到120元") in kinds


# --------------------------------------------------------------------------- cost grows linearly
def _cpu_time(text: str) -> float:
    t0 = time.process_time()
    analyze(text, base=BASE, kinds=("date",))
    return time.process_time() - t0


def _ratio(small: str, large: str, rounds: int = 3) -> float:
    """CPU time of `large` over that of `small`: the least of runs taken in turns (a loaded
    machine slows both sizes alike), garbage collection off (its own cost grows with the
    objects alive, not with this code's work)."""
    best_small = best_large = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            best_small = min(best_small, *(_cpu_time(small) for _ in range(3)))
            best_large = min(best_large, _cpu_time(large))
    finally:
        gc.enable()
    return best_large / max(best_small, 1e-3)


@pytest.mark.parametrize("unit,n", [("周一 ", 1000), ("6月1日周六，", 150), ("3月5日至11日，", 150)])
def test_many_dates_on_one_line_cost_linear_time(unit, n):
    # each bare weekday used to scan every earlier date: 10x the input cost 60-70x the time.
    # A measure spoiled by a burst of load elsewhere is taken again (twice at most); a cost
    # growing with the square of the input fails every time.
    small, large = unit * n, unit * (10 * n)
    analyze(small, base=BASE, kinds=("date",))  # warm up
    ratios = []
    for _ in range(3):
        ratios.append(_ratio(small, large))
        if ratios[-1] <= 15:
            break
    assert min(ratios) <= 15, f"10x the input took {', '.join(f'{r:.1f}' for r in ratios)}x the time"


# --------------------------------------------------------------------------- through the command
def test_command_reads_financial_numerals_and_ranges(capsys):
    from verifier.cli import main

    assert main(["normalize", "--kind", "number", "捌仟肆佰叁拾贰"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(v["kind"], v["value"]) for v in record["values"]] == [("number", 8432)]
    assert main(["normalize", "--kind", "money", "貳拾伍元整", "五百萬"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(v["amount"], v["span"]) for r in records for v in r["values"]] == [(25, [0, 5]), (5000000, [0, 3])]
    assert main(["normalize", "--base", "2026-02-12", "2019年3月至6月"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    (value,) = record["values"]
    assert (value["start"], value["end"], value["range"]) == ("2019-03-01", "2019-06-30", True)


RISES = [
    # (text, the percentage it rises by)
    ("净利润同比增长1.5倍", 150),
    ("营收增长了2倍", 200),
    ("销量翻倍", 100),
    ("用户数翻了两番", 300),
    ("营收增加了一倍", 100),
    ("revenue doubled", 100),
    ("profit tripled", 200),
]


@pytest.mark.parametrize("text,rise", RISES, ids=[t for t, _ in RISES])
def test_a_rise_by_a_multiple_is_a_percentage(text, rise):
    for form in {text, to_traditional(text)}:
        out = [v for v in _values(form, base=BASE) if v["kind"] == "percent"]
        assert [v["value"] for v in out] == [rise], (form, out)


@pytest.mark.parametrize("text", ["营收增长到1.5倍", "营收是去年的2.5倍", "股价为净资产的3倍"])
def test_times_as_much_is_no_rise(text):
    assert not [v for v in _values(text, base=BASE) if v["kind"] == "percent"], text


FISCAL_YEARS = [
    ("FY2025", 2025), ("FY25", 2025), ("fiscal 2025", 2025), ("fiscal year 2024", 2024), ("the 2025 fiscal year", 2025),
    ("2025财年", 2025), ("2024财政年度", 2024), ("114年度", 2025), ("民國113年度", 2024),
]


@pytest.mark.parametrize("text,year", FISCAL_YEARS, ids=[t for t, _ in FISCAL_YEARS])
def test_a_fiscal_year_is_read_as_its_year(text, year):
    """A fiscal year is a year (a figure of FY2024 and one of FY2025 are of two periods), not a
    number; a Taiwan 年度 after a three-digit era year is the era's."""
    for form in {text, to_traditional(text)}:
        dates = [v for v in _values(form, base=BASE) if v["kind"] == "date"]
        assert [v.get("year") for v in dates] == [year], (form, dates)


def test_a_three_digit_number_of_years_is_still_a_duration():
    assert [v["kind"] for v in _values("这家公司已有114年历史", base=BASE)] == ["duration"]


YEARS_TO = [
    ("the year ended March 31", "2025-04-01", "2026-03-31"),
    ("fiscal year ending June 30, 2025", "2024-07-01", "2025-06-30"),
    ("截至3月31日的财年", "2025-04-01", "2026-03-31"),
    ("in the year to March", "2025-04-01", "2026-03-31"),
    ("the six months to March 31", "2025-10-01", "2026-03-31"),
    ("the quarter ended March 31", "2026-01-01", "2026-03-31"),
    ("截至3月31日止六个月", "2025-10-01", "2026-03-31"),
    ("截至2025年6月30日止年度", "2024-07-01", "2025-06-30"),
]


@pytest.mark.parametrize("text,start,end", YEARS_TO, ids=[t for t, _, _ in YEARS_TO])
def test_the_months_to_a_day_are_the_span_before_it(text, start, end):
    base = dt.datetime(2026, 5, 20, 10, 0)
    for form in {text, to_traditional(text)}:
        dates = [v for v in _values(form, base=base) if v["kind"] == "date"]
        assert [(v["start"], v["end"]) for v in dates] == [(start, end)], (form, dates)


def test_a_day_after_jiezhi_alone_is_still_a_day():
    dates = [v for v in _values("截至3月31日，公司现金为412亿元", base=BASE) if v["kind"] == "date"]
    assert [v["grain"] for v in dates] == ["day"], dates


@pytest.mark.parametrize("text", ["the 63-year-old executive", "a 120-year-old company", "she is 63 years old"])
def test_an_age_is_no_duration(text):
    assert not [v for v in _values(text, base=BASE) if v["kind"] == "duration"], text


@pytest.mark.parametrize("text", ["FY2025-26", "FY 2025/26", "the 2025-26 fiscal year", "2025/26财年"])
def test_a_fiscal_year_into_the_next_is_both_years(text):
    for form in {text, to_traditional(text)}:
        dates = [v for v in _values(form, base=BASE) if v["kind"] == "date"]
        assert [(v["start"], v["end"]) for v in dates] == [("2025-01-01", "2026-12-31")], (form, dates)


@pytest.mark.parametrize("text", ["高于前一年的440万英镑", "比上一年增加", "同一天", "这一年里"])
def test_one_unit_after_a_word_of_another_time_is_no_length(text):
    """前一年 is the year before, not a year's length (一年 alone still is one)."""
    assert not any(f.value.kind == "duration" for f in analyze(text, base=BASE)), analyze(text, base=BASE)


@pytest.mark.parametrize("text", ["任职一年", "为期一年", "前三年"])
def test_a_length_of_one_unit_or_more_stays_a_length(text):
    assert any(f.value.kind == "duration" for f in analyze(text, base=BASE)), analyze(text, base=BASE)


@pytest.mark.parametrize("text, currency", [
    ("T$16.8 billion", "TWD"), ("NZ$1.2 million", "NZD"), ("R$10 million", "BRL"), ("Mex$5 million", "MXN"),
    ("SEK 3 billion", "SEK"),
])
def test_more_dollar_signs_and_codes(text, currency):
    found = [f for f in analyze(text, base=BASE) if f.value.kind == "money"]
    assert found and found[0].text == text and found[0].value.currency == currency, found


@pytest.mark.parametrize("text, start, end", [
    ("its first-half loss", "2026-01-01", "2026-06-30"),
    ("in the second half", "2026-07-01", "2026-12-31"),
])
def test_a_half_of_a_year_without_its_year_is_the_nearest_one(text, start, end):
    found = [f for f in analyze(text, base=dt.date(2026, 5, 20)) if f.value.kind == "date"]
    assert found and (found[0].value.start, found[0].value.end) == (start, end), found


def test_a_half_of_something_else_is_no_date():
    assert not any(f.value.kind == "date" for f in analyze("the first half of an hour", base=BASE))


@pytest.mark.parametrize("text, start, end", [("by end-March", "2026-03-21", "2026-03-31"),
                                              ("start-April", "2026-04-01", "2026-04-10")])
def test_a_part_of_a_month_joined_to_it(text, start, end):
    found = [f for f in analyze(text, base=dt.date(2026, 3, 11)) if f.value.kind == "date"]
    assert found and (found[0].value.start, found[0].value.end) == (start, end), found


@pytest.mark.parametrize("text, low, high, bound", [
    ("a $5.6-billion deal", 5.6e9, 5.6e9, "exact"),
    ("$1.2 billion-plus", 1.2e9, None, "at_least"),
    ("$5-10 million", 5e6, 1e7, "between"),
])
def test_a_scale_word_joined_by_a_hyphen(text, low, high, bound):
    (found,) = [f for f in analyze(text, base=BASE) if f.value.kind == "money"]
    assert (found.value.low, found.value.high, found.value.bound) == (low, high, bound), found


@pytest.mark.parametrize("text, value", [("a third of its staff", 33.3), ("one in five jobs", 20), ("two out of three", 66.7),
                                         ("a tenth of its workforce", 10)])
def test_a_share_in_words_is_a_percentage(text, value):
    found = [f for f in analyze(text, base=BASE) if f.value.kind == "percent"]
    assert found and found[0].value.value == value, analyze(text, base=BASE)
