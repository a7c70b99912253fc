"""The extractor's words, compiled once from verifier/data/predicates.toml.

English verbs are given as lemmas and inflected here (resign -> resigns, resigned, resigning;
step down -> stepped down), nouns get their plural; Chinese words are folded to Simplified.
Each surface form maps to every (predicate, role) it can express: 上市 is a product's launch
and a company's listing, and the subject found decides which.
"""

from __future__ import annotations

import dataclasses

import re
from dataclasses import dataclass, field
from functools import lru_cache

from verifier.lang import alternation, gated_alternation, read_data_file, starts_gate
from verifier.text.fold import fold
from verifier.tables import table

_VOWELS = "aeiou"


@dataclass(frozen=True)
class Predicate:
    id: str
    label: str
    kinds: tuple[str, ...]
    types: tuple[str, ...]
    event: str
    until_dates: bool = False
    start_of: tuple[str, ...] = ()
    count_units: frozenset[str] = frozenset()
    recurring: bool = False
    changes: bool = False  # a state that changes over time (valuation, stake)
    moves: bool = False  # a price that moves by the minute: two values are two moments
    lead_topic: bool = False  # told in a lead that names no one (a fire's dead): of the company named after it
    toll: bool = False  # a count that rises as news comes in (a death toll): a later article's higher one is an update
    count_not_units: frozenset[str] = frozenset()  # what a count of it never counts (a recall's reports)
    change_of: bool = False  # takes a percentage of change (a rise, or a fall as a negative value)
    accumulates: bool = False  # summed over a period: two periods' figures are two figures
    role_bound: bool = False  # of the post the text speaks of: not in a clause about another role (as an adviser)
    per_share: bool = False  # takes a price per share ("$68 per share", 每股68美元); no other predicate does
    effective_later: bool = False  # announced on one day, in effect on a later one: a past date and a later planned one are both right
    sessions: bool = False  # a share's move: of the trading session its sentence names (or of an unstated one)
    count_reach: int = 0  # characters from its word to the count it takes, when more than the default
    told_when_said: bool = False  # an announcement: "X said on Monday that Y had resigned" dates it Monday
    measures: bool = False  # of a measure (net, adjusted, operating…): figures of two measures are two figures
    by_place: bool = False  # a figure of a place (东南亚团队裁员800人) is a part, not the whole
    by_object: bool = False  # of the organisation named as its object: joining X and joining Y are two events
    sorts: str = ""  # the [scope] tables of its sorts, space-separated (a final, interim or special dividend): two sorts are two figures
    unsorted_any: bool = False  # a figure of no stated sort is compared with one of any sort
    unsorted_sort: str = ""  # the sort a figure that states none is taken to be (a valuation: post-money)
    planned_as: str = ""  # the predicate a date of it told as to come or in effect from is (a departure's: last_day)
    no_totals: bool = False  # a figure its clause calls a total is not one
    max_amount: float | None = None  # no amount of money it takes is this large (a price per share in billions is a deal's size)


@dataclass(frozen=True)
class Sense:
    """One thing a trigger word can say: a predicate and the role of its subject."""

    predicate: Predicate
    role: str
    inherit_from: str | None = None
    noun: bool = False
    verb: bool = True  # the word is also its verb ("exit", "release"); a noun alone ("cost") is not
    min_days: float = 0  # durations shorter than this are not what the word claims
    object_only: bool = False  # a patient that is never the clause's subject (what is bought)
    objects: frozenset[str] = frozenset()  # words one of which must follow the trigger (cut … jobs)
    not_objects: frozenset[str] = frozenset()  # words after which it says something else (invest … in a plant)
    not_after_words: frozenset[str] = frozenset()  # a word right before it that makes it say something else
    after_words: frozenset[str] = frozenset()  # the word right before it must be one of these (or a name, or a comma)
    shields: bool = True  # between a value and another event word, it keeps the value from that word
    not_followed_by: tuple[str, ...] = ()  # text right after it that makes it a period's start, no event told (上市首周)
    per_share_only: bool = False  # takes only a price per share (以每股52美元收购: not the deal's total)
    object_words: int | None = None  # how many words after it its objects are sought in (None: the default)
    holder_from: str | None = None  # a holder unnamed in its clause is the doer of this predicate's event told before
    preceded_by: frozenset[str] = frozenset()  # words one of which must stand before it in its clause
    not_preceded_by: frozenset[str] = frozenset()  # words before it in its clause that make it say something else
    not_between: tuple[str, ...] = ()  # words between a value and it that make the value another's (38.2%赞成，遭否决)
    yields: bool = False  # a weaker word: when another event word follows it in its clause, values are that one's
    kinds: frozenset[str] = frozenset()  # the value kinds its words take, when fewer than the predicate's
    since_takes_effect: bool = False  # a date after since-words is when it takes effect (自3月1日起代理), no tenure's start
    no_earlier_clause: bool = False  # takes no value of a clause before its own (收市价6.5元; not 按每股8.6元计 told before it)


