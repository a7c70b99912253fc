"""Extract the claims of articles and write the claim ledger.

One file per source, DIR/<source-id>.jsonl, one claim per line in text order (stable, so a
diff shows what changed between runs). Each claim has id, source, kind, subject, predicate,
value, text, start, end; text is exactly the source text between start and end."""

from __future__ import annotations

EXAMPLES = """examples:
  verifier extract                  # seeds/ -> claims/
  verifier extract news/ --ledger out/claims
"""


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: seeds/)")
    parser.add_argument("--ledger", metavar="DIR", default="claims", help="folder of the ledger (default: claims)")
    parser.add_argument("--entities", metavar="FILE", help="extra known entities (TOML with [[entity]] tables)")


def run(args) -> int:
    from tabulate import tabulate

    from verifier.claims import ledger
    from verifier.claims.entities import load_registry
    from verifier.io import write_all, write_stdout
    from verifier.pipeline import run_extraction

    prepared, _ = run_extraction(args.paths or ["seeds"], load_registry(args.entities))
    files = ledger.files({p.source.id: p.claims for p in prepared}, args.ledger)
    write_all(files)
    rows = [[p.source.id, p.source.language, p.source.published or "unknown", len(p.claims), path]
            for p, path in zip(prepared, files)]
    write_stdout(tabulate(rows, headers=["source", "language", "published", "claims", "ledger"]) + "\n")
    return 0
