"""Property tests for the normalizers (hypothesis).

- every integer 0 <= n < 10^16 written as a Chinese numeral (both scripts, financial forms,
  the conventional reading with 零 for gaps) reads back as n; the numerals are written by a
  generator here, independent of the parser;
- folding Traditional <-> Simplified never changes a value;
- low <= value <= high for every bound;
- a date value's start <= end, and its stated weekday is its start's when the grain is a day
  (or the mismatch is reported);
- offsets always slice to the value's text, and arbitrary text never raises.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.lang import lang
from verifier.normalize import base as recognizer_base
from verifier.normalize.engine import analyze
from verifier.normalize.values import QUANTITY_KINDS, WEEKDAYS
from verifier.text.fold import to_simplified, to_traditional

# VERIFIER_HYPOTHESIS_SCALE=20 runs twenty times as many examples (for a deeper search).
SCALE = float(os.environ.get("VERIFIER_HYPOTHESIS_SCALE", "1"))


def examples(n: int) -> settings:
    return settings(max_examples=max(1, int(n * SCALE)), deadline=None, suppress_health_check=[HealthCheck.too_slow])


FAST = examples(150)


@pytest.fixture(autouse=True, scope="module")
def _strict():
    """A build that raises fails the test instead of being skipped."""
    recognizer_base.STRICT = True
    yield
    recognizer_base.STRICT = False


# --------------------------------------------------------------------------- Chinese numerals
SCRIPTS = {
    "simplified": {"digits": "零一二三四五六七八九", "units": "十百千", "big": "万亿", "two": "两"},
    "traditional": {"digits": "零一二三四五六七八九", "units": "十百千", "big": "萬億", "two": "兩"},
    "financial_simplified": {"digits": "零壹贰叁肆伍陆柒捌玖", "units": "拾佰仟", "big": "万亿", "two": None},
    "financial_traditional": {"digits": "零壹貳參肆伍陸柒捌玖", "units": "拾佰仟", "big": "萬億", "two": None},
}


def _four(k: int, s: dict, leading: bool, short_ten: bool, liang: bool) -> str:
    """1 <= k <= 9999 in one section: 三千零五, 一十五 (十五 when it opens the numeral)."""
    digits = (k // 1000, k // 100 % 10, k // 10 % 10, k % 10)
    units = (s["units"][2], s["units"][1], s["units"][0], "")
    out, started, gap = "", False, False
    for i, d in enumerate(digits):
        if d == 0:
            gap = gap or started
            continue
        if gap:
            out += s["digits"][0]
            gap = False
        if i == 2 and d == 1 and leading and not started and short_ten:
            out += units[i]  # 十五, not 一十五, at the very start
        elif d == 2 and i in (0, 1) and liang and s["two"]:
            out += s["two"] + units[i]  # 两千, 两百
        else:
            out += s["digits"][d] + units[i]
        started = True
    return out


def _eight(k: int, s: dict, leading: bool, short_ten: bool, liang: bool) -> str:
    """1 <= k < 10^8: [section 万] [零] section."""
    hi, lo = divmod(k, 10_000)
    out = ""
    if hi:
        out += _four(hi, s, leading, short_ten, liang) + s["big"][0]
    if lo:
        if hi and lo < 1000:
            out += s["digits"][0]
        out += _four(lo, s, leading and not hi, short_ten, liang)
    return out


def chinese_numeral(n: int, script: str = "simplified", short_ten: bool = True, liang: bool = False) -> str:
    """The conventional reading of 0 <= n < 10^16, 零 marking gaps: 一万亿零五."""
    s = SCRIPTS[script]
    if n == 0:
        return s["digits"][0]
    top, rest = divmod(n, 10**8)
    out = ""
    if top:
        out += _eight(top, s, True, short_ten, liang) + s["big"][1]
    if rest:
        if top and rest < 10**7:
            out += s["digits"][0]
        out += _eight(rest, s, not top, short_ten, liang)
    return out


def test_generator_examples():
    assert chinese_numeral(0) == "零"
    assert chinese_numeral(15) == "十五"
    assert chinese_numeral(10015) == "一万零一十五"
    assert chinese_numeral(203) == "二百零三"
    assert chinese_numeral(1_0000_0000_0005) == "一万亿零五"
    assert chinese_numeral(34567, "financial_traditional") == "參萬肆仟伍佰陸拾柒"
    assert chinese_numeral(2200, liang=True) == "两千两百"
    assert chinese_numeral(1234_5678_9012_3456) == "一千二百三十四万五千六百七十八亿九千零一十二万三千四百五十六"


def _read_number(text: str):
    found = analyze(text, kinds=("number",))
    whole = [f for f in found if f.start == 0 and f.end == len(text)]
    assert whole, f"{text!r} not read whole: {found}"
    return whole[0].value.value


@examples(400)
@given(
    n=st.one_of(st.integers(0, 10**16 - 1), st.integers(0, 10**5), st.integers(0, 10**9)),
    script=st.sampled_from(sorted(SCRIPTS)),
    short_ten=st.booleans(),
    liang=st.booleans(),
)
def test_chinese_numerals_read_back(n, script, short_ten, liang):
    text = chinese_numeral(n, script, short_ten, liang)
    value = _read_number(text)
    assert isinstance(value, int) and value == n, (text, value)


@FAST
@given(n=st.integers(0, 10**16 - 1), grouped=st.booleans(), wide=st.booleans())
def test_arabic_numerals_read_back(n, grouped, wide):
    text = f"{n:,}" if grouped else str(n)
    if wide:  # full-width digits and commas: １２３，４５６
        text = text.translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
    assert _read_number(text) == n


# --------------------------------------------------------------------------- folding
FRAGMENTS = [
    "约", "3,800", "亿", "美元", "近", "75", "名", "员工", "里", "有", "743", "人", "周一", "上周三", "晚间",
    "百分之四十九", "四成", "三年半", "11月20日", "2月30日", "6月1日", "周六", "月底", "去年", "人民币",
    "两毛五", "十几", "位", "联合创始人", "中", "仅剩", "3", "，", "。", " ", "超过", "左右", "万", "千", "五",
    "天", "小时", "后", "前", "以上", "发", "台币", "只", "几", "个", "港元", "欧元", "英镑", "日元", "新台币",
    "礼拜", "这", "下", "个月", "年初", "今年", "明年", "凌晨", "早上", "半", "两", "十", "亿元", "元", "块",
    "至", "到", "-", "30", "40", "最多", "不到", "逾", "至少", "以下", "上下", "第", "十一", "家", "次",
    "公司", "表示", "宣布", "估值", "融资", "2024年", "5月14日", "星期天", "本周", "下个月", "一些", "统一",
]

fragment_text = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=14).map("".join)


def _comparable(found) -> list[tuple]:
    return [(f.start, f.end, f.value.model_dump_json()) for f in found]


@FAST
@given(text=fragment_text, prefer=st.sampled_from(["past", "future"]))
def test_folding_never_changes_a_value(text, prefer):
    base = dt.datetime(2026, 2, 12, 10)
    simplified = to_simplified(text)
    traditional = to_traditional(simplified)
    assert len(traditional) == len(simplified)
    a = analyze(simplified, base=base, prefer=prefer)
    b = analyze(traditional, base=base, prefer=prefer)
    assert _comparable(a) == _comparable(b), (simplified, traditional)


# --------------------------------------------------------------------------- bounds
ZH_QUALIFIERS = ["", "约", "大约", "至少", "超过", "逾", "最多", "不到", "近", "将近", "不少于"]
ZH_AFTER = ["", "左右", "上下", "以上", "以下", "多", "余"]
ZH_UNITS = ["元", "美元", "亿美元", "万元", "%", "名", "人", "家", "位", "天", "年", "个月", "小时", "亿元人民币"]
EN_QUALIFIERS = ["", "about ", "around ", "at least ", "more than ", "over ", "at most ", "up to ", "less than ",
                 "under ", "nearly ", "almost "]
EN_UNITS = [" percent", "%", " people", " employees", " days", " years", " hours", " million dollars"]


def _number_text(n: int, decimals: int, chinese: bool) -> str:
    if chinese:
        return chinese_numeral(n)
    return f"{n}.{decimals}" if decimals else str(n)


quantity_text = st.one_of(
    st.builds(
        lambda q, n, dec, zh, unit, after: f"{q}{_number_text(n, dec, zh)}{unit}{after}",
        st.sampled_from(ZH_QUALIFIERS), st.integers(0, 10**6), st.integers(0, 99), st.booleans(),
        st.sampled_from(ZH_UNITS), st.sampled_from(ZH_AFTER),
    ),
    st.builds(
        lambda q, sign, n, unit: f"{q}{sign}{n}{unit}",
        st.sampled_from(EN_QUALIFIERS), st.sampled_from(["", "$", "-"]), st.integers(0, 10**6),
        st.sampled_from(EN_UNITS),
    ),
    st.builds(
        lambda lo, hi, unit, sep: f"{lo}{sep}{hi}{unit}",
        st.integers(0, 1000), st.integers(0, 1000), st.sampled_from(["元", "亿元", "万元", "美元", "亿美元"]),
        st.sampled_from(["到", "至", "-", "~"]),
    ),
)


@FAST
@given(text=quantity_text, tolerance=st.floats(0, 0.5))
def test_low_le_value_le_high(text, tolerance):
    for f in analyze(text, approx_tolerance=tolerance):
        v = f.value
        if v.kind not in QUANTITY_KINDS:
            continue
        point = v.amount if v.kind == "money" else v.value
        if v.bound == "between":
            assert v.low is not None and v.high is not None and v.low <= v.high, (text, v)
            continue
        assert point is not None, (text, v)
        if v.low is not None:
            assert v.low <= point, (text, v)
        if v.high is not None:
            assert point <= v.high, (text, v)
        if v.bound == "exact":
            assert v.low == v.high == point, (text, v)


# --------------------------------------------------------------------------- dates
ZH_WEEKDAYS = "一二三四五六日"
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]


def _date_text(kind: int, y: int, m: int, d: int, w: int, prefix: str) -> str:
    return [
        f"{y}年{m}月{d}日",
        f"{m}月{d}日",
        f"{y}年{m}月{d}日周{ZH_WEEKDAYS[w]}",
        f"{m}月{d}日（星期{ZH_WEEKDAYS[w]}）",
        f"{prefix}周{ZH_WEEKDAYS[w]}",
        f"{prefix}礼拜{ZH_WEEKDAYS[w]}晚上",
        f"{EN_WEEKDAYS[w]}, {EN_MONTHS[m - 1]} {d}, {y}",
        f"{EN_MONTHS[m - 1]} {d}",
        f"{EN_WEEKDAYS[w]} evening",
        f"{y}年{m}月",
        f"{m}月初",
        f"{d}日",
        f"{d}号周{ZH_WEEKDAYS[w]}",
        f"{y}年底",
        f"{d}天前",
        f"{prefix}个月{d}号",
    ][kind]


date_text = st.builds(
    _date_text, st.integers(0, 15), st.integers(1990, 2040), st.integers(1, 12), st.integers(1, 31),
    st.integers(0, 6), st.sampled_from(["", "上", "下", "这", "本", "上个", "下个"]),
)
bases = st.datetimes(min_value=dt.datetime(1995, 1, 1), max_value=dt.datetime(2035, 12, 31))


@FAST
@given(text=date_text, base=st.one_of(st.none(), bases), prefer=st.sampled_from(["past", "future"]))
def test_dates_are_coherent(text, base, prefer):
    for f in analyze(text, base=base, prefer=prefer, kinds=("date",)):
        v = f.value
        if v.start is None:
            assert v.end is None
            continue
        start, end = dt.date.fromisoformat(v.start), dt.date.fromisoformat(v.end)
        assert start <= end, (text, v)
        if v.grain in ("day", "part_of_day", "hour", "minute"):
            assert start == end, (text, v)
            if v.weekday in WEEKDAYS:
                assert WEEKDAYS[start.weekday()] == v.weekday or "weekday mismatch" in (v.issue or ""), (text, v)


@FAST
@given(y=st.integers(1990, 2040), m=st.integers(1, 12), d=st.integers(1, 31), w=st.integers(0, 6))
def test_weekday_mismatch_is_reported_exactly_when_wrong(y, m, d, w):
    text = f"{y}年{m}月{d}日周{ZH_WEEKDAYS[w]}"
    (v,) = [f.value for f in analyze(text, kinds=("date",))]
    try:
        real = dt.date(y, m, d)
    except ValueError:
        assert "invalid" in v.issue
        return
    assert v.start == real.isoformat()
    assert ("weekday mismatch" in (v.issue or "")) == (real.weekday() != w)


# --------------------------------------------------------------------------- offsets, robustness
NEWSY = "〇零一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟廿卅半点分之第个位名人家元块角毛美港币" \
        "约近逾超至到以上下左右多余几数周星期礼拜日天月年号前后今明去上本这凌晨早晚间时秒钟小%％$¥￥€£,.，。" \
        "0123456789０１２３４５６７８９ -~—kKmMbB萬億兩週禮後與臺"
arbitrary_text = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=NEWSY, max_size=40),
    st.text(alphabet=NEWSY + "abcdefghijklmnopqrstuvwxyzAFJMNOSTW$ ", max_size=40),
    st.lists(st.sampled_from(FRAGMENTS + EN_MONTHS + EN_WEEKDAYS + EN_QUALIFIERS), max_size=10).map(" ".join),
)


@examples(150)
@given(text=st.one_of(arbitrary_text, date_text, quantity_text, fragment_text), base=st.one_of(st.none(), bases))
def test_skipping_patterns_changes_nothing(text, base):
    from verifier.normalize import engine

    filtered = analyze(text, base=base)
    engine.FILTER_PATTERNS = False
    try:
        everything = analyze(text, base=base)
    finally:
        engine.FILTER_PATTERNS = True
    assert _comparable(filtered) == _comparable(everything)


@examples(300)
@given(
    text=arbitrary_text, base=st.one_of(st.none(), bases), prefer=st.sampled_from(["past", "future"]),
    language=st.sampled_from(["auto", "zh", "en"]),
)
def test_offsets_slice_to_text_and_nothing_raises(text, base, prefer, language):
    found = analyze(text, base=base, prefer=prefer, language=language)
    last_end = 0
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        out = f.as_output()
        assert text[out["span"][0]:out["span"][1]] == out["text"]
        assert f.start >= last_end, "values overlap"
        last_end = f.end


# --------------------------------------------------------------------------- no quadratic blow-up
@pytest.mark.parametrize("unit", ["one two three ", "twenty ", "1 ", "1,000,", "1.", "一二三四五六七八九十百千万亿", "5元",
                                  "周一", "半个", "$1 ", "1-", "%1", "五分", "5月", "约", "about "])
def test_long_runs_stay_linear(unit):
    """A long run of one token (10,000+ characters) is analysed in well under a second or two:
    a pattern with nested unbounded repetition would take minutes."""
    import time

    text = unit * (12_000 // len(unit))
    start = time.perf_counter()
    found = analyze(text, base=dt.datetime(2026, 2, 12))
    assert time.perf_counter() - start < 5.0, unit
    assert all(text[f.start:f.end] == f.text for f in found)


VALUE_WORDS = st.text(alphabet="零一二三四五六七八九十百千萬万億亿年月日週周星期兩两元美港幣币約约至到今去後后天號号0123456789 ", max_size=30)


@settings(max_examples=300, deadline=None)
@given(VALUE_WORDS, st.sampled_from(["simplified", "traditional"]))
def test_the_values_fold_is_the_fold_wherever_values_are_written(text, script):
    """The normalizer skips OpenCC when no character is Traditional one by one: on the characters
    values are written in, that reads exactly as the whole fold does."""
    from verifier.text.fold import fold, fold_values

    text = to_traditional(text) if script == "traditional" else to_simplified(text)
    assert fold_values(text) == fold(text)


# words that merely contain numerals (万一, 统一): a value read inside one does not count
NOT_NUMBERS = lang("zh")["numerals"]["not_numbers"]
words_with_numerals = st.lists(st.sampled_from(NOT_NUMBERS + FRAGMENTS + ["他", " ", "是"]), min_size=1,
                               max_size=8).map("".join)
KIND_LISTS = st.lists(st.sampled_from(["date", "money", "count", "percent", "number", "duration", "ordinal"]),
                      unique=True, max_size=4)


@examples(300)
@given(text=st.one_of(arbitrary_text, date_text, quantity_text, fragment_text, words_with_numerals),
       base=st.one_of(st.none(), bases), kinds=KIND_LISTS, min_score=st.sampled_from([0.0, 0.5, 0.6, 0.8]))
def test_holds_value_says_whether_analyze_finds_a_value(text, base, kinds, min_score):
    from verifier.normalize.engine import holds_value

    assert holds_value(text, base=base, kinds=kinds, min_score=min_score) == \
        bool(analyze(text, base=base, kinds=kinds, min_score=min_score))


@examples(300)
@given(text=st.one_of(arbitrary_text, date_text, quantity_text, fragment_text, words_with_numerals),
       base=st.one_of(st.none(), bases), other_base=st.one_of(st.none(), bases), read_kinds=KIND_LISTS,
       kinds=KIND_LISTS.filter(bool), min_score=st.sampled_from([0.0, 0.5, 0.6, 0.8]))
def test_values_read_with_other_settings_never_show_a_value_holds_value_would_not_find(
        text, base, other_base, read_kinds, kinds, min_score):
    """What an analysis with one base and kinds read (the claim extraction's) may vouch for
    holds_value on other settings (the coverage of unclaimed sentences): never wrongly."""
    from verifier.normalize.engine import holds_value, shows_value

    found = analyze(text, base=base, kinds=read_kinds, min_score=0.5)
    if shows_value(found, kinds=kinds, min_score=min_score):
        assert holds_value(text, base=other_base, kinds=kinds, min_score=min_score)


@examples(150)
@given(text=st.one_of(arbitrary_text, date_text, quantity_text, fragment_text), offsets=st.lists(st.integers(0, 10_000),
       min_size=2, max_size=3), base=st.one_of(st.none(), bases), kinds=KIND_LISTS)
def test_a_text_read_again_reads_as_it_did_at_any_offset(text, offsets, base, kinds):
    """A repeated reading comes from the readings kept (engine.KEPT_READINGS) as the values read
    afresh, shifted; whether it holds a value, the same. (Kept only without the tests' checks.)"""
    from verifier.normalize import engine, values

    expected = analyze(text, base=base, kinds=kinds, min_score=0.5)  # afresh: this module's checks are on
    checks = recognizer_base.STRICT, values.CHECK_MADE
    recognizer_base.STRICT = values.CHECK_MADE = False
    try:
        engine._kept_analysis.cache_clear()
        engine._kept_holds.cache_clear()
        for offset in offsets:
            shifted = [f.model_copy(update={"start": f.start + offset, "end": f.end + offset}) for f in expected]
            again = analyze(text, base=base, kinds=list(reversed(kinds)), min_score=0.5, offset=offset)
            assert [(f.__dict__, f.model_fields_set) for f in again] == \
                [(f.__dict__, f.model_fields_set) for f in shifted]
            assert engine.holds_value(text, base=base, kinds=kinds, min_score=0.5) == bool(expected)
        assert engine._kept_analysis.cache_info().hits == len(offsets) - 1
        assert engine._kept_holds.cache_info().hits == len(offsets) - 1
    finally:
        recognizer_base.STRICT, values.CHECK_MADE = checks


def test_values_read_show_a_value_of_their_kinds_and_not_of_others():
    from verifier.normalize.engine import shows_value

    found = analyze("On March 5, 2024 it raised $5 million and 2025年3月至6月", base=dt.datetime(2024, 6, 1),
                    kinds=("date", "money"), min_score=0.5)
    assert shows_value(found, kinds=("count", "date"), min_score=0.6)
    assert shows_value(found, kinds=("money",), min_score=0.6)
    assert not shows_value(found, kinds=("count", "percent"), min_score=0.6)
    assert not shows_value([v for v in found if v.value.kind != "money"], kinds=("money",), min_score=0.6)
    ranges = [v for v in found if v.pattern.endswith(".range")]
    assert ranges and not shows_value(ranges, kinds=("date",)), "a range is made of two matches, not one"


@examples(150)
@given(text=st.one_of(arbitrary_text, date_text, quantity_text), offset=st.integers(0, 10_000))
def test_values_read_at_an_offset_are_those_read_alone_shifted(text, offset):
    alone = analyze(text, kinds=("date", "money", "count", "number"), min_score=0.5)
    shifted = [f.model_copy(update={"start": f.start + offset, "end": f.end + offset}) for f in alone]
    at = analyze(text, kinds=("date", "money", "count", "number"), min_score=0.5, offset=offset)
    assert [(f.__dict__, f.model_fields_set) for f in at] == [(f.__dict__, f.model_fields_set) for f in shifted]
