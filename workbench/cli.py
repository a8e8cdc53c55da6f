"""Entry points: the GUI with no sub-command, sub-commands for scripting and tests.

Heavy modules (SQLAlchemy, Qt, pypinyin) are imported inside the commands that need them,
so ``workbench --help`` and the first paint of the window stay fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.store.engine import Store
    from workbench.store.opening import StoreError


def _store_path(args: argparse.Namespace) -> Path:
    from workbench.config import paths

    if getattr(args, "db", None):
        return Path(args.db).expanduser()
    return paths().demo_store if getattr(args, "demo", False) else paths().store


def _open(args: argparse.Namespace, *, fill_demo: bool = False) -> Store:
    """The one way the sub-commands open their store: it must exist (never created here).
    ``fill_demo``: with --demo (and no --db), the demo store is built first when it is
    missing, empty or incomplete."""
    from workbench.store.opening import open_existing

    path = _store_path(args)
    if fill_demo and getattr(args, "demo", False) and not getattr(args, "db", None):
        from workbench.services.demo import ensure_demo_store

        if ensure_demo_store(path) is not None:
            print(f"已生成演示数据 / built the demo store at {path}", file=sys.stderr)
    return open_existing(path)


def _store_error(exc: Exception, args: argparse.Namespace) -> StoreError | None:
    """The :class:`StoreError` ``exc`` stands for (an SQLite failure on the command's store)."""
    from workbench.store.opening import StoreError, classify

    if isinstance(exc, StoreError):
        return exc
    if not hasattr(args, "db"):
        return None  # a command without a store
    return classify(exc, _store_path(args))


def _add_store_options(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    # On sub-commands the defaults are SUPPRESS, so that `workbench --db X demo` keeps X.
    default = None if top else argparse.SUPPRESS
    p.add_argument("--db", metavar="PATH", default=default,
                   help="the SQLite store to use (default: the user's data directory)")
    p.add_argument("--demo", action="store_true", default=False if top else argparse.SUPPRESS,
                   help="use the separate demo store, filled on first use")


def cmd_gui(args: argparse.Namespace) -> int:
    from workbench.ui.app import run

    return run(store_path=_store_path(args), demo=args.demo)


def cmd_demo(args: argparse.Namespace) -> int:
    import time

    from workbench.services.demo import build_demo_store, demo_complete, generate
    from workbench.store.engine import open_store
    from workbench.store.opening import open_existing

    path = _store_path(args)
    started = time.perf_counter()

    def progress(done: int, wanted: int) -> None:
        if not args.quiet:
            print(f"\r{done:,}/{wanted:,} customers", end="", file=sys.stderr, flush=True)

    if getattr(args, "demo", False) and not getattr(args, "db", None) and not demo_complete(path):
        result = build_demo_store(path, customers=args.customers, seed=args.seed, progress=progress)
        return _demo_done(args, result, path, started)
    # `demo` creates a store (an empty file is an empty SQLite database); an existing one is checked
    store = open_existing(path) if path.exists() and path.stat().st_size else open_store(path)
    if not args.force and not getattr(args, "demo", False) and _has_own_work(store):
        print(f"{store.path} holds changes typed by a user (its change journal is not empty): "
              "demo data would mix with them. Use --db for another file, --demo, or --force.", file=sys.stderr)
        store.close()
        return 2
    try:
        result = generate(store, customers=args.customers, seed=args.seed, progress=progress)
    finally:
        store.close()
    return _demo_done(args, result, path, started)


def _demo_done(args: argparse.Namespace, result: Any, path: Path, started: float) -> int:
    import time
    from dataclasses import asdict

    if not args.quiet:
        print(file=sys.stderr)
    summary = {**asdict(result), "seconds": round(time.perf_counter() - started, 1), "db": str(path)}
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def _has_own_work(store: Any) -> bool:
    from sqlalchemy import select

    from workbench.store.models import JournalEntry

    with store.read() as s:
        return s.scalar(select(JournalEntry.seq).limit(1)) is not None


def cmd_search(args: argparse.Namespace) -> int:
    from workbench.services.search import search_customers
    from workbench.services.users import user_context

    store = _open(args, fill_demo=True)
    try:
        ctx = user_context(store)
        page = search_customers(ctx, query=args.query, limit=args.limit)
    finally:
        store.close()
    out: dict[str, Any] = {
        "query": args.query, "total": page.total, "total_exact": page.total_exact,
        "rows": [{"id": r.id, "name": r.name, "short_name": r.short_name, "industry": r.industry_code,
                  "stage": r.stage_code} for r in page.rows],
    }
    print(json.dumps(out, ensure_ascii=False, indent=1 if args.pretty else None))
    return 0


def cmd_price(args: argparse.Namespace) -> int:
    import datetime
    from decimal import Decimal

    from workbench.domain.errors import ValidationError
    from workbench.pricing import (
        load_catalogue,
        load_policy,
        parse_catalogue,
        parse_offer,
        parse_policy,
        price,
        quote_to_dict,
        render_table,
    )

    def refuse(*messages: str) -> int:
        from workbench.cli_boundary import short

        for message in messages:
            print(short(message), file=sys.stderr)
        return 2

    try:
        today = datetime.date.fromisoformat(args.today) if args.today else datetime.date.today()
    except ValueError:
        return refuse(f"--today: 日期应为 YYYY-MM-DD / must be a date YYYY-MM-DD, not {args.today!r}")
    documents = {}
    for name, path in (("offer", args.offer), ("catalogue", args.catalogue), ("policy", args.policy)):
        if path is None:
            continue
        try:
            documents[name] = json.loads(Path(path).read_text("utf-8"), parse_float=Decimal)
        except OSError as e:
            return refuse(f"{path}: 无法读取 / cannot be read ({e.strerror})")
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            return refuse(f"{path}: 不是有效的 JSON / not valid JSON ({e})")
        except RecursionError:
            return refuse(f"{path}: JSON 嵌套过深 / nested too deeply to be an offer")
    try:
        catalogue = parse_catalogue(documents["catalogue"]) if args.catalogue else load_catalogue()
    except ValidationError as e:
        return refuse(*(f"{args.catalogue or 'catalogue'}: {err}" for err in e.errors))
    try:
        policy = parse_policy(documents["policy"]) if args.policy else load_policy()
    except ValidationError as e:
        return refuse(*(f"{args.policy or 'policy'}: {err}" for err in e.errors))
    try:
        quote = price(catalogue, policy, parse_offer(documents["offer"]), role=args.role, today=today)
    except ValidationError as e:
        return refuse(*(str(err) for err in e.errors))
    if args.json:
        print(json.dumps(quote_to_dict(quote), ensure_ascii=False, indent=1))
    else:
        print(render_table(quote), end="")
    return 0


def cmd_proposal(args: argparse.Namespace) -> int:
    import datetime

    from workbench.domain.errors import NotFoundError, StaleEditError, ValidationError

    try:
        today = datetime.date.fromisoformat(args.today) if args.today else datetime.date.today()
    except ValueError:
        print(f"--today: 日期应为 YYYY-MM-DD / must be a date YYYY-MM-DD, not {args.today!r}", file=sys.stderr)
        return 2
    if not 1 <= args.lines <= 200:
        print(f"--lines: 应在 1 到 200 之间 / must be 1 to 200, not {args.lines}", file=sys.stderr)
        return 2
    out = Path(args.output).expanduser()
    if args.sample:
        from workbench.proposals.render import render_proposal
        from workbench.proposals.sample import sample_content

        content = sample_content(args.lines, today=today)
        rendered = render_proposal(content)
        pdf, pages, missing, number = rendered.pdf, rendered.pages, rendered.missing, content.number
    else:
        if not args.offer and not getattr(args, "demo", False):
            print("--offer ID (or --demo, or --sample) is required / 请指定 --offer", file=sys.stderr)
            return 2
        from workbench.services import proposals
        from workbench.services.demo_offers import demo_offer, find_offer
        from workbench.services.users import user_context

        store = _open(args, fill_demo=True)  # as the GUI's --demo fills it on first use
        try:
            ctx = user_context(store)
            offer_id = find_offer(ctx, args.offer) if args.offer else demo_offer(ctx, today=today)
            record = proposals.produce_proposal(ctx, offer_id=offer_id, today=today)
        except NotFoundError as e:
            print(f"找不到 / not found: {e}", file=sys.stderr)
            return 2
        except (ValidationError, StaleEditError) as e:
            print(str(e), file=sys.stderr)
            return 2
        finally:
            store.close()
        pdf, pages, missing, number = record.pdf, record.pages, record.missing, record.number
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    if missing:
        print(f"字体缺少字符, 将显示为方框 / the font lacks: {''.join(missing)}", file=sys.stderr)
    print(json.dumps({"pdf": str(out), "number": number, "pages": pages, "bytes": len(pdf),
                      "missing": "".join(missing)}, ensure_ascii=False))
    return 0


class _VersionAction(argparse.Action):
    """``--version``: print the installed distribution's version (importlib.metadata, read
    only when asked, so building the parser stays cheap) and exit 0."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: Any = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0,
                         help=help or "print the installed version and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        from workbench.licences import program_version

        print(f"{parser.prog} {program_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="集团客户经理工作台 / Group-customer account manager's workbench. "
        "With no command, starts the desktop program.",
    )
    parser.add_argument("--version", action=_VersionAction)
    _add_store_options(parser, top=True)
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("demo", help="generate deterministic demo data into a store",
                       description="Add N generated customers (3 contacts, 10 visits each on average).")
    _add_store_options(p)
    p.add_argument("--customers", type=int, default=2000, metavar="N", help="customers to add (default 2000)")
    p.add_argument("--seed", type=int, default=20261124, help="generator seed (same seed, same data)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--force", action="store_true", help="add demo data even to a store with user changes")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("search", help="search customers as the list screen does; prints JSON",
                       description="Rank the store's customers for QUERY with the list screen's search "
                       "(docs/search.md) and print the best --limit as JSON: the query, the total of matches "
                       "(total_exact false when it is an estimate) and each row's id, name, short name, "
                       "industry and stage. --demo builds the demo store first when it is missing.")
    _add_store_options(p)
    p.add_argument("query", help="name, short name, pinyin, initials (zgyh), credit code, contact or phone")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="rows to print, best first (default 20)")
    p.add_argument("--pretty", action="store_true", help="indent the JSON (default: one line)")
    p.set_defaults(func=cmd_search)

    from workbench.cli_store import add_parser as add_store

    add_store(sub, _add_store_options)  # migrate, check, reindex

    p = sub.add_parser("price", help="price a bundle offer (JSON, docs/offer-format.md); prints a table or JSON",
                       description="Price OFFER.json with the catalogue and pricing policy. Exit code 2 and the "
                       "refused fields on stderr when the offer is refused.")
    p.add_argument("offer", metavar="OFFER.json", help="the offer to price (format: docs/offer-format.md)")
    p.add_argument("--json", action="store_true", help="print the quote as JSON (amounts as decimal strings)")
    p.add_argument("--role", choices=("manager", "team_lead", "hq"), default="manager",
                   help="whose discount authority applies (default manager)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="price as on this date (default today)")
    p.add_argument("--catalogue", metavar="PATH", help="catalogue JSON (default: the shipped illustrative one)")
    p.add_argument("--policy", metavar="PATH", help="pricing policy JSON (default: the shipped illustrative one)")
    p.set_defaults(func=cmd_price)

    p = sub.add_parser("proposal", help="print an offer's proposal sheet (方案建议书) to a PDF file",
                       description="Produce the proposal of an offer's current version, store it with the offer "
                       "(a sent version's stored proposal is returned unchanged) and write the PDF. --demo uses "
                       "a demo offer on the demo store; --sample needs no store at all.")
    _add_store_options(p)
    p.add_argument("--offer", metavar="ID", help="the offer: its id or its number (FA-...)")
    p.add_argument("--sample", action="store_true", help="a sample proposal priced by the engine, no store")
    p.add_argument("--lines", type=int, default=8, metavar="N", help="lines of the --sample offer (default 8)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the proposal's date (default today)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.set_defaults(func=cmd_proposal)

    from workbench.cli_backup import add_parser as add_backup
    from workbench.cli_encrypt import add_parser as add_encrypt
    from workbench.cli_export import add_parser as add_export
    from workbench.cli_import import add_parser as add_import
    from workbench.cli_sync import add_parser as add_sync

    add_sync(sub, _add_store_options)
    add_import(sub, _add_store_options)
    add_export(sub, _add_store_options)
    add_backup(sub, _add_store_options)
    add_encrypt(sub, _add_store_options)
    return parser


MAX_DEMO_CUSTOMERS = 1_000_000  # ten times the benchmarks' largest store


def main(argv: list[str] | None = None) -> int:
    from workbench.cli_boundary import guarded

    parsed: list[argparse.Namespace] = []

    def run() -> int:  # parsing too is inside the boundary: --version into a closed pipe
        args = build_parser().parse_args(argv)
        parsed.append(args)
        if not 0 <= getattr(args, "customers", 1) <= MAX_DEMO_CUSTOMERS:  # past it: hours, not data
            print(f"--customers: 应在 0 到 {MAX_DEMO_CUSTOMERS:,} 之间 / must be 0 to {MAX_DEMO_CUSTOMERS:,}",
                  file=sys.stderr)
            return 2
        if args.func is not cmd_gui:  # an encrypted store's passphrase, asked on the terminal
            from workbench.cli_encrypt import install_prompt

            install_prompt()
        return int(args.func(args))

    def refusal(exc: Exception) -> tuple[str, int] | None:
        err = _store_error(exc, parsed[0]) if parsed else None  # a store failure: what is wrong, what to do
        return (str(err), err.exit_code) if err is not None else None

    return guarded(run, refusal)


if __name__ == "__main__":
    raise SystemExit(main())
