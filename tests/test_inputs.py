"""The files a user writes — manifest.toml, the configuration, the entities file, the review
file of `verifier export claimreview` — and the report and ledger files read back: unknown keys,
wrong types, invalid values, deep nesting and huge numbers are one line naming the file, the
line and the key, exit 2 (issue 12; issue 13 item 5)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.errors import VerifierError
from verifier.inputs import locate, not_finite, show

ARTICLES = {  # invented
    "a.txt": "2026年3月6日\n\n星衡科技联合创始人Lena Ortiz于周一宣布辞职,她表示将休息一段时间。\n",
    "b.txt": "March 6, 2026\n\nStarBalance co-founder Lena Ortiz announced her resignation on Tuesday.\n",
}
DEEP_TOML = "x = " + "[" * 5000 + "]" * 5000 + "\n"
DEEP_TABLE = "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n"
DEEP_JSON = '{"reviews": ' + "[" * 100_000 + "]" * 100_000 + "}"
HUGE = "9" * 5000


@pytest.fixture
def news(tmp_path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(capsys, *args) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def refused(capsys, args, *says: str) -> str:
    status, out, err = run(capsys, *args)
    assert status == 2, (out, err)
    assert err.startswith("verifier: error: ") and err.count("\n") == 1, err
    assert "internal error" not in err
    for s in says:
        assert s in err, err
    return err


# ----------------------------------------------------------------------------- manifest.toml
@pytest.mark.parametrize("entry, says", [
    ("title = 5", ":3: [sources.a] title must be text, not 5"),
    ('url = ["a"]', ":3: [sources.a] url must be text, not a list"),
    ("language = 5", ":3: [sources.a] language must be one of zh-Hant, zh-Hans, en or mixed, not 5"),
    ('language = "fr"', ":3: [sources.a] language must be one of zh-Hant, zh-Hans, en or mixed, not 'fr'"),
    ("publshed = 2026-02-13", ":3: [sources.a] unknown key 'publshed' (known keys: published, url, title, language)"),
    ('published = "last week"', ":3: [sources.a] published is not a date such as 2026-02-13: 'last week'"),
    ("published = 5", ":3: [sources.a] published is not a date such as 2026-02-13: 5"),
])
def test_a_bad_manifest_entry_names_file_line_table_and_key(news, capsys, entry, says):
    (news / "manifest.toml").write_text(f'# dates of the articles\n[sources.a]\n{entry}\n', encoding="utf-8")
    refused(capsys, ["report", news], "manifest.toml" + says)


def test_a_manifest_entry_for_a_missing_article_is_an_error(news, capsys):
    (news / "manifest.toml").write_text('[sources.a]\npublished = 2026-03-06\n\n[sources.b_typo]\ntitle = "x"\n',
                                        encoding="utf-8")
    refused(capsys, ["report", news], "manifest.toml:4: [sources.b_typo] names no article here")
    refused(capsys, ["report", news / "a.txt"], "[sources.b_typo] names no article here")


def test_a_valid_manifest_is_used(news, capsys):
    (news / "manifest.toml").write_text(
        '[sources.a]\npublished = "2026-02-01"\nlanguage = "mixed"\ntitle = "T"\nurl = "https://x.example/a"\n\n'
        "[sources.b]\npublished = 2026-02-02T10:00:00\n", encoding="utf-8")
    status, out, err = run(capsys, "report", news, "--format", "json")
    assert status == 0, err
    a, b = json.loads(out)["sources"]
    assert (a["published"], a["language"], a["title"], a["url"]) == ("2026-02-01", "mixed", "T", "https://x.example/a")
    assert b["published"] == "2026-02-02" and b["published_from"] == "manifest"


@pytest.mark.parametrize("content, says", [
    (DEEP_TOML, "nested too deeply"),
    (DEEP_TABLE, "nested too deeply"),
    (f"x = {HUGE}\n", "manifest.toml:1: malformed manifest: a number too long"),
    ("[sources.a\n", "manifest.toml:1: malformed manifest (not TOML"),
    ("sources = 3\n", "sources must be a table"),
    (b"\xff\xfe[sources]", "not UTF-8"),
])
def test_a_malformed_manifest_is_one_line(news, capsys, content, says):
    path = news / "manifest.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    refused(capsys, ["report", news], says)


# ----------------------------------------------------------------------------- configuration
@pytest.mark.parametrize("content, says", [
    ('fail-on = "warning"\nagainst = 5\n', "verifier.toml:2: against must be a list of strings, not 5"),
    ("show-unsupported = 1\n", "verifier.toml:1: show-unsupported must be true or false, not 1"),
    ('format = "xml"\n', "format must be one of text, json, sarif or github, not 'xml'"),
    ('\n\nentities = ["a"]\n', "verifier.toml:3: entities must be a path"),
    ('help-url = "wiki"\n', "help-url must be an absolute URL"),
    ("published = 20260213\n", "published is not a date"),
    ("[against]\nx = 1\n", "against must be a list of strings"),
    ("selct = []\n", "unknown key 'selct' (known keys: against, select, ignore, fail-on"),
    (DEEP_TOML, "verifier.toml: malformed configuration: tables or lists nested too deeply"),
    (DEEP_TABLE, "nested too deeply"),
    (f"select = [{HUGE}]\n", "verifier.toml:1: malformed configuration: a number too long"),
])
def test_a_bad_configuration_names_file_line_and_key(news, capsys, monkeypatch, tmp_path, content, says):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "verifier.toml").write_text(content, encoding="utf-8")
    refused(capsys, ["check", news / "a.txt", "--against", news], says)


def test_a_bad_pyproject_table_names_its_line(news, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.verifier]\nagainst = ["news"]\nfail_on = "warning"\n',
                                             encoding="utf-8")
    refused(capsys, ["check", news / "a.txt"], "pyproject.toml:6: [tool.verifier] unknown key 'fail_on'")


# ----------------------------------------------------------------------------- entities file
@pytest.mark.parametrize("content, says", [
    ('[[entity]]\nname = "A"\n\n[[entity]]\naliases = ["B"]\n', "people.toml:4: [[entity]] number 2: missing required key 'name'"),
    ('[[entity]]\nname = "A"\naliases = ["x", 5]\n', "people.toml:3: [[entity]] number 1: aliases item 2 must be a name"),
    ('[[entity]]\nname = "A"\ntype = "company"\n', "people.toml:3: [[entity]] number 1: type must be one of person, org or product, not 'company'"),
    ('[[entity]]\nname = "A"\nalias = ["x"]\n', "people.toml:3: [[entity]] number 1: unknown key 'alias' (known keys: name, type, aliases)"),
    ('[[entity]]\nname = "  "\n', "name must be a name"),
    ("[[entity]]\naliases = 3\n", "people.toml"),
    ('[entity]\nname = "A"\n', "entity must be a list"),
    ("people = []\n", "unknown key 'people' (known keys: entity)"),
    (DEEP_TOML, "nested too deeply"),
    (f"[[entity]]\nname = {HUGE}\n", "people.toml:2: malformed entities file: a number too long"),
])
def test_a_bad_entities_file_names_file_line_and_key(news, capsys, tmp_path, content, says):
    path = tmp_path / "people.toml"
    path.write_text(content, encoding="utf-8")
    refused(capsys, ["report", news, "--entities", path], says)


def test_a_missing_entities_file_says_so(news, capsys, tmp_path):
    refused(capsys, ["report", news, "--entities", tmp_path / "none.toml"], "none.toml: no such entities file")


def test_entities_from_the_configuration_are_validated_too(news, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "people.toml").write_text('[[entity]]\nname = "Lena Ortiz"\ntype = "human"\n', encoding="utf-8")
    (tmp_path / "verifier.toml").write_text('entities = "people.toml"\n', encoding="utf-8")
    refused(capsys, ["check", news / "a.txt", "--against", news], "people.toml:3:", "type must be one of person, org or product")


def test_a_valid_entities_file_is_loaded(tmp_path):
    from verifier.inputs import read_entities

    path = tmp_path / "people.toml"
    path.write_text('[[entity]]\nname = " StarBalance "\naliases = ["星衡科技"]\n\n'
                    '[[entity]]\nname = "Lena Ortiz"\ntype = "person"\n', encoding="utf-8")
    assert read_entities(path) == [
        {"name": "StarBalance", "type": "org", "aliases": ["星衡科技"]},
        {"name": "Lena Ortiz", "type": "person", "aliases": []},
    ]


# ----------------------------------------------------------------------------- review files
@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "report.json"
    assert main(["report", str(folder), "-o", str(path)]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["findings"]
    return {"path": path, "finding": data["findings"][0]["id"], "folder": folder}


def review_toml(fid: str, **fields: str) -> str:
    base = {
        "alternateName": '"False"', "ratingValue": "1", "bestRating": "5", "worstRating": "1",
        "url": '"https://factcheck.example.org/r"', "datePublished": "2026-03-07",
        "author": '{ name = "Example Desk" }',
    }
    base.update(fields)
    return f'[reviews."{fid}"]\n' + "".join(f"{k} = {v}\n" for k, v in base.items() if v is not None)


@pytest.mark.parametrize("fields, says", [
    ({"ratingValue": "inf"}, "ratingValue must be a finite number, not inf"),
    ({"ratingValue": "nan"}, "ratingValue must be a finite number, not nan"),
    ({"bestRating": "-inf"}, "bestRating must be a finite number"),
    ({"bestRating": "1e300"}, "bestRating must be a number between -1,000,000 and 1,000,000"),
    ({"ratingValue": "99999999999999999999999999999999999999"}, "ratingValue must be a number between"),
    ({"ratingValue": HUGE}, "malformed review file: a number too long"),
    ({"bestRating": "1"}, "worstRating (1) must be less than bestRating (1)"),
    ({"ratingValue": "5.5"}, "ratingValue 5.5 is outside the scale [1, 5]"),
    ({"author": '"Example Desk"'}, "author must be a table (keys: name, url, type), not 'Example Desk'"),
    ({"author": '{ name = "X", email = "x@y" }'}, "unknown field 'email'"),
    ({"author": '{ name = "X", url = "ftp://x" }'}, "author.url must be an absolute http(s) URL"),
    ({"claimAuthor": '"Someone"'}, "claimAuthor must be a table"),
    ({"datePublished": '"yesterday"'}, "datePublished must be an ISO date"),
    ({"ratingValue": "[1]"}, "ratingValue must be a number, not a list"),
    ({"alternateName": "{ a = 1 }"}, "alternateName must be the verdict in words"),
])
def test_a_bad_review_names_line_and_field(report, capsys, tmp_path, fields, says):
    path = tmp_path / "reviews.toml"
    path.write_text(review_toml(report["finding"], **fields), encoding="utf-8")
    refused(capsys, ["export", "claimreview", path, "--report", report["path"]], "reviews.toml:", says)


def test_a_bad_default_is_found_in_defaults(report, capsys, tmp_path):
    path = tmp_path / "reviews.toml"
    path.write_text("[defaults]\nbestRating = inf\n\n" + review_toml(report["finding"], bestRating=None), encoding="utf-8")
    refused(capsys, ["export", "claimreview", path, "--report", report["path"]],
            "reviews.toml:2: [defaults] bestRating must be a finite number")
    path.write_text("[defaults]\nbestRating = 0\nworstRating = 1\n\n"
                    + review_toml(report["finding"], bestRating=None, worstRating=None), encoding="utf-8")
    refused(capsys, ["export", "claimreview", path, "--report", report["path"]],
            "reviews.toml:3: [defaults] worstRating (1) must be less than bestRating (0)",
            f'in the review of "{report["finding"]}"')


@pytest.mark.parametrize("text, says", [
    ('{"reviews": {"F": {"ratingValue": Infinity}}}', "ratingValue must be a finite number"),
    ('{"reviews": {"F": {"ratingValue": NaN}}}', "ratingValue must be a finite number"),
    ('{"reviews": {"F": {"ratingValue": 1e999}}}', "ratingValue must be a finite number"),
    ('{"reviews": {"F": {"ratingValue": ' + HUGE + "}}}", "reviews.json:1: malformed review file: a number too long"),
    (DEEP_JSON, "reviews.json: malformed review file: tables or lists nested too deeply"),
    ('{"reviews": {"F": {"author": "Desk"}}}', "author must be a table"),
    ("[1, 2]", "the file must hold a table of keys"),
    ('{"reviews": {"F": 3}}', "must be a table"),
    ('{"reviews": {}}', "no reviews"),
    ('{"reviews": {"F": {}},\n "review": 1}', "reviews.json:2: unknown top-level key 'review'"),
])
def test_a_bad_json_review_file_is_one_line(report, capsys, tmp_path, text, says):
    path = tmp_path / "reviews.json"
    path.write_text(text, encoding="utf-8")
    refused(capsys, ["export", "claimreview", path, "--report", report["path"]], says)


def strict_json(text: str):
    def no_constant(name):
        raise AssertionError(f"{name} is not JSON")
    return json.loads(text, parse_constant=no_constant)


@pytest.mark.parametrize("value, best, worst", [("1", "5", "1"), ("-0.5", "0", "-1e6"), ("1e6", "1000000", "999999.5")])
def test_every_export_is_strict_json_with_the_numbers_given(report, capsys, tmp_path, value, best, worst):
    path = tmp_path / "reviews.toml"
    path.write_text(review_toml(report["finding"], ratingValue=value, bestRating=best, worstRating=worst), encoding="utf-8")
    status, out, err = run(capsys, "export", "claimreview", path, "--report", report["path"])
    assert status == 0, err
    rating = strict_json(out)[0]["reviewRating"]
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == tuple(
        json.loads(v) for v in (value, best, worst))


# ----------------------------------------------------------------------------- report and ledger read back
@pytest.mark.parametrize("change, says", [
    (lambda text: text.replace('"schema_version": 2', '"schema_version": ' + HUGE), "a number too long"),
    (lambda text: text.replace('"claims": [', '"claims": [' + "[" * 50_000 + "]" * 50_000 + ",", 1), "nested too deeply"),
    (lambda text: text.replace('"schema_version": 2', '"schema_version": 1e999'), "report schema inf"),
    (lambda text: text.replace('"sources": [', '"sources": "many", "x": [', 1), "sources must be a list, not 'many'"),
])
def test_a_damaged_report_is_one_line(report, capsys, tmp_path, change, says):
    damaged = tmp_path / "report.json"
    damaged.write_text(change(report["path"].read_text(encoding="utf-8")), encoding="utf-8")
    reviews = tmp_path / "reviews.toml"
    reviews.write_text(review_toml(report["finding"]), encoding="utf-8")
    refused(capsys, ["export", "claimreview", reviews, "--report", damaged], "report.json", says)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "1" + "0" * 400])
def test_a_ledger_with_a_number_json_cannot_hold_is_refused(report, capsys, tmp_path, number):
    ledger = tmp_path / "claims"
    assert main(["extract", str(report["folder"]), "--ledger", str(ledger)]) == 0
    capsys.readouterr()
    path = ledger / "b.jsonl"
    claim = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    text = json.dumps({**claim, "kind": "money", "value": {"kind": "money", "amount": 1.0, "currency": "USD"}})
    path.write_text(text.replace('"amount": 1.0', f'"amount": {number}') + "\n", encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text(ARTICLES["a.txt"], encoding="utf-8")
    refused(capsys, ["check", draft, "--against", ledger, "--format", "json"], "b.jsonl:1: not a claim: value.amount")


# ----------------------------------------------------------------------------- helpers
def test_show_never_prints_a_huge_number_or_a_long_text():
    assert show(10**4000) == "a 4001-digit number"
    assert show(True) == "true" and show(5) == "5" and show(math.inf) == "inf"
    assert show("x" * 100) == repr("x" * 39 + "…")


def test_not_finite_finds_the_first_bad_number():
    assert not_finite({"a": [1, 2.5, {"b": math.nan}]}) == "a.2.b"
    assert not_finite({"a": 10**400}) == "a" and not_finite({"a": True, "b": 10**300}) is None


def test_locate_finds_keys_in_tables_arrays_and_inline_tables():
    text = ('top = 1\n[sources."x.y"]\ntitle = "t"\n\n[[entity]]\nname = "A"\n[[entity]]\nname = "B"\n'
            'aliases = ["b"]\n[reviews.F]\nauthor = { name = "n" }\n')
    assert locate(text, ("top",)) == 1
    assert locate(text, ("sources", "x.y", "title")) == 3
    assert locate(text, ("sources", "x.y", "url")) == 2  # missing: its table
    assert locate(text, ("entity", 1, "aliases", 0)) == 9
    assert locate(text, ("reviews", "F", "author", "type")) == 11
    assert locate(text, ("nowhere", "x")) is None
    assert locate('{\n "reviews": {\n  "F": {"url": 1}}}', ("reviews", "F", "url"), "json") == 3


def test_check_review_refuses_what_the_file_would(report):
    from verifier.inputs import check_review

    good = {"alternateName": "False", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
            "url": "https://x.example/r", "datePublished": "2026-03-07", "author": {"name": "Desk"}}
    assert check_review(good, "here")["author"] == {"@type": "Organization", "name": "Desk"}
    with pytest.raises(VerifierError, match="here: ratingValue must be a finite number"):
        check_review({**good, "ratingValue": math.inf}, "here")
    with pytest.raises(VerifierError, match="here: author must be a table"):
        check_review({**good, "author": "Desk"}, "here")
