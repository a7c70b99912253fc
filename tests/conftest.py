"""Test-wide settings: the commands' incremental cache lives in a folder of the test session,
never in the user's ~/.cache."""

import os
import tempfile

import pytest

_CACHE_HOME = tempfile.mkdtemp(prefix="verifier-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
# a bug in reading one sentence fails the test that meets it (a user's run skips the sentence
# with a warning and reads the rest: test_a_bug_in_one_sentence_skips_that_sentence_only)
os.environ["VERIFIER_DEBUG"] = "1"


@pytest.fixture(autouse=True, scope="module")
def _check_made_values(request):
    """The normalizer builds its values without validation (`values.made`): in its own tests
    each is validated as well and must come out the same. (Not elsewhere: the check costs time,
    and other tests time whole commands.)"""
    from verifier.normalize import values

    values.CHECK_MADE = request.module.__name__.startswith("test_normalize")
    yield
    values.CHECK_MADE = False
