"""The README shows real output: every ```console block in it is run (`$ verifier ...` lines,
in the repository's folder, 100 columns, no colour) and what it prints must be what the block
shows (the Python API example is run by tests/test_api.py). After a change that alters the
output, `python tests/test_readme.py --write` rewrites these blocks and the API example's
output from a real run (read the diff before committing it)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)
ENV = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}


def blocks(text: str) -> list[tuple[re.Match, list[str], str]]:
    """Each console block: the match, its commands ($ lines) and the output shown after them."""
    out = []
    for m in BLOCK.finditer(text):
        lines = m.group(1).splitlines(keepends=True)
        commands = [line[2:].strip() for line in lines if line.startswith("$ ")]
        shown = "".join(line for line in lines if not line.startswith("$ "))
        out.append((m, commands, shown))
    return out


def run(command: str) -> str:
    """Run `[NAME=value ...] verifier ARGS` as a shell would; its standard output."""
    args = shlex.split(command)
    env = dict(ENV)
    while "=" in args[0]:
        name, _, value = args.pop(0).partition("=")
        env[name] = value
    assert args[0] == "verifier", command
    done = subprocess.run([sys.executable, "-m", "verifier", *args[1:]], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), f"{command}: {done.stderr}"
    return done.stdout


CASES = blocks(README.read_text(encoding="utf-8"))


@pytest.mark.parametrize("commands, shown", [(c, s) for _, c, s in CASES], ids=[c[0] for _, c, _ in CASES])
def test_readme_console_block_is_real_output(commands, shown):
    assert "".join(run(c) for c in commands) == shown


def test_the_readme_has_console_blocks():
    assert len(CASES) >= 5


def python_example(text: str) -> tuple[re.Match, re.Match]:
    """The Python API section's example and the block that shows what it prints."""
    start = text.index("\n## Python API")
    code, output = list(re.finditer(r"```(?:python|text)\n(.*?)```", text[start:], re.S))[:2]
    return code, output


def write() -> None:
    """Rewrite every console block, and the Python API example's output, from a real run."""
    import contextlib
    import io

    text = README.read_text(encoding="utf-8")
    for m, commands, _ in reversed(blocks(text)):
        body = "".join(f"$ {c}\n{run(c)}" for c in commands)
        text = text[: m.start(1)] + body + text[m.end(1):]
    code, output = python_example(text)
    printed = io.StringIO()
    os.chdir(ROOT)
    with contextlib.redirect_stdout(printed):
        exec(compile(code.group(1), "README.md", "exec"), {})
    offset = text.index("\n## Python API")
    text = text[: offset + output.start(1)] + printed.getvalue() + text[offset + output.end(1):]
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write()
    else:
        print(__doc__)
