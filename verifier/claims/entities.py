"""Who a claim is about: entities, their names in every script, and their mentions in a text.

The index learns from three places, in this order of trust:
1. the registry (verifier/data/entities.toml, user-editable);
2. glosses in the corpus: 舒尔曼(JohnSchulman) makes 舒尔曼 a name of John Schulman everywhere,
   Carys Pendleford（卡莉丝·彭德福德） the other way round, 云境智算 (Yunjing Compute) an
   organisation's;
3. names found in the text: runs of capitalised Latin words ("Mrinank Sharma", "Harbor Freight
   Labs", "Ember Tide 2"), Chinese names after a title or before a speech verb (首席财务官林佩珊,
   刘鹏飞表示), Chinese organisations after a descriptor or with an organisation word
   (造车新势力驰远汽车, 坤衡集团), titles in 《》 (products), single Latin tokens (OpenAI).
Each article's lessons are learnt on their own (`learn_article`) and merged, so the corpus-wide
step is map -> merge. Then `finalize` merges spellings that are the same name (Zoë/Zoe, a typo
such as Sustkever), links a Chinese name to its romanisation (林佩珊 = Lin Peishan, 驰远汽车 =
Chiyuan Motors, 許文彥 = Hsu Wen-yen) and resolves a surname or given name alone (Sharma, 顾氏)
to the one person in the corpus with it. Names a user registered are never merged by spelling.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Iterable, Iterator

from rapidfuzz import fuzz, process

from verifier.lang import alternation, lang, read_data_file, starts_gate
from verifier.text.fold import fold
from verifier.tables import table

CJK = "\u3400-\u9fff"
# a capitalised word, a camel-case one, or letters and digits (Y2, H100: tried first, or "Y2"
# would end at its letter)
LATIN_TOKEN = r"(?:[A-Z][A-Za-z]*[0-9][A-Za-z0-9]*|[A-Z][A-Za-z'’]*|[a-z]+[A-Z][A-Za-z]*)(?:[-.][0-9A-Za-z]+)*"
FUZZY_NAME = 88  # rapidfuzz ratio above which two spellings are one name
MIN_TOKEN_SIGHTINGS = 2  # a single capitalised token is a name when seen this often inside sentences
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&.\-]*")
_LATIN_TOKEN_RE = re.compile(LATIN_TOKEN)
_CAMEL = re.compile(r"[a-z][A-Z]")
_POSSESSIVE = re.compile(r"['’]s?$")
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])")
_NUMBER_TOKEN = re.compile(r"[0-9][0-9.]*")
_CAMEL_OR_CAPITALS = re.compile(r"[a-z][A-Z]|^[A-Z]{2,}")
_PRODUCT_TOKEN = re.compile(r"^[A-Z][A-Za-z]{0,3}[0-9]{1,4}[A-Za-z]?$")  # Y2, M4, H100
_MONTH_ABBREVIATIONS = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
_MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"}  # ("Aug 6", "March 18": a day, no product)
ORIGIN_RANK = {"registry": 0, "gloss": 1, "text": 2}


@dataclass
class Entity:
    name: str
    type: str  # person, org, product
    origin: str  # registry, gloss, text
    aliases: set[str] = field(default_factory=set)  # match keys
    count: int = 0


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str
    type: str
    pronoun: bool = False
    bare: bool = False  # 公司 alone: resolved only when the paragraph names one organisation
    head: str = ""  # a description's noun ("the bank"): an organisation whose name has it is preferred


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Match key of a name: folded script, no accents, case and spacing ignored."""
    return " ".join((name if name.isascii() else fold(name)).split()).casefold()  # ASCII folds to itself


