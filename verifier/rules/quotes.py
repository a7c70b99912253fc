"""Rules on quotes: what a person is quoted as saying, and who said it."""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from types import MappingProxyType

from rapidfuzz import fuzz

from verifier.claims.model import Claim
from verifier.rules.base import Relation, rule
from verifier.text.fold import fold

SAME_QUOTE = 90  # similarity (0-100) above which two quotes are the same words
SIMILAR_QUOTE = 60  # above which they are the same quote worded differently

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def quote_key(text: str) -> str:
    """A quote's words without script, case, spacing or punctuation differences."""
    return _PUNCT.sub("", fold(text).casefold())


def similarity(a: str, b: str) -> float:
    x, y = quote_key(a), quote_key(b)
    if not x or not y:
        return 0.0
    return fuzz.ratio(x, y)


_NO_SCOPE = MappingProxyType({})


class QuoteText:
    """A quote's value as comparing quotes reads it (QuoteValue's kind and words)."""

    __slots__ = ("kind", "quote")

    def __init__(self, quote: str) -> None:
        self.kind = "quote"
        self.quote = quote


class QuoteClaim:
    """A quote claim as comparing quotes reads it (rules.engine: positions, blocks, the rules,
    findings and their messages): the fields of a Claim of kind quote that they read, in a fifth
    of a model's memory. An archive's quotes are one group of tens of thousands, compared in one
    process."""

    __slots__ = ("id", "source", "kind", "subject", "predicate", "label", "scope", "start", "end", "sentence",
                 "hedged", "value")

    @classmethod
    def of_json(cls, data: str | bytes) -> QuoteClaim:
        """The quote claim whose JSON (Claim.model_dump_json) is `data`."""
        d = json.loads(data)
        c = cls.__new__(cls)
        c.id = d["id"]
        c.source, c.kind, c.subject, c.predicate, c.label = (
            sys.intern(d[k]) for k in ("source", "kind", "subject", "predicate", "label"))
        c.scope = d["scope"] or _NO_SCOPE
        c.start, c.end = d["start"], d["end"]
        c.sentence = tuple(d["sentence"])
        c.hedged = d["hedged"]
        c.value = QuoteText(d["value"]["quote"])
        return c


@rule(
    "Q101", "quote-altered",
    "Two sources quote the same person with different words.",
    ("quote",),
)
def quote_altered(a: Claim, b: Claim) -> Relation | None:
    """What it checks: quotes attributed to the same speaker in two sources that are clearly
    the same statement (similarity of the folded text, both scripts alike). The same words
    agree; a close paraphrase or a different translation is compatible and shown so an editor
    can check the wording. Quotes on different topics are not compared.

    Why: a quote should be the speaker's words; wording that drifts as it is translated or
    retold is worth a second look before it is published in quotation marks.

    Example: 「我反覆看到了讓我們的價值觀真正引導行動是多麼困難」 vs
    “我一再看到真正让我们的价值观主导我们的行动是多么困难”: compatible.
    """
    if a.value.kind != "quote" or b.value.kind != "quote" or a.subject != b.subject:
        return None
    score = similarity(a.value.quote, b.value.quote)
    if score >= SAME_QUOTE:
        return Relation("agree", "", "same")
    if score >= SIMILAR_QUOTE:
        return Relation("compatible", f"the wording differs (similarity {score:.0f}%)", "neither", code="reworded")
    return None


@rule(
    "Q102", "quote-misattributed",
    "The same words are attributed to different speakers.",
    ("quote",),
)
def quote_misattributed(a: Claim, b: Claim) -> Relation | None:
    """What it checks: a quote that two sources give nearly word for word but attribute to
    different people or organisations.

    Why: attributing words to the wrong person is a serious error, and common when an article
    quotes several people in a row.

    Example: one source has Ba saying “2026年将会疯狂至极”, another has Tony Wu saying it:
    contradict.
    """
    if a.value.kind != "quote" or b.value.kind != "quote" or a.subject == b.subject:
        return None
    if min(len(a.value.quote), len(b.value.quote)) < 8:
        return None
    if similarity(a.value.quote, b.value.quote) >= SAME_QUOTE:
        return Relation("contradict", "the same words, different speakers", "neither", code="misattributed")
    return None
