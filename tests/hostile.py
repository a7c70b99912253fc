"""Hostile text for the robustness tests: random Unicode, CJK, digits in every script,
punctuation, control and bidi characters, NULs, numbers thousands of digits long, and the words
the normalizer and the extractor react to (weekdays, dates, amounts, counts, names), mixed."""

from __future__ import annotations

import random

from hypothesis import strategies as st

# words the pipeline reacts to (invented names; no sentence from any corpus)
TRIGGERS = [
    "周一", "週二", "星期三", "禮拜四", "周五晚间", "上周六", "本週日", "Monday", "last Tuesday", "on Friday evening",
    "2026年2月30日", "2025年13月1日", "去年7月", "本月初", "3月6日", "March 6, 2026", "2026-02-13",
    "约30亿美元", "超過1,500 億美元", "近75名員工", "$5 billion", "五蚊六毫", "12%", "三成", "兩年", "6 months",
    "有七位联合创始人", "11位联合创始人中仅剩3位", "one of the five co-founders",
    "Lena Ortiz", "Omar Lund", "星衡科技", "StarBalance", "他", "她", "该公司", "the company",
    "宣布辞职", "announced her resignation", "被解雇", "估值", "融资", "表示", "said", "「", "」", "“", "”",
]
CONTROLS = ["\x00", "\x01", "\x08", "\x1b", "\x7f", "\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u200f",
            "\ufeff", "\r", "\n", "\r\n", "\t", "\u2028", "\u2029", "\x0c", "\ufffd"]
PUNCTUATION = list("。，、；：？！…—（）《》【】,.;:?!()[]{}<>|*_`#~-+=/\\'\"&%$@^")
DIGITS = ["0", "9", "１２", "〇", "一", "二十", "三百", "万", "亿", "兆", "1,000", "1.5", "-3", "½", "٣", "१२"]


def huge_number(rng: random.Random, lengths: tuple[int, ...] = (20, 400)) -> str:
    return rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(rng.choice(lengths)))


def hostile_text(size: int, seed: int, controls: float = 0.08, huge: tuple[int, ...] = (20, 400)) -> str:
    """About `size` characters of hostile text, the same for the same seed; `controls` is the
    share of control and bidi characters (an article with many is refused as binary), `huge`
    the lengths of the long numbers."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        roll = rng.random()
        if roll < 0.35:
            piece = rng.choice(TRIGGERS)
        elif roll < 0.50:
            piece = "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(rng.randint(1, 8)))
        elif roll < 0.62:
            piece = rng.choice(PUNCTUATION)
        elif roll < 0.72:
            piece = rng.choice(DIGITS)
        elif roll < 0.72 + controls:
            piece = rng.choice(CONTROLS)
        elif roll < 0.81:
            piece = huge_number(rng, huge)
        else:
            piece = "".join(chr(rng.choice([rng.randint(0x20, 0x7E), rng.randint(0xA0, 0xD7FF), rng.randint(0xE000, 0x10FFFF)]))
                            for _ in range(rng.randint(1, 6)))
        parts.append(piece)
        total += len(piece)
    return "".join(parts)


PIECES = st.one_of(
    st.sampled_from(TRIGGERS),
    st.sampled_from(CONTROLS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(DIGITS),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=6),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=6),
    st.sampled_from([20, 400]).map(lambda n: "9" * n),  # beyond any float; 5,000 digits: see test_inputs
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)
ARTICLES = st.lists(PIECES, min_size=1, max_size=80).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030", "big5", "raw"])


def encode(text: str, encoding: str, rng_bytes: bytes = b"") -> bytes:
    """`text` as a file might hold it; unencodable characters become '?' ("raw": random bytes)."""
    if encoding == "raw":
        return rng_bytes or text.encode("utf-8", errors="surrogatepass")
    return text.encode(encoding, errors="replace")
