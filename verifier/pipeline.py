"""One way through: sources -> article text -> entities -> claims -> findings.

prepare (per source: folding, furniture, dateline, sentences) -> settle_datelines (a dateline
with no year takes it from the corpus) -> build_index (names learnt from every source) ->
extract (per source).

Over a corpus this is map -> merge -> map (`extract_sources`): each article is prepared and
its names learnt on its own (in parallel processes with `jobs`, or on a dask.distributed
cluster with `scheduler`), the lessons are merged into one entity index, then each article's
claims are extracted on its own. The output does not depend on how the work was spread. With
a `cache` (verifier/cache.py), both maps reuse what an earlier run found for the same article.
"""

from __future__ import annotations

import datetime as dt
from array import array
import json
import os
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import astuple, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from pydantic import BaseModel, TypeAdapter

from verifier.claims.entities import EntityIndex, Learned, learn_article
from verifier.claims.extract import Extractor
from verifier.claims.lexicon import lexicon
from verifier.claims.model import Claim
from verifier.collector import kept, paused
from verifier.compact import Compactor
from verifier.normalize.values import WEEKDAYS
from verifier.text.dateline import Dateline, day_begun_afar, find as find_dateline, infer_month, infer_year, published_at_foot
from verifier.text.fold import fold
from verifier.text.furniture import classify, is_prose
from verifier.text.segment import Sentence, sentences
from verifier.text.sources import Source, load
from verifier.text.syndication import signature
from verifier.text.title import heading_title
from verifier.text.wrap import View, joined, view

_YEAR = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9][0-9])(?![0-9])")


@dataclass
class Prepared:
    source: Source
    spans: list[tuple[int, int]]
    sentences: list[Sentence]
    dateline: Dateline | None = None
    claims: list[Claim] = field(default_factory=list)
    unclaimed: list[tuple[int, int]] | None = None  # filled with the claims by extract_sources
    # what a report needs of each article, found in the corpus map (extract_sources)
    title: str | None = None  # the heading that titles it
    syndication: tuple[Sequence[int], bool] | None = None  # syndication.signature (the hashes in an array)
    claims_key: str | None = None  # digest of everything its claims depend on (extract_corpus)
    # the sentences as start, end, paragraph, one after another (from the cache, or from the
    # process that prepared the article): `sentences` when extracted
    cached_sentences: Sequence[int] | None = None
    packed: Packed | None = None  # the claims, when extract_corpus keeps them as JSON (`claims` is then empty)

    def with_sentences(self) -> Prepared:
        """This article, its sentences made from `cached_sentences` (only an article extracted
        needs them as objects: an archive's million Sentences took a tenth of its memory)."""
        if self.cached_sentences is not None:
            numbers = iter(self.cached_sentences)
            self.sentences = [Sentence(a, b, c) for a, b, c in zip(numbers, numbers, numbers)]
        return self

    def sentence_spans(self) -> list[tuple[int, int, int]]:
        """The sentences as (start, end, paragraph)."""
        if self.cached_sentences is not None:
            numbers = iter(self.cached_sentences)
            return list(zip(numbers, numbers, numbers))
        return [astuple(x) for x in self.sentences]


@dataclass
class Packed:
    """An article's claims as JSON (their cache entry's text), with what comparing them needs
    without reading it: a fifth of the memory of the claims as models, and no validation.
    Claims just extracted keep their JSON compressed (`packed`): a thirtieth of the memory of
    the models, which an archive holds from extraction to its report."""

    data: str | bytes  # a JSON array of the claims, as text, or as UTF-8 compressed by zlib
    sizes: Sequence[int]  # the length of each claim's JSON in the text
    groups: list[tuple]  # the comparison group of each claim (compare_corpus)
    flagged: bool = False  # a number in a value that pydantic writes unlike json.dumps (render.json_pieces)

    @property
    def text(self) -> str:
        """The JSON array of the claims."""
        return self.data if isinstance(self.data, str) else zlib.decompress(self.data).decode()

    def pieces(self) -> list[str]:
        """Each claim's JSON."""
        out, at, text = [], 1, self.text
        for n in self.sizes:
            out.append(text[at:at + n])
            at += n + 1
        return out

    def claims(self) -> list[Claim]:
        return _CLAIMS.validate_json(self.text)


def claim_group(c: Claim) -> tuple:
    """The comparison group of a claim: its subject, predicate and kind; every quote is in one."""
    return ("*quotes*",) if c.kind == "quote" else (c.subject, c.predicate, c.kind)


def packed(claims: list[Claim], groups: dict | None = None) -> Packed:
    """Claims as a Packed; `groups`, if given, shares their group tuples across articles."""
    from verifier.compact import floats_unlike_python

    pieces = [c.model_dump_json() for c in claims]
    keys = [claim_group(c) for c in claims]
    if groups is not None:
        keys = [groups.setdefault(k, k) for k in keys]
    data = zlib.compress(("[" + ",".join(pieces) + "]").encode(), PACK_LEVEL)
    return Packed(data, array("I", map(len, pieces)), keys, any(map(floats_unlike_python, claims)))


PACK_LEVEL = 1  # zlib's fastest: JSON of claims compresses about as well as at its default level


def claims_of(p: Prepared) -> list[Claim]:
    """An article's claims, as models (made from its JSON when extract_corpus packed them)."""
    return p.packed.claims() if p.packed is not None else p.claims


def claim_count(p: Prepared) -> int:
    return len(p.packed.sizes) if p.packed is not None else len(p.claims)


def prepare(source: Source) -> Prepared:
    source.folded = fold(source.text)
    lines = classify(source.text, source.folded)
    spans = [(l.start, l.end) for l in lines if l.furniture is None and source.text[l.start:l.end].strip()]
    # a front matter's date line is metadata (read by text/sources.py), not the dateline
    body = [l for l in lines if l.furniture != "front matter"]
    found = find_dateline(source.text, source.folded, body, is_prose)
    spans = joined(source.text, spans, (found.start, found.end) if found else None)  # hard-wrapped paragraphs
    if found is not None:
        if source.published is None and found.date:
            source.published, source.published_from = found.date, "dateline"
        if source.timezone is None and found.tz:
            source.timezone, source.timezone_from = found.tz, "dateline"
    if source.published is None:
        foot = published_at_foot(source.text, source.folded, body)
        if foot is not None:
            source.published, source.published_from = foot, "dateline"
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
            try:
                p.source.published, p.source.published_from = dt.date(year, d.month, d.day), "dateline (year inferred)"
            except ValueError:
                pass
    # （…新竹6日電）: the day of the month only, nearest the corpus's dates (those just settled too)
    known = [p.source.published for p in prepared if p.source.published is not None]
    for p in prepared:
        d = p.dateline
        if p.source.published is None and d is not None and d.day and not d.month:
            day_of = infer_month(d.day, known)
            if day_of:
                p.source.published, p.source.published_from = day_of, "dateline (month inferred)"


