"""Numbers written in Chinese numerals, digits, or English words.

Regex fragments here are building blocks for the recognizers; `parse_number` turns a matched
fragment into its value. All matching is done on folded text (Simplified, ASCII digits), so
Traditional forms (萬, 億, 兩, 貳, 參, 陸) and full-width digits read the same.

Chinese: digits 〇零一二两三…九 and financial forms 壹贰叁肆伍陆柒捌玖; units 十百千 (拾佰仟), 廿 卅
卌, and the big units 万 亿 兆 (万亿 = 10^12); 零 marks a gap (一万零五); the spoken abbreviations
百二 = 120, 千一 = 1100, 万九 = 19000, 一亿五 = 150000000; 点 for decimals (三点一四, 二点五亿);
分之 for fractions (四分之三); digits mixed with units (1,500 亿, 2.5亿, 1亿5000万, 7,840 万).
English: digits with grouping, scale words (1.5 million, 3bn), number words (twenty-one, one
hundred and five, a dozen); k/M/G suffixes. Whole numbers are exact ints (every integer below
10^16 reads back exactly); floats lose their rounding noise (`to_number`).

A minus sign right after a digit or a letter is a hyphen (2020-2021, GPT-4), not a sign.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.lang import alternation, lang
from verifier.tables import table

ARABIC = r"(?:[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+"
# a minus sign right after a digit, a letter or a closing bracket is a hyphen (2020-2021, GPT-4)
NO_SIGN_AFTER = r"(?<![0-9A-Za-z.%)）\]】])"


class _Zh:
    def __init__(self) -> None:
        data = lang("zh")["numerals"]
        self.digits: dict[str, int] = data["digits"]
        self.small: dict[str, int] = data["small_units"]
        self.tens: dict[str, int] = data["tens"]
        self.big: dict[str, int] = {k: int(v) for k, v in data["big_units"].items()}
        self.point: list[str] = data["point"]
        self.negative: list[str] = data["negative"]
        self.half: str = data["half"]
        self.multipliers: dict[str, int] = data["multipliers"]
        self.fraction: list[str] = data["fraction"]
        self.fraction_join: str = data["fraction_join"]
        units = "".join(sorted(set(self.small) | set(self.tens) | set(self.big)))
        digit_chars = "".join(sorted(self.digits))
        self.unit_chars = units
        self.digit_chars = digit_chars
        self.all_chars = digit_chars + units
        point = alternation(self.point)
        big = "".join(sorted(self.big))
        self.big_chars = big
        more = lang("zh")["numerals_more"]
        self.big_classifier: str = more["big_unit_classifier"]  # 三个亿
        self.tens_some: str = more["tens_some"]  # 二十几
        cl = re.escape(self.big_classifier)
        # 1萬4000: digits after 万 with no unit of their own are its remainder
        ten_thousand = "".join(ch for ch, v in self.big.items() if v == 10_000)
        # One numeral: digits with grouping, optionally scaled by 万/亿 ("1,500 亿", "2.5亿",
        # "1亿5000万"), or Chinese numerals with an optional decimal part, itself optionally
        # scaled ("三点一四", "零点77", "二点五亿").
        self.numeral = (
            rf"(?:(?:{ARABIC})(?:\s?(?:{cl}(?=[{big}]))?[{units}]+(?:[0-9]+(?:\.[0-9]+)?[{units}]+)*"
            rf"(?:(?<=[{ten_thousand}])[0-9]{{2,4}}(?![0-9.,]))?)?"
            rf"|[{self.all_chars}]+(?:{cl}[{big}][{self.all_chars}]*)?(?:{point}[{digit_chars}0-9]+[{big}]*)?)"
        )
        # 负 anywhere; a minus sign only where it cannot be a hyphen or a range dash (2020-2021)
        signs = [n for n in self.negative if not ("\u3400" <= n[0] <= "\u9fff")]
        words = [n for n in self.negative if n not in signs]
        self.negative_re = rf"(?:{alternation(words)}|{NO_SIGN_AFTER}{alternation(signs)})"


@table("extract")
def zh() -> _Zh:
    return _Zh()


class _En:
    def __init__(self) -> None:
        data = lang("en")["numerals"]
        self.units: dict[str, int] = data["units"]
        self.tens: dict[str, int] = data["tens"]
        self.scales: dict[str, int] = {k: int(v) for k, v in data["scales"].items()}
        self.words: dict[str, float] = {k: float(v) for k, v in data["words"].items()}
        self.suffixes: dict[str, float] = {k: float(v) for k, v in data["suffixes"].items()}
        self.ordinals: dict[str, int] = data["ordinals"]
        word = alternation(list(self.units) + list(self.tens) + list(self.scales))
        scales = alternation(self.scales)
        # a number in words starts with a unit, a tens word or "a" and a scale word ("a
        # hundred"); "million two years ago" after "$410" is no number
        first = rf"(?:{alternation(list(self.units) + list(self.tens))}|a\s+(?:{scales}))"
        # at most a dozen words ("nine hundred and ninety-nine thousand..."): an unbounded
        # repetition made a long run of number words quadratic for every pattern using it
        self.word_number = rf"{first}(?:(?:\s+and\s+|[\s-]+)(?:{word})){{0,11}}"
        # "1.5 million", "13 billion", "twenty-one", "a dozen"
        self.numeral = (
            rf"(?:(?:{ARABIC})(?:(?:\s*|-)(?:{scales})\b)?|{alternation(self.words)}\b|\b{self.word_number}\b)"
        )


@table("extract")
def en() -> _En:
    return _En()


def _arabic(s: str) -> int | float:
    t = s.replace(",", "").replace("，", "")
    return float(t) if "." in t else int(t)


def _down10(x: int | float) -> int | float:
    """x / 10, exact for whole numbers (百二 = 2 × 100 / 10)."""
    return x // 10 if isinstance(x, int) and x % 10 == 0 else x / 10


def _zh_sections(tokens: list[tuple[str, int | float]]) -> int | float | None:
    """Evaluate numeral tokens (digit / small / tens / big) with the abbreviation rules:
    百二 = 120, 千一 = 1100, 万九 = 19000, 一亿五 = 150000000. Whole numbers stay ints."""
    total: int | float = 0
    section: int | float = 0
    digit: int | float | None = None
    zero_seen = False
    last_small: int | None = None
    last_big: int | None = None
    prev_type = ""

    def flush(final: bool) -> int | float:
        nonlocal digit
        if digit is None:
            return 0
        d, digit = digit, None
        if not zero_seen and last_small is not None and last_small >= 100 and prev_type == "digit":
            return _down10(d * last_small)
        # 万九 = 19000, but 1万4000 = 14000: only one digit abbreviates
        if final and not zero_seen and last_small is None and last_big is not None and section == 0 \
                and d < 10:
            return _down10(d * last_big)
        return d

    for typ, val in tokens:
        if typ == "digit":
            if val == 0:
                zero_seen = True
                if digit is not None:
                    return None
            elif digit is not None:
                return None  # two digits in a row without a unit: 三四 is not a number
            else:
                digit = val
        elif typ == "small":
            if prev_type == "small" and digit is None:
                return None
            section += (digit if digit is not None else 1) * val
            digit = None
            last_small = val
            zero_seen = False
        elif typ == "tens":
            section += val
            last_small = 10
            zero_seen = False
        elif typ == "big":
            if prev_type == "big" and digit is None and section == 0:
                total *= val  # 万亿
            else:
                section += flush(False)
                if section == 0:
                    section = 1
                if last_big is not None and val > last_big:
                    total = (total + section) * val
                else:
                    total += section * val
            section = 0
            last_small = None
            last_big = val
            zero_seen = False
        prev_type = typ
    section += flush(True)
    return total + section


def _zh_tokens(s: str) -> list[tuple[str, int | float]] | None:
    z = zh()
    tokens: list[tuple[str, float]] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isdigit() or ch == ".":
            m = re.match(ARABIC, s[i:])
            if not m:
                return None
            tokens.append(("digit", _arabic(m.group(0))))
            i += m.end()
            continue
        if ch in z.digits:
            tokens.append(("digit", z.digits[ch]))
        elif ch in z.small:
            tokens.append(("small", z.small[ch]))
        elif ch in z.tens:
            tokens.append(("tens", z.tens[ch]))
        elif ch in z.big:
            tokens.append(("big", z.big[ch]))
        elif ch.isspace() or (ch == z.big_classifier and s[i + 1:i + 2] in z.big):  # 三个亿
            pass
        else:
            return None
        i += 1
    return tokens


def digit_sequence(s: str) -> int | None:
    """二零一五 -> 2015: numerals read digit by digit (years)."""
    z = zh()
    if s.isdigit():
        return int(s)
    if s and all(ch in z.digits for ch in s):
        return int("".join(str(z.digits[ch]) for ch in s))
    return None


@lru_cache(maxsize=8192)  # a text's numerals are read by several patterns each
def parse_zh(s: str) -> int | float | None:
    """Value of a Chinese (or mixed digit) numeral; None if it is not one."""
    z = zh()
    s = s.strip()
    if not s:
        return None
    for p in z.point:
        if p in s:
            whole, _, frac = s.partition(p)
            scale = 1
            while frac and frac[-1] in z.big:  # 二点五亿
                scale *= z.big[frac[-1]]
                frac = frac[:-1]
            w = parse_zh(whole) if whole else 0
            f = digit_sequence(frac)
            if w is None or f is None:
                return None
            return (w + f / 10 ** len(frac)) * scale
    tokens = _zh_tokens(s)
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0][0] == "big":
        return None  # 万 alone is not a number
    return _zh_sections(tokens)


@lru_cache(maxsize=8192)
def parse_en(s: str) -> float | None:
    """Value of an English number: digits, digits with a scale word, or number words."""
    e = en()
    t = s.strip().lower()
    if not t:
        return None
    if t in e.words:
        return e.words[t]
    m = re.fullmatch(rf"({ARABIC})(?:\s*|-)([a-z]*)", t)  # ("5.6-billion")
    if m:
        base = _arabic(m.group(1))
        scale = m.group(2)
        if not scale:
            return base
        if scale in e.scales:
            return base * e.scales[scale]
        return None
    total: int | float = 0
    current: int | float = 0
    seen = False
    last = ""  # "unit", "tens" or "scale": "one two" and "twenty thirty" are not numbers
    counted = False  # "a" before a scale word: "a million"; "million two" alone is no number
    for word in re.split(r"[\s-]+", t):
        if word == "and" or word == "a":
            counted = counted or word == "a"
            continue
        if not seen and not counted and word in e.scales:
            return None
        if word in e.units:
            if last == "unit" or (last == "tens" and e.units[word] >= 10):
                return None
            current += e.units[word]
            last = "unit"
        elif word in e.tens:
            if last in ("unit", "tens"):
                return None
            current += e.tens[word]
            last = "tens"
        elif word in e.scales:
            last = "scale"
            scale = e.scales[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(s: str) -> float | None:
    """Value of any numeral the recognizers match: Chinese, digits, or English words."""
    t = s.strip()
    if not t:
        return None
    if t[0].isascii() and t[0].isalpha():
        return parse_en(t)
    v = parse_zh(t)
    if v is None:
        v = parse_en(t)
    return v


def significant(x: float) -> float:
    """x to 15 significant digits, which drops float noise: 8.21 × 10^8 is 821000000, not
    821000000.0000001, and 0.1 + 0.2 is 0.3."""
    return float(f"{x:.15g}")


def to_number(x: int | float) -> int | float:
    """A whole number as int (exact, and readable in the output); a float without its noise."""
    if not isinstance(x, float):
        return x
    if x != x or x in (float("inf"), float("-inf")):
        return x
    x = significant(x)
    return int(x) if x.is_integer() and abs(x) < 1e18 else x
