"""Reading drafts: files, folders of them, or standard input (`-`)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from verifier.check.markdown import MARKDOWN_SUFFIXES, is_markdown
from verifier.errors import VerifierError

DRAFT_SUFFIXES = (*MARKDOWN_SUFFIXES, ".txt", ".text")
MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Draft:
    path: str  # as the user gave it (or the --stdin-filename), printed in diagnostics
    text: str
    markdown: bool
    file: Path | None  # None for standard input


def _decode(data: bytes, name: str) -> str:
    from verifier.text.sources import decode

    if len(data) > MAX_BYTES:
        raise VerifierError(f"{name}: {len(data):,} bytes is too large for one draft (limit {MAX_BYTES:,})")
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if not body.strip():  # an empty draft is nothing to check, not an error
        return body.decode("utf-8", errors="replace")
    return decode(data, name)


def read(names: list[str], stdin_filename: str | None = None, stdin=None) -> list[Draft]:
    drafts: list[Draft] = []
    seen: set[Path] = set()
    for name in names:
        if name == "-":
            data = (stdin or sys.stdin.buffer).read()
            shown = stdin_filename or "-"
            drafts.append(Draft(shown, _decode(data, shown), stdin_filename is None or is_markdown(shown), None))
            continue
        path = Path(name)
        if not path.exists():
            raise VerifierError(f"{path}: no such file or folder")
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in DRAFT_SUFFIXES)
            if not files:
                raise VerifierError(f"{path}: no drafts here (.md or .txt files)")
        else:
            files = [path]
        for f in files:
            if f.resolve() in seen:
                continue
            seen.add(f.resolve())
            try:
                data = f.read_bytes()
            except OSError as exc:
                raise VerifierError(f"{f}: cannot read: {exc.strerror or exc}") from None
            drafts.append(Draft(str(f), _decode(data, str(f)), is_markdown(f.name), f))
    return drafts
