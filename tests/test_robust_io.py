"""Bad input, faults and hostile files (issue 12): every one is one line and exit 2, and nothing
a run wrote before is lost. Inputs that are not regular files, files nobody may read, endless
standard input, UTF-32, a full disk behind standard output, outputs onto devices, FIFOs, links
or the run's own inputs, Markdown that would run HTML, and runs killed while writing."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from verifier import io
from verifier.cli import main

ROOT = Path(__file__).resolve().parent.parent
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

ARTICLES = {  # invented: one person, three weekdays
    "a.txt": "2026年3月6日\n\n星衡科技联合创始人Lena Ortiz于周一宣布辞职,她表示将休息一段时间。\n",
    "b.txt": "March 6, 2026\n\nStarBalance co-founder Lena Ortiz announced her resignation on Tuesday.\n",
    "c.txt": "2026年3月6日\n\n星衡科技联合创始人Lena Ortiz于周三宣布辞职。\n",
}
DRAFT = "星衡科技联合创始人Lena Ortiz于周四宣布辞职。\n"


@pytest.fixture
def news(tmp_path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def report_json(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = folder / "report.json"
    assert main(["report", str(folder), "-o", str(out)]) == 0
    return out


@contextmanager
def deadline(seconds: int):
    """Turn a hang (a FIFO opened for reading blocks until a writer comes) into a failure."""
    def expired(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run(capsys, *args: str) -> tuple[int, str, str]:
    with deadline(20):
        status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def cli(*args, stdin=None, stdout=subprocess.PIPE, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verifier", *map(str, args)], stdin=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, cwd=cwd, timeout=60)


def one_line_error(status: int, err: str, *says: str) -> None:
    assert status == 2, err
    assert err.startswith("verifier: error: ") and err.count("\n") == 1, err
    assert "internal error" not in err and "Traceback" not in err
    for s in says:
        assert s in err, err


# ----------------------------------------------------------------------------- inputs that are not files
# each command-line place a file is read, as (name, suffix the file needs, arguments given the bad path)
READERS = {
    "report PATH": (".txt", lambda bad, news, report: ["report", bad]),
    "report --entities": (".toml", lambda bad, news, report: ["report", news, "--entities", bad]),
    "check DRAFT": (".md", lambda bad, news, report: ["check", bad, "--against", news]),
    "check --against FILE": (".txt", lambda bad, news, report: ["check", news / "a.txt", "--against", bad]),
    "check --against LEDGER": (".jsonl", lambda bad, news, report: ["check", news / "a.txt", "--against", bad]),
    "check --config": (".toml", lambda bad, news, report: ["check", news / "a.txt", "--against", news, "--config", bad]),
    "export REVIEWS": (".toml", lambda bad, news, report: ["export", "claimreview", bad, "--report", report]),
    "export --report": (".json", lambda bad, news, report: ["export", "claimreview", news / "r.toml", "--report", bad]),
}


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_socket(path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("kind, make, says", [
    ("fifo", make_fifo, "FIFO"),
    ("socket", make_socket, "socket"),
])
def test_a_fifo_or_socket_is_refused_at_once(tmp_path, news, report_json, capsys, reader, kind, make, says):
    suffix, argv = READERS[reader]
    bad = tmp_path / f"bad{suffix}"
    make(bad)
    status, out, err = run(capsys, *argv(bad, news, report_json))
    one_line_error(status, err, str(bad), says, "not a regular file")


@pytest.mark.parametrize("reader", ["report PATH", "check DRAFT", "report --entities", "export REVIEWS"])
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_is_refused_at_once(tmp_path, news, report_json, reader, device):
    """Run apart: before the fix, /dev/zero exhausted memory and /dev/urandom never ended."""
    suffix, argv = READERS[reader]
    link = tmp_path / f"link{suffix}"
    link.symlink_to(device)
    result = cli(*argv(link, news, report_json))
    one_line_error(result.returncode, result.stderr.decode(), str(link), "character device")


def test_a_fifo_among_the_articles_of_a_folder_is_refused(news, capsys):
    os.mkfifo(news / "d.txt")
    status, _, err = run(capsys, "report", news)
    one_line_error(status, err, "d.txt", "FIFO")


def test_a_broken_link_is_named(news, capsys, tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    status, _, err = run(capsys, "report", tmp_path / "gone.txt")
    one_line_error(status, err, "gone.txt", "broken symbolic link")


def test_a_link_to_an_article_is_read(news, capsys, tmp_path):
    (tmp_path / "linked.txt").symlink_to(news / "a.txt")
    status, out, err = run(capsys, "report", tmp_path / "linked.txt", "--format", "json")
    assert status == 0, err
    assert json.loads(out)["summary"]["claims"] == 1


def test_a_file_growing_past_the_limit_while_read_is_refused(tmp_path, monkeypatch):
    """fstat says small, the read finds more: at most limit + 1 bytes are read."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    with pytest.raises(io.VerifierError, match="too large"):
        io.read_file(path, 10, "article")
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd, n):
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((stat.S_IFREG | 0o644, 0, 0, 1, 0, 0, 5, 0, 0, 0)))
    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(io.VerifierError, match="more than 10 bytes is too large"):
        io.read_file(path, 10, "article")
    assert sum(reads) <= 11