def build_index(prepared: Iterable[Prepared], registry=None) -> EntityIndex:
    return merge_index((learn(p) for p in prepared), registry)


def learn(p: Prepared) -> Learned:
    """The names one prepared article teaches (the map step of the index)."""
    v = article_view(p)
    if v is None:
        spans = learning_spans(p)
        return learn_article(article_text(p.source.text, spans), article_text(p.source.folded, spans))
    spans = [v.span_to_view(a, b) for a, b in learning_spans(p)]
    return learn_article(article_text(v.text, spans), article_text(v.folded, spans))


def article_view(p: Prepared) -> View | None:
    """The text the extractor reads when the article is hard-wrapped (see text/wrap.py)."""
    return view(p.source.text, p.source.folded, p.spans)


def merge_index(lessons: Iterable[Learned], registry=None) -> EntityIndex:
    """One entity index from every article's lessons, in corpus order (the merge step)."""
    index = EntityIndex(registry)
    for learned in lessons:
        index.merge(learned)
    index.finalize()
    return index


def learning_spans(p: Prepared) -> list[tuple[int, int]]:
    """The article's text where names are learnt: its lines without the dateline's words."""
    if p.dateline is None:
        return p.spans
    out = p.spans
    for a, b in p.dateline.spans:
        kept = []
        for s, e in out:
            if e <= a or s >= b:
                kept.append((s, e))
            else:
                if s < a:
                    kept.append((s, a))
                if b < e:
                    kept.append((b, e))
        out = kept
    return out


