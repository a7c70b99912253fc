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
    """A regex matching any of the literal words, the longest where several match.

    Built as a trie (周一|周二|周日 -> 周(?:一|二|日)) so that a position where no word starts
    is rejected by one character test rather than one test per word."""
    unique = sorted(set(w for w in words if w))
    if not unique:
        return "(?!)"
    trie: dict = {}
    for word in unique:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return "(?:" + _trie_pattern(trie) + ")"


def starts_gate(words: Iterable[str]) -> str:
    """A lookahead on the characters the words start with, to put before a pattern whose every
    match starts with one of them (an alternation of the words, or several). Python's regex
    engine tries a big alternation branch by branch at every position of a text; the gate
    rejects most positions with one test. Case is ignored (a gate wider than needed changes
    no match), so it serves case-insensitive words too."""
    firsts = sorted({w[0] for w in words if w})
    if not firsts:
        return "(?!)"
    return "(?i:(?=[" + "".join(re.escape(ch) for ch in firsts) + "]))"


def gated_alternation(words: Iterable[str]) -> str:
    """`alternation(words)` behind `starts_gate(words)`: the same matches, found faster."""
    words = list(words)
    return starts_gate(words) + alternation(words)


def _trie_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        # collapse a chain of single children into one literal run
        run = re.escape(ch)
        while len(child) == 1 and "" not in child:
            (nxt, child), = child.items()
            run += re.escape(nxt)
        rest = _trie_pattern(child) if any(k for k in child) else ""
        branches.append(run + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # greedy: try the longer words first, end here only if none of them matches
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
    return body
