"""Clauses of a sentence, and what each one is to the others.

A sentence is cut at its clause marks (，；：, ; : — and parentheses), never inside a quote, a
value (May 14, 2025; 1,150) or a name. Each clause gets a kind:

- main: says something of its own subject (or of the subject before it: Chinese chains
  clauses on one topic: 驰远汽车成立于2018年，总部位于合肥，…);
- fronted: an adjunct that opens the sentence and modifies what follows ("On Wednesday,",
  本周一晚间，, 资本层面，): no name, no event word, short;
- relative: ", who joined in 2019," / ", which raised $120 million ...," — about the name
  before it (its antecedent);
- appositive: ", a co-founder and the chief scientist of X," / ", founded in 2008 by Y," —
  describes the name before it; its names are not the sentence's subject;
- paren: inside parentheses;
- condition: "If the company lists next year,", 如果……， — supposed, not claimed.
- attribution: "According to filings made public on Monday,", 据周一公开的文件， — where a figure
  comes from: its date is the telling's, and dates nothing outside it.

Rules are small and named; their words live in verifier/data/lang/en.toml ([clauses]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

from verifier.lang import alternation, lang
from verifier.text.fold import to_traditional
from verifier.tables import table

MAX_FRONTED_WORDS = 9
# a short aside in parentheses: a gloss (Series B), （Ines Wahlgren）, a conversion ($14 million),
# (约合人民币9400万元): part of its clause, not a clause
_GLOSS = re.compile(r"[(（][^()（）\n，。；;：:]{1,26}[)）]")
_CJK_CHAR = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    kind: str  # main, fronted, relative, appositive, paren, condition, attribution
    index: int


def _not_opening(regex: re.Pattern[str], words: list[str]) -> re.Pattern[str]:
    """`regex`, not where the clause opens with one of `words` (若干 is no 若)."""
    if not words:
        return regex
    exclude = alternation(sorted({f(w) for w in words for f in (str, to_traditional)}))
    return re.compile(rf"(?!\s*(?:{exclude}))(?:{regex.pattern.removeprefix('(?i)')})", re.I)


@table("extract")
def _rules() -> dict:
    en = lang("en")["clauses"]
    zh = lang("zh").get("clauses", {})

    def opening(key: str) -> re.Pattern[str]:
        """A clause opening with one of the words of `key` in either language (and script)."""
        words = en[key] + zh.get(key, [])
        return re.compile(rf"(?i)\s*(?:{alternation([w for w in words if w.isascii()])})\b"
                          rf"|\s*(?:{alternation(sorted({f(w) for w in words if not w.isascii() for f in (str, to_traditional)}))})")

    return {
        "attribution": opening("attribution"),
        "conditional": _not_opening(opening("conditional"), zh.get("not_conditional", [])),
        "relative": re.compile(rf"(?i)\s*{alternation(en['relative'])}\b"),
        # who was removed, which bought, that sells: a past or present verb of the clause's own
        "relative_verb": re.compile(rf"\s*(?:{alternation(en['relative_subjects'])})\s+(?:(?:{alternation(en['auxiliaries'])})\s+)?[a-z]+(?:ed|s)\b"),
        "appositive": re.compile(rf"(?i)\s*(?:{alternation(en['appositive_starts'])}\b|[a-z]+ed\b)"),
        "possessive_start": re.compile(r"\s*[A-Z][\w&.\-]*(?:\s[A-Z][\w&.\-]*)*['’]s\b"),
        # the lookahead on the characters a mark starts with rejects most places at once
        "separator": re.compile(r"(?=[\s，,；;：:()（）])(?:\s+[—–]\s+|\s+--?\s+|[，,；;：:]|[()（）])"),
        "en_words": re.compile(r"[A-Za-z0-9]+"),
    }


def split(text: str, start: int, end: int, protected: list[tuple[int, int]], mention_ends: set[int],
          busy: list[tuple[int, int]]) -> list[Clause]:
    """Clauses of text[start:end]. `protected`: spans no cut may fall in (quotes, values,
    names); `mention_ends`: offsets where a name ends (for appositives); `busy`: spans of
    names and event words (a clause holding one is not a fronted adjunct)."""
    r = _rules()
    cuts: list[tuple[int, int, str]] = []  # (cut start, cut end, mark)
    # the places no cut may fall in, marked once (not every span tested at every mark)
    shut = bytearray(max(0, end - start))
    for a, b in chain(protected, ((m.start(), m.end()) for m in _GLOSS.finditer(text, start, end))):
        a, b = max(a, start), min(b, end)
        if a < b:
            shut[a - start:b - start] = b"\x01" * (b - a)
    for m in r["separator"].finditer(text, start, end):
        i = m.start()
        if shut[i - start]:
            continue
        ch = text[i]
        if ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue
        cuts.append((m.start(), m.end(), m.group(0).strip()))
    pieces: list[tuple[int, int, str, str]] = []  # start, end, mark before, mark after
    pos, before, depth = start, "", 0
    kinds_paren: list[bool] = []
    for a, b, mark in cuts:
        pieces.append((pos, a, before, mark))
        kinds_paren.append(depth > 0)
        if mark in "(（":
            depth += 1
        elif mark in ")）" and depth:
            depth -= 1
        pos, before = b, mark
    pieces.append((pos, end, before, ""))
    kinds_paren.append(depth > 0)
    out: list[Clause] = []
    opening = True  # still at the sentence's start (only fronted clauses so far)
    for n, ((a, b, mark_before, mark_after), in_paren) in enumerate(zip(pieces, kinds_paren)):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        body = text[a:b]
        holds = any(a <= s < b for s, _ in busy)
        last = n == len(pieces) - 1
        if in_paren:
            kind = "paren"
        elif r["relative"].match(body) and mark_before in (",", "，", "—", "–", "-", "--"):
            kind = "relative"
        elif (mark_before in (",", "—", "–") and not last and _ends_with_name(text, a, mention_ends)
              and (r["appositive"].match(body) or r["possessive_start"].match(body)) and body.isascii()):
            kind = "appositive"
        elif not last and r["conditional"].match(body):
            kind = "condition"
        elif not last and r["attribution"].match(body):
            kind = "attribution"
        elif opening and not holds and not last and _short(body):
            kind = "fronted"
        else:
            kind = "main"
        if kind != "fronted":
            opening = False
        out.append(Clause(a, b, kind, len(out)))
    return out


def _ends_with_name(text: str, clause_start: int, mention_ends: set[int]) -> bool:
    """Whether the text just before this clause's mark ends with a name."""
    i = clause_start - 1
    while i >= 0 and (text[i].isspace() or text[i] in ",，—–-"):
        i -= 1
    return (i + 1) in mention_ends


