"""Offset-preserving folding of text for matching.

`fold(text)` has exactly the length of `text`, character for character, so an offset into the
folded text is an offset into the original. It maps Traditional to Simplified script (OpenCC
t2s), full-width ASCII to ASCII and Latin letters with diacritics to their base letter.
Folding is for matching only: spans and claims always quote the original text.
"""

from __future__ import annotations

import re
import unicodedata

from verifier.tables import table

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


def _class_of(codes) -> str:
    """A regex character class of code points, consecutive ones as ranges (quick to compile)."""
    parts, codes = [], sorted(codes)
    start = prev = codes[0]
    for code in codes[1:] + [None]:
        if code is not None and code == prev + 1:
            prev = code
            continue
        parts.append(re.escape(chr(start)) if start == prev else f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
        if code is not None:
            start = prev = code
    return f"[{''.join(parts)}]"


# a character `translate` changes: most texts have none, and searching for one costs far less
# than translating every character through the table
_FOLDABLE = re.compile(_class_of(_TABLE))
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@table("prepare")
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@table("prepare")
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _translated(text: str) -> str:
    """`text` through the width and diacritics table."""
    return text.translate(_TABLE) if _FOLDABLE.search(text) else text


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
    folded = _translated(text)
    if _has_cjk(folded):
        folded = _convert_same_length(_t2s(), folded)
    return folded


def _changed_one_by_one(converter) -> frozenset[str]:
    chars = "".join(chr(c) for c in range(0x3400, 0xA000)) + "".join(chr(c) for c in range(0xF900, 0xFB00))
    converted = converter.convert(chars)
    if len(converted) != len(chars):
        return frozenset(ch for ch in chars if converter.convert(ch) != ch)
    return frozenset(a for a, b in zip(chars, converted) if a != b)


@table("prepare")
def traditional_chars() -> frozenset[str]:
    """The characters OpenCC's t2s changes one by one (Traditional forms)."""
    return _changed_one_by_one(_t2s())


@table("prepare")
def simplified_chars() -> frozenset[str]:
    """The characters OpenCC's s2t changes one by one (Simplified forms)."""
    return _changed_one_by_one(_s2t())


def fold_values(text: str) -> str:
    """`fold` for reading values (numbers, dates, money): OpenCC runs only when a character of
    the text is Traditional one by one (a phrase-only difference, 瞭解 for 了解, holds no value)."""
    folded = _translated(text)
    if _has_cjk(folded) and not traditional_chars().isdisjoint(folded):
        folded = _convert_same_length(_t2s(), folded)
    return folded


def to_traditional(text: str) -> str:
    """Simplified to Traditional script, same length (used by tests and language detection)."""
    return _convert_same_length(_s2t(), text) if _has_cjk(text) else text


def to_simplified(text: str) -> str:
    return _convert_same_length(_t2s(), text) if _has_cjk(text) else text
