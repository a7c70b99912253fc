"""What a run does once, and how the work is laid out between processes (issue 11): the work
done while the pool works, what is sent back from the pool."""

from __future__ import annotations

import os
import pickle

from verifier import pipeline
from verifier.text.sources import from_texts


def _square(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_meanwhile_is_called_once_while_the_map_runs_in_every_way_of_running_it():
    for jobs, n in ((1, 40), (2, 40), (2, 3), (2, 0)):
        calls = []
        with pipeline.Runner(jobs) as runner:
            done = runner.map(_square, list(range(n)), None, "squares", meanwhile=lambda: calls.append(os.getpid()))
        assert [x for x, _ in done] == [i * i for i in range(n)]
        assert calls == [os.getpid()]  # once, here
        if jobs == 2 and n == 40:
            assert runner.pooled(n) and {pid for _, pid in done} - {os.getpid()}  # others did some
        else:
            assert not runner.pooled(n) or n == 0


def test_an_article_prepared_in_another_process_comes_back_without_its_text():
    english, traditional = from_texts({"a": "Acme hired 120 people in May 2024, the company said.\n",
                                       "b": "台北市政府表示，今年預算為三億元。\n"})
    for source in (english, traditional):
        text = source.text
        p, learned = pipeline._prepared_elsewhere(source)
        here, _ = pipeline._prepare_and_learn(from_texts({source.id: text})[0])
        assert source.text == text  # the article sent is left as it was
        assert p.source.text == "" and pickle.dumps(text) not in pickle.dumps((p, learned))
        assert p.source.folded == ("" if here.source.folded == text else here.source.folded)
        assert p.sentences == here.sentences and p.spans == here.spans and p.syndication == here.syndication
    assert traditional.folded != traditional.text  # (one of them folds to other characters)


def test_sentences_cross_processes_whole():
    from verifier.text.segment import Sentence

    s = Sentence(3, 17, 1)
    assert pickle.loads(pickle.dumps(s)) == s
    assert b"paragraph" not in pickle.dumps(s)  # its numbers, not its fields by name
