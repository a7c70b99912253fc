"""Rules: each compares two claims about the same thing and says how their values relate.

A rule has a permanent code (D101), a name that names the problem it looks for
(event-date-conflict), a one-line summary and a documentation text (what, why, example).
`relate(a, b)` returns a Relation, or None when the two values cannot be compared (different
currencies, nothing stated in common).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

from verifier.claims.model import Claim

Verdict = Literal["agree", "compatible", "contradict"]
Narrower = Literal["a", "b", "same", "neither"]


@dataclass(frozen=True)
class Relation:
    verdict: Verdict
    reason: str  # why, in plain words
    narrower: Narrower = "same"  # which claim says more (the other contains it)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    doc: str
    kinds: tuple[str, ...]
    relate: Callable[[Claim, Claim], Relation | None]
    scope: Literal["across", "within"] = "across"  # across sources, or within one source

    def documentation(self) -> str:
        import inspect

        return f"{self.code} {self.name}\n\n{self.summary}\n\n{inspect.cleandoc(self.doc)}\n"


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, summary: str, kinds: tuple[str, ...], scope: str = "across"):
    """Register a relate function as a rule; its docstring is the rule's documentation."""

    def register(fn):
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(code, name, summary, fn.__doc__ or "", kinds, fn, scope)  # type: ignore[arg-type]
        return fn

    return register
