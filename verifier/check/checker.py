"""Checking a draft: extract its claims with the pipeline, compare each with the trusted
sources' claims about the same subject and the same thing, and say what was found.

For each claim of the draft (its relations to the sources come from `rules.engine.relate`):

- a source contradicts it and none supports it -> error, with the contradicting rule's code
  (D101, M101, N101, P101, T101, Q102);
- some sources support it and others contradict it, or the sources that fit it contradict
  each other -> W102 sources-disagree, warning;
- a quote whose wording differs from a source's (and no source has the same words)
  -> Q101 quote-altered, warning;
- a source confirms it with a more precise value -> W101 less-precise-than-source, warning;
- the sources confirm less than it says -> I102 detail-not-in-sources, info;
- no source speaks of it (or nothing they say can be compared) -> I101 unsupported-claim, info.

Within-source rules (D102 weekday-date-mismatch) run on the draft's own claims: errors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from verifier.check.diagnostics import SEVERITY_RANK, Diagnostic, Lines, Related, Severity
from verifier.check.markdown import is_markdown, mask, mask_plain
from verifier.check.trusted import Trusted
from verifier.claims.model import Claim
from verifier.errors import VerifierError

DRAFT_ID = "<draft>"
SNIPPET_WIDTH = 20  # characters of context either side of a source's words
QUOTE_CHARS = 40  # a quote longer than this is shortened in messages
MAX_NAMED = 3  # sources named in one message; the rest are counted
MOST_RELATED = 20  # source places listed with one diagnostic; the rest are counted


@dataclass
class Options:
    select: list[str] | None = None  # rule code prefixes (None: all)
    ignore: list[str] = field(default_factory=list)
    show_unsupported: bool = False
    published: dt.date | None = None  # the drafts' publication date, over any dateline
    default_published: dt.date | None = None  # used when a draft has no dateline


@dataclass
class DraftResult:
    path: str
    diagnostics: list[Diagnostic]  # what is reported, in text order
    claims: int = 0  # claims found in the draft
    hidden: int = 0  # info diagnostics not shown (no --show-unsupported)
    unselected: int = 0  # left out by --select / --ignore
    suppressed: int = 0  # silenced by a suppression comment
    baselined: int = 0  # already in the baseline file (--baseline)
    text: str = field(default="", repr=False)  # the draft as read, for code frames
    empty: bool = False  # no article text: nothing to check
    warnings: list[str] = field(default_factory=list)  # about the draft itself (unknown codes in comments)


# ----------------------------------------------------------------------------- selection
def normalize_codes(prefixes: list[str] | None, option: str) -> list[str] | None:
    """Upper-case code prefixes, each checked against the registered rules."""
    if prefixes is None:
        return None
    from verifier.rules.engine import rules

    codes = list(rules())
    out = []
    for raw in prefixes:
        for p in (x for x in re.split(r"[,\s]+", raw.strip()) if x):
            p = p.upper()
            if p == "ALL":
                p = ""
            elif not any(c.startswith(p) for c in codes):
                raise VerifierError(f"{option} {p}: no rule code starts with {p!r} (`verifier rules` lists them)")
            out.append(p)
    return out


def is_selected(code: str, select: list[str] | None, ignore: list[str]) -> bool:
    """The most specific matching prefix decides (--select D --ignore D1 leaves D2xx;
    --ignore D --select D101 keeps D101); on a tie, ignore wins."""
    chosen = max((len(p) for p in (select if select is not None else [""]) if code.startswith(p)), default=-1)
    dropped = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    return chosen >= 0 and chosen > dropped


# ----------------------------------------------------------------------------- suppression
_SUPPRESS = re.compile(r"<!--\s*verifier\s*:\s*(ignore-file|ignore)\b(.*?)-->", re.IGNORECASE | re.DOTALL)


@dataclass
class Suppressions:
    whole_file: list[str] = field(default_factory=list)  # prefixes ("" = every rule)
    by_line: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (line, code) no rule code starts with

    def covers(self, d: Diagnostic) -> bool:
        prefixes = self.whole_file + self.by_line.get(d.line, [])
        return any(d.code.startswith(p) for p in prefixes)


def suppressions(text: str, lines: Lines) -> Suppressions:
    """`<!-- verifier: ignore D101 M101 -->` alone on a line silences those codes (or every
    code, when none is named) on the next line; at the end of a line of text, on that line.
    `<!-- verifier: ignore-file CODE -->` anywhere silences them in the whole draft."""
    from verifier.rules.engine import rules

    known = list(rules())
    out = Suppressions()
    for m in _SUPPRESS.finditer(text):
        codes = [c.upper() for c in re.findall(r"[A-Za-z]+[0-9]*", m.group(2))] or [""]
        for code in codes:
            if not any(k.startswith(code) for k in known):
                out.unknown.append((lines.line_col(m.start())[0], code))
        if m.group(1).lower() == "ignore-file":
            out.whole_file.extend(codes)
            continue
        first, _, _ = lines.line_col(m.start())
        last, _, _ = lines.line_col(m.end())
        line_start = lines.starts[first - 1]
        line_end = lines.starts[last] if last < len(lines.starts) else len(text)
        alone = not text[line_start:m.start()].strip() and not text[m.end():line_end].strip()
        for n in ([last + 1] if alone else range(first, last + 1)):
            out.by_line[n].extend(codes)
    return out


def _warnings(path: str, sup: Suppressions) -> list[str]:
    return [f"{path}:{line}: no rule code starts with {code!r} in this suppression comment "
            "(`verifier rules` lists them)" for line, code in sup.unknown]


# ----------------------------------------------------------------------------- words
def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _short(text: str, limit: int = QUOTE_CHARS) -> str:
    text = _squash(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


MOST_SUPPORTED = 32  # a draft's value is compared with at most this many of the sources' values


class _Positions:
    """The sources' claims about one thing (subject, predicate, kind) grouped by value (quotes:
    by speaker and words), each group in source order. Built once per thing, so that checking
    a draft costs the number of its claims, not that times the number of the sources' claims."""

    def __init__(self, candidates: list[Claim]) -> None:
        from verifier.rules.engine import _position_key

        groups: dict[tuple, dict[tuple, Claim]] = {}
        for c in candidates:
            groups.setdefault(_position_key(c), {}).setdefault((c.source, c.start, c.end), c)
        self.by_key = {k: sorted(g.values(), key=_place) for k, g in groups.items()}
        self.groups = list(self.by_key.values())
        self.ranked = sorted(self.groups, key=lambda p: -len({c.source for c in p}))

    def for_claim(self, claim: Claim) -> list[list[Claim]]:
        """Every value when there are few; else the best supported ones and any the draft's value
        equals, so the cost stays bounded however many articles repeat or vary a figure."""
        if len(self.groups) <= MOST_SUPPORTED:
            return self.groups
        from verifier.rules.engine import _position_key

        mine = self.by_key.get(_position_key(claim))
        top = self.ranked[:MOST_SUPPORTED]
        if mine is not None and not any(p is mine for p in top):
            top = [mine] + top[:MOST_SUPPORTED - 1]
        return top


