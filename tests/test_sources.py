"""Reading sources: encodings, languages, manifest, datelines, page furniture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from verifier.errors import VerifierError
from verifier.pipeline import prepare
from verifier.text.furniture import classify
from verifier.text.sources import collect, decode, detect_language, load, read_source

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def test_legacy_chinese_encodings_are_detected():
    simplified = SEED_FILES[3].read_text(encoding="utf-8")
    traditional = SEED_FILES[2].read_text(encoding="utf-8")
    assert decode(simplified.encode("gb18030"), "x") == simplified
    # Big5 cannot encode every character of the article; keep those it can
    big5 = traditional.encode("big5", errors="ignore")
    assert decode(big5, "x") == big5.decode("big5")


def test_utf8_bom_and_utf16():
    assert decode("\ufeff週一".encode("utf-8"), "x") == "週一"
    assert decode("週一宣佈辭職".encode("utf-16"), "x") == "週一宣佈辭職"


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\t  ", "empty"),
    (b"\x00\x01\x02\x03binary\x00", "binary"),
    (bytes(range(256)) * 4, "binary"),
])
def test_unreadable_bytes_are_refused_in_one_line(data, message):
    with pytest.raises(VerifierError) as err:
        decode(data, "bad.txt")
    assert message in str(err.value) and "\n" not in str(err.value)


def test_undecodable_text_is_refused():
    with pytest.raises(VerifierError) as err:
        decode(b"\xff\xfe\xfd\xfc plain \x81\x30", "bad.txt")
    assert "bad.txt" in str(err.value)


def test_language_detection():
    assert [detect_language(p.read_text(encoding="utf-8")) for p in SEED_FILES] == [
        "zh-Hant", "zh-Hans", "zh-Hant", "zh-Hans", "mixed"]
    assert detect_language("OpenAI said on Monday that it had raised $6.6 billion.") == "en"


def test_offsets_index_the_text_as_read_including_crlf(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("第一行\r\n2024年5月14日,Sutskever宣佈辭職。\r\n".encode("utf-8"))
    source = read_source(path)
    assert source.text == path.read_bytes().decode("utf-8")  # no newline translation


def test_manifest_gives_the_publication_date(tmp_path):
    (tmp_path / "a.txt").write_text("他在週一宣佈辭職。", encoding="utf-8")
    (tmp_path / "manifest.toml").write_text('[sources.a]\npublished = 2026-02-13\nurl = "https://example.org/a"\n', encoding="utf-8")
    [source] = load([tmp_path])
    assert source.published == dt.date(2026, 2, 13) and source.published_from == "manifest"
    assert source.url == "https://example.org/a"


@pytest.mark.parametrize("manifest", ["[sources.a\npublished = 1", '[sources.a]\npublished = "last week"', "sources = 3"])
def test_malformed_manifest_is_an_error(tmp_path, manifest):
    (tmp_path / "a.txt").write_text("文章。", encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(manifest, encoding="utf-8")
    with pytest.raises(VerifierError) as err:
        load([tmp_path])
    assert "manifest" in str(err.value)


def test_dateline_near_the_top_but_not_a_date_in_the_first_sentence(tmp_path):
    dated = tmp_path / "dated.txt"
    dated.write_text("標題\n\n2025年3月6日\n\n他在週一宣佈辭職,震驚了整個行業。這是一段足夠長的正文內容。\n", encoding="utf-8")
    prose = tmp_path / "prose.txt"
    prose.write_text("2024年5月14日,Sutskever 突然宣佈辭職,震驚了整個AI 社區,這是一段足夠長的正文。\n", encoding="utf-8")
    english = tmp_path / "english.txt"
    english.write_text("Veltrix loses its chief scientist\nMarch 6, 2025\n\nThe company said on Tuesday that she had resigned.\n", encoding="utf-8")
    assert prepare(read_source(dated)).source.published == dt.date(2025, 3, 6)
    assert prepare(read_source(prose)).source.published is None
    assert prepare(read_source(english)).source.published == dt.date(2025, 3, 6)


def test_a_labelled_publication_line_dates_the_article_however_long(tmp_path):
    """"Published: 10:05pm, 4 Dec 2026  |  Updated: 7:40am, 5 Dec 2026" dates the article (its first
    date), and its times are no claims."""
    path = tmp_path / "a.txt"
    path.write_text("Orlen University names a new president\nPublished: 10:05pm, 4 Dec 2026  |  Updated: 7:40am, "
                    "5 Dec 2026\n\nHONG KONG — Orlen University appointed Professor Mara Quist as its next president, "
                    "the council announced on Friday.\n", encoding="utf-8")
    prepared = prepare(read_source(path))
    assert prepared.source.published == dt.date(2026, 12, 4)
    long_prose = tmp_path / "b.txt"
    long_prose.write_text("Orlen University names a new president\n\nThe council said on 4 Dec 2026 that it had chosen a "
                          "president after a long search lasting two years.\n", encoding="utf-8")
    assert prepare(read_source(long_prose)).source.published is None


def test_a_labelled_publication_line_at_the_foot_dates_an_article_whose_head_gives_none(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Three paper makers fined\n\nHONG KONG — The tribunal fined Orlen Paper Ltd on Thursday.\n\n"
                    "The company said it would appeal.\n\nPublished Dec 4, 2026, 6:10 p.m. HKT\n", encoding="utf-8")
    assert prepare(read_source(path)).source.published == dt.date(2026, 12, 4)
    mentioned = tmp_path / "b.txt"
    mentioned.write_text("Three paper makers fined\n\nThe tribunal fined Orlen Paper Ltd on Thursday.\n\n"
                         "The ruling follows a raid by the commission's officers on the three companies' offices on Dec 4, 2023.\n",
                         encoding="utf-8")
    assert prepare(read_source(mentioned)).source.published is None


@pytest.mark.parametrize("lead", ["【2026年6月10日 经济日报】", "【经济日报 2026年6月10日】", "[2026年6月10日 财经新闻网]"])
def test_a_bracketed_lead_dates_the_article_with_its_date_first_or_last(tmp_path, lead):
    path = tmp_path / "a.txt"
    path.write_text(f"标题在这里\n\n{lead}杭州某公司周二宣布裁员，涉及约2800人。\n", encoding="utf-8")
    assert prepare(read_source(path)).source.published == dt.date(2026, 6, 10)


def test_folders_without_articles_and_missing_paths(tmp_path):
    with pytest.raises(VerifierError, match="no articles"):
        collect([tmp_path])
    with pytest.raises(VerifierError, match="no such file"):
        collect([tmp_path / "missing"])
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(VerifierError, match="not an article"):
        collect([tmp_path / "x.pdf"])


def test_furniture_of_a_saved_page():
    page = "\n".join([
        "新闻网新闻网",
        "  • 首页",
        "  • 科技",
        "联系我们",
        "某公司宣布裁员,员工人数减少三成",
        "财经2025年3月6日· 3 分钟阅读",
        "某公司周一宣布,将在今年裁减三成员工,这是该公司成立以来规模最大的一次裁员。",
        "标签:裁员 科技",
        "相关阅读",
        "另一家公司估值达到100亿美元",
        "5小时前",
        "Copyright © 2025 新闻网 版权所有",
    ])
    kinds = [l.furniture for l in classify(page) if page[l.start:l.end].strip()]
    article = [page[l.start:l.end] for l in classify(page) if l.furniture is None and page[l.start:l.end].strip()]
    assert article == ["某公司宣布裁员,员工人数减少三成", "某公司周一宣布,将在今年裁减三成员工,这是该公司成立以来规模最大的一次裁员。"]
    assert kinds.count(None) == 2
