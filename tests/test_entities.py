"""Who a claim is about: names, aliases, transliterations, typos, pronouns."""

from __future__ import annotations

from verifier.claims.entities import EntityIndex
from verifier.text.fold import fold


def index_of(*texts: str, registry=None) -> EntityIndex:
    index = EntityIndex(registry if registry is not None else [])
    for t in texts:
        index.learn(t, fold(t))
    index.finalize()
    return index


def names_in(index: EntityIndex, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.entity) for m in index.mentions(text, fold(text)) if not m.pronoun]


def test_a_gloss_teaches_a_transliteration_everywhere_and_in_both_scripts():
    index = index_of("本月初,对构建ChatGPT起到重要作用的舒尔曼(JohnSchulman)宣布离开。")
    assert index.canonical("舒尔曼") == "John Schulman"
    assert index.canonical("舒爾曼") == "John Schulman"  # Traditional spelling
    assert names_in(index, "舒爾曼在Twitter上解釋了他的決定") == [("舒爾曼", "John Schulman")]


def test_typo_and_diacritics_fold_into_one_name():
    index = index_of("Ilya Sutskever 作為聯合創始人", "Ilya Sutskever 宣佈辭職", "主導這場突襲的是Ilya Sustkever", "Zoë Hitzig于周三", "Zoe Hitzig 週二")
    assert index.canonical("Ilya Sustkever") == "Ilya Sutskever"
    assert index.canonical("Sustkever") == "Ilya Sutskever"
    assert index.canonical("Zoë Hitzig") == index.canonical("Zoe Hitzig")


def test_surname_or_given_name_alone_finds_the_one_person():
    index = index_of("Mrinank Sharma 是研究員", "Tony Wu 是聯合創始人")
    assert names_in(index, "Sharma 寫道,Wu 表示") == [("Sharma", "Mrinank Sharma"), ("Wu", "Tony Wu")]


def test_an_ambiguous_surname_is_not_guessed():
    index = index_of("Anna Lee 表示", "Brian Lee 表示")
    assert index.canonical("Lee") is None


def test_chinese_name_before_a_speech_verb_is_a_person():
    index = index_of("南开大学讲席教授李维安在接受采访时表示:")
    assert index.entities["李维安"].type == "person"


def test_registry_alias_links_scripts_and_names():
    index = index_of("微軟CEO 薩提亞·納德拉迅速表態", registry=[
        {"name": "Microsoft", "type": "org", "aliases": ["微软"]},
        {"name": "Satya Nadella", "type": "person", "aliases": ["萨提亚·纳德拉", "纳德拉"]},
    ])
    found = names_in(index, "微軟CEO 薩提亞·納德拉迅速表態")
    assert found == [("微軟", "Microsoft"), ("薩提亞·納德拉", "Satya Nadella")]


def test_capitalised_words_that_are_not_names():
    index = index_of("The company said on Monday. Only two of them remain, according to Reuters.")
    assert "Only" not in index.entities and "The" not in index.entities


def test_plural_pronoun_is_not_a_person():
    index = index_of("Tony Wu 表示")
    mentions = index.mentions("他們表示", fold("他們表示"))
    assert not [m for m in mentions if m.pronoun]


def test_people_a_user_registered_are_never_merged_however_close_their_names():
    registry = [{"name": "Lena Ortiz", "type": "person", "aliases": []},
                {"name": "Lena Ortis", "type": "person", "aliases": []}]
    index = index_of("Lena Ortiz resigned on Monday.", "Lena Ortis joined on Friday.", registry=registry)
    assert index.canonical("Lena Ortiz") == "Lena Ortiz"
    assert index.canonical("Lena Ortis") == "Lena Ortis"
    # an unregistered spelling as close still folds into a registered name
    unregistered = index_of("Lena Ortiz resigned on Monday.", "Lena Ortiz said so.", "Lena Ortis said so too.",
                            registry=registry[:1])
    assert unregistered.canonical("Lena Ortis") == "Lena Ortiz"


# --------------------------------------------------------------------------- romanisation lookups
import itertools

import pytest

from verifier.claims.entities import _romanised_targets, _spellings, romanizes


