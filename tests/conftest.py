"""Test-wide settings: the commands' incremental cache lives in a folder of the test session,
never in the user's ~/.cache."""

import os
import tempfile

import pytest

_CACHE_HOME = tempfile.mkdtemp(prefix="verifier-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME


@pytest.fixture(autouse=True, scope="session")
def _check_made_values():
    """The normalizer builds its values without validation (`values.made`): in the tests each is
    validated as well and must come out the same."""
    from verifier.normalize import values

    values.CHECK_MADE = True
    yield
    values.CHECK_MADE = False
