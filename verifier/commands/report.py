"""Compare the claims of a set of articles and report where they agree and contradict.

Reads every .txt and .md article under the given folders or files (default: seeds/),
extracts claims, matches claims about the same subject and predicate across sources and
runs the rules on them. Prints the report (a table by default). With --output, writes each
file in the format its extension names (.md, .json, .html) and prints the table.
Exit status: 0 when the report was made (findings are not errors), 2 on bad input."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = """examples:
  verifier report                        # the articles in seeds/, as a table
  verifier report news/ --format markdown
  verifier report news/ -o reports/report.md -o reports/report.json --ledger claims
"""


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: seeds/)")
    parser.add_argument("--format", "-f", choices=("table", "markdown", "json", "html"),
                        help="format printed, or written to a single --output (default: table, or the output's extension)")
    parser.add_argument("--output", "-o", action="append", metavar="FILE", default=[],
                        help="write the report to FILE (repeatable; the extension picks the format)")
    parser.add_argument("--ledger", metavar="DIR", help="also write the claim ledger (DIR/<source-id>.jsonl)")
    parser.add_argument("--entities", metavar="FILE", help="extra known entities (TOML with [[entity]] tables)")


def run(args) -> int:
    from verifier.claims import ledger
    from verifier.claims.entities import load_registry
    from verifier.errors import VerifierError
    from verifier.io import write_all, write_stdout
    from verifier.report.model import build
    from verifier.report.render import EXTENSIONS, render

    report = build(args.paths or ["seeds"], load_registry(args.entities))
    files: dict[Path, str] = {}
    for out in args.output:
        path = Path(out)
        fmt = args.format if (args.format and len(args.output) == 1) else EXTENSIONS.get(path.suffix.lower())
        if fmt is None:
            raise VerifierError(f"{path}: cannot tell the format from the extension; use .md, .json, .html or --format")
        files[path] = render(report, fmt)
    if args.ledger:
        by_source = {s.id: [c for c in report.claims if c.source == s.id] for s in report.sources}
        files.update(ledger.files(by_source, args.ledger))
    write_all(files)
    printed = "table" if args.output else (args.format or "table")
    write_stdout(render(report, printed) + "".join(f"wrote {path}\n" for path in files))
    return 0
