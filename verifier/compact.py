"""Keeping the claims of a large run small in memory.

An archive's run holds about ten claims per article: 200,000 at 20,000 articles. Each claim and
its value is a frozen pydantic model with its own set of the fields it was given (0.7 to 1.2 KB
apiece: a third of a claim's memory), and a claim that crossed a process (pickle) or came from
the cache holds its own copies of strings that thousands of claims share (its source, subject,
predicate, kind, label; its value's kind, dates and units; what produced it). `Compactor.compact` makes models given the same fields share one set (a frozen
model never changes its own), and claims share their repeated strings (sys.intern). Nothing a
claim says changes: its fields, their values and `model_fields_set` are equal to before.

A report keeps its claims to its end as a `Shelf`: blocks of JSON, made into models again only
when they are read.
"""

from __future__ import annotations

import math
import sys
import zlib
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Iterable, Iterator

from pydantic import BaseModel, TypeAdapter

from verifier.claims.model import Claim

_SHARED_STRINGS = ("source", "kind", "subject", "predicate", "label", "trigger", "tz")


def _intern_values(fields: dict) -> None:
    """The strings among a dict's values, shared (in place: the dict is the claim's own)."""
    for name, value in fields.items():
        if value.__class__ is str:
            fields[name] = sys.intern(value)


class Compactor:
    """Shares the field sets and the repeated strings of claims, in place, as they come."""

    def __init__(self) -> None:
        self._field_sets: dict[frozenset[str], set[str]] = {}

    def compact(self, claims: Iterable[Claim]) -> None:
        for c in claims:
            self._share_field_set(c)
            self._share_field_set(c.value)
            fields = c.__dict__
            for name in _SHARED_STRINGS:
                value = fields[name]
                if value.__class__ is str:
                    fields[name] = sys.intern(value)
            _intern_values(c.value.__dict__)  # a value's kind, grain, unit, dates...
            _intern_values(fields["why"])  # the pattern, rule and link that made the claim

    def extracted(self, result: tuple[list[Claim], list]) -> tuple[list[Claim], list]:
        """For an article's (claims, unclaimed) as the extraction map gives it back."""
        self.compact(result[0])
        return result

    def _share_field_set(self, model: BaseModel) -> None:
        if not model.model_config.get("frozen"):
            return  # a model that can change would add to the set every other model shares
        own = model.__pydantic_fields_set__
        shared = self._field_sets.setdefault(frozenset(own), own)
        if shared is not own:
            object.__setattr__(model, "__pydantic_fields_set__", shared)


SHELF_BLOCK = 256  # models compressed together in one block of a Shelf


class Shelf(Sequence):
    """A long list of models of one kind (a report's claims, findings, unclaimed sentences),
    kept as blocks of JSON and made again as they are read: a block is compressed JSON (made
    from models), or a JSON array given as it is (an article's claims from the cache, which no
    step needed as models). Reading it is a list's reading (iterate, len, index, slice); each
    model read is equal to the one shelved (the JSON round trip a cache entry makes)."""

    def __init__(self, kind: type[BaseModel], items: Iterable[BaseModel] = (), flag=None) -> None:
        self.kind = kind
        self._adapter = _list_of(kind)
        self._blocks: list[bytes | str] = []
        self._ends = array("Q")  # the number of items up to the end of each block
        self.flagged = False  # whether `flag(item)` held for an item shelved
        self.rendered = None  # the JSON a report writes of it, written by another process (render.render_elsewhere)
        block: list = []
        for item in items:
            if flag is not None and not self.flagged:
                self.flagged = bool(flag(item))
            block.append(item)
            if len(block) == SHELF_BLOCK:
                self._put(zlib.compress(self._adapter.dump_json(block), 1), len(block))
                block = []
        if block:
            self._put(zlib.compress(self._adapter.dump_json(block), 1), len(block))

    @classmethod
    def of_json(cls, kind: type[BaseModel], arrays: Iterable[tuple[str, int]], flagged: bool = False) -> Shelf:
        """A Shelf of JSON arrays of models, each with the number of models in it (kept as they are:
        text, or UTF-8 compressed by zlib as the Shelf's own blocks are)."""
        shelf = cls(kind)
        for text, n in arrays:
            if n:
                shelf._put(text, n)
        shelf.flagged = flagged
        return shelf

    @classmethod
    def of_pieces(cls, kind: type[BaseModel], pieces: Iterable[bytes]) -> Shelf:
        """A Shelf of the models whose JSON (UTF-8) are `pieces`, in blocks as the Shelf makes them."""
        shelf = cls(kind)
        block: list[bytes] = []
        for piece in pieces:
            block.append(piece)
            if len(block) == SHELF_BLOCK:
                shelf._put(zlib.compress(b"[" + b",".join(block) + b"]", 1), len(block))
                block = []
        if block:
            shelf._put(zlib.compress(b"[" + b",".join(block) + b"]", 1), len(block))
        return shelf

    def _put(self, data: bytes | str, n: int) -> None:
        self._blocks.append(data)
        self._ends.append(len(self) + n)

    def json_blocks(self) -> Iterator[bytes | str]:
        """The models, a block at a time, as JSON arrays."""
        for data in self._blocks:
            yield zlib.decompress(data) if isinstance(data, bytes) else data

    def blocks(self) -> Iterator[list]:
        """The models, a block at a time."""
        for data in self.json_blocks():
            yield self._adapter.validate_json(data)

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def __iter__(self) -> Iterator:
        for block in self.blocks():
            yield from block

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(self)[i]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("Shelf index out of range")
        b = bisect_right(self._ends, i)
        data = self._blocks[b]
        block = self._adapter.validate_json(zlib.decompress(data) if isinstance(data, bytes) else data)
        return block[i - (self._ends[b - 1] if b else 0)]

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, Shelf)):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Shelf({len(self)} items)"


def floats_unlike_python(claim) -> bool:
    """Whether a claim's value holds a number that pydantic writes unlike json.dumps (an
    exponent below 1e-4, a value that is not finite): render.json_pieces then writes by json."""
    return any(_unlike_python(v) for v in claim.value.__dict__.values() if type(v) is float)


def _unlike_python(v) -> bool:
    return isinstance(v, float) and (not math.isfinite(v) or (v != 0 and abs(v) < 1e-4))


@lru_cache(maxsize=None)
def _list_of(kind: type) -> TypeAdapter:
    return TypeAdapter(list[kind])
