"""A realistic corpus for `make bench`: the repository's own articles, grouped as stories, retold
with other people, companies, dates and amounts.

A story is a set of articles about one event (seeds/, each pair of tests/data/invented/,
examples/news/). Its people and organisations are found by the verifier's own entity index,
and each copy of the story (a variant) gives each of them a new name, the same in every
article of the copy and in every script: a Latin name (Mrinank Sharma -> Casper Lindqvist), a
Chinese name with its pinyin (林佩珊 / Lin Peishan -> 周文安 / Zhou Wenan), a transliteration
(哈特维尔), a company's stem (蓝汀生物 / LantingBio -> 安和生物 / AnheBio). Names in the shipped
registry (OpenAI, Microsoft) stay: a newsroom's archive speaks of them everywhere. Amounts are
scaled by a factor of the variant (so values differ between copies), days of the month move
by whole weeks (weekdays stay right), and one article in five changes one amount or day of
its own, so sources disagree. Everything is drawn from a seeded random generator: the same
call writes the same files.

    python -m verifier.bench.corpus DIR N     # write N articles into DIR
"""

from __future__ import annotations

import random
import re
import sys
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FACTORS = (0.5, 0.6, 0.75, 0.8, 0.9, 1.1, 1.2, 1.25, 1.5, 1.6, 1.8, 2.0, 2.5, 3.0)
OWN_CHANGE = 0.2  # share of articles that change one value of their own
_NUMBER = re.compile(r"(?<![0-9A-Za-z.,\-])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![0-9A-Za-z])")
_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_QUOTE = re.compile(r"[“「『\"]([^“”「」『』\"\n]{4,}?)[”」』\"]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_MULTIPLIER = re.compile(r"\s?(?:[億亿萬万千百]|billion|million|thousand|%)")
_AFTER_MONTH = re.compile(_MONTHS + r"\s+$")


def stories(root: Path = ROOT) -> list[tuple[str, list[Path]]]:
    """(story name, its article files) from the repository's own articles."""
    out = [("seeds", sorted((root / "seeds").glob("*.txt")))]
    invented = root / "tests" / "data" / "invented"
    for name in sorted({p.stem.split("_")[0] for p in invented.glob("*_*.*")}):
        out.append((name, sorted(p for p in invented.iterdir() if p.stem.startswith(name + "_"))))
    news = root / "examples" / "news"
    out.append(("harborline", sorted(p for p in news.iterdir() if p.suffix in (".txt", ".md"))))
    return [(n, files) for n, files in out if files]


@lru_cache(maxsize=1)
def _names() -> dict:
    return tomllib.loads((Path(__file__).with_name("names.toml")).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _translit() -> str:
    """Transliteration characters written the same in both scripts."""
    import opencc

    from verifier.lang import read_data_file

    s2t = opencc.OpenCC("s2t")
    chars = read_data_file("entities.toml")["names"]["transliteration"]
    return "".join(dict.fromkeys(c for c in chars if s2t.convert(c) == c and c != "·"))


def _pinyin(chinese: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(chinese, style=Style.NORMAL)


# --------------------------------------------------------------------------- analysis
@dataclass
class Article:
    name: str  # file name
    text: str
    mentions: list[tuple[int, int, str]]  # (start, end, entity)
    numbers: list[tuple[int, int, str]]  # (start, end, "amount" | "day")
    quotes: list[tuple[int, int]] = field(default_factory=list)  # the words inside quotation marks


@dataclass
class Entity:
    name: str
    type: str  # person, org
    kind: str = ""  # person-latin, person-sino, person-cjk, org-latin, org-sino, org-cjk
    surfaces: set[str] = field(default_factory=set)


@dataclass
class Template:
    story: str
    articles: list[Article]
    entities: dict[str, Entity]
    days: tuple[int, int]  # the smallest and largest day of the month the story names


def analyse(story: str, files: list[Path]) -> Template:
    """Where the story's names, amounts and days are."""
    from verifier.claims.entities import load_registry, romanizes
    from verifier.pipeline import learning_spans, prepare, settle_datelines, build_index
    from verifier.text.sources import load

    prepared = [prepare(s) for s in load(files)]
    settle_datelines(prepared)
    registry = load_registry()
    index = build_index(prepared, registry)
    kept = {e["name"] for e in registry}
    entities: dict[str, Entity] = {}
    articles = []
    for p, path in zip(prepared, files):
        text = p.source.text
        mentions = []
        for m in index.mentions(text, p.source.folded, learning_spans(p)):
            e = index.entities.get(m.entity)
            if m.pronoun or e is None or e.type not in ("person", "org") or m.entity in kept or e.origin == "registry":
                continue
            entities.setdefault(m.entity, Entity(m.entity, e.type)).surfaces.add(text[m.start:m.end])
            mentions.append((m.start, m.end, m.entity))
        mentions += _unfound(text, mentions, entities)
        taken = [(a, b) for a, b, _ in mentions]
        numbers = []
        for m in _NUMBER.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            kind = _number_kind(text, m)
            if kind:
                numbers.append((m.start(), m.end(), kind))
        quotes = [(m.start(1), m.end(1)) for m in _QUOTE.finditer(text)]
        articles.append(Article(path.name, text, mentions, numbers, quotes))
    for e in entities.values():
        latin = e.name.isascii()
        sino = latin and any(not s.isascii() and romanizes(_stem(s), e.name.split()[0] if e.type == "org" else e.name)
                             for s in e.surfaces)
        e.kind = f"{e.type}-{'sino' if sino else 'latin' if latin else 'cjk'}"
    days = [int(a.text[s:t]) for a in articles for s, t, k in a.numbers if k == "day"]
    return Template(story, articles, entities, (min(days, default=1), max(days, default=1)))


def _unfound(text: str, mentions: list[tuple[int, int, str]], entities: dict[str, Entity]) -> list[tuple[int, int, str]]:
    """Latin spellings of the story's names that the index found elsewhere but not here
    (LantingBio in a gloss): the copy renames them too."""
    forms = {}
    for e in entities.values():
        for s in e.surfaces | {e.name, e.name.replace(" ", "")}:
            if s.isascii() and len(s) >= 3:
                forms.setdefault(s, e.name)
    if not forms:
        return []
    regex = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![A-Za-z0-9])")
    out = []
    for m in regex.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b, _ in mentions):
            out.append((m.start(), m.end(), forms[m.group(0)]))
    return out


def _number_kind(text: str, m: re.Match) -> str | None:
    raw = m.group(0).replace(",", "")
    after = text[m.end():m.end() + 1]
    if "." not in raw and len(raw) == 4 and 1950 <= int(raw) <= 2099:
        return None  # a year
    if "." not in raw and int(raw) <= 31 and not _MULTIPLIER.match(text, m.end()):
        if after in "日号號" and after or _AFTER_MONTH.search(text[max(0, m.start() - 12):m.start()]):
            return "day"
        return None  # a small count, a month, an hour: left alone
    if after == "月" or text[max(0, m.start() - 1):m.start()] in ("/", ":"):
        return None
    return "amount"


def _stem(surface: str) -> str:
    """A Chinese organisation's name without its organisation word."""
    from verifier.claims.entities import _data
    from verifier.text.fold import fold

    folded = fold(surface)
    for suffix in sorted(_data()["org_suffixes"], key=len, reverse=True):
        if folded.endswith(suffix) and len(folded) > len(suffix):
            return surface[:-len(suffix)]
    return surface


# --------------------------------------------------------------------------- variants
class Names:
    """The new names of one variant: each entity gets one, in every script."""

    def __init__(self, template: Template, rng: random.Random) -> None:
        self.rng = rng
        self.by_entity: dict[str, dict] = {}
        self.words: dict[str, str] = {}  # a quote's Latin words, reworded
        self.cipher: dict[str, str] = {}  # a quote's Chinese characters (folded), reworded
        for name in sorted(template.entities):
            self.by_entity[name] = self._invent(template.entities[name])

    def _latin_word(self) -> str:
        syl = _names()["syllables"]
        return "".join(self.rng.choice(syl) for _ in range(self.rng.choice((2, 2, 3)))).capitalize()

    def _cjk(self, chars: str, n: int) -> str:
        return "".join(self.rng.choice(chars) for _ in range(n))

    def _invent(self, e: Entity) -> dict:
        n, r = _names(), self.rng
        if e.kind == "person-latin":
            return {"given": r.choice(n["latin_given"]), "surname": _invented_surname(r),
                    "t_given": self._cjk(_translit(), 2), "t_surname": self._cjk(_translit(), 3)}
        if e.kind in ("person-sino", "person-cjk"):
            size = len(e.name) if e.kind == "person-cjk" else 3
            chinese = r.choice(n["cjk_surnames"]) + self._cjk(n["cjk_given"], max(1, min(size, 4) - 1))
            syl = _pinyin(chinese)
            return {"chinese": chinese, "given": "".join(syl[1:]).capitalize(), "surname": syl[0].capitalize()}
        if e.kind == "org-sino":
            stem = self._cjk(n["cjk_stems"], 2)
            return {"stem": stem, "lead": "".join(_pinyin(stem)).capitalize(), "words": {}}
        return {"stem": self._cjk(n["cjk_stems"], 2), "lead": self._latin_word(), "words": {}}

    def surface(self, entity: Entity, surface: str) -> str:
        from verifier.claims.entities import _data, key, split_camel

        new = self.by_entity[entity.name]
        if entity.type == "person":
            if surface.isascii():
                words = split_camel(surface).split()
                glue = "" if " " not in surface and len(words) > 1 else " "
                if len(words) == 1:
                    first = {key(w) for w in split_camel(entity.name).split()[:-1]}
                    return new["given"] if key(words[0]) in first else new["surname"]
                return glue.join([new["given"], new["surname"]])
            if "chinese" in new:
                chinese = new["chinese"]
                return chinese if len(surface) >= len(chinese) or len(surface) > 2 else chinese[0] + surface[1:]
            return f"{new['t_given']}·{new['t_surname']}" if "·" in surface else new["t_surname"]
        org_words = _data()["org_words"]
        if surface.isascii():
            words = split_camel(surface).split() if " " not in surface else surface.split()
            glue = "" if " " not in surface else " "
            out = []
            for i, w in enumerate(words):
                if w in org_words and i:
                    out.append(w)
                elif i == 0:
                    out.append(new["lead"])
                else:
                    out.append(new["words"].setdefault(w, self._latin_word()))
            return glue.join(out)
        stem = _stem(surface)
        if len(stem) > 2:  # a longer stem keeps its length, the same in every article of the copy
            stem_new = new.setdefault(f"stem{len(stem)}", new["stem"] + self._cjk(_names()["cjk_stems"], len(stem) - 2))
        else:
            stem_new = new["stem"]
        return stem_new + surface[len(stem):]


def variant(template: Template, v: int, seed: int = 0) -> list[tuple[str, str]]:
    """The articles of copy `v` of the story: (file name, text)."""
    rng = random.Random(f"{seed}:{template.story}:{v}")
    names = Names(template, rng)
    factor = rng.choice(FACTORS)
    low, high = template.days
    weeks = [k for k in (-2, -1, 0, 1, 2, 3) if 1 <= low + 7 * k and high + 7 * k <= 28] or [0]
    shift = 7 * rng.choice(weeks)
    out = []
    for article in template.articles:
        own = rng.random() < OWN_CHANGE
        target = rng.randrange(len(article.numbers)) if own and article.numbers else -1
        edits = [(s, e, names.surface(template.entities[ent], article.text[s:e])) for s, e, ent in article.mentions]
        for i, (s, e, kind) in enumerate(article.numbers):
            raw = article.text[s:e]
            if kind == "day":
                day = int(raw) + shift + (rng.choice((-1, 1)) if i == target else 0)
                edits.append((s, e, str(min(28, max(1, day)))))
            else:
                edits.append((s, e, _scaled(raw, factor * (rng.choice((0.8, 0.9, 1.1, 1.25)) if i == target else 1))))
        edits += _reworded(article, edits, names)
        text = article.text
        for s, e, new in sorted(edits, reverse=True):
            text = text[:s] + new + text[e:]
        stem, _, suffix = article.name.rpartition(".")
        out.append((f"{template.story}-{v:05d}-{stem}.{suffix}", text))
    return out


def _reworded(article: Article, edits: list[tuple[int, int, str]], names: Names) -> list[tuple[int, int, str]]:
    """The words of the article's quotes, reworded for this copy: each copy of a story quotes
    its people saying something of their own (the same in every article of the copy, in either
    script), as an archive's different stories do. Names and numbers inside keep their edits."""
    from verifier.text.fold import fold

    taken = [(s, e) for s, e, _ in edits]
    pool = _names()["cjk_given"] + _names()["cjk_stems"]
    out = []
    for qs, qe in article.quotes:
        for m in _LATIN_WORD.finditer(article.text, qs, qe):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                word = names.words.setdefault(m.group(0).lower(), names._latin_word().lower())
                out.append((m.start(), m.end(), word.capitalize() if m.group(0)[0].isupper() else word))
        for i in range(qs, qe):
            ch = article.text[i]
            if "\u4e00" <= ch <= "\u9fff" and not any(a <= i < b for a, b in taken):
                out.append((i, i + 1, names.cipher.setdefault(fold(ch), names.rng.choice(pool))))
    return out


def _scaled(raw: str, factor: float) -> str:
    plain = raw.replace(",", "")
    if "." in plain:
        decimals = len(plain.split(".")[1])
        return f"{float(plain) * factor:.{decimals}f}"
    zeros = len(plain) - len(plain.rstrip("0"))
    step = 10 ** min(zeros, len(plain) - 1)
    value = max(step, round(int(plain) * factor / step) * step)
    return f"{value:,}" if "," in raw else str(value)


def generate(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write `n` articles into `folder`: copies of the stories in turn, until there are n."""
    templates = [analyse(name, files) for name, files in stories()]
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    v = 0
    while len(written) < n:
        for t in templates:
            for name, text in variant(t, v, seed):
                if len(written) == n:
                    return written
                path = folder / name
                path.write_text(text, encoding="utf-8")
                written.append(path)
        v += 1
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[1].isdigit():
        print("usage: python -m verifier.bench.corpus DIR N", file=sys.stderr)
        return 2
    files = generate(Path(argv[0]), int(argv[1]))
    print(f"wrote {len(files)} articles into {argv[0]}")
    return 0



def registry(n: int, seed: int = 0) -> str:
    """A newsroom's registry of `n` people and organisations (TOML with [[entity]] tables):
    Latin names with Chinese aliases and pinyin-consistent pairs, as a desk's would have."""
    rng = random.Random(f"{seed}:registry")
    names = _names()
    out = []
    seen: set[str] = set()
    while len(out) < n:
        kind = rng.random()
        if kind < 0.4:  # a Chinese person with the pinyin of the name
            chinese = rng.choice(names["cjk_surnames"]) + "".join(rng.choice(names["cjk_given"]) for _ in range(2))
            syl = _pinyin(chinese)
            name, type_, aliases = f"{syl[0].capitalize()} {''.join(syl[1:]).capitalize()}", "person", [chinese]
        elif kind < 0.7:  # a western person, with a transliteration
            given, surname = rng.choice(names["latin_given"]), _invented_surname(rng)
            name, type_ = f"{given} {surname}", "person"
            aliases = ["".join(rng.choice(_translit()) for _ in range(3))]
        else:  # a company, with its Chinese name
            stem = "".join(rng.choice(names["cjk_stems"]) for _ in range(2))
            lead = "".join(_pinyin(stem)).capitalize()
            name, type_ = f"{lead} {rng.choice(('Holdings', 'Robotics', 'Capital', 'Labs', 'Motors'))}", "org"
            aliases = [stem + rng.choice(("集团", "机器人", "资本", "科技", "汽车"))]
        if name in seen:
            continue
        seen.add(name)
        quoted = ", ".join(f'"{a}"' for a in aliases)
        out.append(f'[[entity]]\nname = "{name}"\ntype = "{type_}"\naliases = [{quoted}]\n')
    return "\n".join(out)


def _invented_surname(rng: random.Random) -> str:
    """A list surname or an invented one: an archive has far more surnames than a list."""
    names = _names()
    if rng.random() < 0.3:
        return rng.choice(names["latin_surnames"])
    return ("".join(rng.choice(names["syllables"]) for _ in range(rng.choice((2, 3)))) +
            rng.choice(("", "son", "er", "ley", "sky", "ton", "berg"))).capitalize()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
