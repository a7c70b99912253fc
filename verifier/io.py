"""Reading and writing files so that bad input is one clear line and a failure never loses or
corrupts a file.

Reading: only regular files (after following links), opened without blocking (a FIFO never
hangs), size checked on the open file, and never more than the limit plus one byte read (a
link to /dev/zero cannot exhaust memory). Standard input is bounded the same way. Every file
read is remembered, so that an output can never replace one of the run's inputs.

Writing: a run's outputs are one generation, all new or all old. Every file is first written
to a temporary file beside it; a transaction record in each folder names them all. Once all
are written, a commit mark is made and the temporary files are renamed over their targets.
A run killed before the mark leaves the old files (the next run deletes its temporary files);
a run killed after it leaves a record from which the next run writing to that folder finishes
the renames. Only regular files are ever replaced: a device, FIFO or socket is refused, and a
symbolic link is written through (its target is replaced, the link kept).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import stat
import sys
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Iterable

from verifier.errors import VerifierError

CHUNK = 1 << 16
_TMP_SUFFIX = ".tmp"
_RECORD = ".verifier-tx."
_COMMIT = ".verifier-commit."
# a temporary file of ours: .<name>.<pid>-<8 hex digits>.tmp
_OURS = re.compile(r"^\..*\.(\d+)-[0-9a-f]{8}\.tmp$")

# resolved paths of the files read in this run (the CLI clears it at the start of each run)
inputs_read: set[str] = set()


# ----------------------------------------------------------------------------- reading
def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def file_status(path: str | Path) -> os.stat_result | None:
    """stat() of `path` following links; None when there is nothing there. A path that
    cannot be looked at (permission) is a one-line error naming it."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise VerifierError(f"{path}: a broken symbolic link (its target does not exist)") from None
        return None
    except NotADirectoryError:
        return None
    except OSError as exc:
        raise VerifierError(f"{path}: cannot read: {_reason(exc)}") from None


