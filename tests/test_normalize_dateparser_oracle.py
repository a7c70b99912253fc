"""dateparser as an oracle where it is right: English absolute dates.

For any calendar date written the way English news writes it, the normalizer and dateparser
must agree on the day. (dateparser is not used in the pipeline: it is weak on Chinese.)"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.normalize.engine import analyze

dateparser = pytest.importorskip("dateparser")

FORMS = ["{B} {d}, {Y}", "{d} {B} {Y}", "{b}. {d}, {Y}", "{B} {d} {Y}", "on {A}, {B} {d}, {Y}"]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31)), st.sampled_from(FORMS))
def test_english_absolute_dates_agree_with_dateparser(day, form):
    text = form.format(B=day.strftime("%B"), b=day.strftime("%b"), d=day.day, Y=day.year, A=day.strftime("%A"))
    oracle = dateparser.parse(text.removeprefix("on "), languages=["en"], settings={"STRICT_PARSING": True})
    assert oracle is not None and oracle.date() == day
    found = [f.value for f in analyze(text, kinds=("date",)) if f.value.start]
    assert [v.start for v in found] == [day.isoformat()], (text, found)
