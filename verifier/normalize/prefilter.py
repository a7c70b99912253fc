"""What a pattern's matches can start with, and a set of characters every match holds, read
from the text of the regex (Python's documented syntax) without the interpreter's private
parser.

`analyze(regex, flags)` returns `(first, gate, necessary)`:
- `first`: every character a match can start with, or None when that is not a small set
  (a category such as \\d, a wide range such as a CJK block, `.`, a negated class);
- `gate`: a lookahead on those first characters (categories and wide ranges included), or
  None; put before the pattern it rejects most positions of a text with one character test;
- `necessary`: a small set of characters of which every match holds at least one, or None.

`required_strings(regex, flags)` gives a small set of strings of which every match holds one
(ago; day, days, week...; 上半年, 下半年), or None: a text holding none of them has no match, so
the pattern need not run on it.

Anything the reader does not know (a back reference, a conditional, inline flags) makes it
answer None, which costs speed, never a match: the sets only ever let a pattern be skipped
when it cannot match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_CATEGORIES = {"d", "D", "s", "S", "w", "W"}
_ZERO_WIDTH_ESCAPES = {"b", "B", "A", "Z"}
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
LARGE_RANGE = 512  # a wider range (a CJK block) is kept in the gate but not enumerated
# characters so frequent in the text to be matched that a set holding them filters little
COMMON = frozenset("0123456789〇零一二两三四五六七八九十百千万亿 上下前后中个的年月日号天周")


class Unknown(Exception):
    """Syntax the reader does not describe: the answer is None."""


@dataclass
class Chars:
    """A set of characters: literals, ranges (inclusive code points) and category escapes."""

    literals: set[str] = field(default_factory=set)
    ranges: list[tuple[int, int]] = field(default_factory=list)
    categories: set[str] = field(default_factory=set)

    def add(self, other: "Chars") -> None:
        self.literals |= other.literals
        self.ranges += other.ranges
        self.categories |= other.categories

    def enumerated(self, ignore_case: bool) -> frozenset[str] | None:
        """The characters as a set, or None when a category or a wide range is in it."""
        if self.categories:
            return None
        chars = set(self.literals)
        for lo, hi in self.ranges:
            if hi - lo > LARGE_RANGE:
                return None
            chars.update(chr(c) for c in range(lo, hi + 1))
        if ignore_case:
            chars |= {c.upper() for c in chars} | {c.lower() for c in chars}
        return frozenset(chars)

    def lookahead(self) -> str:
        parts = [_class_escape(c) for c in sorted(self.literals)]
        parts += [f"{_class_escape(chr(lo))}-{_class_escape(chr(hi))}" for lo, hi in self.ranges]
        parts += [f"\\{c}" for c in sorted(self.categories)]
        return f"(?=[{''.join(dict.fromkeys(parts))}])"


def _class_escape(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


# --------------------------------------------------------------------------- the syntax tree
# A node is ("set", Chars | None) for one character (None: any character), ("seq", [nodes]),
# ("alt", [nodes]), ("repeat", min, node, max or None), ("group", node) or ("empty",) for
# zero-width items.


class _Reader:
    def __init__(self, regex: str) -> None:
        self.s = regex
        self.i = 0

    def peek(self) -> str:
        return self.s[self.i] if self.i < len(self.s) else ""

    def take(self) -> str:
        ch = self.peek()
        if not ch:
            raise Unknown("unexpected end")
        self.i += 1
        return ch

    def parse(self):
        node = self.alternatives()
        if self.i != len(self.s):
            raise Unknown(f"unbalanced ) at {self.i}")
        return node

    def alternatives(self):
        branches = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def sequence(self):
        items = []
        while self.peek() and self.peek() not in "|)":
            item = self.atom()
            items.append(self.quantified(item))
        return ("seq", items)

    def quantified(self, item):
        ch = self.peek()
        if ch in ("?", "*", "+"):
            self.i += 1
            low = 1 if ch == "+" else 0
            high = 1 if ch == "?" else None
        elif ch == "{":
            m = re.compile(r"\{(\d*)(?:(,)(\d*))?\}").match(self.s, self.i)
            if not m or (not m.group(1) and not m.group(2)):
                return item  # a literal brace
            self.i = m.end()
            low = int(m.group(1) or 0)
            high = low if not m.group(2) else (int(m.group(3)) if m.group(3) else None)
        else:
            return item
        if self.peek() in ("?", "+"):  # lazy or possessive
            self.i += 1
        return ("repeat", low, item, high)

    def atom(self):
        ch = self.take()
        if ch == "(":
            return self.group()
        if ch == "[":
            return ("set", self.char_class())
        if ch == ".":
            return ("set", None)
        if ch in "^$":
            return ("empty",)
        if ch == "\\":
            return self.escape()
        return ("set", Chars({ch}))

    def group(self):
        zero_width = False
        if self.s.startswith("?", self.i):
            if self.s.startswith("?:", self.i) or self.s.startswith("?>", self.i):
                self.i += 2
            elif self.s.startswith("?P<", self.i):
                end = self.s.index(">", self.i)
                self.i = end + 1
            elif self.s.startswith(("?=", "?!"), self.i):
                self.i += 2
                zero_width = True
            elif self.s.startswith(("?<=", "?<!"), self.i):
                self.i += 3
                zero_width = True
            else:
                raise Unknown("group syntax")  # inline flags, back references, conditionals
        inner = self.alternatives()
        if self.take() != ")":
            raise Unknown("unclosed group")
        return ("empty",) if zero_width else ("group", inner)

    def escape(self):
        ch = self.take()
        if ch in _CATEGORIES:
            return ("set", Chars(categories={ch}))
        if ch in _ZERO_WIDTH_ESCAPES:
            return ("empty",)
        return ("set", Chars({self.escaped_char(ch)}))

    def escaped_char(self, ch: str) -> str:
        if ch in _CONTROL:
            return _CONTROL[ch]
        if ch in "uUx":
            size = {"u": 4, "U": 8, "x": 2}[ch]
            digits = self.s[self.i:self.i + size]
            if len(digits) != size or not all(c in "0123456789abcdefABCDEF" for c in digits):
                raise Unknown("bad escape")
            self.i += size
            return chr(int(digits, 16))
        if ch.isalnum() or ch == "_":
            raise Unknown(f"escape \\{ch}")  # back references, \N{...}, octal
        return ch

    def char_class(self) -> Chars | None:
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        chars = Chars()
        first = True
        while True:
            ch = self.take()
            if ch == "]" and not first:
                break
            first = False
            if ch == "\\":
                esc = self.take()
                if esc in _CATEGORIES:
                    chars.categories.add(esc)
                    continue
                lo = self.escaped_char(esc)
            else:
                lo = ch
            if self.peek() == "-" and self.s[self.i + 1:self.i + 2] not in ("]", ""):
                self.i += 1
                hi = self.take()
                if hi == "\\":
                    hi = self.escaped_char(self.take())
                chars.ranges.append((ord(lo), ord(hi)))
            else:
                chars.literals.add(lo)
        return None if negated else chars


# --------------------------------------------------------------------------- the sets
def _first(node) -> tuple[Chars, bool]:
    """The characters a node's matches can start with, and whether it can match empty.
    Raises Unknown when a match may start with any character."""
    kind = node[0]
    if kind == "empty":
        return Chars(), True
    if kind == "set":
        if node[1] is None:
            raise Unknown("any character")
        return node[1], False
    if kind == "group":
        return _first(node[1])
    if kind == "repeat":
        chars, empty = _first(node[2])
        return chars, empty or node[1] == 0
    if kind == "alt":
        out, nullable = Chars(), False
        for branch in node[1]:
            chars, empty = _first(branch)
            out.add(chars)
            nullable = nullable or empty
        return out, nullable
    out = Chars()
    for item in node[1]:  # a sequence
        chars, empty = _first(item)
        out.add(chars)
        if not empty:
            return out, False
    return out, True


def _necessary(node, ignore_case: bool) -> tuple[bool, frozenset[str] | None]:
    """Whether a node can match empty, and a small set of characters of which every match
    holds one (None: none found). In a sequence each item that cannot match empty gives such
    a set and the rarest is kept: few characters, and none of the common ones (numerals), so
    that 七夕 needs 夕 rather than 七."""
    kind = node[0]
    if kind == "empty":
        return True, None
    if kind == "set":
        return False, None if node[1] is None else node[1].enumerated(ignore_case)
    if kind == "group":
        return _necessary(node[1], ignore_case)
    if kind == "repeat":
        return (True, None) if node[1] == 0 else _necessary(node[2], ignore_case)
    if kind == "alt":
        results = [_necessary(b, ignore_case) for b in node[1]]
        if any(empty for empty, _ in results):
            return True, None
        if any(chars is None for _, chars in results):
            return False, None
        return False, frozenset().union(*(chars for _, chars in results))  # type: ignore[misc]
    nullable, best, best_cost = True, None, 0
    for item in node[1]:
        empty, chars = _necessary(item, ignore_case)
        if empty:
            continue
        nullable = False
        if chars is None:
            continue
        cost = len(chars) + 1000 * len(chars & COMMON)
        if best is None or cost < best_cost:
            best, best_cost = chars, cost
    return nullable, best


# --------------------------------------------------------------------------- the strings
MAX_STRINGS = 32  # a set of strings larger than this is not kept
MIN_LENGTH = 2  # a shorter string filters no better than `necessary` does


def _literal_chars(chars: Chars | None, ignore_case: bool) -> frozenset[str] | None:
    """The characters of a set as strings (in lower case when case is ignored), or None when
    they are many or unknown. Ignoring case, only ASCII and caseless characters (Chinese) are
    kept: their lower case is the one `str.lower` gives."""
    if chars is None:
        return None
    found = chars.enumerated(False)
    if found is None or len(found) > MAX_STRINGS:
        return None
    if ignore_case:
        if not all(c.isascii() or c.lower() == c == c.upper() for c in found):
            return None
        found = frozenset(c.lower() for c in found)
    return found


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """Of two sets of strings each of which every match holds one of, the one filtering more:
    longer shortest string, then fewer strings."""
    if a is None or "" in a:
        return None if b is None or "" in b else b
    if b is None or "" in b:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _product(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None or b is None or len(a) * len(b) > MAX_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


def _strings(node, ignore_case: bool) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(every string the node can match, when they are few; a set of strings of which every
    match holds one, when one is known). Zero-width items match the empty string."""
    kind = node[0]
    if kind == "empty":
        return frozenset({""}), None
    if kind == "set":
        chars = _literal_chars(node[1], ignore_case)
        return chars, chars
    if kind == "group":
        return _strings(node[1], ignore_case)
    if kind == "repeat":
        low, high = node[1], node[3]
        exact, required = _strings(node[2], ignore_case)
        if low == 0:
            return (exact | {""} if exact is not None and high == 1 else None), None
        return (exact if high == 1 else None), _better(required, exact)
    if kind == "alt":
        if len(node[1]) > MAX_STRINGS:
            return None, None  # (each branch adds a string at least)
        exact: frozenset[str] | None = frozenset()
        required: frozenset[str] | None = frozenset()
        for branch in node[1]:
            e, r = _strings(branch, ignore_case)
            exact = None if exact is None or e is None or len(exact | e) > MAX_STRINGS else exact | e
            r = _better(r, e)
            required = None if required is None or r is None or len(required | r) > MAX_STRINGS else required | r
            if exact is None and required is None:
                break  # the other branches cannot make it known
        return exact, _better(required, exact)
    # a sequence: runs of items with few strings join into longer strings (d, ays? -> day, days)
    whole: frozenset[str] | None = frozenset({""})
    run: frozenset[str] | None = frozenset({""})
    best = None
    for item in node[1]:
        exact, required = _strings(item, ignore_case)
        best = _better(best, required)
        whole = _product(whole, exact)
        best = _better(best, run)  # (a shorter run may filter better: an optional item doubles it)
        joined = _product(run, exact)
        if joined is None:
            run = exact if exact is not None else frozenset({""})
        else:
            run = joined
    best = _better(best, run)
    return whole, _better(best, whole)


