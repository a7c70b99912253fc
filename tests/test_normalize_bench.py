"""The normalizer benchmark runs on any corpus in the Duckling-zh layout and skips a missing one."""

from __future__ import annotations

import json

from verifier.bench.score import run_normalizer_bench

LINES = {
    "numbers": [{"text": "三百", "kind": "number", "value": 300}, {"text": "第七", "kind": "ordinal", "value": 7}],
    "money": [{"text": "5.6到5.78元", "kind": "money", "low": 5.6, "high": 5.78, "currency": None, "bound": "between"}],
    "durations": [{"text": "半小時", "kind": "duration", "value": 30, "unit": "minute"}],
    "dates": [
        {"text": "星期四", "kind": "date", "start": "2013-02-14", "grain": "day"},
        {"text": "下个月", "kind": "date", "start": "2013-03-01", "grain": "month"},
        {"text": "明年九月", "kind": "date", "start": "2099-09-01", "grain": "month"},  # a miss
        {"text": "万圣节", "kind": "date", "start": "2013-10-31", "grain": "day", "holiday": "万圣节"},
    ],
}


def test_bench_on_a_small_corpus(tmp_path, capsys):
    for name, lines in LINES.items():
        (tmp_path / f"{name}.jsonl").write_text(
            "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    result = run_normalizer_bench(tmp_path, seconds=0.05, import_runs=1)
    out = capsys.readouterr().out
    assert result["right"] == {"numbers": 2, "money": 1, "durations": 1, "dates": 2, "holidays": result["right"]["holidays"]}
    assert result["total"]["dates"] == 3 and result["total"]["holidays"] == 1
    assert result["misses"]["dates"][0][0] == "明年九月"
    assert result["expressions_per_second"] > 0 and result["expressions_per_second_all_kinds"] > 0
    assert 0 < result["import_seconds"] < 5
    if result["dateparser"] is not None:
        assert result["dateparser"]["total"] == 3 and result["dateparser"]["speed_ratio"] > 0
    assert "numbers" in out and "dateparser" in out


def test_missing_corpus_is_one_line(tmp_path, capsys):
    result = run_normalizer_bench(tmp_path / "nowhere")
    out = capsys.readouterr().out
    assert "skipped" in result and out.count("\n") == 1
