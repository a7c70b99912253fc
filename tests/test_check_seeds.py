"""verifier check on drafts built from the seed articles' own sentences.

A draft copied from the seeds has no error; the same draft with one fact changed (a weekday,
an amount, a count) has exactly one error, at the changed words. Nothing here is a hard-coded
expected output: sentences are cut from the seed files, and positions are computed from the
draft text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from verifier.check.checker import Checker, Options
from verifier.check.trusted import load
from verifier.claims.entities import load_registry
from verifier.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data" / "check"

# (seed words that find the sentence, the words changed in it, what they become)
CHANGES = {
    "weekday": ("週一宣佈辭職", "週一", "週三"),
    "amount": ("億美元的虧損", "約50 億美元", "約80 億美元"),
    "count": ("联合创始人中仅剩", "仅剩3位", "仅剩4位"),
}
FAMILY = {"weekday": "D", "amount": "M", "count": "N"}  # date, money and count rules


def seed_sentence(marker: str) -> str:
    """The sentence of a seed article that contains `marker` (from the previous 。 or line
    break to the next 。)."""
    for f in sorted(SEEDS.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        i = text.find(marker)
        if i < 0:
            continue
        start = max(text.rfind("。", 0, i), text.rfind("\n", 0, i)) + 1
        end = text.find("。", i)
        line_end = text.find("\n", i)
        end = min(x for x in (end + 1 if end >= 0 else len(text), line_end if line_end >= 0 else len(text)))
        return text[start:end].strip()
    raise AssertionError(f"no seed sentence with {marker!r}")


def build_draft(change: str | None = None) -> tuple[str, int | None, int | None]:
    """A Markdown draft of three seed sentences (one paragraph each), with `change` applied;
    returns the draft and the span of the changed words in it."""
    paragraphs = []
    for name, (marker, old, new) in CHANGES.items():
        sentence = seed_sentence(marker)
        assert old in sentence, (old, sentence)
        if name == change:
            sentence = sentence.replace(old, new, 1)
        paragraphs.append(sentence)
    draft = "# 草稿：AI 人才流動\n\n" + "\n\n".join(paragraphs) + "\n"
    if change is None:
        return draft, None, None
    _, old, new = CHANGES[change]
    start = draft.index(new)
    diff = next(i for i, (a, b) in enumerate(zip(old, new)) if a != b)
    return draft, start + diff, start + diff + 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.fixture(scope="module")
def trusted():
    """The seeds, read and prepared once for the whole module."""
    return load([SEEDS], load_registry())


def check(trusted, name: str, text: str, **options):
    return Checker(trusted, Options(**options)).check(name, text)


def errors(result):
    return [d for d in result.diagnostics if d.severity == "error"]


# ----------------------------------------------------------------------------- the facts
def test_the_unchanged_draft_has_no_error(trusted):
    draft, _, _ = build_draft()
    result = check(trusted, "draft.md", draft)
    assert result.claims >= 3
    assert errors(result) == []


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_one_changed_fact_is_exactly_one_error_at_the_changed_words(trusted, change):
    draft, changed, changed_end = build_draft(change)
    result = check(trusted, "draft.md", draft)
    (error,) = errors(result)
    assert error.start <= changed < error.end, (error, draft[error.start:error.end])
    assert (error.line, error.col) == line_col(draft, error.start)
    assert (error.end_line, error.end_col) == line_col(draft, error.end)
    assert draft[error.start:error.end] == error.draft_words
    assert error.code.startswith(FAMILY[change])
    # the message names the sources, quotes them and gives both values in words
    assert error.related and all(r.verdict == "contradict" for r in error.related)
    for r in error.related:
        assert r.words in error.message and r.value in error.message
        assert r.position is not None and Path(r.path).exists()
        assert f"{r.path}:{r.position.line}" in error.message  # named by path:line, not by id
    assert "the draft says" in error.message


def test_sources_that_disagree_make_a_warning_not_an_error(trusted):
    # the weekday the first seed gives for Sharma's resignation is not the one another seed gives
    draft = seed_sentence("週一宣佈辭職") + "\n"
    result = check(trusted, "draft.md", draft)
    assert errors(result) == []
    (warning,) = [d for d in result.diagnostics if d.code == "W102"]
    assert warning.severity == "warning"
    assert {r.verdict for r in warning.related} >= {"agree", "contradict"}


def test_a_draft_less_precise_than_a_source_gets_w101(trusted):
    # a seed gives a full date for John Schulman's departure; another only "early this month"
    draft = seed_sentence("本月初") + "\n"
    result = check(trusted, "draft.txt", draft)
    assert "W101" in {d.code for d in result.diagnostics}
    assert errors(result) == []


# ----------------------------------------------------------------------------- Markdown
def test_markdown_syntax_is_not_text_but_positions_point_into_the_file(trusted):
    sentence = seed_sentence("週一宣佈辭職").replace("週一", "週三", 1)
    assert sentence.startswith("Sharma")
    body = sentence.replace("Sharma", "[**Sharma**](https://example.com/sharma_(researcher))", 1)
    body = body.replace("週三", "*週三*", 1)
    draft = (
        "---\ntitle: 草稿\ntags: [週一, 2026]\n---\n\n"
        "## 人才流動 ##\n\n"
        "> 摘要:`週一` 只是程式碼。\n\n"
        "<!-- 編輯註記:週二再看 -->\n"
        f"- {body}\n"
    )
    result = check(trusted, "draft.md", draft)
    (error,) = errors(result)
    start = draft.index("*週三*") + 1
    assert (error.start, error.end) == (start, start + 2)
    assert (error.line, error.col) == line_col(draft, start)
    # the same draft as plain text: the Markdown is article text there, the error is the same
    plain = check(trusted, "draft.txt", draft.replace("*週三*", " 週三 "))
    assert [e.code for e in errors(plain)] == [error.code]


# ----------------------------------------------------------------------------- invented facts
def test_an_invented_draft_gets_only_info_diagnostics(trusted):
    text = (DATA / "invented.md").read_text(encoding="utf-8")
    shown = check(trusted, "invented.md", text, show_unsupported=True)
    assert len(shown.diagnostics) >= 3
    assert {d.code for d in shown.diagnostics} == {"I101"}
    assert {d.severity for d in shown.diagnostics} == {"info"}
    hidden = check(trusted, "invented.md", text)
    assert hidden.diagnostics == [] and hidden.hidden == len(shown.diagnostics)


def test_invented_draft_exit_status_is_0(capsys):
    status = main(["check", str(DATA / "invented.md"), "--against", str(SEEDS), "--show-unsupported",
                   "--format", "json"])
    assert status == 0
    data = json.loads(capsys.readouterr().out)
    assert data["diagnostics"] and all(d["severity"] == "info" for d in data["diagnostics"])
    assert data["summary"]["errors"] == 0


# ----------------------------------------------------------------------------- ledger
@pytest.fixture(scope="module")
def ledger_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("claims")
    assert main(["extract", str(SEEDS), "--ledger", str(folder)]) == 0
    return folder


def test_against_a_ledger_gives_the_same_errors(ledger_dir, tmp_path, capsys):
    registry = load_registry()
    from_ledger = load([ledger_dir], registry)
    assert from_ledger.prepared == [] and from_ledger.ledger_claims
    clean, _, _ = build_draft()
    assert errors(check(from_ledger, "draft.md", clean)) == []
    for change in CHANGES:
        draft, changed, _ = build_draft(change)
        (error,) = errors(check(from_ledger, "draft.md", draft))
        assert error.start <= changed < error.end
        assert error.code.startswith(FAMILY[change])
        # no article text: the related locations name the ledger file and quote the claim
        assert all(r.position is None and r.path.endswith(".jsonl") for r in error.related)
    path = tmp_path / "draft.md"
    path.write_text(build_draft("count")[0], encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(path), "--against", str(ledger_dir)]) == 1
    assert main(["check", str(path), "--against", str(ledger_dir / "003_078171a1c9211693.jsonl")]) == 1
    out = capsys.readouterr().out
    assert out.count(": N101 ") == 2


def test_a_name_only_glossed_in_a_source_resolves_in_the_draft(trusted, ledger_dir):
    # 舒尔曼 is John Schulman only because a seed glosses it as 舒尔曼(JohnSchulman)
    draft = "本月初,舒尔曼宣布离开OpenAI。\n"
    for source in (trusted, load([ledger_dir], load_registry())):
        result = check(source, "draft.txt", draft, show_unsupported=True)
        assert [d.subject for d in result.diagnostics if d.predicate == "departure"] in (["John Schulman"], [])
        assert not [d for d in result.diagnostics if d.code == "I101"]


# ----------------------------------------------------------------------------- exit codes
@pytest.mark.parametrize("change, status", [(None, 0), ("weekday", 1), ("amount", 1), ("count", 1)])
def test_exit_status(tmp_path, capsys, change, status):
    path = tmp_path / "draft.md"
    path.write_text(build_draft(change)[0], encoding="utf-8")
    assert main(["check", str(path), "--against", str(SEEDS)]) == status
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith(("Found", "No problems")) and "checked against 5 sources" in out[-1]
    if status:
        (line,) = [l for l in out if ": D1" in l or ": M1" in l or ": N1" in l]
        assert line.startswith(f"{path}:")
    assert main(["check", str(path), "--against", str(SEEDS), "--exit-zero"]) == 0


# ----------------------------------------------------------------------------- quotes
def seed_quote(marker: str) -> tuple[str, str]:
    """The words of the quote in a seed that contains `marker`, and the line it is on."""
    for f in sorted(SEEDS.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        i = text.find(marker)
        if i >= 0:
            start, end = text.rfind("“", 0, i), text.find("”", i)
            line = text[text.rfind("\n", 0, i) + 1:text.find("\n", i)]
            return text[start + 1:end], line
    raise AssertionError(marker)


def test_words_attributed_to_another_speaker_are_an_error(trusted):
    from verifier.rules.quotes import SAME_QUOTE, similarity

    quote, sentence = seed_quote("疯狂至极")
    assert "Tony Wu" not in sentence  # the seed gives these words to someone else
    draft = f"Tony Wu 表示:“{quote}”\n"
    (error,) = errors(check(trusted, "draft.md", draft))
    assert error.code == "Q102" and error.start == draft.index(quote)
    (source,) = error.related
    assert source.subject != "Tony Wu" and source.subject.split()[-1] in sentence
    assert similarity(source.words.rstrip("…"), quote) >= SAME_QUOTE - 10


def test_a_quote_worded_differently_is_a_warning(trusted):
    from verifier.rules.quotes import SAME_QUOTE, SIMILAR_QUOTE, similarity

    quote, _ = seed_quote("价值观主导")
    altered = quote.replace("真正", "").replace("主导我们的行动", "引导行动")
    assert SIMILAR_QUOTE <= similarity(quote, altered) < SAME_QUOTE
    draft = f"Sharma 写道:“{altered}”\n"
    result = check(trusted, "draft.md", draft)
    assert errors(result) == []
    (warning,) = result.diagnostics
    assert warning.code == "Q101" and warning.severity == "warning" and "Sharma" in warning.subject
    assert check(trusted, "draft.md", f"Sharma 写道:“{quote}”\n").diagnostics == []


# ----------------------------------------------------------------------------- dates of the draft
def test_a_date_that_cannot_be_is_an_error_without_any_source(trusted):
    # 1 June 2025 was a Sunday: the draft contradicts itself, whatever the sources say
    draft = "Sam Altman 于2025年6月1日周六被解雇。\n"
    result = check(trusted, "draft.md", draft, show_unsupported=True)
    (error,) = result.diagnostics
    assert error.code == "D102" and draft[error.start:error.end].startswith("2025年6月1日")


def test_the_publication_date_anchors_relative_dates(trusted, tmp_path, capsys):
    # 昨天 (yesterday) means nothing without a publication date; with one it is a day that the
    # sources' dates for this departure either match or contradict
    draft = "Zoë Hitzig 昨天宣布辞职。\n"
    unanchored = check(trusted, "draft.md", draft, show_unsupported=True)
    assert [d.code for d in unanchored.diagnostics] == ["I101"]
    day = next(c for p in trusted.prepared for c in p.claims
               if c.subject == "Zoe Hitzig" and c.predicate == "departure" and c.value.start)
    reported = dt.date.fromisoformat(day.value.start)
    same = check(trusted, "draft.md", draft, published=reported + dt.timedelta(days=1))
    assert errors(same) == []  # the day a source gives (another source disagrees: a warning)
    later = check(trusted, "draft.md", draft, published=reported + dt.timedelta(days=3))
    assert [e.code for e in errors(later)] == ["D101"]
    # the dateline of the draft, the --published option over it, and the configuration
    path = tmp_path / "draft.md"
    path.write_text(f"{reported + dt.timedelta(days=3):%Y年%-m月%-d日}\n\n{draft}", encoding="utf-8")
    assert main(["check", str(path), "--against", str(SEEDS), "--no-config"]) == 1
    assert main(["check", str(path), "--against", str(SEEDS), "--no-config",
                 "--published", (reported + dt.timedelta(days=1)).isoformat()]) == 0
    path.write_text(draft, encoding="utf-8")
    (tmp_path / "verifier.toml").write_text(
        f'against = ["{SEEDS.as_posix()}"]\npublished = {reported + dt.timedelta(days=3)}\n', encoding="utf-8")
    assert main(["check", str(path), "--config", str(tmp_path / "verifier.toml")]) == 1
    capsys.readouterr()
