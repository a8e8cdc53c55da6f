"""``workbench import``: customers with their contacts from an .xlsx or .csv sheet, printing JSON.

Exit status: 0 every row imported (or, with --dry-run, importable); 1 some rows refused (the
others imported unless --dry-run; --errors writes the report); 2 nothing imported: the file,
the mapping or the store could not be used (a message on stderr, in Chinese and English).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

_SHOWN_ERRORS = 20  # errors printed in the summary; the report has them all


def add_parser(sub: Any, add_store_options: Any = None) -> None:
    p = sub.add_parser(
        "import", help="import customers and contacts from an .xlsx or .csv sheet; prints JSON",
        description="Read customers with their contacts (one row per contact) from FILE, guess the "
        "columns from the headers (Chinese or English), validate every row with the forms' rules, "
        "and write the valid rows in one journaled transaction (so they sync). A customer already "
        "stored (same credit code, or same name and region) is updated, not duplicated. Exit 0: all "
        "rows imported; 1: some rows refused (see --errors); 2: nothing imported.")
    if add_store_options is not None:
        add_store_options(p)
    else:
        p.add_argument("--db", metavar="PATH", help="the SQLite store to import into")
    p.add_argument("file", metavar="FILE", help="the sheet: .xlsx, .xlsm, .xls, .ods or .csv")
    p.add_argument("--sheet", metavar="NAME", help="the worksheet to read (default: the first with data)")
    p.add_argument("--map", metavar="JSON", dest="mapping",
                   help='column mapping over the guess: {"header or column letter": "field" or null}, '
                   "or a .json file holding it; fields: name, short_name, credit_code, industry, region, "
                   "address, ..., contact_name, contact_title, contact_mobile, ...")
    p.add_argument("--errors", metavar="OUT.xlsx", help="write the refused rows' report here (the sheet "
                   "with each error beside its row)")
    p.add_argument("--dry-run", action="store_true", help="validate and report only; write nothing")
    p.add_argument("--no-updates", action="store_true", help="leave customers already stored as they are")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=cmd_import)


def _store_path(args: argparse.Namespace) -> Path:
    if getattr(args, "db", None):
        return Path(args.db).expanduser()
    from workbench.cli import _store_path as default_path

    return default_path(args)


def _mapping_spec(value: str) -> str:
    candidate = Path(value)
    if value.strip().endswith(".json") and candidate.is_file():
        return candidate.read_text(encoding="utf-8-sig")
    return value


def cmd_import(args: argparse.Namespace) -> int:
    from workbench.services.users import current_user
    from workbench.store.opening import open_existing

    path = _store_path(args)
    store = open_existing(path)  # never creates one; a damaged store is a StoreError (cli.main says it)
    try:
        from workbench.services.context import Context

        ctx = Context(store, current_user(store).id)
        return _run(ctx, args)
    finally:
        store.close()


def _run(ctx: Any, args: argparse.Namespace) -> int:
    from workbench.services import importing as imp

    def progress(done: int, total: int) -> None:
        if not args.quiet:
            print(f"\r{done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    sheet = imp.read_sheet(args.file, sheet_name=args.sheet)
    mapping = imp.guess_mapping(sheet)
    if args.mapping:
        mapping = mapping.with_json(_mapping_spec(args.mapping))
    preview = imp.preview_import(ctx, sheet, mapping, progress=progress)
    if preview.problems:
        zh, en = preview.problems[0]
        raise imp.ImportFileError(zh, en)
    written = None
    if not args.dry_run:
        written = imp.commit_import(ctx, preview, updates=not args.no_updates, progress=progress)
    if not args.quiet:
        print(file=sys.stderr)
    report = None
    if args.errors and preview.errors:
        report = str(imp.write_error_report(sheet, preview, args.errors))
    out = summary(preview, written, dry_run=args.dry_run, errors_file=report)
    print(json.dumps(out, ensure_ascii=False))
    return 1 if preview.errors else 0


def summary(preview: Any, written: Any, *, dry_run: bool, errors_file: str | None) -> dict[str, Any]:
    """The JSON the command prints: the mapping used, the counts, what was written, the first errors."""
    from workbench.services.importing_read import column_letter

    mapping = {column_letter(i): {"header": h, "field": t}
               for i, (h, t) in enumerate(zip(preview.mapping.headers, preview.mapping.targets, strict=True))}
    return {
        "file": preview.path, "sheet": preview.sheet_name, "mapping": mapping, **preview.counts(),
        "dry_run": dry_run, "written": written.as_dict() if written is not None else None,
        "errors_file": errors_file,
        "first_errors": [e.as_dict() for e in preview.errors[:_SHOWN_ERRORS]],
    }


def run(argv: list[str]) -> int:
    """Parse ``argv`` (the arguments after ``import``) and run the command."""
    parser = argparse.ArgumentParser(prog="workbench")
    add_parser(parser.add_subparsers())
    args = parser.parse_args(["import", *argv])
    return int(args.func(args))
