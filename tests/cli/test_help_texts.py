"""Every sub-command of ``workbench`` says what it does, and every option what it means.

The parser is walked (nested sub-commands too, e.g. ``export weekly``): each sub-command has a
description (the paragraph ``workbench CMD --help`` prints) and a one-line help (the line in
``workbench --help``), and each argument but --help has a non-empty help text.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from workbench.cli import build_parser


def _subcommands(parser: argparse.ArgumentParser, prefix: str = "") -> Iterator[tuple[str, argparse.ArgumentParser,
                                                                                      str | None]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, child in action.choices.items():
                path = f"{prefix} {name}".strip()
                yield path, child, helps.get(name)
                yield from _subcommands(child, path)


SUBCOMMANDS = list(_subcommands(build_parser()))


def _text(value: object) -> str:
    return "" if value is None or value == argparse.SUPPRESS else str(value).strip()


def test_the_walk_finds_the_commands() -> None:
    names = {path for path, _, _ in SUBCOMMANDS}
    assert {"demo", "search", "migrate", "check", "reindex", "export", "export weekly", "export customers"} <= names


@pytest.mark.parametrize(("path", "parser", "line"), SUBCOMMANDS, ids=[p for p, _, _ in SUBCOMMANDS])
def test_subcommand_has_a_description_and_a_help_line(path: str, parser: argparse.ArgumentParser,
                                                      line: str | None) -> None:
    assert _text(parser.description), f"`workbench {path} --help` prints no description"
    assert _text(line), f"`workbench --help` lists {path} without a line of help"


@pytest.mark.parametrize(("path", "parser", "line"), SUBCOMMANDS, ids=[p for p, _, _ in SUBCOMMANDS])
def test_every_option_has_a_help_text(path: str, parser: argparse.ArgumentParser, line: str | None) -> None:
    missing = [a.option_strings[-1] if a.option_strings else a.dest for a in parser._actions
               if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction)) and not _text(a.help)]
    assert not missing, f"workbench {path}: no help text for {', '.join(missing)}"


def test_top_level_options_have_help_texts() -> None:
    parser = build_parser()
    assert _text(parser.description)
    missing = [a.option_strings[-1] for a in parser._actions
               if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction)) and not _text(a.help)]
    assert not missing
