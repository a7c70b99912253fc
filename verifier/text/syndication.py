"""Syndicated copies: the same article on another site, with its own page furniture and dateline.

Each article's text (furniture left out, folded) is cut into shingles: runs of characters for
Chinese, runs of words for English. A sample of them (a fixed share of hash values, the same
for every article) goes into an inverted index, so only articles that share shingles are ever
compared: the cost grows with the corpus, not with its square. Two articles are one and a copy
when most of the smaller one's sampled shingles are in the other. The copy is the one published
later; when that is unknown, the one that says it is a reprint (转载自, "originally published"),
else the later id.
"""

from __future__ import annotations

import zlib
import re
from collections import Counter, defaultdict
from itertools import accumulate, chain, combinations

from verifier.lang import alternation, read_data_file
from verifier.text.fold import fold
from verifier.tables import table

CJK_SHINGLE = 8  # characters
LATIN_SHINGLE = 5  # words
SAMPLE = 4  # keep one hash in SAMPLE
MIN_SHARED = 6  # sampled shingles two articles must share to be compared
COPY_CONTAINMENT = 0.8  # share of the smaller article's shingles found in the other
MAX_POSTINGS = 200  # a shingle in more articles than this is boilerplate, not evidence
_WORD = re.compile(r"[a-z0-9]+")
_CJK = re.compile(r"[\u3400-\u9fff]+")


@table("prepare")
def _reprint_re() -> re.Pattern[str]:
    words = read_data_file("furniture.toml").get("syndication", {}).get("reprint", [])
    return re.compile(alternation(fold(w).lower() for w in words)) if words else re.compile("(?!)")


def shingles(text: str, folded: str | None = None) -> set[int]:
    """The article's sampled shingles (`folded`: fold(text), when the caller has it). A
    shingle's hash is its CRC-32: the same in every process and run, fast, and a rare collision
    only adds a shared shingle to two articles' counts."""
    folded = (fold(text) if folded is None else folded).lower()
    crc = zlib.crc32
    out = set()
    # each run and the words are encoded once and their shingles sliced from the bytes: a
    # character of a run is three bytes in UTF-8, a word ASCII
    width = 3 * CJK_SHINGLE
    for run in _CJK.findall(folded):
        data = run.encode()
        if len(data) <= width:  # most runs (between two marks): one shingle, the run
            out.add(crc(data))
        else:
            out.update([crc(data[i:i + width]) for i in range(0, len(data) - width + 3, 3)])
    words = _WORD.findall(folded)
    if len(words) >= LATIN_SHINGLE:
        data = " ".join(words).encode()
        starts = list(accumulate((len(w) + 1 for w in words), initial=0))  # a word's first byte
        out.update(crc(data[starts[i]:starts[i + LATIN_SHINGLE] - 1]) for i in range(len(words) - LATIN_SHINGLE + 1))
    return {h for h in out if h % SAMPLE == 0}


def reprinted(raw: str, folded: str | None = None) -> bool:
    """Whether an article says it is a reprint (转载自, "originally published")."""
    return bool(_reprint_re().search((fold(raw) if folded is None else folded).lower()))


def signature(text: str, raw: str, folded_text: str | None = None,
              folded_raw: str | None = None) -> tuple[list[int], bool]:
    """What syndication looks at in one article: its sampled shingles (sorted) and whether it
    says it is a reprint. Computed article by article (the pipeline's map), compared here."""
    return sorted(shingles(text, folded_text)), reprinted(raw, folded_raw)


def find_copies(articles: dict[str, str], published: dict[str, object] | None = None,
                raw: dict[str, str] | None = None) -> dict[str, str]:
    """{copy id: original id} for the near-verbatim copies among `articles` (id -> article
    text). `raw` (id -> the whole file) is searched for reprint notices."""
    raw = raw or articles
    return copies_among({sid: signature(text, raw.get(sid, "")) for sid, text in articles.items()}, published)


def copies_among(signatures: dict[str, tuple[list[int], bool]], published: dict[str, object] | None = None
                 ) -> dict[str, str]:
    """`find_copies` over the articles' signatures (id -> `signature(text, raw)`)."""
    published = published or {}
    # only shingles of more than one article (and not boilerplate) pair articles: most are of one,
    # and counting them in C first keeps them out of the index. Each article's set of shingles
    # is made when it is read, not kept (an archive's are millions of numbers)
    seen: Counter[int] = Counter()
    sizes: dict[str, int] = {}
    for sid, sig in signatures.items():
        hashes = set(sig[0])
        sizes[sid] = len(hashes)
        seen.update(hashes)
    pairing = {h for h, n in seen.items() if 1 < n <= MAX_POSTINGS}
    del seen
    index: dict[int, list[str]] = defaultdict(list)
    for sid in sorted(signatures):
        for h in pairing.intersection(signatures[sid][0]):
            index[h].append(sid)
    # many shingles are in the same articles (a paragraph they share): each list of articles is
    # counted once, with the number of shingles it holds
    postings = Counter(tuple(ids) for ids in index.values() if 1 < len(ids) <= MAX_POSTINGS)
    shared: Counter[tuple[str, str]] = Counter()
    for ids, times in postings.items():
        if times == 1:
            shared.update(combinations(ids, 2))  # counted in C: ids are in sorted order, so (a, b) with a < b
        else:
            for pair in combinations(ids, 2):
                shared[pair] += times
    copies: dict[str, str] = {}
    for (a, b), n in sorted(pair for pair in shared.items() if pair[1] >= MIN_SHARED):
        smaller = min(sizes[a], sizes[b]) or 1
        if n / smaller < COPY_CONTAINMENT:
            continue
        copy, original = _which_copy(a, b, published, {x: signatures[x][1] for x in (a, b)})
        if copy not in copies:
            copies[copy] = copies.get(original, original)
    return copies


def _which_copy(a: str, b: str, published: dict, reprint: dict[str, bool]) -> tuple[str, str]:
    pa, pb = published.get(a), published.get(b)
    if pa and pb and pa != pb:
        return (a, b) if pa > pb else (b, a)
    ra, rb = reprint[a], reprint[b]
    if ra != rb:
        return (a, b) if ra else (b, a)
    return (b, a)
