"""Reading drafts: files, folders of them, or standard input (`-`)."""

from __future__ import annotations

import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from verifier.check.markdown import MARKDOWN_SUFFIXES, is_markdown
from verifier.errors import VerifierError
from verifier.io import file_status, read_file, read_stream, walk_files

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

    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if not body.strip():  # an empty draft is nothing to check, not an error
        return body.decode("utf-8", errors="replace")
    return decode(data, name)


def read(names: list[str], stdin_filename: str | None = None, stdin=None) -> list[Draft]:
    drafts: list[Draft] = []
    seen: set[Path] = set()
    for name in names:
        if name == "-":
            shown = stdin_filename or "-"
            data = read_stream(stdin or sys.stdin.buffer, MAX_BYTES, "standard input", "draft")
            drafts.append(Draft(shown, _decode(data, shown), stdin_filename is None or is_markdown(shown), None))
            continue
        path = Path(name)
        st = file_status(path)
        if st is None:
            raise VerifierError(f"{path}: no such file or folder")
        if stat.S_ISDIR(st.st_mode):
            files = [f for f in walk_files(path) if f.suffix.lower() in DRAFT_SUFFIXES]
            if not files:
                raise VerifierError(f"{path}: no drafts here (.md or .txt files)")
        else:
            files = [path]
        for f in files:
            if f.resolve() in seen:
                continue
            seen.add(f.resolve())
            data = read_file(f, MAX_BYTES, "draft")
            drafts.append(Draft(str(f), _decode(data, str(f)), is_markdown(f.name), f))
    return drafts
