"""The proposal's terms, drawn from the group-customer service agreement (集团客户服务协议),
and the Chinese labels of offer states as printed on the sheet."""

from __future__ import annotations

from workbench.proposals.content import Term

#: Offer states as printed (the approval state on the sheet).
STATE_LABELS: dict[str, str] = {
    "draft": "草稿", "needs_approval": "待审批", "approved": "已审批", "rejected": "已驳回",
    "sent": "已提交客户", "won": "已成交", "lost": "未成交",
}

#: How long a proposal's prices hold, from its date (days).
VALIDITY_DAYS = 30


def agreement_terms(term_months: int) -> tuple[Term, ...]:
    """The agreement's clauses that a proposal repeats (seed: articles 二.4, 二.5, 四.1, 五)."""
    years = "一年" if term_months <= 12 else f"{term_months} 个月"
    return (
        Term("合约期", f"本方案合约期为{years}, 自业务开通之日起计算。合约期满前双方均未提出书面终止的, "
                      "协议自动续期一年, 续期条件不变。"),
        Term("费用与缴纳", "费用以乙方计费系统统计为准, 甲方应于每月月底前缴纳上月费用。"
                          "逾期缴纳的, 每逾期一日按所欠费用的 0.3% 收取违约金。"),
        Term("费用异议", "甲方对费用有异议的, 须于乙方公布相关费用之日起 60 日内提出。"),
        Term("联系人", "甲方指定一名联系人负责双方的信息传递与业务协调; 联系人变更须以书面形式通知乙方。"),
        Term("保密", "双方对通过本业务获得的用户资料及本方案、协议的具体内容负有保密责任, "
                    "未经对方书面同意不得向第三方披露。"),
        Term("方案说明", "本方案所列价格为方案有效期内的优惠价格, 最终以双方签署的业务协议为准。"),
    )