@lru_cache(maxsize=1024)
def _tree(regex: str, flags: int):
    """The syntax tree of a regex (shared: not to be changed), or None when it is not read."""
    if flags & re.VERBOSE:
        return None
    try:
        return _Reader(regex).parse()
    except (Unknown, ValueError, IndexError):
        return None


def required_strings(regex: str, flags: int = 0) -> frozenset[str] | None:
    """A small set of strings of which every match holds one (each at least MIN_LENGTH long; in
    lower case when the regex ignores case), or None: a text holding none of them (in any case
    when the regex ignores it) has no match."""
    tree = _tree(regex, flags)
    if tree is None:
        return None
    try:
        strings = _strings(tree, bool(flags & re.IGNORECASE))[1]
    except RecursionError:
        return None
    if strings is None or "" in strings or len(strings) > MAX_STRINGS or min(map(len, strings)) < MIN_LENGTH:
        return None
    return strings


def analyze(regex: str, flags: int = 0) -> tuple[frozenset[str] | None, str | None, frozenset[str] | None]:
    """(first characters, gate lookahead, necessary characters) of a regex; see the module."""
    tree = _tree(regex, flags)
    if tree is None:
        return None, None, None
    ignore_case = bool(flags & re.IGNORECASE)
    try:
        chars, nullable = _first(tree)
        first_known = not nullable and bool(chars.literals or chars.ranges or chars.categories)
    except Unknown:
        first_known = False
    first = chars.enumerated(ignore_case) if first_known else None
    gate = chars.lookahead() if first_known else None
    return first, gate, _necessary(tree, ignore_case)[1]