# ----------------------------------------------------------------------------- unreadable files and folders
needs_non_root = pytest.mark.skipif(AS_ROOT, reason="root reads everything whatever the mode")


@needs_non_root
@pytest.mark.parametrize("reader", ["report PATH", "check DRAFT", "report --entities", "check --config", "export REVIEWS"])
def test_an_unreadable_file_is_one_line_naming_it(tmp_path, news, report_json, capsys, reader):
    suffix, argv = READERS[reader]
    bad = tmp_path / f"secret{suffix}"
    bad.write_text("x = 1\n", encoding="utf-8")
    bad.chmod(0)
    status, _, err = run(capsys, *argv(bad, news, report_json))
    one_line_error(status, err, str(bad), "permission denied")


@needs_non_root
def test_an_unreadable_folder_is_one_line_naming_it(news, capsys, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "d.md").write_text(DRAFT, encoding="utf-8")
    for folder, args in ((news, ["report", news]), (drafts, ["check", drafts, "--against", news])):
        folder.chmod(0)
        try:
            status, _, err = run(capsys, *args)
        finally:
            folder.chmod(0o755)
        one_line_error(status, err, str(folder), "permission denied")


# ----------------------------------------------------------------------------- standard input
@pytest.mark.parametrize("args", [["check", "-", "--against", "{news}"], ["normalize"]])
def test_endless_standard_input_is_bounded(news, args):
    with open("/dev/zero", "rb") as zero:
        result = cli(*[a.replace("{news}", str(news)) for a in args], stdin=zero)
    one_line_error(result.returncode, result.stderr.decode(), "standard input")


def test_standard_input_up_to_the_limit_is_read(news, capsys, monkeypatch):
    import io as stdio

    from verifier.check import drafts

    monkeypatch.setattr(sys, "stdin", stdio.TextIOWrapper(stdio.BytesIO(DRAFT.encode("utf-8"))))
    status, out, err = run(capsys, "check", "-", "--against", news)
    assert status == 1 and "D101" in out, err
    big = stdio.BytesIO(b"x" * (drafts.MAX_BYTES + 1))
    with pytest.raises(io.VerifierError, match="too large"):
        drafts.read(["-"], stdin=big)


# ----------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be", "utf-8"])
def test_every_bom_decodes_to_the_same_claims(news, capsys, tmp_path, encoding):
    folder = tmp_path / encoding
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_bytes("\ufeff".encode(encoding) + text.encode(encoding))
    status, out, err = run(capsys, "report", folder, "--format", "json")
    assert status == 0, err
    expected = run(capsys, "report", news, "--format", "json")[1]
    got, want = json.loads(out), json.loads(expected)
    assert [c["text"] for c in got["claims"]] == [c["text"] for c in want["claims"]]
    assert got["summary"] == want["summary"] and got["summary"]["claims"] == 3


def test_utf32_is_not_mistaken_for_utf16():
    from verifier.text.sources import decode

    text = "Lena Ortiz于周一宣布辞职。"
    assert decode(b"\xff\xfe\x00\x00" + text.encode("utf-32-le"), "x") == text
    assert decode(b"\x00\x00\xfe\xff" + text.encode("utf-32-be"), "x") == text
    with pytest.raises(io.VerifierError, match="bad UTF-32"):
        decode(b"\xff\xfe\x00\x00" + b"\xff\xff\xff\xff", "x")


# ----------------------------------------------------------------------------- standard output
@pytest.mark.parametrize("args", [["rules"], ["normalize", "周一"], ["report", "{news}"], ["check", "{news}/a.txt", "--against", "{news}"]])
def test_a_full_disk_behind_standard_output_is_one_line(news, args):
    with open("/dev/full", "w") as full:
        result = cli(*[a.replace("{news}", str(news)) for a in args], stdout=full)
    one_line_error(result.returncode, result.stderr.decode(), "cannot write to standard output", "No space left")


