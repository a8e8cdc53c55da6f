"""Import columns: what a sheet column can feed, the headers it is guessed from, and how a
cell (as python-calamine or the CSV reader gives it) becomes a value for the field cleaners.

The conversion only undoes what a spreadsheet does to a value (integers read as floats,
dates as cells, labels instead of codes); the rules themselves stay in
:mod:`workbench.services.fields` and :mod:`workbench.domain`, applied after this.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any

from workbench.domain.enums import BehaviourStyle, CuteRole, RiskLevel, ValueGrade
from workbench.domain.errors import FieldError, ValidationError


@dataclass(frozen=True, slots=True)
class Target:
    """One thing a column can feed: a customer field or a contact field."""

    key: str  # the mapping's name for it: "name", "contact_mobile"
    entity: str  # "customer" or "contact"
    field: str  # the field in services.fields.CUSTOMER / CONTACT
    zh: str
    en: str
    kind: str  # text, int, date, bool, choice, industry
    aliases: tuple[str, ...] = ()
    enum: type[Enum] | None = None


def _t(key: str, zh: str, en: str, kind: str, aliases: str, enum: type[Enum] | None = None) -> Target:
    entity = "contact" if key.startswith("contact_") else "customer"
    field = key.removeprefix("contact_") if entity == "contact" else key
    field = "industry_code" if key == "industry" else field
    return Target(key, entity, field, zh, en, kind, tuple(a for a in aliases.split("|") if a), enum)


#: Every target, in the order a preview lists them. Aliases are compared normalised
#: (:func:`normalise_header`); a header equal to one is that target.
TARGETS: tuple[Target, ...] = (
    _t("name", "客户名称", "Customer name", "text",
       "名称|客户名称|客户|单位|单位名称|企业|企业名称|公司|公司名称|集团名称|集团客户|集团客户名称|机构名称|客户全称"
       "|name|customer|customername|company|companyname|organisation|organization|account|accountname"),
    _t("short_name", "简称", "Short name", "text", "简称|客户简称|单位简称|shortname|abbreviation|alias"),
    _t("credit_code", "统一社会信用代码", "Credit code", "text",
       "统一社会信用代码|社会信用代码|信用代码|统一代码|税号|纳税人识别号|uscc|creditcode|socialcreditcode"
       "|unifiedsocialcreditcode|taxid"),
    _t("industry", "行业", "Industry", "industry", "行业|所属行业|行业类别|行业分类|industry|sector"),
    _t("region", "地区", "Region", "text", "地区|区域|所属区域|所属地区|城市|区县|region|area|city|district"),
    _t("address", "地址", "Address", "text", "地址|单位地址|公司地址|详细地址|办公地址|address"),
    _t("employees", "员工数", "Employees", "int", "员工数|员工人数|人数|规模|职工人数|employees|headcount|staff"),
    _t("mobile_lines", "手机线数", "Mobile lines", "int", "手机线数|移动号码数|手机号码数|号码数|mobilelines|lines"),
    _t("value_grade", "价值等级", "Value grade", "choice", "价值等级|客户等级|等级|valuegrade|grade", ValueGrade),
    _t("churn_risk", "流失风险", "Churn risk", "choice", "流失风险|风险|churnrisk|risk", RiskLevel),
    _t("current_provider", "现有运营商", "Current provider", "text",
       "现有运营商|运营商|当前运营商|currentprovider|provider|carrier"),
    _t("competitors", "竞争对手", "Competitors", "text", "竞争对手|竞争对手情况|competitors|competition"),
    _t("competitor_contract_end", "竞争对手合同到期", "Competitor contract end", "date",
       "竞争对手合同到期|合同到期|合同到期日|到期日|contractend|contractenddate"),
    _t("notes", "备注", "Notes", "text", "备注|客户备注|说明|notes|note|remarks|comment"),
    _t("contact_name", "联系人", "Contact", "text",
       "联系人|联系人姓名|姓名|关键人|对接人|contact|contactname|contactperson|person"),
    _t("contact_title", "职务", "Title", "text", "职务|职位|岗位|联系人职务|title|jobtitle|position"),
    _t("contact_department", "部门", "Department", "text", "部门|所在部门|联系人部门|department|dept"),
    _t("contact_mobile", "手机", "Mobile", "text",
       "手机|手机号|手机号码|移动电话|联系人手机|联系手机|mobile|mobilephone|cell|cellphone"),
    _t("contact_phone", "电话", "Phone", "text",
       "电话|座机|固定电话|办公电话|联系电话|联系人电话|phone|tel|telephone|officephone|landline"),
    _t("contact_email", "邮箱", "E-mail", "text", "邮箱|电子邮箱|电子邮件|联系人邮箱|email|e-mail|mail"),
    _t("contact_cute_role", "角色", "Buying role", "choice", "角色|采购角色|cute|buyingrole|cuterole", CuteRole),
    _t("contact_behaviour_style", "行为风格", "Behaviour style", "choice",
       "行为风格|处事风格|行为处事风格|风格|behaviourstyle|behaviorstyle|style", BehaviourStyle),
    _t("contact_is_key_person", "是否关键人", "Key person", "bool", "是否关键人|关键决策人|keyperson|iskeyperson"),
    _t("contact_birthday", "生日", "Birthday", "date", "生日|出生日期|birthday|dateofbirth|dob"),
    _t("contact_notes", "联系人备注", "Contact notes", "text", "联系人备注|contactnotes|contactremarks"),
)
BY_KEY: dict[str, Target] = {t.key: t for t in TARGETS}
REQUIRED = ("name",)
_ALIASES: dict[str, str] = {a: t.key for t in TARGETS for a in (t.aliases + (t.zh, t.en))}
_BRACKETS = re.compile(r"[(\[【<].*?[)\]】>]")
_SPACES = re.compile(r"[\s*＊:：._/\\-]+")
#: A header holding one of these is not guessed from a part of it ("客户经理" is no customer name).
_NEVER_GUESSED = ("经理", "负责人", "归属", "编号", "序号", "manager", "owner")


def normalise_header(header: str) -> str:
    """Compare headers without width, case, spaces, ``*`` marks or a bracketed note."""
    text = unicodedata.normalize("NFKC", str(header)).lower()
    text = _BRACKETS.sub("", text)
    return _SPACES.sub("", text)


def _norm_alias(alias: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", alias).lower())


_NORM_ALIASES: dict[str, str] = {_norm_alias(a): k for a, k in _ALIASES.items()}


def guess_target(header: str) -> str | None:
    """The target a header names: an alias exactly, else the longest alias it contains."""
    norm = normalise_header(header)
    if not norm:
        return None
    if norm in _NORM_ALIASES:
        return _NORM_ALIASES[norm]
    if any(word in norm for word in _NEVER_GUESSED):
        return None
    hits = [a for a in _NORM_ALIASES if len(a) >= 2 and a in norm]
    return _NORM_ALIASES[max(hits, key=len)] if hits else None


def guess_columns(headers: Sequence[str]) -> tuple[str | None, ...]:
    """One target (or None) per column; a target goes to the first column naming it."""
    taken: set[str] = set()
    out: list[str | None] = []
    for h in headers:
        key = guess_target(h)
        if key is not None and key in taken:
            key = None
        if key is not None:
            taken.add(key)
        out.append(key)
    return tuple(out)


# -- cells -> values ------------------------------------------------------------------------

_TRUE = {"是", "y", "yes", "true", "1", "√", "✓", "对", "t"}
_FALSE = {"否", "n", "no", "false", "0", "×", "x", "不是", "f"}
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_EXCEL_EPOCH = date(1899, 12, 30)
#: Integers past this lose digits as a spreadsheet number (IEEE double: 15 safe digits).
_SAFE_DIGITS = 15


def _fail(target: Target, zh: str, en: str) -> ValidationError:
    return ValidationError(FieldError(target.field, zh, en))


def is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _as_text(target: Target, cell: Any) -> str:
    if isinstance(cell, str):
        return cell
    if isinstance(cell, bool):
        return "是" if cell else "否"
    if isinstance(cell, (date, time, timedelta)):  # datetime is a date
        raise _fail(target, f"单元格是日期/时间({cell}),此列应为文本:请把单元格格式设为“文本”后重新输入",
                    f"the cell is a date or time ({cell}) but this column is text: format the cells as Text "
                    f"and type the value again")
    if isinstance(cell, float) and cell.is_integer():
        if len(str(int(abs(cell)))) > _SAFE_DIGITS:
            raise _fail(target, f"数字 {cell:.0f} 超过15位,Excel 已丢失末尾的数字:请把此列设为“文本”格式后重新输入",
                        f"the number {cell:.0f} has more than 15 digits and the spreadsheet dropped its last "
                        f"ones: format the column as Text and type the values again")
        return str(int(cell))
    return str(cell)


def _as_int(target: Target, cell: Any) -> int:
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, int) and not isinstance(cell, bool):
        return cell
    text = unicodedata.normalize("NFKC", str(cell)).replace(",", "").replace(" ", "")
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if number.is_integer():
        return int(number)
    raise _fail(target, f"应为整数,而不是 {cell!r}", f"must be a whole number, not {cell!r}")


def _as_date(target: Target, cell: Any) -> Any:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, float) and cell.is_integer() and 1 <= cell < 2958466:
        return _EXCEL_EPOCH + timedelta(days=int(cell))  # a date cell without a date format
    text = unicodedata.normalize("NFKC", str(cell)).strip()
    m = _DATE_TEXT.match(text) or _DATE_COMPACT.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
        raise _fail(target, f"没有这一天:{text!r}", f"no such day: {text!r}")
    return text  # the field's cleaner refuses it with its own message


def _as_bool(target: Target, cell: Any) -> bool:
    if isinstance(cell, bool):
        return cell
    text = _as_text(target, cell).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _fail(target, f"应填“是”或“否”,而不是 {text!r}", f"must be yes or no, not {text!r}")


def _choice_names(member: Any) -> set[str]:
    names = {member.value, member.zh, member.en, _BRACKETS.sub("", member.zh)}
    return {normalise_header(n) for n in names if n}


def _as_choice(target: Target, cell: Any) -> str:
    text = _as_text(target, cell).strip()
    norm = normalise_header(text)
    assert target.enum is not None
    for member in target.enum:
        if norm in _choice_names(member) or norm == normalise_header(f"{member.value}级"):
            return str(member.value)
    return text  # the field's cleaner refuses it and lists the codes


def industry_lookup(industries: Sequence[Any]) -> dict[str, str]:
    """Normalised code, Chinese and English name -> code, from the store's industries."""
    out: dict[str, str] = {}
    for i in industries:
        for name in (i.code, i.name_zh, i.name_en):
            out.setdefault(normalise_header(name), i.code)
    return out


