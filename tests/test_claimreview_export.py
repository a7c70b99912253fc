"""`verifier export claimreview`: schema.org ClaimReview JSON-LD from the editor's review file,
checked field by field against Google's required and recommended properties
(Fact Check structured data: required claimReviewed, reviewRating with alternateName, url;
recommended author, datePublished, itemReviewed as a Claim with appearance, author,
datePublished, firstAppearance; on the Rating ratingValue, bestRating, worstRating, name)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tomllib
import unicodedata
from pathlib import Path

import jsonschema
import pytest

from verifier.cli import main
from verifier.errors import VerifierError
from verifier.export.claimreview import CLAIM_REVIEWED_MAX, check_review, fit

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARMA = "Mrinank Sharma"

MANIFEST = """
[sources.000_d3ab94bd7f17fabd]
title = "AI 人才離職潮"
url = "https://news.example.tw/ai-departures"
published = 2026-02-12

[sources.001_672225adbe650a98]
title = "AI 人才离职潮"
url = "https://news.example.cn/ai-departures"
published = 2026-02-13
"""

REVIEWS = """
[defaults]
author = {{ name = "Example Fact Check", url = "https://factcheck.example.org/" }}
bestRating = 5
worstRating = 1

[reviews."{contradiction}"]
alternateName = "False"
ratingValue = 1
url = "https://factcheck.example.org/2026/sharma-resignation"
datePublished = 2026-02-14
ratingExplanation = "Sharma posted his letter on Monday 9 February, not Sunday."
claimAuthor = {{ name = "Example Daily", type = "Organization" }}

[reviews."{compatible}"]
alternateName = "Mostly true"
ratingValue = 4.5
url = "https://factcheck.example.org/2026/another"
datePublished = "2026-02-15T09:30:00+08:00"
author = {{ name = "Second Desk" }}
"""

# Google's required and recommended properties as a JSON Schema: every ClaimReview we write
# must carry all of them that the data allows.
WEB_URL = {"type": "string", "pattern": r"^https?://[^\s/]+\.[^\s]+$"}
ISO_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?$"}
PARTY = {"type": "object", "required": ["@type", "name"],
         "properties": {"@type": {"enum": ["Organization", "Person"]}, "name": {"type": "string", "minLength": 1},
                        "url": WEB_URL}}
CREATIVE_WORK = {"type": "object", "required": ["@type", "name"],
                 "properties": {"@type": {"const": "CreativeWork"}, "url": WEB_URL, "datePublished": ISO_DATE,
                                "name": {"type": "string"}, "headline": {"type": "string"}}}
CLAIM_REVIEW_SCHEMA = {
    "type": "object",
    "required": ["@context", "@type", "claimReviewed", "reviewRating", "url", "author", "datePublished", "itemReviewed"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "ClaimReview"},
        "claimReviewed": {"type": "string", "minLength": 1, "maxLength": 74},
        "url": WEB_URL,
        "datePublished": ISO_DATE,
        "author": PARTY,
        "reviewRating": {
            "type": "object",
            "required": ["@type", "alternateName", "ratingValue", "bestRating", "worstRating", "name"],
            "properties": {"@type": {"const": "Rating"}, "alternateName": {"type": "string", "minLength": 1},
                           "ratingValue": {"type": "number"}, "bestRating": {"type": "number"},
                           "worstRating": {"type": "number"}, "name": {"type": "string"}},
        },
        "itemReviewed": {
            "type": "object", "required": ["@type", "appearance"],
            "properties": {"@type": {"const": "Claim"}, "appearance": {"type": "array", "minItems": 1, "items": CREATIVE_WORK},
                           "author": PARTY, "datePublished": ISO_DATE, "firstAppearance": CREATIVE_WORK},
        },
    },
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds with a manifest giving two of them a title, URL and publication date, and
    report.json written by `verifier report`."""
    folder = tmp_path_factory.mktemp("corpus")
    articles = folder / "seeds"
    shutil.copytree(SEEDS, articles)
    (articles / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    report_path = folder / "report.json"
    assert main(["report", str(articles), "-o", str(report_path)]) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    contradiction = next(f for f in report["findings"] if f["verdict"] == "contradict" and f["subject"] == SHARMA)
    compatible = next(f for f in report["findings"] if f["verdict"] == "compatible"
                      and "000_d3ab94bd7f17fabd" not in f["sources"])
    reviews = folder / "reviews.toml"
    reviews.write_text(REVIEWS.format(contradiction=contradiction["id"], compatible=compatible["id"]), encoding="utf-8")
    return {"folder": folder, "articles": articles, "report_path": report_path, "report": report,
            "reviews": reviews, "contradiction": contradiction, "compatible": compatible}


def export(capsys, *args) -> tuple[int, object, str]:
    code = main(["export", "claimreview", *map(str, args)])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 and out.startswith("[") else out), err


