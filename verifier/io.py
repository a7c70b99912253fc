"""Writing files so that a failure never leaves a half-written or corrupted one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from verifier.errors import VerifierError


def write_atomic(path: str | Path, content: str) -> None:
    """Write `content` to `path` through a temporary file in the same folder, then rename."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise VerifierError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        # mkstemp makes the file private; give it the mode a plain write would
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise VerifierError(f"{path}: cannot write: {exc.strerror or exc}") from None


def write_all(files: dict[Path, str]) -> None:
    """Write several files; all content is ready before the first one is touched."""
    for path, content in files.items():
        write_atomic(path, content)