class _Things:
    """The sources' claims by (subject, predicate, kind); each thing's _Positions are made the
    first time a draft's claim asks for them (a draft touches few of an archive's things)."""

    def __init__(self, claims: dict[tuple, list[Claim]]) -> None:
        self.claims = claims
        self._made: dict[tuple, _Positions] = {}

    def positions(self, key: tuple) -> _Positions:
        if key not in self._made:
            self._made[key] = _Positions(self.claims.get(key, []))
        return self._made[key]


class _Quotes:
    """The sources' quotes (those of a snapshot first, if any, then `claims`), in source order,
    with their match keys (rules.quotes.quote_key)."""

    def __init__(self, claims: list[Claim], stored=None) -> None:
        self.claims, self.stored = claims, stored
        self._keys: list[str] | None = None

    def keys(self) -> list[str]:
        if self._keys is None:
            from verifier.rules.quotes import quote_key

            own = [quote_key(q.value.quote) for q in self.claims]
            self._keys = self.stored.quote_keys() + own if self.stored is not None else own
        return self._keys

    def __getitem__(self, i: int) -> Claim:
        if self.stored is None:
            return self.claims[i]
        n = len(self.stored.quote_keys())
        return self.stored.quote(i) if i < n else self.claims[i - n]


class _StoredThings:
    """The claims about each thing: a snapshot's (check/snapshot.py), then the ledgers'."""

    def __init__(self, stored, ledger: dict[tuple, list[Claim]]) -> None:
        self.stored, self.ledger = stored, ledger

    def get(self, key: tuple, default=()) -> list[Claim]:
        return self.stored.about(key) + self.ledger.get(key, [])


