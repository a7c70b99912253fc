"""Lint drafts against trusted sources, like a code linter.

Extracts the claims of each DRAFT (Markdown or plain text; `-` reads standard input) with the
same pipeline as `verifier report`, and compares each with what the trusted sources (--against:
folders or files of articles, or a claim ledger written by `verifier extract`) say about the
same subject:

  error    a source contradicts the draft (D101, M101, N101, P101, T101, Q102, D102)
  warning  the sources disagree among themselves (W102), a source is more precise (W101),
           a quote is worded differently (Q101)
  info     no source speaks of it (I101), or the sources confirm less than it says (I102);
           shown only with --show-unsupported

Each diagnostic is FILE:LINE:COL: CODE message (1-based, in characters of the draft file;
Markdown syntax is not article text but positions point into the file as it is), then the
draft's line with a caret under the words (--format concise: the first line only). Sources
are named by FILE:LINE. --statistics counts diagnostics per code instead. A baseline file
(--baseline FILE, written with --write-baseline) holds findings already accepted: only new
ones are reported. A draft with no article text is nothing to check (exit 0). Configuration
comes from [tool.verifier] in pyproject.toml or from verifier.toml (this folder or a parent);
options given here override it. `<!-- verifier: ignore CODE -->` on the line before a sentence
silences CODE there. `verifier rules CODE` explains a code.

Exit status: 0 nothing at or above --fail-on (default: error), 1 findings, 2 usage or input
error."""

from __future__ import annotations

from verifier.commands import running

EXAMPLES = """examples:
  verifier check draft.md --against seeds/
  verifier check drafts/ --against sources/ --against claims/ --show-unsupported
  cat draft.md | verifier check - --against seeds/ --format json
  verifier check draft.md --against seeds/ --format sarif --output results.sarif
  verifier check draft.md --against seeds/ --select D,M --fail-on warning
  verifier check drafts/ --against sources/ --statistics
  verifier check drafts/ --against sources/ --baseline verifier-baseline.json --write-baseline
  verifier check drafts/ --against sources/ --baseline verifier-baseline.json   # only new findings
"""


def add_arguments(parser) -> None:
    parser.add_argument("drafts", nargs="+", metavar="DRAFT", help="draft files or folders (.md, .txt); - for standard input")
    parser.add_argument("--against", "-a", action="append", metavar="PATH",
                        help="trusted articles (file or folder) or claim ledger (.jsonl or folder); repeatable")
    parser.add_argument("--format", "-f", choices=("text", "concise", "json", "sarif", "github"),
                        help="output format (default: text, with the draft's line under each diagnostic; "
                             "concise: one line each)")
    parser.add_argument("--statistics", action="store_true",
                        help="print how many diagnostics of each code there are instead of the diagnostics")
    parser.add_argument("--baseline", metavar="FILE",
                        help="leave out the diagnostics recorded in FILE (findings already accepted)")
    parser.add_argument("--write-baseline", action="store_true",
                        help="record every diagnostic of this run in the --baseline FILE, and exit 0")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the output to FILE instead of standard output")
    parser.add_argument("--select", action="append", metavar="CODES",
                        help="report only rule codes starting with these prefixes (comma-separated; repeatable)")
    parser.add_argument("--ignore", action="append", metavar="CODES",
                        help="do not report rule codes starting with these prefixes (comma-separated; repeatable)")
    parser.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                        help="lowest severity that makes the exit status 1 (default: error)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--show-unsupported", action="store_true", default=None,
                        help="also show info diagnostics: claims no source speaks of (I101) or confirms only in part (I102)")
    parser.add_argument("--hide-unsupported", action="store_false", dest="show_unsupported", default=None,
                        help="do not show them, whatever the configuration says")
    parser.add_argument("--published", metavar="DATE",
                        help="publication date of the drafts (YYYY-MM-DD), for 'this week', 'yesterday'...")
    parser.add_argument("--entities", metavar="FILE", help="extra known entities (TOML with [[entity]] tables)")
    parser.add_argument("--config", metavar="FILE", help="configuration file (default: found from the current folder)")
    parser.add_argument("--no-config", action="store_true", help="ignore any configuration file")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="name to show for a draft read from standard input (its extension picks Markdown or text)")
    running.add_arguments(parser)


