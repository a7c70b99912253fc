"""Test-wide settings: the commands' incremental cache lives in a folder of the test session,
never in the user's ~/.cache."""

import os
import tempfile

_CACHE_HOME = tempfile.mkdtemp(prefix="verifier-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
