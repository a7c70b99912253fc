"""Hostile corpora through every command, in-process, with a time budget (issue 12): random
Unicode, CJK, digits, punctuation, control and bidi characters, NULs, huge numbers, many
weekday words, in every encoding. No exception escapes (no "internal error"), every exit is
0, 1 or 2, a refusal is one line, JSON output always parses as strict JSON (no NaN), a failed
run writes nothing — and the cost grows linearly with the input."""

from __future__ import annotations

import contextlib
import io as stdio
import json
import os
import signal
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile import ARTICLES, ENCODINGS, PIECES, TEXTS, encode, hostile_text  # noqa: E402

from verifier.cli import main  # noqa: E402

BUDGET = timedelta(seconds=30)  # per example: generous, so a loaded machine cannot fail it
SETTINGS = dict(deadline=BUDGET, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class Expired(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float):
    """Fail (rather than hang) when a run takes longer than `seconds` (the regex engine too
    checks for signals, so a catastrophic pattern is interrupted)."""
    def expired(signum, frame):
        raise Expired(f"over {seconds:.1f} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(*args, stdin: bytes | None = None) -> tuple[int, str, str]:
    out, err = stdio.StringIO(), stdio.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = stdio.TextIOWrapper(stdio.BytesIO(stdin))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main([str(a) for a in args])
    finally:
        sys.stdin = old_stdin
    return status, out.getvalue(), err.getvalue()


def well_behaved(status: int, err: str, allowed=(0, 2)) -> None:
    assert status in allowed, err
    assert "internal error" not in err and "Traceback" not in err, err
    if status == 2:
        assert err.startswith("verifier: error: ") and err.count("\n") == 1, err


def strict_json(text: str):
    def refuse(constant):
        raise AssertionError(f"{constant} in JSON output")
    return json.loads(text, parse_constant=refuse)


@contextlib.contextmanager
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def write_articles(where: Path, articles: list[tuple[str, str]]) -> None:
    where.mkdir()
    for n, (text, encoding) in enumerate(articles):
        (where / f"s{n}.txt").write_bytes(encode(text, encoding))


# ----------------------------------------------------------------------------- properties
@settings(max_examples=25, **SETTINGS)
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_normalize_arguments(texts):
    status, out, err = run("normalize", "--base", "2026-02-13", "--", *texts)
    well_behaved(status, err, (0,))
    lines = out.split("\n")[:-1]  # JSON lines: U+2028 and the like stay inside a line
    assert len(lines) == len(texts)
    for line, text in zip(lines, texts):
        record = strict_json(line)
        assert record["text"] == text
        for v in record["values"]:
            assert text[v["span"][0]:v["span"][1]] == v["text"]


@settings(max_examples=25, **SETTINGS)
@given(st.binary(max_size=300), TEXTS)
def test_normalize_standard_input(raw, text):
    data = raw + b"\n" + text.encode("utf-8", errors="surrogatepass") + b"\r\n"
    status, out, err = run("normalize", stdin=data)
    well_behaved(status, err, (0,))
    lines = out.split("\n")[:-1]
    assert len(lines) == data.count(b"\n")
    for line in lines:
        strict_json(line)


@settings(max_examples=20, **SETTINGS)
@given(st.lists(st.tuples(ARTICLES, ENCODINGS), min_size=1, max_size=3), st.binary(max_size=200),
       st.sampled_from(["", "[sources.s0]\ntitle = ", "[sources.s0]\nlanguage = ", "[sources.s9]\nurl = "]), TEXTS)
def test_report_writes_everything_or_nothing(articles, noise, manifest, value):
    with folder() as tmp:
        write_articles(tmp / "news", articles)
        if noise:
            (tmp / "news" / "noise.md").write_bytes(noise)
        if manifest:
            (tmp / "news" / "manifest.toml").write_text(manifest + json.dumps(value) + "\n", encoding="utf-8",
                                                         errors="surrogatepass")
        out = tmp / "out"
        status, printed, err = run("report", tmp / "news", "-o", out / "r.json", "-o", out / "r.md",
                                   "-o", out / "r.html", "--ledger", out / "claims")
        well_behaved(status, err)
        written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) if out.exists() else []
        if status == 2:
            assert [w for w in written if w != "claims"] == []  # nothing, not even a temporary file
            return
        report = strict_json((out / "r.json").read_text(encoding="utf-8"))
        assert not [w for w in written if Path(w).name.startswith(".")]
        for c in report["claims"]:
            assert c["start"] <= c["end"]
            strict_json(json.dumps(c, allow_nan=False))
        for line in (out / "claims" / f"{report['sources'][0]['id']}.jsonl").read_text(encoding="utf-8").splitlines():
            strict_json(line)
        md = (out / "r.md").read_text(encoding="utf-8")
        assert "<" not in md  # article text never becomes raw HTML


@settings(max_examples=20, **SETTINGS)
@given(ARTICLES, st.lists(ARTICLES, min_size=1, max_size=2), st.sampled_from(["json", "sarif", "text", "github"]))
def test_check_a_hostile_draft_against_hostile_sources(draft, sources, fmt):
    with folder() as tmp:
        write_articles(tmp / "sources", [(s, "utf-8") for s in sources])
        (tmp / "draft.md").write_text(draft, encoding="utf-8", errors="surrogatepass")
        status, out, err = run("check", tmp / "draft.md", "--against", tmp / "sources", "--format", fmt,
                               "--show-unsupported", "--no-config")
        well_behaved(status, err, (0, 1, 2))
        if status != 2 and fmt in ("json", "sarif"):
            strict_json(out)


NUMBERS = st.one_of(st.integers(), st.floats(), st.sampled_from(["inf", "-inf", "nan", "9" * 5000, "1e999", "0x10"]))


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> tuple[Path, str]:
    where = tmp_path_factory.mktemp("report")
    (where / "a.txt").write_text("2026年3月6日\n\nLena Ortiz于周一宣布辞职。\n", encoding="utf-8")
    (where / "b.txt").write_text("March 6, 2026\n\nLena Ortiz announced her resignation on Tuesday.\n", encoding="utf-8")
    path = where / "report.json"
    assert run("report", where, "-o", path)[0] == 0
    return path, json.loads(path.read_text(encoding="utf-8"))["findings"][0]["id"]


@settings(max_examples=40, **SETTINGS)
@given(NUMBERS, NUMBERS, NUMBERS, st.sampled_from(['{ name = "Desk" }', '"Desk"', "5", '{ name = "" }', "[1]"]),
       st.sampled_from(["toml", "json"]), PIECES)
def test_export_claimreview_with_hostile_ratings(report_file, value, best, worst, author, kind, text):
    path, finding = report_file
    def toml_number(x):
        return x if isinstance(x, str) else repr(x)
    body = (f'[reviews."{finding}"]\nalternateName = {json.dumps(text)}\nratingValue = {toml_number(value)}\n'
            f"bestRating = {toml_number(best)}\nworstRating = {toml_number(worst)}\nauthor = {author}\n"
            'url = "https://factcheck.example.org/r"\ndatePublished = 2026-03-07\n')
    with folder() as tmp:
        reviews = tmp / "reviews.toml"
        reviews.write_text(body, encoding="utf-8", errors="surrogatepass")
        if kind == "json":
            try:
                import tomllib

                data = tomllib.loads(body)
            except (ValueError, RecursionError):
                return
            reviews = tmp / "reviews.json"
            reviews.write_text(json.dumps(data, default=str), encoding="utf-8", errors="surrogatepass")
        status, out, err = run("export", "claimreview", reviews, "--report", path)
        well_behaved(status, err)
        if status == 0:
            items = strict_json(out)
            rating = items[0]["reviewRating"]
            assert rating["worstRating"] < rating["bestRating"]
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
            assert isinstance(items[0]["author"], dict)


@settings(max_examples=30, **SETTINGS)
@given(st.binary(max_size=400) | TEXTS.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
       st.sampled_from(["entities", "config", "manifest"]))
def test_hostile_structured_files(raw, which):
    with folder() as tmp:
        write_articles(tmp / "news", [("Lena Ortiz于周一宣布辞职。", "utf-8")])
        args = ["report", tmp / "news", "--format", "json"]
        if which == "entities":
            (tmp / "e.toml").write_bytes(raw)
            args += ["--entities", tmp / "e.toml"]
        elif which == "manifest":
            (tmp / "news" / "manifest.toml").write_bytes(raw)
        else:
            (tmp / "c.toml").write_bytes(raw)
            args = ["check", tmp / "news" / "s0.txt", "--against", tmp / "news", "--config", tmp / "c.toml"]
        status, out, err = run(*args)
        well_behaved(status, err, (0, 1, 2))


# ----------------------------------------------------------------------------- cost grows linearly
def seconds(args: list, stdin: bytes | None = None, limit: float = 120.0) -> float:
    """CPU seconds of one in-process run (other processes on a loaded machine do not count); a
    run still going after `limit` seconds of wall-clock time is stopped."""
    start = time.process_time()
    with time_limit(limit):
        status, _, err = run(*args, stdin=stdin)
    well_behaved(status, err, (0, 1))
    return time.process_time() - start


def grows_linearly(make_args, small: int) -> None:
    """10× the input costs at most 15× the CPU time (the best of a few runs each, plus a fixed
    allowance, so that a loaded machine cannot make it fail); a quadratic run is stopped."""
    args_small, stdin_small = make_args(small)
    args_big, stdin_big = make_args(small * 10)
    seconds(args_small, stdin_small)  # warm caches and lazy imports
    base = min(seconds(args_small, stdin_small) for _ in range(3))
    budget = 15 * base + 1.0
    try:  # the wall-clock stop is generous: a shared machine may give this process half a core
        big = min(seconds(args_big, stdin_big, limit=3 * budget) for _ in range(2))
    except Expired:
        raise AssertionError(f"{small * 10:,} characters took over {3 * budget:.1f} s; "
                             f"{small:,} took {base:.2f} s") from None
    assert big <= budget, (base, big)


@pytest.fixture
def corpus_dir():
    with folder() as tmp:
        yield tmp


def article_args(kind: str, where: Path):
    """A function of the size: the command line (and standard input) for one hostile input."""
    def make(size: int):
        d = where / str(size)
        d.mkdir(exist_ok=True)
        text = CORPORA[kind](size)
        (d / "a.txt").write_text(text, encoding="utf-8")
        (d / "b.txt").write_text(CORPORA[kind](size + 1), encoding="utf-8")
        (d / "draft.md").write_text(text, encoding="utf-8")
        return d
    return make


def prose(size: int, seed: int = 1) -> str:
    """Invented news sentences, each different: names, weekdays, amounts, counts, dates."""
    import random

    rng = random.Random(seed + size)
    days = ["周一", "週二", "周三", "週四", "周五", "Monday", "Tuesday"]
    out, total = [], 0
    while total < size:
        name = rng.choice(["Lena", "Omar", "Kai", "Rosa", "Ivan"]) + " " + rng.choice(["Ortiz", "Baker", "Lund", "Sato", "Novak"])
        p = (f"{name}于{rng.choice(days)}宣布辞职,公司估值约为{rng.randint(1, 999)}亿美元,有{rng.randint(2, 12)}位联合创始人。"
             f"{rng.randint(1990, 2030)}年{rng.randint(1, 12)}月{rng.randint(1, 31)}日,{name} said on {rng.choice(days[5:])} "
             f"it raised ${rng.randint(1, 99)} billion.\n\n")
        out.append(p)
        total += len(p)
    return "".join(out)


def wrapped(size: int) -> str:
    """The prose hard-wrapped into one long paragraph: every line runs on into the next."""
    text = prose(size).replace("\n\n", "")
    return "\n".join(text[i:i + 36] for i in range(0, len(text), 36)) + "\n"


CORPORA = {
    "prose": prose,
    "wrapped": wrapped,
    # no control characters (an article with many is refused as binary), numbers up to 60 digits
    "hostile": lambda size: hostile_text(size, size, controls=0.0, huge=(20, 60)),
    "weekdays": lambda size: ("周一 週二 Monday 星期三 " * (size // 16 + 1))[:size],
}


@pytest.mark.parametrize("command, kind, small", [
    ("report", "prose", 2000),
    ("check", "prose", 2000),
    ("normalize", "prose", 2000),
    ("report", "hostile", 1000),
    ("report", "wrapped", 2000),
    ("normalize", "weekdays", 5000),
])
def test_cost_grows_linearly(corpus_dir, command, kind, small):
    make = article_args(kind, corpus_dir)

    def args(size: int):
        d = make(size)
        # in this process and with no cache, so that the small run's CPU time is the same work
        # as the big run's (a forked worker's or a cache's would not count, and the budget
        # made from it would be too small for a loaded machine)
        if command == "report":
            return ["report", d / "a.txt", d / "b.txt", "--format", "json", "--jobs", "1", "--no-cache"], None
        if command == "check":
            return ["check", d / "draft.md", "--against", d / "a.txt", "--format", "json", "--no-config",
                    "--jobs", "1", "--no-cache"], None
        lines = (d / "a.txt").read_text(encoding="utf-8")
        if kind == "weekdays":
            return ["normalize", lines], None  # all of it on one line
        return ["normalize"], lines.encode("utf-8")  # one value list per line
    grows_linearly(args, small)
