"""verifier check as a linter: formats (SARIF validated against the official 2.1.0 schema),
exit codes, select/ignore, configuration files, suppression comments, bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from verifier.check.formats import _gh_data, _gh_property
from verifier.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SCHEMA = DATA / "sarif-schema-2.1.0.json"


def seed_sentence(marker: str) -> str:
    for f in sorted(SEEDS.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        i = text.find(marker)
        if i >= 0:
            start = max(text.rfind("。", 0, i), text.rfind("\n", 0, i)) + 1
            return text[start:text.find("。", i) + 1].strip()
    raise AssertionError(marker)


@pytest.fixture(scope="module")
def sentences():
    """A contradicted weekday (error), a weekday the seeds disagree on (warning), an
    agreed count (nothing), each from the seeds; the error's words and the warning's."""
    wrong = seed_sentence("週一宣佈辭職").replace("週一", "週三", 1)  # every seed that says gives another day
    disputed = seed_sentence("週一宣佈辭職")  # one seed says Monday, another Sunday
    agreed = seed_sentence("联合创始人中仅剩")
    return {"error": wrong, "warning": disputed, "clean": agreed}


def write(tmp_path: Path, name: str, *paragraphs: str) -> Path:
    path = tmp_path / name
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


# ----------------------------------------------------------------------------- exit codes
def test_fail_on_and_exit_zero(tmp_path, capsys, sentences):
    warn = write(tmp_path, "warn.md", sentences["warning"], sentences["clean"])
    err = write(tmp_path, "err.md", sentences["error"])
    clean = write(tmp_path, "clean.md", sentences["clean"])
    against = ["--against", str(SEEDS)]
    assert run(capsys, str(clean), *against)[0] == 0
    assert run(capsys, str(warn), *against)[0] == 0  # a warning is below the default fail-on
    assert run(capsys, str(warn), *against, "--fail-on", "warning")[0] == 1
    assert run(capsys, str(err), *against)[0] == 1
    assert run(capsys, str(err), *against, "--exit-zero")[0] == 0
    assert run(capsys, str(err), *against, "--fail-on", "never")[0] == 0
    # two drafts at once: the worst decides; each line names its file
    status, out, _ = run(capsys, str(clean), str(err), *against)
    assert status == 1 and f"{err}:" in out and f"{clean}:" not in out
    assert out.splitlines()[-1].startswith("Found 1 error") and "2 drafts" in out.splitlines()[-1]


def test_info_counts_for_fail_on_info_only_when_shown(tmp_path, capsys):
    draft = DATA / "check" / "invented.md"
    assert run(capsys, str(draft), "--against", str(SEEDS), "--fail-on", "info")[0] == 0
    assert run(capsys, str(draft), "--against", str(SEEDS), "--fail-on", "info", "--show-unsupported")[0] == 1


# ----------------------------------------------------------------------------- select / ignore
@pytest.mark.parametrize("options, reported", [
    ([], True),
    (["--select", "D"], True),
    (["--select", "M,N"], False),
    (["--ignore", "D101"], False),
    (["--ignore", "D1"], False),
    (["--select", "ALL", "--ignore", "D"], False),
    (["--ignore", "D", "--select", "D101"], True),  # the more specific prefix wins
    (["--select", "d101"], True),
])
def test_select_and_ignore_by_code_prefix(tmp_path, capsys, sentences, options, reported):
    draft = write(tmp_path, "draft.md", sentences["error"])
    status, out, _ = run(capsys, str(draft), "--against", str(SEEDS), *options)
    assert (": D101 " in out) is reported and status == int(reported)


def test_an_unknown_code_is_a_usage_error(tmp_path, capsys, sentences):
    draft = write(tmp_path, "draft.md", sentences["clean"])
    status, out, err = run(capsys, str(draft), "--against", str(SEEDS), "--select", "Z9")
    assert status == 2 and out == "" and err.startswith("verifier: error: --select Z9") and len(err.splitlines()) == 1


# ----------------------------------------------------------------------------- suppression
def test_suppression_comment_on_the_line_before(tmp_path, capsys, sentences):
    for comment, silenced in [
        ("<!-- verifier: ignore D101 -->", True),
        ("<!-- verifier: ignore D -->", True),
        ("<!-- verifier: ignore -->", True),
        ("<!--verifier:ignore M101, D101-->", True),
        ("<!-- verifier: ignore M101 -->", False),
    ]:
        draft = write(tmp_path, "draft.md", sentences["clean"], comment + "\n" + sentences["error"])
        status, out, _ = run(capsys, str(draft), "--against", str(SEEDS))
        assert (status, ": D101 " in out) == ((0, False) if silenced else (1, True)), comment
        if silenced:
            assert "1 suppressed" in out
    # the comment covers the next line only, not a later paragraph
    draft = write(tmp_path, "draft.md", "<!-- verifier: ignore D101 -->", sentences["error"])
    assert run(capsys, str(draft), "--against", str(SEEDS))[0] == 1
    # at the end of the line itself, and for the whole file
    draft = write(tmp_path, "draft.md", sentences["error"] + " <!-- verifier: ignore D101 -->")
    assert run(capsys, str(draft), "--against", str(SEEDS))[0] == 0
    draft = write(tmp_path, "draft.md", "<!-- verifier: ignore-file D -->", sentences["clean"], sentences["error"])
    assert run(capsys, str(draft), "--against", str(SEEDS))[0] == 0


# ----------------------------------------------------------------------------- configuration
def test_config_in_verifier_toml_or_pyproject(tmp_path, capsys, monkeypatch, sentences):
    project = tmp_path / "newsroom"
    (project / "drafts").mkdir(parents=True)
    warn = write(project / "drafts", "warn.md", sentences["warning"])
    monkeypatch.chdir(project / "drafts")  # found from a subfolder
    (project / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n\n[tool.verifier]\nagainst = ["{SEEDS.as_posix()}"]\nfail-on = "warning"\n', encoding="utf-8")
    status, out, _ = run(capsys, "warn.md")
    assert status == 1 and ": W102 " in out
    assert run(capsys, "warn.md", "--fail-on", "error")[0] == 0  # the command line wins
    assert run(capsys, "warn.md", "--no-config", "--against", str(SEEDS))[0] == 0
    # verifier.toml in the same folder comes first; relative paths are relative to it
    (project / "sources").symlink_to(SEEDS, target_is_directory=True)
    (project / "verifier.toml").write_text('against = ["sources"]\nignore = ["W"]\nformat = "json"\n', encoding="utf-8")
    status, out, _ = run(capsys, str(warn))
    assert status == 0 and json.loads(out)["diagnostics"] == []
    # show-unsupported from the file, off again from the command line
    (project / "verifier.toml").write_text('against = ["sources"]\nshow-unsupported = true\n', encoding="utf-8")
    invented = DATA / "check" / "invented.md"
    assert ": I101 " in run(capsys, str(invented))[1]
    assert ": I101 " not in run(capsys, str(invented), "--hide-unsupported")[1]
    # --config names a file
    other = tmp_path / "elsewhere.toml"
    other.write_text(f'[tool.verifier]\nagainst = ["{SEEDS.as_posix()}"]\nselect = ["M"]\n', encoding="utf-8")
    err = write(project / "drafts", "err.md", sentences["error"])
    assert run(capsys, str(err), "--config", str(other))[0] == 0
    assert run(capsys, str(err), "--no-config", "--against", str(SEEDS))[0] == 1


@pytest.mark.parametrize("content, says", [
    ("against = [", "malformed configuration"),
    ('againts = ["x"]', "unknown key 'againts'"),
    ('fail-on = "sometimes"', "fail-on must be one of"),
    ("show-unsupported = 1", "show-unsupported must be true or false"),
    ('select = ["Z9"]', "select Z9"),
    ('published = "last week"', "not a date"),
])
def test_a_bad_config_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch, sentences, content, says):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "verifier.toml").write_text(f'{content}\n', encoding="utf-8")
    draft = write(tmp_path, "draft.md", sentences["clean"])
    status, out, err = run(capsys, str(draft), "--against", str(SEEDS))
    assert status == 2 and out == ""
    assert err.startswith("verifier: error: ") and says in err and len(err.splitlines()) == 1


# ----------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("content", [b"", b"  \n\n", b"\xef\xbb\xbf\n", b"<!-- only a comment -->\n```\ncode\n```\n"])
def test_an_empty_draft_is_nothing_to_check(tmp_path, capsys, content):
    path = tmp_path / "draft.md"
    path.write_bytes(content)
    status, out, err = run(capsys, str(path), "--against", str(SEEDS))
    assert (status, out, err) == (0, "Nothing to check: the draft has no article text.\n", "")
    status, out, _ = run(capsys, str(path), "--against", str(SEEDS), "--format", "json")
    assert status == 0 and json.loads(out)["summary"]["empty_drafts"] == 1


@pytest.mark.parametrize("content, says", [
    (b"\x00\x01binary\x00\x02", "binary"),
    (b"\xff\xfe\xfd broken \x80\x81\x82\x83", "draft.md"),
])
def test_bad_drafts_are_one_line_and_exit_2(tmp_path, capsys, content, says):
    path = tmp_path / "draft.md"
    path.write_bytes(content)
    status, out, err = run(capsys, str(path), "--against", str(SEEDS))
    assert status == 2 and out == ""
    assert err.startswith("verifier: error: ") and says in err and len(err.splitlines()) == 1


def test_bad_paths_are_one_line_and_exit_2(tmp_path, capsys, sentences):
    draft = write(tmp_path, "draft.md", sentences["clean"])
    empty = tmp_path / "empty"
    empty.mkdir()
    only_draft = tmp_path / "only"
    only_draft.mkdir()
    (only_draft / "draft.md").write_text(sentences["clean"], encoding="utf-8")
    cases = [
        ([str(tmp_path / "missing.md"), "--against", str(SEEDS)], "no such file"),
        ([str(draft), "--against", str(tmp_path / "nowhere")], "no such file or folder"),
        ([str(draft), "--against", str(empty)], "no articles"),
        ([str(only_draft / "draft.md"), "--against", str(only_draft)], "no source articles"),
        ([str(draft), "--no-config"], "nothing to check against"),
        ([str(draft), "--against", str(SEEDS), "--published", "soon"], "not a date"),
        ([str(draft), "--against", str(SEEDS), "--config", str(tmp_path / "nope.toml")], "no such configuration"),
    ]
    for args, says in cases:
        status, out, err = run(capsys, *args)
        assert status == 2 and out == "", args
        assert err.startswith("verifier: error: ") and says in err and len(err.splitlines()) == 1, err


def test_a_draft_is_never_its_own_source(tmp_path, capsys):
    # checking a seed against the seeds: it is left out of the sources, so no self-agreement
    seed = SEEDS / "003_078171a1c9211693.txt"
    status, out, _ = run(capsys, str(seed), "--against", str(SEEDS), "--format", "json")
    assert json.loads(out)["summary"]["sources"] == 4


# ----------------------------------------------------------------------------- formats
def sarif_of(capsys, *args) -> dict:
    status, out, _ = run(capsys, *args, "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")),
                               format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER).validate(log)
    return log


def test_the_schema_shipped_is_the_official_sarif_2_1_0():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert "Version 2.1.0" in schema["title"] and schema["properties"]["version"]["enum"] == ["2.1.0"]
    jsonschema.Draft4Validator.check_schema(schema)
    with pytest.raises(jsonschema.ValidationError):  # it does reject what is not SARIF
        jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {}}]}, schema)


def test_sarif_is_valid_and_points_at_the_claim(tmp_path, capsys, sentences, monkeypatch):
    # an emoji before the weekday on its line: SARIF columns are UTF-16 code units
    draft = write(tmp_path, "draft.md", sentences["clean"], "📰 " + sentences["error"])
    text = draft.read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "verifier.toml").write_text('help-url = "https://wiki.example/rules/{code}"\n', encoding="utf-8")
    log = sarif_of(capsys, "draft.md", "--against", str(SEEDS))
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]
    assert run_["columnKind"] == "utf16CodeUnits"
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert {"D101", "M101", "W101", "W102", "I101"} <= set(ids)
    for r in rules:
        assert r["fullDescription"]["text"] and r["shortDescription"]["text"] and r["help"]["text"]
        assert r["helpUri"] == f"https://wiki.example/rules/{r['id']}"
    (result,) = [r for r in run_["results"] if r["level"] == "error"]
    assert result["ruleId"] == "D101" and ids[result["ruleIndex"]] == "D101"
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "draft.md"
    start = text.index("週三")
    line = text.count("\n", 0, start) + 1
    chars = start - text.rfind("\n", 0, start)  # 1-based column in characters
    assert loc["region"]["startLine"] == line
    assert loc["region"]["startColumn"] == chars + 1  # the emoji is two UTF-16 code units
    assert loc["region"]["snippet"]["text"] == "週三"
    related = result["relatedLocations"]
    assert related and all(r["physicalLocation"]["artifactLocation"]["uri"].endswith(".txt") for r in related)
    assert all(r["physicalLocation"]["region"]["startLine"] >= 1 for r in related)


def test_sarif_with_no_findings_and_with_a_ledger_is_valid(tmp_path, capsys, sentences):
    clean = write(tmp_path, "clean.md", sentences["clean"])
    log = sarif_of(capsys, str(clean), "--against", str(SEEDS))
    assert log["runs"][0]["results"] == []
    ledger = tmp_path / "claims"
    assert main(["extract", str(SEEDS), "--ledger", str(ledger)]) == 0
    capsys.readouterr()
    err = write(tmp_path, "err.md", sentences["error"])
    log = sarif_of(capsys, str(err), "--against", str(ledger))
    (result,) = log["runs"][0]["results"]
    assert all("region" not in r["physicalLocation"] for r in result["relatedLocations"])


def test_github_annotations(tmp_path, capsys, sentences):
    draft = write(tmp_path, "a,b:c.md", sentences["warning"], sentences["error"].replace("週三", "週四"))
    status, out, _ = run(capsys, str(draft), "--against", str(SEEDS), "--format", "github")
    lines = out.splitlines()
    assert status == 1 and lines
    pattern = re.compile(r"^::(error|warning|notice) file=([^,]*),line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),"
                         r"title=([^,:]+)::(.+)$")
    for line in lines:
        m = pattern.match(line)
        assert m, line
        assert m.group(2) == str(draft).replace(":", "%3A").replace(",", "%2C")
    assert {pattern.match(l).group(1) for l in lines} == {"error", "warning"}
    assert _gh_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert _gh_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_json_format(tmp_path, capsys, sentences):
    draft = write(tmp_path, "draft.md", sentences["error"])
    status, out, _ = run(capsys, str(draft), "--against", str(SEEDS), "--format", "json")
    data = json.loads(out)
    assert status == 1 and data["summary"]["errors"] == 1 and data["summary"]["sources"] == 5
    (d,) = data["diagnostics"]
    text = draft.read_text(encoding="utf-8")
    assert d["code"] == "D101" and d["name"] == "event-date-conflict" and d["severity"] == "error"
    assert text[d["start"]:d["end"]] == d["draft_words"] == "週三"
    assert (d["line"], d["col"]) == (1, text.index("週三") + 1)
    assert d["related"] and all(r["source"] in d["message"] for r in d["related"])


def test_output_file(tmp_path, capsys, sentences):
    draft = write(tmp_path, "draft.md", sentences["error"])
    out_file = tmp_path / "out" / "results.sarif"
    status, out, err = run(capsys, str(draft), "--against", str(SEEDS), "--format", "sarif", "--output", str(out_file))
    assert status == 1 and out == "" and "Found 1 error" in err and str(out_file) in err
    assert json.loads(out_file.read_text(encoding="utf-8"))["version"] == "2.1.0"


# ----------------------------------------------------------------------------- a real process
def cli(*args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verifier", *args], input=stdin, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_standard_input_and_exit_codes_in_a_real_process(sentences):
    result = cli("check", "-", "--against", str(SEEDS), stdin=sentences["error"] + "\n")
    assert result.returncode == 1, result.stderr
    assert re.match(r"^-:1:\d+: D101 ", result.stdout)
    result = cli("check", "-", "--stdin-filename", "drafts/today.md", "--against", str(SEEDS),
                 stdin="# 標題\n\n" + sentences["clean"] + "\n")
    assert result.returncode == 0 and result.stdout.startswith("No problems found")
    result = cli("check", "-", "--against", str(SEEDS), stdin="")
    assert result.returncode == 0 and result.stdout.startswith("Nothing to check") and result.stderr == ""


def test_help_does_not_import_the_checker():
    code = ("import sys; from verifier.cli import build_parser; build_parser(); "
            "heavy = [m for m in ('verifier.check.checker', 'verifier.pipeline', 'pydantic', 'opencc') if m in sys.modules]; "
            "print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


# ----------------------------------------------------------------------------- rules and pre-commit
def test_rules_lists_and_documents_the_checker_codes(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    for code, name in [("W101", "less-precise-than-source"), ("W102", "sources-disagree"),
                       ("I101", "unsupported-claim"), ("I102", "detail-not-in-sources")]:
        assert re.search(rf"^{code}\s+{name}\s+\S", listing, re.M)
        assert main(["rules", code.lower()]) == 0
        doc = capsys.readouterr().out
        assert doc.startswith(f"{code} {name}") and "What it checks" in doc and "Why" in doc and "Example" in doc


def test_pre_commit_hook():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "verifier-check" and hook["entry"] == "verifier check"
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    assert set(hook["types_or"]) == {"markdown", "plain-text"}
    # pre-commit appends the staged files after the hook's args: --against takes one value,
    # so the files are never swallowed by it
    from verifier.cli import build_parser

    args = build_parser().parse_args(["check", "--against", "sources/", "a.md", "b.txt"])
    assert args.against == ["sources/"] and args.drafts == ["a.md", "b.txt"]
