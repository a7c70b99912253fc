"""Compacting claims in memory (verifier/compact.py) changes nothing they say."""

from __future__ import annotations

import pickle

from verifier.compact import Compactor
from verifier.pipeline import extract_sources
from verifier.text.sources import from_texts

ARTICLES = {
    "a.txt": "Acme Robotics said on Monday it raised $40 million. Chief executive Dana Whit said 40 people were hired.",
    "b.txt": "Acme Robotics raised $45 million on Tuesday, and hired 40 people, Dana Whit said.",
}


def claims_from_two_processes():
    """Claims as the pool gives them back: each copied through pickle on its own."""
    prepared, _ = extract_sources(from_texts(ARTICLES))
    return [pickle.loads(pickle.dumps(c)) for p in prepared for c in p.claims]


def test_compacting_keeps_every_field_and_field_set():
    claims = claims_from_two_processes()
    before = [(c.model_dump(), c.model_fields_set, c.value.model_fields_set) for c in claims]
    Compactor().compact(claims)
    assert [(c.model_dump(), c.model_fields_set, c.value.model_fields_set) for c in claims] == before
    assert len(claims) >= 4


def test_claims_given_the_same_fields_share_one_set_and_their_strings():
    claims = claims_from_two_processes()
    assert len({id(c.__pydantic_fields_set__) for c in claims}) == len(claims)
    Compactor().compact(claims)
    assert len({id(c.__pydantic_fields_set__) for c in claims}) < len(claims) / 2
    same_source = [c for c in claims if c.source == claims[0].source]
    assert len({id(c.source) for c in same_source}) == 1
    assert len({id(c.subject) for c in claims if c.subject == claims[0].subject}) == 1


def test_a_shelf_reads_back_what_it_was_given_as_a_list_would():
    from verifier import compact
    from verifier.claims.model import Claim
    from verifier.pipeline import packed

    claims = claims_from_two_processes()
    many = claims * 200  # several blocks
    shelf = compact.Shelf(Claim, many)
    assert len(shelf) == len(many) and list(shelf) == many and shelf == many
    assert shelf[0] == many[0] and shelf[-1] == many[-1] and shelf[compact.SHELF_BLOCK + 1] == many[compact.SHELF_BLOCK + 1]
    assert shelf[3:7] == many[3:7]
    try:
        shelf[len(many)]
    except IndexError:
        pass
    else:
        raise AssertionError("a shelf read past its end")
    # an article's packed JSON, shelved as it is: the same claims
    half = len(claims) // 2
    arrays = [(packed(part).text, len(part)) for part in (claims[:half], [], claims[half:])]
    as_json = compact.Shelf.of_json(Claim, arrays)
    assert list(as_json) == claims and len(as_json) == len(claims) and as_json[half] == claims[half]


def test_packed_claims_give_each_claims_json_and_group():
    from verifier.pipeline import claim_group, packed

    claims = claims_from_two_processes()
    p = packed(claims)
    assert p.claims() == claims
    assert p.pieces() == [c.model_dump_json() for c in claims]
    assert p.groups == [claim_group(c) for c in claims]


def test_a_shelf_of_json_pieces_reads_back_the_models_in_blocks():
    from verifier import compact
    from verifier.claims.model import Claim

    claims = claims_from_two_processes() * 100  # several blocks
    shelf = compact.Shelf.of_pieces(Claim, (c.model_dump_json().encode() for c in claims))
    assert len(shelf) == len(claims) and list(shelf) == claims
    assert len(shelf._blocks) == -(-len(claims) // compact.SHELF_BLOCK)
    assert shelf[compact.SHELF_BLOCK] == claims[compact.SHELF_BLOCK]
    assert len(compact.Shelf.of_pieces(Claim, [])) == 0
