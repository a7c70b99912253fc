"""`verifier normalize`: one JSON object per input line, in order, never stopped by bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from verifier.cli import main

REPO = Path(__file__).resolve().parent.parent


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def run(capsys, monkeypatch, args: list[str], stdin: bytes | None = None) -> tuple[int, list[dict], str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", _Stdin(stdin))
    code = main(["normalize", *args])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def test_arguments_one_object_each(capsys, monkeypatch):
    code, records, _ = run(capsys, monkeypatch, ["11位联合创始人中仅剩3位", "nothing here", "约3,800亿美元"])
    assert code == 0
    assert [r["text"] for r in records] == ["11位联合创始人中仅剩3位", "nothing here", "约3,800亿美元"]
    (count,) = records[0]["values"]
    assert count["kind"] == "count" and count["value"] == 3 and count["whole"] == 11
    assert records[1]["values"] == []
    (money,) = records[2]["values"]
    assert money == {
        "kind": "money", "text": "约3,800亿美元", "span": [0, 9], "bound": "approx",
        "low": 342000000000, "high": 418000000000, "amount": 380000000000, "currency": "USD",
    }


def test_spans_slice_to_text(capsys, monkeypatch):
    text = "上週三晚間，估值約 3,800 億美元，近75名員工離職"
    _, (record,), _ = run(capsys, monkeypatch, [text])
    assert len(record["values"]) == 3
    for v in record["values"]:
        assert text[v["span"][0]:v["span"][1]] == v["text"]


def test_stdin_lines_in_order_and_bad_lines_reported(capsys, monkeypatch):
    data = "五天\n\n".encode() + b"\xff\xfe 5\xe5\x85\x83\n" + "Feb. 9\r\n约30%".encode()
    code, records, _ = run(capsys, monkeypatch, ["--base", "2026-02-12"], stdin=data)
    assert code == 0
    assert len(records) == 5
    assert records[0]["values"][0]["kind"] == "duration"
    assert records[1] == {"text": "", "values": []}
    assert records[2]["values"] == [] and "not UTF-8" in records[2]["error"]
    assert records[3]["text"] == "Feb. 9" and records[3]["values"][0]["start"] == "2026-02-09"
    assert records[4]["values"][0]["bound"] == "approx"


def test_relative_dates_need_a_base(capsys, monkeypatch):
    _, (without,), _ = run(capsys, monkeypatch, ["上周三"])
    (v,) = without["values"]
    assert "start" not in v and "end" not in v
    assert v["weekday"] == "wednesday" and v["relative"] == "last_week"
    _, (with_base,), _ = run(capsys, monkeypatch, ["--base", "2026-02-12T09:30", "上周三"])
    (v,) = with_base["values"]
    assert v["start"] == v["end"] == "2026-02-04" and v["grain"] == "day"


def test_prefer_future(capsys, monkeypatch):
    _, (past,), _ = run(capsys, monkeypatch, ["--base", "2013-02-12", "星期四"])
    _, (future,), _ = run(capsys, monkeypatch, ["--base", "2013-02-12", "--prefer", "future", "星期四"])
    assert past["values"][0]["start"] == "2013-02-07"
    assert future["values"][0]["start"] == "2013-02-14"


def test_kind_restricts_recognizers(capsys, monkeypatch):
    _, (plain,), _ = run(capsys, monkeypatch, ["--min-score", "0.5", "五分"])
    assert plain["values"] == []
    _, (money,), _ = run(capsys, monkeypatch, ["--kind", "money", "五分"])
    assert money["values"][0]["amount"] == 0.05
    _, (two,), _ = run(capsys, monkeypatch, ["--kind", "date", "--kind", "percent,money", "周一涨了5%，收入5元"])
    assert sorted(v["kind"] for v in two["values"]) == ["date", "money", "percent"]


def test_language(capsys, monkeypatch):
    _, (zh,), _ = run(capsys, monkeypatch, ["--lang", "zh", "5 people and 五名"])
    assert [v["text"] for v in zh["values"] if v["kind"] == "count"] == ["五名"]


@pytest.mark.parametrize("args,message", [
    (["--base", "yesterday", "x"], "--base"),
    (["--base", "2026-13-01", "x"], "--base"),
    (["--kind", "money,colour", "x"], "colour"),
])
def test_bad_options_are_one_line_and_exit_2(capsys, monkeypatch, args, message):
    code = main(["normalize", *args])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("verifier: error:") and message in err


def test_help_has_examples(capsys):
    with pytest.raises(SystemExit):
        main(["normalize", "--help"])
    out = capsys.readouterr().out
    assert "--base" in out and "--prefer" in out and "--kind" in out and "examples:" in out


def test_pipe_streams_line_by_line():
    """A real pipe: each answer is flushed before the next line is sent."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "verifier", "normalize", "--base", "2026-02-12"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO,
    )
    try:
        for text in ("三天前", "about $13 billion"):
            proc.stdin.write(text.encode() + b"\n")
            proc.stdin.flush()
            record = json.loads(proc.stdout.readline())
            assert record["text"] == text and record["values"]
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)
    assert proc.returncode == 0


def test_kind_names_match_the_engine():
    """The command lists the kinds without importing the engine (for a fast --help)."""
    from verifier.commands.normalize import KIND_NAMES
    from verifier.normalize.values import KINDS

    assert tuple(KIND_NAMES) == tuple(KINDS)
