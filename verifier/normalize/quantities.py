"""Recognizers for numbers, ordinals, counts, percentages, money and durations.

Quantities carry a `bound` and the `low`/`high` a comparison may use (low <= value <= high):
exact; approx (约, 大约, 左右, 上下, about: value ± the approx tolerance, 10% by default);
at_least / more_than (至少, 以上, 超过, 逾, over: no high); at_most / less_than (最多, 以下, 不到,
under: no low); 近 / nearly / almost is at_most, from value - tolerance up to value; between for
ranges (5.6到5.78元, 30至40亿, $3-4 billion) and approximate counts (十几 = 11-19, 二十几 = 21-29,
数十 = 20-90, 二三十 = 20-30). A unit written once applies to both ends of a range (30至40亿,
三到五仟) unless the low end would then be the larger (6000到2万).

Money: an ISO 4217 currency when the text names one (美元, US$, 人民币, ¥ in Chinese text, 港元,
HK$, 新台币, NT$, 欧元, €, 英镑, £, 日元, 円...), none for a bare local unit (元, 块, 蚊); 角/毛/分
are converted to the main unit. ¥ is the yuan in Chinese text and the yen in English text.

Low-confidence readings score below 0.5, the threshold of the claim pipeline, or need the
kind restriction (`analyze(kinds=...)`, `verifier normalize --kind`), as Duckling's corpus
tests restrict parsing to one dimension: 五分 alone is money only at 0.3 (it is also a score or
five minutes); Cantonese 个 as a dollar (三个一毫四, 个半) needs no named unit but scores low;
10月 is a duration only when durations alone are asked for (otherwise it is October); a bare
amount (五百万, 大于30万, 20w左右) is money only when money alone is asked for (otherwise it is a
number); a lone Chinese numeral (the 一 of 一些) scores 0.35.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.lang import alternation, lang
from verifier.normalize.base import Context, Recognizer, alone, bounds
from verifier.normalize.numerals import (
    ARABIC, NO_SIGN_AFTER, en, parse_en, parse_number, parse_zh, to_number, zh,
)
from verifier.normalize.values import (
    CountValue, DurationValue, MoneyValue, NumberValue, OrdinalValue, PercentValue, made,
)
from verifier.tables import table

CJK = r"\u3400-\u9fff"
_CJK_CHAR = re.compile(rf"[{CJK}]")
_NOT_AFTER_NUMERAL = r"(?![0-9.])"


# --------------------------------------------------------------------------- qualifiers
class _Qualifiers:
    def __init__(self, code: str) -> None:
        data = lang(code)["qualifiers"]
        more = lang(code).get("qualifiers_more", {})
        self.before: dict[str, str] = {k.lower(): v for k, v in {**data["before"], **more.get("before", {})}.items()}
        self.after: dict[str, str] = {k.lower(): v for k, v in data["after"].items()}
        self.range: list[str] = data["range"] + more.get("range", [])
        self.range_open: list[str] = more.get("range_open", [])
        sep = r"(?:\s+|-)" if code == "en" else r"\s*"  # ("$1.2 billion-plus")
        end = r"\b" if code == "en" else ""
        before, after = alternation(self.before), alternation(self.after)
        if code == "en":  # "more  than": any run of spaces between the words
            before, after = before.replace("\\ ", r"\s+"), after.replace("\\ ", r"\s+")
        self.before_re = rf"(?:(?P<qb>{before}){end}{sep})?"
        self.after_re = rf"(?:{sep}(?P<qa>{after}){end})?"
        self.range_re = alternation(self.range)

    def bound(self, m: re.Match[str]) -> str:
        groups = m.groupdict()
        if groups.get("qb"):
            return self.before[" ".join(groups["qb"].lower().split())]
        if groups.get("qa"):
            return self.after[" ".join(groups["qa"].lower().split())]
        return "exact"


@lru_cache(maxsize=None)
def qualifiers(code: str) -> _Qualifiers:
    return _Qualifiers(code)


def _quantity(value: float, bound: str, ctx: Context, low: float | None = None, high: float | None = None):
    if low is not None and high is not None:
        return {"bound": "between", "low": to_number(min(low, high)), "high": to_number(max(low, high))}
    b, lo, hi = bounds(value, bound, ctx.approx_tolerance)
    return {
        "bound": b,
        "low": None if lo is None else to_number(lo),
        "high": None if hi is None else to_number(hi),
    }


def _negative(m: re.Match[str]) -> int:
    return -1 if m.groupdict().get("neg") else 1


# --------------------------------------------------------------------------- numbers
def number_recognizers() -> list[Recognizer]:
    z, e = zh(), en()
    zdata = lang("zh")["numerals"]
    mult = zdata["multipliers"]
    neg = rf"(?:(?P<neg>{z.negative_re})\s*)?"
    frac = alternation(z.fraction)
    join = re.escape(z.fraction_join)
    half = re.escape(z.half)

    zh_rec = Recognizer("zh_number", "number", "zh")

    def numeral(m, ctx):
        num = m.group("num")
        v = parse_zh(num)
        if v is None:
            return None
        if m.group("mult"):
            v *= mult[m.group("mult")]
        value = made(NumberValue, value=to_number(_negative(m) * v))
        if len(num) == 1 and not num.isdigit() and not m.group("mult"):
            return value, 0.35  # a lone 一 or 三 in running text is rarely a number worth reading
        return value

    def k_suffix(m, ctx):
        v = parse_zh(m.group("num"))
        if v is None:
            return None
        return made(NumberValue, value=to_number(_negative(m) * v * en().suffixes[m.group("suffix").lower()]))

    def fraction(m, ctx):
        den, nom = parse_zh(m.group("den")), parse_zh(m.group("nom"))
        whole = parse_zh(m.group("whole")) if m.group("whole") else 0.0
        if den in (None, 0) or nom is None or whole is None:
            return None
        return made(NumberValue, value=to_number(round(whole + nom / den, 12)))

    def halves(m, ctx):
        lead = m.group("lead")
        if lead in (None, "", "一") and not m.group("cls"):
            return made(NumberValue, value=0.5)
        v = parse_zh(lead) if lead else 1.0
        if v is None:
            return None
        return made(NumberValue, value=to_number(v + 0.5))

    letters: dict[str, float] = lang("zh")["numerals_more"]["letter_units"]
    watts = re.compile(alternation(lang("zh")["numerals_more"]["letter_units_watts"]))

    def letter_unit(m, ctx):  # 20w = 200,000, only with Chinese beside it (20W is watts in English)
        before, after = ctx.folded[m.start() - 1:m.start()], ctx.folded[m.end():m.end() + 1]
        if not (_CJK_CHAR.match(before) or _CJK_CHAR.match(after)):
            return None
        if watts.search(ctx.folded, max(0, m.start() - 8), m.end() + 4):
            return None  # 功率20W, 65W快充: watts
        v = parse_zh(m.group("num"))
        if v is None:
            return None
        return made(NumberValue, value=to_number(_negative(m) * v * letters[m.group("w")]))

    mult_re = alternation(mult)
    zh_rec.add("numeral", rf"{neg}(?P<num>{z.numeral})(?P<mult>{mult_re})?", 0.6, numeral)
    zh_rec.add(
        "letter_unit", rf"(?<![A-Za-z]){neg}(?P<num>{ARABIC})(?P<w>{alternation(letters)})(?![A-Za-z0-9])", 0.6,
        letter_unit,
    )
    zh_rec.add("k_suffix", rf"{neg}(?P<num>{ARABIC})(?P<suffix>[kKmMgG])(?![A-Za-z])", 0.6, k_suffix)
    zh_rec.add(
        "fraction",
        rf"(?:(?P<whole>{z.numeral}){join})?(?P<den>{z.numeral})(?:{frac})(?P<nom>{z.numeral})",
        0.7, fraction,
    )
    # 一半, 半个, 五个半, 个半
    zh_rec.add("half", rf"(?P<lead>{z.numeral})?(?P<cls>个)?{half}(?:个)?", 0.5, halves)

    def vague(m, ctx):  # 几百万, 数百亿, 二十几, 两三百万: a range, never a precise number
        g = m.groupdict()
        if g.get("pa") and not (g.get("u1") or g.get("u2")):
            return None  # 七八 alone (乱七八糟) is no amount; 七八百 is
        found = approximate_range(g)
        if found is None:
            return None
        low, high = found
        return made(NumberValue, value=to_number((low + high) / 2), **_quantity(0, "between", ctx, low, high))

    # 大于30万, 30万以上: a number with its bound, when numbers alone are asked for (as money
    # alone reads 大于30万); in running text the qualifier is left outside the number, where a
    # longer reading could take a date's place (预计3月) and the claim reader weighs it
    q = qualifiers("zh")

    def qualified(m, ctx):
        v = parse_zh(m.group("num"))
        if v is None:
            return None
        if m.group("w"):  # 约20w: the qualifier is the Chinese beside it
            if not m.group("num")[-1].isdigit() or watts.search(ctx.folded, max(0, m.start() - 8), m.end() + 4):
                return None
            v *= letters[m.group("w")]
        v = to_number(_negative(m) * v)
        return made(NumberValue, value=v, **_quantity(v, q.bound(m), ctx))

    def numbers_alone(ctx) -> bool:
        return ctx.kinds is not None and "number" in ctx.kinds and ctx.kinds <= {"number", "ordinal"}

    qb_required = rf"(?P<qb>{alternation(q.before)})\s*"
    qa_required = rf"\s*(?P<qa>{alternation(q.after)})"
    w = rf"(?:(?P<w>{alternation(letters)})(?![A-Za-z0-9]))?"
    zh_rec.add("qualified_before", rf"{qb_required}{neg}(?P<num>{z.numeral}){w}", 0.6, qualified, when=numbers_alone)
    zh_rec.add("qualified_after", rf"{neg}(?P<num>{z.numeral}){w}{qa_required}", 0.6, qualified, when=numbers_alone)

    # not inside a longer numeral: the 二三十 of 一百二三十 is not 20-30
    zh_rec.add("vague", rf"(?<![{z.all_chars}0-9.]){approximate_re()}", 0.6, vague)

    ord_rec = Recognizer("zh_ordinal", "ordinal", "zh")

    def ordinal(m, ctx):
        v = parse_zh(m.group("num"))
        if v is None or v != int(v):
            return None
        return made(OrdinalValue, value=int(v))

    ord_rec.add("di", rf"第\s*(?P<num>{z.numeral})", 0.8, ordinal)

    en_rec = Recognizer("en_number", "number", "en")

    def en_number(m, ctx):
        v = parse_en(m.group("num"))
        if v is None:
            return None
        return made(NumberValue, value=to_number(_negative(m) * v))

    en_rec.add("numeral", rf"(?:{NO_SIGN_AFTER}(?P<neg>-)\s*)?(?P<num>{e.numeral})", 0.55, en_number, re.I)

    en_ord = Recognizer("en_ordinal", "ordinal", "en")
    suffixes = alternation(lang("en")["numerals"]["ordinal_suffixes"])

    def en_ordinal(m, ctx):
        g = m.groupdict()
        if g.get("digits"):
            return made(OrdinalValue, value=int(g["digits"].replace(",", "")))
        value = e.ordinals[g["word"].lower()]
        if g.get("lead"):
            lead = parse_en(g["lead"])
            if lead is None or lead != int(lead):
                return None
            lead = int(lead)
            if value >= 100:  # "two hundredth"
                value *= lead
            elif (lead >= 20 and lead % 10 == 0 and value < 10) or (lead >= 100 and lead % 100 == 0):
                value += lead  # "twenty-first", "one hundred and first"
            else:
                return None
            return made(OrdinalValue, value=value), 0.8  # a compound ordinal is unambiguous
        return made(OrdinalValue, value=value)

    en_ord.add("suffix", rf"\b(?P<digits>[0-9]{{1,3}}(?:,[0-9]{{3}})*|[0-9]+){suffixes}\b", 0.8, en_ordinal, re.I)
    en_ord.add(
        "word", rf"\b(?:(?P<lead>{e.word_number})(?:\s+and)?[\s-]+)?(?P<word>{alternation(e.ordinals)})\b",
        0.4, en_ordinal, re.I,
    )
    return [zh_rec, ord_rec, en_rec, en_ord]


# --------------------------------------------------------------------------- percent
def percent_recognizers() -> list[Recognizer]:
    z = zh()
    data = lang("zh")["percent"]
    q = qualifiers("zh")
    rec = Recognizer("zh_percent", "percent", "zh")
    symbols = alternation(data["symbols"] + lang("en")["percent"]["symbols"])
    before = alternation(data["words_before"])
    tenths = re.escape(data["tenths"])
    not_before = alternation(data["tenths_not_before"])
    before_anyway = alternation(data["tenths_before_anyway"])
    digits = "".join(sorted(z.digits))

    def build(m, ctx):
        v = parse_number(m.group("num"))
        if v is None:
            return None
        if m.groupdict().get("tenth") == z.half:
            v = v * 10 + 5  # 一成半 = 15%
        elif m.groupdict().get("tenth"):
            v = v * 10 + (parse_zh(m.group("tenth")) or 0)
        elif m.groupdict().get("ten"):
            v *= 10
        v *= _negative(m)
        return made(PercentValue, value=to_number(v), **_quantity(v, q.bound(m), ctx))

    neg = rf"(?:(?P<neg>{z.negative_re})\s*)?"
    rec.add("symbol", rf"{q.before_re}{neg}(?P<num>{ARABIC}|{z.numeral})\s*{symbols}{q.after_re}", 0.95, build)
    rec.add("words", rf"{q.before_re}{neg}{before}(?P<num>{z.numeral}){q.after_re}", 0.95, build)
    rec.add(
        "tenths",
        rf"{q.before_re}(?P<num>[{digits}十]|(?<![0-9.])(?:10|[1-9]))(?P<ten>{tenths})(?P<tenth>[{digits}]|半)?"
        rf"(?:(?={before_anyway})|(?!{not_before})){q.after_re}",
        0.6, build,
    )
    # a rate in 厘 after a word of interest: 年息1.75厘 is 1.75% a year (Hong Kong)
    after_rate = "|".join(rf"(?<={re.escape(w)})" for w in data["rate_words"])  # (one fixed-width look-behind each)
    rec.add("rate_li", rf"(?:{after_rate})(?:为|是)?(?P<num>{ARABIC}|{z.numeral})\s*{re.escape(data['rate_unit'])}",
            0.9, build)
    # percentage points: 下降2.3个百分点, 加息25个基点 (a basis point is a hundredth of a point)
    points = {w: 1 for w in data["points"]} | {w: 0.01 for w in data["basis_points"]}

    def points_build(m, ctx):
        v = parse_number(m.group("num"))
        if v is None:
            return None
        v = _negative(m) * v * points[m.group("pts")]
        return made(PercentValue, value=to_number(v), points=True, **_quantity(v, q.bound(m), ctx))

    rec.add(
        "points", rf"{q.before_re}{neg}(?P<num>{z.numeral})\s*(?P<pts>{alternation(points)}){q.after_re}",
        0.95, points_build,
    )

    def approximate(m, ctx):  # 二十几个百分点, 百分之十几: a range
        found = approximate_range(m.groupdict())
        if found is None:
            return None
        low, high = found
        pts = m.groupdict().get("pts")
        scale = points[pts] if pts else 1
        low, high = low * scale, high * scale
        return made(PercentValue, value=to_number((low + high) / 2), points=True if pts else None,
                    **_quantity(0, "between", ctx, low, high))

    # 增长1.5倍: up 150%, when a word of rising stands right before (了 between them allowed)
    rise_verbs = tuple(data["multiple_after"])

    def multiple_build(m, ctx):
        head = m.string[max(0, m.start() - 4):m.start()].removesuffix("了")
        if not head.endswith(rise_verbs) or m.string.startswith(("到", "至"), m.end()):
            return None
        v = parse_number(m.group("num"))
        return None if v is None else made(PercentValue, value=to_number(v * 100), **_quantity(v * 100, q.bound(m), ctx))

    rec.add("multiple", rf"{q.before_re}(?P<num>{ARABIC}|{z.numeral})\s*{re.escape(data['multiple'])}(?!多|以上)", 0.9, multiple_build)
    rises = data["rises"]
    rec.add("rise", alternation(rises), 0.9, lambda m, ctx: made(PercentValue, value=rises[m.group(0)], **_quantity(rises[m.group(0)], "exact", ctx)))
    rec.add("approximate", rf"{before}{approximate_re()}", 0.9, approximate)
    rec.add("approximate_points", rf"{approximate_re()}\s*(?P<pts>{alternation(points)})", 0.9, approximate)

    en_rec = Recognizer("en_percent", "percent", "en")
    eq = qualifiers("en")
    words = alternation(lang("en")["percent"]["words_after"])

    def en_build(m, ctx):
        v = parse_en(m.group("num"))
        if v is None:
            return None
        return made(PercentValue, value=to_number(v), **_quantity(v, eq.bound(m), ctx))

    en_rec.add("words", rf"{eq.before_re}(?P<num>{en().numeral})\s*{words}\b{eq.after_re}", 0.95, en_build, re.I)
    en_rises = {k.lower(): v for k, v in lang("en")["percent"]["rises"].items()}
    def en_rise(m, ctx):
        v = en_rises[m.group("rise").lower()]
        return made(PercentValue, value=v, **_quantity(v, eq.bound(m), ctx))

    en_rec.add("rise", rf"{eq.before_re}\b(?P<rise>{alternation(en_rises)})\b", 0.9, en_rise, re.I)
    # a share in words: "a third of its staff", "one in five jobs", "two out of three"
    en_shares = {k.lower(): v for k, v in lang("en")["percent"]["shares_of"].items()}

    def en_share(m, ctx):
        if m.group("share"):
            v = en_shares[" ".join(m.group("share").lower().replace("-", " ").split())]
        else:
            a, b = parse_en(m.group("a")), parse_en(m.group("b"))
            if not a or not b or a >= b:
                return None
            v = round(100 * a / b, 1)
        return made(PercentValue, value=to_number(v), **_quantity(v, eq.bound(m), ctx))

    shares_re = alternation(en_shares).replace("\\ ", r"[\s-]+")
    en_rec.add("share_of", rf"{eq.before_re}\b(?:(?P<share>{shares_re})(?=\s+of\b)|(?P<a>one|two|three|four|[1-9])\s+(?:in|out\s+of)\s+"
                           rf"(?P<b>two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\b)", 0.9, en_share, re.I)
    en_symbols = alternation(lang("en")["percent"]["symbols"])

    def en_symbol(m, ctx):
        v = _negative(m) * float(m.group("num").replace(",", ""))
        return made(PercentValue, value=to_number(v), **_quantity(v, eq.bound(m), ctx))

    en_rec.add(
        "symbol", rf"{eq.before_re}(?:{NO_SIGN_AFTER}(?P<neg>-)\s*)?(?P<num>{ARABIC})\s*{en_symbols}{eq.after_re}",
        0.95, en_symbol, re.I,
    )
    edata = lang("en")["percent"]
    en_points = {w.lower(): 1 for w in edata["points"]} | {w.lower(): 0.01 for w in edata["basis_points"]}

    def en_points_build(m, ctx):
        v = parse_en(m.group("num"))
        if v is None:
            return None
        v = v * en_points[" ".join(m.group("pts").lower().split())]
        return made(PercentValue, value=to_number(v), points=True, **_quantity(v, eq.bound(m), ctx))

    en_rec.add(
        "points",
        rf"{eq.before_re}(?P<num>{en().numeral})\s*(?P<pts>{alternation(en_points).replace(chr(92) + ' ', chr(92) + 's+')})\b"
        rf"{eq.after_re}",
        0.95, en_points_build, re.I,
    )
    return [rec, en_rec]


# --------------------------------------------------------------------------- money
class _ZhMoney:
    def __init__(self) -> None:
        data = lang("zh")["currency"]
        more = lang("zh")["currency_more"]
        self.before: dict[str, str] = {**data["before"], **more["before"]}
        self.after: dict[str, str] = {**data["after"], **more["after"]}
        self.whole: list[str] = more["whole"]
        self.more: dict[str, str] = more["more"]
        self.letter_units: dict[str, float] = {**more["letter_units"], **lang("zh")["numerals_more"]["letter_units"]}
        self.cents: dict[str, list] = more["cents"]
        self.order_words: dict[str, str] = more["order_words"]
        self.generic: list[str] = data["generic"]
        self.subunits: dict[str, float] = {**data["subunits"], **lang("zh")["currency_more"]["subunits"]}
        self.colloquial: list[str] = data["colloquial_units"]
        z = zh()
        self.main_re = alternation(list(self.after) + self.generic)
        self.sub_re = alternation(self.subunits)
        digit = f"[{''.join(sorted(z.digits))}0-9]"
        num = z.numeral
        coll = alternation(self.colloquial)
        # 一块二角, 两角五分, 两毛五, 三块零四, 五元七毛八分, 三个一毫四, 个半
        self.amount = (
            rf"(?:(?:{num})\s*(?:{self.main_re})(?:零?{num}(?:{self.sub_re}))*(?:零?{digit}(?!{digit}))?"
            rf"|(?:{num})?(?:{coll})(?:半|{digit}(?:{self.sub_re})?(?:{digit})?)"
            rf"|(?:{num}(?:{self.sub_re})){{1,2}}(?:{digit}(?!{digit}))?)"
        )
        # the low end of a range, read by `parse` or as a bare number: 5.6, 五元六角, 五块六, 30, 1万
        # (each later number has its subunit, but the last digit: 五块六; a number without one
        # in the middle would let a run of numerals split in exponentially many ways)
        self.low = (rf"(?:{num})(?:\s*(?:{self.main_re}|{self.sub_re})(?:零?(?:{num})(?:{self.sub_re}))*"
                    rf"(?:零?{digit}(?!{digit}))?)?")
        self.token_re = re.compile(
            rf"(?P<num>{num})?\s*(?P<unit>{self.main_re}|{self.sub_re}|{coll}|零|半)?"
        )

    def parse(self, s: str) -> tuple[float, str | None] | None:
        """Amount and currency of a written amount with units and subunits."""
        total = 0.0
        currency: str | None = None
        last_unit_size: float | None = None
        after_zero = False
        pos = 0
        while pos < len(s):
            m = self.token_re.match(s, pos)
            if not m or m.end() == pos:
                return None
            pos = m.end()
            num, unit = m.group("num"), m.group("unit")
            if num and len(num) > 1 and num[0] == "零":
                after_zero, num = True, num[1:]
            value = parse_zh(num) if num else None
            if num and value is None:
                return None
            if unit == "零":
                after_zero = True
                continue
            if unit == "半":
                total += 0.5 * (last_unit_size or 1.0) if value is None else value + 0.5
                continue
            if unit is None:
                if value is None:
                    continue
                step = (last_unit_size or 1.0) / (100 if after_zero else 10)
                total += value * step
                continue
            size = self.subunits.get(unit, 1.0)
            if unit in self.after:
                currency = self.after[unit]
            total += (1.0 if value is None else value) * size
            last_unit_size = size
            after_zero = False
        if last_unit_size is None:
            return None  # a bare number is not an amount of money
        return total, currency


@table("extract")
def _zh_money() -> _ZhMoney:
    return _ZhMoney()


def money_recognizers() -> list[Recognizer]:
    z = zh()
    mz = _zh_money()
    q = qualifiers("zh")
    rec = Recognizer("zh_money", "money", "zh")
    before = alternation(mz.before)
    cur_after = alternation(mz.after)

    def score_of(currency: str | None, text: str) -> float:
        if currency:
            return 0.95
        if any(g in text for g in mz.generic):
            return 0.8
        return 0.3

    def amount(m, ctx):
        parsed = mz.parse(m.group("amount"))
        if parsed is None:
            return None
        value, currency = parsed
        if m.group("cb"):
            currency = mz.before[m.group("cb")]
        if m.group("ca"):  # 1亿元人民币, 500元新台币
            currency = mz.after[m.group("ca")]
        return made(MoneyValue, amount=to_number(value), currency=currency, **_quantity(value, q.bound(m), ctx))

    def prefixed(m, ctx):
        v = parse_zh(m.group("num"))
        if v is None:
            return None
        currency = mz.before[m.group("cb")]
        if m.group("ca"):
            currency = mz.after[m.group("ca")]
        return made(MoneyValue, amount=to_number(v), currency=currency, **_quantity(v, q.bound(m), ctx))

    def ranged(m, ctx):
        right = mz.parse(m.group("hi"))
        if right is None:
            return None
        hi, currency = right
        lo_text = m.group("lo")
        lo_parsed = mz.parse(lo_text)
        lo = parse_zh(lo_text) if lo_parsed is None else lo_parsed[0]
        if lo is None:
            return None
        if re.fullmatch(z.numeral, lo_text.strip()):
            # 30至40亿, 三到五仟: the units written once apply to both ends (三十至四十亿: 十 is
            # no unit of its own; 三百至四百万: only 万), unless the low end would then be the
            # larger (6000到2万)
            own = _trailing_scale(lo_text)
            shared = [s for s in _trailing_scales(m.group("hi")) if s > own and lo * s <= hi]
            if shared:
                lo *= max(shared)
        if m.group("cb"):
            currency = mz.before[m.group("cb")]
        if m.group("ca"):  # 1亿至2亿元人民币
            currency = mz.after[m.group("ca")]
        return made(MoneyValue, currency=currency, **_quantity(lo, "between", ctx, lo, hi))

    qb, qa = q.before_re, q.after_re
    rng = q.range_re
    whole = rf"(?:{alternation(mz.whole)})?"  # 贰拾伍元整
    rec.add("prefixed", rf"{qb}(?P<cb>{before})\s*(?P<num>{z.numeral})(?:\s*(?P<ca>{cur_after}))?{qa}", 0.95, prefixed)
    rec.add(
        "amount", rf"{qb}(?:(?P<cb>{before})\s*)?(?P<amount>{mz.amount})(?:\s*(?P<ca>{cur_after}))?{whole}{qa}",
        0.8, amount,
    )
    rec.add(
        "range",
        rf"(?:{alternation(q.range_open)}\s*)?{qb}(?:(?P<cb>{before})\s*)?(?P<lo>{mz.low})\s*{rng}\s*"
        rf"(?P<hi>{mz.amount})(?:\s*(?P<ca>{cur_after}))?",
        0.85, ranged,
    )

    def more_than(m, ctx):  # 2000多英镑, 二十多美元, 20多万元
        v = parse_zh(m.group("num"))
        if v is None:
            return None
        for ch in m.group("scale"):
            v *= z.big[ch]
        currency = mz.after.get(m.group("unit"))
        if m.group("ca"):
            currency = mz.after[m.group("ca")]
        if m.group("cb"):
            currency = mz.before[m.group("cb")]
        return made(MoneyValue, amount=to_number(v), currency=currency, **_quantity(v, mz.more[m.group("more")], ctx))

    rec.add(
        "more_than",
        rf"(?:(?P<cb>{before})\s*)?(?P<num>{z.numeral})(?P<more>{alternation(mz.more)})(?P<scale>[{z.big_chars}]*)\s*"
        rf"(?P<unit>{mz.main_re})(?:\s*(?P<ca>{cur_after}))?",
        0.85, more_than,
    )

    def cents(m, ctx):  # 50美分 = 0.5 USD
        v = parse_zh(m.group("num"))
        if v is None:
            return None
        currency, size = mz.cents[m.group("unit")]
        v *= size
        return made(MoneyValue, amount=to_number(v), currency=currency, **_quantity(v, q.bound(m), ctx))

    rec.add("cents", rf"{qb}(?P<num>{z.numeral})\s*(?P<unit>{alternation(mz.cents)}){qa}", 0.9, cents)

    def order(m, ctx):  # 上万元, 上千万美元: at least that order of magnitude
        v: int | float = 1
        for ch in m.group("scale"):
            v *= z.big.get(ch) or z.small[ch]
        if v < 100:
            return None
        currency = mz.after.get(m.group("unit"))
        if m.group("ca"):
            currency = mz.after[m.group("ca")]
        return made(MoneyValue, amount=to_number(v), currency=currency, **_quantity(v, mz.order_words[m.group("ord")], ctx))

    small_big = "".join(sorted(set(z.small) | set(z.big)))
    rec.add(
        "order",
        rf"(?<![{z.all_chars}0-9])(?P<ord>{alternation(mz.order_words)})(?P<scale>[{small_big}]{{1,3}})\s*"
        rf"(?P<unit>{mz.main_re})(?:\s*(?P<ca>{cur_after}))?",
        0.85, order,
    )

    def bare(m, ctx):  # 五百万, 大于30万, 20w左右: money only when money alone is asked for
        v = parse_zh(m.group("num"))
        if v is None:
            return None
        if m.group("w"):
            v *= mz.letter_units[m.group("w")]
        elif not any(c in z.big_chars for c in m.group("num")):
            return None
        return made(MoneyValue, amount=to_number(v), currency=None, **_quantity(v, q.bound(m), ctx))

    letters = "".join(sorted(mz.letter_units))
    rec.add(
        "bare", rf"{qb}(?P<num>{z.numeral})(?:(?P<w>[{letters}])(?![A-Za-z]))?{qa}", 0.3, bare, when=alone("money"),
    )
    def approximate(m, ctx):
        found = approximate_range(m.groupdict())
        if found is None:
            return None
        low, high = found
        currency = mz.after.get(m.group("unit")) or (mz.after[m.group("ca")] if m.group("ca") else None)
        if m.group("cb"):
            currency = mz.before[m.group("cb")]
        return made(MoneyValue, currency=currency, **_quantity(0, "between", ctx, low, high))

    # 数十亿美元, 几百万元, 十几亿元, 两三百万美元
    rec.add(
        "approximate",
        rf"(?:(?P<cb>{before})\s*)?{approximate_re()}\s*(?P<unit>{mz.main_re})(?:\s*(?P<ca>{cur_after}))?",
        0.85, approximate,
    )

    def approximate_bare(m, ctx):  # 几百万, 数百亿: when money alone is asked for
        found = approximate_range(m.groupdict())
        if found is None or not m.group("u2"):
            return None
        return made(MoneyValue, currency=None, **_quantity(0, "between", ctx, *found))

    rec.add("approximate_bare", approximate_re(), 0.3, approximate_bare, when=alone("money"))
    # re-score by what the text names: a named currency beats a bare 元, which beats 分 alone
    for p in rec.patterns:
        p.build = _rescored(p.build, score_of)
    return [rec, _en_money()]


def _trailing_scales(amount: str) -> list[int | float]:
    """The units closing the number of an amount, innermost last (四百万美元: 10^4, 10^6;
    40亿: 10^8); 十 is not one."""
    z = zh()
    m = re.match(z.numeral, amount)
    scales: list[int | float] = []
    scale: int | float = 1
    for ch in reversed(m.group(0) if m else ""):
        size = z.big.get(ch) or z.small.get(ch)
        if size is None or size < 100:
            break
        scale *= size
        scales.append(scale)
    return scales


def _trailing_scale(amount: str) -> int | float:
    """All the units closing the number of an amount (五仟美元: 1000, 四百万: 10^6)."""
    scales = _trailing_scales(amount)
    return scales[-1] if scales else 1


def _rescored(build, score_of):
    def wrapped(m, ctx):
        v = build(m, ctx)
        return None if v is None else (v, score_of(v.currency, m.group(0)))

    return wrapped


def _en_money() -> Recognizer:
    e = en()
    data = lang("en")["currency"]
    before = {k.lower(): v for k, v in data["before"].items()}
    after = {k.lower(): v for k, v in data["after"].items()}
    suffixes = {k.lower(): float(v) for k, v in data["suffixes"].items()}
    q = qualifiers("en")
    rec = Recognizer("en_money", "money", "en")
    scale_re = re.compile(rf"\s*(?:{alternation(e.scales)})\s*$", re.I)

    def amount_of(num: str, suffix: str | None) -> float | None:
        v = parse_en(num)
        if v is not None and suffix:
            v *= suffixes[suffix.lower()]
        return v

    def build(m, ctx):
        g = m.groupdict()
        v = amount_of(g["num"], g.get("suf"))
        if v is None:
            return None
        currency = before.get((g.get("cb") or "").lower()) or after.get((g.get("ca") or "").lower())
        if currency is None:
            return None
        if g.get("hi"):
            hi = amount_of(g["hi"], g.get("hsuf"))
            if hi is None:
                return None
            if g.get("scale"):
                v *= e.scales[g["scale"].lower()]
            elif not g.get("suf") and scale_re.search(g["num"]) is None:
                # "$3-4 billion": the scale written once applies to both ends
                sm = scale_re.search(g["hi"])
                if sm:
                    v *= e.scales[sm.group(0).strip().lower()]
                elif g.get("hsuf"):
                    v *= suffixes[g["hsuf"].lower()]
            return made(MoneyValue, currency=currency, **_quantity(v, "between", ctx, v, hi))
        return made(MoneyValue, amount=to_number(v), currency=currency, **_quantity(v, q.bound(m), ctx))

    cb = rf"(?<![A-Za-z]){alternation(before)}"  # "Rs 500", not "users 500"
    ca = alternation(after)
    scales = alternation(e.scales)
    suf = alternation(suffixes)
    num = rf"(?P<num>{e.numeral})(?:(?P<suf>{suf})\b)?"
    rec.add(
        "amount",
        rf"{q.before_re}(?:(?P<cb>{cb})\s*)?{num}"
        rf"(?:\s*(?P<scale>{scales})?\s*(?:-|–|to)\s*(?:{cb})?\s*(?P<hi>{e.numeral})(?:(?P<hsuf>{suf})\b)?)?"
        rf"(?:\s+(?P<ca>{ca})\b)?{q.after_re}",
        0.95, build, re.I,
    )
    minor = {k.lower(): v for k, v in data.get("minor", {}).items()}

    def build_minor(m, ctx):
        v = parse_en(m.group("num"))
        if v is None:
            return None
        currency, size = minor[re.sub(r"\s+", " ", m.group("minor").lower())]
        return made(MoneyValue, amount=to_number(round(v * size, 6)), currency=currency or None,
                    **_quantity(round(v * size, 6), q.bound(m), ctx))

    rec.add("minor", rf"{q.before_re}(?P<num>{e.numeral})\s*(?P<minor>{alternation(minor)})\b{q.after_re}",
            0.96, build_minor, re.I)
    rec.add(
        "between",
        rf"\bbetween\s+(?:(?P<cb>{cb})\s*)?{num}(?:\s*(?P<scale>{scales}))?\s+and\s+(?:{cb})?\s*"
        rf"(?P<hi>{e.numeral})(?:(?P<hsuf>{suf})\b)?(?:\s+(?P<ca>{ca})\b)?",
        0.95, build, re.I,
    )
    return rec


# --------------------------------------------------------------------------- approximate amounts
def approximate_re() -> str:
    """几十 (20-90), 数百, 十几 (11-19), 十几万, 二三十 (20-30), 七八: an amount given as a range."""
    z = zh()
    vague = lang("zh")["numerals"]["vague"]
    digits = "".join(sorted(k for k, v in z.digits.items() if 1 <= v <= 9))
    some = re.escape(z.tens_some)
    return (
        rf"(?:(?P<some>{alternation(k for k in vague if k != '多')})|(?P<ts>[{digits}])十{some}|(?P<teen>十){some}|"
        rf"(?P<pa>[{digits}])(?P<pb>[{digits}]))(?P<u1>[{''.join(sorted(z.small))}])?"
        rf"(?P<u2>[{''.join(sorted(z.big))}]{{1,2}})?(?:多|余)?"
    )


def approximate_range(g: dict) -> tuple[int, int] | None:
    """(low, high) of a match of `approximate_re`, or None (几个 is "a few": no number)."""
    z = zh()
    scale = z.small[g["u1"]] if g.get("u1") else 1
    for ch in g.get("u2") or "":
        scale *= z.big[ch]
    if g.get("some"):
        if scale == 1:
            return None
        lo, hi = lang("zh")["numerals"]["vague"][g["some"]]
    elif g.get("teen") or g.get("ts"):  # 十几 = 11-19, 二十几 = 21-29
        if g.get("u1"):
            return None
        tens = z.digits[g["ts"]] * 10 if g.get("ts") else 10
        lo, hi = tens + 1, tens + 9
    else:
        lo, hi = z.digits[g["pa"]], z.digits[g["pb"]]
        if hi != lo + 1:
            return None
    return lo * scale, hi * scale


# --------------------------------------------------------------------------- counts
def count_recognizers(nouns: list[str] | None = None) -> list[Recognizer]:
    """Counts: a number with a classifier (位, 名, 家) or, in English, a plural noun.

    `nouns` are counted nouns worth naming (联合创始人, 员工); they come from the claim data."""
    z = zh()
    data = lang("zh")["count"]
    q = qualifiers("zh")
    rec = Recognizer("zh_count", "count", "zh")
    cls = alternation(data["classifiers"])
    part = alternation(data["part_markers"])
    remaining = alternation(data["remaining"])
    part_verbs = alternation(data["part_verbs"])
    letters: dict[str, float] = lang("zh")["numerals_more"]["letter_units"]  # 20w人

    def build(m, ctx):
        v = parse_zh(m.group("num"))
        if v is None:
            return None
        if m.groupdict().get("w"):  # 20w人
            if not m.group("num")[-1].isdigit():
                return None
            v *= letters[m.group("w")]
        noun = m.groupdict().get("noun") or None
        if m.groupdict().get("part"):
            p = parse_zh(m.group("part"))
            if p is None or p > v:
                return None
            return made(
                CountValue, value=to_number(p), unit=m.group("pcls") or m.group("cls"), noun=noun,
                whole=to_number(v), **_quantity(p, "exact", ctx),
            )
        bound = "more_than" if m.groupdict().get("vague") else q.bound(m)
        return made(CountValue, value=to_number(v), unit=m.group("cls"), noun=noun, **_quantity(v, bound, ctx))

    qb, qa = q.before_re, q.after_re
    # a one-character noun counts only as a word of its own: not the 人 of 人工智能
    long_nouns = alternation(n for n in nouns or [] if len(n) > 1)
    short_nouns = alternation(n for n in nouns or [] if len(n) == 1)
    noun_re = rf"{long_nouns}|{short_nouns}(?![{CJK}])"
    noun_part = rf"(?P<noun>{noun_re})?" if nouns else "(?P<noun>(?!))?"
    rec.add(
        "classifier",
        rf"{qb}(?P<num>{z.numeral})(?P<w>{alternation(letters)})?(?P<vague>[多余])?(?P<cls>{cls}){noun_part}{qa}",
        0.7, build,
    )
    if nouns:
        # 约340万用户, 2万员工: a number in 万 or 亿 with its noun and no classifier between
        rec.add("scaled_noun", rf"{qb}(?P<num>{z.numeral})(?<=[万亿])(?P<cls>)(?P<noun>{long_nouns}){qa}", 0.65, build)
    rec.add(
        "part_of_whole",
        rf"(?P<num>{z.numeral})(?P<cls>{cls}){noun_part}(?:[{CJK}]{{0,6}}?)(?:{part})[,，]?\s*"
        rf"(?:{remaining}|{part_verbs})\s*(?P<part>{z.numeral})(?P<pcls>{cls})?",
        0.9, build,
    )
    def approximate(m, ctx):
        g = m.groupdict()
        found = approximate_range(g)
        if found is None:
            return None
        low, high = found
        noun = g.get("noun") or None
        return made(CountValue, value=to_number((low + high) / 2), unit=g["cls"], noun=noun,
                    **_quantity(0, "between", ctx, low, high))

    rec.add("approximate", rf"{approximate_re()}(?P<cls>{cls}){noun_part}", 0.75, approximate)

    order_words: dict[str, str] = lang("zh")["currency_more"]["order_words"]

    def order(m, ctx):  # 过百名, 上千人: an order of magnitude reached, never an exact count
        v = z.big.get(m.group("scale")) or z.small[m.group("scale")]
        noun = m.groupdict().get("noun") or None
        return made(CountValue, value=v, unit=m.group("cls"), noun=noun, **_quantity(v, order_words[m.group("ord")], ctx))

    scales = "".join(sorted(ch for ch, v in {**z.small, **z.big}.items() if v >= 100))
    rec.add("order", rf"(?<![{z.all_chars}0-9])(?P<ord>{alternation(order_words)})(?P<scale>[{scales}])(?P<cls>{cls}){noun_part}",
            0.8, order)

    def ranged(m, ctx):  # 3.5万至3.7万辆, 300至400人, 3至5万人 (万 written once applies to both)
        hi, lo_text = parse_zh(m.group("num")), m.group("lo")
        lo = parse_zh(lo_text)
        if hi is None or lo is None:
            return None
        shared = [x for x in _trailing_scales(m.group("num")) if x > _trailing_scale(lo_text) and lo * x <= hi]
        if shared:
            lo *= max(shared)
        if lo >= hi:
            return None
        noun = m.groupdict().get("noun") or None
        return made(CountValue, value=to_number((lo + hi) / 2), unit=m.group("cls"), noun=noun,
                    **_quantity(0, "between", ctx, lo, hi))

    rec.add("range", rf"(?:{alternation(q.range_open)}\s*)?(?P<lo>{z.numeral})\s*{q.range_re}\s*(?P<num>{z.numeral})"
            rf"(?P<cls>{cls}){noun_part}", 0.8, ranged)

    en_rec = Recognizer("en_count", "count", "en")
    eq = qualifiers("en")
    e = en()

    def en_build(m, ctx):
        v = parse_en(m.group("num"))
        if v is None or v != int(v) or v < 0:
            return None
        noun = m.group("noun").lower()
        if m.groupdict().get("whole"):
            whole = parse_en(m.group("whole"))
            if whole is None or whole < v:
                return None
            return made(CountValue, value=to_number(v), unit=noun, noun=noun, whole=to_number(whole),
                        **_quantity(v, eq.bound(m), ctx))
        return made(CountValue, value=to_number(v), unit=noun, noun=noun, **_quantity(v, eq.bound(m), ctx))

    cdata = lang("en")["count"]
    not_nouns = alternation(cdata["not_nouns"])
    plural = (
        rf"(?P<noun>(?!{not_nouns}\b)(?:[a-z]+-)?(?:[a-z]*{alternation(cdata['plurals'])}|[a-z]+s))\b"
    )
    # up to two words describing the counted noun: "600 new jobs", "1.2 million air purifiers",
    # "12 senior executives" (not a word of the sentence: "in 2020 it opened stores")
    not_modifiers = alternation([*cdata["not_modifiers"], *e.units, *e.tens, *e.scales])  # no number word either
    modifier = rf"(?:(?!(?:{not_modifiers})\b)[a-z]+(?:-[a-z]+)*(?<!ed)(?<!ing)\s+)"
    year = r"(?:1[89]|20)[0-9]{2}"
    en_rec.add("plural", rf"{eq.before_re}\b(?P<num>{e.numeral})\s+{plural}{eq.after_re}", 0.6, en_build, re.I)
    en_rec.add("described_plural", rf"{eq.before_re}\b(?!{year}\b)(?P<num>{e.numeral})\s+{modifier}{{1,2}}{plural}{eq.after_re}",
               0.55, en_build, re.I)
    def en_ranged(m, ctx):  # "between 42,000 and 45,000 vehicles", "300 to 400 jobs", "300-400 jobs"
        lo, hi = parse_en(m.group("lo")), parse_en(m.group("num"))
        if lo is None or hi is None or lo >= hi or hi != int(hi) or re.fullmatch(year, m.group("lo")):
            return None  # (2019-2020 sales: years)
        noun = m.group("noun").lower()
        return made(CountValue, value=to_number((lo + hi) / 2), unit=noun, noun=noun,
                    **_quantity(0, "between", ctx, lo, hi))

    time_units = rf"(?!{alternation(lang('en')['duration']['units'])}\b)"  # "2 to 3 years" is no count
    en_rec.add("between", rf"\bbetween\s+(?P<lo>{e.numeral})\s+and\s+(?P<num>{e.numeral})\s+{time_units}{plural}",
               0.8, en_ranged, re.I)
    en_rec.add("range", rf"\b(?P<lo>{e.numeral})\s*(?:to|-|–)\s*(?P<num>{e.numeral})\s+{time_units}{plural}",
               0.75, en_ranged, re.I)
    en_rec.add(
        "part_of_whole",
        rf"{eq.before_re}\b(?P<num>{e.numeral})\s+(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+)?"
        rf"(?P<whole>{e.numeral})\s+{plural}",
        0.9, en_build, re.I,
    )
    return [rec, en_rec]


# --------------------------------------------------------------------------- durations
_CALENDAR_YEAR = re.compile(r"\s*[12][0-9]{3}\s*")
_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2592000, "year": 31536000}
_STEP_DOWN = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24), "hour": ("minute", 60), "minute": ("second", 60)}
_ORDER = ["second", "minute", "hour", "day", "week", "month", "year"]


def duration_in(value: float, unit: str) -> tuple[float, str]:
    """Express a duration as a whole number in the largest unit that allows it: 1.5 hours -> 90 minutes."""
    for _ in range(6):
        if abs(value - round(value)) < 1e-9 or unit == "second":
            return to_number(round(value, 9)), unit
        smaller, factor = _STEP_DOWN[unit]
        value, unit = value * factor, smaller
    return to_number(value), unit


def seconds(value: float, unit: str) -> float:
    return value * _SECONDS[unit]


def duration_recognizers() -> list[Recognizer]:
    z = zh()
    data = lang("zh")["duration"]
    units: dict[str, str] = data["units"]
    sizes: dict[str, int] = data["unit_size"]
    weak = set(data["weak_units"])
    q = qualifiers("zh")
    unit_re = alternation(units)
    half = re.escape(z.half)
    num = z.numeral
    # one piece: 三年, 个半小时, 半个钟, 一个半月, 五分半钟
    more = alternation(data["more"])  # 一个多月, 十多天: more than
    not_before: dict[str, list[str]] = data["unit_not_before"]
    one_not_after = frozenset(data["one_unit_not_after"])
    piece = (
        rf"(?:(?:{num})\s*(?:{more})?\s*个?\s*(?:{more})?\s*(?:{half})?|个{half}|{half}个?)\s*(?:{unit_re})(?:{half}钟?)?"
    )
    piece_re = re.compile(
        rf"(?P<num>{num})?\s*(?P<more1>{more})?\s*(?P<ge>个)?\s*(?P<more2>{more})?\s*(?P<h1>{half})?\s*个?\s*"
        rf"(?P<unit>{unit_re})(?P<h2>{half})?钟?"
    )
    rec = Recognizer("zh_duration", "duration", "zh")

    def build(m, ctx):
        text = m.group("dur")
        pieces = []
        pos = 0
        more_than = False
        while pos < len(text):
            if text[pos] in "零 ":
                pos += 1
                continue
            pm = piece_re.match(text, pos)
            if not pm or pm.end() == pos:
                return None
            pos = pm.end()
            unit_word = pm.group("unit")
            n = parse_zh(pm.group("num")) if pm.group("num") else None
            if pm.group("num") and n is None:
                return None
            if units[unit_word] == "year" and _CALENDAR_YEAR.fullmatch(pm.group("num") or ""):
                return None  # 2024年 is a year, not two thousand years
            if n is None:
                n = 1.0 if (pm.group("ge") or (pm.group("h2") and not pm.group("h1"))) else 0.0
            if pm.group("h1"):
                n += 0.5
            if pm.group("h2"):
                n += 0.5
            more_than = more_than or bool(pm.group("more1") or pm.group("more2"))
            pieces.append((n * sizes.get(unit_word, 1), units[unit_word], unit_word, bool(pm.group("num"))))
        if not pieces:
            return None
        start = m.start("dur")
        if len(pieces) == 1 and text.lstrip().startswith("一") and start and ctx.folded[start - 1] in one_not_after:
            return None  # 高于前一年的440万英镑: the year before, not a year's length
        if any(a[2] == "月" and b[2] in ("日", "号") and a[3] and b[3] for a, b in zip(pieces, pieces[1:])):
            return None  # 5月14日 is a date, not five months and fourteen days
        after = ctx.folded[m.end("dur"):m.end("dur") + 2]
        if any(after.startswith(w) for w in not_before.get(pieces[-1][2], ())):
            return None  # 十周年 is an anniversary, 三年级 a school year, 80年代 a decade
        # a lone weak unit needs more than a bare number: 五分 is money or a score, 10月 is a date
        if len(pieces) == 1 and pieces[0][2] in weak and pieces[0][2] != "钟" and not any(
            c in m.group("dur") for c in (z.half, "个", "钟")
        ):
            if ctx.kinds != frozenset({"duration"}) or pieces[0][2] == "分":
                return None
        finest = min((p[1] for p in pieces), key=_ORDER.index)
        total = sum(seconds(p[0], p[1]) for p in pieces) / _SECONDS[finest]
        # keep month and year arithmetic in months, not 30-day seconds
        if finest in ("month", "year") or (finest == "day" and all(p[1] in ("month", "day") for p in pieces)):
            if finest == "month":
                total = sum(p[0] * (12 if p[1] == "year" else 1) for p in pieces)
        if abs(total) < 1e-12:
            return None
        value, unit = duration_in(total, finest)
        bound = q.bound(m)
        if more_than and bound == "exact":
            bound = "more_than"
        return made(DurationValue, value=value, unit=unit, **_quantity(value, bound, ctx))

    rec.add("pieces", rf"{q.before_re}(?P<dur>{piece}(?:\s*零?\s*{piece})*(?:零?(?:{num})(?=$|[^{CJK}0-9]))?){q.after_re}", 0.75, build)
    # 五分三十秒 / 两小时十分 where the last piece omits its unit is covered above; 分半 = 90 s
    rec.add("minute_half", rf"(?P<dur>(?:{num})?分{half}钟?)", 0.5, build)

    en_rec = Recognizer("en_duration", "duration", "en")
    edata = lang("en")["duration"]
    eunits = {k.lower(): v for k, v in edata["units"].items()}
    esizes = {k.lower(): v for k, v in edata["unit_size"].items()}
    eq = qualifiers("en")

    def en_build(m, ctx):
        g = m.groupdict()
        raw = g.get("num") or "half"
        v = 1.0 if raw.lower() in ("a", "an") else 0.5 if raw.lower() == "half" else parse_en(raw)
        if v is None:
            return None
        word = g["unit"].lower()
        if g.get("half") or g.get("half2"):  # "a year and a half", "two and a half years"
            v += 0.5
        v *= esizes.get(word, 1)
        value, unit = duration_in(v, eunits[word])
        return made(DurationValue, value=value, unit=unit, **_quantity(value, eq.bound(m), ctx))

    and_a_half = r"\s+and\s+a\s+half"
    en_rec.add(
        "units",
        rf"{eq.before_re}\b(?P<num>{en().numeral}|an?)(?P<half2>{and_a_half})?[\s-]+(?P<unit>{alternation(eunits)})\b"
        rf"(?![\s-]+old\b)(?P<half>{and_a_half})?{eq.after_re}",  # (not "a 63-year-old": an age)
        0.7, en_build, re.I,
    )
    en_rec.add("half", rf"{eq.before_re}\bhalf\s+an?\s+(?P<unit>{alternation(eunits)})\b", 0.7, en_build, re.I)

    def en_years_months(m, ctx):
        years = 1.0 if m.group("y").lower() in ("a", "an") else parse_en(m.group("y"))
        months = parse_en(m.group("mo"))
        if years is None or months is None or not 0 < months < 12:
            return None
        value = years * 12 + months
        return made(DurationValue, value=value, unit="month", **_quantity(value, eq.bound(m), ctx))

    year_words = alternation(k for k, v in eunits.items() if v == "year")
    month_words = alternation(k for k, v in eunits.items() if v == "month")
    en_rec.add(  # "seven years and six months": one term of 90 months (as 7年6个月)
        "years_and_months",
        rf"{eq.before_re}\b(?P<y>{en().numeral}|an?)[\s-]+(?:{year_words})(?:\s*,\s*|\s+and\s+|,\s+and\s+)"
        rf"(?P<mo>{en().numeral})[\s-]+(?:{month_words})\b{eq.after_re}",
        0.75, en_years_months, re.I,
    )
    return [rec, en_rec]
