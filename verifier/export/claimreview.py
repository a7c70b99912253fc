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

import datetime as dt
import json
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

from verifier import describe
from verifier.errors import VerifierError
from verifier.report.model import REPORT_SCHEMA_VERSION, Report, SourceInfo

CLAIM_REVIEWED_MAX = 74  # Google: keep claimReviewed under 75 characters
REQUIRED = ("alternateName", "ratingValue", "bestRating", "worstRating", "url", "datePublished", "author")
OPTIONAL = ("claimReviewed", "ratingExplanation", "source", "claimAuthor")
KNOWN = REQUIRED + OPTIONAL
PERSON_OR_ORG = ("Organization", "Person")


# ----------------------------------------------------------------------------- inputs
def load_report(path: str | Path) -> Report:
    """A report.json written by `verifier report`."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VerifierError(f"{path}: no such report; write one with `verifier report -o {path}` "
                            "(or `make report`), or pass --sources") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise VerifierError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    except json.JSONDecodeError as exc:
        raise VerifierError(f"{path}: not JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict) or data.get("tool") != "verifier":
        raise VerifierError(f"{path}: not a report written by `verifier report --format json`")
    if data.get("schema_version") != REPORT_SCHEMA_VERSION:
        raise VerifierError(f"{path}: report schema {data.get('schema_version')!r}, this verifier reads "
                            f"{REPORT_SCHEMA_VERSION}; write the report again")
    try:
        return Report.model_validate(data)
    except ValueError as exc:
        first = str(exc).splitlines()
        raise VerifierError(f"{path}: malformed report: {' '.join(first[:3])}") from None


def read_reviews(path: str | Path) -> dict[str, dict[str, Any]]:
    """The review file: finding id -> the editor's fields, defaults applied, checked."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise VerifierError(f"{path}: no such review file") from None
    except OSError as exc:
        raise VerifierError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise VerifierError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise VerifierError(f"{path}: not JSON (line {exc.lineno}: {exc.msg})") from None
    except tomllib.TOMLDecodeError as exc:
        raise VerifierError(f"{path}: not TOML ({exc})") from None
    if not isinstance(data, dict):
        raise VerifierError(f"{path}: expected a table with [reviews.\"FINDING-ID\"] entries")
    extra = sorted(set(data) - {"defaults", "reviews"})
    if extra:
        raise VerifierError(f"{path}: unknown top-level key {extra[0]!r} (expected [defaults] and [reviews.\"ID\"])")
    defaults = data.get("defaults", {})
    reviews = data.get("reviews")
    if not isinstance(defaults, dict):
        raise VerifierError(f"{path}: [defaults] must be a table")
    if not isinstance(reviews, dict) or not reviews:
        raise VerifierError(f"{path}: no reviews; add a [reviews.\"FINDING-ID\"] table per rated finding")
    _check_keys(path, "[defaults]", defaults)
    out = {}
    for fid, entry in reviews.items():
        where = f'[reviews."{fid}"]'
        if not isinstance(entry, dict):
            raise VerifierError(f"{path}: {where} must be a table")
        _check_keys(path, where, entry)
        merged = {**defaults, **entry}
        out[fid] = check_review(merged, f"{path}: {where}")
    return out


def _check_keys(path: Path, where: str, entry: dict) -> None:
    for key in entry:
        if key not in KNOWN:
            raise VerifierError(f"{path}: {where}: unknown field {key!r} (fields: {', '.join(KNOWN)})")


def _number(value: Any, name: str, where: str) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise VerifierError(f"{where}: {name} must be a number, not {value!r}")
    return value


def _url(value: Any, name: str, where: str) -> str:
    if not is_web_url(value):
        raise VerifierError(f"{where}: {name} must be an absolute http(s) URL, not {value!r}")
    return value


def is_web_url(value: Any) -> bool:
    """An absolute http(s) URL with a host and no spaces."""
    if not isinstance(value, str) or not value or any(ch.isspace() for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _date(value: Any, name: str, where: str) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            if "T" in value or " " in value.strip():
                return dt.datetime.fromisoformat(value.strip()).isoformat()
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise VerifierError(f"{where}: {name} must be an ISO date such as 2026-02-14, not {value!r}")


def _party(value: Any, name: str, where: str, default_type: str) -> dict[str, str]:
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict):
        raise VerifierError(f"{where}: {name} must be a table with a name (and url), not {value!r}")
    unknown = sorted(set(value) - {"name", "url", "type"})
    if unknown:
        raise VerifierError(f"{where}: {name}: unknown field {unknown[0]!r} (fields: name, url, type)")
    if not isinstance(value.get("name"), str) or not value["name"].strip():
        raise VerifierError(f"{where}: {name} needs a name")
    kind = value.get("type", default_type)
    if kind not in PERSON_OR_ORG:
        raise VerifierError(f"{where}: {name}.type must be Organization or Person, not {kind!r}")
    out = {"@type": kind, "name": value["name"].strip()}
    if value.get("url") is not None:
        out["url"] = _url(value["url"], f"{name}.url", where)
    return out


def check_review(entry: dict[str, Any], where: str) -> dict[str, Any]:
    """One review with every required field present and well-formed, normalized."""
    for key in REQUIRED:
        if entry.get(key) is None or entry.get(key) == "":
            raise VerifierError(f"{where}: missing required field {key!r}")
    name = entry["alternateName"]
    if not isinstance(name, str) or not name.strip():
        raise VerifierError(f"{where}: alternateName must be the verdict in words, such as \"False\"")
    value = _number(entry["ratingValue"], "ratingValue", where)
    best = _number(entry["bestRating"], "bestRating", where)
    worst = _number(entry["worstRating"], "worstRating", where)
    if not worst < best:
        raise VerifierError(f"{where}: worstRating ({worst}) must be less than bestRating ({best}); higher is truer")
    if not worst <= value <= best:
        raise VerifierError(f"{where}: ratingValue {value} is outside the scale [{worst}, {best}]")
    out: dict[str, Any] = {
        "alternateName": name.strip(), "ratingValue": value, "bestRating": best, "worstRating": worst,
        "url": _url(entry["url"], "url", where),
        "datePublished": _date(entry["datePublished"], "datePublished", where),
        "author": _party(entry["author"], "author", where, "Organization"),
    }
    if entry.get("claimReviewed") is not None:
        text = entry["claimReviewed"]
        if not isinstance(text, str) or not text.strip():
            raise VerifierError(f"{where}: claimReviewed must be text")
        if len(text.strip()) > CLAIM_REVIEWED_MAX:
            raise VerifierError(f"{where}: claimReviewed is {len(text.strip())} characters; keep it under 75")
        out["claimReviewed"] = text.strip()
    if entry.get("ratingExplanation") is not None:
        if not isinstance(entry["ratingExplanation"], str):
            raise VerifierError(f"{where}: ratingExplanation must be text")
        out["ratingExplanation"] = entry["ratingExplanation"].strip()
    if entry.get("source") is not None:
        if not isinstance(entry["source"], str):
            raise VerifierError(f"{where}: source must be a source id")
        out["source"] = entry["source"]
    if entry.get("claimAuthor") is not None:
        out["claimAuthor"] = _party(entry["claimAuthor"], "claimAuthor", where, "Person")
    return out


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
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


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
