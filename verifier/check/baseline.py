"""Baseline files: findings a newsroom has already seen and accepted, so that CI fails only on
new ones (as ruff's and Vale's users do with their baselines).

`verifier check DRAFTS --baseline FILE --write-baseline` writes every diagnostic of the run;
`verifier check DRAFTS --baseline FILE` then reports only diagnostics that are not in it. A
diagnostic is recognised by its file, its code and its fingerprint (the code, what the claim
is about and the draft's words), not by its line, so editing text above it does not make it
new; each entry in the file stands for one diagnostic.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path, PurePath

from verifier.check.checker import DraftResult
from verifier.check.diagnostics import Diagnostic
from verifier.errors import VerifierError

FORMAT = 1


def _key(path: str, code: str, fingerprint: str) -> tuple[str, str, str]:
    return PurePath(os.path.normpath(path)).as_posix(), code, fingerprint


def key(d: Diagnostic) -> tuple[str, str, str]:
    return _key(d.path, d.code, d.fingerprint())


def content(results: list[DraftResult]) -> str:
    """The baseline file for these results: JSON, one entry per diagnostic, in text order."""
    entries = [{"path": key(d)[0], "code": d.code, "fingerprint": d.fingerprint(), "line": d.line,
                "message": " ".join(d.message.split())}
               for r in results for d in r.diagnostics]
    data = {"tool": "verifier", "baseline": FORMAT, "diagnostics": entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read(path: str | Path) -> Counter:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VerifierError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise VerifierError(f"{path}: not a baseline file written by verifier check: {exc}") from None
    if not isinstance(data, dict) or data.get("baseline") != FORMAT or not isinstance(data.get("diagnostics"), list):
        raise VerifierError(f"{path}: not a baseline file written by verifier check (no \"baseline\": {FORMAT})")
    counts: Counter = Counter()
    for n, e in enumerate(data["diagnostics"], 1):
        if not (isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("path", "code", "fingerprint"))):
            raise VerifierError(f"{path}: entry {n} needs path, code and fingerprint")
        counts[_key(e["path"], e["code"], e["fingerprint"])] += 1
    return counts


def apply(results: list[DraftResult], known: Counter) -> None:
    """Leave out of each result the diagnostics the baseline holds (each entry once)."""
    left = Counter(known)
    for r in results:
        kept = []
        for d in r.diagnostics:
            k = key(d)
            if left[k] > 0:
                left[k] -= 1
                r.baselined += 1
            else:
                kept.append(d)
        r.diagnostics = kept