def _grouped(claims) -> tuple[dict[tuple, list[Claim]], list[Claim]]:
    """Claims by (subject, predicate, kind), and the quotes, each in the order given."""
    by_key: dict[tuple, list[Claim]] = defaultdict(list)
    quotes: list[Claim] = []
    for c in claims:
        (quotes if c.kind == "quote" else by_key[(c.subject, c.predicate, c.kind)]).append(c)
    return by_key, quotes


def _place(c: Claim) -> tuple:
    return (c.source, c.start, c.end)


class Checker:
    """Checks drafts against one set of trusted sources (read once)."""

    def __init__(self, trusted: Trusted, options: Options | None = None, runner=None, cache=None,
                 progress=None) -> None:
        from verifier.pipeline import Runner

        self.trusted = trusted
        self.options = options or Options()
        self.runner = runner or Runner()
        self.cache = cache
        self.progress = progress
        self._learned: bytes | None = None  # the entity index that has learnt the articles (pickled), not finalized
        self._claims_for: tuple | None = None  # fingerprint of the index the articles' claims come from
        self._candidates: tuple[_Things, _Quotes] | None = None  # the sources' claims by what they are about
        self._stored = None  # a snapshot's claims (check/snapshot.Stored), when one answered the draft
        self._sources_key: str | None = None  # the key of the articles' snapshots (check/snapshot.py)
        self._claims_key: str | None = None  # the snapshot's key of the articles' claims the index gave
        self._read_snapshots = cache is not None  # False while a draft is checked again past a damaged one

    def _index_with(self, lesson):
        """The entity index of the articles and the draft (its lesson). The articles' names are
        merged once; each draft is learnt into a copy, exactly as one build_index over all of
        them would."""
        import pickle

        from verifier.claims.entities import EntityIndex
        from verifier.pipeline import learn

        if self._learned is None:
            base = EntityIndex(self.trusted.registry)
            lessons = self.trusted.corpus.lessons if self.trusted.corpus is not None else \
                [learn(p) for p in self.trusted.prepared]
            for learned in lessons:
                base.merge(learned)
            self._learned = pickle.dumps(base, protocol=pickle.HIGHEST_PROTOCOL)
        index = pickle.loads(self._learned)
        index.merge(lesson)
        index.finalize()
        return index

    # ------------------------------------------------------------------ extraction
    def _extract(self, path: str, text: str, markdown: bool) -> list[Claim] | None:
        """The draft's claims, extracted together with the trusted articles (one entity index
        for all of them, the articles first so their spellings of a name win); None when it has
        no article text."""
        from verifier.check import snapshot
        from verifier.pipeline import extract, learn, prepare
        from verifier.text.sources import read_source

        article = mask(text) if markdown else mask_plain(text)
        if not article.strip():
            return None
        draft_key = self._draft_key(path, article)
        if draft_key is not None and self._read_snapshots:
            restored = snapshot.restore_draft(self.cache, self._sources_key, draft_key)
            if restored is not None:  # this draft checked before against these articles
                claims, self._stored = restored
                self._candidates, self._claims_for = None, None
                return claims
        source = read_source(Path(path), {}, text=article)
        source.id, source.path = DRAFT_ID, path
        if self.options.published:
            source.published, source.published_from = self.options.published, "option"
        draft = prepare(source)
        if source.published is None and self.options.default_published:
            source.published, source.published_from = self.options.default_published, "config"
        lesson = learn(draft)
        index = self._from_snapshot(lesson)
        if index is None:
            index = self._index_with(lesson)
            self._extract_articles(index, lesson)
        claims = extract(draft, index)
        if draft_key is not None:
            snapshot.store_draft(self.cache, draft_key, claims, self._claims_key)
        return claims

    def _draft_key(self, path: str, article: str) -> str | None:
        """The cache key of a draft's claims (check/snapshot.py); None without a cache or for
        articles given already prepared."""
        from verifier.check import snapshot

        if self.cache is None or self.trusted.articles is None:
            return None
        if self._sources_key is None:
            self._sources_key = snapshot.sources_key(self.trusted)
        published = self.options.published, self.options.default_published
        return snapshot.draft_key(self._sources_key, path, article, [str(d) for d in published])

    def _from_snapshot(self, lesson):
        """The index of the articles and this draft from a snapshot (check/snapshot.py), which
        then gives the articles' claims; None when there is none."""
        from verifier.check import snapshot

        if not self._read_snapshots or self.trusted.articles is None:
            return None
        if self._sources_key is None:
            self._sources_key = snapshot.sources_key(self.trusted)
        restored = snapshot.restore(self.cache, self._sources_key, snapshot.lesson_key(lesson))
        if restored is None:
            return None
        index, self._stored = restored
        self._candidates, self._claims_for = None, None
        self._claims_key = self._stored.claims_key
        return index

    def _extract_articles(self, index, lesson) -> None:
        """The articles' claims with the index of the articles and the draft."""
        from verifier.pipeline import Corpus, extract_corpus, learn

        self._stored = None
        # the articles' claims depend only on the names the index knows: re-extract them only
        # when this draft taught it a name the previous one did not (the cache keeps them)
        fingerprint = index.fingerprint()
        if fingerprint != self._claims_for:
            corpus = self.trusted.corpus
            if corpus is None:
                corpus = Corpus(self.trusted.prepared, [learn(p) for p in self.trusted.prepared],
                                [str(i) for i in range(len(self.trusted.prepared))])
            extract_corpus(corpus, index, self.runner, self.cache if self.trusted.corpus is not None else None,
                           self.progress)
            self._claims_for = fingerprint
            self._candidates = None
        if self.cache is not None and self.trusted.articles is not None:
            from verifier.cache import digest
            from verifier.check import snapshot

            if self._sources_key is None:
                self._sources_key = snapshot.sources_key(self.trusted)
            self._claims_key = digest(fingerprint)
            snapshot.store(self.cache, self._sources_key, snapshot.lesson_key(lesson), index, self._claims_key,
                           [c for p in self.trusted.prepared for c in p.claims], again=not self._read_snapshots)

    def _sources_by_key(self) -> tuple[_Things, _Quotes]:
        """The articles' and ledgers' claims by (subject, predicate, kind) grouped by value, and
        their quotes: made once for each set of claims, not once per draft (from a snapshot, read
        as the draft's claims ask for them)."""
        if self._candidates is None:
            if self._stored is not None:
                by_key, quotes = _grouped(self.trusted.ledger_claims)
                self._candidates = (_Things(_StoredThings(self._stored, by_key)), _Quotes(quotes, self._stored))
            else:
                by_key, quotes = _grouped([c for p in self.trusted.prepared for c in p.claims] + self.trusted.ledger_claims)
                self._candidates = (_Things(by_key), _Quotes(quotes))
        return self._candidates

    def _quote_candidates(self, claim: Claim) -> list[Claim]:
        """The sources' quotes a draft's quote can relate to: the quote rules say nothing of two
        quotes less than SIMILAR_QUOTE alike, so only those as alike are compared (rapidfuzz's C
        loop over every quote, instead of every rule on every pair)."""
        from rapidfuzz import fuzz, process

        from verifier.rules.quotes import SIMILAR_QUOTE, quote_key

        _, quotes = self._sources_by_key()
        own = quote_key(claim.value.quote)
        if not own:
            return []
        close = process.extract(own, quotes.keys(), scorer=fuzz.ratio, score_cutoff=SIMILAR_QUOTE, limit=None)
        return [quotes[i] for i in sorted(found[2] for found in close)]

    # ------------------------------------------------------------------ checking
    def check(self, path: str, text: str, markdown: bool | None = None) -> DraftResult:
        """Diagnostics for one draft; `text` is the file as read (Markdown and all). Markdown
        syntax is masked when `markdown` is true (default: when the name says .md)."""
        from verifier.check.snapshot import Missing

        try:
            return self._check(path, text, markdown)
        except Missing:  # a damaged snapshot: checked the long way (which writes it again)
            self._read_snapshots, self._stored, self._candidates = False, None, None
            try:
                return self._check(path, text, markdown)
            finally:
                self._read_snapshots = True

    def _check(self, path: str, text: str, markdown: bool | None) -> DraftResult:
        draft = self._extract(path, text, is_markdown(path) if markdown is None else markdown)
        lines = Lines(text)
        if draft is None:  # no article text: nothing to check (not an error)
            return DraftResult(path, [], text=text, empty=True, warnings=_warnings(path, suppressions(text, lines)))
        things = self._sources_by_key()[0]
        found: list[Diagnostic] = []
        for claim in draft:
            within = self._within(path, text, lines, claim)
            found.extend(within)
            if within:  # a date that cannot be (2月30日) is not compared with anything
                continue
            if claim.kind == "quote":
                positions = _Positions(self._quote_candidates(claim))
            else:
                positions = things.positions((claim.subject, claim.predicate, claim.kind))
            d = self._against(path, text, lines, claim, positions)
            if d is not None:
                found.append(d)
        return self._filter(path, text, lines, found, len(draft))

    def _filter(self, path: str, text: str, lines: Lines, found: list[Diagnostic], claims: int) -> DraftResult:
        opts = self.options
        sup = suppressions(text, lines)
        result = DraftResult(path, [], claims, text=text, warnings=_warnings(path, sup))
        seen = set()
        for d in sorted(found, key=Diagnostic.sort_key):
            k = (d.code, d.start, d.end, d.message)
            if k in seen:
                continue
            seen.add(k)
            if not is_selected(d.code, opts.select, opts.ignore):
                result.unselected += 1
            elif sup.covers(d):
                result.suppressed += 1
            elif d.severity == "info" and not opts.show_unsupported:
                result.hidden += 1
            else:
                result.diagnostics.append(d)
        return result

    # ------------------------------------------------------------------ building diagnostics
    def _places(self, positions: list[tuple[list[Claim], str]]) -> tuple[list[Related], int]:
        """The places a diagnostic lists (at most MOST_RELATED of each value are candidates, which
        is all `_listed` can choose from) and how many there are in all."""
        total = sum(len(p) for p, _ in positions)
        places = sorted(((c, verdict) for p, verdict in positions for c in p[:MOST_RELATED]),
                        key=lambda x: _place(x[0]))
        return [self._related(c, verdict) for c, verdict in _listed(places)], total

    def _related(self, claim: Claim, verdict: str) -> Related:
        from verifier import describe
        from verifier.rules.engine import snippet

        text = self.trusted.text(claim.source)
        words, position = claim.text, None  # a ledger claim: its own words are all there is
        if text is not None and text[claim.start:claim.end] == claim.text:
            if claim.kind != "quote":
                words = snippet(text, claim, SNIPPET_WIDTH)
            lines = self.trusted.lines(claim.source)
            position = lines.position(claim.start, claim.end) if lines else None
        if claim.kind == "quote":
            words = _short(words)
        value = f"“{_short(claim.value.quote)}”" if claim.kind == "quote" else describe.value(claim.value)
        return Related(claim.source, self.trusted.path(claim), position, _squash(words), value, verdict,
                       claim.subject, claim.hedged)

    def _diagnostic(self, path: str, text: str, lines: Lines, claim: Claim, code: str, severity: Severity,
                    message: str, related: list[Related], total: int | None = None) -> Diagnostic:
        from verifier.rules.engine import rules

        return Diagnostic(
            path=path, position=lines.position(claim.start, claim.end), start=claim.start, end=claim.end,
            code=code, name=rules()[code].name, severity=severity, message=message, subject=claim.subject,
            predicate=claim.predicate, draft_words=text[claim.start:claim.end], related=tuple(related),
            related_total=len(related) if total is None else total,
        )

    def _within(self, path: str, text: str, lines: Lines, claim: Claim) -> list[Diagnostic]:
        from verifier.rules.base import REGISTRY

        out = []
        for r in REGISTRY.values():
            if r.scope == "within" and claim.kind in r.kinds:
                rel = r.relate(claim, None)  # type: ignore[arg-type]
                if rel is not None and rel.verdict == "contradict":
                    message = f"{_what(claim)}: “{_short(text[claim.start:claim.end])}” cannot be right: {rel.reason}."
                    out.append(self._diagnostic(path, text, lines, claim, r.code, "error", message, []))
        return out

    def _against(self, path: str, text: str, lines: Lines, claim: Claim, positions: _Positions) -> Diagnostic | None:
        from verifier.rules.engine import relate

        relations = []  # (rule, relation, position): the same value in every claim of a position
        for position in positions.for_claim(claim):
            relations += [(r, rel, position) for r, rel in relate(claim, position[0])]
        contra = [(r, rel, s) for r, rel, s in relations if rel.verdict == "contradict"]
        support = [(r, rel, s) for r, rel, s in relations if rel.verdict != "contradict"]
        draft_words = _short(text[claim.start:claim.end])
        says = _draft_says(claim, draft_words)
        what = _what(claim)

        def rel_list(items):
            """Each source claim once, in source order, with how it relates to the draft (the
            first verdict of its value's), and how many there are in all."""
            verdicts: dict[int, tuple[list[Claim], str]] = {}
            for _, rel, p in sorted(items, key=lambda x: (_place(x[2][0]), x[1].verdict)):
                verdicts.setdefault(id(p), (p, rel.verdict))
            return self._places(list(verdicts.values()))

        if contra and not support:
            r, rel, s = _first(contra)
            related, total = rel_list(contra)
            if r.code == "Q102":
                message = (f"who said it: the draft attributes “{_short(claim.value.quote)}” to {claim.subject}, "
                           f"but {_attributions(related, total)}.")
            else:
                message = f"{what}: {says}, but {_sources_say(related, total=total)}."
                if rel.reason:
                    message += f" {rel.reason[0].upper()}{rel.reason[1:]}."
            return self._diagnostic(path, text, lines, claim, r.code, "error", message, related, total)

        if contra and support:
            _, rel, _ = _first(contra)
            (pro, n_pro), (con, n_con) = rel_list(support), rel_list(contra)
            message = (f"{what}: the sources disagree. {says[0].upper()}{says[1:]}, as {_sources_say(pro, total=n_pro)}; "
                       f"but {_sources_say(con, total=n_con)}" + (f" ({rel.reason})." if rel.reason else "."))
            return self._diagnostic(path, text, lines, claim, "W102", "warning", message, pro + con, n_pro + n_con)

        if support:
            clash = _clashing(support)
            if clash is not None:
                (a, b, rel) = clash
                pro, total = rel_list(support)
                first, second = self._related(a, rel.verdict).where, self._related(b, rel.verdict).where
                message = (f"{what}: the sources disagree among themselves. {says[0].upper()}{says[1:]}, "
                           f"which fits {_sources_say(pro, total=total)}; but {first} and {second} cannot both be right"
                           + (f" ({rel.reason})." if rel.reason else "."))
                return self._diagnostic(path, text, lines, claim, "W102", "warning", message, pro, total)
            agree = [x for x in support if x[1].verdict == "agree"]
            if claim.kind == "quote":
                if agree:
                    return None
                altered = [x for x in support if x[0].code == "Q101"]
                if altered:
                    _, rel, _ = _first(altered)
                    related, total = rel_list(altered)
                    message = (f"{claim.subject} — quote: {rel.reason or 'the wording differs'}: the draft has "
                               f"“{_short(claim.value.quote)}”; {_sources_say(related, total=total)}.")
                    return self._diagnostic(path, text, lines, claim, "Q101", "warning", message, related, total)
                return None
            finer = [x for x in support if x[1].verdict == "compatible" and x[1].narrower == "b"]
            if finer:
                related, total = rel_list(finer)
                message = f"{what}: {says}, but the sources are more precise: {_sources_say(related, total=total)}."
                return self._diagnostic(path, text, lines, claim, "W101", "warning", message, related, total)
            if not agree:
                related, total = rel_list(support)
                message = f"{what}: {says}, more than the sources confirm: {_sources_say(related, only=True, total=total)}."
                return self._diagnostic(path, text, lines, claim, "I102", "info", message, related, total)
            return None

        if claim.kind == "quote":
            message = f"{claim.subject} — quote: no trusted source has these words: “{_short(claim.value.quote)}”."
        elif positions.groups:
            related, total = self._places([(p, "incomparable") for p in positions.groups])
            message = (f"{what}: {says}; the sources speak of it but say nothing that can be compared: "
                       f"{_sources_say(related, total=total)}.")
            return self._diagnostic(path, text, lines, claim, "I101", "info", message, related, total)
        else:
            message = f"{what}: {says}; no trusted source speaks of this."
        return self._diagnostic(path, text, lines, claim, "I101", "info", message, [])