# --------------------------------------------------------------------------- remembered readings
# Reading the normalizer's ~90 patterns (about 50,000 characters of regex) is most of the cost of
# building its recognizers, paid by every process. `remembered()` keeps the readings between runs
# in one file of the cache folder (`$XDG_CACHE_HOME/verifier/patterns.json`), as Python keeps
# compiled modules: a reading is found by a digest of its regex and flags, the file by a digest of
# this module's code and Python's version, and the whole file is checked against a digest of its
# entries. A file that is missing, foreign, corrupt or unwritable is ignored (the patterns are read
# again), never trusted.
Reading = tuple  # (first, gate, necessary, strings): analyze(regex, flags) + (required_strings,)

PATTERNS_FILE = "patterns.json"
_memo: dict[str, list] | None = None  # key -> stored reading, while remembered() is active
_used: dict[str, list] = {}  # what this build read, as stored
_fresh = False  # whether a reading was made (not found in the file)


def reading(regex: str, flags: int = 0) -> Reading:
    """analyze(regex, flags) + (required_strings(regex, flags),), from the file when
    `remembered()` is active and it holds the reading."""
    global _fresh
    if _memo is None:
        return (*analyze(regex, flags), required_strings(regex, flags))
    key = _key(regex, flags)
    stored = _memo.get(key)
    found = _from_stored(stored) if stored is not None else None
    if found is None:
        found = (*analyze(regex, flags), required_strings(regex, flags))
        stored = _to_stored(found)
        _fresh = True
    _used[key] = stored
    return found


