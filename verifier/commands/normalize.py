"""Normalize the numbers, ordinals, counts, percentages, money, durations and dates in text.

Each TEXT argument, or each line of standard input when no TEXT is given, becomes one JSON
object on standard output, in order:

  {"text": ..., "values": [{"kind": ..., "text": ..., "span": [start, end], ...}, ...]}

A value's `span` holds its character offsets in the input (text[start:end] is its `text`).
Its other fields depend on its kind:
  number, ordinal, count, percent   value (count: also unit, noun, whole)
  money                             amount, or low/high for a range; currency (ISO 4217, or
                                    absent for a bare 元/块); bound
  duration                          value and unit (second, minute, hour, day, week, month, year)
  date                              start and end (ISO dates, inclusive), grain, and what the
                                    text states: weekday, month, day, part_of_day, relative...
Quantities carry a `bound` (exact, approx, at_least, more_than, at_most, less_than, between)
and the `low`/`high` range a comparison may use.

Relative dates (周一, 上个月, "two years ago") are resolved only against --base: without it
their start and end are absent and only what the text states is given, so the output never
depends on the day the command runs. A bare weekday or month is taken as the most recent one
(--prefer past, the reading of news) or the next one (--prefer future). Impossible or
incoherent dates (2月30日, a weekday that does not match the date) carry an `issue`.

--kind restricts the recognizers to some kinds, as Duckling's corpus tests restrict parsing to
one dimension: some readings are only made then (10月 as a duration of ten months) or are
scored low (五分 as money); --min-score 0.5 keeps what the claim pipeline keeps.

Traditional and Simplified script, full-width digits and mixed Chinese and English text are
all read. A line that cannot be decoded or read is reported with an `error` field and an
empty value list; it never stops the stream. A TEXT starting with "-" follows "--".
"""

from __future__ import annotations

EXAMPLES = """examples:
  verifier normalize "11位联合创始人中仅剩3位"
  verifier normalize --base 2026-02-12 "上週三晚間，估值約 3,800 億美元"
  verifier normalize --base 2013-02-12T04:30 --prefer future "下个月初" "星期四"
  verifier normalize --kind money "五分"
  printf '近75名員工\\nabout $13 billion\\n' | verifier normalize
  verifier normalize -- "-5%"
"""

KIND_NAMES = ("number", "ordinal", "count", "percent", "money", "duration", "date")


def add_arguments(parser) -> None:
    parser.add_argument("text", nargs="*", metavar="TEXT",
                        help="text to normalize; with none, lines are read from standard input")
    parser.add_argument("--base", metavar="DATETIME",
                        help="date or date-time relative dates are resolved against "
                             "(ISO: 2026-02-12 or 2026-02-12T09:30); default: leave them unanchored")
    parser.add_argument("--prefer", choices=("past", "future"), default="past",
                        help="read a bare weekday or month as the most recent one (past, default) "
                             "or the next one (future)")
    parser.add_argument("--lang", choices=("auto", "zh", "en"), default="auto",
                        help="recognizers of this language only (default: both)")
    parser.add_argument("--kind", action="append", metavar="KIND",
                        help="only values of these kinds (comma-separated or repeated): "
                             + ", ".join(KIND_NAMES))
    parser.add_argument("--min-score", type=float, default=0.0, metavar="SCORE",
                        help="drop readings scored below SCORE (0-1; the claim pipeline uses 0.5)")


def _parse_base(raw: str | None):
    import datetime as dt

    from verifier.errors import VerifierError

    if raw is None:
        return None
    text = raw.strip()
    try:
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
        value = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        raise VerifierError(f"--base: not an ISO date or date-time: {raw!r} (e.g. 2026-02-12 or 2026-02-12T09:30)") from None
    return value.replace(tzinfo=None)


def _parse_kinds(raw: list[str] | None) -> frozenset[str] | None:
    from verifier.errors import VerifierError

    if not raw:
        return None
    kinds = {k.strip().lower() for item in raw for k in item.split(",") if k.strip()}
    unknown = kinds - set(KIND_NAMES)
    if unknown:
        raise VerifierError(f"--kind: unknown kind(s) {', '.join(sorted(unknown))}; known: {', '.join(KIND_NAMES)}")
    return frozenset(kinds) or None


def _lines(stream):
    """Lines of a binary stream as text; an undecodable line is yielded with its error. A line
    longer than an article may be (such as all of /dev/zero) is a one-line error."""
    from verifier.io import read_lines
    from verifier.text.sources import MAX_BYTES

    for raw in read_lines(stream, MAX_BYTES):
        line = raw.rstrip(b"\n").rstrip(b"\r")
        try:
            yield line.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            yield line.decode("utf-8", errors="replace"), f"not UTF-8: {exc.reason} at byte {exc.start}"


def run(args) -> int:
    import json
    import sys

    base = _parse_base(args.base)
    kinds = _parse_kinds(args.kind)

    from verifier.io import write_stdout
    from verifier.normalize.engine import analyze

    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")

    def emit(text: str, error: str | None) -> None:
        record: dict = {"text": text, "values": []}
        if error is None:
            try:
                found = analyze(text, base=base, prefer=args.prefer, language=args.lang,
                                kinds=kinds, min_score=args.min_score)
                record["values"] = [f.as_output() for f in found]
            except Exception as exc:  # a bad line is reported, never fatal
                error = f"{type(exc).__name__}: {exc}"
        if error is not None:
            record["error"] = error
        try:
            line = json.dumps(record, ensure_ascii=False, allow_nan=False)
        except ValueError as exc:  # a value that is not a finite number: strict JSON has no NaN
            line = json.dumps({"text": text, "values": [], "error": f"ValueError: {exc}"}, ensure_ascii=False)
        write_stdout(line + "\n")

    if args.text:
        for text in args.text:
            try:
                text.encode("utf-8")
                emit(text, None)
            except UnicodeEncodeError:  # undecodable bytes in an argument
                raw = text.encode("utf-8", errors="surrogateescape")
                emit(raw.decode("utf-8", errors="replace"), "argument is not UTF-8")
    else:
        for text, error in _lines(sys.stdin.buffer):
            emit(text, error)
    return 0
