"""One way through: sources -> article text -> entities -> claims -> findings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from verifier.claims.entities import EntityIndex
from verifier.claims.extract import Extractor, lexicon
from verifier.claims.model import Claim
from verifier.text.fold import fold
from verifier.text.furniture import classify, is_prose
from verifier.text.segment import Sentence, sentences
from verifier.text.sources import Source, load

DATELINE_LINES = 40
DATELINE_MAX_CHARS = 60
_HAS_YEAR = re.compile(r"[0-9]{4}|[〇零一二三四五六七八九]{4}")


@dataclass
class Prepared:
    source: Source
    spans: list[tuple[int, int]]
    sentences: list[Sentence]
    claims: list[Claim] = field(default_factory=list)


def dateline(text: str, folded: str, lines) -> dt.date | None:
    """A full date on a short line near the top (furniture lines included: that is where
    sites put the date), before the second line of prose."""
    from verifier.normalize.engine import analyze

    prose_seen = 0
    for n, line in enumerate(l for l in lines if text[l.start:l.end].strip()):
        if n >= DATELINE_LINES or prose_seen >= 2:
            break
        raw = text[line.start:line.end]
        prose = is_prose(raw)
        prose_seen += prose
        if len(raw.strip()) > DATELINE_MAX_CHARS or prose or not _HAS_YEAR.search(folded, line.start, line.end):
            continue
        for found in analyze(raw, folded=folded[line.start:line.end], kinds=("date",), min_score=0.5):
            v = found.value
            if v.year and v.month and v.day and not v.issue and v.start:
                return dt.date.fromisoformat(v.start)
    return None


def prepare(source: Source) -> Prepared:
    source.folded = fold(source.text)
    lines = classify(source.text, source.folded)
    spans = [(l.start, l.end) for l in lines if l.furniture is None and source.text[l.start:l.end].strip()]
    if source.published is None:
        found = dateline(source.text, source.folded, lines)
        if found:
            source.published, source.published_from = found, "dateline"
    return Prepared(source, spans, sentences(source.text, spans))


def build_index(prepared: Iterable[Prepared], registry=None) -> EntityIndex:
    index = EntityIndex(registry)
    for p in prepared:
        index.learn(article_text(p.source.text, p.spans), article_text(p.source.folded, p.spans))
    index.finalize()
    return index


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
    # Values are read only where a claim can come from: sentences with a predicate's trigger
    # or a counted noun. Elsewhere only dates that state a weekday or a late day of the month
    # are read, for dates that cannot be (D102). Everything else is blanked, offsets unchanged.
    claimable = [(s.start, s.end) for s in p.sentences if lex.may_claim(source.folded, s.start, s.end)]
    taken = set(claimable)
    checkable = [(s.start, s.end) for s in p.sentences
                 if (s.start, s.end) not in taken and lex.may_be_impossible_date(source.folded, s.start, s.end)]
    values = []
    for spans, kinds in ((claimable, None), (checkable, ("date",))):
        for start, end in spans:  # sentence by sentence: a short text needs few patterns
            for found in analyze(source.text[start:end], folded=source.folded[start:end],
                                 base=source.published, kinds=kinds, min_score=0.5):
                values.append(found.model_copy(update={"start": found.start + start, "end": found.end + start}))
    mentions = index.mentions(source.text, source.folded, p.spans)
    extractor = Extractor(source.id, source.text, source.folded, p.sentences, values, mentions, source.language)
    p.claims = extractor.run()
    return p.claims


def extract_sources(sources: Iterable[Source], registry=None, progress=None) -> tuple[list[Prepared], EntityIndex]:
    """Claims of every source, with one entity index learnt from all of them (so a name
    glossed in one article is known in the others). `progress`, if given, wraps the list of
    articles as their claims are extracted (the command line's progress bar)."""
    prepared = [prepare(s) for s in sources]
    index = build_index(prepared, registry)
    for p in (progress(prepared) if progress else prepared):
        extract(p, index)
    return prepared, index


def run_extraction(paths: Iterable[str | Path], registry=None) -> tuple[list[Prepared], EntityIndex]:
    return extract_sources(load(paths), registry)
