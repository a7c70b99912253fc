"""The prefilter reads from a regex's text what its matches start with and must hold; a pattern
is skipped on a text only when it cannot match there, so the sets must be sound."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.normalize.engine import recognizers
from verifier.normalize.prefilter import analyze, required_strings


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
    assert required_strings(r"(?:\d+|a|an)\s+(?:days?|weeks?)\s+ago", re.I) == frozenset({"ago"})
    assert required_strings(r"a(?:bc|bd)e?") == frozenset({"abc", "abd"})  # before the optional e
    assert required_strings(r"上(?:半|下)年|下半年") == frozenset({"上半年", "上下年", "下半年"})
    assert required_strings(r"[Mm]ay", re.I) == frozenset({"may"})  # in lower case
    assert required_strings(r"\d+年") is None and required_strings(r"(?:ab)?") is None  # one character; may be empty


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


TEXT_WITH_CASES = "abAB1年月 "


@settings(max_examples=600, deadline=None)
@given(_regexes(), st.text(TEXT_WITH_CASES, max_size=14), st.booleans())
def test_required_strings_are_sound(regex, text, ignore_case):
    flags = re.I if ignore_case else 0
    strings = required_strings(regex, flags)
    if strings is None:
        return
    hay = text.lower() if ignore_case else text
    for m in re.compile(regex, flags).finditer(text):
        assert any(s in hay for s in strings), (regex, text, m, strings)


def _pieces_of_required_strings() -> list[str]:
    """The recognizers' required strings, whole, cut and in other cases (Mar, ch, MARCH)."""
    out = set()
    for rec in recognizers():
        for p in rec.patterns:
            for s in p.strings or ():
                out.update({s, s.upper(), s.title(), s[:len(s) // 2], s[len(s) // 2:]})
    return sorted(out)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_pieces_of_required_strings() + ["3", "12", "2025", " ", "年", "月", "日", "$", "亿"]),
                max_size=10).map("".join))
def test_patterns_skipped_for_their_strings_find_nothing(text):
    from verifier.normalize import engine

    filtered = engine.analyze(text)
    engine.FILTER_PATTERNS = False
    try:
        everything = engine.analyze(text)
    finally:
        engine.FILTER_PATTERNS = True
    assert [(f.start, f.end, f.pattern, f.value) for f in filtered] == \
        [(f.start, f.end, f.pattern, f.value) for f in everything]


def _build_all(monkeypatch, folder):
    """Every recognizer's readings, built as a fresh process would with `folder` as the cache."""
    from verifier.normalize import prefilter

    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    with prefilter.remembered():
        readings = [prefilter.reading(regex, flags) for regex, flags in _REGEXES]
    return readings


_REGEXES = [(r"(?:约|大约)?(?P<n>[0-9]+)\s*(?:万|亿)?美元", 0), (r"(?:\d+|a|an)\s+(?:days?|weeks?)\s+ago", re.I),
            (r"上(?:半|下)年|下半年", 0), (r"(a)\1", 0), (r"[\u3400-\u9fff]+元", 0)]


def test_readings_are_remembered_between_runs_and_a_corrupt_file_is_not_trusted(monkeypatch, tmp_path):
    import json

    from verifier.normalize import prefilter

    fresh = [(*analyze(r, f), required_strings(r, f)) for r, f in _REGEXES]
    assert _build_all(monkeypatch, tmp_path) == fresh  # read, and written
    path = tmp_path / "verifier" / prefilter.PATTERNS_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["entries"]) == len(_REGEXES)
    calls = []
    monkeypatch.setattr(prefilter, "analyze", lambda *a: calls.append(a) or analyze(*a))
    assert _build_all(monkeypatch, tmp_path) == fresh and calls == []  # all from the file
    # an entry changed without its digest: the file is ignored, everything read again
    key = prefilter._key(*_REGEXES[0])
    data["entries"][key][0] = ["x"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _build_all(monkeypatch, tmp_path) == fresh and len(calls) == len(_REGEXES)
    # a file cut short, or not JSON: the same
    for broken in (path.read_text(encoding="utf-8")[:100], "\x00\x01"):
        path.write_text(broken, encoding="utf-8")
        calls.clear()
        assert _build_all(monkeypatch, tmp_path) == fresh and len(calls) == len(_REGEXES)
    # well-formed but of the wrong shape (with its digest): that entry is read again
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entries"][key] = [1, 2, 3, 4]
    data["check"] = prefilter._entries_digest(data["entries"])
    path.write_text(json.dumps(data), encoding="utf-8")
    calls.clear()
    assert _build_all(monkeypatch, tmp_path) == fresh and len(calls) == 1
    # another version of this module: ignored
    data["code"] = "0" * 32
    path.write_text(json.dumps(data), encoding="utf-8")
    calls.clear()
    assert _build_all(monkeypatch, tmp_path) == fresh and len(calls) == len(_REGEXES)


def test_recognizers_read_from_the_file_are_the_recognizers_read_from_their_regexes(monkeypatch, tmp_path):
    from verifier.normalize import dates, prefilter

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = []
    for _ in range(2):  # the first writes the file, the second reads it
        with prefilter.remembered():
            rec = dates.zh_date_recognizer()
        built.append([(p.name, p.first, p.necessary, p.strings, p.regex.pattern) for p in rec.patterns])
    assert (tmp_path / "verifier" / prefilter.PATTERNS_FILE).exists()
    assert built[0] == built[1] and any(strings for *_, strings, _ in built[0])
