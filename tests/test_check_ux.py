"""`verifier check` as ruff and Vale users expect it: code frames with a caret under the words,
--format concise, --statistics, baseline files, sources named by path:line, warnings about
unknown codes in suppression comments."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from verifier.check.diagnostics import Diagnostic, Lines
from verifier.check.formats import code_frame
from verifier.cli import main
from verifier.terminal import display_width

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "examples" / "news"  # the README's walkthrough: three short invented articles
ENTITIES = ROOT / "examples" / "entities.toml"
CONTRADICTED = "联合创始人Maya Okafor于周三离职。"  # the articles say Monday, and last Friday
ALSO_CONTRADICTED = "Maya Okafor, a co-founder of Harborline Robotics, left the company on Wednesday."
DISPUTED = "港線機器人的估值約為15億美元。"  # one article says about 1.5 billion, another 1.2 billion
COUNT = "Harborline Robotics has five co-founders."  # two articles say four


def write(tmp_path: Path, *lines: str, name: str = "draft.md") -> Path:
    path = tmp_path / name
    path.write_text("# Draft\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def check(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["check", *args, "--against", str(NEWS), "--entities", str(ENTITIES), "--no-config"])
    out, err = capsys.readouterr()
    return status, out, err


def test_text_output_has_a_code_frame_with_a_caret_under_the_words(tmp_path, capsys):
    draft = write(tmp_path, CONTRADICTED)
    status, out, _ = check(capsys, str(draft))
    assert status == 1
    head, bar, line, carets, bar2 = out.splitlines()[:5]
    assert head.startswith(f"{draft}:3:{CONTRADICTED.index('周三') + 1}: D101 ")
    assert (bar, bar2) == ("  |", "  |")
    assert line == f"3 | {CONTRADICTED}"
    # the carets start under 周三 (Chinese characters are two columns wide) and cover it
    col = display_width(line[: line.index("周三")])
    assert carets.index("^") == col and carets[col:].split()[0] == "^^^^" and carets.endswith(" D101")


def test_concise_is_one_line_per_diagnostic(tmp_path, capsys):
    draft = write(tmp_path, CONTRADICTED, DISPUTED)
    status, out, _ = check(capsys, str(draft), "--format", "concise")
    lines = out.splitlines()
    assert status == 1 and len(lines) == 3
    assert re.match(rf"^{re.escape(str(draft))}:3:\d+: D101 ", lines[0])
    assert re.match(rf"^{re.escape(str(draft))}:5:\d+: W102 ", lines[1])
    assert lines[2].startswith("Found 1 error, 1 warning")


def test_sources_are_named_by_path_and_line(tmp_path, capsys):
    draft = write(tmp_path, CONTRADICTED)
    _, out, _ = check(capsys, str(draft), "--format", "concise")
    named = [(p, n) for p, n in re.findall(r"(\S+\.(?:txt|md)):(\d+)", out) if "examples" in p]
    assert len(named) == 3 and "harborline-wire says" not in out  # sources saying the same are named together
    for path, line in named:
        text = Path(path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
        assert re.search("周一|Monday|上週五", text)  # the line the source says it on


def test_long_lines_are_cut_around_the_words():
    text = "他說。" * 60 + "Mrinank Sharma 在週三宣佈辭職。" + "後來。" * 60
    start = text.index("週三")
    lines = Lines(text)
    d = Diagnostic(path="d.md", position=lines.position(start, start + 2), start=start, end=start + 2,
                   code="D101", name="event-date-conflict", severity="error", message="m")
    frame = code_frame(text, d, width=60)
    assert all(display_width(line) <= 60 for line in frame)
    shown, carets = frame[1], frame[2]
    assert shown.startswith("1 | …") and shown.endswith("…") and "週三" in shown
    assert display_width(shown[: shown.index("週三")]) == carets.index("^")


def test_statistics_count_per_code(tmp_path, capsys):
    draft = write(tmp_path, CONTRADICTED, DISPUTED, ALSO_CONTRADICTED, COUNT)
    status, out, _ = check(capsys, str(draft), "--statistics")
    lines = out.splitlines()
    assert status == 1
    assert re.match(r"^2\s+D101\s+event-date-conflict\s+error$", lines[0])
    assert re.match(r"^1\s+N101\s+count-conflict\s+error$", lines[1])
    assert re.match(r"^1\s+W102\s+sources-disagree\s+warning$", lines[2])
    assert lines[3].startswith("Found 3 errors, 1 warning")
    _, out, _ = check(capsys, str(draft), "--statistics", "--format", "json")
    assert [(s["code"], s["count"]) for s in json.loads(out)["statistics"]] == [("D101", 2), ("N101", 1), ("W102", 1)]
    status, _, err = check(capsys, str(draft), "--statistics", "--format", "sarif")
    assert status == 2 and "--statistics" in err


def test_baseline_reports_only_new_findings(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, CONTRADICTED, DISPUTED)
    assert check(capsys, "draft.md", "--baseline", "baseline.json")[0] == 2  # no baseline yet
    status, out, err = check(capsys, "draft.md", "--baseline", "baseline.json", "--write-baseline")
    assert status == 0 and out == "" and "2 diagnostics" in err
    entries = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["diagnostics"]
    assert [(e["path"], e["code"]) for e in entries] == [("draft.md", "D101"), ("draft.md", "W102")]
    status, out, _ = check(capsys, "draft.md", "--baseline", "baseline.json")
    assert status == 0 and out.startswith("No problems found") and "2 already in the baseline" in out
    # text added above: the old findings move down a line and stay known; a new one fails
    write(tmp_path, "前言。", CONTRADICTED, COUNT, DISPUTED)
    status, out, _ = check(capsys, "./draft.md", "--baseline", "baseline.json", "--format", "concise")
    assert status == 1 and out.count(": D101 ") == 0 and out.count(": N101 ") == 1
    assert "2 already in the baseline" in out.splitlines()[-1]


@pytest.mark.parametrize("content, says", [
    ("{", "not a baseline file"),
    ('{"diagnostics": []}', "not a baseline file"),
    ('{"baseline": 1, "diagnostics": [{"path": 3}]}', "entry 1"),
])
def test_a_bad_baseline_file_is_one_line(tmp_path, capsys, content, says):
    draft = write(tmp_path, CONTRADICTED)
    (tmp_path / "b.json").write_text(content, encoding="utf-8")
    status, out, err = check(capsys, str(draft), "--baseline", str(tmp_path / "b.json"))
    assert status == 2 and out == "" and says in err and len(err.splitlines()) == 1


def test_write_baseline_needs_a_file(tmp_path, capsys):
    status, _, err = check(capsys, str(write(tmp_path, CONTRADICTED)), "--write-baseline")
    assert status == 2 and "--baseline FILE" in err


def test_unknown_codes_in_suppressions_are_warned_about(tmp_path, capsys):
    draft = write(tmp_path, CONTRADICTED + " <!-- verifier: ignore D101 X999 -->",
                  "<!-- verifier: ignore-file Q1 ZZ -->")
    status, out, err = check(capsys, str(draft))
    assert status == 0 and "1 suppressed" in out  # D101 still silences
    warnings = err.splitlines()
    assert warnings == [
        f"verifier: warning: {draft}:3: no rule code starts with 'X999' in this suppression comment "
        "(`verifier rules` lists them)",
        f"verifier: warning: {draft}:5: no rule code starts with 'ZZ' in this suppression comment "
        "(`verifier rules` lists them)",
    ]