@pytest.mark.parametrize("chinese", ["林佩珊", "許文彥", "驰远", "张伟", "欧阳明", "吕强", "曾乐", "单于", "长乐"])
def test_listed_spellings_agree_with_romanizes(chinese):
    """Linking looks spellings up in a dict; that must say what comparing one by one says."""
    spelt = _spellings(chinese)
    assert spelt  # every name here can be spelt, and few enough ways to list
    latin = ["Lin Peishan", "Peishan Lin", "Hsu Wen-yen", "Xu Wenyan", "Chiyuan", "Zhang Wei", "Chang Wei",
             "Ouyang Ming", "Lu Qiang", "Lyu Qiang", "Zeng Le", "Tseng Yue", "Shan Yu", "Chan Yu", "Chang Le",
             "Zhang Yue", "Lin Peisan", "Wei Zhang"]
    for name in latin:
        assert romanizes(chinese, name) == bool(spelt & set(_romanised_targets(name))), (chinese, name)


def test_a_name_with_too_many_spellings_is_not_listed():
    # six characters with several readings each: more spellings than are worth listing
    many = next(n for n in ("".join(p) for p in itertools.permutations("长乐行重调和", 6)) if _spellings(n) is None)
    assert _spellings(many) is None
    assert _spellings("John") == frozenset()  # nothing Chinese to spell


def test_readings_are_pypinyins_without_loading_its_phrases():
    from pypinyin import Style, pinyin

    from verifier.claims.entities import _reading_table, _readings

    assert _reading_table() is not None  # the table is found where this pypinyin keeps it
    for ch in "长乐吕欸女绿许彦重行曾单朴区㐀":
        assert _readings(ch) == tuple(dict.fromkeys(pinyin(ch, style=Style.NORMAL, heteronym=True)[0])), ch


def test_the_spelling_blocks_keep_every_pair_rapidfuzz_finds_close():
    """The bigram prefix filter of the spelling merge is lossless: every later key that
    fuzz.ratio finds FUZZY_NAME close to a key is among its candidates (keys made by editing a
    few base names, so that many pairs are close and many are near the threshold)."""
    import random

    from rapidfuzz import fuzz

    from verifier.claims.entities import FUZZY_NAME, _spelling_candidates

    rng = random.Random(7)
    close = 0
    for _ in range(200):
        alphabet = "abcde "[:rng.randint(2, 6)]
        bases = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20))) for _ in range(5)]
        keys = []
        for _ in range(rng.randint(2, 30)):
            k = list(rng.choice(bases))
            for _ in range(rng.randint(0, 3)):
                at = rng.randint(0, max(0, len(k) - 1))
                edit = rng.choice(("drop", "add", "change"))
                if edit == "drop" and k:
                    k.pop(at)
                elif edit == "add":
                    k.insert(at, rng.choice(alphabet))
                elif k:
                    k[at] = rng.choice(alphabet)
            keys.append("".join(k) or "a")
        candidates = _spelling_candidates(keys)
        for i in range(len(keys)):
            start = rng.randint(i + 1, len(keys))
            found = candidates(i, start)
            assert len(found) == len(set(found)) and all(start <= j < len(keys) for j in found)
            for j in range(start, len(keys)):
                if fuzz.ratio(keys[i], keys[j]) >= FUZZY_NAME:
                    close += 1
                    assert j in found, (keys[i], keys[j])
    assert close > 1000  # the test compares many close pairs, not a handful


def test_the_spelling_blocks_leave_out_keys_that_share_too_few_bigrams():
    """The filter does filter: a key sharing no bigram with another is not its candidate."""
    from verifier.claims.entities import _spelling_candidates

    keys = ["mara quill", "mara quil", "zeno vrtk"]
    assert sorted(_spelling_candidates(keys)(0, 1)) == [1]


def test_the_place_opening_a_chinese_name_is_the_longest_one_whatever_the_run():
    """纽约州立澜溪银行: 纽约 and 纽约州 both open it; the longest is taken, in every run (a set's order
    changes with the interpreter's hash seed, so a first match found by walking one would not)."""
    import subprocess
    import sys

    from verifier.claims.entities import _leading_place

    assert _leading_place("纽约州澜溪银行", 2) == "纽约州"
    assert _leading_place("纽约州", 2) is None  # (no name after it)
    code = "from verifier.claims.entities import _cjk_places_longest_first as f; print(f()[:40])"
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1, runs
