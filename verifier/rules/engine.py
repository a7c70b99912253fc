"""Matching claims about the same thing across sources and running the rules on them."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from itertools import combinations
from typing import Iterable, Literal

from pydantic import BaseModel, Field

from verifier import describe
from verifier.claims.model import Claim
from verifier.rules.base import REGISTRY, Relation, Rule, Verdict

# importing the rule modules registers their rules
from verifier.rules import dates, quantities, quotes  # noqa: F401,E402

VERDICT_ORDER = {"contradict": 0, "compatible": 1, "agree": 2}


class Finding(BaseModel):
    id: str
    rule: str
    name: str
    verdict: Verdict
    claims: list[str] = Field(description="ids of the claims compared, from at least two sources (one for within-source rules)")
    sources: list[str]
    subject: str
    predicate: str
    label: str
    message: str
    reason: str = ""


def rules() -> dict[str, Rule]:
    return dict(sorted(REGISTRY.items()))


def _finding_id(rule: str, claim_ids: Iterable[str]) -> str:
    digest = hashlib.blake2b("|".join(sorted(claim_ids)).encode(), digest_size=4).hexdigest()
    return f"{rule}-{digest}"


def snippet(text: str, claim: Claim, width: int = 40) -> str:
    s0, s1 = claim.sentence
    a, b = max(s0, claim.start - width), min(s1, claim.end + width)
    out = text[a:b].strip().replace("\n", " ")
    return ("…" if a > s0 else "") + out + ("…" if b < s1 else "")


def _says(claim: Claim, texts: dict[str, str]) -> str:
    if claim.kind == "quote":
        return f"{claim.source} quotes {claim.subject}: “{snippet(texts[claim.source], claim)}”"
    hedge = " (hedged)" if claim.hedged else ""
    return (f"{claim.source} says {describe.value(claim.value)}{hedge}: "
            f"“{snippet(texts[claim.source], claim)}”")


def explain(rule: Rule, rel: Relation, a: Claim, b: Claim, texts: dict[str, str]) -> str:
    what = f"{a.subject} — {a.label or a.predicate}"
    if a.kind == "quote" and a.subject != b.subject:
        what = "who said it"
        first = f"{a.source} attributes it to {a.subject}: “{snippet(texts[a.source], a)}”"
        second = f"{b.source} attributes it to {b.subject}: “{snippet(texts[b.source], b)}”"
    else:
        first, second = _says(a, texts), _says(b, texts)
    if rel.verdict == "contradict":
        tail = f"These cannot both be right: {rel.reason}." if rel.reason else "These cannot both be right."
    elif rel.verdict == "agree":
        tail = "The sources agree."
    else:
        precise = {"a": a.source, "b": b.source}.get(rel.narrower)
        tail = (f"They fit together; {precise} is more precise." if precise
                else "They can both be right, each saying what the other leaves open.")
        if rel.reason:
            tail += f" ({rel.reason})"
    return f"{what}. {first}. {second}. {tail}"


def group_key(c: Claim) -> tuple[str, str, str]:
    return (c.subject, c.predicate, c.kind)


def relate(a: Claim, b: Claim) -> list[tuple[Rule, Relation]]:
    """Every across-source rule that has something to say about two claims."""
    out = []
    for r in REGISTRY.values():
        if r.scope != "across" or a.kind not in r.kinds:
            continue
        rel = r.relate(a, b)
        if rel is not None:
            out.append((r, rel))
    return out


def compare(claims: list[Claim], texts: dict[str, str]) -> list[Finding]:
    """Findings over a corpus: within-source problems, then agreements and contradictions
    between every two sources that speak of the same subject and predicate."""
    findings: list[Finding] = []
    for c in claims:
        for r in REGISTRY.values():
            if r.scope == "within" and c.kind in r.kinds:
                rel = r.relate(c, None)  # type: ignore[arg-type]
                if rel is not None:
                    findings.append(Finding(
                        id=_finding_id(r.code, [c.id]), rule=r.code, name=r.name, verdict=rel.verdict,
                        claims=[c.id], sources=[c.source], subject=c.subject, predicate=c.predicate,
                        label=c.label, reason=rel.reason,
                        message=f"{c.source}: {describe.value(c.value)} — “{snippet(texts[c.source], c)}”. {rel.reason.capitalize()}.",
                    ))
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "quote":
            groups[("*quotes*", "said", "quote")].append(c)
        else:
            groups[group_key(c)].append(c)
    for key_, members in sorted(groups.items()):
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for c in members:
            by_source[c.source].append(c)
        for sa, sb in combinations(sorted(by_source), 2):
            results: dict[tuple[str, str], list[tuple[Relation, Claim, Claim]]] = defaultdict(list)
            for a in by_source[sa]:
                for b in by_source[sb]:
                    for r, rel in relate(a, b):
                        results[(r.code, rel.verdict)].append((rel, a, b))
            for (code, verdict), pairs in sorted(results.items()):
                r = REGISTRY[code]
                rel, a, b = min(pairs, key=lambda p: (p[0].narrower == "neither", p[1].start, p[2].start))
                ids = sorted({x.id for _, p, q in pairs for x in (p, q)})
                findings.append(Finding(
                    id=_finding_id(code, ids), rule=code, name=r.name, verdict=verdict, claims=ids,
                    sources=[sa, sb], subject=a.subject if a.subject == b.subject else f"{a.subject} / {b.subject}",
                    predicate=a.predicate, label=a.label, reason=rel.reason,
                    message=explain(r, rel, a, b, texts),
                ))
    findings.sort(key=lambda f: (VERDICT_ORDER[f.verdict], f.rule, f.subject, f.predicate, f.id))
    return findings
