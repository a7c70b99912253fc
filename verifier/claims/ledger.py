"""The claim ledger: claims/<source-id>.jsonl, one claim per line in text order, so that a
diff of the ledger between two runs shows exactly which claims changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from verifier.claims.model import Claim
from verifier.errors import VerifierError


def dumps(claims: Iterable[Claim]) -> str:
    lines = [json.dumps(c.model_dump(mode="json"), ensure_ascii=False, sort_keys=False, allow_nan=False) for c in claims]
    return "\n".join(lines) + ("\n" if lines else "")


def files(claims_by_source: dict[str, list[Claim]], folder: str | Path) -> dict[Path, str]:
    folder = Path(folder)
    return {folder / f"{sid}.jsonl": dumps(claims) for sid, claims in sorted(claims_by_source.items())}


def read(path: str | Path) -> list[Claim]:
    """Claims from a ledger file, or from every .jsonl file of a ledger folder."""
    from verifier.inputs import MAX_DATA_BYTES, decode_text, not_finite
    from verifier.io import list_folder, read_file

    path = Path(path)
    paths = [p for p in list_folder(path) if p.suffix.lower() == ".jsonl"] if path.is_dir() else [path]
    if not paths:
        raise VerifierError(f"{path}: no claim ledger here (.jsonl files)")
    out: list[Claim] = []
    for p in paths:
        lines = decode_text(read_file(p, MAX_DATA_BYTES, "claim ledger"), p).splitlines()
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                claim = Claim.model_validate_json(line)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(x) for x in first.get("loc", ()))
                raise VerifierError(f"{p}:{n}: not a claim: {where} {first.get('msg', '')}".rstrip()) from None
            bad = not_finite(claim.value.model_dump())
            if bad is not None:
                raise VerifierError(f"{p}:{n}: not a claim: value.{bad} is not a finite number")
            out.append(claim)
    return out
