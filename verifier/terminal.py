"""What the command line does differently on a terminal: width, colour and progress.

Colour follows https://no-color.org: never when NO_COLOR is set (to anything but ""), never
when TERM is "dumb", otherwise only when the stream is a terminal, unless --color says so.
The progress bar (tqdm, imported only then) is drawn on standard error and only when it is a
terminal, so pipes, files and CI logs get none of it.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import Callable, Iterable, Sequence, TextIO, TypeVar

T = TypeVar("T")
DEFAULT_WIDTH = 100  # for a pipe or a file
PROGRESS_DELAY = 0.5  # seconds before a bar shows: short runs print none


def display_width(text: str) -> int:
    """Columns the text takes in a terminal (a Chinese character takes two)."""
    if text.isascii():
        return len(text)
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def width(stream: TextIO | None = None) -> int:
    """Columns of the terminal `stream` writes to ($COLUMNS first), else DEFAULT_WIDTH."""
    stream = stream or sys.stdout
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if is_terminal(stream):
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return DEFAULT_WIDTH


def colour(choice: str = "auto", stream: TextIO | None = None) -> bool:
    """Whether to colour what goes to `stream`: --color always/never, else auto."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return is_terminal(stream or sys.stdout)


def progress(what: str, unit: str, quiet: bool = False,
             stream: TextIO | None = None) -> Callable[[Sequence[T]], Iterable[T]] | None:
    """A function wrapping a list (or an iterator, given its `total`) in a progress bar on
    `stream` (standard error), or None when that is not a terminal or the run is quiet. A
    pipeline of several stages names each (`what`)."""
    stream = stream or sys.stderr
    if quiet or not is_terminal(stream):
        return None

    def wrap(items: Iterable[T], what: str = what, total: int | None = None) -> Iterable[T]:
        """The items, drawing the bar of the stage `what` as they are consumed."""
        from tqdm import tqdm

        count = total if total is not None else len(items)  # type: ignore[arg-type]
        return tqdm(items, total=count, desc=what, unit=unit, file=stream, leave=False,
                    delay=PROGRESS_DELAY, dynamic_ncols=True)

    return wrap


def status(message: str, quiet: bool = False) -> None:
    """A line about what was done ("wrote reports/report.html"): standard error, so that
    standard output carries only the report."""
    if not quiet:
        print(message, file=sys.stderr)