# ----------------------------------------------------------------------------- message parts
def _what(claim: Claim) -> str:
    return f"{claim.subject} — {claim.label or claim.predicate}"


def _draft_says(claim: Claim, words: str) -> str:
    from verifier import describe

    if claim.kind == "quote":
        return f"the draft quotes {claim.subject}: “{_short(claim.value.quote)}”"
    hedge = " (hedged)" if claim.hedged else ""
    return f"the draft says {describe.value(claim.value)}{hedge} (“{words}”)"


def _first(items):
    """The relation a message explains: the first source in order."""
    r, rel, p = min(items, key=lambda x: (_place(x[2][0]), x[0].code))
    return r, rel, p[0]


def _names(names: list[str]) -> str:
    """"a.txt:3", "a.txt:3 and b.txt:9", "a.txt:3, b.txt:9, c.txt:1 and 17 more"."""
    names = list(dict.fromkeys(names))
    if len(names) > MAX_NAMED:
        return ", ".join(names[:MAX_NAMED]) + f" and {len(names) - MAX_NAMED} more"
    return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]


def _listed(places: list) -> list:
    """The places a diagnostic lists: every value once before any value twice, in source order,
    at most MOST_RELATED (a thousand sources repeating a figure are counted, not listed)."""
    if len(places) <= MOST_RELATED:
        return places
    firsts, repeats, values = [], [], set()
    for s, verdict in places:
        key = (s.subject, s.value.model_dump_json())
        (repeats if key in values else firsts).append((s, verdict))
        values.add(key)
    chosen = {id(x) for x in (firsts + repeats)[:MOST_RELATED]}
    return [x for x in places if id(x) in chosen]