def article_text(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with everything outside the article spans replaced by spaces (line breaks kept)."""
    out = []
    pos = 0
    for start, end in spans:
        out.append(_NOT_LINE_BREAK.sub(" ", text[pos:start]))
        out.append(text[start:end])
        pos = end
    out.append(_NOT_LINE_BREAK.sub(" ", text[pos:]))
    return "".join(out)


_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def extract(p: Prepared, index: EntityIndex, holding: set[tuple[int, int]] | None = None) -> list[Claim]:
    """The claims of a prepared article. `holding`, if given, receives the sentences whose values
    read here show that they hold a value `unclaimed` looks for (so it need not read them again)."""
    from verifier.normalize.engine import analyze, shows_value

    source = p.source
    lex = lexicon()
    # a hard-wrapped article is read as its view, and what is found there mapped back
    v = article_view(p)
    text, folded = (v.text, v.folded) if v else (source.text, source.folded)
    to_view = v.span_to_view if v else (lambda a, b: (a, b))
    sents = [Sentence(*to_view(s.start, s.end), s.paragraph) for s in p.sentences] if v else p.sentences
    # Values are read only where a claim can come from: sentences with a predicate's trigger or
    # a counted noun; elsewhere only dates that may not exist (a weekday, a late day of the month:
    # D102). Offsets are unchanged.
    mentions = index.mentions(text, folded, [to_view(a, b) for a, b in learning_spans(p)])
    # the number of a name is not a value: Ember Tide 2 sold… is read as if the name were blank
    numbered = [m for m in mentions if _DIGIT.search(text, m.start, m.end)]
    values = []
    for s in sents:
        kinds = lex.claim_kinds(folded, s.start, s.end)
        if kinds is not None:
            pass
        elif lex.may_be_impossible_date(folded, s.start, s.end):
            kinds = ("date",)  # a date that cannot be is a finding even when nothing claims it
        else:
            continue
        s_text, s_folded = _without_names(text, folded, s.start, s.end, numbered)
        found = analyze(s_text, folded=s_folded, base=source.published, kinds=kinds, min_score=0.5, offset=s.start)
        values += found
        # read in the article's own text (no view, no name blanked): what unclaimed() would read
        if holding is not None and v is None and not any(m.start < s.end and s.start < m.end for m in numbered) \
                and shows_value(found, kinds=UNCLAIMED_KINDS, min_score=UNCLAIMED_MIN_SCORE):
            holding.add((s.start, s.end))
    begun = day_begun_afar(p.dateline, source.published, source.timezone)
    if begun is not None:
        values = [_weekday_begun(f, begun, source.published) for f in values]
    excluded = [to_view(a, b) for a, b in p.dateline.spans] if p.dateline else []
    extractor = Extractor(source.id, text, folded, sents, values, mentions, source.language,
                          source.published, source.timezone, excluded)
    claims = extractor.run()
    p.claims = [_in_article(c, v, source.text) for c in claims] if v else claims
    return p.claims


_DIGIT = re.compile(r"[0-9０-９]")
NAME_MASK = "_"


def _weekday_begun(f, begun: dt.date, published: dt.date):
    """A bare weekday read as the one six days before the dateline that names the day which has
    begun on the far clock (dateline.day_begun_afar): that day ("on Wednesday", in an article
    dated Tuesday 22:15 in New York, about a listing in Hong Kong)."""
    v = f.value
    if v.kind != "date" or v.weekday != WEEKDAYS[begun.weekday()] or v.month is not None or v.day is not None \
            or v.start != (published - dt.timedelta(days=6)).isoformat() or v.start != v.end:
        return f
    day = begun.isoformat()
    return f.model_copy(update={"value": v.model_copy(update={"start": day, "end": day})})


def _without_names(text: str, folded: str, start: int, end: int, names: list) -> tuple[str, str]:
    """The sentence text[start:end] and its folded form, with the names in `names` that fall in it
    blanked (same length, so offsets hold)."""
    inside = [(max(m.start, start) - start, min(m.end, end) - start) for m in names if m.start < end and start < m.end]
    s_text, s_folded = text[start:end], folded[start:end]
    for a, b in inside:
        blank = NAME_MASK * (b - a)
        s_text = s_text[:a] + blank + s_text[b:]
        s_folded = s_folded[:a] + blank + s_folded[b:]
    return s_text, s_folded


def _in_article(c: Claim, v: View, text: str) -> Claim:
    """A claim found in an article's view, with offsets (and id, and words) in the article."""
    start, end = v.span_to_article(c.start, c.end)
    return c.model_copy(update={
        "id": Claim.make_id(c.source, start, end, c.predicate, c.subject), "start": start, "end": end,
        "text": text[start:end], "sentence": v.span_to_article(*c.sentence)})


Progress = Callable[..., Iterable]  # progress(items, what=..., total=...) -> the items, as they come


def extract_sources(sources: Iterable[Source], registry=None, progress: Progress | None = None, *,
                    jobs: int = 1, cache=None, scheduler: str | None = None,
                    meanwhile: Callable[[list[Prepared]], Any] | None = None,
                    pack: bool = False) -> tuple[list[Prepared], EntityIndex]:
    """Claims of every source, with one entity index learnt from all of them (so a name
    glossed in one article is known in the others): map (prepare and learn each article) ->
    merge (the index) -> map (extract each article's claims, and the sentences with nothing
    claimed). `jobs` processes share the maps (or the dask.distributed scheduler at the address
    `scheduler`); `cache` (a verifier.cache.Cache) keeps each map's results between runs.
    `progress`, if given, wraps each map's results as they come (the command line's bars).
    `meanwhile(prepared)`, if given, is called while the claims are extracted (in other
    processes, when there are): work on the prepared articles that does not need their claims.
    `pack`: each article's claims are kept as JSON (`p.packed`, see extract_corpus)."""
    with Runner(jobs, scheduler) as runner:
        corpus = prepare_corpus(sources, runner, cache, progress)
        settle_datelines(corpus.prepared)
        index = corpus_index(corpus, registry, cache)
        corpus.lessons.clear()  # merged
        extract_corpus(corpus, index, runner, cache, progress,
                       meanwhile=(lambda: meanwhile(corpus.prepared)) if meanwhile else None, pack=pack)
    for p in corpus.prepared:
        p.sentences, p.cached_sentences = [], None  # read by extraction only: an archive's millions of them need not wait for the report
    return corpus.prepared, index


@dataclass
class Corpus:
    """Articles prepared, with the names each teaches and the cache key of each."""

    prepared: list[Prepared]
    lessons: list[Learned]
    keys: list[str | None]  # None each, when prepared without a cache
    lesson_keys: list[str | None] = field(default_factory=list)  # a digest of each article's lesson (cache only)


def prepare_corpus(sources: Iterable[Source], runner: Runner, cache=None, progress: Progress | None = None) -> Corpus:
    """The first map: each article prepared and its names learnt (from the cache where an
    earlier run did it)."""
    from verifier.cache import digest, tool_digest

    sources = list(sources)
    # the keys are digests of every article's text: made only for a cache to look them up
    keys = [digest("prepare", tool_digest(), _source_key(s)) for s in sources] if cache is not None \
        else [None] * len(sources)
    prepared: list = [None] * len(sources)
    lessons: list = [None] * len(sources)
    lesson_keys: list = [None] * len(sources)
    present = cache.present(keys) if cache is not None else set()
    todo = [i for i, k in enumerate(keys) if k not in present]

    def learnt(todo: list[int]) -> Callable[[], list]:
        todo_sources = [sources[i] for i in todo]
        sent = iter(todo_sources)

        def one_text(result: tuple[Prepared, Learned]) -> tuple[Prepared, Learned]:
            """An article prepared by another process comes without its text (`_prepared_elsewhere`):
            it is the one here."""
            source, text = result[0].source, next(sent).text
            source.text, source.folded = text, source.folded or text
            return result

        elsewhere = runner.jobs > 1 or bool(runner.scheduler)
        # while a pool prepares, this process readies what extracting claims needs, so that the
        # processes extracting them start with it (they are forked from this one)
        warm = _ready_to_extract if runner.pooled(len(todo_sources)) else None
        return runner.start(_prepared_elsewhere if elsewhere else _prepare_and_learn, todo_sources, progress,
                            "learning names", arrived=one_text if elsewhere else None, meanwhile=warm)

    finish = learnt(todo)  # the articles the cache lacks, in another process while this one restores the rest
    unreadable = []
    with paused():
        stored = cache.get_many([k for k in keys if k in present]) if present else {}
        for i, (s, k) in enumerate(zip(sources, keys)):
            if k not in present:
                continue
            restored = _restore_prepared(s, stored[k]) if k in stored else None
            if restored is None:
                unreadable.append(i)
            else:
                prepared[i], lessons[i], lesson_keys[i] = restored
        del stored
    done = finish()
    if unreadable:  # entries that are not what this tool writes: prepared again, and replaced
        done += learnt(unreadable)()
        todo += unreadable
    fresh = {}
    for i, (p, learned) in zip(todo, done):
        prepared[i], lessons[i], lesson_keys[i] = p, learned, _lesson_key(learned) if cache is not None else None
        if cache is not None:
            fresh[keys[i]] = _store_prepared(p, learned, lesson_keys[i])
    if cache is not None:
        cache.put_many(fresh)
    return Corpus(prepared, lessons, keys, lesson_keys)


def corpus_index(corpus: Corpus, registry=None, cache=None) -> EntityIndex:
    """The entity index merged from the corpus's lessons (merge_index). With a cache, what an
    earlier run merged from the same lessons and registry is restored instead: the index of an
    archive where one article changed but taught the same names is not merged again."""
    from verifier.cache import digest, tool_digest

    if cache is None:
        return merge_index(corpus.lessons, registry)
    # an index reads an article's lower-case words only where a capitalised token is written
    # in lower case somewhere (EntityIndex.finalize): an article that adds "staff members"
    # changes no index
    tokens = {t.lower() for learned in corpus.lessons for t in learned.tokens}
    lower = sorted(tokens.intersection(set().union(*(learned.lower_words for learned in corpus.lessons))))
    key = digest("index", tool_digest(), registry, corpus.lesson_keys, lower)
    stored = cache.get_many([key])
    if key in stored:
        try:
            return EntityIndex.from_mention_state(stored[key])
        except ValueError:
            pass  # not an entry this tool wrote: merged again, and replaced
    index = merge_index(corpus.lessons, registry)
    cache.put_many({key: index.mention_state()})
    return index


def extract_corpus(corpus: Corpus, index: EntityIndex, runner: Runner, cache=None,
                   progress: Progress | None = None, meanwhile: Callable[[], Any] | None = None, *,
                   pack: bool = False) -> None:
    """The second map: each article's claims with the merged index (from the cache where an
    earlier run extracted the same article with an index of the same fingerprint). `pack`:
    each article's claims are kept as a Packed (`p.packed`), never made into models here when
    the cache has them; else as models (`p.claims`)."""
    from verifier.cache import digest, tool_digest

    if None in corpus.keys:  # prepared without a cache (prepare_corpus): extracted without one
        cache = None
    if cache is None:  # the keys (a digest of the whole index, one of each article) say what a cache holds
        keys: list = [None] * len(corpus.prepared)
    else:
        index_key = digest(index.fingerprint())
        keys = [digest("extract", tool_digest(), k, _settled(p), index_key) for k, p in zip(corpus.keys, corpus.prepared)]
    for p, k in zip(corpus.prepared, keys):
        p.claims_key = k
    present = cache.present(keys) if cache is not None else set()
    todo = [i for i, k in enumerate(keys) if k not in present]
    compactor = Compactor()
    groups: dict = {}
    if pack:
        def arrived(result: tuple[Packed, list]) -> tuple[Packed, list]:
            result[0].groups = [groups.setdefault(k, k) for k in result[0].groups]  # one tuple each
            return result
    else:
        arrived = compactor.extracted

    def extracted(todo: list[int], meanwhile=None) -> Callable[[], list]:
        return runner.start(_extract_packed if pack else _extract_one, [corpus.prepared[i] for i in todo],
                            progress, "extracting claims", index.ready() if todo else index, arrived=arrived,
                            meanwhile=meanwhile)

    # the articles the cache lacks, in another process while this one restores the rest
    finish = extracted(todo, meanwhile)
    with paused():
        stored = cache.get_many([k for k in keys if k in present]) if present else {}
        unreadable = []
        for i, (p, k) in enumerate(zip(corpus.prepared, keys)):
            if k not in present:
                continue
            restored = _restore_packed(p, stored.get(k), groups)
            if restored is None:
                unreadable.append(i)
            elif pack:
                p.packed, p.claims, p.unclaimed = restored[0], [], restored[1]
            else:
                try:
                    p.claims, p.unclaimed = restored[0].claims(), restored[1]
                except ValueError:  # not claims this tool wrote
                    unreadable.append(i)
                    continue
                compactor.compact(p.claims)
        del stored
    done = finish()
    if unreadable:  # entries that are not what this tool writes: extracted again, and replaced
        done += extracted(unreadable)()
        todo += unreadable
    fresh = {}
    for i, (claims, gaps) in zip(todo, done):
        p = corpus.prepared[i]
        if pack:
            p.packed, p.claims, p.unclaimed = claims, [], gaps
        else:
            p.claims, p.unclaimed = claims, gaps
        if cache is not None:
            fresh[keys[i]] = _store_packed(claims if pack else packed(claims), gaps)
    if cache is not None:
        cache.put_many(fresh)


def compare_corpus(prepared: list[Prepared], texts: dict[str, str], published: dict, copies: dict[str, str],
                   cache=None, jobs: int = 1) -> list:
    """rules.engine.compare over the corpus's claims, one group of claims (one subject,
    predicate and kind; the quotes) at a time: findings are made within a group, and their
    order and ids are the same whether groups are compared together or one by one. `jobs`
    processes share the groups. With a cache, a group is compared again only when one of its
    articles' claims, dates or copies changed."""
    from verifier.cache import text_digest, tool_digest
    from verifier.compact import Shelf
    from verifier.rules.engine import VERDICT_ORDER, Finding

    # a group's members are (article, claim) positions: the claims are read (from their JSON,
    # when extract_corpus packed them) only for the groups compared again
    groups: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for i, p in enumerate(prepared):
        for j, g in enumerate(p.packed.groups if p.packed is not None else map(claim_group, p.claims)):
            groups[g].append((i, j))
    ordered = sorted(groups.items())
    # a group's entry is kept under its subject, predicate and kind (replaced when they are
    # compared again: the cache holds one entry per group), with a digest of what its findings
    # depend on: its claims, and its sources' claims, dates and copies
    slots: dict[tuple, str] = {}
    inputs: dict[tuple, str] = {}
    stored: dict = {}
    if cache is not None and all(p.claims_key is not None for p in prepared):
        tool = tool_digest()
        about = {s: f"{s}\0{k}\0{published.get(s)}\0{copies.get(s) or ''}"
                 for s, k in ((p.source.id, p.claims_key) for p in prepared)}
        for g, members in ordered:
            # an article's claims_key says what its claims are: the group's members with it
            sources = sorted({prepared[i].source.id for i, _ in members})
            slots[g] = text_digest("compare", tool, json.dumps(g))
            inputs[g] = text_digest(str(len(members)), *(about.get(s, s) for s in sources))
        stored = cache.get_many(slots.values())
    # each group's findings as `_held` keeps them (restored ones as their JSON text: see _restore_findings)
    found: dict[tuple, list[tuple]] = {}
    for g, _ in ordered:
        restored = _restore_findings(stored.get(slots.get(g)), inputs.get(g))
        if restored is not None:
            found[g] = restored
    del stored
    todo = [(g, members) for g, members in ordered if g not in found]
    if jobs > 1:  # the largest groups (the quotes) first in the pool, the smallest here before it starts
        todo.sort(key=lambda item: -len(item[1]))
    batches = _batches([members for _, members in todo], jobs)
    if len(batches) > 1:
        batches = batches[-1:] + batches[:-1]
        todo = todo[-len(batches[0]):] + todo[:-len(batches[0])]
    # each batch is given as its claims' JSON, compressed: a forked process reading claims this
    # one holds would copy every page they are on (reading an object changes its reference
    # count), and the JSON of every batch at once is that of every claim
    renew = _compare_renew(sum(len(members) for _, members in todo), jobs)
    batches = _batches_json(prepared, batches)
    with Runner(jobs) as runner:
        done = runner.map(_compare_batch, batches, None, "comparing claims", (texts, published, copies), local=True,
                          renew=renew)
    fresh = {}
    for (g, _), findings in zip(todo, (f for batch in done for f in batch)):
        found[g] = findings
        if g in slots:
            fresh[slots[g]] = _store_findings(inputs[g], findings)
    if cache is not None and fresh:
        cache.put_many(fresh)
    del fresh, done
    held = [f for g, _ in ordered for f in found.pop(g)]
    held.sort(key=lambda f: f[0])
    # _unique_ids, on the JSON: a finding whose id an earlier one has is numbered (the few made again)
    seen: dict[str, int] = {}
    pieces = []
    for k, data in held:
        n = seen.get(k[4], 0)
        seen[k[4]] = n + 1
        if n:
            f = Finding.model_validate_json(_held_json(data))
            data = zlib.compress(f.model_copy(update={"id": f"{f.id}-{n + 1}"}).model_dump_json().encode(), PACK_LEVEL)
        pieces.append(data)
    order = {n: verdict for verdict, n in VERDICT_ORDER.items()}
    verdicts = Counter(order.get(k[0]) for k, _ in held)  # from the sort keys: no finding is made again to count them
    del held, seen
    shelf = Shelf.of_pieces(Finding, map(_held_json, pieces))
    shelf.verdicts = verdicts
    return shelf


def _held_json(data: bytes | str) -> bytes:
    """A held finding's JSON: compressed when it was compared in this run, its text when it
    came from the cache."""
    return data.encode() if type(data) is str else zlib.decompress(data)


def _store_findings(inputs: str, findings: list[tuple[tuple, bytes]]) -> dict:
    """The cache entry of a group's findings (as `_held` keeps them): the digest of what they
    depend on, their JSON as one array, the length of each finding's JSON in it and each one's
    sort key, with a digest of all of these (an entry whose text or keys are not what was
    written is not read)."""
    from verifier.cache import text_digest

    pieces = [zlib.decompress(data).decode() for _, data in findings]
    text = "[" + ",".join(pieces) + "]"
    keys = [list(k) for k, _ in findings]
    return {"inputs": inputs, "findings": text, "sizes": list(map(len, pieces)), "keys": keys,
            "check": text_digest(inputs, text, json.dumps(keys, ensure_ascii=False))}


def _restore_findings(data, inputs: str | None) -> list[tuple[tuple, str]] | None:
    """A group's cached findings as compare_corpus holds them (their sort key and JSON text,
    which is the text a finding compared again would have: no model is made); None when the
    entry was written for other inputs, or is not one this tool wrote (its digest does not
    match its text and keys, or its sizes and keys do not fit the text)."""
    from verifier.cache import text_digest

    if inputs is None or not isinstance(data, dict) or data.get("inputs") != inputs:
        return None
    try:
        text, sizes, keys = data["findings"], data["sizes"], data["keys"]
        if text == "[]" and sizes == keys == []:
            return []  # most groups: nothing to digest
        if not (isinstance(text, str) and isinstance(sizes, list) and isinstance(keys, list)
                and len(sizes) == len(keys) and all(type(n) is int and n > 0 for n in sizes)
                and sum(sizes) + max(1, len(sizes)) + 1 == len(text)
                and data["check"] == text_digest(inputs, text, json.dumps(keys, ensure_ascii=False))):
            return None
        keys = [tuple(k) for k in keys]
        if not all(len(k) == 5 and type(k[0]) is int and all(type(x) is str for x in k[1:]) for k in keys):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    out, at = [], 1
    for k, n in zip(keys, sizes):
        out.append((k, text[at:at + n]))
        at += n + 1
    return out


def _held(f) -> tuple[tuple, bytes]:
    """A finding as compare_corpus holds it till the report: its sort key (by verdict, rule,
    subject, predicate, id) and its JSON, compressed (a model is three times its JSON in
    memory, and an archive has tens of thousands)."""
    from verifier.rules.engine import VERDICT_ORDER

    return (VERDICT_ORDER[f.verdict], f.rule, f.subject, f.predicate, f.id), zlib.compress(f.model_dump_json().encode(), PACK_LEVEL)


COMPARE_BATCHES_PER_JOB = 16  # groups are sent to the processes in about this many batches each
# a process comparing groups is replaced after this many batches (Runner.map's `renew`) of an
# archive's (COMPARE_RENEW_CLAIMS claims or more): it copies the pages of each article text it
# quotes in a finding, and keeps the pages its claims were in; batches of fewer claims, as many
# as hold COMPARE_RENEW_CLAIMS (a small corpus's processes are never replaced: making them again
# took a tenth of the comparison of 1,000 articles, for memory they did not use)
COMPARE_RENEW_AFTER = 4
COMPARE_RENEW_CLAIMS = 25_000


def _compare_renew(claims: int, jobs: int) -> int:
    """The batches after which a process comparing `claims` claims in `_batches` is replaced."""
    size = max(1, claims // (jobs * COMPARE_BATCHES_PER_JOB))  # claims in a batch (_batches)
    return max(COMPARE_RENEW_AFTER, COMPARE_RENEW_CLAIMS // size)


def _batches(groups: list[list], jobs: int) -> list[list[list]]:
    """The groups in batches of about equal numbers of claims, in order (a batch may be one
    large group: the quotes)."""
    if jobs == 1:
        return [groups] if groups else []
    size = max(1, sum(map(len, groups)) // (jobs * COMPARE_BATCHES_PER_JOB))
    batches, batch, claims = [], [], 0
    for members in groups:
        batch.append(members)
        claims += len(members)
        if claims >= size:
            batches.append(batch)
            batch, claims = [], 0
    if batch:
        batches.append(batch)
    return batches


def _batches_json(prepared: list[Prepared], batches: list[list[list[tuple[int, int]]]]) -> list[tuple]:
    """Each batch of groups as the sizes of its groups, and the JSON of their claims compressed,
    in the order of the articles (each article's claims are read once for every batch, not once
    for each: their packed JSON is compressed), with the place of each claim in the batch's order
    and the length of each claim's JSON (UTF-8) in it."""
    firsts = array("Q", [0])  # the number of claims before each article
    for p in prepared:
        firsts.append(firsts[-1] + claim_count(p))
    where = array("I", [len(batches)]) * firsts[-1]  # each claim's batch (len(batches): none)
    place = array("I", bytes(4 * firsts[-1]))  # each claim's place in its batch
    for b, groups in enumerate(batches):
        k = 0
        for members in groups:
            for i, j in members:
                where[firsts[i] + j], place[firsts[i] + j] = b, k
                k += 1
    streams = [zlib.compressobj(PACK_LEVEL) for _ in batches]
    orders = [array("I") for _ in batches]
    lengths = [array("I") for _ in batches]
    data: list[list[bytes]] = [[] for _ in batches]
    for i, p in enumerate(prepared):
        n = claim_count(p)
        if not n or all(where[g] == len(batches) for g in range(firsts[i], firsts[i] + n)):
            continue
        pieces = p.packed.pieces() if p.packed is not None else [c.model_dump_json() for c in p.claims]
        for g, piece in enumerate(pieces, firsts[i]):
            b = where[g]
            if b < len(batches):
                raw = piece.encode()
                out = streams[b].compress(raw)
                if out:
                    data[b].append(out)
                orders[b].append(place[g])
                lengths[b].append(len(raw))
    return [(tuple(map(len, groups)), orders[b], lengths[b], b"".join(data[b]) + streams[b].flush())
            for b, groups in enumerate(batches)]


_QUOTE_KIND = b'"kind":"quote"'


def _unpacked(batch: tuple[tuple[int, ...], Sequence[int], Sequence[int], bytes]) -> list[list]:
    """A batch's groups of claims. Quotes are read as `rules.quotes.QuoteClaim` (what comparing
    them reads, a fifth of a model's memory: an archive's quotes are tens of thousands in one
    group), the other claims as models."""
    from verifier.rules.quotes import QuoteClaim

    sizes, order, lengths, data = batch
    text = zlib.decompress(data)
    del data
    claims: list = [None] * len(order)
    others, places = [], []
    at = 0
    for k, n in zip(order, lengths):
        piece = text[at:at + n]
        at += n
        # a claim's JSON starts with its id and source (strings, whose quotation marks are
        # escaped): the first "kind" key is its own
        kind_at = piece.find(b'"kind":')
        if piece.startswith(_QUOTE_KIND, kind_at):
            claims[k] = QuoteClaim.of_json(piece)
        else:
            others.append(piece)
            places.append(k)
    del text
    if others:
        found = _CLAIMS.validate_json(b"[" + b",".join(others) + b"]")
        del others
        Compactor().compact(found)
        for c, k in zip(found, places):
            claims[k] = c
    groups, at = [], 0
    for n in sizes:
        groups.append(claims[at:at + n])
        at += n
    return groups


def _compare_batch(groups: list[list] | tuple, shared) -> list[list[tuple[tuple, bytes]]]:
    """The findings of each group of a batch (given as it is, or as `_batches_json` gives it),
    as `_held` keeps them."""
    from verifier.rules.engine import compare

    if isinstance(groups, tuple):
        groups = _unpacked(groups)
    texts, published, copies = shared
    return [list(map(_held, compare(members, texts, published, copies))) for members in groups]


def _prepare_and_learn(source: Source) -> tuple[Prepared, Learned]:
    p = prepare(source)
    p.title = heading_title(source.text, p.spans)
    hashes, reprint = signature(article_text(source.text, p.spans), source.text,
                                article_text(source.folded, p.spans), source.folded)
    p.syndication = (array("I", hashes), reprint)  # CRC-32s: 4 bytes each, not a Python int each
    return p, learn(p)


def _prepared_elsewhere(source: Source) -> tuple[Prepared, Learned]:
    """`_prepare_and_learn` in another process: the result is sent back without the text (the
    process that sent the article has it), without the folded text when it is the text, and with
    its sentences as numbers (made into objects again only where the article is extracted)."""
    p, learned = _prepare_and_learn(source)
    p.source = replace(source, text="", folded="" if source.folded == source.text else source.folded)
    p.sentences, p.cached_sentences = [], array("I", [n for x in p.sentences for n in (x.start, x.end, x.paragraph)])
    return p, learned


def _extract_one(p: Prepared, index: EntityIndex) -> tuple[list[Claim], list[tuple[int, int]]]:
    p = p.with_sentences()
    holding: set[tuple[int, int]] = set()
    claims = extract(p, index, holding)
    gaps = unclaimed(p, holding)
    if _WORKER:  # in a pool's process, which sends the result back and holds a forked copy of each
        # article: it need not keep their claims and sentences too (this process's own articles
        # keep their sentences: `verifier check` extracts them again when its index changes)
        p.claims, p.sentences = [], []
    return claims, gaps


def _extract_packed(p: Prepared, index: EntityIndex) -> tuple[Packed, list[tuple[int, int]]]:
    """`_extract_one`, the claims packed where they are made (a Packed is quicker to send)."""
    claims, gaps = _extract_one(p, index)
    return packed(claims), gaps


def warm_up(extraction: bool = True) -> None:
    """Load and compile what preparing and extracting articles read: the language data and
    lexicon, the normalizer's patterns (a dateline's date is read with them too), the furniture's
    and the name learner's. Each map's first article otherwise loads them here before its pool
    forks (the pool's processes inherit them) while the other cores wait; a process with time to
    spare does it then (`verifier report`, while other processes read the articles). Without
    `extraction`, only what preparing articles reads (the rest is loaded while a pool prepares
    them: prepare_corpus)."""
    from verifier import tables
    from verifier.normalize import engine  # noqa: F401 (a dateline's date is read with it: its tables register)

    tables.load("prepare")
    if extraction:
        _ready_to_extract()


def _ready_to_extract() -> None:
    """Make the extraction's tables (verifier/tables.py) and compile every pattern of the
    normalizer (each is otherwise made when a text first needs it, again in each process)."""
    from verifier import tables
    from verifier.normalize.engine import compile_all

    compile_all()  # (imports the recognizers' modules, whose tables `load` then makes)
    tables.load("extract")


# ----------------------------------------------------------------------------- running the maps
_WORKER: dict[str, Any] = {}  # in a pool's process: the function mapped, its items and what every call shares


def _init_worker(func, items: Sequence | None, shared) -> None:
    _WORKER.update(func=func, items=items, shared=shared)


def _call(item):
    """One call in a pool's process: `item` is the item itself, or its position among the
    items the process inherited when it was forked."""
    func, items, shared = _WORKER["func"], _WORKER["items"], _WORKER["shared"]
    if items is not None:
        item = items[item]
    return func(item) if shared is None else func(item, shared)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


CONNECT_TIMEOUT = 10  # seconds to reach a dask scheduler
MIN_PER_JOB = 8  # fewer items than this per process are done in this one (a pool costs more)
CHUNK = 16  # items a process is sent at a time, at most
RENEW_AFTER = 1000  # items after which a forked process of a pool is replaced by a new one


class Runner:
    """Maps a function over articles: here, in a pool of processes, or on a dask cluster.
    Results come back in the order of the articles, whoever computed them."""

    def __init__(self, jobs: int = 1, scheduler: str | None = None) -> None:
        self.jobs = max(1, jobs)
        self.scheduler = scheduler
        self._client = None

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def pooled(self, n: int) -> bool:
        """Whether a map of `n` items runs in a pool of this machine's processes."""
        return not self.scheduler and self.jobs > 1 and n >= 2 * MIN_PER_JOB

    def map(self, func, items: Sequence, progress: Progress | None, what: str, shared=None, *,
            local: bool = False, arrived: Callable | None = None, meanwhile: Callable[[], Any] | None = None,
            renew: int = 0) -> list:
        """[func(item) or func(item, shared) for item in items], in a pool or on the cluster.
        `local`: in this machine's processes even when a cluster is set (work whose inputs
        are the whole corpus, cheaper here than sent). `arrived` is applied here to each
        result as it comes, before the next is taken. `meanwhile()` is called once, here, while
        the pool or the cluster works (before the items, when they are mapped here). `renew`: a
        forked process is replaced after this many items (default RENEW_AFTER)."""
        if not items:
            if meanwhile is not None:
                meanwhile()
            return []
        with kept():  # what exists before the map lives through it (collector.py)
            if self.scheduler and not local:
                results = self._dask_map(func, items, shared, meanwhile)
            elif self.jobs == 1 or len(items) < 2 * MIN_PER_JOB:
                if meanwhile is not None:
                    meanwhile()
                results = (func(item) if shared is None else func(item, shared) for item in items)
            else:
                results = self._pool_map(func, items, shared, meanwhile, renew or RENEW_AFTER)
            if arrived is not None:
                results = map(arrived, results)
            if progress is not None:
                results = progress(results, what=what, total=len(items))
            return list(results)

    def start(self, func, items: Sequence, progress: Progress | None, what: str, shared=None, *,
              arrived: Callable | None = None, meanwhile: Callable[[], Any] | None = None) -> Callable[[], list]:
        """`map`, begun now: returns the function that waits for its results. A few items (fewer
        than `map` would share among processes) go to one other process, so that this one can
        go on meanwhile (reading the cache) and the work's own start (compiling patterns,
        loading data files) is paid there; else, and with one job, a cluster or no fork, the
        map runs when its results are asked for. `meanwhile()` is called once, as `map` calls it."""
        import multiprocessing

        if (not items or self.jobs == 1 or self.scheduler or len(items) >= 2 * MIN_PER_JOB
                or "fork" not in multiprocessing.get_all_start_methods()):
            return lambda: self.map(func, items, progress, what, shared, arrived=arrived, meanwhile=meanwhile)
        with kept():  # forked with what exists set aside (collector.py)
            pool = multiprocessing.get_context("fork").Pool(1, initializer=_init_worker,
                                                            initargs=(func, items, shared))
        pending = pool.imap(_call, range(len(items)))
        if meanwhile is not None:
            meanwhile()

        def results() -> list:
            try:
                with kept():
                    found = map(arrived, pending) if arrived is not None else pending
                    if progress is not None:
                        found = progress(found, what=what, total=len(items))
                    return list(found)
            finally:
                pool.terminate()
                pool.join()

        return results

    def _pool_map(self, func, items: Sequence, shared, meanwhile=None, renew_after: int = 0):
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        forked = "fork" in methods
        context = multiprocessing.get_context("fork" if forked else None)
        # the first item here: what every item needs (data files, compiled patterns) is then
        # loaded once, and the forked processes share it
        yield func(items[0]) if shared is None else func(items[0], shared)
        rest = range(1, len(items))
        jobs = min(self.jobs, len(rest) // MIN_PER_JOB)
        # small chunks, so that the last leaves the other processes idle only briefly (forked
        # processes are sent positions: many chunks cost little)
        chunk = max(1, min(CHUNK, len(rest) // (jobs * 8)))
        # forked processes inherit the items and are sent their positions; others are sent the items
        initargs = (func, items, shared) if forked else (func, None, shared)
        # a forked process is replaced after RENEW_AFTER items: it copies, page by page, what it
        # reads of this process's memory (an object read is written: its reference count), and
        # keeps what it freed in pages it cannot give back; a new one starts from the pages shared
        renew = max(1, (renew_after or RENEW_AFTER) // chunk) if forked else None
        with context.Pool(jobs, initializer=_init_worker, initargs=initargs, maxtasksperchild=renew) as pool:
            results = pool.imap(_call, rest if forked else (items[i] for i in rest), chunksize=chunk)
            if meanwhile is not None:
                meanwhile()
            yield from results

    def _dask_map(self, func, items: Sequence, shared, meanwhile=None):
        from verifier.errors import VerifierError

        try:
            from distributed import Client
        except ImportError:
            raise VerifierError("--scheduler needs dask.distributed: pip install 'verifier[dask]'") from None
        if self._client is None:
            try:
                self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise VerifierError(f"cannot reach the dask scheduler at {self.scheduler}: {exc}") from None
        client = self._client
        if shared is None:
            futures = client.map(func, items, pure=False)
        else:  # what every call shares (the entity index) is sent to every worker once
            scattered = client.scatter(shared, broadcast=True)
            futures = client.map(func, items, [scattered] * len(items), pure=False)
        if meanwhile is not None:
            meanwhile()
        for future in futures:
            try:
                yield future.result()
            except (OSError, ImportError) as exc:  # a worker without verifier, a lost connection
                raise VerifierError(f"the dask cluster at {self.scheduler} failed: {type(exc).__name__}: {exc}") from None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


# ----------------------------------------------------------------------------- cache entries
def _source_key(s: Source) -> list:
    """What preparing an article depends on."""
    return [s.id, s.text, s.language, s.published and s.published.isoformat(), s.published_from,
            s.timezone, s.timezone_from]


def _settled(p: Prepared) -> list:
    """What extracting an article depends on besides its text and the index."""
    s = p.source
    return [s.published and s.published.isoformat(), s.published_from, s.timezone, s.timezone_from]


def _lesson_key(learned: Learned) -> str:
    """A digest of the names and tokens an article teaches, in the order an index merges them
    (its lower-case words count only with the corpus's tokens: corpus_index)."""
    from verifier.cache import digest

    return digest("lesson", learned.names, learned.tokens)


def _store_prepared(p: Prepared, learned: Learned, lesson_key: str) -> dict:
    s = p.source
    return {
        "lesson_key": lesson_key, "spans": p.spans, "sentences": p.sentence_spans(),
        "dateline": astuple(p.dateline) if p.dateline else None,
        "source": [s.published and s.published.isoformat(), s.published_from, s.timezone, s.timezone_from],
        "names": learned.names, "tokens": learned.tokens, "lower_words": sorted(learned.lower_words),
        "title": p.title, "syndication": [list(p.syndication[0]), p.syndication[1]] if p.syndication else None,
        "folded": _folded_entry(s.text, s.folded),
    }


FEW_DIFFERENCES = 32  # runs of folded characters kept instead of the whole folded text


def _folded_entry(text: str, folded: str) -> str | list[list]:
    """The folded text as the cache keeps it: where it differs from the text when that is in a
    few places (English, Simplified), else whole (Traditional differs every few characters)."""
    runs = _differences(text, folded)
    return runs if len(runs) <= FEW_DIFFERENCES else folded


def _differences(text: str, folded: str) -> list[list]:
    """Where the folded text differs from the text, as [offset, folded characters] runs (most
    characters fold to themselves, so this is far smaller than the folded text)."""
    runs: list[list] = []
    for i, (a, b) in enumerate(zip(text, folded)):
        if a != b:
            if runs and runs[-1][0] + len(runs[-1][1]) == i:
                runs[-1][1] += b
            else:
                runs.append([i, b])
    return runs


def _with_differences(text: str, runs) -> str | None:
    """The folded text from `_differences`; None when the runs do not fit the text."""
    pieces, at = [], 0
    try:
        for offset, folded in runs:
            if not (isinstance(offset, int) and isinstance(folded, str) and at <= offset <= len(text) - len(folded)):
                return None
            pieces += (text[at:offset], folded)
            at = offset + len(folded)
    except (TypeError, ValueError):
        return None
    pieces.append(text[at:])
    return "".join(pieces)


def _restore_prepared(source: Source, data) -> tuple[Prepared, Learned, str] | None:
    """A cached preparation, or None when the entry is not one this tool could have written."""
    try:
        n = len(source.text)
        spans = [(int(a), int(b)) for a, b in data["spans"]]
        sentences = data["sentences"]  # made into Sentences only for an article extracted again
        dateline = Dateline(*data["dateline"]) if data["dateline"] is not None else None
        if any(not 0 <= a <= b <= n for a, b in spans) or any(
                not (type(a) is type(b) is type(c) is int and 0 <= a <= b <= n) for a, b, c in sentences):
            return None
        sentences = array("I", (x for sentence in sentences for x in sentence))
        published, published_from, timezone, timezone_from = data["source"]
        names = [(str(a), str(b), str(c), tuple(str(x) for x in d), int(e)) for a, b, c, d, e in data["names"]]
        tokens = {str(k): [int(v[0]), int(v[1])] for k, v in data["tokens"].items()}
        learned = Learned(names, tokens, {str(w) for w in data["lower_words"]})
        published = dt.date.fromisoformat(published) if published else None
        title = data["title"] if data["title"] is None else str(data["title"])
        hashes, reprint = data["syndication"]
        syndication = (array("I", hashes), bool(reprint))  # refuses what is not a 32-bit unsigned int
        lesson_key = data["lesson_key"]
        if not isinstance(lesson_key, str):
            return None
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
        return None
    folded = data.get("folded")
    folded = _with_differences(source.text, folded) if isinstance(folded, list) else folded
    source.folded = folded if isinstance(folded, str) and len(folded) == n else fold(source.text)
    source.published, source.published_from = published, published_from
    source.timezone, source.timezone_from = timezone, timezone_from
    p = Prepared(source, spans, [], dateline, title=title, syndication=syndication, cached_sentences=sentences)
    return p, learned, lesson_key


def _store_packed(claims: Packed, gaps: list) -> dict:
    """The cache entry of an article's claims: their JSON as a string, with a digest of it (an
    entry whose text is not what was written is not read), the sizes and groups of the claims."""
    from verifier.cache import text_digest

    return {"claims": claims.text, "check": text_digest(claims.text), "sizes": list(claims.sizes),
            "groups": claims.groups, "flagged": claims.flagged, "unclaimed": gaps}


def _restore_packed(p: Prepared, data, groups: dict) -> tuple[Packed, list[tuple[int, int]]] | None:
    """An article's cached claims and unclaimed sentences; None when the entry is not one this
    tool wrote for the article (its claims' text does not match its digest, its sizes and
    groups do not fit the text, or its sentences are not in the article)."""
    from verifier.cache import text_digest

    try:
        text, sizes, keys = data["claims"], data["sizes"], data["groups"]
        if not (isinstance(text, str) and data["check"] == text_digest(text) and len(keys) == len(sizes)
                and all(type(n) is int and n > 0 for n in sizes) and sum(sizes) + max(1, len(sizes)) + 1 == len(text)):
            return None
        keys = [groups.setdefault(k, k) for k in map(tuple, keys)]
        if not all(all(type(x) is str for x in k) for k in keys):
            return None
        n = len(p.source.text)
        gaps = [(a, b) for a, b in data["unclaimed"]]
        if not all(type(a) is type(b) is int and 0 <= a <= b <= n for a, b in gaps):
            return None
        return Packed(text, array("I", sizes), keys, bool(data["flagged"])), gaps
    except (KeyError, TypeError, ValueError, OverflowError):
        return None


def run_extraction(paths: Iterable[str | Path], registry=None) -> tuple[list[Prepared], EntityIndex]:
    return extract_sources(load(paths), registry)


_CLAIMS = TypeAdapter(list[Claim])

_CHECKABLE = re.compile(r"[0-9〇零一二两三四五六七八九十百千万亿]|[“「『\"]")


UNCLAIMED_KINDS = ("count", "date", "money", "percent")  # the values that make a sentence checkable
UNCLAIMED_MIN_SCORE = 0.6


def unclaimed(p: Prepared, holding: set[tuple[int, int]] = frozenset()) -> list[tuple[int, int]]:
    """Sentences of article text that hold a date, a number or a quotation but gave no claim:
    what the tool did not check. A sentence counts when the normalizer finds a value in it or it
    has quotation marks. `holding`: sentences known to hold such a value (`extract` read it)."""
    from verifier.normalize.engine import holds_value

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
        if quoted or (s.start, s.end) in holding or holds_value(
                text, folded=p.source.folded[s.start:s.end], kinds=UNCLAIMED_KINDS, min_score=UNCLAIMED_MIN_SCORE):
            out.append((s.start, s.end))
    return out
