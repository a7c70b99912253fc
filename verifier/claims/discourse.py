"""What an article is about as it goes: pronouns and definite descriptions, the topic of each
sentence, and the dates later sentences point back to (同月, the same day, 两天后).

Pronouns (他/她/he/she) stand for the topic of their sentence (the first person named in it,
outside quotes) if named before them, else the topic of the nearest sentence before.
Descriptions of an organisation (该公司, "the company", "the startup", its) stand for the last
organisation named earlier in the same sentence, else the most salient one: organisations
named recently, and as a sentence's first organisation, weigh more. A bare 公司 is resolved
only when its paragraph names a single organisation.
"""

from __future__ import annotations

import heapq

from verifier.claims.entities import Mention
from verifier.text.segment import Sentence

SALIENCE_DECAY = 0.6  # per sentence
TOPIC_WEIGHT, OTHER_WEIGHT, DEMOTED_WEIGHT = 1.0, 0.5, 0.1
PRONOUN_REACH = 600  # characters: a pronoun farther than this from its person is not resolved


class Salience:
    """Organisations weighed by how recently and how prominently they were named.

    A weight is decayed one sentence at a time, as it always was; only the weights not yet
    decayed to zero are kept in `alive`, so a sentence costs the organisations named lately,
    not every organisation of a long article. Among those at zero the last seen wins, as with
    equal weights."""

    def __init__(self) -> None:
        self.weight: dict[str, float] = {}
        self.last_seen: dict[str, int] = {}
        self.alive: dict[str, None] = {}  # weight above zero, in the order first named
        self._faded: list[tuple[int, str]] = []  # (-last seen, name) of weights at zero (a heap)

    def note(self, entity: str, weight: float, at: int) -> None:
        self.weight[entity] = self.weight.get(entity, 0.0) + weight
        self.last_seen[entity] = at
        if self.weight[entity] != 0.0:
            self.alive[entity] = None
        else:
            self.alive.pop(entity, None)
            heapq.heappush(self._faded, (-at, entity))

    def decay(self) -> None:
        gone = []
        for k in self.alive:
            self.weight[k] *= SALIENCE_DECAY
            if self.weight[k] == 0.0:
                gone.append(k)
        for k in gone:
            del self.alive[k]
            heapq.heappush(self._faded, (-self.last_seen[k], k))

    def best(self, exclude: set[str] = frozenset()) -> str | None:
        # the highest weight, then the last seen (no two are seen at one place: no ties); any
        # weight above zero beats those at zero
        pool = [k for k in self.alive if k not in exclude]
        if pool:
            return max(pool, key=lambda k: (self.weight[k], self.last_seen[k]))
        skipped = []
        found = None
        while self._faded:
            at, k = self._faded[0]
            if k in self.alive or self.last_seen.get(k) != -at:
                heapq.heappop(self._faded)  # stale: named again since
                continue
            if k in exclude:
                skipped.append(heapq.heappop(self._faded))
                continue
            found = k
            break
        for item in skipped:
            heapq.heappush(self._faded, item)
        return found


def resolve_pronouns(mentions: list[Mention], sentences: list[Sentence], in_quote, demoted=lambda m: False,
                     topics: dict[int, str] | None = None) -> list[Mention]:
    """Mentions with pronouns replaced by the entity they stand for (unresolved ones dropped).
    `in_quote(pos)` tells whether a position lies inside a quotation; `demoted(m)` whether a
    name stands after a preposition ("led by X", 从X), which makes it a weak antecedent.
    `topics`, if given, is filled with the most salient organisation at the start of each
    sentence (by index), for clauses that name no subject."""
    out: list[Mention] = []
    topic: Mention | None = None
    sentence_topic: Mention | None = None
    s_index = 0
    paragraph = -1
    paragraph_orgs: set[str] = set()
    salience = Salience()
    sentence_orgs: list[Mention] = []
    last_product: Mention | None = None
    for m in [*mentions, None]:
        while s_index < len(sentences) and (m is None or sentences[s_index].end <= m.start):
            s_index += 1
            if sentence_topic is not None:
                topic = sentence_topic
            sentence_topic = None
            sentence_orgs = []
            salience.decay()
            if topics is not None:
                best = salience.best()
                if best is not None:
                    topics[s_index] = best
        if m is None:
            break
        if s_index < len(sentences) and sentences[s_index].paragraph != paragraph:
            paragraph = sentences[s_index].paragraph
            paragraph_orgs = set()
        if m.pronoun:
            target: Mention | str | None
            if m.type == "product":
                target = last_product  # "the game", 该游戏: the product named last
            elif m.type == "person":
                target = sentence_topic or topic
            elif m.bare:
                # 公司 alone: the paragraph's one organisation; with none named in the paragraph,
                # the one the article is about; with several, no one
                target = sentence_orgs[-1] if len(paragraph_orgs) == 1 and sentence_orgs else (
                    next(iter(paragraph_orgs)) if len(paragraph_orgs) == 1 else
                    salience.best() if not paragraph_orgs else None)
            elif sentence_orgs:
                target = sentence_orgs[-1]
            else:
                target = salience.best()
            if isinstance(target, str):
                out.append(Mention(m.start, m.end, target, m.type, pronoun=True))
                salience.note(target, OTHER_WEIGHT, m.start)
            elif target is not None and m.start - target.end < PRONOUN_REACH:
                out.append(Mention(m.start, m.end, target.entity, m.type, pronoun=True))
                if m.type == "org":
                    salience.note(target.entity, OTHER_WEIGHT, m.start)
            continue
        if m.type == "product":
            last_product = m
        if m.type == "person" and sentence_topic is None and not in_quote(m.start):
            sentence_topic = m
        if m.type == "org":
            if demoted(m):
                salience.note(m.entity, DEMOTED_WEIGHT, m.start)
            else:
                salience.note(m.entity, OTHER_WEIGHT if sentence_orgs else TOPIC_WEIGHT, m.start)
                sentence_orgs.append(m)
            paragraph_orgs.add(m.entity)
        out.append(m)
    return out
