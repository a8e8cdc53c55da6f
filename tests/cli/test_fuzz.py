"""Every ``workbench`` sub-command, driven with hostile arguments and files (issue 12, Tests).

The sub-commands and their options are read from ``workbench.cli.build_parser()`` (so a new
one is fuzzed without touching this file); each option gets values of its kind, chosen by
hypothesis (derandomized: the same examples every run): store paths that are missing, in a
missing folder, a folder, garbage, empty, truncated, huge or deep JSON; input files of the
same kinds; outputs into folders or unwritable names; text with lone surrogates, 5,000
characters, NUL; numbers past any limit; bad dates. Every run must:

- exit 0, 1 or 2 (argparse's own refusal is 2), never "unexpected error" (a bug);
- print no Python traceback;
- create no file, except what the command is asked to create (``demo``'s store, an output
  named by -o/--errors/--to, a backup, the store --demo fills) and the log.

In-process (``workbench.cli.main``) for speed; real subprocesses for stdout closed before or
while the command writes (``| head -c 0``), for every sub-command.

Safety: every path handed out lies inside the example's own sandbox (cwd too), and --server
values are loopback or malformed, so nothing outside the sandbox can be written or reached.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
GOOD_OFFER = {"format": "workbench-offer/1", "customer": {"name": "某支行", "industry": "banking"},
              "lines": [{"product": "MOB-58", "quantity": 2}]}


# --- the sub-commands, as the parser declares them ------------------------------------------

@dataclass(frozen=True)
class Leaf:
    """One runnable sub-command (``export weekly`` is one, ``export`` is not)."""

    words: tuple[str, ...]
    parser: argparse.ArgumentParser

    @property
    def name(self) -> str:
        return " ".join(self.words)

    def actions(self) -> list[argparse.Action]:
        return [a for a in self.parser._actions
                if not isinstance(a, argparse._HelpAction | argparse._SubParsersAction)]


def leaves(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> Iterator[Leaf]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield Leaf(words, parser)
        return
    for name, child in subs[0].choices.items():
        yield from leaves(child, (*words, name))


LEAVES = [leaf for leaf in leaves(build_parser()) if leaf.words]  # no words: the GUI


def test_the_parser_lists_the_known_commands() -> None:
    """The discovery works (a guard against fuzzing nothing), not a list to keep up to date."""
    names = {leaf.name for leaf in LEAVES}
    assert {"demo", "search", "check", "migrate", "reindex", "price", "proposal"} <= names
    assert len(names) >= 10


# --- what each option gets ------------------------------------------------------------------

STORE, INPUT, OUTPUT, NUMBER, DATE, SERVER, TEXT, CHOICE, FLAG = (
    "store", "input", "output", "number", "date", "server", "text", "choice", "flag")


def kind(action: argparse.Action) -> str:
    meta = str(action.metavar or action.dest).upper()
    dest = action.dest
    if action.nargs == 0:
        return FLAG
    if action.choices:
        return CHOICE
    if dest == "db":
        return STORE
    if dest == "server":
        return SERVER
    if action.type is int:
        return NUMBER
    if "YYYY" in meta:
        return DATE
    if dest in {"output", "errors", "to"} or meta.startswith("OUT") or meta == "DIR":
        return OUTPUT
    if any(word in meta for word in ("JSON", "PATH", "FILE", "BACKUP")):
        return INPUT
    return TEXT


# Names inside the sandbox; made by ``Sandbox`` below.
STORE_FILES = ["missing.db", "no/such/folder/s.db", "folder", "garbage.bin", "empty.db", "truncated.db",
               "good.db", "huge.json", "deep.json", "x" * 300, "", "\x00.db", "\udc80.db", "100%?#.db"]
INPUT_FILES = ["missing.json", "no/such/folder/o.json", "folder", "garbage.bin", "empty.db", "huge.json",
               "deep.json", "deep_object.json", "surrogate.json", "offer.json", "not_object.json", "good.db",
               "sheet.csv", "garbage.xlsx", "/dev/null", "x" * 300, "", "\udc80.json"]
OUTPUT_FILES = ["new.pdf", "no/such/folder/out.xlsx", "folder", "garbage.bin", "out.xlsx", "out.pdf",
                "x" * 300, "", "\udc80.pdf", "new_folder"]
NUMBERS = ["-1", "0", "1", "3", "abc", "", "99999999999999999999", "1e3", "0x10", "٣"]
DATES = ["2026-11-24", "2026-13-45", "", "x", "99999-01-01", "2026-02-30", "\udc80"]
SERVERS = ["", "http://127.0.0.1:9", "127.0.0.1:9", "http://[::1]:9/", "ftp://127.0.0.1:9",
           "http://127.0.0.1:9/" + "a" * 3000, "http://127.0.0.1:notaport"]
TEXTS = ["", "-", "x", "中国银行", "zgyh", "\ud800银行", "\udc80", "a" * 5000, "\x00", "%s%n{0}",
         "9111 0000 7109 3913 5P", "+86 175 6684 2356", "“中国银行”", "\u200b", "me", "team"]
CAPPED: dict[str, list[str]] = {"customers": ["-1", "0", "1", "3", "abc", "", "1e3", "1000001",
                                               "99999999999999999999"]}  # nothing that runs for long

POOLS = {STORE: STORE_FILES, INPUT: INPUT_FILES, OUTPUT: OUTPUT_FILES, NUMBER: NUMBERS, DATE: DATES,
         SERVER: SERVERS, TEXT: TEXTS}


def values_for(action: argparse.Action) -> list[str]:
    k = kind(action)
    if k == CHOICE:
        return [str(c) for c in action.choices or ()] + ["nope", ""]
    return CAPPED.get(action.dest, POOLS[k])


def _costly_default(action: argparse.Action) -> bool:
    """An amount whose default takes long (``demo``'s 2,000 customers): always given, from its
    pool, which is capped where a large value is only slow (``CAPPED``)."""
    return kind(action) == NUMBER and isinstance(action.default, int) and action.default > 100


@st.composite
def invocations(draw: st.DrawFn, leaf: Leaf) -> list[str]:
    argv = list(leaf.words)
    positionals: list[str] = []
    for action in leaf.actions():
        k = kind(action)
        if not action.option_strings:  # a positional: always given (else argparse refuses)
            positionals.append(draw(st.sampled_from(values_for(action))))
            continue
        if not action.required and not _costly_default(action) and not draw(st.booleans()):
            continue
        option = draw(st.sampled_from(action.option_strings))
        if k == FLAG:
            argv.append(option)
        else:
            argv += [option, draw(st.sampled_from(values_for(action)))]
    if draw(st.integers(0, 9)) == 0:
        argv.append(draw(st.sampled_from(["--bogus", "--db", "extra", "--help"])))
    return argv + positionals if not (positionals and positionals[0].startswith("-")) else \
        argv + ["--", *positionals]


# --- the sandbox ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with a complete small demo store, and the hostile files, copied per example."""
    root = tmp_path_factory.mktemp("fuzz-template")
    home = root / "home"
    env = {**os.environ, "WORKBENCH_HOME": str(home), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "workbench", "demo", "--demo", "--customers", "12", "--quiet"],
                   env=env, check=True, capture_output=True)
    files = root / "files"
    files.mkdir()
    os.environ["WORKBENCH_HOME"], old = str(home), os.environ.get("WORKBENCH_HOME", "")
    try:
        from workbench.config import paths

        shutil.copy(paths().demo_store, files / "good.db")
    finally:
        os.environ["WORKBENCH_HOME"] = old
    good = (files / "good.db").read_bytes()
    (files / "truncated.db").write_bytes(good[: len(good) // 3])
    (files / "folder").mkdir()
    (files / "garbage.bin").write_bytes(bytes(range(256)) * 16)
    (files / "garbage.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    (files / "empty.db").write_bytes(b"")
    (files / "huge.json").write_text('{"customer": {"name": "' + "甲" * 350_000 + '"}}', "utf-8")
    (files / "deep.json").write_text("[" * 5000 + "]" * 5000, "utf-8")
    (files / "deep_object.json").write_text('{"a":' * 3000 + "1" + "}" * 3000, "utf-8")
    (files / "surrogate.json").write_text(
        '{"customer": {"name": "\\ud800银行"}, "lines": [{"product": "MOB-58", "quantity": 1}]}', "utf-8")
    (files / "offer.json").write_text(json.dumps(GOOD_OFFER, ensure_ascii=False), "utf-8")
    (files / "not_object.json").write_text("[1, 2]", "utf-8")
    (files / "sheet.csv").write_text("单位名称,统一社会信用代码,联系人\n甲\u200b公司,9111\ud800,\n" * 3,
                                     "utf-8", errors="surrogatepass")
    (files / "out.xlsx").write_bytes(b"old")
    (files / "out.pdf").write_bytes(b"old")
    return root


def snapshot(root: Path) -> dict[str, int]:
    """Every file and folder under ``root`` -> its size (folders: -1)."""
    found: dict[str, int] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            found[os.path.relpath(os.path.join(dirpath, d), root)] = -1
        for f in filenames:
            path = os.path.join(dirpath, f)
            found[os.path.relpath(path, root)] = os.lstat(path).st_size
    return found


def _covers(value: str, path: str) -> bool:
    """``path`` is ``value``, inside it, one of the folders leading to it, or a sibling named
    after it (NAME-wal, NAME.replaced-STAMP, NAME.before-0007-STAMP.bak)."""
    if not value or "\x00" in value:
        return False
    value = os.path.normpath(value)
    return (path == value or path.startswith(value + os.sep) or value.startswith(path + os.sep)
            or (os.path.dirname(path) == os.path.dirname(value)
                and os.path.basename(path).startswith(os.path.basename(value))))


def allowed_new(argv: list[str], leaf: Leaf, created: set[str]) -> set[str]:
    """The new paths the command may create: the log (under home/logs); anything under the
    home with --demo (the demo store filled on first use) or for the commands that make
    stores and backups; what its output options name; the store ``demo`` or ``restore``
    makes at --db (and a migration's or a restore's copy beside a store)."""
    command = leaf.words[0]
    makers = {"demo", "restore", "backup"}
    output_options = {o for a in leaf.actions() if kind(a) == OUTPUT for o in a.option_strings}
    named = [argv[i + 1] for i, word in enumerate(argv[:-1]) if word in output_options]
    if command in makers | {"migrate", "encrypt"}:  # encrypt keeps a plain copy first
        named += [argv[i + 1] for i, word in enumerate(argv[:-1]) if word == "--db"]
    home_ok = "--demo" in argv or command in makers
    return {path for path in created
            if path == "home" or _covers(os.path.join("home", "logs"), path)
            or (home_ok and path.startswith("home" + os.sep))
            or any(_covers(value, path) for value in named)}


def run_in_sandbox(template: Path, argv: list[str], leaf: Leaf) -> None:
    sandbox = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        shutil.copytree(template / "home", sandbox / "home", symlinks=True)
        for item in (template / "files").iterdir():
            (shutil.copytree if item.is_dir() else shutil.copy)(item, sandbox / item.name)
        before = snapshot(sandbox)
        old_cwd, old_home = os.getcwd(), os.environ.get("WORKBENCH_HOME")
        os.chdir(sandbox)
        os.environ["WORKBENCH_HOME"] = str(sandbox / "home")
        out, err = _capture(argv)
        os.chdir(old_cwd)
        if old_home is None:
            os.environ.pop("WORKBENCH_HOME", None)
        else:
            os.environ["WORKBENCH_HOME"] = old_home
        code, stdout, stderr = out[0], out[1], err
        shown = f"argv={argv!r}\nexit={code}\nstderr={stderr[:2000]}"
        assert code in (0, 1, 2), shown
        assert "Traceback" not in stderr and "Traceback" not in stdout, shown
        assert "unexpected error" not in stderr, shown
        after = snapshot(sandbox)
        created = {p for p in after if p not in before}
        stray = created - allowed_new(argv, leaf, created)
        assert not stray, f"{shown}\ncreated: {sorted(stray)}"
    finally:
        os.chdir(ROOT)
        shutil.rmtree(sandbox, ignore_errors=True)


def _capture(argv: list[str]) -> tuple[tuple[int, str], str]:
    """``main(argv)`` with stdout and stderr captured as text (argparse's exits included)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: --help (0) or a refused argument (2)
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return (code, out.getvalue()), err.getvalue()


# --- the properties -------------------------------------------------------------------------

FUZZ = settings(max_examples=14, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.mark.parametrize("leaf", LEAVES, ids=lambda leaf: leaf.name)
def test_hostile_invocations_are_answered(template: Path, leaf: Leaf) -> None:
    @FUZZ
    @given(argv=invocations(leaf))
    def check(argv: list[str]) -> None:
        run_in_sandbox(template, argv, leaf)

    check()


def _path_slots(leaf: Leaf) -> list[argparse.Action]:
    return [a for a in leaf.actions() if kind(a) in (STORE, INPUT)]


SWEEP = [(leaf, action, value) for leaf in LEAVES for action in _path_slots(leaf)
         for value in (STORE_FILES if kind(action) == STORE else INPUT_FILES)[:10]]


def _minimal(leaf: Leaf, action: argparse.Action, value: str) -> list[str]:
    """The sub-command with ``value`` in ``action``'s place and the least else it needs."""
    argv = list(leaf.words)
    positionals = []
    for other in leaf.actions():
        if other is action:
            given_value = value
        elif _costly_default(other):
            given_value = "2"
        elif other.option_strings and not other.required:
            continue
        elif kind(other) == OUTPUT:
            given_value = "new.out"
        elif kind(other) in (STORE, INPUT):
            given_value = "offer.json"
        else:
            given_value = values_for(other)[0] or "x"
        if other.option_strings:
            argv += [other.option_strings[0], given_value]
        else:
            positionals.append(given_value)
    return [*argv, "--", *positionals] if positionals else argv


@pytest.mark.parametrize(("leaf", "action", "value"), SWEEP,
                         ids=[f"{leaf.name}-{a.dest}-{v[:12]!r}" for leaf, a, v in SWEEP])
def test_every_hostile_file_in_every_path_slot(template: Path, leaf: Leaf, action: argparse.Action,
                                               value: str) -> None:
    run_in_sandbox(template, _minimal(leaf, action, value), leaf)


# --- stdout closed: real processes ----------------------------------------------------------

def _spawn(argv: list[str], env: dict[str, str], cwd: Path, how: str) -> tuple[int, bytes]:
    command = [sys.executable, "-m", "workbench", *argv]
    if how == "closed":  # fd 1 closed before the program starts (`cmd >&-`)
        proc = subprocess.Popen(command, env=env, cwd=cwd, stderr=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
        _, err = proc.communicate(timeout=120)
    else:  # a reader that stops at once (`cmd | head -c 0`)
        proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None
        proc.stdout.close()
        err = proc.stderr.read() if proc.stderr else b""
        proc.wait(timeout=120)
    return proc.returncode, err


@pytest.mark.parametrize("leaf", LEAVES, ids=lambda leaf: leaf.name)
def test_help_with_stdout_gone(template: Path, leaf: Leaf, tmp_path: Path) -> None:
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    how = "closed" if LEAVES.index(leaf) % 2 else "pipe"
    code, err = _spawn([*leaf.words, "--help"], env, tmp_path, how)
    assert code in (0, 1, 2) and b"Traceback" not in err, err.decode(errors="replace")
    assert list(tmp_path.iterdir()) == [] or {p.name for p in tmp_path.iterdir()} <= {"home"}


@pytest.mark.parametrize("how", ["closed", "pipe"])
def test_commands_that_print_with_stdout_gone(template: Path, tmp_path: Path, how: str) -> None:
    sandbox = tmp_path / "s"
    shutil.copytree(template / "home", sandbox / "home")
    for item in (template / "files").iterdir():
        if item.is_file():
            shutil.copy(item, sandbox / item.name)
    env = {**os.environ, "WORKBENCH_HOME": str(sandbox / "home"), "PYTHONPATH": str(ROOT)}
    runs = [["search", "--demo", "", "--limit", "50"], ["check", "--db", "good.db"], ["price", "offer.json", "--json"],
            ["--version"], ["check", "--db", "garbage.bin"], ["price", "deep.json"]]
    for argv in runs:
        code, err = _spawn(argv, env, sandbox, how)
        assert code in (0, 1, 2) and b"Traceback" not in err, (argv, err.decode(errors="replace"))


def test_undecodable_bytes_in_argv(template: Path, tmp_path: Path) -> None:
    """A real process gets argv as bytes: an invalid UTF-8 byte arrives as a lone surrogate."""
    sandbox = tmp_path / "s"
    shutil.copytree(template / "home", sandbox / "home")
    shutil.copy(template / "files" / "good.db", sandbox / "good.db")
    env = {**os.environ, "WORKBENCH_HOME": str(sandbox / "home"), "PYTHONPATH": str(ROOT)}
    for argv in (["search", "--db", "good.db", "\udc80银行"], ["price", "\udcff.json"],
                 ["check", "--db", "\udc80.db"], ["proposal", "--sample", "-o", "\udc80/\udcff.pdf"]):
        proc = subprocess.run([sys.executable, "-m", "workbench", *argv], env=env, cwd=sandbox,
                              capture_output=True, timeout=120)
        assert proc.returncode in (0, 2) and b"Traceback" not in proc.stderr, (argv, proc.stderr)



def test_the_creation_rule_itself() -> None:
    """The judge of "no file created" (a check that cannot fail would prove nothing)."""
    by_name = {leaf.name: leaf for leaf in LEAVES}
    check, demo, proposal = by_name["check"], by_name["demo"], by_name["proposal"]
    made = {"missing.db", "home", os.path.join("home", "logs"), os.path.join("home", "logs", "workbench.log")}
    assert allowed_new(["check", "--db", "missing.db"], check, made) == made - {"missing.db"}
    assert allowed_new(["demo", "--db", "missing.db"], demo, made) == made
    assert allowed_new(["check", "--demo"], check, {os.path.join("home", "data", "demo.sqlite")})
    assert not allowed_new(["check"], check, {os.path.join("home", "data", "workbench.sqlite")})
    nested = {"no", os.path.join("no", "such"), os.path.join("no", "such", "o.pdf"), "other.pdf"}
    assert allowed_new(["proposal", "--sample", "-o", "no/such/o.pdf"], proposal, nested) == nested - {"other.pdf"}


@pytest.mark.parametrize("count", ["1000001", "99999999999999999999", "-1"])
def test_demo_refuses_a_customer_count_that_would_run_for_hours(count: str, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "never-made.db"
    assert main(["demo", "--db", str(store), "--customers", count]) == 2
    assert "must be 0 to 1,000,000" in capsys.readouterr().err
    assert not store.exists()

