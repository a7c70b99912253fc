"""Compare the claims of a set of articles and report where they agree and contradict.

Reads every .txt and .md article under the given folders or files (default: seeds/, the
sample articles of a checkout), extracts claims, matches claims about the same subject and
predicate across sources and runs the rules on them. Prints the report: on a terminal a
table as wide as the terminal, its verdicts in colour (NO_COLOR turns colour off); with
--format, Markdown, JSON or HTML. With --output, writes each file in the format its extension
names (.md, .json, .html, .txt) and prints the table. Progress and "wrote FILE" lines go to
standard error. Extra known names come from --entities, else from `entities` in
[tool.verifier] (pyproject.toml) or verifier.toml.

Exit status: 0 when the report was made (findings are not errors, unless --fail-on says
so), 1 when --fail-on finds a finding at or above its verdict, 2 on bad input."""

from __future__ import annotations

from pathlib import Path

from verifier.commands import running

EXAMPLES = """examples:
  verifier report news/                  # your articles, as a table
  verifier report news/ --format markdown
  verifier report news/ -o reports/report.html -o reports/report.json --ledger claims
  verifier report news/ --entities my-entities.toml
  verifier report news/ --fail-on contradict --quiet   # in CI: exit 1 on a contradiction
  verifier report archive/ --jobs 8 -o archive.json   # 8 processes; a re-run reads the cache
"""

DEFAULT_PATH = "seeds"
FAIL_ON = ("contradict", "compatible", "agree", "never")


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: seeds/)")
    parser.add_argument("--format", "-f", choices=("table", "markdown", "json", "html"),
                        help="format printed, or written to a single --output (default: table, or the output's extension)")
    parser.add_argument("--output", "-o", action="append", metavar="FILE", default=[],
                        help="write the report to FILE (repeatable; the extension picks the format)")
    parser.add_argument("--ledger", metavar="DIR", help="also write the claim ledger (DIR/<source-id>.jsonl)")
    parser.add_argument("--entities", metavar="FILE",
                        help="extra known entities (TOML with [[entity]] tables; default: `entities` in the configuration)")
    parser.add_argument("--fail-on", choices=FAIL_ON, default="never",
                        help="exit 1 when a finding has this verdict or a worse one "
                             "(contradict, then compatible, then agree; default: never)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="print nothing but errors (no table, no progress, no 'wrote' lines)")
    parser.add_argument("--color", "--colour", choices=("auto", "always", "never"), default="auto",
                        help="colour the verdicts: auto (on a terminal, unless NO_COLOR is set), always or never")
    parser.add_argument("--all", action="store_true", dest="everything",
                        help="print every finding in the table (a report of more than 50 sources or 200 findings "
                             "prints its contradictions, the files hold everything)")
    running.add_arguments(parser)


def default_paths(paths: list[str]) -> list[str]:
    """The PATHs given, else seeds/ when it is here; else a one-line error saying what to do."""
    from verifier.errors import VerifierError

    if paths:
        return paths
    if Path(DEFAULT_PATH).is_dir():
        return [DEFAULT_PATH]
    raise VerifierError("no articles given: name a folder or files of articles, e.g. `verifier report news/` "
                        f"(without PATH the command reads {DEFAULT_PATH}/, and there is none here)")


def configured_entities(option: str | None) -> str | None:
    """--entities, else `entities` from [tool.verifier] / verifier.toml, else None."""
    if option:
        return option
    from verifier import config as configuration

    return configuration.load().entities


def failed(findings, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    worst = FAIL_ON.index(fail_on)
    return any(FAIL_ON.index(f.verdict) <= worst for f in findings if f.verdict in FAIL_ON)


def run(args) -> int:
    from verifier import terminal
    from verifier.claims import ledger
    from verifier.claims.entities import load_registry
    from verifier.errors import VerifierError
    from verifier.io import write_all, write_stdout
    from verifier.report.model import build
    from verifier.report.render import EXTENSIONS, json_pieces, render

    paths = default_paths(args.paths)
    registry = load_registry(configured_entities(args.entities))
    formats = {}
    for out in args.output:
        path = Path(out)
        fmt = args.format if (args.format and len(args.output) == 1) else EXTENSIONS.get(path.suffix.lower())
        if fmt is None:
            raise VerifierError(f"{path}: cannot tell the format from the extension; use .md, .json, .html, .txt or --format")
        formats[path] = fmt
    report = build(paths, registry, progress=terminal.progress("extracting claims", "article", args.quiet),
                   json_out="json" in formats.values(), **running.options(args))
    files: dict = {}  # path -> text, or pieces of text written one after another
    for path, fmt in formats.items():
        files[path] = json_pieces(report) if fmt == "json" else render(report, fmt)
    if args.ledger:
        by_source: dict = {s.id: [] for s in report.sources}
        for c in report.claims:  # one pass (the claims of a large report are read as they are unpacked)
            if c.source in by_source:
                by_source[c.source].append(c)
        files.update(ledger.files(by_source, args.ledger))
    write_all(files)
    if not args.quiet:
        printed = "table" if args.output else (args.format or "table")
        write_stdout(render(report, printed, width=terminal.width(), colour=terminal.colour(args.color),
                            everything=args.everything))
    for path in files:
        terminal.status(f"wrote {path}", args.quiet)
    return 1 if failed(report.findings, args.fail_on) else 0