@lru_cache(maxsize=65536)
def split_camel(name: str) -> str:
    """JohnSchulman -> John Schulman (glosses in Chinese text often drop the space)."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).strip()


@table("prepare")
def _entities_file() -> dict:
    return read_data_file("entities.toml")


@table("prepare")
def _data() -> dict:
    data = _entities_file()
    names = data["names"]
    en_not_names = lang("en")["sentence"]["not_names"]
    f = lambda words: [fold(w) for w in words]  # noqa: E731
    return {
        "registry": data.get("entity", []),
        "translit": set(fold(names["transliteration"])),
        "surnames": set(fold(names["surnames"])),
        "compound_surnames": f(names["compound_surnames"]),
        "speech": f(names["speech_verbs"]),
        "titles": f(names["titles"]),
        "title_not_before": tuple(f(names["title_not_before"])),
        "role_titles": f(names["role_titles"]),
        "role_post_markers": f(names["role_post_markers"]),
        "name_followers": f(names["name_followers"]),
        "not_in_names": set(fold(names["not_in_names"])),
        "surname_suffix": f(names["surname_suffix"]),
        "role_ends": set(fold(names["role_ends"])),
        "org_suffixes": f(names["org_suffixes"]),
        "org_suffixes_longest_first": sorted(f(names["org_suffixes"]), key=len, reverse=True),
        "org_descriptors": f(names["org_descriptors"]),
        "org_followers": f(names["org_followers"]),
        "org_stem_stop": f(names["org_stem_stop"]),
        "category_followers": f(names["category_followers"]),
        "org_name_openers": f(names["org_name_openers"]),
        "name_particles": names["name_particles"],
        "legal_suffixes": set(names["legal_suffixes"]),
        "group_suffixes": set(names["group_suffixes"]),
        "affiliate_ends": set(names["affiliate_ends"]),
        "not_org_glosses": {key(w) for w in names["not_org_glosses"]},
        "not_names": set(names["not_names"]) | set(en_not_names),
        "not_name_starts": set(names["not_name_starts"]),
        "place_words": names["place_words"],
        "not_investor_starts": set(fold(names["not_investor_starts"])),
        "firm_suffixes": tuple(fold(w) for w in names["firm_suffixes"]),
        "not_org_tails": {fold(w) for w in names["not_org_tails"]},
        "not_descriptor_ends": {fold(w) for w in names["not_descriptor_ends"]},
        "bare_org_words": {fold(w) for w in names["org_suffixes"] + names["org_descriptors"]},
        "org_suffix_words": {fold(k): set(v) for k, v in names["org_suffix_words"].items()},
        "not_names_but_surnames": set(names["not_names_but_surnames"]),
        "org_of_heads": set(names["org_of_heads"]),
        "org_word_short_forms": names["org_word_short_forms"],
        "org_words": set(names["org_words"]),
        "not_product_letters": set(names["not_product_letters"]),
        "model_suffixes": set(names["model_suffixes"]),
        "letter_classes": set(names["letter_classes"]),
        "places": {key(p) for p in names["places"]} | {key(p) for p in names["markets"] if p.isascii()} | _place_keys(),
        "pronouns": data["pronouns"],
        "org_name_after": f(names["org_name_after"]),
        "name_before_particles": fold(names["name_before_particles"]),
        "name_before_suffixes": fold(names["name_before_suffixes"]),
        "org_heads_before_name": {w.lower() for w in data["pronouns"]["org_heads"] + data["pronouns"]["org_heads_before_name"]},
        "product_heads": {w.lower() for w in data["pronouns"]["product_heads_before_name"]},
        "zh_org_heads_before_name": tuple(fold(w) for w in data["pronouns"]["zh_org_heads_before_name"]),
        "generic_org_heads": frozenset(w.lower() for w in data["pronouns"]["generic_org_heads"]),
        "investor_before": f(names["investor_before"]),
        "investor_after": f(names["investor_after"]),
        "investor_not_names": set(f(names["investor_not_names"])),
        "zh_product_heads": tuple(fold(w) for w in data["pronouns"]["zh_product_heads_before_name"]),
        "apposition_org_heads": [w for w in data["pronouns"]["org_heads"]
                                 if w not in data["pronouns"]["apposition_not_org_heads"]],
        "apposition_words": names["apposition_words"],
        "apposition_ends": names["apposition_ends"],
    }


@table("prepare")
def _cjk_place_names() -> frozenset[str]:
    """Places in Chinese (新竹, 美国): the short form of 新竹科技 is not 新竹."""
    names = [fold(p) for p in read_data_file("places.toml")["places"] if not p.isascii()]
    names += [fold(p) for p in read_data_file("entities.toml")["names"].get("cjk_places", [])]
    names += [fold(p) for p in read_data_file("entities.toml")["names"]["markets"] if not p.isascii()]
    return frozenset(names)


def _leading_place(name: str, min_rest: int) -> str | None:
    """The longest Chinese place name that opens `name` with at least `min_rest` characters
    after it (深圳 in 深圳衡川机器人), else None."""
    places = _cjk_place_names()
    for n in range(min(len(name) - min_rest, _longest_cjk_place()), 0, -1):
        if name[:n] in places:
            return name[:n]
    return None


@table("prepare")
def _longest_cjk_place() -> int:
    return max(map(len, _cjk_place_names()), default=0)


@table("prepare")
def _cjk_places_longest_first() -> tuple[str, ...]:
    """The Chinese place names in one order, longest first (a set's order changes from run to run)."""
    return tuple(sorted(_cjk_place_names(), key=lambda p: (-len(p), p)))


def _place_keys() -> set[str]:
    return {key(p) for p in read_data_file("places.toml")["places"] if p.isascii()}


def load_registry(extra: str | None = None) -> list[dict]:
    """The shipped registry, plus the [[entity]] entries of a user's TOML file."""
    from verifier.inputs import read_entities

    entries = list(_entities_file().get("entity", []))  # as _data() has them, without making the rest
    if extra:
        entries.extend(read_entities(extra))
    return entries


_TOML_STRING = r'"[^"\\\x00-\x1f\x7f]*"'
_SIMPLE_TOML_LINE = re.compile(
    rf'[ \t]*(?:(\[\[entity\]\])|(name|type)[ \t]*=[ \t]*({_TOML_STRING})'
    rf'|aliases[ \t]*=[ \t]*\[[ \t]*((?:{_TOML_STRING}[ \t]*,[ \t]*)*(?:{_TOML_STRING}[ \t]*,?[ \t]*)?)\])?'
    r'[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?'
)
_TOML_STRINGS = re.compile(_TOML_STRING)


def _simple_registry(text: str) -> dict | None:
    """A registry file of the common shape ([[entity]] tables of name, type and aliases, one
    key a line, strings without escapes) read in one pass; None for anything else, which
    tomllib reads (a newsroom's 100,000 entries load in a second, not a minute)."""
    entities: list[dict] = []
    for line in text.split("\n"):
        m = _SIMPLE_TOML_LINE.fullmatch(line[:-1] if line.endswith("\r") else line)
        if m is None:
            return None
        header, field_, value, aliases = m.groups()
        if header:
            entities.append({})
            continue
        if field_ is None and aliases is None:
            continue  # a blank line or a comment
        if not entities:
            return None  # a key outside any [[entity]] table
        table = entities[-1]
        name = field_ or "aliases"
        if name in table:
            return None  # a key given twice: tomllib says what is wrong
        table[name] = value[1:-1] if field_ else [a[1:-1] for a in _TOML_STRINGS.findall(aliases)]
    return {"entity": entities}


# --------------------------------------------------------------------------- learning
@dataclass
class Learned:
    """What one article teaches: names (name, type, origin, aliases, count) and single Latin
    tokens (token -> [sightings inside a sentence, sightings])."""

    names: list[tuple[str, str, str, tuple[str, ...], int]] = field(default_factory=list)
    tokens: dict[str, list[int]] = field(default_factory=dict)
    lower_words: set[str] = field(default_factory=set)  # words written in lower case (western, relations)
    places: set[str] = field(default_factory=set)  # runs a place's word follows ("Guangdong province")

    def add(self, name: str, type_: str, origin: str, aliases: Iterable[str] = (), count: int = 1) -> None:
        self.names.append((name, type_, origin, tuple(aliases), count))


@table("prepare")
def _regexes() -> dict[str, re.Pattern[str]]:
    d = _data()
    surname = "[" + "".join(sorted(d["surnames"])) + "]"
    compound = alternation(d["compound_surnames"])
    given = f"[{CJK}]"
    follower = alternation(d["name_followers"])
    boundary = rf"(?=[^{CJK}·]|{follower}|$)"
    particles = alternation(d["name_particles"])
    models = alternation(d["model_suffixes"])  # Aero 7 Pro: another model
    # a lookahead on the characters an organisation suffix starts with rejects most places at once
    suffix_starts = "".join(sorted({re.escape(w[0]) for w in d["org_suffixes"] if w}))
    suffix_gate = rf"(?=[{CJK}]{{2,5}}[{suffix_starts}])" if suffix_starts else ""
    return {
        # a gloss's Chinese starts where a run of Chinese does (not at each character of it)
        "gloss": re.compile(rf"(?<![{CJK}·])([{CJK}·][{CJK}·\-－]*+)\s*[（(]\s*([A-Za-z][A-Za-z0-9 .&'’\-]{{1,60}}?)\s*[）)]"),
        "paren_latin": re.compile(r"[（(]\s*[A-Za-z]"),
        "place_after": re.compile(rf"[ \t]+(?:{alternation(d['place_words'])})(?![A-Za-z])"),
        "paren_cjk": re.compile(rf"[（(]\s*[{CJK}·]"),
        "reverse_gloss": re.compile(rf"((?:{LATIN_TOKEN})(?:[ \t]+(?:&[ \t]+)?(?:{LATIN_TOKEN}))*)\s*[（(]\s*([{CJK}·]{{2,16}})\s*[）)]"),
        "run": re.compile(rf"(?<![A-Za-z0-9]){LATIN_TOKEN}(?:(?:[ \t]+&|[ \t]+{particles})?[ \t]+{LATIN_TOKEN})*"
                          rf"(?:[ \t]+[0-9][0-9.]*(?![0-9.]*\s*(?:%|percent|million|billion|trillion|thousand|bn|mn|[mkb]\b))"
                          rf"(?:[ \t]+{models}(?![A-Za-z]))*)?(?![A-Za-z])"),
        # a Chinese person: a surname (one or two characters) and one or two more characters
        "cjk_person": re.compile(rf"(?:{compound}|{surname}){given}{{1,2}}"),
        "title": re.compile(alternation(d["titles"])),
        "speech": re.compile(rf"(?:{compound}|{surname}){given}{{1,2}}(?={alternation(d['speech'])})"),
        "follower": re.compile(rf"{boundary}"),
        "org_suffix": re.compile(rf"{suffix_gate}[{CJK}]{{2,5}}?{alternation(d['org_suffixes'])}"),
        "org_suffix_word": re.compile(alternation(d["org_suffixes"])),
        "org_descriptor": re.compile(alternation(d["org_descriptors"])),
        "descriptor_end": re.compile(rf"(?:{alternation(d['org_descriptors'] + d['org_name_openers'])})$"),
        "descriptor": re.compile(alternation(d["org_descriptors"])),
        "title_end": re.compile(rf"(?:{alternation(d['titles'])})$"),
        "book_title": re.compile(r"《([^《》\n]{1,24})》"),
        # 获腾讯投资, 获得腾讯2亿元战略投资: the name between 获 and the investment (or its amount)
        "investor": re.compile(rf"(?:{alternation(d['investor_before'])})([{CJK}]{{2,6}}?)"
                               rf"(?=(?:{alternation(d['investor_after'])})|[0-9０-９][0-9０-９.,]*\s*[亿万千百]*\s*(?:[美港欧日]?元|人民币|英镑))"),
        "investor_word": re.compile(alternation(d["investor_after"])),
        # a name described right after it as a company: "Norvik, the Oslo-based battery startup, …"
        "apposition": re.compile(rf",[ \t]+(?:the|a|an)[ \t]+(?:(?!(?:{alternation(d['apposition_words'])})\b)[\w’'-]+[ \t]+){{0,4}}?"
                                 rf"(?:{alternation(d['apposition_org_heads'])})(?=[ \t]*[,.;:)]|[ \t]+(?:{alternation(d['apposition_ends'])})\b)"),
        # a post held at an organisation: "chief executive of Orlen Grid", "CFO at Nimbus Grid"
        "post_of": re.compile(rf"(?i:\b(?:{alternation(w for w in d['role_titles'] if w.isascii())})\s+(?:of|at)\s*$)"),
        # the name after a descriptor: three or four characters before what follows a name
        "org_tail": re.compile(rf"([{CJK}]{{3,4}}?)(?={alternation(d['org_followers'])}|[^{CJK}]|$)"),
        "org_follower": re.compile(alternation(d["org_followers"])),
    }


_TITLE_GLOSS = re.compile(r"\s*[（(]\s*([A-Za-z0-9][A-Za-z0-9 .:&'’\-]{0,60}?)\s*[）)]")


def learn_article(text: str, folded: str) -> Learned:
    """The names one article teaches (`text` is article text, furniture and dateline blanked)."""
    d = _data()
    r = _regexes()
    out = Learned()
    gloss_spans = []
    # a gloss opens a parenthesis on Latin letters (a reverse one on Chinese): a text without
    # one is not searched further (the quick search skips to the parentheses)
    for m in r["gloss"].finditer(folded) if r["paren_latin"].search(folded) else ():
        _learn_gloss(out, m.group(1), text[m.start(2):m.end(2)], d)
        gloss_spans.append((m.start(2), m.end(2)))
    for m in r["reverse_gloss"].finditer(text) if r["paren_cjk"].search(text) else ():
        _learn_reverse_gloss(out, m.group(1), folded[m.start(2):m.end(2)], d)
    _learn_cjk_short_names(out, folded, d, r)
    gloss_starts = [a for a, _ in gloss_spans]  # in text order, never overlapping
    headlines: dict[int, bool] = {}  # line start -> whether the line is a headline in Title Case
    last_run: re.Match | None = None
    for m in r["run"].finditer(text):
        if last_run is not None and _OF.fullmatch(text, last_run.end(), m.start()) \
                and last_run.group(0).split()[-1] in d["org_of_heads"]:
            # the Department of Justice: one organisation, its head word before "of"
            head = last_run.group(0).split()[-1]
            out.add(" ".join(f"{head}{text[last_run.end():m.start()]}{m.group(0)}".split()), "org", "text")
        last_run = m
        g = bisect.bisect_right(gloss_starts, m.start()) - 1
        if g >= 0 and m.end() <= gloss_spans[g][1]:
            continue  # 機器學習(Machine Learning): what a gloss teaches, the gloss learner decided
        before = text[max(0, m.start() - 8):m.start()].rstrip(" \t")
        initial = not before or before[-1] in ".!?:;\"“”'‘’\n\r—-–|·" or before.endswith(("—", "-"))
        line = text.rfind("\n", 0, m.start()) + 1
        if line not in headlines:
            headlines[line] = _in_title_case_line(text, line)
        # (a kind of company and a comma before a name: "Its closest rival, Hollin Freightware,")
        head = _WORD_BEFORE.search(before[:-1] if before.endswith(",") else before)
        if _names_product(m.group(0), head, before, d):
            out.add(m.group(0), "product", "text")  # "obesity pill Lumaslim", 减肥药Lumaslim
            continue
        after_org_head = (head is not None and head.group(1).lower() in d["org_heads_before_name"]) \
            or r["post_of"].search(text, max(0, m.start() - 40), m.start()) is not None \
            or fold(before).endswith(d["zh_org_heads_before_name"])  # 竞争对手Orison Memory
        described = r["apposition"].match(text, m.end()) is not None
        if r["place_after"].match(text, m.end()):
            out.places.add(key(re.split(r"['’]s?[ \t]+", m.group(0))[-1]))  # "(China's) Guangdong province": a place
            continue
        if key(re.sub(r"['’]s?$", "", m.group(0))) in d["places"]:
            continue  # "New York", "Hong Kong's": a place, and no word of it a name ("York")
        _learn_latin_run(out, m.group(0), d, initial, headlines[line], after_org_head, described)
    # a name the article once shows to be a company's ("startup Nimbus Grid") is one wherever
    # else it reads like a person's (the headline "Nimbus Grid raises $120 million")
    orgs = {n for n, t, origin, *_ in out.names if t == "org" and origin == "text"}
    if orgs:
        out.names = [(n, "org", *rest) if t == "person" and rest[0] == "text" and n in orgs else (n, t, *rest)
                     for n, t, *rest in out.names]
    out.lower_words = {w for w in _LOWER_WORD.findall(text)}
    _learn_cjk_people(out, text, folded, d, r)
    _learn_cjk_orgs(out, text, folded, d, r)
    for m in r["book_title"].finditer(folded):
        inner = m.group(1).strip()
        if inner and not inner.isdigit():
            gloss = _TITLE_GLOSS.match(text, m.end())
            if gloss:  # 《灰烬之谷2》（Ashen Vale 2）: one product, its Latin name the canonical one
                out.add(gloss.group(1).strip(), "product", "gloss", [inner, f"《{inner}》"])
            else:
                out.add(inner, "product", "text", [f"《{inner}》"])
    return out


def _latin_tokens_person(tokens: list[str], d: dict) -> bool:
    return 2 <= len(tokens) <= 4 and all(_is_person_token(t, d) for t in tokens) and tokens[0] not in d["name_particles"]


def _is_person_token(token: str, d: dict) -> bool:
    if token in d["name_particles"]:
        return True
    return (
        token[:1].isupper() and token.replace("-", "").replace("'", "").replace("’", "").isalpha()
        and not token.isupper() and not _CAMEL.search(token)
        and (token not in d["not_names"] or token in d["not_names_but_surnames"])
        and token not in d["org_words"] and token not in d["not_name_starts"]
    )


def _cut_descriptors(chinese: str, d: dict) -> str:
    """The name in the words before a gloss: after the last descriptor, title or verb
    (基因检测公司蓝汀生物), then after the last particle (该公司向家乐福) or descriptor ending
    (芯片商英伟达), keeping two characters at least."""
    bare = d["bare_org_words"]
    # (a title in a longer word is none: 会计 in 德衡会计师事务所)
    ends = (chinese.rfind(w) + len(w) for w in d["org_name_after"] + d["titles"] if w in chinese)
    cuts = sorted({c for c in ends if not chinese.startswith(d["title_not_before"], c)}, reverse=True)
    # (北京银行: not 银行, a word any bank is called by)
    cut = next((c for c in cuts if len(chinese) - c >= 2 and chinese[c:] not in bare), 0)  # (…股份有限公司: 公司 ends it)
    # 苏州…澄澜生物: a place before the name, where a whole name (four characters or more) follows
    # it (not 北京银行: a bank of Beijing, no 银行)
    at = max((chinese.rfind(p) + len(p) for p in _cjk_place_names() if p in chinese), default=0)
    if at > cut and len(chinese) - at >= 4:
        cut = at
    for chars, first_too in ((d["name_before_particles"], True), (d["name_before_suffixes"], False)):
        at = max((i for i in range(cut, len(chinese) - 2) if chinese[i] in chars and (first_too or i > cut)
                  and chinese[i:i + 2] not in d["not_descriptor_ends"]), default=None)  # (诺维家居, 永晟商业银行)
        if at is not None:
            while at - 1 >= cut and chinese[at - 1] in chars:
                at -= 1  # 与和睦家: the first of a run of particles ends the words before the name
            cut = at + 1
    return chinese[cut:]


def _learn_cjk_short_names(out: Learned, folded: str, d: dict, r: dict) -> None:
    """梅里代尔乳业（Meridale Dairy）… 梅里代尔去年营收…: a glossed company's Chinese name without
    its last two characters (its trade) is a short name of it, where the article itself uses it
    alone, followed by what follows names (去年, 的, 表示)."""
    for name, type_, origin, aliases, _ in list(out.names):
        if type_ != "org" or origin != "gloss":
            continue
        for full in aliases:
            stem = full[:-2]
            if len(full) < 4 or len(stem) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in full) \
                    or stem in d["org_stem_stop"] or key(stem) in d["places"] or folded.count(stem) <= folded.count(full):
                continue
            at = folded.find(stem)
            while at >= 0:
                if not ("\u4e00" <= folded[at - 1:at] <= "\u9fff") and r["org_follower"].match(folded, at + len(stem)):
                    out.add(name, "org", "gloss", [stem])
                    break
                at = folded.find(stem, at + 1)


