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
    parser.add_argument("--entities", metavar="FILE",
                        help="extra known entities (TOML with [[entity]] tables; default: `entities` in the configuration)")
    parser.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")


def run(args) -> int:
    from tabulate import tabulate

    from verifier import terminal
    from verifier.claims import ledger
    from verifier.claims.entities import load_registry
    from verifier.commands.report import configured_entities, default_paths
    from verifier.io import write_all, write_stdout
    from verifier.pipeline import extract_sources
    from verifier.text.sources import load

    sources = load(default_paths(args.paths))
    prepared, _ = extract_sources(sources, load_registry(configured_entities(args.entities)),
                                  progress=terminal.progress("extracting claims", "article", args.quiet))
    files = ledger.files({p.source.id: p.claims for p in prepared}, args.ledger)
    write_all(files)
    if not args.quiet:
        rows = [[p.source.id, p.source.language, str(p.source.published or "unknown"), len(p.claims), str(path)]
                for p, path in zip(prepared, files)]
        write_stdout(tabulate(rows, headers=["source", "language", "published", "claims", "ledger"], disable_numparse=True,
                              colalign=["left", "left", "left", "right", "left"]) + "\n")
    return 0
