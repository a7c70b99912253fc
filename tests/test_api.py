"""The Python API: `verifier.report`, `verifier.check`, `verifier.normalize`, and the README's
example, run as written and compared with the output the README shows."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import verifier
from verifier.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
README = ROOT / "README.md"


def readme_example() -> tuple[str, str]:
    """The first Python block of the README's "Python API" section, and the block after it
    (`python tests/test_readme.py --write` rewrites that one from a run)."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("\n## Python API"):]
    code, output = re.findall(r"```(?:python|text)\n(.*?)```", section, re.S)[:2]
    return code, output


def test_readme_example_prints_what_the_readme_shows(monkeypatch):
    code, shown = readme_example()
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue() == shown


def test_report_on_paths_is_the_json_report(tmp_path):
    json_path = tmp_path / "r.json"
    assert main(["report", str(SEEDS), "-o", str(json_path), "--quiet"]) == 0
    from_cli = json.loads(json_path.read_text(encoding="utf-8"))
    report = verifier.report(SEEDS)
    assert report.model_dump(mode="json") == from_cli
    assert verifier.report([SEEDS / "000_d3ab94bd7f17fabd.txt", str(SEEDS / "001_672225adbe650a98.txt")]).summary.sources == 2


def test_report_on_texts_in_memory_matches_the_same_files(tmp_path):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    in_memory = verifier.report(texts).model_dump(mode="json")
    on_disk = verifier.report(SEEDS).model_dump(mode="json")
    for source in (*in_memory["sources"], *on_disk["sources"]):
        source.pop("path")
    assert in_memory == on_disk
    assert verifier.report(texts).texts == texts


def test_published_dates_resolve_relative_dates():
    texts = {"a": "Its co-founder Marcus Ellery left the company on Monday.",
             "b": "联合创始人Marcus Ellery于周二离职。"}
    undated = verifier.report(texts)
    assert [s.published for s in undated.sources] == [None, None]
    dated = verifier.report(texts, published="2025-03-06")
    assert [(s.published, s.published_from) for s in dated.sources] == [(dt.date(2025, 3, 6), "argument")] * 2
    starts = sorted(c.value.start for c in dated.claims if c.kind == "date")
    assert starts == ["2025-03-03", "2025-03-04"]
    one = verifier.report(texts, published={"b": dt.date(2025, 3, 6)})
    assert [s.published for s in one.sources] == [None, dt.date(2025, 3, 6)]


@pytest.mark.parametrize("call, message", [
    (lambda: verifier.report({"a": "x"}, published={"nope": "2025-01-01"}), "no source with the id 'nope'"),
    (lambda: verifier.report({"a": "x"}, published="yesterday"), "not a date"),
    (lambda: verifier.report({"a": "   "}), "empty"),
    (lambda: verifier.report("does/not/exist"), "no such file"),
    (lambda: verifier.report({"a": "x"}, entities="missing.toml"), "entities"),
    (lambda: verifier.check("x", against={"a": "y"}, select=["Z9"]), "no rule code"),
    (lambda: verifier.normalize("x", kinds=["colour"]), "unknown kind"),
    (lambda: verifier.normalize("x", base="soon"), "not an ISO date"),
])
def test_bad_input_raises_verifier_error_with_the_cli_message(call, message):
    with pytest.raises(verifier.VerifierError, match=re.escape(message)):
        call()


def test_check_returns_the_diagnostics_of_verifier_check(tmp_path, capsys):
    draft_text = "Mrinank Sharma 在週三宣佈辭職。\n"
    diagnostics = verifier.check(draft_text, against=SEEDS)
    assert [d.code for d in diagnostics] == ["D101"]
    d = diagnostics[0]
    assert (d.severity, d.line, d.col, d.path) == ("error", 1, 17, "draft.md")
    assert draft_text[d.start:d.end] == "週三"
    draft = tmp_path / "draft.md"
    draft.write_text(draft_text, encoding="utf-8")
    assert main(["check", str(draft), "--against", str(SEEDS), "--format", "json", "--no-config"]) == 1
    from_cli = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(x["code"], x["line"], x["col"], x["message"]) for x in from_cli] == [
        (d.code, d.line, d.col, d.message)]
    assert verifier.check(draft_text, against=SEEDS, ignore=["D"]) == []
    assert verifier.check("Mrinank Sharma 在週一宣佈辭職。", against={"a": "Mrinank Sharma 在週一宣佈辭職。"}) == []


def test_normalize_returns_values_with_offsets():
    text = "估值超過1,500 億美元,週一晚間宣佈"
    found = verifier.normalize(text, base="2026-02-13")
    assert [f.value.kind for f in found] == ["money", "date"]
    assert all(text[f.start:f.end] == f.text for f in found)
    assert found[1].value.start == "2026-02-09"
    assert verifier.normalize(text)[1].value.start is None  # no base: not anchored
    assert [f.value.kind for f in verifier.normalize(text, kinds=["date"])] == ["date"]


def test_subpackages_keep_working_as_modules():
    import verifier.normalize.engine as engine
    import verifier.report.html as html

    assert callable(verifier.report) and callable(verifier.check) and callable(verifier.normalize)
    assert engine.analyze and html.html
    assert "sources" in str(__import__("inspect").signature(verifier.report))


def test_import_verifier_stays_light():
    code = ("import sys, verifier; heavy = [m for m in ('pydantic', 'tabulate', 'opencc', 'rapidfuzz') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