def inflect(lemma: str) -> list[str]:
    """The forms of an English verb lemma (first word inflected): leave is irregular and written
    out in the data; regular verbs get -s, -ed, -ing."""
    if "|" in lemma:
        return [w.strip() for w in lemma.split("|") if w.strip()]
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = [head]
    if head.endswith(("s", "sh", "ch", "x", "z")):
        forms.append(head + "es")
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        forms.append(head[:-1] + "ies")
    else:
        forms.append(head + "s")
    if head.endswith("e"):
        forms += [head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        forms += [head[:-1] + "ied", head + "ing"]
    elif (len(head) >= 3 and head[-1] not in _VOWELS + "wxy" and head[-2] in _VOWELS
          and head[-3] not in _VOWELS and len(head) <= 4):
        forms += [head + head[-1] + "ed", head + head[-1] + "ing"]  # stop -> stopped
    else:
        forms += [head + "ed", head + "ing"]
    return [f + tail for f in forms]


def pluralize(noun: str) -> list[str]:
    if noun.endswith(("s", "sh", "ch", "x")):
        return [noun, noun + "es"]
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in _VOWELS:
        return [noun, noun[:-1] + "ies"]
    return [noun, noun + "s"]


def _words(data: dict, key: str) -> list[str]:
    return [fold(w) for w in data.get(key, [])]


@dataclass
class Lexicon:
    predicates: dict[str, Predicate] = field(default_factory=dict)
    senses: dict[str, list[Sense]] = field(default_factory=dict)  # folded surface -> senses

    @classmethod
    def load(cls) -> "Lexicon":
        data = read_data_file("predicates.toml")
        lex = cls()
        zh_words: dict[str, None] = {}
        en_words: dict[str, None] = {}
        for pid, p in data["predicate"].items():
            pred = _predicate(pid, p)
            lex.predicates[pid] = pred
            # a predicate of change reads the words of what changes (revenue_change: revenue's)
            for group in p.get("trigger", []) if "triggers_of" not in p else data["predicate"][p["triggers_of"]]["trigger"]:
                role, source = group["role"], group.get("from")
                # what every word of the group says alike
                kw = dict(min_days=group.get("min_days", 0), object_only=group.get("object_only", False),
                          holder_from=group.get("holder_from"),
                          objects=frozenset(fold(w).lower() for w in group.get("objects", ())),
                          not_objects=frozenset(fold(w).lower() for w in group.get("not_objects", ())),
                          object_words=group.get("object_words"),
                          not_after_words=frozenset(w.lower() for w in group.get("not_after_words", ())),
                          after_words=frozenset(w.lower() for w in group.get("after_words", ())),
                          per_share_only=group.get("per_share_only", False),
                          not_followed_by=tuple(fold(w).lower() for w in group.get("not_followed_by", ())),
                          shields=group.get("shields", True),
                          preceded_by=frozenset(fold(w).lower() for w in group.get("preceded_by", ())),
                          not_preceded_by=frozenset(fold(w).lower() for w in group.get("not_preceded_by", ())),
                          not_between=tuple(fold(w).lower() for w in group.get("not_between", ())),
                          yields=group.get("yields", False), kinds=frozenset(group.get("kinds", ())),
                          since_takes_effect=group.get("since_takes_effect", False),
                          no_earlier_clause=group.get("no_earlier_clause", False))
                for w in _words(group, "zh"):
                    lex._add(w, Sense(pred, role, source, **kw), zh_words)
                for lemma in group.get("en", []):
                    for form in inflect(lemma.lower()):
                        lex._add(form, Sense(pred, role, source, **kw), en_words)
                for noun in group.get("en_nouns", []):
                    for form in pluralize(noun.lower()):
                        lex._add(form, Sense(pred, role, source, noun=True, verb=False, **kw), en_words)
                for exact in group.get("en_exact", []):
                    lex._add(exact.lower(), Sense(pred, role, source, **kw), en_words)
        not_triggers = data["not_triggers"]
        for w in _words(not_triggers, "zh"):
            lex.senses[w] = []
            zh_words[w] = None
        for w in not_triggers["en"]:
            lex.senses[w.lower()] = []
            en_words[w.lower()] = None
        lex.trigger_words = [*zh_words, *en_words]
        # a Chinese word with Latin letters in it (A轮, Pre-IPO轮) is found in either case
        cased = [w for w in zh_words if not re.search("[A-Za-z]", w)]
        uncased = [w for w in zh_words if re.search("[A-Za-z]", w)]
        lex.trigger_re = re.compile(starts_gate(lex.trigger_words) + "(?:" + "|".join(x for x in (
            gated_alternation(cased) if cased else "",
            f"(?i:{gated_alternation(uncased)})" if uncased else "",
            rf"(?i:(?<![A-Za-z\-]){gated_alternation(en_words)}(?![A-Za-z\-]))" if en_words else "",
        ) if x) + ")")
        lex._load_rest(data)
        # predicate -> the predicate whose start it is ("has led since 2019": a joining)
        lex.start_of_targets = {s: p.id for p in lex.predicates.values() for s in p.start_of}
        return lex

    def _add(self, surface: str, sense: Sense, table: dict) -> None:
        table[surface] = None
        senses = self.senses.setdefault(surface, [])
        for i, s in enumerate(senses):
            if (s.predicate.id, s.role) == (sense.predicate.id, sense.role):
                if sense.noun != s.noun:  # "exit" is a verb and a noun
                    senses[i] = dataclasses.replace(s, noun=True, verb=True)
                return
        senses.append(sense)

    def _load_rest(self, data: dict) -> None:
        link = data["linking"]
        self.max_distance = link["max_distance"]
        self.max_date_distance = link["max_date_distance"]
        self.future_re = _word_re(link["future"])
        self.aims_re = _word_re(link["aims"])
        self.forecasts_re = _word_re(link["forecasts"])
        self.estimate_after_figure_re = re.compile(
            rf"\s*(?:[a-z’'\-]+\s+){{0,2}}?(?i:{gated_alternation(_fold_all(link['estimate_after']))})(?![a-z])")
        self.possible_re = _word_re(link["possible"])
        self.past_re = _word_re(link["past"])
        self.past_after = tuple(_fold_all(link["past_after"]))
        self.past_endings = tuple(link["past_endings"])
        self.past_forms = frozenset(link["past_forms"])
        self.clause_cost = link["clause_cost"]
        self.wrong_side_cost = link["wrong_side_cost"]
        self.shield_cost = link["shield_cost"]
        self.bridge_cost = link["bridge_cost"]
        self.bridge_blocker_re = _word_re(link["bridge_blockers"])
        self.zh_date_after_re = _suffix_re(link["zh_date_after"])
        self.until_re = _suffix_re(link["until"])
        self.window_re = _suffix_re(link["window"])
        self.name_joiners_re = re.compile(alternation(_name_joiners()))
        self.change_rise_re = _suffix_re(link["change_rises"])
        self.share_before_up_re = re.compile(rf"(?i:\b(?:{alternation(link['share_before_up'])})\s+$)")
        self.quarter_on_quarter_re = _word_re(link["quarter_on_quarter"])
        self.month_on_month_re = _word_re(link["month_on_month"])
        self.change_fall_re = _suffix_re(link["change_falls"])
        self.change_by_rise_re = _word_re(link["change_by_rises"])
        self.change_after_compared_re = re.compile(rf"(?i:\s*(?:{gated_alternation(_fold_all(link['change_after_compared']))}))(?![A-Za-z])")
        self.change_after_rise_re = re.compile(rf"(?i:\s*(?:{gated_alternation(_fold_all(link['change_after_rises']))}))(?![A-Za-z])")
        self.change_after_fall_re = re.compile(rf"(?i:\s*(?:{gated_alternation(_fold_all(link['change_after_falls']))}))(?![A-Za-z])")
        self.sessions = {fold(k).lower(): v for k, v in link["trading_sessions"].items()}
        self.session_re = _word_re(list(link["trading_sessions"]))
        self.forecast_before_re = _suffix_re(link["forecast_before"])
        self.forecast_after_re = re.compile(rf"(?i:\s*(?:{gated_alternation(_fold_all(link['forecast_after']))}))")
        self.other_role_re = _word_re(link["other_role"])
        self.counterfactual_re = _word_re(link["counterfactual"])
        self.superlative_re = _word_re(link["superlatives"])
        self.hold_verb_re = _word_re(link["hold_verbs"])
        self.results_before_re = _suffix_re(link["results_before"])
        self.results_after_re = re.compile(rf"\s*的?\s*(?i:{gated_alternation(_fold_all(link['results_after']))})")
        # the made word, then up to two small words ("built between", "made in the"), at the date
        self.made_before_re = re.compile(rf"(?i:(?<![A-Za-z]){gated_alternation(_fold_all(link['made_before']))})"
                                         rf"(?:\s+(?:in|between|from|before|after|since|during|the))*\s*$")
        self.made_after_re = re.compile(rf"\s*(?:{gated_alternation(_fold_all(link['made_after']))})")
        self.price_date_after_re = re.compile(rf"(?i:\s*{gated_alternation(_fold_all(link['price_date_after']))})(?![A-Za-z])")
        self.price_date_before_re = _suffix_re(link["price_date_before"])
        self.per_share_before_re = _suffix_re(link["per_share_before"])
        self.per_share_words = frozenset(w.lower() for w in link["per_share_after"])
        self.reason_words = frozenset(w.lower() for w in link["reason_before"])
        self.and_then_re = re.compile(rf"\s*,?\s*(?i:{gated_alternation(link['and_then'])})\s")
        self.per_share_after_re = re.compile(rf"(?i:\s*{gated_alternation(_fold_all(link['per_share_after']))})(?![A-Za-z])")
        self.until_start_re = re.compile(rf"(?i:{gated_alternation(_fold_all(link['until']))})\s")
        self.effective_re = _suffix_re(link["effective"])
        self.effective_after_re = re.compile(rf"\s*(?:起)?(?:{gated_alternation(_fold_all(link['effective']))})")
        self.since_re = _suffix_re(link["since"])
        self.since_start_re = re.compile(rf"(?i:{gated_alternation(_fold_all(link['since']))})\s")  # a value "since 2019"
        self.since_after_re = re.compile(rf"\s*{gated_alternation(_fold_all(link['since_after']))}")
        self.bridge_re = re.compile(rf"(?i:(?<![A-Za-z]){gated_alternation(_fold_all(link['bridges']))}(?![A-Za-z]))")
        self.negation_re = _suffix_re(link["negation"])
        self.series_re = _suffix_re(link["series"])
        self.series_word_re = _word_re(link["series"])
        self.background_role_re = re.compile(rf"\s+(?:{alternation(link['background_roles'])})\b")
        # a post of the company's right before a person (奥瑞网半导体前总裁雷克, "Orrinet CEO Dovan Reyk")
        names = read_data_file("entities.toml")["names"]
        posts = sorted({fold(w).lower() for w in [*names["titles"], *names["role_titles"]] if w}, key=len, reverse=True)
        self.post_of_re = re.compile(rf"(?:'s|’s)?\s*(?:former\s+|ex-|前|原)?(?:{alternation(posts)})\s*(?:兼\S{{0,6}}?)?")
        self.investor_part_re = re.compile(rf"(?i:\s*(?:{alternation(_fold_all(link['investor_part']))}))")
        # "the second senior executive to leave": one of a series, a few words and "to" before the event
        self.series_to_re = re.compile(rf"(?i:\b(?:{alternation(w for w in link['series'] if w.isascii())})"
                                       rf"\s+(?:[a-z-]+\s+){{1,3}}to\s*$)")
        self.hedge_re = _word_re(link["hedges"])
        self.preposition_re = _suffix_re(link["prepositions"])
        self.not_preposition_re = _suffix_re(link["not_prepositions"])
        self.zh_next_verb_re = re.compile(rf"[，,]\s*(?:{gated_alternation(_fold_all(link['next_verb_zh']))})")
        self.aside_before_re = re.compile(rf"(?:{gated_alternation(_fold_all(link['aside_open']))})[^，。；,;]{{0,6}}$")
        self.aside_after_re = re.compile(rf"[^，。；,;]{{0,4}}?(?:{gated_alternation(_fold_all(link['aside_close']))})")
        self.same_period_re = re.compile(rf"\s*的?(?:{gated_alternation(_fold_all(link['same_period_after']))})")
        self.place_part_re = re.compile(rf"(?:{gated_alternation(_fold_all(link['place_part']))})*")
        self.local_part_re = _word_re(link["local_part"])
        self.past_period_re = re.compile(rf"(?i:(?:{alternation(_fold_all(link['past_period_before']))})\s*(?:的\s*)?$)")
        # a clause's opening words (after the sentence's start or a comma, a semicolon ends the list)
        self.part_list_open_re = re.compile(rf"(?i:(?:^|[，,、:：])\s*(?:{alternation(_fold_all(link['part_list_open']))})(?![a-z]))")
        self.rate_per_re = re.compile(rf"(?i:(?:{alternation(link['rate_per'])})\s)")
        self.people_counts = frozenset(fold(w).lower() for w in link["people_counts"])
        self.clause_opening_re = re.compile(rf"[\s,;:—-]*(?:(?:{alternation(link['clause_openers'])})\s+)?")
        self.where_after_re = re.compile(rf"\s*,?\s*(?:{alternation(link['place_where'])})\b")
        self.part_of_after_re = re.compile(rf"(?i:\s*(?:{alternation(_fold_all(link['part_of_after']))})\b)")
        self.part_list_end_re = re.compile(rf"(?i:(?:[；;。]|[，,]\s*(?:{alternation(_fold_all(link['part_list_end']))})))")
        self.duration_of_before_re = _suffix_re(link["duration_of_before"])
        self.approx_before_re = re.compile(rf"(?i:(?<![a-z]){gated_alternation(_fold_all(link['approx_before']))})\s*$")
        self.about_between_re = re.compile(rf"\s*(?:{gated_alternation(_fold_all(link['about_between']))})?\s*")
        self.where_word_re = _word_re(link["where_words"])
        self.passive_re = _suffix_re(link["passive"])
        # 被 or 遭 marking a passive (not 被迫, "forced to")
        self.zh_passive_re = re.compile(rf"(?!{'|'.join(map(re.escape, _fold_all(link['not_passive'])))})[被遭]")
        self.agent_marker_re = _suffix_re(link["agent_markers"])
        self.source_marker_re = _suffix_re(link["source_markers"])
        self.respectively_re = _word_re(link["respectively"])
        self.contrast_topic_re = re.compile(rf"[\s，,；;]*[\u4e00-\u9fff]{{2,8}}?(?:{gated_alternation(_fold_all(link['contrast_topic']))})")
        self.recipient_marker_re = _suffix_re(link["recipient_markers"])
        places = read_data_file("entities.toml")["names"]["cjk_places"]
        self.place_tail_re = re.compile(rf"(?:{gated_alternation(_fold_all(places))})+$")
        self.object_verb_re = _suffix_re(link["object_verbs"])
        self.generic_word_re = re.compile(rf"(?i:(?<![A-Za-z]){gated_alternation(_fold_all(link['generic']))}(?![A-Za-z]))")
        self.generic_re = re.compile(
            rf"{self.generic_word_re.pattern}|[\u4e00-\u9fff]{{0,6}}(?:{gated_alternation(_fold_all(link['generic_suffix']))})")
        # an event noun of a field, not of someone: "funding for the sector", "investment in AI startups"
        self.generic_after_re = re.compile(
            rf"\s*(?:for|of|in|into|across|among)\s+(?:the\s+|an?\s+)?(?:[a-z][a-z\-]*\s+){{0,2}}?"
            rf"(?:{gated_alternation(w.lower() for w in _fold_all(link['generic']) if w.isascii())})(?![a-z])"
        )
        # who a figure comes from, a descriptor or two between: "according to data provider PitchLedger"
        self.pay_verb_re = _word_re(link["pay_verbs"])
        self.approve_re = _word_re(link["approve_words"])
        self.source_attribution_re = re.compile(
            rf"(?<![a-z])(?:{gated_alternation(w.lower() for w in link['source_attribution'])})\s+(?:[a-z][a-z\-]*\s+){{0,3}}$"
        )
        ana = data["anaphora"]
        self.anaphora = {}
        for kind in ("same_day", "same_month", "same_year", "next_day"):
            for w in ana[kind]:
                self.anaphora[fold(w).lower()] = kind
        self.anaphora_re = re.compile(rf"(?i:(?<![A-Za-z]){gated_alternation(self.anaphora)}(?![A-Za-z]))")
        self.later_re = re.compile(rf"\s*(?i:{gated_alternation(_fold_all(ana['later']))})")
        self.earlier_re = re.compile(rf"\s*(?i:{gated_alternation(_fold_all(ana['earlier']))})")
        scope = data["scope"]
        self.scope_then_re = _word_re(scope["then"])
        # between a count's word and its figure: "the death toll rose to 22", "has climbed to"
        self.reached_re = re.compile(rf"\s+(?:(?:has|had|have)\s+)?(?:{gated_alternation(link['reached'])})\s+")
        self.when_clause_re = re.compile(rf"[\s,]*(?:{_word_re(scope['when_clause']).pattern})")
        self.comparison_re = _word_re(scope["comparison"])
        # (a Chinese word may run straight into a Latin name: 落后于Brightlake的21%)
        others = scope["others_figure_before"]
        self.others_figure_re = re.compile(
            rf"(?i:\b(?:{alternation(w for w in others if w.isascii())})\b|{alternation(_fold_all(w for w in others if not w.isascii()))})")
        self.other_things_re = _word_re(scope["other_things"])
        self.components_re = _word_re(scope["components"])
        self.year_earlier_re = _word_re(scope["year_earlier"])
        self.rival_re = _word_re(scope["rival_words"])
        est = scope["estimated_by"]
        self.estimate_before_re = re.compile(rf"(?i:{gated_alternation(_fold_all(est['before']))})"
                                             rf"(?:\s*(?:[a-z][a-z\-]*\s+){{0,2}}|[^，。,;；a-z0-9]{{0,8}})$")
        self.estimate_after_re = re.compile(rf"\s*(?:[（(][^）)]{{0,30}}[）)])?[^，。,;；]{{0,4}}?(?i:{gated_alternation(_fold_all(est['after']))})")
        self.profit_measures = [(name, _word_re(words)) for name, words in scope["profit_measures"].items()]
        self.sort_after_re = _word_re(scope["sort_after"])
        self.part_of_whole_re = _word_re(scope["part_of_whole"])
        self.place_not_before = tuple(fold(w) for w in scope["place_not_before"])
        self.venue_re = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{gated_alternation(_fold_all(scope['venues']))})")
        self.sorts = {table: re.compile("|".join(f"(?P<{name.replace('-', '_')}>{_word_re(words).pattern})"
                                                   for name, words in scope[table].items()))
                      for table in {t for p in data["predicate"].values() for t in p.get("sorts", "").split()}}
        self.cumulative_re = _word_re(scope["cumulative"])
        self.compared_with_re = re.compile(
            rf"[\s,，]*(?:(?i:{gated_alternation(_fold_all(scope['compared_with']))})\s*"
            rf"|(?:{gated_alternation(_fold_all(scope['compared_with_zh']))})[^，。；,;]{{0,16}})$")
        self.scope_before_re = _word_re(scope["before_event"])
        self.scope_after_re = _word_re(scope["after_event"])
        self.diluted_re = _word_re(scope["diluted"])
        self.scope_combined_re = _word_re(scope["combined"])
        self.scope_now_re = _word_re(scope["now"])
        self.this_time_re = _word_re(scope["this_time"])
        self.round_anaphora_re = _word_re(scope["round_anaphora"])
        self.after_event_re = re.compile(scope["after_event_re"], re.IGNORECASE)
        self.before_event_re = re.compile(scope["before_event_re"], re.IGNORECASE)
        self.dated_by = set(scope["dated_by"])
        self.accumulating = {pid for pid, p in data["predicate"].items() if p.get("accumulates")}
        self.round_aliases = {fold(k).lower(): v for k, v in scope["round_aliases"].items()}
        self.round_re = re.compile(
            rf"(?i:(?<![A-Za-z]){gated_alternation([w.lower() for w in scope['round_en']])}(?![A-Za-z]))"
            rf"|(?i:{gated_alternation(_fold_all(scope['round_zh']))})"
        )
        # groups (counts)
        self.count_families: dict[str, dict] = {}
        self.count_noun: dict[str, str] = {}
        for family, c in data["counts"].items():
            self.count_families[family] = c
            for w in c.get("zh", []):
                self.count_noun[fold(w)] = family
            for w in c.get("en", []):
                self.count_noun[w.lower()] = family
        zh_nouns = [w for w in self.count_noun if not w.isascii()]
        en_nouns = [w for w in self.count_noun if w.isascii()]
        self.count_noun_re = re.compile(
            starts_gate(self.count_noun)
            + f"(?:{gated_alternation(zh_nouns)}|" + rf"(?i:(?<![A-Za-z\-]){gated_alternation(en_nouns)}(?![A-Za-z\-])))")
        self.people_nouns = frozenset(w.lower() for w in data["groups"]["people_nouns"])
        self.employ_re = re.compile(rf"(?i:(?<![A-Za-z]){gated_alternation(w.lower() for w in data['counts']['employees'].get('verbs', []))})\s+(?:about|around|roughly|some|nearly|almost|more than|over|approximately|an estimated)?\s*$")
        g = data["groups"]
        self.groups = g
        self.noun_count_verb_re = re.compile(rf"\s*(?i:{gated_alternation(g['noun_then_count_en'])})\b")
        self.group_fractions = {fold(k).lower(): v for k, v in g["fractions"].items()}
        q = data["quotes"]
        self.speech_re = re.compile(rf"(?i:(?<![A-Za-z]){gated_alternation(_fold_all(q['speech_verbs']))}(?![A-Za-z]))")
        self.quote_min = q["min_chars"]
        self.not_speakers_after_verb = frozenset(w.lower() for w in q["not_speakers_after_verb"])
        self.verb_before = q["verb_before"]
        self.verb_after = q["verb_after"]
        self.anonymous_re = re.compile(rf"\s*(?i:{gated_alternation(_fold_all(q['anonymous']))})(?![A-Za-z])")
        self.spokesperson_re = re.compile(rf"[\s'’s]*(?i:{gated_alternation(_fold_all(q['spokesperson']))})(?![A-Za-z])")
        from verifier.lang import lang

        en_clauses = lang("en")["clauses"]
        self.name_modifier_re = _suffix_re(en_clauses["name_modifier_before"])
        self.coordinator_re = _word_re(en_clauses["coordinators"])
        # a name a comma and a clause describing it follow (", a Hsinchu supplier that…", ", which…")
        self.described_after_re = re.compile(
            rf"\s*,\s*(?i:{gated_alternation([*en_clauses['relative'], *en_clauses['appositive_starts']])})\b")
        zh_date, en_date = lang("zh")["date"], lang("en")["date"]
        self.date_hint_re = re.compile(
            starts_gate([*zh_date["weekday_prefix"], *en_date["weekdays"], "2", "3", "二", "三"]) + "(?:"
            + gated_alternation(zh_date["weekday_prefix"]) + gated_alternation(zh_date["weekday_names"])
            + rf"|(?i:\b{gated_alternation(en_date['weekdays'])}\b)"
            + rf"|(?:2[89]|3[0-9]|[二三]十[一二三四五六七八九]?)\s*{gated_alternation(zh_date['day'])}"
            + rf"|(?i:\b(?:2[89]|3[01])(?:st|nd|rd|th)?\b))"
        )
        # where values are worth reading: a trigger or a counted noun
        employ_verbs = [w.lower() for w in data["counts"]["employees"].get("verbs", [])]
        self.claim_hint_re = re.compile(starts_gate([*self.trigger_words, *self.count_noun, *employ_verbs])
                                        + f"(?:{self.trigger_re.pattern}|{self.count_noun_re.pattern}|(?i:{gated_alternation(employ_verbs)}))")

    def senses_of(self, surface: str) -> list[Sense]:
        return self.senses.get(surface.lower(), [])

    def may_be_impossible_date(self, folded: str, start: int, end: int) -> bool:
        """Whether a stretch may hold a date that cannot be: a weekday, or a day past the 27th."""
        return self.date_hint_re.search(folded, start, end) is not None

    def claim_kinds(self, folded: str, start: int, end: int) -> tuple[str, ...] | None:
        """The kinds of value a claim may take in this stretch, from the event words and group
        nouns in it (None: no claim can come from it). Numbers come along with amounts and
        counts: 100亿投资 and 销量破300万 become them by context."""
        kinds: set[str] = set()
        for m in self.claim_hint_re.finditer(folded, start, end):
            word = m.group(0).lower()
            senses = self.senses.get(word)
            if senses is None or word in self.count_noun:
                kinds.update(("count", "number"))  # a group's noun (联合创始人) or an employ verb
            for sense in senses or ():
                kinds.update(sense.predicate.kinds)
        if not kinds:
            return None
        if kinds & {"money", "count"}:
            kinds.add("number")
        kinds.update(("date", "duration"))  # dates that cannot be; 两天后 (a duration, then 后) points back
        return tuple(sorted(kinds))

    def may_claim(self, folded: str, start: int, end: int) -> bool:
        """Whether a claim can come from this stretch: it holds a trigger or a counted noun."""
        return self.claim_hint_re.search(folded, start, end) is not None