def test_a_closed_pipe_is_not_an_error(news):
    proc = subprocess.Popen([sys.executable, "-m", "verifier", "rules"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and err == b""


# ----------------------------------------------------------------------------- outputs
@pytest.mark.parametrize("make, kind", [
    (lambda p: os.mkfifo(p), "FIFO"),
    (lambda p: p.mkdir(), "folder"),
])
def test_an_output_that_is_not_a_regular_file_is_never_replaced(news, capsys, tmp_path, make, kind):
    out = tmp_path / "out.md"
    make(out)
    before = out.lstat()
    for args in (["report", news, "-o", out], ["check", news / "a.txt", "--against", news, "-o", out]):
        status, _, err = run(capsys, *args)
        one_line_error(status, err, str(out), kind)
        assert stat.S_IFMT(out.lstat().st_mode) == stat.S_IFMT(before.st_mode)


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full", "/dev/stdout", "/dev/fd/1"])
def test_a_device_is_never_replaced_even_as_root(news, capsys, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    mode = os.stat(device).st_mode
    status, _, err = run(capsys, "report", news, "-o", device, "--format", "json")
    one_line_error(status, err, device, "not a regular file")
    assert os.stat(device).st_mode == mode


def test_standard_output_redirected_to_a_file_is_not_replaced(news, tmp_path):
    """`-o /dev/stdout > file`: the file is what the shell opened; a rename would swap it."""
    target = tmp_path / "out.json"
    with open(target, "w") as fh:
        result = cli("report", news, "-o", "/dev/stdout", "--format", "json", stdout=fh)
    one_line_error(result.returncode, result.stderr.decode(), "/dev/stdout")
    assert target.read_text() == "" and not [n for n in os.listdir(tmp_path) if n != "out.json" and n != "news"]


def test_an_output_through_a_link_replaces_its_target_and_keeps_the_link(news, capsys, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    dangling = tmp_path / "new-link.json"
    dangling.symlink_to(tmp_path / "created.json")
    status, _, err = run(capsys, "report", news, "-o", link, "-o", dangling)
    assert status == 0, err
    assert link.is_symlink() and dangling.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["claims"] == 3
    assert json.loads((tmp_path / "created.json").read_text(encoding="utf-8"))["summary"]["claims"] == 3


def test_an_output_that_is_an_input_is_refused_and_left_alone(news, capsys, tmp_path):
    article = news / "a.txt"
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    link = tmp_path / "alias.md"
    link.symlink_to(draft)
    entities = tmp_path / "people.toml"
    entities.write_text('[[entity]]\nname = "Lena Ortiz"\ntype = "person"\n', encoding="utf-8")
    md = tmp_path / "a.md"
    md.write_text(ARTICLES["a.txt"], encoding="utf-8")
    before = {p: p.read_bytes() for p in (article, draft, entities, md)}
    cases = [
        ["report", md, "-o", md],
        ["report", news, "--format", "markdown", "-o", article],
        ["check", draft, "--against", news, "-o", draft],
        ["check", draft, "--against", news, "-o", link],  # the same file by another name
        ["check", draft, "--against", news, "--entities", entities, "-o", entities],
        ["report", news, "--entities", entities, "--ledger", tmp_path, "-o", tmp_path / "r.md"],
    ]
    for args in cases[:-1]:
        status, _, err = run(capsys, *args)
        one_line_error(status, err, "one of this run's inputs")
    for p, data in before.items():
        assert p.read_bytes() == data
    assert run(capsys, *cases[-1])[0] == 0


def test_two_outputs_that_are_one_file_are_refused(news, capsys, tmp_path):
    status, _, err = run(capsys, "report", news, "-o", tmp_path / "r.md", "-o", tmp_path / "x" / ".." / "r.md")
    one_line_error(status, err, "written twice")
    assert not (tmp_path / "r.md").exists()


def test_markdown_report_shows_article_html_as_text(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    hostile = "<script>alert(1)</script>[x](javascript:0)"
    (folder / "a.txt").write_text(f"2026年3月6日\n\nLena Ortiz于周一宣布辞职{hostile}。\n", encoding="utf-8")
    (folder / "b.txt").write_text("March 6, 2026\n\nLena Ortiz announced her resignation on Tuesday.\n", encoding="utf-8")
    name = folder / "<img src=x onerror=alert(4)>`.txt"
    name.write_text("2026年3月6日\n\nLena Ortiz于周三宣布辞职。\n", encoding="utf-8")
    status, out, err = run(capsys, "report", folder, "--format", "markdown")
    assert status == 0, err
    assert "<" not in out and ">" not in out  # no raw HTML at all, so none can run
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "&lt;img src=x onerror=alert(4)&gt;\\`" in out
    assert "\\[x\\](javascr" in out  # no link (the quote is cut short)
    assert out.count("### D101") == 3


def test_markdown_escape_opens_nothing():
    from verifier.report.render import _md_escape

    assert _md_escape("`x` *y* _z_ ~~s~~ | [a](b) <b>&amp;\nnext") == (
        "\\`x\\` \\*y\\* \\_z\\_ \\~\\~s\\~\\~ \\| \\[a\\](b) &lt;b&gt;&amp;amp; next")


# ----------------------------------------------------------------------------- one generation of outputs
def outputs(tmp_path: Path) -> dict[Path, str]:
    return {
        tmp_path / "out" / "r.md": "new markdown\n",
        tmp_path / "out" / "r.json": '{"new": true}\n' * 200,
        tmp_path / "out" / "r.html": "<p>new</p>\n" * 500,
        tmp_path / "claims" / "a.jsonl": "{}\n" * 50,
        tmp_path / "claims" / "b.jsonl": "{}\n" * 50,
    }


def write_old(files: dict[Path, str]) -> dict[Path, str]:
    old = {p: f"old {p.name}\n" for p in files}
    for p, text in old.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return old


def generation(files: dict[Path, str], old: dict[Path, str]) -> str:
    found = {p: p.read_text(encoding="utf-8") for p in files}
    if found == old:
        return "old"
    if found == files:
        return "new"
    return "mixed"


def leftovers(*folders: Path) -> list[str]:
    return sorted(n for f in folders for n in os.listdir(f) if n.startswith("."))


KILLER = """
import os, signal, sys
from pathlib import Path
from verifier import io
files = {Path(k): v for k, v in __import__("json").loads(sys.argv[2]).items()}
steps = [0]
def step(fn):
    def wrapped(*args, **kwargs):
        steps[0] += 1
        if steps[0] == int(sys.argv[1]):
            os.kill(os.getpid(), signal.SIGKILL)
        return fn(*args, **kwargs)
    return wrapped
io._write_new = step(io._write_new)
os.replace = step(os.replace)
os.unlink = step(os.unlink)
io.write_all(files)
"""


def test_a_run_killed_at_any_step_of_writing_leaves_one_generation(tmp_path):
    """SIGKILL at every step of writing five files in two folders: what is left is the old
    set, or a state the next run finishes (new set) or rolls back (old set), and it leaves
    no temporary file behind."""
    files = outputs(tmp_path)
    folders = sorted({p.parent for p in files})
    payload = json.dumps({str(p): t for p, t in files.items()})
    seen = set()
    for step in range(1, 100):
        old = write_old(files)
        result = subprocess.run([sys.executable, "-c", KILLER, str(step), payload], capture_output=True, timeout=60)
        if result.returncode == 0:
            assert generation(files, old) == "new" and leftovers(*folders) == []
            break
        assert result.returncode == -signal.SIGKILL, result.stderr
        for folder in folders:  # the next run writing there
            io.recover(folder)
        state = generation(files, old)
        assert state in ("old", "new"), f"killed at step {step}: {state}"
        assert leftovers(*folders) == [], f"killed at step {step}"
        seen.add(state)
    else:
        raise AssertionError("the write never finished")
    assert seen == {"old", "new"}  # kills before the commit roll back, after it roll forward


def test_the_next_run_finishes_an_interrupted_one_before_writing(tmp_path):
    files = outputs(tmp_path)
    old = write_old(files)
    payload = json.dumps({str(p): t for p, t in files.items()})
    # kill after the commit mark, before the renames: 2 records + 5 temporary files + 2 record renames
    subprocess.run([sys.executable, "-c", KILLER, str(2 + 5 + 2 + 2), payload], capture_output=True, timeout=60)
    assert generation(files, old) == "mixed"
    io.write_all({tmp_path / "claims" / "c.jsonl": "{}\n"})  # a later run writing into one of the folders
    assert generation(files, old) == "new"
    assert leftovers(tmp_path / "out", tmp_path / "claims") == []


def test_a_disk_filling_midway_leaves_every_old_file(tmp_path, news):
    """A real write error (the file size limit, as a full disk would) on the third output:
    the earlier outputs are not replaced, and no temporary file is left."""
    previous = {tmp_path / n: f"previous {n}\n" for n in ("r.md", "r.json", "r.html")}
    ledger = tmp_path / "claims"
    ledger.mkdir()
    previous[ledger / "a.jsonl"] = "previous ledger\n"
    for p, text in previous.items():
        p.write_text(text, encoding="utf-8")
    code = ("import resource, signal, sys\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (3000, 3000))\n"
            "from verifier.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    args = ["report", str(news), "-o", str(tmp_path / "r.md"), "-o", str(tmp_path / "r.json"),
            "-o", str(tmp_path / "r.html"), "--ledger", str(ledger)]
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    one_line_error(result.returncode, result.stderr, "nothing was changed")
    assert {p: p.read_text(encoding="utf-8") for p in previous} == previous
    assert leftovers(tmp_path, ledger) == []


def test_temporary_files_of_dead_runs_are_cleaned_and_live_ones_kept(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    stale = tmp_path / f".r.md.{dead_pid}-0badcafe.tmp"
    live = tmp_path / f".r.md.{os.getppid()}-0badcafe.tmp"  # our parent is alive
    mine = tmp_path / ".notes.txt"
    for p in (stale, live, mine):
        p.write_text("x", encoding="utf-8")
    io.write_all({tmp_path / "r.md": "new\n"})
    assert not stale.exists() and live.exists() and mine.exists()
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == "new\n"


def test_outputs_keep_the_mode_of_the_file_they_replace(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    io.write_all({path: "new"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_text(encoding="utf-8") == "new"


def test_a_forged_transaction_record_touches_nothing_outside_its_own_names(tmp_path):
    precious = tmp_path / "elsewhere" / "precious.txt"
    precious.parent.mkdir()
    precious.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    txid = f"{int(dead.stdout)}-0badcafe"
    record = {"pid": int(dead.stdout), "commit": str(out / f".verifier-commit.{txid}"),
              "records": [str(out / f".verifier-tx.{txid}.json")],
              "files": [[str(precious), str(out / "r.md")]]}  # a "temporary file" that is not one
    (out / f".verifier-tx.{txid}.json").write_text(json.dumps(record), encoding="utf-8")
    io.write_all({out / "r.md": "new\n"})
    assert precious.read_text(encoding="utf-8") == "keep me"
    assert (out / "r.md").read_text(encoding="utf-8") == "new\n"


def test_a_folder_of_drafts_skips_hidden_files_and_folders(news, capsys, tmp_path):
    drafts = tmp_path / "drafts"
    (drafts / "sub").mkdir(parents=True)
    (drafts / ".git").mkdir()
    (drafts / "sub" / "d.md").write_text(DRAFT, encoding="utf-8")
    (drafts / ".git" / "x.md").write_text(DRAFT, encoding="utf-8")
    (drafts / ".#d.md").symlink_to(tmp_path / "editor-lock")  # an editor's lock: a broken link
    status, out, err = run(capsys, "check", drafts, "--against", news)
    assert status == 1, err
    assert "sub/d.md" in out and ".git" not in out and "1 draft" in out.splitlines()[-1]


def test_a_folder_of_articles_skips_hidden_files(news, capsys, tmp_path):
    (news / ".#a.txt").symlink_to(tmp_path / "editor-lock")
    (news / ".draft.txt").write_text("Lena Ortiz于周日宣布辞职。\n", encoding="utf-8")
    status, out, err = run(capsys, "report", news, "--format", "json")
    assert status == 0, err
    assert [s["id"] for s in json.loads(out)["sources"]] == ["a", "b", "c"]


def test_a_report_written_in_pieces_is_all_new_or_all_old(tmp_path):
    """A large report is rendered as it is written; a failure half-way leaves every output
    as it was, and no temporary file behind."""
    old_json, old_md = tmp_path / "r.json", tmp_path / "r.md"
    old_json.write_text("old json", encoding="utf-8")
    old_md.write_text("old markdown", encoding="utf-8")

    def pieces():
        yield '{"claims": ['
        raise RuntimeError("rendering failed half-way")

    with pytest.raises(RuntimeError):
        io.write_all({old_md: "new markdown", old_json: pieces()})
    assert old_json.read_text(encoding="utf-8") == "old json"
    assert old_md.read_text(encoding="utf-8") == "old markdown"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "r.md"]
    io.write_all({old_json: iter(["{", '"a": "é"', "}"]), old_md: "new markdown"})
    assert old_json.read_text(encoding="utf-8") == '{"a": "é"}'
    assert old_md.read_text(encoding="utf-8") == "new markdown"
