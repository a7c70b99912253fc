"""Who a claim is about: entities, their names in every script, and their mentions in a text.

The index learns from three places, in this order of trust:
1. the registry (verifier/data/entities.toml, user-editable);
2. glosses in the corpus: 舒尔曼(JohnSchulman) makes 舒尔曼 a name of John Schulman everywhere;
3. names found in the text: runs of capitalised Latin words ("Mrinank Sharma"), Chinese names
   before a speech verb (刘鹏飞表示), single Latin tokens (OpenAI).
Then it merges spellings that are the same name (Zoë/Zoe, a typo such as Sustkever), and
resolves a surname or first name alone (Sharma, Ilya) to the one person in the corpus with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz

from verifier.lang import alternation, lang, read_data_file
from verifier.text.fold import fold

CJK = "\u3400-\u9fff"
LATIN_TOKEN = r"(?:[A-Z][A-Za-z'’]*|[a-z]+[A-Z][A-Za-z]*)(?:[-.][0-9A-Za-z]+)*"
FUZZY_NAME = 88  # rapidfuzz ratio above which two spellings are one name
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&.\-]*")
_LATIN_TOKEN_RE = re.compile(LATIN_TOKEN)
_CAMEL = re.compile(r"[a-z][A-Z]")


@dataclass
class Entity:
    name: str
    type: str  # person, org
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


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Match key of a name: folded script, no accents, case and spacing ignored."""
    return re.sub(r"\s+", " ", fold(name)).strip().casefold()


@lru_cache(maxsize=65536)
def split_camel(name: str) -> str:
    """JohnSchulman -> John Schulman (glosses in Chinese text often drop the space)."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).strip()


@lru_cache(maxsize=1)
def _data() -> dict:
    data = read_data_file("entities.toml")
    names = data["names"]
    en_not_names = lang("en")["sentence"]["not_names"]
    return {
        "registry": data.get("entity", []),
        "translit": set(fold(names["transliteration"])),
        "surnames": fold(names["surnames"]),
        "speech": [fold(v) for v in names["speech_verbs"]],
        "not_names": set(names["not_names"]) | set(en_not_names),
        "org_words": set(names["org_words"]),
        "pronouns": data["pronouns"],
        "org_name_after": [fold(w) for w in names["org_name_after"]],
    }


def load_registry(extra: str | None = None) -> list[dict]:
    """The shipped registry, plus the [[entity]] entries of a user's TOML file."""
    from verifier.inputs import read_entities

    entries = list(_data()["registry"])
    if extra:
        entries.extend(read_entities(extra))
    return entries


@lru_cache(maxsize=1)
def _learning_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = _data()
    gloss = re.compile(rf"([{CJK}·]+)\s*[（(]\s*([A-Za-z][A-Za-z .'\-]{{1,60}}?)\s*[）)]")
    run = re.compile(rf"(?<![A-Za-z0-9]){LATIN_TOKEN}(?:[ \t]+{LATIN_TOKEN})*(?:[ \t]+[0-9][0-9.]*)?(?![A-Za-z])")
    speaker = re.compile(rf"([{d['surnames']}][{CJK}]{{2}})(?={alternation(d['speech'])})")
    return gloss, run, speaker


def _is_person_token(token: str, d: dict) -> bool:
    return (
        token[:1].isupper() and token.replace("-", "").replace("'", "").replace("’", "").isalpha()
        and not token.isupper() and not re.search(r"[a-z][A-Z]", token)
        and token not in d["not_names"] and token not in d["org_words"]
    )