def _sources_say(related: list[Related], only: bool = False, total: int = 0) -> str:
    """"a.txt:3 says Monday: “…週一宣佈辭職…”; b.txt:9 says Sunday 2026-02-08: “…”". Sources giving
    the same value are named together, with the words of the first; a quote is its words."""
    groups: dict[tuple, list[Related]] = {}
    for r in related:
        quoted = r.value.startswith("“")
        groups.setdefault((r.subject, r.words) if quoted else (r.value, r.hedged), []).append(r)
    parts = []
    for items in list(groups.values())[:MAX_NAMED]:
        r = items[0]
        names = list(dict.fromkeys(x.where for x in items))
        who, plural = _names(names), len(names) > 1
        if r.value.startswith("“"):
            parts.append(f"{who} quote{'' if plural else 's'} {r.subject}: “{r.words}”")
        else:
            hedge = " (hedged)" if r.hedged else ""
            parts.append(f"{who} say{'' if plural else 's'} {'only ' if only else ''}{r.value}{hedge}: “{r.words}”")
    if len(groups) > MAX_NAMED:
        parts.append(f"and {len(groups) - MAX_NAMED} other values")
    if total > len(related):
        parts.append(f"{total} places in the sources in all")
    return "; ".join(parts)


def _attributions(related: list[Related], total: int) -> str:
    parts = [f"{r.where} attributes them to {r.subject}: “{r.words}”" for r in related[:MAX_NAMED]]
    if max(total, len(related)) > MAX_NAMED:
        parts.append(f"and {max(total, len(related)) - MAX_NAMED} more")
    return "; ".join(parts)


