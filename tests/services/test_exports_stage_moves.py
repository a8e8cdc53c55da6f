"""The weekly report's stage moves are moves: a customer entering the ladder (created in a
form at its stage, or imported at the first stage) is not one, whoever made it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from python_calamine import CalamineWorkbook

from tests.services.import_sheets import codes, write_xlsx
from workbench.domain.enums import STAGES
from workbench.services import customers, exports, importing, stages
from workbench.services.context import Context


def test_customers_entering_the_ladder_are_not_stage_moves(tmp_path: Path, ctx: Context) -> None:
    cc = codes(3)
    sheet = write_xlsx(tmp_path / "in.xlsx", [[f"导入单位{i}", cc[i], "银行", "", "", "", "", ""] for i in range(3)])
    imported = importing.commit_import(ctx, importing.preview_import(ctx, importing.read_sheet(sheet)))
    assert imported.customers_created == 3
    typed = customers.create_customer(ctx, values={"name": "表单单位", "industry_code": "education"},
                                      stage_code=STAGES[2].code)
    moved = stages.move_stage(ctx, customer_id=imported.customer_ids[0], to_code=STAGES[1].code, reason="约见成功")
    assert moved is not None and typed.stage_code == STAGES[2].code
    today = date.today()  # every event above was stamped with the real clock
    for owner in (None, ctx.user_id):
        report = exports.weekly_report(ctx, week_of=today, owner_id=owner, today=today)
        assert [(mv.customer, mv.from_stage, mv.to_stage, mv.reason) for mv in report.stage_moves] == [
            ("导入单位0", STAGES[0].zh, STAGES[1].zh, "约见成功")]
        assert report.stage_moves_to == ((STAGES[1].zh, 1),)
    out = exports.write_weekly_xlsx(report, tmp_path / "周报.xlsx")
    book = CalamineWorkbook.from_path(str(out))
    cells = [c for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python() for c in row]
    assert "阶段变化:共 1 次" in cells