@pytest.fixture
def exported(corpus, capsys):
    code, items, err = export(capsys, corpus["reviews"], "--report", corpus["report_path"])
    assert code == 0, err
    return items


def test_one_claimreview_per_reviewed_finding_in_report_order(corpus, exported):
    assert [i["url"] for i in exported] == ["https://factcheck.example.org/2026/sharma-resignation",
                                           "https://factcheck.example.org/2026/another"]
    for item in exported:
        jsonschema.validate(item, CLAIM_REVIEW_SCHEMA)


def test_required_properties_field_by_field(corpus, exported):
    item = exported[0]
    assert item["@context"] == "https://schema.org"
    assert item["@type"] == "ClaimReview"
    # claimReviewed: a short summary of the claim, under 75 characters
    assert isinstance(item["claimReviewed"], str) and 0 < len(item["claimReviewed"]) < 75
    assert item["claimReviewed"].startswith(SHARMA)
    assert "Monday" in item["claimReviewed"] and "Sunday" in item["claimReviewed"]
    # reviewRating: the editor's, exactly; alternateName is required
    rating = item["reviewRating"]
    assert rating == {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                      "alternateName": "False", "name": "False",
                      "ratingExplanation": "Sharma posted his letter on Monday 9 February, not Sunday."}
    # url: the review page
    assert item["url"] == "https://factcheck.example.org/2026/sharma-resignation"


def test_recommended_properties_field_by_field(corpus, exported):
    item = exported[0]
    assert item["author"] == {"@type": "Organization", "name": "Example Fact Check",
                              "url": "https://factcheck.example.org/"}
    assert item["datePublished"] == "2026-02-14"
    claim = item["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Organization", "name": "Example Daily"}
    assert claim["appearance"] == [
        {"@type": "CreativeWork", "url": "https://news.example.tw/ai-departures", "headline": "AI 人才離職潮",
         "name": "AI 人才離職潮", "datePublished": "2026-02-12", "inLanguage": "zh-Hant"},
        {"@type": "CreativeWork", "url": "https://news.example.cn/ai-departures", "headline": "AI 人才离职潮",
         "name": "AI 人才离职潮", "datePublished": "2026-02-13", "inLanguage": "zh-Hans"},
    ]
    assert [a["url"] for a in claim["appearance"]] == [
        f"https://news.example.{'tw' if s.startswith('000') else 'cn'}/ai-departures"
        for s in corpus["contradiction"]["sources"]]
    assert claim["datePublished"] == "2026-02-12"  # the earliest appearance
    assert claim["firstAppearance"] == claim["appearance"][0]


def test_defaults_are_overridden_per_review_and_datetimes_kept(exported):
    item = exported[1]
    assert item["author"] == {"@type": "Organization", "name": "Second Desk"}
    assert item["reviewRating"]["ratingValue"] == 4.5
    assert item["datePublished"] == "2026-02-15T09:30:00+08:00"


def test_unknown_source_details_are_left_out_not_invented(corpus, exported, capsys):
    claim = exported[1]["itemReviewed"]  # sources with no manifest entry
    for work in claim["appearance"]:
        assert set(work) <= {"@type", "name", "inLanguage", "headline"}
        if "headline" in work:  # the article's own first heading line, not made up
            assert work["name"] == work["headline"]
            assert any(work["headline"] in (corpus["articles"] / f"{s}.txt").read_text(encoding="utf-8").splitlines()
                       for s in corpus["compatible"]["sources"])
        else:
            assert work["name"] in corpus["compatible"]["sources"]
    assert "datePublished" not in claim and "firstAppearance" not in claim and "author" not in claim


def test_a_note_says_what_is_missing(corpus, capsys):
    code, _, err = export(capsys, corpus["reviews"], "--report", corpus["report_path"])
    assert code == 0
    assert f"verifier: note: {corpus['compatible']['id']}: no source has a known publication date" in err


def test_the_tool_never_rates_by_itself(corpus, exported):
    """Only reviewed findings are exported, with exactly the editor's numbers and words."""
    assert len(exported) == 2 < len(corpus["report"]["findings"])
    ratings = [(i["reviewRating"]["alternateName"], i["reviewRating"]["ratingValue"]) for i in exported]
    assert ratings == [("False", 1), ("Mostly true", 4.5)]