def _short(body: str) -> bool:
    words = len(_rules()["en_words"].findall(body))
    cjk = len(_CJK_CHAR.findall(body))
    return words + cjk * 0.6 <= MAX_FRONTED_WORDS


def clause_of(clauses: list[Clause], pos: int) -> Clause | None:
    for c in clauses:
        if c.start <= pos < c.end or pos == c.end:
            return c
    best = None
    for c in clauses:
        if c.start <= pos:
            best = c
    return best or (clauses[0] if clauses else None)


def crossing(clauses: list[Clause], a: Clause, b: Clause) -> int:
    """How many clause boundaries lie between two clauses, for linking a value to an event
    word: a fronted adjunct is part of the clause it opens; an aside lying wholly between
    the two counts once."""
    if a.index == b.index:
        return 0
    lo, hi = (a, b) if a.index < b.index else (b, a)
    between = clauses[lo.index + 1:hi.index]
    if lo.kind == "fronted" and all(c.kind == "fronted" for c in between):
        return 0
    n = 1 + sum(1 for c in between if c.kind not in ("relative", "appositive", "paren"))
    return n


def tells_own_event(text_lower: str, clause: Clause) -> bool:
    """Whether a relative clause has a verb of its own (", who was removed on Monday,")."""
    return clause.kind == "relative" and _rules()["relative_verb"].match(text_lower, clause.start) is not None
