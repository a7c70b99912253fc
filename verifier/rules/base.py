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


# Why a verdict is what it is, as a code a program can act on (documented in the README):
#   same          the same value
#   less-precise  one value contains the other (May vs 14 May; about $4.5 billion vs $4.5 billion)
#   rounding      different figures whose ranges overlap (HK$1.56 billion vs about HK$1.6 billion), or
#                 one the other rounded at its last written digit (3.8万辆 vs 38,120 vehicles)
#   overlap       ranges that overlap without one containing the other
#   time-zone     dates one day apart that the two sources' clocks explain
#   different-time values of different times (a January-round valuation vs today's): a change, not a conflict
#   aim           a value sought (seeking a $5 billion valuation) and one reached or told: not one thing
#   disjoint      no value fits both
#   impossible    a date that cannot be (a weekday that does not match, 2月30日)
#   misattributed the same words given to different speakers
#   reworded      the same quote worded differently
REASON_CODES = ("same", "less-precise", "rounding", "overlap", "time-zone", "different-time", "aim",
                "disjoint", "impossible", "misattributed", "reworded")
# each code in a reader's words (the HTML and Markdown reports)
REASON_WORDS = {
    "same": "the same value",
    "less-precise": "one source is less precise: its value contains the other's",
    "rounding": "the figures differ only as much as rounding explains",
    "overlap": "the ranges overlap",
    "time-zone": "a day apart, which the sources' time zones explain",
    "different-time": "values of different times: a change, not a conflict",
    "aim": "one value was sought, the other is what came of it or another account",
    "disjoint": "no value fits both",
    "impossible": "a date that cannot be",
    "misattributed": "the same words are given to different speakers",
    "reworded": "the same quotation, worded differently",
}


@dataclass(frozen=True)
class Relation:
    verdict: Verdict
    reason: str  # why, in plain words
    narrower: Narrower = "same"  # which claim says more (the other contains it)
    code: str = ""  # one of REASON_CODES; derived from the verdict when empty

    @property
    def reason_code(self) -> str:
        if self.code:
            return self.code
        if self.verdict == "agree":
            return "same"
        if self.verdict == "contradict":
            return "disjoint"
        return "less-precise" if self.narrower in ("a", "b") else "overlap"


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


def predicate_says(c: Claim, flag: str) -> bool:
    """Whether the claim's predicate has `flag` set in predicates.toml (accumulates, moves,
    effective_later…)."""
    return bool(predicate_field(c, flag))


def predicate_field(c: Claim, name: str):
    """The claim's predicate's field `name` in predicates.toml (None for a predicate not there)."""
    from verifier.claims.lexicon import predicates

    pred = predicates().get(c.predicate)
    return getattr(pred, name) if pred is not None else None