def test_rating_one_source_and_overriding_claimreviewed(corpus, capsys, tmp_path):
    f = corpus["contradiction"]
    path = tmp_path / "r.toml"
    path.write_text(f'''
[reviews."{f['id']}"]
alternateName = "True"
ratingValue = 5
bestRating = 5
worstRating = 1
author = {{ name = "Example Fact Check" }}
url = "https://factcheck.example.org/x"
datePublished = 2026-02-14
source = "001_672225adbe650a98"
''', encoding="utf-8")
    code, items, err = export(capsys, path, "--report", corpus["report_path"])
    assert code == 0, err
    assert [a["name"] for a in items[0]["itemReviewed"]["appearance"]] == ["AI 人才离职潮"]
    assert "Sunday" in items[0]["claimReviewed"] and "Monday" not in items[0]["claimReviewed"]
    path.write_text(path.read_text(encoding="utf-8") + 'claimReviewed = "Sharma quit on Sunday"\n', encoding="utf-8")
    code, items, err = export(capsys, path, "--report", corpus["report_path"])
    assert code == 0 and items[0]["claimReviewed"] == "Sharma quit on Sunday"


def test_json_review_file_and_sources_instead_of_report(corpus, capsys, tmp_path):
    reviews = tomllib.loads(corpus["reviews"].read_text(encoding="utf-8"))
    path = tmp_path / "reviews.json"
    path.write_text(json.dumps(reviews, default=str), encoding="utf-8")
    code, from_json, err = export(capsys, path, "--report", corpus["report_path"])
    assert code == 0, err
    code, from_sources, err = export(capsys, corpus["reviews"], "--sources", corpus["articles"])
    assert code == 0, err
    code, from_report, err = export(capsys, corpus["reviews"], "--report", corpus["report_path"])
    assert from_json == from_report == from_sources


def test_output_file_is_written(corpus, capsys, tmp_path):
    out = tmp_path / "deep" / "claimreview.json"
    assert main(["export", "claimreview", str(corpus["reviews"]), "--report", str(corpus["report_path"]),
                 "-o", str(out)]) == 0
    printed = capsys.readouterr()
    assert f"wrote {out}" in printed.err and printed.out == ""
    items = json.loads(out.read_text(encoding="utf-8"))
    assert len(items) == 2 and items[0]["@type"] == "ClaimReview"


def test_template_lists_every_finding_and_fills_in(corpus, capsys, tmp_path):
    assert main(["export", "claimreview", "--template", "--report", str(corpus["report_path"])]) == 0
    text = capsys.readouterr().out
    assert tomllib.loads(text) == {"defaults": {}}  # all commented out: nothing rated yet
    for f in corpus["report"]["findings"]:
        assert f'# [reviews."{f["id"]}"]' in text
    # an editor uncomments one entry and fills it in
    fid = corpus["contradiction"]["id"]
    entry = text.split(f'# [reviews."{fid}"]')[1].split("\n\n")[0]
    filled = "\n".join(line[2:] for line in entry.strip().splitlines())
    filled = filled.replace('alternateName = ""', 'alternateName = "False"')
    path = tmp_path / "filled.toml"
    path.write_text('[defaults]\nauthor = { name = "Desk" }\nbestRating = 5\nworstRating = 1\n'
                    f'[reviews."{fid}"]\n{filled}\n', encoding="utf-8")
    code, items, err = export(capsys, path, "--report", corpus["report_path"])
    assert code == 0, err
    assert len(items[0]["claimReviewed"]) < 75 and items[0]["reviewRating"]["alternateName"] == "False"


# ----------------------------------------------------------------------------- refusals
FULL = {
    "alternateName": "False", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
    "url": "https://factcheck.example.org/r", "datePublished": "2026-02-14",
    "author": {"name": "Example Fact Check", "url": "https://factcheck.example.org/"},
}


def write_review(path: Path, fid: str, entry: dict) -> Path:
    path.write_text(json.dumps({"reviews": {fid: entry}}), encoding="utf-8")
    return path


@pytest.mark.parametrize("field", ["alternateName", "ratingValue", "bestRating", "worstRating", "url",
                                   "datePublished", "author"])
def test_missing_required_field_is_refused(corpus, capsys, tmp_path, field):
    entry = {k: v for k, v in FULL.items() if k != field}
    path = write_review(tmp_path / "r.json", corpus["contradiction"]["id"], entry)
    code, out, err = export(capsys, path, "--report", corpus["report_path"])
    assert code == 2 and out == ""
    assert err.startswith("verifier: error: ") and err.count("\n") == 1
    assert f"missing required field '{field}'" in err and corpus["contradiction"]["id"] in err


