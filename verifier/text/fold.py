"""Offset-preserving folding of text for matching.

`fold(text)` has exactly the length of `text`, character for character, so an offset into the
folded text is an offset into the original. It maps Traditional to Simplified script (OpenCC
t2s), full-width ASCII to ASCII and Latin letters with diacritics to their base letter.
Folding is for matching only: spans and claims always quote the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The Chinese comma stays: it separates clauses; the number grammar accepts it as a digit
# group separator where three digits follow.
_KEEP = {"，"}


def _width_table() -> dict[int, str]:
    table: dict[int, str] = {0x3000: " "}
    for code in range(0xFF01, 0xFF5F):
        ch = chr(code)
        if ch not in _KEEP:
            table[code] = unicodedata.normalize("NFKC", ch)
    for code in range(0x00C0, 0x0250):
        base = unicodedata.normalize("NFKD", chr(code))[:1]
        if base.isascii() and base.isalpha():
            table[code] = base
    return table


_TABLE = _width_table()


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _convert_same_length(converter, text: str) -> str:
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length: fall back to one character at a time.
    out = []
    for ch in text:
        c = converter.convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def fold(text: str) -> str:
    """Fold `text` for matching; the result has the same length as `text`."""
    folded = text.translate(_TABLE)
    if _has_cjk(folded):
        folded = _convert_same_length(_t2s(), folded)
    return folded


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """The characters OpenCC's t2s changes one by one (Traditional forms)."""
    chars = "".join(chr(c) for c in range(0x3400, 0xA000)) + "".join(chr(c) for c in range(0xF900, 0xFB00))
    simplified = _t2s().convert(chars)
    if len(simplified) != len(chars):
        return frozenset(ch for ch in chars if _t2s().convert(ch) != ch)
    return frozenset(a for a, b in zip(chars, simplified) if a != b)


def fold_values(text: str) -> str:
    """`fold` for reading values (numbers, dates, money): OpenCC runs only when a character of
    the text is Traditional one by one (a phrase-only difference, 瞭解 for 了解, holds no value)."""
    folded = text.translate(_TABLE)
    if _has_cjk(folded) and not _traditional_chars().isdisjoint(folded):
        folded = _convert_same_length(_t2s(), folded)
    return folded


def to_traditional(text: str) -> str:
    """Simplified to Traditional script, same length (used by tests and language detection)."""
    return _convert_same_length(_s2t(), text) if _has_cjk(text) else text


def to_simplified(text: str) -> str:
    return _convert_same_length(_t2s(), text) if _has_cjk(text) else text