def _as_industry(target: Target, cell: Any, industries: Mapping[str, str]) -> str:
    text = _as_text(target, cell).strip()
    code = industries.get(normalise_header(text))
    if code is None:
        names = "、".join(sorted({k for k in industries if not k.isascii()}))
        raise _fail(target, f"未知行业:{text!r}(可填行业名称或代码,如:{names})",
                    f"unknown industry {text!r} (write an industry's Chinese or English name or its code)")
    return code


def cell_value(target: Target, cell: Any, industries: Mapping[str, str]) -> Any:
    """The value of a non-empty ``cell`` for ``target``'s field cleaner; raises ValidationError
    (named after the field) for what a cleaner could not explain as well."""
    kind = target.kind
    if kind == "int":
        return _as_int(target, cell)
    if kind == "date":
        return _as_date(target, cell)
    if kind == "bool":
        return _as_bool(target, cell)
    if kind == "choice":
        return _as_choice(target, cell)
    if kind == "industry":
        return _as_industry(target, cell, industries)
    return _as_text(target, cell)


def show(cell: Any) -> str:
    """A cell as the user saw it, for the error report."""
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    if isinstance(cell, datetime) and cell.time() == time():
        return cell.date().isoformat()
    if isinstance(cell, (date, time)):
        return cell.isoformat()
    return "" if cell is None else str(cell)