class EntityIndex:
    """Entities of a corpus and the names that refer to them."""

    def __init__(self, registry: Iterable[dict] | None = None) -> None:
        self.entities: dict[str, Entity] = {}
        self._by_key: dict[str, str] = {}
        self._surname: dict[str, set[str]] = {}
        self._given: dict[str, set[str]] = {}
        self._tokens: dict[str, tuple[int, int]] = {}  # token -> (seen inside a sentence, seen)
        self._regex: re.Pattern[str] | None = None
        self._max_words = 1
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
            if ak and ak not in self._by_key:
                self._by_key[ak] = canonical
                entity.aliases.add(ak)
        self._regex = None
        return entity

    def learn(self, text: str, folded: str) -> None:
        """Learn names from one source's article text."""
        d = _data()
        gloss_re, run_re, speaker_re = _learning_regexes()
        for m in gloss_re.finditer(folded):
            self._learn_gloss(m.group(1), m.group(2), d)
        for m in run_re.finditer(text):
            before = text[max(0, m.start() - 8):m.start()].rstrip(" \t")
            initial = not before or before[-1] in ".!?:;\"“”'‘’\n\r"
            self._learn_latin_run(m.group(0), d, initial)
        for m in speaker_re.finditer(folded):
            name = m.group(1)
            if key(name) not in self._by_key and not any(ch in "的了是在和与及" for ch in name[1:]):
                self.add(text[m.start(1):m.end(1)], "person", "text")

    def _learn_gloss(self, chinese: str, latin: str, d: dict) -> None:
        raw = latin.strip()
        latin = split_camel(raw)
        tokens = latin.split()
        if not 2 <= len(tokens) <= 4 or not all(_is_person_token(t, d) for t in tokens):
            self._learn_org_gloss(chinese, raw, d)
            return
        suffix = ""
        for ch in reversed(chinese):
            if ch in d["translit"] or ch == "·":
                suffix = ch + suffix
            else:
                break
        suffix = suffix.lstrip("·")
        person = self._person(latin, "gloss")
        if len(suffix) >= 2:
            ak = key(suffix)
            self._by_key.setdefault(ak, person.name)
            person.aliases.add(ak)
            self._regex = None

    def _learn_org_gloss(self, chinese: str, latin: str, d: dict) -> None:
        """基因检测公司蓝汀生物(LantingBio): an organisation's name and its Chinese name."""
        if not re.fullmatch(r"[A-Z][A-Za-z0-9&.\- ]{1,40}", latin) or latin in d["not_names"] or latin.isupper():
            return
        cut = max((chinese.rfind(w) + len(w) for w in d["org_name_after"] if w in chinese), default=0)
        name = chinese[cut:]
        if not 2 <= len(name) <= 6 or all(ch in d["translit"] for ch in name):
            return  # a transliterated personal name glossed with a single word is not an org
        existing = self._by_key.get(key(latin))
        entity = self.entities[existing] if existing else self.add(latin, "org", "gloss")
        if entity.type != "org":
            return
        ak = key(name)
        self._by_key.setdefault(ak, entity.name)
        entity.aliases.add(ak)
        self._regex = None

    def _person(self, name: str, origin: str) -> Entity:
        existing = self._by_key.get(key(name))
        if existing:
            return self.entities[existing]
        return self.add(name, "person", origin)

    def _learn_latin_run(self, run: str, d: dict, sentence_initial: bool = False) -> None:
        """Persons from runs of two or three name-like words; single tokens are counted, and
        become organisations in finalize() if seen at least once inside a sentence (a
        capitalised first word of an English sentence is not a name by itself)."""
        tokens = run.split()
        if len(tokens) >= 2 and all(t.isupper() for t in tokens if t.isalpha()):
            return  # SAN FRANCISCO, a headline in capitals
        org_words = d["org_words"]
        i = 0
        while i < len(tokens):
            # Harbor Freight Labs, Northgate Capital: capitalised words ending in an org word
            k = i
            while k < len(tokens) and tokens[k] not in org_words and tokens[k] not in d["not_names"] \
                    and tokens[k][:1].isupper() and tokens[k].replace("-", "").isalnum():
                k += 1
            if i < k < len(tokens) and tokens[k] in org_words:
                e = k
                while e + 1 < len(tokens) and tokens[e + 1] in org_words:
                    e += 1
                name = " ".join(tokens[i:e + 1]).rstrip(".")
                if key(name) not in self._by_key:
                    self.add(name, "org", "text")
                self.entities[self._by_key[key(name)]].count += 1
                i = e + 1
                continue
            j = i
            while j < len(tokens) and _is_person_token(tokens[j], d):
                j += 1
            if j - i >= 2:
                # a person's name is two to three words; longer runs are titles or headlines
                if j - i <= 3:
                    self._person(" ".join(tokens[i:j]), "text").count += 1
                i = j
                continue
            token = tokens[i]
            if len(token) >= 2 and token not in d["not_names"] and not token[0].isdigit():
                inside = not (sentence_initial and i == 0) or bool(re.search(r"[a-z][A-Z]|^[A-Z]{2,}", token))
                seen_inside, total = self._tokens.get(token, (0, 0))
                self._tokens[token] = (seen_inside + inside, total + 1)
            i += 1

    def finalize(self) -> None:
        """Merge spellings of one name, then index surnames, given names and single tokens."""
        persons = sorted(
            (e for e in self.entities.values() if e.type == "person" and " " in e.name),
            key=lambda e: ({"registry": 0, "gloss": 1, "text": 2}[e.origin], -e.count, e.name),
        )
        for i, a in enumerate(persons):
            if a.name not in self.entities:
                continue
            for b in persons[i + 1:]:
                if b.name not in self.entities:
                    continue
                ka, kb = key(a.name), key(b.name)
                if ka.split()[0][:1] == kb.split()[0][:1] and fuzz.ratio(ka, kb) >= FUZZY_NAME:
                    self._merge(b.name, into=a.name)
        self._surname.clear()
        self._given.clear()
        for e in self.entities.values():
            if e.type != "person" or " " not in e.name:
                continue
            parts = key(e.name).split()
            self._surname.setdefault(parts[-1], set()).add(e.name)
            self._given.setdefault(parts[0], set()).add(e.name)
        d = _data()
        for token, (inside, count) in sorted(self._tokens.items()):
            if not inside:
                continue
            k = key(token)
            if k in self._by_key or key(split_camel(token)) in self._by_key or self.person_for_token(token):
                continue
            if token in d["org_words"]:
                continue
            self.add(token, "org", "text").count += count
        self._regex = None

    def fingerprint(self) -> tuple:
        """Everything mention finding depends on: two indexes with the same fingerprint find the
        same mentions in any text."""
        return (
            tuple(sorted(self._by_key.items())),
            tuple(sorted((n, e.type) for n, e in self.entities.items())),
            tuple(sorted((k, tuple(sorted(v))) for k, v in self._surname.items())),
            tuple(sorted((k, tuple(sorted(v))) for k, v in self._given.items())),
        )

    def _merge(self, name: str, into: str) -> None:
        gone = self.entities.pop(name)
        target = self.entities[into]
        target.aliases |= gone.aliases
        target.count += gone.count
        for k, v in list(self._by_key.items()):
            if v == name:
                self._by_key[k] = into

    def person_for_token(self, token: str) -> str | None:
        """The one person a surname, given name or misspelt surname alone refers to."""
        k = key(token)
        for index in (self._surname, self._given):
            names = index.get(k)
            if names and len(names) == 1:
                return next(iter(names))
        if len(k) >= 6:
            close = {n for s, names in self._surname.items() if fuzz.ratio(k, s) >= FUZZY_NAME for n in names}
            if len(close) == 1:
                return next(iter(close))
        return None

    def canonical(self, name: str) -> str | None:
        found = self._by_key.get(key(name))
        if found:
            return found
        if " " not in name.strip():
            return self.person_for_token(name)
        return None

    # ------------------------------------------------------------------ finding mentions
    def _compiled(self) -> re.Pattern[str]:
        """One regex for the names in Chinese script; Latin names are looked up word by word."""
        if self._regex is None:
            cjk = [k for k in self._by_key if len(k) >= 2 and not k.isascii()]
            self._regex = re.compile(alternation(cjk))
            self._max_words = max((k.count(" ") + 1 for k in self._by_key if k.isascii()), default=1)
        return self._regex

    def _lookup(self, surface: str) -> str | None:
        return self._by_key.get(key(surface)) or self._by_key.get(key(split_camel(surface)))

    def mentions(self, text: str, folded: str, spans: list[tuple[int, int]] | None = None) -> list[Mention]:
        """Mentions of known entities and pronouns, in text order, never overlapping."""
        found: list[Mention] = []
        regex = self._compiled()
        for start, end in spans or [(0, len(text))]:
            for m in regex.finditer(folded, start, end):
                canonical = self._by_key.get(m.group(0))
                if canonical is not None:
                    found.append(Mention(m.start(), m.end(), canonical, self.entities[canonical].type))
            found.extend(self._latin_mentions(text, folded, start, end))
            found.extend(self._pronouns(folded, start, end))
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        out: list[Mention] = []
        for mention in found:
            if out and mention.start < out[-1].end:
                continue
            out.append(mention)
        return out

    def _latin_mentions(self, text: str, folded: str, start: int, end: int) -> list[Mention]:
        """Latin-script names: the longest run of up to N adjacent words that is a known name
        (JohnSchulman and John Schulman alike), else a surname or given name alone."""
        words = []
        for m in _LATIN_WORD.finditer(folded, start, end):
            s, e = m.start(), m.end()
            while e > s and folded[e - 1] in ".-'’":
                e -= 1
            if e > s:
                words.append((s, e))
        out: list[Mention] = []
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(self._max_words, len(words) - i), 0, -1):
                if n > 1 and any(folded[words[j][1]:words[j + 1][0]] not in (" ", "\t", "")
                                 for j in range(i, i + n - 1)):
                    continue
                s, e = words[i][0], words[i + n - 1][1]
                canonical = self._lookup(text[s:e])
                if canonical is not None:
                    hit = (n, s, e, canonical)
                    break
            if hit is None:
                s, e = words[i]
                surface = text[s:e]
                if _LATIN_TOKEN_RE.fullmatch(surface) and (surface[:1].isupper() or _CAMEL.search(surface)):
                    canonical = self.person_for_token(surface)
                    if canonical is not None:
                        hit = (1, s, e, canonical)
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
            out.extend(Mention(m.start(), m.end(), "", kind, pronoun=True) for m in regex.finditer(folded, start, end))
        return out


@lru_cache(maxsize=1)
def _pronoun_regexes() -> tuple[re.Pattern[str], list[tuple[str, re.Pattern[str]]]]:
    d = _data()["pronouns"]
    not_before = alternation(fold(w) for w in d["not_before"])
    bare = alternation(fold(w) for w in d.get("bare_org", []))
    bare_re = re.compile(rf"(?:^|(?<=[。，,；;：:！？!?\s]))({bare})", re.MULTILINE)
    regexes = []
    for kind in ("person", "org"):
        words = [fold(w) for w in d[kind]]
        latin = [w for w in words if w.isascii()]
        cjk = [w for w in words if not w.isascii()]
        parts = []
        if cjk:
            parts.append(f"{alternation(cjk)}(?!{not_before})")
        if latin:
            parts.append(rf"\b{alternation(latin)}\b")
        regexes.append((kind, re.compile("|".join(parts), re.IGNORECASE)))
    return bare_re, regexes
