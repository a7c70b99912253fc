"""The command line as a user meets it: help, exit codes, one-line errors, safe writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from verifier.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verifier", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out.lower() and f"verifier {command}" in out


def test_report_writes_outputs_and_ledger(tmp_path):
    out_md, out_json, ledger = tmp_path / "r.md", tmp_path / "r.json", tmp_path / "claims"
    result = run_cli("report", str(SEEDS), "-o", str(out_md), "-o", str(out_json), "--ledger", str(ledger))
    assert result.returncode == 0, result.stderr
    assert "contradict" in result.stdout and "sources" in result.stdout
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["summary"]["contradict"] >= 2
    assert out_md.read_text(encoding="utf-8").startswith("# Source consistency report")
    files = sorted(p.name for p in ledger.iterdir())
    assert files == sorted(f"{p.stem}.jsonl" for p in SEEDS.glob("*.txt"))


def test_ledger_is_stable_between_runs(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["extract", str(SEEDS), "--ledger", str(a)]) == 0
    assert main(["extract", str(SEEDS), "--ledger", str(b)]) == 0
    for f in a.iterdir():
        assert f.read_bytes() == (b / f.name).read_bytes()
        texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
        for line in f.read_text(encoding="utf-8").splitlines():
            c = json.loads(line)
            assert texts[c["source"]][c["start"]:c["end"]] == c["text"]


def test_explain_says_what_produced_each_claim(tmp_path, capsys):
    article = tmp_path / "wire.txt"
    article.write_text("Nora Vance, the chief executive of Pellucid Robotics, resigned on Tuesday.\n\n"
                       "Pellucid Robotics raised $40 million in March.\n", encoding="utf-8")
    assert main(["extract", str(article), "--ledger", str(tmp_path / "claims"), "--explain"]) == 0
    out = capsys.readouterr().out
    blocks = [b for b in out.split(str(article) + ":") if b.strip()]
    claims = [json.loads(line) for line in (tmp_path / "claims" / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(blocks) == len(claims) >= 2  # one block per claim of the ledger, in its order
    resign = next(b for b in blocks if "Tuesday" in b)
    assert resign.startswith("1:") and "Nora Vance" in resign
    assert "trigger  resigned" in resign and "value    en_date" in resign and "subject " in resign
    money = next(b for b in blocks if "US$40 million" in b)
    assert money.startswith("3:26:") and "Pellucid Robotics" in money and "trigger  raised" in money


def test_an_unrelated_article_takes_no_claim_from_the_others(tmp_path):
    """Extraction of one article does not depend on which other articles stand beside it."""
    alone, together = tmp_path / "alone", tmp_path / "together"
    for folder in (alone, together):
        folder.mkdir()
        for p in SEEDS.glob("*.txt"):
            (folder / p.name).write_bytes(p.read_bytes())
    (together / "zz_unrelated.txt").write_text(
        "GENEVA, May 4 (Wire) - Halvard Instruments said on Thursday it had cut 120 jobs, or 8% of its staff.\n\n"
        "雷鸣科技周三宣布完成5000万元A轮融资，公司创始人何远表示：“我们会继续招人。”\n", encoding="utf-8")
    assert main(["extract", str(alone), "--ledger", str(tmp_path / "a"), "-q"]) == 0
    assert main(["extract", str(together), "--ledger", str(tmp_path / "b"), "-q"]) == 0
    for f in (tmp_path / "a").iterdir():
        before = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines()]
        after = [json.loads(line) for line in (tmp_path / "b" / f.name).read_text(encoding="utf-8").splitlines()]
        assert [c["id"] for c in before] == [c["id"] for c in after], f.name
        assert before == after
    assert (tmp_path / "b" / "zz_unrelated.jsonl").read_text(encoding="utf-8").count("\n") >= 3


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x00\x01binary\x00\x02", "binary"),
    (b"\xff\xfe\xfd broken \x80\x81\x82\x83", "bad.txt"),
])
def test_bad_input_is_one_line_exit_2_and_nothing_is_touched(tmp_path, content, message):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("他在週一宣佈辭職。", encoding="utf-8")
    (folder / "bad.txt").write_bytes(content)
    previous = tmp_path / "report.json"
    previous.write_text("previous report", encoding="utf-8")
    result = run_cli("report", str(folder), "-o", str(previous))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr
    assert previous.read_text(encoding="utf-8") == "previous report"


@pytest.mark.parametrize("args, message", [
    (["report", "does-not-exist"], "no such file"),
    (["report", "{empty}"], "no articles"),
    (["report", "seeds", "-o", "{tmp}/report.docx"], "extension"),
    (["report", "seeds", "--entities", "{tmp}/missing.toml"], "entities"),
    (["rules", "Z999"], "no rule"),
])
def test_usage_errors(tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    args = [a.replace("{empty}", str(tmp_path / "empty")).replace("{tmp}", str(tmp_path)) for a in args]
    result = run_cli(*args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_malformed_entities_file(tmp_path):
    bad = tmp_path / "entities.toml"
    bad.write_text("[[entity]]\naliases = 3\n", encoding="utf-8")
    result = run_cli("report", "seeds", "--entities", str(bad))
    assert result.returncode == 2 and "entities.toml" in result.stderr


def test_user_entities_file_adds_an_alias(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("2025年3月6日\n\n星衡科技的估值約為30億美元,這是該公司成立以來的最高紀錄。\n", encoding="utf-8")
    (folder / "b.txt").write_text("2025年3月6日\n\nStarBalance的估值达到45亿美元,这是该公司成立以来的最高纪录。\n", encoding="utf-8")
    extra = tmp_path / "entities.toml"
    extra.write_text('[[entity]]\nname = "StarBalance"\ntype = "org"\naliases = ["星衡科技"]\n', encoding="utf-8")
    without = json.loads(run_cli("report", str(folder), "--format", "json").stdout)
    with_ = json.loads(run_cli("report", str(folder), "--format", "json", "--entities", str(extra)).stdout)
    assert not [f for f in without["findings"] if f["predicate"] == "valuation"]
    assert [f["verdict"] for f in with_["findings"] if f["predicate"] == "valuation"] == ["contradict"]


def test_written_files_are_readable_like_plain_writes(tmp_path):
    import os
    import stat

    out = tmp_path / "r.json"
    assert main(["report", str(SEEDS), "-o", str(out)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_huge_file_is_refused_in_one_line(tmp_path):
    from verifier.text.sources import MAX_BYTES

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huge.txt").write_bytes(("他在週一宣佈辭職。\n" * (MAX_BYTES // 20 + 10)).encode("utf-8"))
    result = run_cli("report", str(folder))
    assert result.returncode == 2 and "too large" in result.stderr and result.stderr.count("\n") == 1