def run(args) -> int:
    from pathlib import Path

    from verifier import config as configuration
    from verifier.check import drafts as drafts_mod
    from verifier.check import trusted as trusted_mod
    from verifier.check.checker import Checker, Options, default_severity, normalize_codes
    from verifier.check.diagnostics import SEVERITY_RANK
    import sys

    from verifier import terminal
    from verifier.check import baseline
    from verifier.check.formats import FRAME_WIDTH, Run, render, summary_line
    from verifier.claims.entities import load_registry
    from verifier.errors import VerifierError
    from verifier.io import write_atomic, write_stdout
    from verifier.rules.engine import rules

    cfg = configuration.Config() if args.no_config else configuration.load(args.config)
    fmt = args.format or cfg.format or "text"
    fail_on = args.fail_on or cfg.fail_on or "error"
    show_unsupported = args.show_unsupported if args.show_unsupported is not None else bool(cfg.show_unsupported)
    published = configuration.parse_date(args.published, "--published") if args.published else None
    select = normalize_codes(args.select if args.select is not None else cfg.select,
                             "--select" if args.select is not None else f"{cfg.path}: select")
    ignore = normalize_codes(args.ignore if args.ignore is not None else cfg.ignore,
                             "--ignore" if args.ignore is not None else f"{cfg.path}: ignore") or []
    against = args.against if args.against else cfg.against
    entities = args.entities or cfg.entities
    if args.drafts.count("-") > 1:
        raise VerifierError("standard input (-) can be read only once")

    if args.write_baseline and not args.baseline:
        raise VerifierError("--write-baseline needs --baseline FILE: the file to write")
    if args.statistics and fmt not in ("text", "concise", "json"):
        raise VerifierError(f"--statistics prints text or json, not {fmt}")
    known = baseline.read(args.baseline) if args.baseline and not args.write_baseline else None

    drafts = drafts_mod.read(args.drafts, args.stdin_filename)
    from verifier.pipeline import Runner

    run_options = running.options(args, cfg)
    progress = terminal.progress("reading sources", "article")
    with Runner(run_options["jobs"], run_options["scheduler"]) as runner:
        trusted = trusted_mod.load(against or [], load_registry(entities), exclude=[d.file for d in drafts if d.file],
                                   runner=runner, cache=run_options["cache"], progress=progress)
        checker = Checker(trusted, Options(select=select, ignore=ignore, show_unsupported=show_unsupported,
                                           published=published, default_published=cfg.published),
                          runner=runner, cache=run_options["cache"], progress=progress)
        results = [checker.check(d.path, d.text, d.markdown) for d in drafts]
    for r in results:
        for warning in r.warnings:
            print(f"verifier: warning: {warning}", file=sys.stderr)
    if args.write_baseline:
        write_atomic(Path(args.baseline), baseline.content(results))
        count = sum(len(r.diagnostics) for r in results)
        print(f"verifier: wrote {args.baseline} with {count} diagnostic{'' if count == 1 else 's'}; "
              f"with --baseline {args.baseline}, only new ones are reported", file=sys.stderr)
        return 0
    if known is not None:
        baseline.apply(results, known)
    width = terminal.width() if not args.output else FRAME_WIDTH
    run_ = Run(results, trusted.source_ids, help_url=cfg.help_url,
               rule_severity={code: default_severity(code) for code in rules()}, width=width)
    output = render(run_, fmt, statistics=args.statistics)
    if args.output:
        write_atomic(Path(args.output), output)
        print(summary_line(run_) + f" Wrote {args.output}.", file=sys.stderr)
    else:
        write_stdout(output)
    if args.exit_zero or fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[d.severity] >= threshold for d in run_.diagnostics) else 0
