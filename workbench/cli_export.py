"""``workbench export``: the weekly visit report (.xlsx or .pdf) and the customer list (.xlsx),
printing a JSON summary.

    workbench export weekly --db PATH [--week DATE] [--owner me|team|USER_ID] -o OUT.xlsx|OUT.pdf
    workbench export customers --db PATH [--query Q] [--industry CODE] [--stage CODE] -o OUT.xlsx

Exit status: 0 written; 2 nothing written: a bad argument, an unknown user, industry or stage,
or a store that could not be used (a message on stderr, in Chinese and English).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any


def add_parser(sub: Any, add_store_options: Any = None) -> None:
    p = sub.add_parser(
        "export", help="export the weekly visit report (.xlsx/.pdf) or the customer list (.xlsx); prints JSON",
        description="Write the weekly visit report (周报) of a week, Monday to Sunday, for one manager or the "
        "whole team, as an .xlsx (summary, visits, stage moves, overdue follow-ups) or a landscape PDF; or "
        "every customer the list screen shows for a search and filters, as an .xlsx.")
    kinds = p.add_subparsers(title="what", metavar="WHAT", dest="what", required=True)

    def store(q: argparse.ArgumentParser) -> None:
        if add_store_options is not None:
            add_store_options(q)
        else:
            q.add_argument("--db", metavar="PATH", help="the SQLite store to read")

    w = kinds.add_parser("weekly", help="the weekly visit report (周报) as .xlsx or .pdf",
                         description="One row per visit of the week holding --week (default: this week), "
                         "and the week's figures: visits per manager and per day, stage moves, offers made / "
                         "sent / won with their values, follow-ups overdue.")
    store(w)
    w.add_argument("--week", metavar="YYYY-MM-DD", help="any day of the week (default today)")
    w.add_argument("--owner", metavar="me|team|USER_ID", default="me",
                   help="whose report: this device's user (me, the default), the whole team, or a user's id")
    w.add_argument("--today", metavar="YYYY-MM-DD", help="overdue follow-ups are those due before this day "
                   "(default today)")
    w.add_argument("-o", "--output", required=True, metavar="OUT.xlsx|OUT.pdf", help="the file to write")
    w.set_defaults(func=cmd_weekly)

    c = kinds.add_parser("customers", help="the customer list as the list screen shows it, as .xlsx",
                         description="Every customer matching --query and the filters, in the list's order, "
                         "with its main columns.")
    store(c)
    c.add_argument("--query", metavar="Q", default="", help="the search as typed in the list (default: everyone)")
    c.add_argument("--industry", metavar="CODE", help="only this industry (its code, e.g. banking)")
    c.add_argument("--stage", metavar="CODE", help="only this stage (its code)")
    c.add_argument("--owner", metavar="me|USER_ID", help="only this manager's customers")
    c.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help="the file to write")
    c.set_defaults(func=cmd_customers)


def _store_path(args: argparse.Namespace) -> Path:
    if getattr(args, "db", None):
        return Path(args.db).expanduser()
    from workbench.cli import _store_path as default_path

    return default_path(args)


class _Refused(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")


def _day(value: str | None, option: str) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Refused(f"{option}: 日期应为 YYYY-MM-DD", f"must be a date YYYY-MM-DD, not {value!r}") from None


def _output(value: str, allowed: tuple[str, ...]) -> Path:
    out = Path(value).expanduser()
    if out.suffix.lower() not in allowed:
        raise _Refused(f"-o: 文件名应以 {' 或 '.join(allowed)} 结尾", f"must end in {' or '.join(allowed)}, not {value!r}")
    return out


def _open_and_run(args: argparse.Namespace, work: Any) -> int:
    from workbench.services.users import user_context
    from workbench.store.opening import open_existing

    store = open_existing(_store_path(args))  # never creates one; a damaged store: cli.main says it
    try:
        out = work(user_context(store))
    except _Refused as exc:
        print(f"导出失败 / export failed: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(json.dumps(out, ensure_ascii=False))
    return 0


def _user(ctx: Any, value: str, option: str) -> str:
    from workbench.services.users import list_users

    if value == "me":
        return str(ctx.user_id)
    if value not in {u.id for u in list_users(ctx.store)}:
        raise _Refused(f"{option}: 没有这个用户", f"no such user: {value!r} (me, team or a user's id)")
    return value


def cmd_weekly(args: argparse.Namespace) -> int:
    try:
        week, today = _day(args.week, "--week"), _day(args.today, "--today")
        out = _output(args.output, (".xlsx", ".pdf"))
    except _Refused as exc:
        print(f"导出失败 / export failed: {exc}", file=sys.stderr)
        return 2

    def work(ctx: Any) -> dict[str, Any]:
        from workbench.services import exports

        owner = None if args.owner == "team" else _user(ctx, args.owner, "--owner")
        report = exports.weekly_report(ctx, week_of=week, owner_id=owner, today=today)
        out.parent.mkdir(parents=True, exist_ok=True)
        pages = missing = None
        if out.suffix.lower() == ".pdf":
            rendered = exports.write_weekly_pdf(report, out)
            pages, missing = rendered.pages, "".join(rendered.missing)
            if missing:
                print(f"字体缺少字符, 将显示为方框 / the font lacks: {missing}", file=sys.stderr)
        else:
            exports.write_weekly_xlsx(report, out)
        return weekly_summary(report, out, pages=pages, missing=missing)

    return _open_and_run(args, work)


def weekly_summary(report: Any, out: Path, *, pages: int | None, missing: str | None) -> dict[str, Any]:
    """The JSON ``export weekly`` prints: the week, whose, the counts, the file."""
    summary: dict[str, Any] = {
        "file": str(out), "week_start": report.week_start.isoformat(), "week_end": report.week_end.isoformat(),
        "owner": report.owner_id or "team", "scope": report.scope, "visits": len(report.visits),
        "per_manager": {mw.name: mw.total for mw in report.managers},
        "per_day": dict(zip((d.isoformat() for d in report.days), report.per_day, strict=True)),
        "stage_moves": len(report.stage_moves),
        "offers": {o.kind: {"count": o.count, "monthly_total": str(o.monthly_total), "term_total": str(o.term_total)}
                   for o in report.offers},
        "overdue_follow_ups": len(report.overdue), "bytes": out.stat().st_size,
    }
    if pages is not None:
        summary["pages"], summary["missing"] = pages, missing
    return summary


def cmd_customers(args: argparse.Namespace) -> int:
    try:
        out = _output(args.output, (".xlsx",))
    except _Refused as exc:
        print(f"导出失败 / export failed: {exc}", file=sys.stderr)
        return 2

    def work(ctx: Any) -> dict[str, Any]:
        from workbench.services import exports
        from workbench.services.customers import industries
        from workbench.services.search import Filters
        from workbench.services.stages import list_stages

        if args.industry and args.industry not in {i.code for i in industries(ctx)}:
            raise _Refused("--industry: 没有这个行业代码", f"no such industry code: {args.industry!r}")
        if args.stage and args.stage not in {s.code for s in list_stages(ctx, include_inactive=True)}:
            raise _Refused("--stage: 没有这个阶段代码", f"no such stage code: {args.stage!r}")
        owner = _user(ctx, args.owner, "--owner") if args.owner else None
        filters = Filters(industry_code=args.industry, stage_code=args.stage, owner_id=owner)
        listing = exports.customer_list(ctx, query=args.query, filters=filters)
        out.parent.mkdir(parents=True, exist_ok=True)
        exports.write_customers_xlsx(listing, out)
        return {"file": str(out), "query": args.query, "industry": args.industry, "stage": args.stage,
                "owner": owner, "customers": len(listing.rows), "bytes": out.stat().st_size}

    return _open_and_run(args, work)


def run(argv: list[str]) -> int:
    """Parse ``argv`` (the arguments after ``export``) and run the command."""
    parser = argparse.ArgumentParser(prog="workbench")
    add_parser(parser.add_subparsers())
    args = parser.parse_args(["export", *argv])
    return int(args.func(args))
