"""A sample proposal, priced by the engine from the shipped catalogue (no store needed).

Used by the benchmark, the tests and ``workbench proposal --sample``. ``lines`` sets how many
offer lines it has (cycling through the catalogue's products), so a 60-line proposal is one
call away.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from workbench.pricing import (
    load_catalogue,
    load_policy,
    parse_offer,
    price,
    quote_to_dict,
)
from workbench.proposals.content import Person, ProposalContent
from workbench.proposals.solution import solution_items
from workbench.proposals.terms import VALIDITY_DAYS, agreement_terms, state_label, within_authority

#: Recurring products that price cleanly in any combination (one-off and gift-only ones aside).
_SAMPLE_PRODUCTS = ("MOB-58", "MOB-98", "BB-1000M", "DIA-20M", "DIA-100M", "MSTP-2M", "MSTP-10M",
                    "WLAN-AP", "HOTLINE-4006", "BB-100M")


def sample_offer(lines: int = 8) -> dict[str, Any]:
    """A bank branch's offer with ``lines`` lines and the seed's prestore schemes."""
    offer_lines = []
    for i in range(lines):
        code = _SAMPLE_PRODUCTS[i % len(_SAMPLE_PRODUCTS)]
        quantity = 20 + (i * 7) % 60 if code.startswith("MOB") else 1 + i % 3
        line: dict[str, Any] = {"product": code, "quantity": quantity, "term_months": 36}
        if i >= len(_SAMPLE_PRODUCTS):
            line["note"] = f"第 {i // len(_SAMPLE_PRODUCTS) + 1} 期网点扩容 (分行营业部及下辖网点)"
        offer_lines.append(line)
    return {
        "format": "workbench-offer/1",
        "title": "招商银行深圳科技园支行 员工通信与网点组网一体化方案",
        "customer": {"name": "招商银行股份有限公司深圳科技园支行", "industry": "banking",
                     "member_joined": "2009-05-12", "at_risk": False, "mobile_lines": 160},
        "lines": offer_lines,
        "schemes": [
            {"scheme": "NETAGE-T1-OLD", "members": 30, "member_joined": "2009-05-12", "services": ["YXT"]},
            {"scheme": "NETAGE-T2", "members": 20, "held_schemes": ["NETAGE-T1-OLD"], "services": ["YXT"]},
        ],
    }


#: Who signed off the sample when its discount needs approval (by level).
_APPROVERS = {"needs_team_lead": "营销主管 朱镕基", "needs_hq": "总部 欧阳翀"}
_APPROVERS_EN = {"needs_team_lead": "Team lead 朱镕基", "needs_hq": "Headquarters 欧阳翀"}
#: When the sample is made on its day: 10:30 China Standard Time.
SAMPLE_TIME, CST = time(10, 30), timezone(timedelta(hours=8))


def sample_content(lines: int = 8, *, today: date = date(2026, 11, 24), lang: str = "zh",
                   made_at: datetime | None = None) -> ProposalContent:
    """A complete proposal for :func:`sample_offer` (``lines`` lines), priced as its account
    manager (李堃) would. Its state and approval line follow the authority verdict the sheet
    prints, as for a real offer: within the manager's authority (as the shipped policy has it)
    it is a draft that needed no approval; beyond it, approved by the approver of that level.
    ``lang`` "en": the sheet in English (what the catalogue and vocabulary have in English;
    names and notes as typed); ``made_at`` defaults to 10:30 CST on ``today``."""
    catalogue, policy = load_catalogue(), load_policy()
    quote = quote_to_dict(price(catalogue, policy, parse_offer(sample_offer(lines)), role="manager", today=today))
    level = quote["authority"]["level"]
    en = lang == "en"
    if level == "within":
        state, approval = "draft", within_authority(lang)
    elif en:
        state = "approved"
        approval = f"Approved by {_APPROVERS_EN.get(level, _APPROVERS_EN['needs_hq'])} on {today - timedelta(days=1)}"
    else:
        state = "approved"
        approval = f"{_APPROVERS.get(level, _APPROVERS['needs_hq'])} 于 {today - timedelta(days=1)} 审批通过"
    return ProposalContent(
        number=f"FA-{today:%Y%m%d}-7F3A-0001-V1",
        title="招商银行深圳科技园支行 员工通信与网点组网一体化方案",
        issued_on=today, valid_until=today + timedelta(days=VALIDITY_DAYS),
        customer_name="招商银行股份有限公司深圳科技园支行", industry="Banking" if en else "银行",
        customer_address="深圳市南山区科技园科苑路 15 号科兴科学园 B 栋 1 楼",
        key_person=Person("王喆", "信息科技部总经理", "0755-26881234", "wangzhe@example.com"),
        manager=Person("李堃", "Group account manager" if en else "集团客户经理", "13800138000", "likun@example.com"),
        team="深圳分公司 政企客户部 金融行业组",
        needs=(
            "网点与分行之间的数据专线要稳定, 断线会直接影响柜面业务 (张昇, 运维主管)",
            "员工手机费用由各网点分别报销, 希望统一付费、统一管理",
            "新开网点需要一周内开通网络, 目前供应商要三到四周",
        ),
        solution=solution_items(catalogue, quote, "banking", lang),
        quote=quote, state=state, state_label=state_label(state, lang), approval=approval,
        terms=agreement_terms(36, lang=lang), lang=lang,
        made_at=datetime.combine(today, SAMPLE_TIME, CST) if made_at is None else made_at,
    )