def _translit_tail(chinese: str, d: dict) -> str:
    tail = ""
    for ch in reversed(chinese):
        if ch in d["translit"] or ch == "·":
            tail = ch + tail
        else:
            break
    return tail.lstrip("·")


def _learn_gloss(out: Learned, chinese: str, latin: str, d: dict) -> None:
    raw = latin.strip()
    latin = split_camel(raw)
    tokens = latin.split()
    if _latin_tokens_person(tokens, d):
        tail = _translit_tail(chinese, d)
        name = _cut_descriptors(chinese, d)
        if "·" in name.strip("·") and "·" not in tail:
            # 马库斯·黑尔(Marcus Hale): the middle dot writes a foreign name, whatever the
            # characters after it
            left, _, right = name.rpartition("·")
            left = _translit_tail(left, d)
            if left and 1 <= len(right) <= 6:
                tail = f"{left}·{right}"
        if len(tail) >= 2 and (len(tail) >= len(name) - 1 or "·" in name):
            aliases = {tail, tail.split("·")[-1]} if len(tail.split("·")[-1]) >= 2 else {tail}
            if "·" in name:
                aliases.add(name)
            out.add(latin, "person", "gloss", aliases)
            return
        for n in (4, 3, 2):
            tail = name[-n:]
            if len(name) >= n and _is_chinese_person(tail, d) and romanizes(tail, latin):
                out.add(latin, "person", "gloss", [tail])
                return
        for n in (4, 3, 2):
            tail = name[-n:]
            if len(name) >= n and _is_chinese_person(tail, d) and _spells_surname(tail, tokens[-1]):
                out.add(latin, "person", "gloss", [tail])  # 黄思琳(Celia Wong): an English given name
                return
    _learn_org_gloss(out, chinese, raw, d)


@table("prepare")
def _surname_spellings() -> dict[str, frozenset[str]]:
    return {fold(k): frozenset(v) for k, v in read_data_file("romanization.toml").get("surname_spellings", {}).items()}


def _spells_surname(chinese: str, token: str) -> bool:
    """Whether a Latin surname writes the surname of a Chinese name (黄思琳: Wong, Huang)."""
    spellings = _surname_spellings()
    surname = chinese[:2] if chinese[:2] in spellings else chinese[:1]  # (司徒, 欧阳: two characters)
    return token.lower() in spellings.get(surname, ()) or romanizes(surname, token)


def _learn_reverse_gloss(out: Learned, latin: str, chinese: str, d: dict) -> None:
    """Carys Pendleford（卡莉丝·彭德福德）, Vantrell Semiconductor（萬特瑞半導體）."""
    tokens = latin.split()
    while tokens and (tokens[0] in d["not_name_starts"] or tokens[0] in d["not_names"]):
        tokens = tokens[1:]
    if not tokens:
        return
    latin = " ".join(tokens)
    if _latin_tokens_person(tokens, d) and not any(t in d["org_words"] for t in tokens):
        tail = _translit_tail(chinese, d)
        if len(tail) >= 2:
            aliases = {chinese, tail, tail.split("·")[-1]}
            out.add(latin, "person", "gloss", [a for a in aliases if len(a) >= 2])
            return
        if _is_chinese_person(chinese, d) and romanizes(chinese, latin):
            out.add(latin, "person", "gloss", [chinese])
            return
    _learn_org_gloss(out, chinese, latin, d)


def _learn_org_gloss(out: Learned, chinese: str, latin: str, d: dict) -> None:
    """基因检测公司蓝汀生物(LantingBio): an organisation's name and its Chinese name."""
    if not re.fullmatch(r"[A-Z][A-Za-z0-9&.'’\- ]{1,50}", latin) or latin in d["not_names"]:
        return
    if latin.isupper() and len(latin) <= 4:
        return  # (CEO), (AI): a gloss of a word, not a name
    tokens = latin.split()
    if tokens[0] in d["not_name_starts"] and len(tokens) == 1:
        return
    name = _cut_descriptors(chinese, d)
    if 2 <= len(name) <= 10 and len(tokens) == 1 and all(ch in d["translit"] or ch == "·" for ch in name):
        # 马斯克(Musk), 马罗温德(Marrowind): a transliteration glossed with one word names
        # whoever that word names elsewhere in the corpus, person or company
        out.add(latin, ALIAS_ONLY, "gloss", [name])
        return
    if not 2 <= len(name) <= 10:
        return
    if key(latin) in d["places"] or key(latin) in d["not_org_glosses"]:
        return
    aliases = {name}
    short = _strip_org_suffix(name, d)
    if short and short != name and short not in _cjk_place_names():  # (北京银行: 北京 is a city)
        aliases.add(short)
    lead = split_camel(tokens[0]).split()[0]
    for n in (2, 3):
        if len(name) > n and romanizes(name[:n], lead):
            aliases.add(name[:n])
    out.add(latin, "org", "gloss", aliases)


def _is_category(folded: str, name: str, d: dict) -> bool:
    """扫地机器人企业: a phrase that a descriptor or a market word follows names a kind of
    thing, not an organisation."""
    if name.endswith(d["firm_suffixes"]):
        return False  # 华钢集团与冶建集团: a group is a company, whatever follows it
    followers = d["category_followers"]
    pos = folded.find(name)
    while pos != -1:
        after = pos + len(name)
        if any(folded.startswith(w, after) for w in followers):
            return True
        pos = folded.find(name, after)
    return False


def _named_otherwise(chinese: str, latin, d: dict) -> bool:
    """Whether the Latin organisation already has a Chinese name that starts as this one does but
    ends in another organisation word (Qinghe Microsystems is 青禾微系统: 青禾电子 is another
    company; 永晟银行 is still 永晟商业银行)."""
    ending = next((s for s in d["org_suffixes_longest_first"] if chinese.endswith(s)), None)
    if ending is None:
        return False
    for alias in latin.aliases:
        if alias.isascii() or alias[:2] != chinese[:2] or alias.startswith(chinese) or chinese.startswith(alias):
            continue
        if not alias.endswith(ending):
            return True
    return False


def _same_kind(chinese: str, latin: list, d: dict) -> list:
    """Of Latin names a Chinese organisation's name spells, those whose words say what its suffix
    says (恒晟控股: Hengsheng Holdings, not Hengsheng Land)."""
    for suffix, words in d["org_suffix_words"].items():
        if chinese.endswith(suffix):
            return [e for e in latin if any(w in words for w in e.name.split()[1:])]
    return latin


def _strip_org_suffix(name: str, d: dict) -> str | None:
    for suffix in d["org_suffixes_longest_first"]:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[:-len(suffix)]
    return None


def _is_chinese_person(name: str, d: dict) -> bool:
    if not 2 <= len(name) <= 4 or any(ch in d["not_in_names"] for ch in name[1:]):
        return False
    return name[0] in d["surnames"] or any(name.startswith(c) for c in d["compound_surnames"])


_CJK_CHAR = re.compile(f"[{CJK}]")
_SENTENCE_END = re.compile(r"[.!?。”\"]\s*$")
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")
_CAMEL = re.compile(r"[a-z][A-Z]")


def _in_title_case_line(text: str, a: int) -> bool:
    """Whether the line starting at `a` is a headline In Title Case: its capitalised words are
    not names of people."""
    b = text.find("\n", a)
    line = text[a:b if b != -1 else len(text)]
    if _CJK_CHAR.search(line) or _SENTENCE_END.search(line):
        return False  # a sentence, not a headline
    words = _LONG_WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_OF = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z][A-Za-z\-]*)$")


def _names_product(run: str, head: re.Match | None, before: str, d: dict) -> bool:
    """A run of one or two capitalised words right after a word that names a kind of product."""
    tokens = run.split()
    if not 1 <= len(tokens) <= 2 or any(t in d["org_words"] for t in tokens):
        return False
    if head is not None and before.endswith(head.group(1)):
        return head.group(1).lower() in d["product_heads"]
    return before.endswith(d["zh_product_heads"])


def _learn_latin_run(out: Learned, run: str, d: dict, sentence_initial: bool = False, headline: bool = False,
                     after_org_head: bool = False, described_org: bool = False) -> None:
    """Persons from runs of two or three name-like words; organisations from runs ending in an
    organisation word; products from runs ending in a number. Single tokens are counted, and
    become organisations in finalize() if seen inside sentences (a capitalised first word of an
    English sentence is not a name by itself)."""
    tokens = run.split()
    if len(tokens) >= 2 and all(t.isupper() for t in tokens if t.isalpha()):
        return  # SAN FRANCISCO, a headline in capitals
    # a possessive ends a name: "Taiwan's Jingyue Photonics" is two names
    pieces: list[list[str]] = [[]]
    for t in tokens:
        if _POSSESSIVE.search(t) and t[:-2]:
            pieces[-1].append(_POSSESSIVE.sub("", t))
            pieces.append([])
        else:
            pieces[-1].append(t)
    first = True
    for n, piece in enumerate(pieces):
        if piece:
            _learn_piece(out, piece, d, sentence_initial and first, headline, after_org_head and first,
                         described_org and n == len(pieces) - 1)
        first = False


