"""One way through: sources -> article text -> entities -> claims -> findings.

prepare (per source: folding, furniture, dateline, sentences) -> settle_datelines (a dateline
with no year takes it from the corpus) -> build_index (names learnt from every source) ->
extract (per source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from verifier.claims.entities import EntityIndex
from verifier.claims.extract import Extractor
from verifier.claims.lexicon import lexicon
from verifier.claims.model import Claim
from verifier.text.dateline import Dateline, find as find_dateline, infer_year
from verifier.text.fold import fold
from verifier.text.furniture import classify, is_prose
from verifier.text.segment import Sentence, sentences
from verifier.text.sources import Source, load

_YEAR = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9][0-9])(?![0-9])")


@dataclass
class Prepared:
    source: Source
    spans: list[tuple[int, int]]
    sentences: list[Sentence]
    dateline: Dateline | None = None
    claims: list[Claim] = field(default_factory=list)


def prepare(source: Source) -> Prepared:
    source.folded = fold(source.text)
    lines = classify(source.text, source.folded)
    spans = [(l.start, l.end) for l in lines if l.furniture is None and source.text[l.start:l.end].strip()]
    found = find_dateline(source.text, source.folded, lines, is_prose)
    if found is not None:
        if source.published is None and found.date:
            source.published, source.published_from = found.date, "dateline"
        if source.timezone is None and found.tz:
            source.timezone, source.timezone_from = found.tz, "dateline"
    return Prepared(source, spans, sentences(source.text, spans), found)


def settle_datelines(prepared: list[Prepared]) -> None:
    """A dateline that gives a month and a day but no year ("SAN FRANCISCO, March 10") takes the
    year that puts it nearest the corpus's other publication dates, else the latest year the
    article names."""
    known = [p.source.published for p in prepared if p.source.published is not None]
    for p in prepared:
        d = p.dateline
        if p.source.published is not None or d is None or not (d.month and d.day) or d.year:
            continue
        own = [int(y) for y in _YEAR.findall(p.source.folded)]
        year = infer_year(d.month, d.day, known, own)
        if year:
            import datetime as dt

            try:
                p.source.published, p.source.published_from = dt.date(year, d.month, d.day), "dateline (year inferred)"
            except ValueError:
                pass


def build_index(prepared: Iterable[Prepared], registry=None) -> EntityIndex:
    index = EntityIndex(registry)
    for p in prepared:
        spans = learning_spans(p)
        index.learn(article_text(p.source.text, spans), article_text(p.source.folded, spans))
    index.finalize()
    return index


def learning_spans(p: Prepared) -> list[tuple[int, int]]:
    """The article's text where names are learnt: its lines without the dateline's words."""
    if p.dateline is None:
        return p.spans
    a, b = p.dateline.start, p.dateline.end
    out = []
    for s, e in p.spans:
        if e <= a or s >= b:
            out.append((s, e))
        else:
            if s < a:
                out.append((s, a))
            if b < e:
                out.append((b, e))
    return out


def article_text(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with everything outside the article spans replaced by spaces (line breaks kept)."""
    out = []
    pos = 0
    for start, end in spans:
        out.append(re.sub(r"[^\r\n]", " ", text[pos:start]))
        out.append(text[start:end])
        pos = end
    out.append(re.sub(r"[^\r\n]", " ", text[pos:]))
    return "".join(out)


def extract(p: Prepared, index: EntityIndex) -> list[Claim]:
    from verifier.normalize.engine import analyze

    source = p.source
    lex = lexicon()
    # Values are read only where a claim can come from: sentences with a predicate's trigger or
    # a counted noun; elsewhere only dates that may not exist (a weekday, a late day of the month:
    # D102). Offsets are unchanged.
    values = []
    for s in p.sentences:
        kinds = lex.claim_kinds(source.folded, s.start, s.end)
        if kinds is not None:
            pass
        elif lex.may_be_impossible_date(source.folded, s.start, s.end):
            kinds = ("date",)  # a date that cannot be is a finding even when nothing claims it
        else:
            continue
        for found in analyze(source.text[s.start:s.end], folded=source.folded[s.start:s.end],
                             base=source.published, kinds=kinds, min_score=0.5):
            values.append(found.model_copy(update={"start": found.start + s.start, "end": found.end + s.start}))
    mentions = index.mentions(source.text, source.folded, learning_spans(p))
    excluded = [(p.dateline.start, p.dateline.end)] if p.dateline else []
    extractor = Extractor(source.id, source.text, source.folded, p.sentences, values, mentions, source.language,
                          source.published, source.timezone, excluded)
    p.claims = extractor.run()
    return p.claims


def extract_sources(sources: Iterable[Source], registry=None, progress=None) -> tuple[list[Prepared], EntityIndex]:
    """Claims of every source, with one entity index learnt from all of them (so a name
    glossed in one article is known in the others). `progress`, if given, wraps the list of
    articles as their claims are extracted (the command line's progress bar)."""
    prepared = [prepare(s) for s in sources]
    settle_datelines(prepared)
    index = build_index(prepared, registry)
    for p in (progress(prepared) if progress else prepared):
        extract(p, index)
    return prepared, index


def run_extraction(paths: Iterable[str | Path], registry=None) -> tuple[list[Prepared], EntityIndex]:
    return extract_sources(load(paths), registry)


_CHECKABLE = re.compile(r"[0-9〇零一二两三四五六七八九十百千万亿]|[“「『\"]")


def unclaimed(p: Prepared) -> list[tuple[int, int]]:
    """Sentences of article text that hold a date, a number or a quotation but gave no claim:
    what the tool did not check. A sentence counts when the normalizer finds a value in it or it
    has quotation marks."""
    from verifier.normalize.engine import analyze

    claimed = sorted((c.sentence for c in p.claims))
    taken = {s for s in claimed}
    dl = p.dateline
    out = []
    for s in p.sentences:
        if (s.start, s.end) in taken or (dl and dl.start <= s.start and s.end <= dl.end + 1):
            continue
        text = p.source.text[s.start:s.end]
        if not _CHECKABLE.search(text):
            continue
        quoted = any(ch in text for ch in "“「『\"")
        if quoted or analyze(text, folded=p.source.folded[s.start:s.end], kinds=("date", "money", "count", "percent"),
                             min_score=0.6):
            out.append((s.start, s.end))
    return out
