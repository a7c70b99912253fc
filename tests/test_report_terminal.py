"""`verifier report` on a terminal: the table fits the width (Chinese characters take two
columns), every finding is a row, sources have short labels with a legend, verdicts are
coloured only where they should be; status lines go to standard error; --quiet, --fail-on,
a missing seeds/ folder, entities from the configuration, and the progress bar."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier import terminal
from verifier.cli import main
from verifier.report.model import build
from verifier.report.render import display_width, source_labels, table, wrap

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
INVENTED = ROOT / "tests" / "data" / "invented"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
MARKS = ("✗", "~", "✓")


@pytest.fixture(scope="module")
def seeds_report():
    return build([SEEDS])


@pytest.fixture(scope="module")
def invented_report():
    return build([INVENTED])


def finding_rows(text: str) -> list[str]:
    return [line for line in ANSI.sub("", text).splitlines() if line.startswith(MARKS)]


@pytest.mark.parametrize("width", [40, 60, 80, 100, 160])
def test_table_fits_the_width_and_shows_every_finding(seeds_report, invented_report, width):
    for report in (seeds_report, invented_report):
        out = table(report, width)
        widest = max(display_width(line) for line in out.splitlines())
        assert widest <= width, out
        rows = finding_rows(out)
        assert len(rows) == report.summary.findings  # quote findings included
        for f, row in zip(report.findings, rows):
            assert f.rule in row


def test_chinese_subjects_keep_the_columns_aligned(invented_report):
    lines = table(invented_report, 120).splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("verdict"))
    values_col = display_width(lines[header][: lines[header].index("values")])
    body = lines[header + 2: lines.index("", header)]
    assert [line for line in body if re.search(r"[\u4e00-\u9fff].* — ", line)], "a finding about a Chinese name"
    for line in body:
        if display_width(line) <= values_col:
            continue
        # the values column starts at the same display column on every line
        at = next((i for i in range(len(line) + 1) if display_width(line[:i]) == values_col), None)
        assert at is not None and line[at - 2:at] == "  " and line[at] != " " or line[at:at + 5].strip() == "", line


def test_sources_get_short_unique_labels_with_a_legend(seeds_report):
    labels = source_labels([s.id for s in seeds_report.sources])
    assert list(labels.values()) == ["000", "001", "002", "003", "004"]
    out = table(seeds_report, 100)
    legend = out.split("\n\n")[0]
    for s in seeds_report.sources:
        assert re.search(rf"^{labels[s.id]}\s+{s.id}\s", legend, re.M)
    values = out.split("\n\n")[1]
    assert "000: Monday" in values and "000_d3" not in values


@pytest.mark.parametrize("ids, expected", [
    (["bbc-news", "cnn-news", "bbc-sport"], ["bbc-news", "cnn", "bbc-sport"]),
    (["a", "a_b"], ["a", "a_b"]),
    (["reuters-2026-02-13-openai", "reuters-2026-02-14-openai"], ["13", "14"]),  # the words all share are left out
    (["harborline-blog", "harborline-wire", "harborline-zh"], ["blog", "wire", "zh"]),
    (["correspondentfirst", "correspondentsecond"], ["A", "B"]),  # too wide: letters
    ([f"{i:03d}_x" for i in range(28)][-2:], ["026", "027"]),
])
def test_source_labels(ids, expected):
    assert list(source_labels(ids).values()) == expected


def test_letters_go_past_z():
    ids = [f"reportage{i:04d}-x" for i in range(28)]
    assert list(source_labels(ids).values())[-3:] == ["Z", "AA", "AB"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab cd,。週一宣佈辭職“”Zoë", max_size=120), st.integers(min_value=8, max_value=40),
       st.sampled_from(["", "  ", "     "]))
def test_wrap_keeps_every_character_within_the_width(text, width, indent):
    lines = wrap(text, width, indent)
    assert all(display_width(line) <= max(width, display_width(indent) + 4) for line in lines)
    body = "".join(line[len(indent):] if i else line for i, line in enumerate(lines))
    assert body.replace(" ", "") == text.replace(" ", "")


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert terminal.colour("auto", Tty()) is True
    assert terminal.colour("auto", io.StringIO()) is False
    assert terminal.colour("always", io.StringIO()) is True
    assert terminal.colour("never", Tty()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert terminal.colour("auto", Tty()) is False


def test_colour_option(seeds_report, capsys):
    assert main(["report", str(SEEDS), "--color", "always"]) == 0
    coloured = capsys.readouterr().out
    assert "\x1b[1;31m✗ contradict\x1b[0m" in coloured
    assert main(["report", str(SEEDS)]) == 0  # captured output is not a terminal
    plain = capsys.readouterr().out
    assert "\x1b[" not in plain and ANSI.sub("", coloured) == plain


def test_status_lines_go_to_stderr_and_quiet_prints_nothing(tmp_path, capsys):
    out_json = tmp_path / "r.json"
    assert main(["report", str(SEEDS), "-o", str(out_json)]) == 0
    printed = capsys.readouterr()
    assert "wrote" not in printed.out and printed.out.splitlines()[0].startswith("label")
    assert printed.err == f"wrote {out_json}\n"
    out_json.unlink()
    assert main(["report", str(SEEDS), "-o", str(out_json), "--quiet"]) == 0
    printed = capsys.readouterr()
    assert printed.out == printed.err == "" and json.loads(out_json.read_text(encoding="utf-8"))["findings"]


@pytest.mark.parametrize("verdicts, fail_on, failed", [
    (["agree", "compatible"], "contradict", False),
    (["agree", "contradict"], "contradict", True),
    (["agree", "compatible"], "compatible", True),
    (["agree"], "compatible", False),
    (["agree"], "agree", True),
    ([], "agree", False),
    (["contradict"], "never", False),
])
def test_fail_on_threshold(verdicts, fail_on, failed):
    from types import SimpleNamespace

    from verifier.commands.report import failed as fails

    assert fails([SimpleNamespace(verdict=v) for v in verdicts], fail_on) is failed


def test_fail_on_in_ci(capsys):
    assert main(["report", str(SEEDS), "--fail-on", "contradict", "-q"]) == 1
    assert main(["report", str(SEEDS), "-q"]) == 0
    assert main(["report", str(INVENTED / "lanting_a.txt"), "--fail-on", "contradict", "-q"]) == 0  # one source
    assert capsys.readouterr().out == ""


def test_no_seeds_folder_is_a_helpful_one_line_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "verifier", "report"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "verifier report news/" in done.stderr and "seeds/" in done.stderr


def test_entities_from_the_configuration(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("2025年3月6日\n\n星衡科技的估值約為30億美元,這是該公司成立以來的最高紀錄。\n", encoding="utf-8")
    (folder / "b.txt").write_text("2025年3月6日\n\nStarBalance的估值达到45亿美元,这是该公司成立以来的最高纪录。\n", encoding="utf-8")
    (tmp_path / "my-entities.toml").write_text(
        '[[entity]]\nname = "StarBalance"\ntype = "org"\naliases = ["星衡科技"]\n', encoding="utf-8")

    def valuation_verdicts() -> list[str]:
        done = subprocess.run([sys.executable, "-m", "verifier", "report", "news", "--format", "json"],
                              cwd=tmp_path, capture_output=True, text=True, check=True)
        return [f["verdict"] for f in json.loads(done.stdout)["findings"] if f["predicate"] == "valuation"]

    assert valuation_verdicts() == []
    (tmp_path / "pyproject.toml").write_text('[tool.verifier]\nentities = "my-entities.toml"\n', encoding="utf-8")
    assert valuation_verdicts() == ["contradict"]


def test_progress_bar_only_on_a_terminal(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert terminal.progress("extracting claims", "article", stream=io.StringIO()) is None
    assert terminal.progress("extracting claims", "article", quiet=True, stream=Tty()) is None
    monkeypatch.setattr(terminal, "PROGRESS_DELAY", 0)
    stream = Tty()
    bar = terminal.progress("extracting claims", "article", stream=stream)
    assert list(bar([1, 2, 3])) == [1, 2, 3]
    drawn = stream.getvalue()
    assert "extracting claims:   0%" in drawn and "0/3" in drawn and drawn.endswith("\r")  # cleared when done
    report = build([SEEDS], progress=terminal.progress("extracting claims", "article", stream=(s := Tty())))
    assert report.summary.sources == 5 and "0/5" in s.getvalue()


def test_every_finding_shows_its_reason_code(seeds_report):
    from collections import Counter

    from verifier.rules.base import REASON_CODES

    expected = Counter(f.reason for f in seeds_report.findings)
    assert expected and all(expected)
    for width in (60, 120):
        lines = ANSI.sub("", table(seeds_report, width=width)).splitlines()
        shown = Counter(line.split()[0] for line in lines
                        if line.strip() and not line.startswith(MARKS) and line.split()[0] in REASON_CODES)
        assert shown == expected, width


def test_a_copy_is_named_under_the_sources():
    from verifier.report.model import build_from_sources
    from verifier.text.sources import from_texts

    story = ("March 6, 2026\n\nLena Ortiz, the chief executive of Brightwell Labs, said on Friday that she would "
             "resign. Brightwell Labs was valued at $2.1 billion in January. The company employs 340 people "
             "in three cities, and its board will meet next week to pick a successor. Analysts at two banks said "
             "the departure came as a surprise to investors, who had expected her to lead the company through "
             "its planned listing next year. A spokesperson for the company declined to comment on the reasons "
             "for her decision or on the names of the candidates to replace her.\n")
    report = build_from_sources(from_texts({"wire": story, "reprint": story.replace("Friday", "Thursday") + "\nOriginally published by the wire.\n",
                                            "other": "March 6, 2026\n\nLena Ortiz resigned on Friday.\n"}))
    copies = {s.id: s.syndicated_from for s in report.sources}
    assert copies["reprint"] == "wire" and copies["other"] is None
    text = " ".join(table(report, width=100).split())
    assert "reprint is a near-verbatim copy of wire" in text