class remembered:
    """While active, `reading` uses the file of readings; on leaving, the file is rewritten with
    this build's readings when any of them had to be made."""

    def __enter__(self) -> None:
        global _memo, _fresh
        _memo, _fresh = _load(), False
        _used.clear()

    def __exit__(self, *exc) -> None:
        global _memo
        if exc[0] is None and _fresh:
            _save(_used)
        _memo = None
        _used.clear()


def _key(regex: str, flags: int) -> str:
    import hashlib

    return hashlib.blake2b(f"{int(flags)}\0{regex}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _code_digest() -> str:
    import hashlib
    import sys

    h = hashlib.blake2b(sys.version.encode(), digest_size=16)
    with open(__file__, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def _entries_digest(entries: dict) -> str:
    import hashlib
    import json

    text = json.dumps(entries, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _path():
    from verifier.cache import default_folder

    return default_folder() / PATTERNS_FILE


def _load() -> dict[str, list]:
    import json

    try:
        with open(_path(), encoding="utf-8") as f:
            data = json.load(f)
        entries = data["entries"]
        if data["code"] != _code_digest() or not isinstance(entries, dict) or data["check"] != _entries_digest(entries):
            return {}
        return entries
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _save(entries: dict[str, list]) -> None:
    import json
    import os
    import tempfile

    path = _path()
    data = {"code": _code_digest(), "check": _entries_digest(entries), "entries": entries}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".patterns-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)  # whole or not at all, whoever writes at the same time
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        pass  # an unwritable cache folder: the patterns are read again next time


def _to_stored(found: Reading) -> list:
    first, gate, necessary, strings = found
    as_list = lambda s: None if s is None else sorted(s)
    return [as_list(first), gate, as_list(necessary), as_list(strings)]


def _from_stored(stored) -> Reading | None:
    """The reading of a stored entry, or None when it is not one `_to_stored` could make."""
    def chars(x):
        if x is None:
            return None
        if not isinstance(x, list) or not all(isinstance(c, str) for c in x):
            raise TypeError
        return frozenset(x)

    try:
        first, gate, necessary, strings = stored
        if gate is not None and not isinstance(gate, str):
            return None
        return chars(first), gate, chars(necessary), chars(strings)
    except (TypeError, ValueError):
        return None
