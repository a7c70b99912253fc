"""Extract the claims of articles and write the claim ledger.

One file per source, DIR/<source-id>.jsonl, one claim per line in text order (stable, so a
diff shows what changed between runs). Each claim has id, source, kind, subject, predicate,
value, text, start, end; text is exactly the source text between start and end."""

from __future__ import annotations

from verifier.commands import running

EXAMPLES = """examples:
  verifier extract                  # seeds/ -> claims/
  verifier extract news/ --ledger out/claims
  verifier extract news/a.txt --explain   # each claim and what produced it
"""


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: seeds/)")
    parser.add_argument("--ledger", metavar="DIR", default="claims", help="folder of the ledger (default: claims)")
    parser.add_argument("--entities", metavar="FILE",
                        help="extra known entities (TOML with [[entity]] tables; default: `entities` in the configuration)")
    parser.add_argument("--explain", action="store_true",
                        help="print each claim with what produced it: the value's pattern, the event word and "
                             "how far it stood, the rule that found the subject")
    parser.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    running.add_arguments(parser)


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
                                  progress=terminal.progress("extracting claims", "article", args.quiet),
                                  **running.options(args))
    files = ledger.files({p.source.id: p.claims for p in prepared}, args.ledger)
    write_all(files)
    if args.explain:
        write_stdout("".join(explain(p.source, p.claims) for p in prepared))
    elif not args.quiet:
        rows = [[p.source.id, p.source.language, str(p.source.published or "unknown"), len(p.claims), str(path)]
                for p, path in zip(prepared, files)]
        write_stdout(tabulate(rows, headers=["source", "language", "published", "claims", "ledger"], disable_numparse=True,
                              colalign=["left", "left", "left", "right", "left"]) + "\n")
    return 0


def explain(source, claims) -> str:
    """One block per claim: where it stands, what it says, and what produced it."""
    from verifier import describe
    from verifier.check.diagnostics import Lines

    lines = Lines(source.text)
    out = []
    for c in claims:
        pos = lines.position(c.start, c.end)
        value = f"“{c.value.quote}”" if c.kind == "quote" else describe.value(c.value)
        out.append(f"{source.path}:{pos.line}:{pos.col}: {c.subject} — {c.label or c.predicate}: {value}\n")
        out.append(f"    words    {' '.join(c.text.split())}\n")
        for key in ("value", "trigger", "link", "subject"):
            if c.why.get(key):
                out.append(f"    {key:<8} {c.why[key]}\n")
        for key, said in sorted(c.why.items()):
            if key not in ("value", "trigger", "link", "subject"):
                out.append(f"    {key:<8} {said}\n")
        if c.subject_text and c.subject_text != c.subject:
            out.append(f"    named as {c.subject_text}\n")
        if c.scope:
            out.append("    scope    " + ", ".join(f"{k} {v}" for k, v in sorted(c.scope.items())) + "\n")
    return "".join(out)
