"""Rules on values: a table of pairs of surface forms and the verdict a fact-checker expects."""

from __future__ import annotations

import datetime as dt

import pytest

from verifier.claims.model import Claim
from verifier.normalize.engine import analyze
from verifier.rules.engine import REGISTRY, relate

BASE = dt.date(2026, 2, 13)  # a Friday


def value(text: str, base=BASE):
    found = [f for f in analyze(text, base=base, min_score=0.5) if f.value.kind != "number"]
    assert len(found) == 1, (text, found)
    return found[0].value


def claim(text: str, base=BASE, subject="X", predicate="p", source="a") -> Claim:
    v = value(text, base)
    return Claim(id=f"{source}:{text}", source=source, kind=v.kind, subject=subject, predicate=predicate,
                 value=v, text=text, start=0, end=len(text), sentence=(0, len(text)))


def verdict(a: str, b: str, base_a=BASE, base_b=BASE) -> str | None:
    out = relate(claim(a, base_a), claim(b, base_b, source="b"))
    return out[0][1].verdict if out else None


@pytest.mark.parametrize("a, b, base_a, base_b, expected", [
    ("週一", "周日", None, BASE, "contradict"),          # weekday alone vs a dated Sunday
    ("週一", "周日", None, None, "contradict"),          # two weekdays, no calendar at all
    ("週二", "周三", None, BASE, "contradict"),
    ("週一晚間", "本周", None, BASE, "compatible"),
    ("2024年5月14日", "5月", BASE, None, "compatible"),
    ("2024年5月14日", "2024年5月", BASE, BASE, "compatible"),
    ("2024年5月14日", "2024年5月14日", BASE, BASE, "agree"),
    ("2024年5月14日", "2024年6月", BASE, BASE, "contradict"),
    ("2024年8月6日", "本月初", BASE, None, "compatible"),
    ("2024年8月26日", "本月初", BASE, None, "contradict"),
    ("周一晚上", "周一早上", BASE, BASE, "contradict"),
    ("周一晚上", "周一", BASE, BASE, "compatible"),
    ("去年", "2023年11月", None, BASE, None),             # nothing stated in common
    ("May 2024", "14 May 2024", BASE, BASE, "compatible"),
    ("on Monday", "週一", BASE, BASE, "agree"),
    # a vague part of a month or year and the whole of it name one period: they agree
    ("late March 2025", "2025年3月", BASE, BASE, "agree"),
    ("3月下旬", "in March", BASE, BASE, "agree"),
    ("early 2024", "2024年", BASE, BASE, "agree"),
    ("前年年底", "late 2024", BASE, BASE, "agree"),
    ("early March 2025", "2025年3月下旬", BASE, BASE, "contradict"),  # parts that do not overlap
    ("March 25, 2025", "late March 2025", BASE, BASE, "compatible"),  # a day is more than a part
    ("March 20, 2025", "late March 2025", BASE, BASE, "contradict"),  # late March is the 21st to the 31st
    ("2026年第一季度", "early 2026", BASE, BASE, "compatible"),  # a quarter is a period of its own
    # a date whose weekday is not its own: its calendar date may agree or fit, never contradict
    ("Monday, June 2, 2026", "2026年6月2日", BASE, BASE, "agree"),   # June 2, 2026 is a Tuesday
    ("Monday, June 2, 2026", "2026年6月", BASE, BASE, "compatible"),
    ("Monday, June 2, 2026", "2026年6月9日", BASE, BASE, None),      # either part may be the error
    ("Monday, June 2, 2026", "周一", BASE, BASE, None),
    ("2026年2月30日", "2026年2月", BASE, BASE, None),                # a date that does not exist
])
def test_dates(a, b, base_a, base_b, expected):
    assert verdict(a, b, base_a, base_b) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("約50億美元", "高達50亿美元", "compatible"),
    ("超過1,500億美元", "1500億美元", "compatible"),
    ("1500億美元", "$150 billion", "agree"),
    ("約130億美元", "100億元", "contradict"),
    ("約37億美元", "37億人民幣", None),                     # different currencies: not compared
    ("近75名", "70名", "compatible"),
    ("近75名", "80名", "contradict"),
    ("十几位", "12位", "compatible"),
    ("約49%", "49 percent", "compatible"),
    ("不到48小時", "three days", "contradict"),
    ("72 小時", "three days", "agree"),
    ("超过20亿美元", "more than $2 billion", "agree"),       # two open ranges with one end: the same claim
    ("up to $2 billion", "最多20亿美元", "agree"),
    ("超过20亿美元", "more than $3 billion", "compatible"),  # one lower bound is the narrower
    # a figure rounded at its last written digit (two significant digits or more) is compatible
    ("2.6万辆", "26,340 vehicles", "compatible"),
    ("$2.4 billion", "23.8亿美元", "compatible"),
    ("31%", "31.4%", "compatible"),
    ("2.6万辆", "26,800 vehicles", "contradict"),           # 26,800 rounds to 2.7万
    ("30,000 vehicles", "26,340 vehicles", "contradict"),   # one significant digit says too little
    ("31%", "32%", "contradict"),
])
def test_quantities(a, b, expected):
    assert verdict(a, b) == expected