@pytest.mark.parametrize("change,message", [
    ({"ratingValue": 6}, "ratingValue 6 is outside the scale [1, 5]"),
    ({"ratingValue": 0}, "outside the scale"),
    ({"worstRating": 5, "bestRating": 1}, "worstRating (5) must be less than bestRating (1)"),
    ({"ratingValue": True}, "ratingValue must be a number"),
    ({"ratingValue": "1"}, "ratingValue must be a number"),
    ({"datePublished": "14/02/2026"}, "datePublished must be an ISO date"),
    ({"datePublished": "2026-02-30"}, "datePublished must be an ISO date"),
    ({"url": "factcheck.example.org/r"}, "url must be an absolute http(s) URL"),
    ({"url": "javascript:alert(1)"}, "url must be an absolute http(s) URL"),
    ({"author": {"url": "https://x.org/"}}, "author needs a name"),
    ({"author": {"name": "X", "type": "Robot"}}, "author.type must be Organization or Person"),
    ({"alternateName": "   "}, "alternateName must be the verdict in words"),
    ({"alternateName": 3}, "alternateName must be the verdict in words"),
    ({"claimReviewed": "x" * 75}, "claimReviewed is 75 characters; keep it under 75"),
    ({"ratingvalue": 1}, "unknown field 'ratingvalue'"),
    ({"source": "nope"}, "source 'nope' is not one of the finding's sources"),
])
def test_bad_review_is_refused(corpus, capsys, tmp_path, change, message):
    path = write_review(tmp_path / "r.json", corpus["contradiction"]["id"], {**FULL, **change})
    code, out, err = export(capsys, path, "--report", corpus["report_path"])
    assert code == 2 and out == "", err
    assert message in err and err.count("\n") == 1


def test_unknown_finding_id_is_refused(corpus, capsys, tmp_path):
    path = write_review(tmp_path / "r.json", "D101-00000000", FULL)
    code, _, err = export(capsys, path, "--report", corpus["report_path"])
    assert code == 2 and "review of unknown finding 'D101-00000000'" in err


@pytest.mark.parametrize("content,message", [
    ("", "no reviews"),
    ("[reviews]\n", "no reviews"),
    ("reviews = [", "not TOML"),
    ("[review.x]\na = 1\n", "unknown top-level key 'review'"),
])
def test_malformed_review_file_is_refused(corpus, capsys, tmp_path, content, message):
    path = tmp_path / "r.toml"
    path.write_text(content, encoding="utf-8")
    code, _, err = export(capsys, path, "--report", corpus["report_path"])
    assert code == 2 and message in err


def test_missing_inputs_are_refused(corpus, capsys, tmp_path, monkeypatch):
    code, _, err = export(capsys, tmp_path / "none.toml", "--report", corpus["report_path"])
    assert code == 2 and "no such review file" in err
    monkeypatch.chdir(tmp_path)  # no reports/report.json here
    code, _, err = export(capsys, corpus["reviews"])
    assert code == 2 and "reports/report.json: no such report" in err
    (tmp_path / "bad.json").write_text('{"tool": "other"}', encoding="utf-8")
    code, _, err = export(capsys, corpus["reviews"], "--report", tmp_path / "bad.json")
    assert code == 2 and "not a report written by `verifier report" in err
    code, _, err = export(capsys, "--report", corpus["report_path"])
    assert code == 2 and "needs the editor's review file" in err


# ----------------------------------------------------------------------------- claimReviewed
@pytest.mark.parametrize("text", [
    "Mrinank Sharma, left / announced departure: Monday vs Sunday 2026-02-08 and a great deal more text",
    "人工智慧領域本週正動盪不安此前其三大最具主導地位的參與者相繼發生多起引人注目的人才離職事件在短短七十二小時內該行業失去了一位首席安全研究員" * 2,
    "e\u0301" * 80,
    "word " * 40,
])
def test_fit_is_under_75_and_safe(text):
    out = fit(text)
    assert len(out) <= CLAIM_REVIEWED_MAX and out.endswith("…")
    assert not unicodedata.combining(out[0])
    body = out[:-1]
    assert text.startswith(body) or " ".join(text.split()).startswith(body)
    assert not unicodedata.combining(out[-1]) and (len(body) == 0 or not unicodedata.combining(text[len(body)]))


def test_fit_leaves_short_text_alone():
    assert fit("  Sharma   quit  ") == "Sharma quit"


def test_every_finding_gets_a_short_claimreviewed(corpus):
    from verifier.export.claimreview import claim_reviewed, load_report

    report = load_report(corpus["report_path"])
    for f in report.findings:
        text = claim_reviewed(report, f, f.sources)
        assert 0 < len(text) < 75 and text.startswith(f.subject.split(" / ")[0])


def test_check_review_accepts_toml_dates():
    out = check_review({**FULL, "datePublished": dt.date(2026, 2, 14)}, "here")
    assert out["datePublished"] == "2026-02-14"
    with pytest.raises(VerifierError, match=re.escape("here: missing required field 'url'")):
        check_review({k: v for k, v in FULL.items() if k != "url"}, "here")
