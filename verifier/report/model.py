"""The report: sources, claims and findings — the JSON contract for downstream tools."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Annotated, Iterable

from pydantic import BaseModel, PrivateAttr, WrapSerializer

from verifier import __version__
from verifier.claims.model import Claim
from verifier.rules.engine import Finding
from verifier.text.sources import Source

# 2: findings carry a `reason` code, a `scope` and `independent_sources`; claims carry `why`,
#    `scope` and `tz`; sources carry `timezone` and `syndicated_from`; the report lists the
#    `unclaimed` sentences (a date, number or quote that gave no claim).
REPORT_SCHEMA_VERSION = 2


class SourceInfo(BaseModel):
    id: str
    path: str
    language: str
    published: dt.date | None
    published_from: str | None = None  # "manifest", "front matter" or "dateline"
    title: str | None = None
    url: str | None = None
    claims: int = 0
    timezone: str | None = None  # IANA name, from the manifest or the dateline
    syndicated_from: str | None = None  # the source this one is a near-verbatim copy of


class Unclaimed(BaseModel):
    """A sentence with a date, a number or a quote that gave no claim: not checked."""

    source: str
    start: int
    end: int
    text: str


class Summary(BaseModel):
    sources: int
    claims: int
    findings: int
    contradict: int
    compatible: int
    agree: int
    unclaimed: int = 0  # sentences with a date, number or quote that gave no claim


def _as_list(items, write):
    """A list field's items, whether a list or a compact.Shelf (a built report's long lists)."""
    return write(items if isinstance(items, list) else list(items))


Listed = WrapSerializer(_as_list)


class Report(BaseModel):
    tool: str = "verifier"
    version: str = __version__
    schema_version: int = REPORT_SCHEMA_VERSION
    summary: Summary
    sources: list[SourceInfo]
    # a report that `build` made holds its claims as a compact.Shelf (read as a list is)
    claims: Annotated[list[Claim], Listed]
    findings: Annotated[list[Finding], Listed]
    unclaimed: Annotated[list[Unclaimed], Listed] = []
    _texts: dict[str, str] = PrivateAttr(default_factory=dict)

    @property
    def texts(self) -> dict[str, str]:
        """Each source's text (not part of the JSON), for renderers that show evidence."""
        return self._texts


WARM_WHILE_READING = 3000  # articles (see build)


def build(paths: Iterable[str | Path], registry=None, progress=None, **run) -> Report:
    """The report on the articles under `paths` (files and folders)."""
    from verifier.pipeline import warm_up
    from verifier.text.sources import load

    cache = run.get("cache")

    def meanwhile(n: int) -> None:
        """While other processes read the articles, this one loads what working on them reads;
        not when the cache holds this tool's entries: then most articles are likely to be
        restored, and the few worked on are worked on in processes of their own (which load what
        they read while this one restores the rest). Fewer articles than WARM_WHILE_READING are
        read in less time than the extraction's data takes to load: that is loaded while the
        other processes learn names (pipeline.prepare_corpus), not while they wait for this one."""
        if cache is None or not cache.holds_entries():
            warm_up(extraction=n >= WARM_WHILE_READING)

    return build_from_sources(load(paths, run.get("jobs", 1), meanwhile=meanwhile), registry, progress, **run)


# a cold run's claims are written by another process from this many on (fewer are written in
# less time than a process takes to fork)
RENDER_ELSEWHERE_CLAIMS = 1000


def build_from_sources(sources: Iterable[Source], registry=None, progress=None, *, jobs: int = 1, cache=None,
                       scheduler: str | None = None, json_out: bool = False) -> Report:
    """The report on sources already read (`verifier.text.sources.load` or `from_texts`);
    `progress` wraps the articles as their claims are extracted (a progress bar); `jobs`,
    `cache` and `scheduler` say how the extraction runs (pipeline.extract_sources). `json_out`:
    the report is to be written as JSON (render.json_pieces); with a cache or other processes,
    its claims are then written by another process while this one compares them (most groups'
    findings restored here, in a re-run; the comparison's processes finishing their last
    groups, in a cold run: the other core would have nothing to do)."""
    from verifier.collector import paused
    from verifier.compact import Shelf
    from verifier.pipeline import compare_corpus, extract_sources
    from verifier.text.title import heading_title

    from verifier.pipeline import article_text, claim_count, unclaimed
    from verifier.text.syndication import copies_among, find_copies

    found_early: dict[str, dict] = {}

    def copies_while_extracting(prepared: list) -> None:
        """The copies among articles signed in the corpus map (or the cache), found while other
        processes extract the claims."""
        if all(p.syndication is not None for p in prepared):
            with paused():
                found_early["copies"] = copies_among({p.source.id: p.syndication for p in prepared},
                                                     {p.source.id: p.source.published for p in prepared})

    # the entity index is not kept: an archive's is a tenth of its memory, and nothing after extraction reads it
    prepared = extract_sources(sources, registry, progress=progress, jobs=jobs, cache=cache, scheduler=scheduler,
                               meanwhile=copies_while_extracting, pack=True)[0]
    for p in prepared:
        p.source.folded = ""  # read by extraction only (an archive's in Traditional script is a tenth of its text)
    with paused():  # what is built here lives to the end of the run: collections would only walk it
        texts = {p.source.id: p.source.text for p in prepared}
        published = {p.source.id: p.source.published for p in prepared}
        if "copies" in found_early:
            copies = found_early["copies"]
        else:
            copies = find_copies({p.source.id: article_text(p.source.text, p.spans) for p in prepared}, published, texts)
        # the claims as JSON, as extract_sources packed them (compact.Shelf): as models they
        # would take most of an archive's memory, and reading them from the cache most of a re-run's time
        claims = Shelf.of_json(Claim, ((p.packed.data, len(p.packed.sizes)) for p in prepared),
                               flagged=any(p.packed.flagged for p in prepared))
        if json_out and (cache is not None or (jobs > 1 and len(claims) >= RENDER_ELSEWHERE_CLAIMS)):
            from verifier.report.render import render_elsewhere

            render_elsewhere("claims", claims)
        findings = compare_corpus(prepared, texts, published, copies, cache, jobs)
        sources = [
            SourceInfo(
                id=p.source.id, path=p.source.path, language=p.source.language,
                published=p.source.published, published_from=p.source.published_from,
                title=p.source.title or (p.title if p.syndication is not None else heading_title(p.source.text, p.spans)), url=p.source.url, claims=claim_count(p),
                timezone=p.source.timezone, syndicated_from=copies.get(p.source.id),
            )
            for p in prepared
        ]
        gaps = [Unclaimed(source=p.source.id, start=a, end=b, text=p.source.text[a:b]) for p in prepared
                for a, b in (p.unclaimed if p.unclaimed is not None else unclaimed(p))]
        verdicts = getattr(findings, "verdicts", None)  # counted by compare_corpus, else by one reading
        if verdicts is None:
            verdicts = Counter(f.verdict for f in findings)
        count = lambda v: verdicts[v]
        summary = Summary(sources=len(sources), claims=len(claims), findings=len(findings),
                          contradict=count("contradict"), compatible=count("compatible"), agree=count("agree"),
                          unclaimed=len(gaps))
        report = Report.model_construct(summary=summary, sources=sources, claims=claims, findings=findings,
                                        unclaimed=gaps)
    report._texts = texts
    return report