def test_a_rounded_figure_says_why_it_fits():
    ((_, rel),) = relate(claim("2.6万辆"), claim("26,340 vehicles", source="b"))
    assert rel.verdict == "compatible" and rel.reason_code == "rounding"


def test_every_rule_has_code_name_summary_and_doc():
    for code, r in REGISTRY.items():
        assert code == r.code and len(code) == 4 and code[0].isalpha() and code[1:].isdigit()
        assert "-" in r.name and r.summary.endswith(".")
        doc = r.documentation()
        assert "Why" in doc and "Example" in doc


def test_quote_rules():
    def q(words, subject, source):
        from verifier.normalize.values import QuoteValue

        return Claim(id=f"{source}:{subject}", source=source, kind="quote", subject=subject, predicate="said",
                     value=QuoteValue(quote=words), text=words, start=0, end=len(words), sentence=(0, len(words)))

    same = relate(q("基因檢測行業的價格戰讓所有公司都很難盈利。", "A", "x"), q("基因检测行业的价格战让所有公司都很难盈利。", "B", "y"))
    assert [(r.code, rel.verdict) for r, rel in same] == [("Q102", "contradict")]
    agree = relate(q("我們已經偏離了初衷", "A", "x"), q("我们已经偏离了初衷", "A", "y"))
    assert [(r.code, rel.verdict) for r, rel in agree] == [("Q101", "agree")]
    unrelated = relate(q("今天天气很好,我们去公园", "A", "x"), q("公司的估值被严重高估了", "A", "y"))
    assert unrelated == []


def _valued(text: str, source: str, when: str | None = None) -> Claim:
    c = claim(text, source=source, subject="Orlen", predicate="valuation")
    c.scope.update({"when": when} if when else {})
    return c


def test_a_valuation_of_another_time_or_one_a_source_gives_alongside_is_no_contradiction():
    """A state that changes (a valuation): a January figure and one an article of March states
    with no time are two times; two figures one source itself gives are two times or two things
    to that source, so another source agreeing with one of them does not contradict the other.
    An undated figure in an article of the same month still contradicts."""
    from verifier.rules.engine import compare

    january = _valued("$4.5 billion", "a", "2025-01-01/2025-01-31")
    march = {"a": dt.date(2025, 1, 20), "b": dt.date(2025, 3, 11)}
    (rel,) = [rel for r, rel in relate(january, _valued("$6 billion", "b"), march)]
    assert (rel.verdict, rel.reason_code) == ("compatible", "different-time")
    same_month = {"a": dt.date(2025, 1, 20), "b": dt.date(2025, 1, 25)}
    (rel,) = [rel for r, rel in relate(january, _valued("$6 billion", "b"), same_month)]
    assert rel.verdict == "contradict"
    both = [_valued("$4.5 billion", "a"), _valued("$6 billion", "a"), _valued("$6 billion", "b"),
            _valued("$4.5 billion", "c")]
    texts = {s: "" for s in "abc"}
    verdicts = {(f.verdict, tuple(f.sources)) for f in compare(both, texts)}
    assert not any(v == "contradict" and "a" in s for v, s in verdicts), verdicts
    alone = [_valued("$6 billion", "b"), _valued("$4.5 billion", "c")]
    assert any(f.verdict == "contradict" for f in compare(alone, texts))
