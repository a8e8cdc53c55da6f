"""A throwaway PostgreSQL cluster for the test session (the sync server's store).

``PgCluster.start()`` finds the server binaries in ``/usr/lib/postgresql/*/bin`` (the newest
version that has ``initdb`` and ``pg_ctl``; ``PATH`` as a last resort), makes a fresh
temporary directory, runs ``initdb -A trust -E UTF8`` there and starts the server on a free
port of 127.0.0.1 with its socket in the same directory and ``fsync=off``. As root, the
directory is handed to the ``postgres`` user and the binaries run through
``runuser -u postgres --`` (PostgreSQL refuses to run as root). ``stop()`` stops it
(``pg_ctl stop -m fast``, then a kill of the postmaster's PID if that did not work) and removes
the directory; it also runs at interpreter exit, so an interrupted session leaves no server
behind.

The fixtures that use it are in tests/conftest.py (``pg_url``, ``pg_db_url``).
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

SUPERUSER = "postgres"
TEST_DATABASE = "workbench_test"
_RUN_AS = "postgres"  # the OS user that runs the server when the tests run as root


class PgUnavailable(RuntimeError):
    """No PostgreSQL server binaries (or no way to run them) on this machine."""


def _version_key(bin_dir: str) -> tuple[int, ...]:
    m = re.search(r"/postgresql/([\d.]+)/bin$", bin_dir)
    return tuple(int(p) for p in m.group(1).split(".")) if m else (0,)


def find_bin_dir() -> Path:
    """The directory holding initdb and pg_ctl: the newest /usr/lib/postgresql/*/bin."""
    dirs = [
        d
        for d in glob.glob("/usr/lib/postgresql/*/bin")
        if os.access(os.path.join(d, "initdb"), os.X_OK)
        and os.access(os.path.join(d, "pg_ctl"), os.X_OK)
    ]
    if dirs:
        return Path(max(dirs, key=_version_key))
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent
    raise PgUnavailable("no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _c_locale() -> str:
    # C.UTF-8: byte-order collation (the same on every machine) with UTF-8 character classes.
    return "C.UTF-8" if os.path.isdir("/usr/lib/locale/C.utf8") else "C"


class PgCluster:
    """One PostgreSQL cluster in a temporary directory, reachable on 127.0.0.1:port."""

    def __init__(self, bin_dir: Path | None = None) -> None:
        self.bin_dir = bin_dir or find_bin_dir()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            if shutil.which("runuser") is None:
                raise PgUnavailable("running as root but runuser is missing")
            try:
                self._owner = pwd.getpwnam(_RUN_AS)
            except KeyError:
                raise PgUnavailable(f"running as root but there is no {_RUN_AS!r} user") from None
        self.base: Path | None = None
        self.port: int | None = None
        self._pid: int | None = None

    # -- paths ---------------------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        assert self.base is not None
        return self.base / "data"

    @property
    def socket_dir(self) -> Path:
        assert self.base is not None
        return self.base / "sock"

    @property
    def log_file(self) -> Path:
        assert self.base is not None
        return self.base / "server.log"

    # -- running the binaries ------------------------------------------------------------

    def _run(self, tool: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin_dir / tool), *args]
        if self.as_root:
            cmd = ["runuser", "-u", _RUN_AS, "--", *cmd]
        env = dict(os.environ, LC_ALL=_c_locale(), LANG=_c_locale())
        env.pop("PGDATA", None)
        # Output to a file, not a pipe: the server that pg_ctl starts would hold a pipe open.
        assert self.base is not None
        out = self.base / f"{tool}.out"
        with open(out, "w") as f:
            proc = subprocess.run(
                cmd, stdout=f, stderr=subprocess.STDOUT, cwd=self.base, env=env,
                timeout=timeout, check=False, text=True,
            )
        proc.stdout = out.read_text(errors="replace")
        return proc

    def _check(self, proc: subprocess.CompletedProcess[str], what: str) -> None:
        if proc.returncode != 0:
            log = self.log_file.read_text(errors="replace")[-4000:] if self.log_file.exists() else ""
            raise RuntimeError(
                f"PostgreSQL {what} failed (exit {proc.returncode}): {' '.join(map(str, proc.args))}\n"
                f"{proc.stdout}\n--- server log ---\n{log}"
            )

    # -- life cycle ----------------------------------------------------------------------

    def start(self) -> PgCluster:
        # Under the system temp dir, not pytest's (root-only) basetemp: the postgres user
        # must reach it. Short, too: a Unix socket path is limited to ~107 bytes.
        self.base = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
        atexit.register(self.stop)
        if self.as_root:
            os.chown(self.base, self._owner.pw_uid, self._owner.pw_gid)
            if subprocess.run(
                ["runuser", "-u", _RUN_AS, "--", "test", "-w", str(self.base)], check=False
            ).returncode != 0:
                raise RuntimeError(
                    f"user {_RUN_AS!r} cannot write {self.base}; set TMPDIR to a directory it can reach"
                )
        self._mkdir_owned(self.socket_dir)
        self._check(
            self._run("initdb", "-D", str(self.data_dir), "-A", "trust", "-E", "UTF8",
                      "-U", SUPERUSER),
            "initdb",
        )
        for attempt in range(3):  # a free port can be taken between the probe and the bind
            self.port = free_port()
            opts = (
                f"-k {self.socket_dir} -c listen_addresses=127.0.0.1 -p {self.port}"
                " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            proc = self._run("pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_file),
                             "-o", opts, "-w", "-t", "60", "start")
            if proc.returncode == 0:
                break
            if attempt == 2:
                self._check(proc, "start")
        self._pid = self._read_pid()
        self.create_database(TEST_DATABASE)
        return self

    def _mkdir_owned(self, path: Path) -> None:
        path.mkdir(mode=0o700)
        if self.as_root:
            os.chown(path, self._owner.pw_uid, self._owner.pw_gid)

    def _read_pid(self) -> int | None:
        try:
            return int((self.data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            return None

    def stop(self) -> None:
        """Stop the server and remove its directory; safe to call more than once."""
        base = self.base
        if base is None:
            return
        atexit.unregister(self.stop)
        try:
            pid = self._read_pid() or self._pid
            if (self.data_dir / "postmaster.pid").exists():
                with contextlib.suppress(subprocess.TimeoutExpired, OSError):
                    self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "30",
                              "stop", timeout=45)
            if pid and _alive(pid):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
                deadline = time.monotonic() + 10
                while _alive(pid) and time.monotonic() < deadline:
                    time.sleep(0.05)
        finally:
            self.base = None
            shutil.rmtree(base, ignore_errors=True)

    # -- databases -----------------------------------------------------------------------

    def url(self, database: str = TEST_DATABASE) -> str:
        """The SQLAlchemy URL of a database in this cluster."""
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def conninfo(self, database: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname={database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]  # a literal built from a checked name

    def create_database(self, name: str | None = None) -> str:
        """Create a database (``t_<random>`` when no name is given); returns its name."""
        name = name or f"t_{uuid.uuid4().hex[:16]}"
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
            raise ValueError(f"not a plain database name: {name!r}")
        self._admin(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database, ending any connection still open to it."""
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
            raise ValueError(f"not a plain database name: {name!r}")
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of ours counts as gone (the server is not our child: pg_ctl daemonises it).
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True