def _clashing(support):
    """Two sources that both fit the draft but contradict each other, if any."""
    from verifier.rules.engine import relate

    positions = list({id(p): p for _, _, p in sorted(support, key=lambda x: _place(x[2][0]))}.values())
    for i, pa in enumerate(positions):  # one claim per value: a hundred sources repeating a date are one
        for pb in positions[i + 1:]:
            pair = _from_two_sources(pa, pb)
            if pair is None:
                continue
            for _, rel in relate(*pair):
                if rel.verdict == "contradict":
                    return (*pair, rel)
    return None


def _from_two_sources(pa: list[Claim], pb: list[Claim]) -> tuple[Claim, Claim] | None:
    """A claim of each value, from different sources, if any (positions are in source order, so
    one of a position's ends is in another source when any claim of it is)."""
    for a in (pa[0], pa[-1]):
        for b in (pb[0], pb[-1]):
            if a.source != b.source:
                return a, b
    return None


def worst(diagnostics: list[Diagnostic]) -> int:
    return max((SEVERITY_RANK[d.severity] for d in diagnostics), default=-1)


def default_severity(code: str) -> Severity:
    """How severe a rule's diagnostics are in a check: I codes are info, W codes and Q101
    (a quote worded differently) warnings, contradictions errors."""
    if code.startswith("I"):
        return "info"
    if code.startswith("W") or code == "Q101":
        return "warning"
    return "error"
