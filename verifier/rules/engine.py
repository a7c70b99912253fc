"""Matching claims about the same thing across sources and running the rules on them."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Iterable

from pydantic import BaseModel, Field

from verifier import describe
from verifier.claims.model import Claim
from verifier.rules.base import REGISTRY, Relation, Rule, Verdict
from verifier.rules.quotes import quote_key

# importing the rule modules registers their rules
from verifier.rules import dates, linter, quantities, quotes  # noqa: F401,E402

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


def _position_key(c: Claim) -> tuple:
    """Claims that say the same thing: the same normalized value (and speaker, for quotes)."""
    if c.kind == "quote":
        return (c.subject, quote_key(c.value.quote))
    return (c.value.model_dump_json(exclude={"kind"}),)


def _finding(r: Rule, rel: Relation, a: Claim, b: Claim, members: list[Claim], texts: dict[str, str]) -> Finding:
    ids = sorted({c.id for c in members})
    sources = sorted({c.source for c in members})
    message = explain(r, rel, a, b, texts)
    others = [s for s in sources if s not in (a.source, b.source)]
    if others:
        message += f" Also saying the same: {', '.join(others)}."
    return Finding(
        id=_finding_id(r.code, ids), rule=r.code, name=r.name, verdict=rel.verdict, claims=ids,
        sources=sources, subject=a.subject if a.subject == b.subject else f"{a.subject} / {b.subject}",
        predicate=a.predicate, label=a.label, reason=rel.reason, message=message,
    )


def _pair(pa: list[Claim], pb: list[Claim]) -> tuple[Claim, Claim] | None:
    """A claim of each position from two different sources, if there is such a pair."""
    for a in pa:
        for b in pb:
            if a.source != b.source:
                return a, b
    return None


def compare(claims: list[Claim], texts: dict[str, str]) -> list[Finding]:
    """Findings over a corpus: within-source problems, then, for every subject and predicate
    that two sources speak of, how the different values given for it relate. Sources giving
    the same value form one position; positions are compared with each other, so a hundred
    articles repeating one date make one finding, not thousands."""
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
                        message=f"{c.source} says “{c.text}”, which cannot be: {rel.reason}. “{snippet(texts[c.source], c)}”",
                    ))
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        groups[("*quotes*",) if c.kind == "quote" else group_key(c)].append(c)
    for _, members in sorted(groups.items()):
        if len({c.source for c in members}) < 2:
            continue
        positions: dict[tuple, list[Claim]] = defaultdict(list)
        for c in sorted(members, key=lambda c: (c.source, c.start)):
            positions[_position_key(c)].append(c)
        plist = list(positions.values())
        # (rule, verdict, sources) -> the first pair found and every claim in that situation
        merged: dict[tuple, tuple[Rule, Relation, Claim, Claim, list[Claim]]] = {}
        for pos in plist:
            pair = _pair(pos, pos)
            if pair:
                for r, rel in relate(*pair):
                    _merge(merged, r, rel, pair[0], pair[1], pos)
        for i, pa in enumerate(plist):
            for pb in plist[i + 1:]:
                pair = _pair(pa, pb)
                if pair is None or not _worth_relating(pair[0], pair[1]):
                    continue
                for r, rel in relate(*pair):
                    _merge(merged, r, rel, pair[0], pair[1], pa + pb)
        for r, rel, a, b, involved in merged.values():
            findings.append(_finding(r, rel, a, b, involved, texts))
    findings.sort(key=lambda f: (VERDICT_ORDER[f.verdict], f.rule, f.subject, f.predicate, f.id))
    return findings


def _merge(merged: dict, r: Rule, rel: Relation, a: Claim, b: Claim, involved: list[Claim]) -> None:
    """One finding per rule, verdict and set of sources, citing every claim in that situation."""
    k = (r.code, rel.verdict, frozenset(c.source for c in involved))
    if k in merged:
        merged[k][4].extend(involved)
    else:
        merged[k] = (r, rel, a, b, list(involved))


def _worth_relating(a: Claim, b: Claim) -> bool:
    if a.kind == "quote":  # quotes of very different lengths are different quotes
        la, lb = len(a.value.quote), len(b.value.quote)
        return min(la, lb) * 2 >= max(la, lb)
    return True
