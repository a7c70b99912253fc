"""schema.org ClaimReview JSON-LD for the findings an editor has rated.

The tool never rates anything itself: a finding says two sources are (in)consistent, not which is
true. The editor's review file gives, per finding id, the verdict in words (`alternateName`), a
number on a declared scale (`ratingValue` between `worstRating` and `bestRating`, higher is
truer), the reviewing organization (`author`), the review page (`url`) and its date
(`datePublished`). The tool fills in what it knows from the report: `claimReviewed` (a summary
under 75 characters) and `itemReviewed`, a `Claim` with its `appearance` in each source.

Review file (TOML, or JSON of the same shape):

    [defaults]                        # optional; every review inherits these
    author = { name = "Example Fact Check", url = "https://factcheck.example.org/" }
    bestRating = 5
    worstRating = 1

    [reviews."D101-cad4391b"]         # a finding id from the report
    alternateName = "False"
    ratingValue = 1
    url = "https://factcheck.example.org/2026/sharma-resignation"
    datePublished = 2026-02-14

Google's properties (Fact Check structured data): required claimReviewed, reviewRating (with
alternateName) and url; recommended author, datePublished, itemReviewed (a Claim with
appearance, author, datePublished, firstAppearance), and ratingValue, bestRating, worstRating
and name on the Rating. This exporter asks the editor for all of them that it cannot know.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable

from verifier import describe
from verifier.errors import VerifierError
from verifier.inputs import CLAIM_REVIEWED_MAX, is_web_url
from verifier.report.model import REPORT_SCHEMA_VERSION, Report, SourceInfo


# ----------------------------------------------------------------------------- inputs
def load_report(path: str | Path) -> Report:
    """A report.json written by `verifier report`."""
    from pydantic import ValidationError

    from verifier.inputs import read_data, validate
    from verifier.io import file_status

    path = Path(path)
    if file_status(path) is None:
        raise VerifierError(f"{path}: no such report; write one with `verifier report -o {path}` "
                            "(or `make report`), or pass --sources")
    data, text = read_data(path, "report", fmt="json")
    if not isinstance(data, dict) or data.get("tool") != "verifier":
        raise VerifierError(f"{path}: not a report written by `verifier report --format json`")
    if data.get("schema_version") != REPORT_SCHEMA_VERSION:
        from verifier.inputs import show

        raise VerifierError(f"{path}: report schema {show(data.get('schema_version'))}, this verifier reads "
                            f"{REPORT_SCHEMA_VERSION}; write the report again")
    try:
        return Report.model_validate(data)
    except (ValidationError, RecursionError):
        validate(Report, data, path=path, text=text, fmt="json")  # raises the one-line error
        raise


def read_reviews(path: str | Path) -> dict[str, dict[str, Any]]:
    """The review file: finding id -> the editor's fields, defaults applied, checked."""
    from verifier.inputs import read_reviews as read

    return read(path)


def check_review(entry: dict[str, Any], where: str) -> dict[str, Any]:
    """One review with every required field present and well-formed, normalized."""
    from verifier.inputs import check_review as check

    return check(entry, where)


