"""verifier: claim verification and source-consistency checking for news.

The Python API (verifier/api.py; the README shows it at work):

- `verifier.report(sources, published=..., entities=...)` -> the report model (the JSON);
- `verifier.check(draft_text, against=...)` -> the diagnostics of `verifier check`;
- `verifier.normalize(text, base=...)` -> the values found in a text.

Importing them costs nothing: the pipeline is imported when one of them is first called.
"""

from __future__ import annotations

import importlib
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from verifier.api import check, normalize, report
from verifier.errors import VerifierError  # noqa: E402

__all__ = ["__version__", "report", "check", "normalize", "VerifierError"]


class _CallableSubpackage(types.ModuleType):
    """`verifier.report`, `verifier.check` and `verifier.normalize` are subpackages (their
    modules import as usual: `import verifier.report.html as html`) that can also be called:
    the call is the API function of the same name in verifier/api.py."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from verifier import api

        return getattr(api, self.__name__.rpartition(".")[2])(*args, **kwargs)


def _make_callable() -> None:
    from verifier import api

    for name in ("report", "check", "normalize"):
        module = importlib.import_module(f"verifier.{name}")  # its __init__ is tiny
        module.__class__ = _CallableSubpackage  # documented: "Customizing module attribute access"
        function = getattr(api, name)
        module.__wrapped__ = function  # inspect.signature() and help() find the function
        module.__doc__ = function.__doc__


_make_callable()