def read_file(path: str | Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file at `path` (links followed), at most `limit` of them.
    `what` names the kind of file in messages ("article", "entities file")."""
    st = file_status(path)
    if st is None:
        raise VerifierError(f"{path}: no such {what}")
    if not stat.S_ISREG(st.st_mode):
        raise VerifierError(f"{path}: {_kind(st.st_mode)}, not a regular file; give a file")
    try:
        # O_NONBLOCK: if a FIFO was put in its place since the check, opening it cannot hang
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise VerifierError(f"{path}: cannot read: {_reason(exc)}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise VerifierError(f"{path}: {_kind(st.st_mode)}, not a regular file; give a file")
        if st.st_size > limit:
            raise VerifierError(f"{path}: {st.st_size:,} bytes is too large for {_one(what)} (limit {limit:,})")
        data = _read_bounded(lambda n: os.read(fd, n), limit)
    except OSError as exc:
        raise VerifierError(f"{path}: cannot read: {_reason(exc)}") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while we read it
        raise VerifierError(f"{path}: more than {limit:,} bytes is too large for {_one(what)}")
    note_input(path)
    return data


def note_input(path: str | Path) -> None:
    """`path` is one of this run's inputs (never to be overwritten by an output): read_file
    notes each file it reads, and a process that had others read files notes them."""
    inputs_read.add(_real_path(path))


def forget_inputs() -> None:
    """Before a command: no file read yet (and folders may have moved since an earlier one)."""
    inputs_read.clear()
    _real_folder.cache_clear()


def _real_path(path: str | Path) -> str:
    """os.path.realpath(path), with the folder resolved once for all the files read in it (a
    command's run: cli.main forgets them)."""
    path = os.fspath(path)
    folder, name = os.path.split(path)
    if name in ("", ".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    return os.path.join(_real_folder(os.path.join(os.getcwd(), folder)), name)


@lru_cache(maxsize=256)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _one(what: str) -> str:
    return f"{'an' if what[:1] in 'aeiou' else 'a'} {what}"


def _read_bounded(read, limit: int) -> bytes:
    """Up to limit + 1 bytes from `read(n)`, which returns b"" at the end."""
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = read(min(CHUNK, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def read_stream(stream: BinaryIO, limit: int, name: str = "standard input", what: str = "input") -> bytes:
    """All of a binary stream, refused in one line when it holds more than `limit` bytes."""
    try:
        data = _read_bounded(stream.read, limit)
    except OSError as exc:
        raise VerifierError(f"{name}: cannot read: {_reason(exc)}") from None
    if len(data) > limit:
        raise VerifierError(f"{name}: more than {limit:,} bytes is too large for {_one(what)}")
    return data


def read_lines(stream: BinaryIO, limit: int, name: str = "standard input"):
    """The lines of a binary stream (with their line ends), each at most `limit` bytes: a
    longer one (such as /dev/zero, which has none) is a one-line error."""
    while True:
        try:
            line = stream.readline(limit + 1)
        except OSError as exc:
            raise VerifierError(f"{name}: cannot read: {_reason(exc)}") from None
        if not line:
            return
        if len(line) > limit:
            raise VerifierError(f"{name}: a line of more than {limit:,} bytes; is this a text stream?")
        yield line


def list_folder(path: str | Path) -> list[Path]:
    """The entries of a folder, sorted; an unreadable folder is a one-line error."""
    return [Path(path) / name for name, _ in _scan(path)]


def folder_files(path: str | Path) -> list[Path]:
    """The entries of a folder that are not folders (links followed), sorted; the kind of each
    comes with the listing (no stat per file, as an archive of thousands would cost)."""
    return [Path(path) / name for name, is_dir in _scan(path) if not is_dir]


def _scan(path: str | Path) -> list[tuple[str, bool]]:
    """(name, is a folder) of each entry, sorted by name (as the paths sort: one folder)."""
    try:
        with os.scandir(path) as entries:
            found = []
            for e in entries:
                try:
                    is_dir = e.is_dir()
                except OSError:
                    is_dir = False
                found.append((e.name, is_dir))
    except OSError as exc:
        raise VerifierError(f"{path}: cannot read the folder: {_reason(exc)}") from None
    return sorted(found)


def walk_files(path: str | Path) -> list[Path]:
    """Every entry under a folder that is not itself a folder and not hidden (a name starting
    with a dot), sorted, at any depth; links to folders are not followed, hidden folders not
    entered; an unreadable folder is a one-line error."""
    out: list[Path] = []
    for entry in list_folder(path):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                out.extend(walk_files(entry))
        else:
            out.append(entry)
    return out


# ----------------------------------------------------------------------------- writing
def write_stdout(text: str) -> None:
    """Print `text`; a standard output that cannot take it (a full disk) is a one-line error."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        silence_stdout()
        raise VerifierError(f"cannot write to standard output: {_reason(exc)}") from None


def silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush of what could
    not be written does not fail again on exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def write_atomic(path: str | Path, content: str) -> None:
    """Write one file (see write_all)."""
    write_all({Path(path): content})


def write_all(files: dict[Path, str | Iterable[str]]) -> None:
    """Write several files as one generation: all of them new, or (on an error) all old. A
    file's content is its text or an iterable of pieces (a large report, rendered as written)."""
    targets = _check_targets(files)
    folders = sorted({t.parent for t in targets.values()})
    for folder in folders:
        recover(folder)
    Transaction(targets, files).run()


def _check_targets(files: dict[Path, str]) -> dict[Path, Path]:
    """The real file each output replaces: links followed; refused when it is not a regular
    file, when it is one of the run's inputs, or when two outputs are the same file."""
    out: dict[Path, Path] = {}
    seen: dict[str, Path] = {}
    for path in files:
        if _through_proc(path):
            raise VerifierError(f"{path}: an open file of a process (such as /dev/stdout), not a regular file; "
                                "leave out the output option to print to standard output")
        real = Path(os.path.realpath(path))
        try:
            st = os.stat(real)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise VerifierError(f"{path}: cannot write: {_reason(exc)}") from None
        if st is not None and not stat.S_ISREG(st.st_mode):
            hint = "; leave out the output option to print to standard output" if not stat.S_ISDIR(st.st_mode) else ""
            raise VerifierError(f"{path}: {_kind(st.st_mode)}, not a regular file; only regular files are written{hint}")
        if str(real) in inputs_read:
            raise VerifierError(f"{path}: is one of this run's inputs; refusing to overwrite it (choose another output)")
        if str(real) in seen:
            raise VerifierError(f"{path}: written twice in one run (also as {seen[str(real)]})")
        seen[str(real)] = path
        out[path] = real
    return out


def _through_proc(path: str | Path) -> bool:
    """Whether `path` leads through /proc (/dev/stdout, /dev/fd/1): its target is whatever a
    process has open, which a rename would not write to but replace."""
    p = os.path.abspath(path)
    for _ in range(40):
        if p.startswith("/proc/") or os.path.realpath(os.path.dirname(p)).startswith("/proc/"):
            return True
        try:
            target = os.readlink(p)
        except OSError:
            return False
        p = os.path.normpath(os.path.join(os.path.dirname(p), target))
    return False


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own writes are never left half-done while we run
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def _remove(path: str | Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


class Transaction:
    def __init__(self, targets: dict[Path, Path], files: dict[Path, str]) -> None:
        self.id = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.targets = targets  # shown path -> real path
        self.files = files
        self.temps = {shown: real.parent / f".{real.name}.{self.id}{_TMP_SUFFIX}" for shown, real in targets.items()}
        folders = sorted({real.parent for real in targets.values()})
        self.records = [folder / f"{_RECORD}{self.id}.json" for folder in folders]
        self.commit_mark = folders[0] / f"{_COMMIT}{self.id}" if folders else None

    def run(self) -> None:
        if not self.targets:
            return
        shown = None
        try:
            for folder in sorted({r.parent for r in self.records}):
                shown = folder
                folder.mkdir(parents=True, exist_ok=True)
            record = json.dumps({
                "pid": os.getpid(), "commit": str(self.commit_mark), "records": [str(r) for r in self.records],
                "files": [[str(self.temps[p]), str(real)] for p, real in self.targets.items()],
            })
            for path in self.records:
                shown = path.parent
                tmp = path.parent / f".{path.name}.{self.id}{_TMP_SUFFIX}"
                _write_new(tmp, record, 0o600)
                os.replace(tmp, path)
            for path, real in self.targets.items():
                shown = path
                _write_new(self.temps[path], self.files[path], _mode_for(real))
        except OSError as exc:
            self._roll_back()
            raise VerifierError(f"{shown}: cannot write: {_reason(exc)}; nothing was changed") from None
        except BaseException:
            self._roll_back()
            raise
        try:
            # the commit point: from here the next run finishes what this one could not
            os.close(os.open(self.commit_mark, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError as exc:
            self._roll_back()
            raise VerifierError(f"{self.commit_mark.parent}: cannot write: {_reason(exc)}; nothing was changed") from None
        failed = _finish(self.temps.values(), self.targets.values())
        if failed:
            raise VerifierError(f"{failed[0]}: cannot replace: {failed[1]}; the next run writing there will finish it")
        _remove(self.commit_mark)
        for path in self.records:
            _remove(path)

    def _roll_back(self) -> None:
        for path in [*self.temps.values(), *self.records]:
            try:
                _remove(path)
            except OSError:
                pass
        for path in self.records:
            try:
                _remove(path.parent / f".{path.name}.{self.id}{_TMP_SUFFIX}")
            except OSError:
                pass


def _mode_for(real: Path) -> int:
    """The mode a plain write would give: the existing file's, else 0666 less the umask."""
    try:
        return os.stat(real).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_new(tmp: Path, content: str | Iterable[str | bytes], mode: int) -> None:
    """Write `content` (text, or its pieces one after another: text, or UTF-8 bytes) to the
    temporary file `tmp` (made here, never an existing file)."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(content, str):
                fh.write(content.encode("utf-8"))
            else:
                fh.writelines(piece if isinstance(piece, bytes) else piece.encode("utf-8") for piece in content)
        os.chmod(tmp, mode)
    except BaseException:
        _remove(tmp)
        raise


def _finish(temps: Iterable[Path], targets: Iterable[Path]) -> tuple[Path, str] | None:
    """Rename each remaining temporary file over its target; the first failure, if any."""
    failed = None
    for tmp, real in zip(temps, targets):
        try:
            os.replace(tmp, real)
        except FileNotFoundError:
            continue  # already renamed
        except OSError as exc:
            failed = failed or (real, _reason(exc))
    return failed


def recover(folder: Path) -> None:
    """Finish (after its commit mark) or roll back (before it) a run that was killed while
    writing into `folder`, and delete temporary files that dead runs left there."""
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as exc:
        raise VerifierError(f"{folder}: cannot read the folder: {_reason(exc)}") from None
    try:
        for name in sorted(names):
            if name.startswith(_RECORD) and name.endswith(".json"):
                _recover_record(folder / name)
        for name in os.listdir(folder):
            m = _OURS.match(name)
            if m and not _pid_alive(int(m.group(1))):
                _remove(folder / name)
    except OSError as exc:
        raise VerifierError(f"{folder}: cannot finish an interrupted earlier run: {_reason(exc)}") from None


def _recover_record(path: Path) -> None:
    txid = path.name[len(_RECORD):-len(".json")]
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        pid = int(record["pid"])
        commit = Path(record["commit"])
        files = [(Path(t), Path(r)) for t, r in record["files"]]
        records = [Path(r) for r in record["records"]]
    except (OSError, ValueError, KeyError, TypeError):
        return  # not one of ours: leave it alone
    # act only on names this transaction could have made, whatever the record says
    ours = (
        re.fullmatch(r"(\d+)-[0-9a-f]{8}", txid) and int(txid.split("-")[0]) == pid
        and commit.name == f"{_COMMIT}{txid}"
        and all(r.name == f"{_RECORD}{txid}.json" for r in records)
        and all(t.parent == r.parent and t.name == f".{r.name}.{txid}{_TMP_SUFFIX}" for t, r in files)
    )
    if not ours:
        return
    if _pid_alive(pid):
        return  # another run is writing now
    if commit.exists():
        failed = _finish([t for t, _ in files], [r for _, r in files])
        if failed:
            raise VerifierError(f"{failed[0]}: cannot finish an interrupted earlier run: {failed[1]}")
        _remove(commit)
    else:
        for tmp, _ in files:
            _remove(tmp)
    for r in records:
        _remove(r)
