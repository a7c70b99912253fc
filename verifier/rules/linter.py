"""Rules that only `verifier check` reports: how a draft's claim stands against trusted sources.

The contradiction rules (D101, M101, N101, ...) decide whether two values can both be right;
these codes name what the checker concludes about a draft's claim when no single pair of
claims decides it. Their relate functions return None and their kinds are empty, so
`verifier report` never runs them; `verifier check` decides them itself.
"""

from __future__ import annotations

from verifier.claims.model import Claim
from verifier.rules.base import Relation, rule


@rule(
    "W101", "less-precise-than-source",
    "The draft states a fact less precisely than a trusted source does.",
    (),
)
def less_precise_than_source(a: Claim, b: Claim) -> Relation | None:
    """What it checks: a claim in the draft that a trusted source confirms with a more precise
    value: the source's value lies inside the draft's (a day inside the draft's month, an exact
    amount inside the draft's "about" or "more than"), and no source contradicts the draft.

    Why: the draft is not wrong, but it throws away precision the reporting has. A vaguer date
    or a rounded amount is sometimes a choice; often it is a figure copied from an early or
    secondary report when a better one was available. Severity: warning.

    Example: the draft says 舒尔曼本月初宣布离开OpenAI ("early this month"); a source gives
    2024年8月6日. The message names the source and quotes its words.
    """
    return None


@rule(
    "W102", "sources-disagree",
    "Trusted sources contradict each other on what the draft states.",
    (),
)
def sources_disagree(a: Claim, b: Claim) -> Relation | None:
    """What it checks: a claim in the draft that some trusted sources support and others
    contradict, or that is compatible with sources which contradict each other.

    Why: the draft has taken one side of a conflict in its own sources. It may be the right
    side, but an editor should know that the sources disagree and decide (and perhaps say so
    in the article) before publishing. Severity: warning.

    Example: the draft says Zoe Hitzig resigned on Wednesday (週三); one source says
    Wednesday, another says Tuesday (週二). The message quotes both.
    """
    return None


@rule(
    "I101", "unsupported-claim",
    "No trusted source speaks of a claim the draft makes.",
    (),
)
def unsupported_claim(a: Claim, b: Claim) -> Relation | None:
    """What it checks: a claim in the draft (a date, amount, count, percentage, duration or
    quote about a named subject) for which no trusted source has a claim about the same
    subject and the same thing, or only claims that cannot be compared with it.

    Why: the checker can only vouch for what the sources say. An unsupported claim is not
    wrong, but it is the draft's own reporting and needs its own source. Severity: info, shown
    only with --show-unsupported (or `show-unsupported = true` in the configuration).

    Example: the draft says a company no source mentions raised 5亿元; nothing to compare.
    """
    return None


@rule(
    "I102", "detail-not-in-sources",
    "The draft is more precise than any trusted source: the extra detail is unconfirmed.",
    (),
)
def detail_not_in_sources(a: Claim, b: Claim) -> Relation | None:
    """What it checks: a claim in the draft that fits what the sources say but states more than
    they do: the draft gives a day where the sources give a month, an exact figure where they
    give a range, and no source gives the draft's value itself.

    Why: the part the sources confirm is fine; the extra precision comes from somewhere else
    and should be checked against that. Severity: info, shown only with --show-unsupported.

    Example: the draft says Ilya Sutskever resigned on 14 May; the only source says "May".
    """
    return None
