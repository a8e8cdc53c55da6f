"""The command line's one error boundary (docs/architecture.md): a refusal (a domain error,
a bad store or file, a bad path) is a message and exit 2; anything unexpected is one line,
its traceback in the log, and exit 1; a reader that stopped reading (``| head``) ends the
command quietly. Never a Python traceback on the terminal, never a 100,000-character value
echoed back."""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable
from typing import Any, TextIO

log = logging.getLogger("workbench.cli")
MAX_MESSAGE = 400  # characters of a message shown; the rest is said to be cut
_LONG_RUN = re.compile(r"\S{200,}")  # a value (a path, an argument) too long to show whole


def _cut(run: re.Match[str]) -> str:
    value = run[0]
    return f"{value[:80]}…({len(value):,} characters)…{value[-40:]}"


def short(text: str) -> str:
    """``text`` as shown: a long message has its long values cut in the middle (so the reason
    after a 100,000-character path still shows), and is itself cut if still too long."""
    text = str(text)
    if len(text) <= MAX_MESSAGE:
        return text
    text = _LONG_RUN.sub(_cut, text)
    return text if len(text) <= 2 * MAX_MESSAGE else f"{text[:MAX_MESSAGE]}… ({len(text):,} characters)"


class _ShortLines:
    """sys.stderr while a command runs: every line written goes through :func:`short`, so no
    refusal (the command's own, argparse's, a store's) echoes a huge value back in full."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if len(text) > MAX_MESSAGE:
            self._stream.write("\n".join(short(line) for line in text.split("\n")))
        else:
            self._stream.write(text)
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _log_file() -> str:
    """The CLI's log: the program's own log file (created on first use)."""
    from logging.handlers import RotatingFileHandler

    from workbench.config import paths

    path = paths().log_file
    for old in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
        if old.baseFilename != str(path.resolve()):  # the home moved (tests, WORKBENCH_HOME)
            log.removeHandler(old)
            old.close()
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    return str(path)


def _stdout_gone() -> int:
    """The reader closed the pipe: drop what is left unwritten, end without complaint."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 0


def _path_refusal(exc: Exception) -> tuple[str, int] | None:
    """A file or folder the user named cannot be read or written: theirs to fix."""
    if isinstance(exc, ValueError) and "embedded null" in str(exc):  # os, sqlite3: "\x00" in a path
        return "路径中不能含有空字符 (NUL) / a path cannot contain the NUL character (\\x00)", 2
    if not isinstance(exc, OSError) or exc.filename is None:
        return None
    in_the_way = _file_in_the_way(exc) if isinstance(exc, FileExistsError | NotADirectoryError) else None
    if in_the_way is not None:  # -o /etc/passwd/x.pdf
        return f"{in_the_way}: 是一个文件, 不是文件夹 / is a file, not a folder", 2
    what = "是一个文件夹 / is a folder" if isinstance(exc, IsADirectoryError) else \
        f"无法读写 / cannot be used ({exc.strerror})"
    return f"{exc.filename}: {what}", 2


def _file_in_the_way(exc: OSError) -> str | None:
    """The file standing where a folder of the path ``exc`` names should be, if any."""
    path = os.fsdecode(exc.filename)
    while path and not os.path.lexists(path):
        parent = os.path.dirname(path)
        if parent == path:
            return None
        path = parent
    return path if path and os.path.isfile(path) else None


def guarded(run: Callable[[], int], refusal: Callable[[Exception], tuple[str, int] | None]) -> int:
    """Run a command; ``refusal(exc)`` names the failures that are the user's to fix."""
    for stream in (sys.stdout, sys.stderr):  # a lone surrogate in a name must still print
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    stderr = sys.stderr
    sys.stderr = _ShortLines(stderr)  # type: ignore[assignment]
    try:
        return _guarded(run, refusal)
    finally:
        sys.stderr = stderr


def _guarded(run: Callable[[], int], refusal: Callable[[Exception], tuple[str, int] | None]) -> int:
    from workbench.domain.errors import DomainError

    try:
        return int(run())
    except BrokenPipeError:
        return _stdout_gone()
    except DomainError as exc:
        print(short(str(exc)), file=sys.stderr)
        return 2
    except Exception as exc:  # the boundary: everything reaches the user as one line
        known = refusal(exc) or _path_refusal(exc)
        if known is not None:
            message, code = known
            print(short(message), file=sys.stderr)
            return code
        where = _log_file()
        log.error("unexpected error in %s", " ".join(sys.argv[:3]), exc_info=exc)
        print(short(f"unexpected error: {type(exc).__name__}: {exc} (details in {where}) / "
                    f"意外错误（详情见 {where}）"), file=sys.stderr)
        return 1
