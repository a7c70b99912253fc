"""Language data: the words, units and triggers the engine matches, kept in TOML files.

Everything in a Chinese data file is folded to Simplified script on load, the way the text is,
so a user may write either script. Files are read once per process.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from verifier.text.fold import fold


def _fold_tree(node: Any) -> Any:
    if isinstance(node, str):
        return fold(node)
    if isinstance(node, list):
        return [_fold_tree(x) for x in node]
    if isinstance(node, dict):
        return {fold(k): _fold_tree(v) for k, v in node.items()}
    return node


def read_data_file(name: str) -> dict[str, Any]:
    """Read a TOML file shipped under verifier/data/."""
    with resources.files("verifier.data").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=None)
def lang(code: str) -> dict[str, Any]:
    """Language data for `code` ('zh' or 'en'), folded like the text it is matched against."""
    return _fold_tree(read_data_file(f"lang/{code}.toml"))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest always wins."""
    unique = sorted(set(w for w in words if w), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")" if unique else "(?!)"