def _fold_all(words) -> list[str]:
    return [fold(w).lower() if w.isascii() else fold(w) for w in words]


def _name_joiners() -> list[str]:
    """Words that join two Chinese names into one noun phrase (titles, descriptors, particles),
    longest first: 公司首席执行官, 旗下, 的."""
    names = read_data_file("entities.toml")["names"]
    words = [*names["titles"], *names["org_descriptors"], *names["org_name_after"], *"的之、和与及兼暨"]
    return sorted({fold(w) for w in words if w}, key=len, reverse=True)


def _suffix_re(words) -> re.Pattern[str]:
    """Matches when the text before a position ends with one of the words."""
    return re.compile(rf"(?i:(?<![A-Za-z]){gated_alternation(_fold_all(words))})\s*$")


def _word_re(words) -> re.Pattern[str]:
    return re.compile(rf"(?i:(?<![A-Za-z]){gated_alternation(_fold_all(words))}(?![A-Za-z]))")


@table("extract")
def lexicon() -> Lexicon:
    return Lexicon.load()


def _predicate(pid: str, p: dict) -> Predicate:
    """A predicate from its [predicate.ID] table in predicates.toml (fields documented there)."""
    def folded(field: str) -> frozenset[str]:
        return frozenset(fold(u).lower() for u in p.get(field, ()))

    return Predicate(pid, p["label"], tuple(p["kinds"]), tuple(p["subject_types"]), p.get("event", pid),
                     until_dates=p.get("until_dates", False), start_of=tuple(p.get("start_of", ())),
                     count_units=folded("count_units"), recurring=p.get("recurring", False),
                     changes=p.get("changes", False), moves=p.get("moves", False), toll=p.get("toll", False), lead_topic=p.get("lead_topic", False),
                     count_not_units=folded("count_not_units"), change_of=p.get("change_of", False),
                     accumulates=p.get("accumulates", False), role_bound=p.get("role_bound", False),
                     per_share=p.get("per_share", False), effective_later=p.get("effective_later", False),
                     sessions=p.get("sessions", False), count_reach=p.get("count_reach", 0),
                     max_amount=p.get("max_amount"), told_when_said=p.get("told_when_said", False),
                     measures=p.get("measures", False), sorts=p.get("sorts", ""), unsorted_any=p.get("unsorted_any", False), unsorted_sort=p.get("unsorted_sort", ""), planned_as=p.get("planned_as", ""), no_totals=p.get("no_totals", False), by_place=p.get("by_place", False), by_object=p.get("by_object", False))


@lru_cache(maxsize=1)
def predicates() -> dict[str, Predicate]:
    """The predicates by id, without the trigger words (what the rules need: a check that
    extracts nothing does not compile the extractor's patterns)."""
    if lexicon.cache_info().currsize:  # made already: the same table
        return lexicon().predicates
    return {pid: _predicate(pid, p) for pid, p in read_data_file("predicates.toml")["predicate"].items()}