# ----------------------------------------------------------------------------- output
def fit(text: str, width: int = CLAIM_REVIEWED_MAX) -> str:
    """`text` in at most `width` characters, cut at a word or character boundary with "…"."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = width - 1
    while cut > 0 and unicodedata.combining(text[cut]):
        cut -= 1  # never separate a mark from its letter
    head = text[:cut]
    space = head.rfind(" ")
    if space >= width * 0.6:  # Latin text: end on a whole word
        head = head[:space]
    return head.rstrip(" ,;:—–-/·") + "…"


def _plain(words: str) -> str:
    """A value in words without its parenthesized qualifiers."""
    return re.sub(r"\s*\([^()]*\)", "", words).strip()


def claim_reviewed(report: Report, finding, sources: Iterable[str]) -> str:
    claims = {c.id: c for c in report.claims}
    values = []
    for source in sources:
        words = dict.fromkeys(_plain(describe.value(claims[c].value)) for c in finding.claims
                              if c in claims and claims[c].source == source)
        if words:
            values.append(" or ".join(words))
    what = f"{finding.subject}, {finding.label or finding.predicate}"
    return fit(f"{what}: {' vs '.join(values)}" if values else what)


def _appearance(info: SourceInfo | None, source: str) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if info and is_web_url(info.url):
        work["url"] = info.url
    if info and info.title:
        work["headline"] = info.title
    work["name"] = info.title if info and info.title else source
    if info and info.published:
        work["datePublished"] = info.published.isoformat()
    if info and info.language in ("en", "zh-Hans", "zh-Hant"):
        work["inLanguage"] = info.language
    return work


def claim_review(report: Report, finding, review: dict[str, Any], notes: list[str] | None = None) -> dict[str, Any]:
    """One ClaimReview object for one rated finding."""
    sources = list(finding.sources)
    if review.get("source"):
        if review["source"] not in sources:
            raise VerifierError(f"review of {finding.id}: source {review['source']!r} is not one of the "
                                f"finding's sources ({', '.join(sources)})")
        sources = [review["source"]]
    infos = {s.id: s for s in report.sources}
    appearances = [_appearance(infos.get(s), s) for s in sources]
    claim: dict[str, Any] = {"@type": "Claim", "appearance": appearances}
    if review.get("claimAuthor"):
        claim["author"] = review["claimAuthor"]
    dated = sorted((a for a in appearances if "datePublished" in a), key=lambda a: a["datePublished"])
    if dated:
        claim["datePublished"] = dated[0]["datePublished"]
        claim["firstAppearance"] = dated[0]
    elif notes is not None:
        notes.append(f"{finding.id}: no source has a known publication date, so itemReviewed has no "
                     "datePublished (add `published` to the sources' manifest.toml)")
    rating: dict[str, Any] = {
        "@type": "Rating",
        "ratingValue": review["ratingValue"],
        "bestRating": review["bestRating"],
        "worstRating": review["worstRating"],
        "alternateName": review["alternateName"],
        "name": review["alternateName"],
    }
    if review.get("ratingExplanation"):
        rating["ratingExplanation"] = review["ratingExplanation"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review["url"],
        "claimReviewed": review.get("claimReviewed") or claim_reviewed(report, finding, sources),
        "datePublished": review["datePublished"],
        "author": review["author"],
        "reviewRating": rating,
        "itemReviewed": claim,
    }


def export(report: Report, reviews: dict[str, dict[str, Any]], notes: list[str] | None = None) -> list[dict[str, Any]]:
    """ClaimReview objects for the reviewed findings, in the report's order."""
    by_id = {f.id: f for f in report.findings}
    for fid in reviews:
        if fid not in by_id:
            known = ", ".join(list(by_id)[:5]) + (", …" if len(by_id) > 5 else "")
            raise VerifierError(f"review of unknown finding {fid!r}: not in the report "
                                f"(its findings: {known or 'none'})")
    return [claim_review(report, f, reviews[f.id], notes) for f in report.findings if f.id in reviews]


def to_json(items: list[dict[str, Any]]) -> str:
    """The JSON-LD; strictly valid JSON (no NaN or Infinity: the inputs are checked for them)."""
    try:
        return json.dumps(items, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except ValueError as exc:
        raise VerifierError(f"cannot write the ClaimReview JSON: {exc}") from None


def template(report: Report) -> str:
    """A review file to fill in: every finding, commented out, with what it is about."""
    claims = {c.id: c for c in report.claims}
    lines = [
        "# Review file for `verifier export claimreview`: one [reviews.\"ID\"] table per finding you rated.",
        "# Uncomment and fill in the findings you have reviewed; the tool never rates a finding itself.",
        "# ratingValue is on your scale from worstRating (least true) to bestRating (most true).",
        "",
        "[defaults]",
        '# author = { name = "Your organization", url = "https://example.org/" }',
        "# bestRating = 5",
        "# worstRating = 1",
        "",
    ]
    for f in report.findings:
        lines.append(f"# {f.verdict} {f.rule} {f.name}: {f.subject}, {f.label or f.predicate}")
        for source in f.sources:
            words = "; ".join(dict.fromkeys(describe.value(claims[c].value) for c in f.claims
                                            if c in claims and claims[c].source == source))
            lines.append(f"#   {source}: {words}")
        lines += [
            f'# [reviews."{f.id}"]',
            '# alternateName = ""            # your verdict in words, e.g. "False"',
            "# ratingValue = 1",
            '# url = "https://example.org/your-review-page"',
            "# datePublished = 2026-01-01     # the date of your review page",
            f"# claimReviewed = {json.dumps(claim_reviewed(report, f, f.sources), ensure_ascii=False)}",
            "",
        ]
    return "\n".join(lines)
