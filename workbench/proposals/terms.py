"""The proposal's terms, drawn from the group-customer service agreement (集团客户服务协议),
and the Chinese labels of offer states as printed on the sheet."""

from __future__ import annotations

from workbench.proposals.content import Term

#: Offer states as printed (the approval state on the sheet).
STATE_LABELS: dict[str, str] = {
    "draft": "草稿", "needs_approval": "待审批", "approved": "已批准", "rejected": "已驳回",
    "sent": "已提交客户", "won": "已成交", "lost": "未成交",
}

#: The approval line of an offer whose discounts are within the account manager's authority.
WITHIN_AUTHORITY = "方案优惠在客户经理权限之内"

#: How long a proposal's prices hold, from its date (days).
VALIDITY_DAYS = 30


_YEARS = {12: "一年", 24: "两年", 36: "三年", 48: "四年", 60: "五年"}


def term_wording(term_months: int) -> str:
    """A term as printed: whole years of 12/24/36/48/60 months in words ("三年"), any other
    term in months ("18 个月")."""
    return _YEARS.get(term_months, f"{term_months} 个月")


def agreement_terms(term_months: int, *, recurring: bool = True) -> tuple[Term, ...]:
    """The agreement's clauses that a proposal repeats (seed: articles 二.4, 二.5, 四.1, 五).

    ``term_months`` is the longest term of the offer's lines. An offer without a recurring
    line (``recurring=False``, or a term of 0: every line one-off) has no term and no
    automatic renewal: its first clause is the one-off project's warranty instead."""
    late = "逾期缴纳的, 每逾期一日按所欠费用的 0.3% 收取违约金。"
    if recurring and term_months > 0:
        first = Term("合约期", f"本方案合约期为{_spaced(term_wording(term_months))}, 自业务开通之日起计算。"
                              "合约期满前双方均未提出书面终止的, 协议自动续期一年, 续期条件不变。")
        paying = Term("费用与缴纳", "费用以乙方计费系统统计为准, 甲方应于每月月底前缴纳上月费用。" + late)
    else:
        first = Term("质保与服务", "本方案为一次性项目, 自验收之日起提供一年质保与服务支持。")
        paying = Term("费用与缴纳", "费用于项目验收后按乙方出具的账单缴纳。" + late)
    return (
        first,
        paying,
        Term("费用异议", "甲方对费用有异议的, 须于乙方公布相关费用之日起 60 日内提出。"),
        Term("联系人", "甲方指定一名联系人负责双方的信息传递与业务协调; 联系人变更须以书面形式通知乙方。"),
        Term("保密", "双方对通过本业务获得的用户资料及本方案、协议的具体内容负有保密责任, "
                    "未经对方书面同意不得向第三方披露。"),
        Term("方案说明", "本方案所列价格为方案有效期内的优惠价格, 最终以双方签署的业务协议为准。"),
    )


def _spaced(wording: str) -> str:
    """A space before a wording that starts with a figure ("为 18 个月", but "为三年")."""
    return f" {wording}" if wording[:1].isdigit() else wording