def _learn_piece(out: Learned, tokens: list[str], d: dict, sentence_initial: bool, headline: bool = False,
                 after_org_head: bool = False, described_org: bool = False) -> None:
    """`described_org`: the piece ends a run a company's description follows ("Norvik, the
    Oslo-based startup,"), so its last name is a company's, even opening a sentence."""
    # opening words that are not part of a name: titles, nationalities, headline verbs
    while tokens and (tokens[0] in d["not_name_starts"]
                      or (tokens[0] in d["not_names"] and (sentence_initial or len(tokens) < 2
                                                           or tokens[0] not in d["not_names_but_surnames"]))
                      or tokens[0].endswith("-based") or (sentence_initial and _looks_verbal(tokens[0]))):
        # "Rival Orison Memory", "Startup Nimbus Grid": a kind of company opening the run names one
        after_org_head = after_org_head or tokens[0].lower() in d["org_heads_before_name"]
        tokens = tokens[1:]
        sentence_initial = False
    tokens = [t for t in tokens if t != "&" or True]
    org_words = d["org_words"]
    i = 0
    while i < len(tokens):
        # Harbor Freight Labs, Marlowe & Pike: capitalised words ending in an org word
        k = i
        # an org word may open the name ("Financial Conduct Authority"), though not a headline's
        # run, whose first word may be a headline's noun ("Regulator Fines Pellham Bank")
        if not headline and tokens[k] in org_words and tokens[k] not in d["not_names"] and k + 2 < len(tokens) \
                and tokens[k + 1] not in org_words:
            k += 1
        while k < len(tokens) and (tokens[k] == "&" or (tokens[k] not in org_words and tokens[k] not in d["not_names"]
                                   and tokens[k][:1].isupper() and tokens[k].replace("-", "").replace(".", "").isalnum())):
            k += 1
        if i < k < len(tokens) and tokens[k] in org_words:
            e = k
            while e + 1 < len(tokens) and tokens[e + 1] in org_words:
                e += 1
            # "Civil Aviation Competition Board": one more capitalised word and an organisation word
            if e + 2 < len(tokens) and tokens[e + 1][:1].isupper() and tokens[e + 1] not in org_words \
                    and tokens[e + 1] not in d["not_names"] and tokens[e + 2] in org_words:
                e += 2
                while e + 1 < len(tokens) and tokens[e + 1] in org_words:
                    e += 1
            name = " ".join(tokens[i:e + 1]).rstrip(".")
            # the legal forms that end the name are dropped (Marlowe & Pike N.V. is Marlowe & Pike,
            # Brightlake Foods Inc is Brightlake Foods); a group word is kept, its name without
            # it an alias (SoftBank Group is SoftBank too)
            cut = e + 1
            while cut > i + 1 and tokens[cut - 1].rstrip(".") in d["legal_suffixes"]:
                cut -= 1
            group = cut
            while group > i + 1 and tokens[group - 1] in d["group_suffixes"]:
                group -= 1
            aliases = [a for a in (name, " ".join(tokens[i:group])) if a != " ".join(tokens[i:cut])]
            if aliases or key(name) not in d["places"]:
                out.add(" ".join(tokens[i:cut]), "org", "text", aliases)
            i = e + 1
            continue
        if "&" in tokens[i:k] and k - i >= 3:
            out.add(" ".join(tokens[i:k]), "org", "text")  # Marlowe & Pike
            i = k
            continue
        # Ember Tide 2: a name and a number is a product; so is a name and one capital letter
        # (Aero X, Model Y), unless the word is one of a class's ("Series B", "Plan B")
        if k < len(tokens) and (_NUMBER_TOKEN.fullmatch(tokens[k]) or _letter_model(tokens, k, d)) and k > i \
                and all(t[:1].isupper() for t in tokens[i:k]) \
                and not (k - i == 1 and (tokens[i].rstrip(".") in _MONTH_ABBREVIATIONS or tokens[i] in _MONTH_NAMES)):
            end = k + 1
            while end < len(tokens) and tokens[end] in d["model_suffixes"]:
                end += 1  # Aero 7 Pro Max: another model
            out.add(" ".join(tokens[i:end]), "product", "text")
            i = end
            continue
        j = i
        while j < len(tokens) and _is_person_token(tokens[j], d):
            j += 1
        if j - i >= 2:
            name = " ".join(tokens[i:j])
            # a person's name is two to three words; longer runs are titles or headlines
            if j - i <= 3 and key(name) not in d["places"] and not headline:
                # "startup Nimbus Grid": a company's name, though it reads like a person's
                company = (after_org_head and i == 0) or (described_org and j == len(tokens))
                out.add(name, "org" if company else "person", "text")
            i = j
            continue
        token = tokens[i]
        if _PRODUCT_TOKEN.match(token) and token.rstrip("0123456789") not in d["not_product_letters"]:
            out.add(token, "product", "text")
        elif len(token) >= 2 and token not in d["not_names"] and not token[0].isdigit() and token != "&" \
                and token.rstrip("0123456789") not in d["not_product_letters"]:  # (FY2024 is a year)
            inside = not (sentence_initial and i == 0) or bool(_CAMEL_OR_CAPITALS.search(token))
            if (described_org and i == len(tokens) - 1) or (after_org_head and i == 0):
                out.add(token, "org", "text")  # "Norvik, the … startup,", 金融科技公司Pennyloft
            seen = out.tokens.setdefault(token, [0, 0])
            seen[0] += inside
            seen[1] += 1
        i += 1


def _letter_model(tokens: list[str], k: int, d: dict) -> bool:
    """Aero X: a capital letter alone closing a run of names, after a word that does not name a
    class of things (Series, Class, Plan), and not a person's initial (John F Kennedy)."""
    return len(tokens[k]) == 1 and tokens[k].isupper() and k + 1 == len(tokens) and k > 0 \
        and tokens[k - 1] not in d["letter_classes"] and tokens[k - 1] not in d["org_words"]


def _looks_verbal(token: str) -> bool:
    low = token.lower()
    return low.endswith(("ing", "ed", "ly")) and len(low) > 4


def _learn_cjk_people(out: Learned, text: str, folded: str, d: dict, r: dict) -> None:
    """首席财务官林佩珊于周三…, 沈嘉禾曾公开表示, 由许文彦创办: Chinese names after a title or
    before a speech verb. A name is two or three characters, the longest whose characters are
    not function words and which a name may be followed by."""
    seen: set[str] = set()
    for m in r["title"].finditer(folded):
        name = _cjk_name_at(folded, m.end(), d, r) or _repeated_name_at(folded, m.end(), d, r)
        if name and folded[m.end() + len(name):m.end() + len(name) + 1] in ("·", "-"):
            continue  # 马利克·费雷拉: a transliterated name, learnt from its gloss
        if name and name not in seen:
            seen.add(name)
            out.add(name, "person", "text")  # folded: one canonical name whatever the script
    for m in r["speech"].finditer(folded):
        start = m.start()
        if len(m.group(0)) < 3:
            continue  # 高层表示: two characters before a speech verb are too often a word
        prev = folded[start - 1] if start else ""
        if prev and "\u4e00" <= prev <= "\u9fff" and prev not in d["role_ends"] and \
                not r["title_end"].search(folded, max(0, start - 12), start):
            continue  # inside a longer word: 沈嘉禾曾公开表示 is not a name 曾公开
        name = _cjk_name_at(folded, start, d, r)
        if name and name not in seen:
            seen.add(name)
            out.add(name, "person", "text")
    for m in _DOTTED_NAME.finditer(folded):
        name = _transliterated_name(folded, m, d)
        if name and name not in seen:
            seen.add(name)
            out.add(name, "person", "text")


_DOTTED_NAME = re.compile(rf"(?<!《)[{CJK}]{{1,4}}·[{CJK}]{{1,8}}(?:·[{CJK}]{{1,8}})?")
TRANSLIT_SHARE = 0.6  # of a dotted name's characters that are transliteration characters


def _transliterated_name(folded: str, m: re.Match, d: dict) -> str | None:
    """达娜·惠特菲尔德, 马利克·费雷拉 with no gloss: a foreign name written in Chinese characters
    with a middle dot. The first part is the transliteration characters before the dot; the
    last ends before a word that may follow a name; most of its characters must be ones
    Chinese uses for foreign names (a book title or a place is not)."""
    parts = m.group(0).split("·")
    first = parts[0]
    k = len(first)
    while k > 0 and first[k - 1] in d["translit"]:
        k -= 1
    first = first[k:]
    last, end, others = parts[-1], 0, 0  # transliteration characters, one other at most (惠特菲尔德)
    for i, ch in enumerate(last):
        if ch in d["not_in_names"] or (i and any(last.startswith(f, i) for f in d["name_followers"])):
            break
        if ch in d["translit"]:
            end = i + 1
        else:
            others += 1
            if others > 1:
                break
    last = last[:end]
    if not first or not last:
        return None
    name = "·".join([first, *parts[1:-1], last])
    letters = name.replace("·", "")
    if sum(ch in d["translit"] for ch in letters) < TRANSLIT_SHARE * len(letters):
        return None
    start = m.start() + k
    if folded[start + len(name):start + len(name) + 1] == "》":
        return None
    return name


def _name_candidates(folded: str, pos: int, d: dict, r: dict) -> list[str]:
    """The Chinese names that may start at `pos`, longest first: a surname and one or two more
    characters, none of them a function word."""
    m = r["cjk_person"].match(folded, pos)
    if not m or any(m.group(0)[1:].startswith(s) for s in d["surname_suffix"]):
        return []
    candidate = m.group(0)
    return [candidate[:n] for n in range(len(candidate), 1, -1)
            if not any(ch in d["not_in_names"] for ch in candidate[1:n])]


def _repeated_name_at(folded: str, pos: int, d: dict, r: dict) -> str | None:
    """前首席运营官赵明远提起…: a name after a title whose next word is not one a name is known
    to be followed by, taken where the article writes it again before such a word (赵明远于)."""
    for name in _name_candidates(folded, pos, d, r):
        at = folded.find(name, pos + len(name))
        while at != -1:
            if r["follower"].match(folded, at + len(name)) and not ("\u4e00" <= folded[at - 1:at] <= "\u9fff"
                                                                    and not r["title_end"].search(folded, max(0, at - 12), at)):
                return name
            at = folded.find(name, at + len(name))
    return None


def _cjk_name_at(folded: str, pos: int, d: dict, r: dict) -> str | None:
    for name in _name_candidates(folded, pos, d, r):
        after = pos + len(name)
        if after >= len(folded) or r["follower"].match(folded, after):
            return name
    return None


