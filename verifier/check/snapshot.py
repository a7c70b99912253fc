"""The trusted side of a check as the cache keeps it, so that checking a draft against a large
archive reads only what the draft's claims are about.

Once a check has extracted the articles' claims (with the entity index of the articles and the
draft: check/trusted.py), it stores, under a digest of the tool, the registry and every article
as read (path, manifest entry, text):

- for what the draft teaches the index (a digest of its lesson): the index's mention state
  (EntityIndex.mention_state) and a digest of the index's fingerprint;
- for that fingerprint: the articles' claims by (subject, predicate, kind) in BUCKETS entries
  (each key in the bucket a digest of it picks), the quotes' match keys, and the quotes in
  chunks of QUOTE_CHUNK.

A later check of a draft that teaches the same names needs neither the articles prepared nor
their claims restored: the index comes from its state, the draft is extracted with it, and only
the buckets of its claims' keys (and the chunks of the quotes close to its quotes) are read.
The draft's own claims are kept too (by its text, name and dates, with the articles' digest):
checking it again unchanged extracts nothing at all.
A missing or bad entry is `Missing`: that check is made the long way, and the snapshot written
again. Claims read back are validated (Claim.model_validate), as every claim from the cache is.
"""

from __future__ import annotations

import hashlib
import json

from verifier.claims.model import Claim

BUCKETS = 256  # entries the claims of one snapshot are spread over (a draft reads one per claim)
QUOTE_CHUNK = 512  # quotes per entry


class Missing(Exception):
    """An entry a check needs is not in the cache, or is not one this tool wrote."""


def sources_key(trusted) -> str | None:
    """A digest of the tool, the registry and every article as read (its path, manifest entry
    and the digest of its bytes); None for articles given already prepared (no snapshot)."""
    from verifier.cache import tool_digest

    if trusted.articles is None:
        return None
    articles = [[str(a.path), a.entry, a.digest] for a in trusted.articles]
    return hashlib.blake2b(json.dumps([tool_digest(), trusted.registry, articles], ensure_ascii=False,
                                      default=str).encode(), digest_size=16).hexdigest()


def lesson_key(learned) -> str:
    """A digest of everything a draft's lesson adds to the index."""
    from verifier.cache import digest

    return digest("draft lesson", learned.names, learned.tokens, sorted(learned.lower_words))


def _index_key(sources: str, lesson: str) -> str:
    from verifier.cache import digest

    return digest("check index", sources, lesson)


def draft_key(sources: str, name: str, article: str, published) -> str:
    """The key of a draft's claims: its article text (Markdown masked) and name, the dates it is
    published on (the options'), and the articles it is checked against."""
    from verifier.cache import digest

    return digest("check draft", sources, name, article, published)


def store_draft(cache, key: str, claims: list[Claim], claims_key: str) -> None:
    cache.put_many({key: {"claims": [c.model_dump(mode="json") for c in claims], "sources": claims_key}})


def restore_draft(cache, sources: str, key: str):
    """A draft's claims and the articles' claims of the same index (`Stored`), or None."""
    data = cache.get_many([key]).get(key)
    try:
        claims = [Claim.model_validate(c) for c in data["claims"]]
        claims_key = data["sources"]
        if not isinstance(claims_key, str):
            return None
    except (TypeError, KeyError, ValueError):
        return None
    return claims, Stored(cache, sources, claims_key)


def _bucket(key: tuple) -> int:
    return int(hashlib.blake2b(json.dumps(key, ensure_ascii=False).encode(), digest_size=4).hexdigest(), 16) % BUCKETS


def _entry_keys(sources: str, claims: str) -> tuple[list[str], str]:
    """The keys of a snapshot's buckets, and of its quotes' match keys (a chunk: that key + its number)."""
    from verifier.cache import digest

    return [digest("check claims", sources, claims, b) for b in range(BUCKETS)], digest("check quotes", sources, claims)


