"""The prefilter reads from a regex's text what its matches start with and must hold; a pattern
is skipped on a text only when it cannot match there, so the sets must be sound."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.normalize.engine import recognizers
from verifier.normalize.prefilter import analyze


def test_examples():
    first, gate, necessary = analyze(r"(?:约|大约)?(?P<n>[0-9]+)\s*(?:万|亿)?美元")
    assert first == frozenset("约大0123456789")
    assert necessary == frozenset("美")  # the rarest set every match holds
    assert re.compile(gate).match("5x") and re.compile(gate).match("大约") and not re.compile(gate).match("ax")
    assert analyze(r"(?<![0-9])周[一二三]")[:1] == (frozenset("周"),)
    assert analyze(r"\d+年")[0] is None and analyze(r"\d+年")[2] == frozenset("年")
    assert analyze(r"[\u3400-\u9fff]+元")[0] is None  # a CJK block: not enumerated
    assert analyze(r".+x") == (None, None, frozenset("x"))
    assert analyze(r"(a)\1") == (None, None, None)  # a back reference: unknown
    assert analyze(r"may", re.I)[0] == frozenset("mM")
    assert analyze(r"a?") [0] is None  # may match empty


def test_every_pattern_of_the_recognizers_is_read():
    # each pattern's sets are known or deliberately None; the gated pattern compiles
    for rec in recognizers():
        for p in rec.patterns:
            assert p.regex.pattern
    read = [p for rec in recognizers() for p in rec.patterns if p.first is not None or p.necessary is not None]
    assert len(read) > 0.8 * sum(len(rec.patterns) for rec in recognizers())


# random regexes over a small alphabet, and texts over it: every match starts with a first
# character and holds a necessary one
ALPHABET = "ab1年月 "
_atom = st.sampled_from(["a", "b", "1", "年", "月", "[ab]", "[1年]", r"\d", r"\s", ".", "(?<!a)", r"\b", "(?=b)"])


def _regexes():
    def extend(children):
        return st.one_of(
            st.lists(children, min_size=1, max_size=4).map("".join),
            st.lists(children, min_size=2, max_size=3).map(lambda xs: "(?:" + "|".join(xs) + ")"),
            st.tuples(children, st.sampled_from(["?", "*", "+", "{2}", "{0,2}", "+?"])).map(
                lambda t: "(?:" + t[0] + ")" + t[1]),
            children.map(lambda x: "(" + x + ")"),
        )
    return st.recursive(_atom, extend, max_leaves=8)


@settings(max_examples=400, deadline=None)
@given(_regexes(), st.text(ALPHABET, max_size=12), st.booleans())
def test_sets_are_sound(regex, text, ignore_case):
    flags = re.I if ignore_case else 0
    first, gate, necessary = analyze(regex, flags)
    plain = re.compile(regex, flags)
    gated = re.compile(regex if gate is None else f"{gate}(?:{regex})", flags)
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for m in plain.finditer(text):
        if m.end() == m.start():
            continue
        if first is not None:
            assert text[m.start()] in first, (regex, text, m)
        if necessary is not None:
            assert any(ch in necessary for ch in m.group(0)), (regex, text, m)