def _learn_cjk_orgs(out: Learned, text: str, folded: str, d: dict, r: dict) -> None:
    """造车新势力驰远汽车, 坤衡集团: a name ending in an organisation word (汽车, 集团, 资本). Where
    it starts is told by repetition: of 其中远澜资本 and 远澜资本 the one the article repeats
    is the name (a name said once counts when a clause mark or a descriptor opens it). A name
    with no organisation word after a descriptor counts when it recurs three times
    (…芯片企业云境智算 … 云境智算成立于2021年)."""
    opener = "，。、：；！？ \n\t（）()“”「」《》|｜"
    counts: dict[str, int] = {}

    def counted(part: str) -> int:  # folded.count, once per string (a long article has many)
        if part not in counts:
            counts[part] = folded.count(part)
        return counts[part]

    stops = set(d["org_stem_stop"]) | set(d["org_descriptors"]) | set(d["org_suffixes"])
    seen: set[str] = set()
    # a text without an organisation word (most English ones) is not searched further
    for m in r["org_suffix"].finditer(folded) if r["org_suffix_word"].search(folded) else ():
        whole = m.group(0)
        suffix = next(s for s in d["org_suffixes_longest_first"] if whole.endswith(s))
        end = m.end()
        stem_end = end - len(suffix)
        best = None
        for n in range(2, 6):
            start = stem_end - n
            if start < 0:
                break
            stem = folded[start:stem_end]
            if not all("\u4e00" <= ch <= "\u9fff" for ch in stem) or any(ch in d["not_in_names"] for ch in stem):
                break
            if any(stem[:k] in stops for k in range(len(stem) + 1)):  # starts with a stop word, or is one
                continue
            if any(w.start() < start < w.end() for w in r["descriptor"].finditer(folded, max(0, start - 4), start + 4)):
                continue  # 竞争对手蓝鸦航空: not 手蓝鸦航空, which starts inside a descriptor
            count = counted(folded[start:end])
            prev = folded[start - 1] if start else "\n"
            clean = prev in opener or bool(r["descriptor_end"].search(folded, max(0, start - 8), start))
            if count >= 2 or clean:
                if best is None or count >= best[1]:
                    best = (start, count)
        if best is None:
            continue
        start = best[0]
        name = folded[start:end]
        if name in seen or _is_category(folded, name, d):
            continue
        # 中国冶建集团: a name that would start inside a place's word starts with the place
        place = next((p for p in _cjk_places_longest_first() if len(p) >= 2 and any(
            folded.startswith(p, start - j) for j in range(1, len(p)))), None)
        if place is not None:
            j = next(j for j in range(1, len(place)) if folded.startswith(place, start - j))
            start -= j
            name = folded[start:end]
            if name in seen:
                continue
        seen.add(name)
        stem = folded[start:stem_end]
        aliases = [stem] if counted(stem) > counted(name) and stem not in _cjk_place_names() else []
        out.add(name, "org", "text", aliases)
    for m in r["org_descriptor"].finditer(folded):
        tail = r["org_tail"].match(folded[m.end():m.end() + 10])
        if not tail:
            continue
        name = tail.group(1)
        if any(ch in d["not_in_names"] for ch in name) or _holds_any(name, stops) or name in seen \
                or _holds_any(name, d["not_org_tails"]):
            continue  # (集团总资产: a figure's word after a company's noun, no name)
        if counted(name) >= 3:
            seen.add(name)
            out.add(name, "org", "text")
    # an investor between 获 and its investment: 获腾讯投资2亿元, 获得腾讯2亿元战略投资
    for m in r["investor"].finditer(folded) if r["investor_word"].search(folded) else ():
        name = m.group(1)
        if name not in seen and not any(ch in d["not_in_names"] for ch in name) and not _holds_any(name, stops) \
                and name not in _cjk_place_names() and not _holds_any(name, d["investor_not_names"]) \
                and name[0] not in d["not_investor_starts"]:  # (获利约11.8亿元: a gain, no investor)
            seen.add(name)
            out.add(name, "org", "text")


def _holds_any(text: str, words: set[str]) -> bool:
    """Whether one of the words is in a short text: its substrings looked up in the set."""
    return "" in words or any(text[i:j] in words for i in range(len(text)) for j in range(i + 1, len(text) + 1))


# --------------------------------------------------------------------------- romanisation
@table("prepare")
def _reading_table() -> dict[int, str] | None:
    """pypinyin's table of each character's readings (code point -> "zhāng,cháng"), read on
    its own: importing pypinyin loads its phrase dictionary too (0.3 s and 50 MB a process),
    which names, read a character at a time, never use. None if the file is not where this
    version of pypinyin keeps it."""
    import importlib.util
    from pathlib import Path

    package = importlib.util.find_spec("pypinyin")
    if package is None or package.origin is None:
        return None
    path = Path(package.origin).parent / "pinyin_dict.py"
    spec = importlib.util.spec_from_file_location("_verifier_pinyin_table", path)
    if spec is None or spec.loader is None or not path.is_file():
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table = getattr(module, "pinyin_dict", None)
    return table if isinstance(table, dict) else None


def _toneless(reading: str) -> str:
    """A reading without its tone, written as pypinyin's Style.NORMAL writes it (lǚ -> lv)."""
    marks = unicodedata.normalize("NFD", reading).replace("u\u0308", "v").replace("e\u0302", "ê")
    return "".join(ch for ch in marks if not unicodedata.combining(ch))


@lru_cache(maxsize=4096)
def _readings(ch: str) -> tuple[str, ...]:
    """The toneless pinyin readings of a character, as pinyin(ch, Style.NORMAL, heteronym=True)."""
    table = _reading_table()
    if table is not None:
        readings = table.get(ord(ch))
        return tuple(dict.fromkeys(_toneless(r) for r in readings.split(","))) if readings else (ch,)
    from pypinyin import Style, pinyin

    return tuple(dict.fromkeys(pinyin(ch, style=Style.NORMAL, heteronym=True)[0]))


@table("prepare")
def _wade_giles() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[re.Pattern[str], str]]]:
    data = read_data_file("romanization.toml")
    compile_ = lambda rules: [(re.compile(a), b) for a, b in rules]  # noqa: E731
    return compile_(data["wade_giles"]), compile_(data["wade_giles_finals"])


@lru_cache(maxsize=4096)
def _syllable_forms(syllable: str) -> frozenset[str]:
    """A pinyin syllable and its Wade-Giles spelling without apostrophes (xu -> hsu)."""
    initials, finals = _wade_giles()
    wg = syllable
    for pattern, repl in initials:
        if pattern.search(wg):
            wg = pattern.sub(repl, wg)
            break
    for pattern, repl in finals:
        wg = pattern.sub(repl, wg)
    return frozenset({syllable, wg, syllable.replace("ü", "u").replace("v", "u")})


def romanizes(chinese: str, latin: str) -> bool:
    """Whether `latin` spells `chinese` in pinyin or Wade-Giles, surname first or last
    (林佩珊 = Lin Peishan = Peishan Lin; 許文彥 = Hsu Wen-yen; 驰远 = Chiyuan)."""
    options = _chinese_options(chinese)
    if options is None:
        return False
    targets = _romanised_targets(latin)
    return any(_spells(options, 0, t) for t in targets)


@lru_cache(maxsize=65536)
def _chinese_options(chinese: str) -> tuple[tuple[str, ...], ...] | None:
    """The readings of each Chinese character of a name; None when it cannot be spelt."""
    chars = [ch for ch in fold(chinese) if "\u3400" <= ch <= "\u9fff"]
    if not chars or len(chars) > 6:
        return None
    options = tuple(_readings(ch) for ch in chars)
    return options if all(options) else None


@lru_cache(maxsize=65536)
def _romanised_targets(latin: str) -> tuple[str, ...]:
    """The letters a romanised name spells, surname first and surname last."""
    words = [w for w in re.split(r"[\s\-]+", latin.lower()) if w]
    if not words:
        return ()
    targets = ["".join(words)]
    if len(words) >= 2 and "".join(words[1:] + words[:1]) != targets[0]:
        targets.append("".join(words[1:] + words[:1]))
    return tuple(targets)


MAX_SPELLINGS = 512  # spellings of one name listed; a name with more is compared name by name


@lru_cache(maxsize=65536)
def _spellings(chinese: str) -> frozenset[str] | None:
    """Every romanisation of `chinese` as letters (one form per character, run together); None
    when there are more than MAX_SPELLINGS. `romanizes(chinese, latin)` holds exactly when one
    of these is one of `_romanised_targets(latin)`."""
    options = _chinese_options(chinese)
    if options is None:
        return frozenset()
    spelt = {""}
    for readings in options:
        forms = {form for reading in readings for form in _syllable_forms(reading)}
        if len(spelt) * len(forms) > MAX_SPELLINGS:
            return None
        spelt = {a + b for a in spelt for b in forms}
    return frozenset(spelt)


def _first_syllables(chinese: str) -> frozenset[str]:
    """The spellings a romanisation of `chinese` can start with (its first character's)."""
    options = _chinese_options(chinese)
    if options is None:
        return frozenset()
    return frozenset(form for reading in options[0] for form in _syllable_forms(reading))


def _spells(options: list[tuple[str, ...]], i: int, rest: str) -> bool:
    if i == len(options):
        return rest == ""
    for reading in options[i]:
        for form in _syllable_forms(reading):
            if rest.startswith(form) and _spells(options, i + 1, rest[len(form):]):
                return True
    return False


# ------------------------------------------------------------- blocking the spellings' comparison
_RATIO_SLACK = 1e-6  # below FUZZY_NAME by this much, a bound still counts a pair as close (rounding)


