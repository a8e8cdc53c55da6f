"""Resource paths are joined one part at a time.

In a PyInstaller bundle ``importlib.resources.files(...)`` can be a ``MultiplexedPath``, whose
``joinpath`` takes a single argument on Python 3.11: ``.joinpath("catalogue", name)`` raised
TypeError in the frozen program. ``.joinpath("catalogue").joinpath(name)`` works everywhere.
"""

from __future__ import annotations

import ast
import sys
from importlib.readers import MultiplexedPath
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def multi_argument_joinpaths(folder: Path) -> list[str]:
    """``file:line`` (relative to ``folder``) of every ``.joinpath(...)`` call with more than one argument."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "joinpath"
                    and (len(node.args) > 1 or any(isinstance(a, ast.Starred) for a in node.args))):
                found.append(f"{path.relative_to(folder).as_posix()}:{node.lineno}")
    return found


def test_no_joinpath_with_several_arguments_in_the_package() -> None:
    assert multi_argument_joinpaths(ROOT / "workbench") == []


def test_the_check_finds_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('from importlib.resources import files\n'
                   'files("x").joinpath("catalogue", "policy.json")\n'
                   'files("x").joinpath(*parts)\n', "utf-8")
    assert multi_argument_joinpaths(tmp_path) == ["bad.py:2", "bad.py:3"]


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="3.12 made joinpath take several parts")
def test_a_multiplexed_path_takes_one_part_at_a_time() -> None:
    resources = MultiplexedPath(str(ROOT / "resources"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        resources.joinpath("catalogue", "policy.json")  # type: ignore[call-arg]
    assert resources.joinpath("catalogue").joinpath("policy.json").read_text("utf-8").startswith("{")
