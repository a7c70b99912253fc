"""Markdown masking: syntax out, article text in, and never a shifted offset."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.check.diagnostics import Lines
from verifier.check.markdown import is_markdown, mask, mask_plain


def kept(original: str, masked: str) -> str:
    """The characters masking kept, in order (spaces collapsed)."""
    return " ".join(masked.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("#*_~`[]()!<>-+|:\\ \n\r\t=.1aZ週一億") + ["<!--", "-->", "```", "](", "\r\n", "---\n"]),
                max_size=60).map("".join))
def test_masking_keeps_length_and_line_breaks(text):
    for masked in (mask(text), mask_plain(text)):
        assert len(masked) == len(text)
        assert [i for i, c in enumerate(masked) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]
        assert all(m == o or m == " " for m, o in zip(masked, text))


def test_headings_emphasis_links_images_and_code():
    text = ("# 標題 **粗體** #\n"
            "他在*週三*宣佈,見[報導](https://a.b/c_(d) \"t\")與![圖說](x.png)。\n"
            "`週一` 與 <b>週二</b> 與 <https://x.y> 與 snake_case 與 \\*星號\\*\n")
    masked = mask(text)
    assert kept(text, masked) == "標題 粗體 他在 週三 宣佈,見 報導 與 圖說 。 與 週二 與 與 snake_case 與 *星號 *"
    assert masked.index("週三") == text.index("週三")


def test_blocks_front_matter_fences_comments_tables_lists_quotes():
    text = ("---\ntitle: 週一\n---\n"
            "> 引用 **重點**\n"
            "- 項目一\n"
            "12. 項目二\n"
            "```\n週四 code\n```\n"
            "<!-- 週五\n註記 -->\n"
            "| 欄 | 值 |\n|---|:---:|\n| 甲 | 乙 |\n"
            "[ref]: https://example.com\n"
            "文字[^1]與[連結][ref]。\n"
            "標題\n===\n"
            "***\n")
    masked = mask(text)
    assert kept(text, masked) == "引用 重點 項目一 項目二 欄 值 甲 乙 文字 與 連結 。 標題"


def test_plain_text_keeps_markdown_but_not_comments():
    text = "*週三* [a](b)\n<!-- verifier: ignore D101 -->\n# 標題\n"
    masked = mask_plain(text)
    assert masked.startswith("*週三* [a](b)\n") and masked.endswith("# 標題\n")
    assert "verifier" not in masked


def test_which_names_are_markdown():
    assert is_markdown("a.md") and is_markdown("A.MARKDOWN") and not is_markdown("a.txt") and not is_markdown("-")


def test_lines_count_characters_and_utf16_units():
    text = "ab\r\n😀週三\rx\n"
    lines = Lines(text)
    assert lines.line_col(0) == (1, 1, 1)
    assert lines.line_col(text.index("週")) == (2, 2, 3)  # the emoji is one character, two UTF-16 units
    assert lines.line_col(text.index("x")) == (3, 1, 1)
    pos = lines.position(text.index("週"), text.index("週") + 2)
    assert (pos.line, pos.col, pos.end_col, pos.col_utf16, pos.end_col_utf16) == (2, 2, 4, 3, 5)