@lru_cache(maxsize=None)
def _shared_bigrams(n: int) -> int:
    """The fewest bigrams (counted with their repeats) that a key of `n` characters shares with
    any key fuzz.ratio finds FUZZY_NAME close to it. Keys of n and m characters with a longest
    common subsequence of l are that close when 200 * l >= FUZZY_NAME * (n + m); the l - 1
    bigrams of that subsequence lose at most n - l to the characters of one key outside it and
    m - l to those of the other, so at least 3l - n - m - 1 are bigrams of both keys. The least of
    that over every length m that can be close (0 or less: any key may be close)."""
    bounds = []
    for m in range(1, 4 * n + 2):
        l = int(-(-((FUZZY_NAME - _RATIO_SLACK) * (n + m)) // 200))  # the least l that can be close
        if l <= min(n, m):
            bounds.append(3 * l - n - m - 1)
    return min(bounds, default=0)


def _written_apart(a: Entity, b: Entity) -> bool:
    """Two close spellings glossed with different Chinese names (Lin Wei-cheng 林维诚, Lin
    Wei-chen 林伟辰) are two people, not one name spelt twice."""
    cjk_a = {x for x in a.aliases if not x.isascii()}
    cjk_b = {x for x in b.aliases if not x.isascii()}
    return bool(cjk_a and cjk_b and not cjk_a & cjk_b)


def _spelling_candidates(keys: list[str]):
    """For `_merge_spellings`: a function giving, for the key at i and a position `start`, the
    positions from `start` on of the keys that can be FUZZY_NAME close to it (in no order); every
    other key fuzz.ratio would find too far. Prefix filtering: each key's bigrams (the second of a
    bigram a token of its own, and so on) are ordered rarest first, in one order for all keys;
    two keys that share at least t of them share one among the first len - t + 1 of each (the
    first they share in that order), t being `_shared_bigrams` of either length. So a key is
    compared only with the keys sharing one of those with it, not with every key of its initial
    (quadratic in an archive: this compares about a fifth of the pairs)."""
    grams: list[list[str]] = []
    counts: dict[str, int] = {}
    for k in keys:
        own = [k[i:i + 2] for i in range(len(k) - 1)]
        if len(set(own)) < len(own):  # a repeated bigram: its second sighting is another token
            seen: dict[str, int] = {}
            for i, g in enumerate(own):
                n = seen[g] = seen.get(g, 0) + 1
                if n > 1:
                    own[i] = f"{g}{n}"
        grams.append(own)
        for t in own:
            counts[t] = counts.get(t, 0) + 1
    rank = {t: r for r, t in enumerate(sorted(counts, key=lambda t: (counts[t], t)))}
    wild: list[int] = []  # keys too short to need a shared bigram: compared with every key
    postings: dict[str, list[int]] = {}
    prefixes: list[list[str] | None] = []
    for i, own in enumerate(grams):
        need = _shared_bigrams(len(keys[i]))
        if need < 1:
            wild.append(i)
            prefixes.append(None)
            continue
        own.sort(key=rank.__getitem__)
        del own[len(own) - need + 1:]
        prefixes.append(own)
        for t in own:
            postings.setdefault(t, []).append(i)

    def candidates(i: int, start: int) -> list[int]:
        prefix = prefixes[i]
        if prefix is None:
            return list(range(start, len(keys)))
        found: set[int] = set()
        for t in prefix:
            posting = postings[t]
            found.update(posting[bisect.bisect_left(posting, start):])
        found.update(wild[bisect.bisect_left(wild, start):])
        return list(found)

    return candidates


# --------------------------------------------------------------------------- the index
ALIAS_ONLY = "alias"  # a learnt name's type when it only gives another name to an entity found elsewhere


def _surname_and_given(parts: list[str]) -> tuple[str, str]:
    """The surname and the given name of a person's name in words: the last and the first, or,
    in a Chinese name written in the Chinese order with a hyphenated given name ("Lin Pei-shan",
    "Kuo Chih-hung"), the first and the last."""
    if len(parts) == 2 and "-" in parts[1] and "-" not in parts[0]:
        return parts[0], parts[1]
    return parts[-1], parts[0]


def _words_lead(a: str, b: str) -> bool:
    """Whether one of two names is the other's first words ("norchen", "norchen smart technology")."""
    short, long = sorted((a, b), key=len)
    return short != long and long.startswith(short + " ")


class EntityIndex:
    """Entities of a corpus and the names that refer to them."""

    def __init__(self, registry: Iterable[dict] | None = None) -> None:
        self.entities: dict[str, Entity] = {}
        self._by_key: dict[str, str] = {}
        self._surname: dict[str, set[str]] = {}
        self._given: dict[str, set[str]] = {}
        self._tokens: dict[str, list[int]] = {}
        self._lower_words: set[str] = set()
        self._places: set[str] = set()  # places the articles name by their word ("Guangdong province")
        self._regex: re.Pattern[str] | None = None
        self._max_words = 1
        self._first_words: set[str] = set()
        self._starts_name: dict[str, bool] = {}  # a word -> whether its key starts a Latin name (memo)
        self._cjk_keys: set[str] = set()
        self._cjk_lengths: dict[str, list[int]] = {}
        self._surname_lengths: dict[tuple[str, int], list[str]] | None = None  # surname keys by first letter, length
        self._close_candidates: dict[tuple[str, int], list[str]] = {}  # the keys a fuzzy key's initial, length compares with
        self._close_memo: dict[str, str | None] = {}  # person_for_token's fuzzy answers
        self._alias_only: list[tuple[str, tuple[str, ...]]] = []  # (name, its other names) to attach at the end
        self._alias_conflicts: dict[str, set[str]] = {}  # a short name two people were given -> their names
        self._shared: dict[str, tuple[str, ...]] = {}  # such a name -> the people, told apart by the article
        for item in registry if registry is not None else _data()["registry"]:
            self.add(item["name"], item.get("type", "org"), "registry", item.get("aliases", []))

    # ------------------------------------------------------------------ building
    def add(self, name: str, type_: str, origin: str, aliases: Iterable[str] = ()) -> Entity:
        k = key(name)
        canonical = self._by_key.get(k)
        if canonical is None:
            entity = Entity(name=name, type=type_, origin=origin)
            self.entities[name] = entity
            canonical = name
            self._by_key[k] = name
        entity = self.entities[canonical]
        entity.aliases.add(k)
        for alias in aliases:
            ak = key(alias)
            if not ak:
                continue
            owner = self._by_key.get(ak)
            if owner is None:
                self._by_key[ak] = canonical
                entity.aliases.add(ak)
            elif owner != canonical and owner in self.entities and self.entities[owner].origin == "text" \
                    and origin != "text" and self.entities[owner].type == type_:
                self._merge(owner, into=canonical)  # a gloss names what the text only saw
            elif owner != canonical and type_ == "org" and origin != "text" and owner in self.entities \
                    and self.entities[owner].type == "org" and self.entities[owner].origin != "text" \
                    and _words_lead(key(owner), k):
                # 北辰智能 glossed "Norchen" in one article and "Norchen Smart Technology" in another:
                # one company, under its fuller name
                shorter, longer = sorted((owner, canonical), key=lambda n: len(key(n)))
                self._merge(shorter, into=longer)
                canonical, entity = longer, self.entities[longer]
            elif owner != canonical and type_ == "person" and owner in self.entities \
                    and self.entities[owner].type == "person" and ak != key(owner):
                # 林德奎斯特 for Maya Lindqvist in one article and for Oskar Lindqvist in another
                self._alias_conflicts.setdefault(ak, set()).update((owner, canonical))
        self._regex = None
        return entity

    def learn(self, text: str, folded: str) -> None:
        """Learn names from one source's article text."""
        self.merge(learn_article(text, folded))

    def merge(self, learned: Learned) -> None:
        for name, type_, origin, aliases, count in learned.names:
            if type_ == ALIAS_ONLY:
                self._alias_only.append((name, aliases))
                continue
            existing = self._by_key.get(key(name))
            if existing is not None and self.entities[existing].type != type_ and origin == "text":
                # a text sighting does not retype a registered or glossed name
                entity = self.entities[existing]
                if type_ == "org" and entity.type == "product" and entity.origin == "text" \
                        and not any(ch.isdigit() for ch in entity.name):
                    entity.type = "org"  # 支付应用Pennyloft, 金融科技公司Pennyloft: a company named like its app
            else:
                if existing is not None and ORIGIN_RANK[origin] < ORIGIN_RANK[self.entities[existing].origin]:
                    # and a gloss retypes what a text sighting guessed, whichever came first:
                    # "Nimbus Grid" looks like a person's name until (雲格能源) shows a company
                    self.entities[existing].type = type_
                entity = self.add(name, type_, origin, aliases)
                if existing is not None:
                    for alias in aliases:
                        ak = key(alias)
                        if ak not in self._by_key:
                            self._by_key[ak] = entity.name
                            entity.aliases.add(ak)
            if ORIGIN_RANK[origin] < ORIGIN_RANK[entity.origin]:
                entity.origin = origin
            entity.count += count
        self._lower_words |= learned.lower_words
        self._places |= learned.places
        for token, (inside, total) in learned.tokens.items():
            seen = self._tokens.setdefault(token, [0, 0])
            seen[0] += inside
            seen[1] += total
        self._regex = None

    def finalize(self) -> None:
        """Merge spellings of one name, link Chinese names to their romanisation, then index
        surnames, given names and single tokens."""
        d = _data()
        self._merge_spellings()
        self._merge_short_forms(d)
        self._link_romanised()
        self._merge_place_prefixed()
        self._drop_shared_aliases()
        self._surname.clear()
        self._given.clear()
        self._surname_lengths, self._close_memo = None, {}
        for e in self.entities.values():
            if e.type != "person" or " " not in e.name:
                continue
            surname, given = _surname_and_given(key(e.name).split())
            self._surname.setdefault(surname, set()).add(e.name)
            self._given.setdefault(given, set()).add(e.name)
        self._short_org_names(d)
        for token, (inside, count) in sorted(self._tokens.items()):
            if not inside or inside < min(MIN_TOKEN_SIGHTINGS, count):
                continue
            k = key(token)
            if k in self._by_key or key(split_camel(token)) in self._by_key or self.person_for_token(token):
                continue
            if token in d["org_words"] or token in d["not_name_starts"] or k in d["places"] or k in self._places \
                    or token.endswith("-based"):
                continue
            if token in _MONTH_ABBREVIATIONS:
                continue
            if token.isupper() and len(token) <= 3:
                continue  # EV, SUV: an abbreviation, not a company
            if token.lower() in self._lower_words:
                continue  # "Western", "Relations": a word the corpus also writes in lower case
            self.add(token, "org", "text").count += count
        self._attach_aliases()
        self._cjk_surname_forms(d)
        self._regex = None

    def _drop_shared_aliases(self) -> None:
        """A short name two different people were given (the surname 林德奎斯特 of Maya and of
        Oskar Lindqvist) names, in an article, the one of them it names in full; else neither."""
        for ak, names in sorted(self._alias_conflicts.items()):
            people = {self._by_key.get(key(n), n) for n in names}
            people = {p for p in people if p in self.entities and self.entities[p].type == "person"}
            if len(people) >= 2 and self._by_key.get(ak) in people:
                del self._by_key[ak]
                for p in people:
                    self.entities[p].aliases.discard(ak)
                self._shared[ak] = tuple(sorted(people))  # (the one an article names in full, there)
        self._alias_conflicts.clear()

    def _attach_aliases(self) -> None:
        """Other names for entities learnt elsewhere (马罗温德 for Marrowind, 马斯克 for Elon
        Musk); one that names nothing learnt is dropped."""
        for name, aliases in self._alias_only:
            named = self._by_key.get(key(name))
            person = self.person_for_token(name) if " " not in name else None
            person = person if person in self.entities else None
            if named is not None and person is not None and named != person:
                continue  # "Cygalra" a company's name and a person's surname: no one in particular
            owner = named or person
            if owner is None:
                continue
            for alias in aliases:
                ak = key(alias)
                seen = self._by_key.get(ak)
                if ak and seen is None:
                    self._by_key[ak] = owner
                    self.entities[owner].aliases.add(ak)
                elif seen is not None and seen != owner and key(seen) == ak and self.entities[seen].origin == "text" \
                        and self.entities[seen].type == self.entities[owner].type:
                    self._merge(seen, into=owner)  # the text saw 马罗温德 alone; the gloss says who it is
        self._alias_only = []

    def _merge_short_forms(self, d: dict) -> None:
        """"Jingcheng Tech" joins "Jingcheng Technology": an organisation's name ending in the
        short form of an organisation word joins the one the corpus names in full; and "Lanyue
        Cold Chain Holdings" joins "Lanyue Cold Chain", a name another source gives without its
        group word."""
        short_forms = d["org_word_short_forms"]
        for e in sorted(self.entities.values(), key=lambda e: e.name):
            words = e.name.split()
            if e.type != "org" or len(words) < 2 or e.name not in self.entities:
                continue
            if words[-1] in d["group_suffixes"]:
                into = self._by_key.get(key(" ".join(words[:-1])))
                if into is not None and into != e.name and into in self.entities and self.entities[into].type == "org":
                    self._merge(e.name, into=into)
                    continue
            for full in short_forms.get(words[-1], ()):
                into = self._by_key.get(key(" ".join([*words[:-1], full])))
                if into is not None and into != e.name and self.entities[into].type == "org":
                    self._merge(e.name, into=into)
                    break

    def _merge_spellings(self) -> None:
        """Spellings of one person's name (Sustkever, Sutskever) merge into the most trusted and
        most seen one. Only names with the same initial are compared, and within those only the
        pairs that share enough bigrams to be close (`_spelling_candidates`) and that rapidfuzz
        finds close (one C loop per name), then merged in the same order as comparing every pair
        would."""
        persons = sorted(
            (e for e in self.entities.values() if e.type == "person" and " " in e.name),
            key=lambda e: (ORIGIN_RANK[e.origin], -e.count, e.name),
        )
        by_initial: dict[str, list[Entity]] = {}
        for e in persons:
            by_initial.setdefault(key(e.name)[:1], []).append(e)
        for group in by_initial.values():
            keys = [key(e.name) for e in group]
            # registered names come first (the order ranks origins); two of them never merge, so
            # a registered name is compared only with the names learnt from text after them
            learnt = next((i for i, e in enumerate(group) if e.origin != "registry"), len(group))
            candidates = _spelling_candidates(keys)
            for i, a in enumerate(group):
                if a.name not in self.entities:
                    continue
                start = max(i + 1, learnt)
                others = candidates(i, start)
                close = process.extract(keys[i], [keys[j] for j in others] if len(others) < 2 else
                                        itemgetter(*others)(keys), scorer=fuzz.ratio,
                                        score_cutoff=FUZZY_NAME, limit=None)
                for j in sorted(others[found[2]] for found in close):
                    b = group[j]
                    if b.name not in self.entities or _written_apart(self.entities[a.name], b):
                        continue
                    self._merge(b.name, into=a.name)

    PLACE_PREFIXED_MIN = 3  # characters of the name after the place (深圳 + 衡川机器人; not 中国 + 移动)

    def _merge_place_prefixed(self) -> None:
        """深圳衡川机器人 is 衡川机器人 (Riverbend Robotics): a Chinese organisation's name that is a place
        followed by the name of another organisation is that organisation."""
        for e in sorted(self.entities.values(), key=lambda e: e.name):
            if e.type != "org" or e.name.isascii() or e.name not in self.entities:
                continue
            name = fold(e.name)
            place = _leading_place(name, self.PLACE_PREFIXED_MIN)
            owner = self._by_key.get(key(name[len(place):])) if place else None
            if owner is not None and owner != e.name and owner in self.entities and self.entities[owner].type == "org":
                self._merge(e.name, into=owner)

    def _link_romanised(self) -> None:
        """A Chinese name with no Latin form joins the Latin name that spells it: 林佩珊 -> Lin
        Peishan; 驰远汽车 -> Chiyuan Motors (its leading characters spell the first word). Every
        spelling of the Chinese name is looked up among the letters the Latin names spell (one
        dict lookup each); a name with too many spellings to list is compared with the Latin
        names starting with a spelling of its first character."""
        latin = [e for e in self.entities.values() if e.name.isascii() and e.type in ("person", "org")]
        chinese = [e for e in self.entities.values() if not e.name.isascii() and e.type in ("person", "org")]
        if not latin or not chinese:
            return
        d = _data()
        lead_of: dict[str, str] = {}  # an organisation's first word, the part a Chinese name spells
        spelling: dict[tuple[str, str], list[int]] = {}  # (type, letters spelt) -> positions in `latin`
        for i, l in enumerate(latin):
            if l.type == "person":
                spelt = l.name
            else:
                words = [w for w in l.name.split() if w not in d["org_words"]] or l.name.split()
                if len(words) > 1 and key(words[0]) in d["places"]:
                    words = words[1:]  # China Yejian Group: Yejian is what 中国冶建集团 spells after its place
                spelt = lead_of[l.name] = split_camel(words[0]).split()[0]
            for target in _romanised_targets(spelt):
                spelling.setdefault((l.type, target), []).append(i)
        for e in chinese:
            if e.name not in self.entities:
                continue
            name = fold(e.name)
            if e.type == "person":
                parts = [name]
            else:
                stem = _strip_org_suffix(name, d) or name
                place = _leading_place(stem, 2)
                if place:
                    stem = stem[len(place):]  # (中国冶建集团: 冶建 spells Yejian)
                parts = [stem[:n] for n in (2, 3, 4) if n <= len(stem)]
            listed = [_spellings(part) for part in parts]
            if any(forms is None for forms in listed):
                candidates = self._spelling_candidates(e, parts, latin, lead_of)
            else:
                candidates = sorted({i for forms in listed for t in forms for i in spelling.get((e.type, t), ())})
            matches = [latin[i] for i in candidates if latin[i].name in self.entities]
            if len({m.name for m in matches}) > 1 and e.type == "org":
                matches = _same_kind(name, matches, d)  # 恒晟控股: Hengsheng Holdings, not Hengsheng Land
            if len({m.name for m in matches}) == 1 and not (e.type == "org" and _named_otherwise(name, matches[0], d)):
                self._merge(e.name, into=matches[0].name)
        self._person_before_org_word(spelling, latin)

    def _person_before_org_word(self, spelling: dict[tuple[str, str], list[int]], latin: list[Entity]) -> None:
        """苏婉晴工作室 is the studio of 苏婉晴, who is Su Wanqing: a Chinese organisation's short form
        (its name without the organisation word) that spells a Latin person's name is that person's."""
        for e in list(self.entities.values()):
            if e.type != "org" or e.name.isascii() or e.name not in self.entities:
                continue
            for alias in sorted(a for a in e.aliases if not a.isascii() and a != key(e.name) and key(e.name).startswith(a)):
                forms = _spellings(fold(alias))
                people = {latin[i].name for t in forms or () for i in spelling.get(("person", t), ())
                          if latin[i].name in self.entities}
                if len(people) == 1 and self._by_key.get(alias) == e.name:
                    person = people.pop()
                    e.aliases.discard(alias)
                    self._by_key[alias] = person
                    self.entities[person].aliases.add(alias)

    def _spelling_candidates(self, e: Entity, parts: list[str], latin: list[Entity],
                             lead_of: dict[str, str]) -> list[int]:
        """The Latin names `parts` of a Chinese name spell, compared one by one (for a name with
        too many spellings to list)."""
        firsts = {f for part in parts for f in _first_syllables(part)}
        found = []
        for i, l in enumerate(latin):
            if l.type != e.type:
                continue
            spelt = l.name if l.type == "person" else lead_of[l.name]
            if not any(t.startswith(f) for t in _romanised_targets(spelt) for f in firsts):
                continue
            if any(romanizes(part, spelt) for part in parts):
                found.append(i)
        return found

    def _short_org_names(self, d: dict) -> None:
        """Halcyra for Halcyra Labs: the first word of an organisation's name, where it names
        one organisation only and no person; and "Harbour Wing" for Harbour Wing Airways: its
        first words, where the text alone saw them (taken for a person's name) and they begin
        one organisation's name only. A body named after a company (its union) is left out."""
        firsts: dict[str, set[str]] = {}
        leads: dict[str, set[str]] = {}
        for e in self.entities.values():
            words = e.name.split()
            if e.type != "org" or len(words) < 2 or words[-1] in d["affiliate_ends"]:
                continue
            first = words[0]
            if first not in d["not_name_starts"] and first not in d["org_words"] and len(first) >= 3:
                firsts.setdefault(key(first), set()).add(e.name)
            for n in range(2, len(words)):
                leads.setdefault(key(" ".join(words[:n])), set()).add(e.name)
        for k, names in firsts.items():
            if k in self._surname or k in self._given or k in d["places"]:
                continue
            if len(names) > 1:  # Lumora for Lumora Semiconductor in one article, for Lumora Health in another
                self._shared[k] = tuple(sorted(names))
                continue
            target = next(iter(names))
            existing = self._by_key.get(k)
            if existing is None:
                self._by_key[k] = target
                self.entities[target].aliases.add(k)
            elif existing != target and self.entities[existing].origin == "text" and " " not in existing:
                self._merge(existing, into=target)
        for k, names in sorted(leads.items()):
            existing = self._by_key.get(k)
            if len(names) == 1 and existing is not None and existing not in names and existing in self.entities \
                    and self.entities[existing].origin == "text" and key(existing) == k:
                self._merge(existing, into=next(iter(names)))

    def _cjk_surname_forms(self, d: dict) -> None:
        """顾氏 stands for the one person with the surname 顾."""
        by_surname: dict[str, set[str]] = {}
        for e in self.entities.values():
            if e.type != "person":
                continue
            for alias in e.aliases:
                if not alias.isascii() and 2 <= len(alias) <= 4 and alias[0] in d["surnames"]:
                    by_surname.setdefault(alias[0], set()).add(e.name)
        for surname, names in by_surname.items():
            if len(names) == 1:
                target = next(iter(names))
                for suffix in d["surname_suffix"]:
                    k = key(surname + suffix)
                    if k not in self._by_key:
                        self._by_key[k] = target
                        self.entities[target].aliases.add(k)

    def fingerprint(self) -> tuple:
        """Everything mention finding depends on: two indexes with the same fingerprint find the
        same mentions in any text."""
        return (
            tuple(sorted(self._by_key.items())),
            tuple(sorted((n, e.type) for n, e in self.entities.items())),
            tuple(sorted((k, tuple(sorted(v))) for k, v in self._surname.items())),
            tuple(sorted((k, tuple(sorted(v))) for k, v in self._given.items())),
            tuple(sorted(self._shared.items())),
        )

    def mention_state(self) -> dict:
        """What finding mentions reads of a finalized index (the parts of its fingerprint), as
        JSON data for the cache: `from_mention_state` makes an index that finds the same mentions."""
        return {
            "by_key": self._by_key,
            "types": {n: e.type for n, e in self.entities.items()},
            "surname": {k: sorted(v) for k, v in self._surname.items()},
            "given": {k: sorted(v) for k, v in self._given.items()},
            "shared": {k: list(v) for k, v in self._shared.items()},
        }

    @classmethod
    def from_mention_state(cls, state: dict) -> EntityIndex:
        """A finalized index for finding mentions (not for learning more names) from
        `mention_state`'s data; ValueError when the data is not such a state."""
        index = cls([])
        try:
            by_key, types = state["by_key"], state["types"]
            people = {part: {k: set(v) for k, v in state[part].items()} for part in ("surname", "given")}
            shared = {k: tuple(v) for k, v in state.get("shared", {}).items()}
            strings = [*by_key.items(), *types.items(),
                       *((k, n) for part in people.values() for k, names in part.items() for n in names),
                       *((k, n) for k, names in shared.items() for n in names)]
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not an index's mention state: {exc}") from None
        if not all(isinstance(a, str) and isinstance(b, str) for a, b in strings):
            raise ValueError("not an index's mention state: a name or key that is not text")
        named = set(by_key.values()) | {n for part in people.values() for names in part.values() for n in names} \
            | {n for names in shared.values() for n in names}
        if not named <= types.keys():
            raise ValueError("not an index's mention state: a key names no entity")
        index.entities = {n: Entity(n, t, "text") for n, t in types.items()}
        for k, n in by_key.items():
            index.entities[n].aliases.add(k)
        index._by_key = dict(by_key)
        index._surname, index._given = people["surname"], people["given"]
        index._shared = shared
        return index

    def _merge(self, name: str, into: str) -> None:
        if name == into or name not in self.entities or into not in self.entities:
            return
        gone = self.entities.pop(name)
        target = self.entities[into]
        target.aliases |= gone.aliases
        target.count += gone.count
        # every key that names an entity is among its aliases, so these are all its keys
        for k in gone.aliases | {key(name)}:
            self._by_key[k] = into
        if " " in name and gone.type == "person":  # a merge after the people were indexed
            surname, given = _surname_and_given(key(name).split())
            for index, part in ((self._surname, surname), (self._given, given)):
                if part in index:
                    index[part].discard(name)
                    if target.type == "person" and " " in into:
                        index[part].add(into)

    def person_for_token(self, token: str) -> str | None:
        """The one person a surname, given name or misspelt surname alone refers to."""
        k = key(_POSSESSIVE.sub("", token))
        for index in (self._surname, self._given):
            names = index.get(k)
            if names and len(names) == 1:
                return next(iter(names))
        if len(k) >= 6:
            if k not in self._close_memo:
                self._close_memo[k] = self._close_person(k)
            return self._close_memo[k]
        return None

    def _close_person(self, k: str) -> str | None:
        """The one person whose surname is spelt close to `k` (Sustkever for Sutskever). Only
        surnames that start with the same letter (the block) and have a length that can be that
        close are compared, in rapidfuzz's C loop: an archive's thousands of people cost little."""
        self._surname_blocks()
        n = len(k)
        # the surnames a key of this initial and length is compared with, listed once for all such
        # keys (listing them for each key was half the time: the blocks grow with the corpus)
        surnames = self._close_candidates.get((k[:1], n))
        if surnames is None:
            # fuzz.ratio is at most 100 * (1 - |n - m| / (n + m)): other lengths cannot reach FUZZY_NAME
            surnames = self._close_candidates[k[:1], n] = [
                s for m in range(1, 2 * n + 1) if abs(n - m) * 100 <= (100 - FUZZY_NAME) * (n + m)
                for s in self._surname_lengths.get((k[:1], m), ())]
        close = {name for s, _, _ in process.extract(k, surnames, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME, limit=None)
                 for name in self._surname[s]}
        return next(iter(close)) if len(close) == 1 else None

    def _surname_blocks(self) -> None:
        """The surnames by first letter and length, for `_close_person`."""
        if self._surname_lengths is None:  # built whole, then shared (threads of a dask worker share the index)
            blocks: dict[tuple[str, int], list[str]] = {}
            for s in self._surname:
                blocks.setdefault((s[:1], len(s)), []).append(s)
            self._surname_lengths, self._close_candidates = blocks, {}

    def canonical(self, name: str) -> str | None:
        found = self._by_key.get(key(name))
        if found:
            return found
        if " " not in name.strip():
            return self.person_for_token(name)
        return None

    # ------------------------------------------------------------------ finding mentions
    def _compiled(self) -> re.Pattern[str]:
        """The index of names in Chinese script (a regex of the characters they start with, and
        the lengths of the names each pair of first characters starts); Latin names are looked
        up word by word. Built in one pass over the names, however many a registry has."""
        if self._regex is None:
            cjk: set[str] = set()
            lengths: dict[str, set[int]] = {}
            # the first words of Latin names: a word that starts none is looked up no further
            # (a key is in lower case, so split_camel leaves it as it is: its own first word)
            first_words: set[str] = set()
            max_words = 1
            # one pass: an archive's index has hundreds of thousands of keys (and the short names
            # two people share are found to be told apart by the article)
            for k in itertools.chain(self._by_key, self._shared):
                if k.isascii():
                    first_words.add(k.partition(" ")[0])
                    max_words = max(max_words, k.count(" ") + 1)
                elif len(k) >= 2:
                    cjk.add(k)
                    lengths.setdefault(k[:2], set()).add(len(k))
            self._cjk_keys = cjk
            self._cjk_lengths = {start: sorted(ns, reverse=True) for start, ns in lengths.items()}
            firsts = sorted({k[0] for k in cjk})
            self._max_words = max_words
            self._first_words = first_words
            self._starts_name = {}
            # set last: threads sharing the index (a dask worker's) use the rest once this is set
            self._regex = re.compile("[" + "".join(re.escape(ch) for ch in firsts) + "]" if firsts else "(?!)")
        return self._regex

    def ready(self) -> EntityIndex:
        """This index with what finding mentions reads built now (else when first read): built
        before processes are forked, it is one copy they share, not one each (and a process
        that built the surnames' blocks itself would read every surname of the index, copying
        the pages they are on from the process it was forked from)."""
        self._compiled()
        self._surname_blocks()
        return self

    def _cjk_names(self, folded: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Names in Chinese script in folded[start:end], left to right, the longest at each
        place, never overlapping (what one regex of every name would find)."""
        regex = self._compiled()
        keys, lengths = self._cjk_keys, self._cjk_lengths
        pos = start
        while True:
            m = regex.search(folded, pos, end)
            if m is None:
                return
            i = m.start()
            pos = i + 1
            for n in lengths.get(folded[i:i + 2], ()):
                if i + n <= end and folded[i:i + n] in keys:
                    yield i, i + n
                    pos = i + n
                    break

    def _lookup(self, surface: str) -> str | None:
        surface = _POSSESSIVE.sub("", surface) if surface.endswith(("'s", "’s", "'", "’")) else surface
        return self._by_key.get(key(surface)) or self._by_key.get(key(split_camel(surface)))

    def mentions(self, text: str, folded: str, spans: list[tuple[int, int]] | None = None) -> list[Mention]:
        """Mentions of known entities and pronouns, in text order, never overlapping."""
        found: list[Mention] = []
        shared: list[tuple[int, int, tuple[str, ...]]] = []
        for start, end in spans or [(0, len(text))]:
            for a, b in self._cjk_names(folded, start, end):
                canonical = self._by_key.get(folded[a:b])
                if canonical is not None:
                    found.append(Mention(a, b, canonical, self.entities[canonical].type))
                elif folded[a:b] in self._shared:
                    shared.append((a, b, self._shared[folded[a:b]]))
            found.extend(self._latin_mentions(text, folded, start, end, shared))
            found.extend(self._pronouns(folded, start, end))
        if shared or self._shared:
            # 林德奎斯特, Lindqvist, Lumora alone: the one of those it names this article names in full
            named = {m.entity for m in found}
            for a, b, people in shared:
                hits = [p for p in people if p in named]
                if len(hits) > 1:
                    # both named in full ("chief financial officer Lin Pei-shan … rival X named Howard
                    # Lin"): the one named last before it
                    before = [m for m in found if m.entity in hits and m.end <= a and not m.pronoun]
                    hits = [max(before, key=lambda m: m.start).entity] if before else hits
                if len(hits) == 1:
                    found.append(Mention(a, b, hits[0], self.entities[hits[0]].type))
            for i, m in enumerate(found):
                names = self._shared.get(key(text[m.start:m.end])) if m.entity and not m.pronoun else None
                if names and m.entity not in names:
                    hits = [n for n in names if n in named]
                    if len(hits) == 1:  # (an organisation of its own by that name, elsewhere)
                        found[i] = Mention(m.start, m.end, hits[0], self.entities[hits[0]].type)
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        out: list[Mention] = []
        for mention in found:
            if out and mention.start < out[-1].end:
                continue
            out.append(mention)
        return out

    def _latin_mentions(self, text: str, folded: str, start: int, end: int,
                        shared: list[tuple[int, int, tuple[str, ...]]] | None = None) -> list[Mention]:
        """Latin-script names: the longest run of up to N adjacent words that is a known name
        (JohnSchulman and John Schulman alike), else a surname or given name alone."""
        words = []
        for m in _LATIN_WORD.finditer(folded, start, end):
            s, e = m.start(), m.end()
            while e > s and folded[e - 1] in ".-'’":
                e -= 1
            if folded.endswith(("'s", "’s"), s, e):
                e -= 2
            if e > s:
                words.append((s, e))
        out: list[Mention] = []
        firsts, starts_name = self._first_words, self._starts_name
        i = 0
        while i < len(words):
            hit = None
            surface0 = text[words[i][0]:words[i][1]]
            known = starts_name.get(surface0)
            if known is None:
                if len(starts_name) >= 200_000:
                    starts_name.clear()
                known = starts_name[surface0] = \
                    key(surface0) in firsts or key(split_camel(surface0)).split(" ")[0] in firsts
            longest = min(self._max_words, len(words) - i) if known else 0
            for n in range(longest, 0, -1):
                if n > 1 and any(folded[words[j][1]:words[j + 1][0]] not in (" ", "\t", "", " & ")
                                 for j in range(i, i + n - 1)):
                    continue
                s, e = words[i][0], words[i + n - 1][1]
                canonical = self._lookup(text[s:e])
                if canonical is not None and (not text[s:e].islower() or canonical.islower()):
                    hit = (n, s, e, canonical)  # "chip" is not Chip Capital; xAI stays xAI
                    break
            if hit is None and not surface0.islower():  # a word in lower case names no one alone
                s, e = words[i]
                if (surface0[:1].isupper() or _CAMEL.search(surface0)) and _LATIN_TOKEN_RE.fullmatch(surface0):
                    canonical = self.person_for_token(surface0)
                    if canonical is not None:
                        hit = (1, s, e, canonical)
                    elif shared is not None:  # Lindqvist, the surname of two people: the article's
                        k = key(_POSSESSIVE.sub("", surface0))
                        people = self._surname.get(k) or self._given.get(k) or self._shared.get(k)
                        if people and len(people) > 1:
                            shared.append((s, e, tuple(sorted(people))))
            if hit is None:
                i += 1
                continue
            n, s, e, canonical = hit
            out.append(Mention(s, e, canonical, self.entities[canonical].type))
            i += n
        return out

    def _pronouns(self, folded: str, start: int, end: int) -> list[Mention]:
        bare_re, regexes = _pronoun_regexes()
        out = [
            Mention(m.start(1), m.end(1), "", "org", pronoun=True, bare=True)
            for m in bare_re.finditer(folded, start, end)
        ]
        for kind, regex in regexes:
            out.extend(Mention(m.start(), m.end(), "", kind, pronoun=True, head=_named_head(m) if kind == "org" else "")
                       for m in regex.finditer(folded, start, end))
        return out


def _named_head(m: re.Match) -> str:
    """The noun of a description that an organisation's name may carry ("the bank"), or ""."""
    head = (m.group("head") or "").lower()
    return "" if head in _data()["generic_org_heads"] else head


@table("extract")
def _pronoun_regexes() -> tuple[re.Pattern[str], list[tuple[str, re.Pattern[str]]]]:
    d = _data()["pronouns"]
    not_before = alternation(fold(w) for w in d["not_before"])
    bare = alternation(fold(w) for w in d.get("bare_org", []))
    after = re.escape(fold(d.get("bare_org_after", "")))
    # each regex opens with a lookahead on the characters its words start with (starts_gate)
    bare_words = [fold(w) for w in d.get("bare_org", [])]
    bare_re = re.compile(rf"{starts_gate(bare_words)}(?:^|(?<=[。，,；;：:！？!?\s{after}]))({bare})(?!名|家)",
                         re.MULTILINE)
    regexes = []
    for kind in ("person", "org", "product"):
        words = [fold(w) for w in d.get(kind, [])]
        latin = [w for w in words if w.isascii()]
        cjk = [w for w in words if not w.isascii()]
        parts = []
        if cjk:
            parts.append(f"{alternation(cjk)}(?!{not_before})")
        if latin:
            parts.append(rf"\b{alternation(latin)}\b")
        if kind == "org" and d.get("zh_org_description_openers"):
            openers = alternation(fold(w) for w in d["zh_org_description_openers"])
            heads = alternation(fold(w) for w in d["zh_org_description_heads"])
            parts.append(rf"(?:{openers})[^，。；：！？、,.;:!?\s“”「」（）()]{{0,16}}?(?:{heads})(?!{not_before})")
            words = [*words, *(fold(w) for w in d["zh_org_description_openers"])]
        if kind == "org" and d.get("org_heads"):
            heads = alternation(h for h in d["org_heads"])
            parts.append(rf"\b(?:the|this)\s+(?:[A-Za-z0-9][A-Za-z0-9\-]*\s+){{0,2}}?(?P<head>{heads})\b(?!\s+[A-Z])")
            words = [*words, "the", "this"]
        gate = starts_gate(words) if parts else ""
        regexes.append((kind, re.compile(gate + "(?:" + "|".join(parts) + ")", re.IGNORECASE)))
    return bare_re, regexes
