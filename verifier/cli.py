"""The `verifier` command line. Subcommands live in verifier/commands/, imported only when run,
so `verifier --help` stays fast."""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from verifier import __version__
from verifier.collector import kept

# name -> (module under verifier.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "report": ("report", "compare claims across sources and report agreements and contradictions"),
    "extract": ("extract", "extract claims from sources and write the claim ledger"),
    "normalize": ("normalize", "normalize numbers, money, durations and dates in text (JSON lines)"),
    "check": ("check", "lint a draft against trusted sources, like a code linter"),
    "rules": ("rules", "list the rules, or print the documentation of one"),
    "export": ("export", "export editor-rated findings (ClaimReview JSON-LD)"),
}


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verifier",
        formatter_class=_Formatter,
        description="Claim verification and source-consistency checking for Chinese and English news.",
        epilog="example:\n  verifier report seeds/\n  verifier check draft.md --against seeds/\n\n"
        "`verifier COMMAND --help` describes each command.",
    )
    parser.add_argument("--version", action="version", version=f"verifier {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        mod = importlib.import_module(f"verifier.commands.{module}")
        p = sub.add_parser(
            name, help=help_text, description=mod.__doc__, formatter_class=_Formatter,
            epilog=getattr(mod, "EXAMPLES", None),
        )
        mod.add_arguments(p)
        p.set_defaults(_module=mod)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from verifier import io
    from verifier.errors import VerifierError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    io.forget_inputs()
    try:
        with kept():  # what the command makes lives to its end (collector.py)
            status = int(args._module.run(args) or 0)
        io.write_stdout("")  # flush: a full disk behind standard output is an error, not a silent loss
        return status
    except VerifierError as exc:
        _error(f"verifier: error: {exc}")
        return 2
    except KeyboardInterrupt:
        _error("verifier: interrupted")
        return 130
    except BrokenPipeError:  # the reader went away (`verifier report | head`): not an error
        io.silence_stdout()
        return 0
    except OSError as exc:  # a file system fault no command expected: still one line
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"verifier: error: {where}{exc.strerror or exc}")
        return 2
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        import os

        if os.environ.get("VERIFIER_DEBUG"):
            raise
        _error(f"verifier: internal error: {type(exc).__name__}: {exc} (set VERIFIER_DEBUG=1 for the traceback)")
        return 2


def _error(line: str) -> None:
    """One line on standard error (which may itself be gone: then there is nowhere to say it)."""
    try:
        print(line.replace("\r", "\\r").replace("\n", "\\n"), file=sys.stderr)
    except OSError:
        pass