def store(cache, sources: str, lesson: str, index, claims_key: str, claims: list[Claim], again: bool = False) -> None:
    """Keep the index (with the draft's lesson) and the articles' claims it gave (unless they are
    kept already; `again`: they were found damaged)."""
    from verifier.cache import digest
    from verifier.rules.quotes import quote_key

    buckets, quotes_key = _entry_keys(sources, claims_key)
    entries: dict[str, object] = {}
    if again or quotes_key not in cache.get_many([quotes_key]):  # the claims of this index are not kept yet
        by_key: dict[tuple, list[dict]] = {}
        quotes = []
        for c in claims:
            if c.kind == "quote":
                quotes.append(c)
            else:
                by_key.setdefault((c.subject, c.predicate, c.kind), []).append(c.model_dump(mode="json"))
        spread: list[list] = [[] for _ in range(BUCKETS)]
        for k, members in by_key.items():
            spread[_bucket(k)].append([*k, members])
        entries.update(zip(buckets, spread))
        for i in range(0, len(quotes), QUOTE_CHUNK):
            entries[digest(quotes_key, i // QUOTE_CHUNK)] = [q.model_dump(mode="json") for q in quotes[i:i + QUOTE_CHUNK]]
        entries[quotes_key] = [quote_key(q.value.quote) for q in quotes]
    entries[_index_key(sources, lesson)] = {"index": index.mention_state(), "claims": claims_key}
    cache.put_many(entries)


def restore(cache, sources: str, lesson: str):
    """The index of the articles and the draft, and the claims it gave (`Stored`), or None."""
    from verifier.claims.entities import EntityIndex

    key = _index_key(sources, lesson)
    data = cache.get_many([key]).get(key)
    try:
        index = EntityIndex.from_mention_state(data["index"])
        claims_key = data["claims"]
        if not isinstance(claims_key, str):
            return None
    except (TypeError, KeyError, ValueError):
        return None
    return index, Stored(cache, sources, claims_key)


class Stored:
    """The articles' claims of a snapshot, read from the cache as a check asks for them."""

    def __init__(self, cache, sources: str, claims_key: str) -> None:
        self.cache, self.claims_key = cache, claims_key
        self.buckets, self.quotes_key = _entry_keys(sources, claims_key)
        self._groups: dict[int, dict[tuple, list[Claim]]] = {}
        self._chunks: dict[int, list[Claim]] = {}
        self._quote_keys: list[str] | None = None

    def _read(self, key: str):
        found = self.cache.get_many([key])
        if key not in found:
            raise Missing(key)
        return found[key]

    def about(self, key: tuple) -> list[Claim]:
        """The claims about (subject, predicate, kind), in corpus order."""
        b = _bucket(key)
        if b not in self._groups:
            try:
                self._groups[b] = {(s, p, k): [Claim.model_validate(c) for c in members]
                                   for s, p, k, members in self._read(self.buckets[b])}
            except (TypeError, ValueError) as exc:
                raise Missing(self.buckets[b]) from exc
        return self._groups[b].get(key, [])

    def quote_keys(self) -> list[str]:
        """The quotes' match keys (rules.quotes.quote_key), in corpus order."""
        if self._quote_keys is None:
            keys = self._read(self.quotes_key)
            if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
                raise Missing(self.quotes_key)
            self._quote_keys = keys
        return self._quote_keys

    def quote(self, i: int) -> Claim:
        from verifier.cache import digest

        n = i // QUOTE_CHUNK
        if n not in self._chunks:
            key = digest(self.quotes_key, n)
            try:
                self._chunks[n] = [Claim.model_validate(c) for c in self._read(key)]
            except (TypeError, ValueError) as exc:
                raise Missing(key) from exc
        try:
            return self._chunks[n][i % QUOTE_CHUNK]
        except IndexError:
            raise Missing(self.quotes_key) from None
