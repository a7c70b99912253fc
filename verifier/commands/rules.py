"""List the rules, or print the documentation of one.

Every rule has a permanent code (select or ignore rules by code prefix: D, D1, D101), a
name that names the problem it finds, a one-line summary and a documentation text."""

from __future__ import annotations

EXAMPLES = """examples:
  verifier rules
  verifier rules D101
"""


def add_arguments(parser) -> None:
    parser.add_argument("code", nargs="?", help="a rule code, e.g. D101")


def run(args) -> int:
    from verifier.errors import VerifierError
    from verifier.io import write_stdout
    from verifier.rules.engine import rules

    registry = rules()
    if args.code:
        rule = registry.get(args.code.upper())
        if rule is None:
            raise VerifierError(f"no rule {args.code!r}; `verifier rules` lists them")
        write_stdout(rule.documentation())
        return 0
    width = max(len(r.name) for r in registry.values())
    write_stdout("".join(f"{r.code}  {r.name.ljust(width)}  {r.summary}\n" for r in registry.values()))
    return 0
