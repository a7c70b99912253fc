"""What an article is about as it goes: pronouns and definite descriptions, the topic of each
sentence, and the dates later sentences point back to (同月, the same day, 两天后).

Pronouns (他/她/he/she) stand for the topic of their sentence (the first person named in it,
outside quotes) if named before them, else the topic of the nearest sentence before.
Descriptions of an organisation (该公司, "the company", "the startup", its) stand for the last
organisation named earlier in the same sentence, else the most salient one: organisations
named recently, and as a sentence's first organisation, weigh more. A bare 公司 is resolved
only when its paragraph names a single organisation (names after a preposition, 由X领投, not
counted).
"""

from __future__ import annotations

import bisect
import heapq
import re

from verifier.claims.entities import Mention
from verifier.lang import alternation, starts_gate
from verifier.text.segment import Sentence
from verifier.tables import table

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


ROLE_NAME_GAP = 2  # characters between a title and the name it introduces (总裁卡莉丝, "CEO Jane Doe")
ROLE_APPOSITION = 60  # characters from a name to its title after it ("Jane Doe, who was fired as president")
ROLE_NAME_NEAR = 12  # characters: a title a name follows this closely describes that name (临时CEO的首席技术官X)
POST_REACH = 12  # characters: a post marker this close before a title makes the title a post (担任了一天临时CEO)


@table("extract")
def _role_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    from verifier.claims.entities import _data

    d = _data()

    def words(items) -> str:
        latin = [t.lower() for t in items if t.isascii()]
        cjk = [t for t in items if not t.isascii()]
        return rf"(?<![A-Za-z\-]){alternation(latin)}(?![A-Za-z\-])|{alternation(cjk)}"

    # the titles behind a lookahead on their first characters: the regex runs over whole articles
    titles = words(d["role_titles"])
    return re.compile(f"{starts_gate(d['role_titles'])}(?:{titles})"), re.compile(rf"(?:{words(d['role_post_markers'])})[^,，;；:：。.!?！？]*$")


def role_mentions(folded: str, mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """`mentions` with the titles that stand for a person added: a title no name follows or
    precedes ("Fired Quillfen president sues…", 解雇总裁) is the one person the article names with
    that title elsewhere (总裁卡莉丝·彭德福德, "Carys Pendleford, who was fired as president"). A
    title that two people bear, or nobody, stands for no one."""
    people = [m for m in mentions if m.type == "person" and not m.pronoun and m.entity]
    if not people:
        return mentions
    lower = folded.lower()
    starts = [m.start for m in people]
    mention_starts = [m.start for m in mentions]  # in text order
    holders: dict[str, set[str]] = {}
    loose: list[tuple[int, int, str]] = []
    sentence_ends = [x.end for x in sentences]
    title_re, post_re = _role_res()
    from verifier.claims.lexicon import lexicon

    rival_re = lexicon().rival_re
    for t in title_re.finditer(lower):
        title = t.group(0)
        h = bisect.bisect_right(mention_starts, t.start()) - 1
        if h >= 0 and t.start() < mentions[h].end:
            continue  # inside a name
        i = bisect.bisect_left(starts, t.end())
        after = people[i] if i < len(people) and people[i].start - t.end() <= ROLE_NAME_GAP else None
        j = bisect.bisect_right(starts, t.start()) - 1
        before = people[j] if j >= 0 and t.start() - people[j].end <= ROLE_APPOSITION else None
        if before is not None:
            k = bisect.bisect_left(sentence_ends, before.end)
            if k < len(sentence_ends) and sentence_ends[k] < t.start():
                before = None  # another sentence
        named = after or before
        if named is not None:
            holders.setdefault(title, set()).add(named.entity)
        elif not (i < len(people) and people[i].start - t.end() <= ROLE_NAME_NEAR) and \
                not post_re.search(lower, max(0, t.start() - POST_REACH), t.start()) and \
                not rival_re.search(lower, _clause_start(lower, t.start()), t.start()):
            loose.append((t.start(), t.end(), title))  # (同业海滨货运的行政总裁: a rival's, no one named)
    added = [Mention(a, b, next(iter(holders[title])), "person") for a, b, title in loose
             if len(holders.get(title, ())) == 1]
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


_CLAUSE_OPEN = re.compile(r"[，,。；;：:!?！？\n]")


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding `pos` starts (after the last clause mark before it)."""
    m = None
    for m in _CLAUSE_OPEN.finditer(text, max(0, pos - 60), pos):
        pass
    return m.end() if m else max(0, pos - 60)


def _named_by_head(head: str, sentence_orgs: list[Mention], salience: Salience) -> str | None:
    """The organisation a description's noun names ("the bank": Pellham Bank, "the airline":
    Aurora Airlines): the sentence's last such one, else the most salient; None if no name has it."""
    word = re.compile(rf"\b{re.escape(head)}s?\b", re.IGNORECASE)
    for m in reversed(sentence_orgs):
        if word.search(m.entity):
            return m.entity
    alive = sorted(salience.alive, key=lambda k: (salience.weight[k], salience.last_seen[k]), reverse=True)
    return next((k for k in alive if word.search(k)), None)


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
            elif m.head and (named := _named_by_head(m.head, sentence_orgs, salience)):
                target = named  # "the bank": the organisation whose name says it is one
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
            if demoted(m):  # (由X领投, "led by X": no candidate for a bare 公司 either)
                salience.note(m.entity, DEMOTED_WEIGHT, m.start)
            else:
                salience.note(m.entity, OTHER_WEIGHT if sentence_orgs else TOPIC_WEIGHT, m.start)
                sentence_orgs.append(m)
                paragraph_orgs.add(m.entity)
        out.append(m)
    return out
