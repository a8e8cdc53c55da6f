"""The proposal's terms, drawn from the group-customer service agreement (集团客户服务协议),
and the labels of offer states as printed on the sheet, in Chinese and in English."""

from __future__ import annotations

from workbench.proposals.content import Term

#: Offer states as printed (the approval state on the sheet).
STATE_LABELS: dict[str, str] = {
    "draft": "草稿", "needs_approval": "待审批", "approved": "已批准", "rejected": "已驳回",
    "sent": "已提交客户", "won": "已成交", "lost": "未成交",
}

STATE_LABELS_EN: dict[str, str] = {
    "draft": "Draft", "needs_approval": "Awaiting approval", "approved": "Approved", "rejected": "Rejected",
    "sent": "Sent to the client", "won": "Won", "lost": "Lost",
}

#: The approval line of an offer whose discounts are within the account manager's authority.
WITHIN_AUTHORITY = "方案优惠在客户经理权限之内"
WITHIN_AUTHORITY_EN = "The offer's discounts are within the account manager's authority"


def state_label(state: str, lang: str = "zh") -> str:
    """An offer state as the sheet prints it in ``lang`` (an unknown state as its code)."""
    return (STATE_LABELS_EN if lang == "en" else STATE_LABELS).get(state, state)


def within_authority(lang: str = "zh") -> str:
    return WITHIN_AUTHORITY_EN if lang == "en" else WITHIN_AUTHORITY

#: How long a proposal's prices hold, from its date (days).
VALIDITY_DAYS = 30


_YEARS = {12: "一年", 24: "两年", 36: "三年", 48: "四年", 60: "五年"}
_YEARS_EN = {12: "one year", 24: "two years", 36: "three years", 48: "four years", 60: "five years"}


def term_wording(term_months: int, lang: str = "zh") -> str:
    """A term as printed: whole years of 12/24/36/48/60 months in words ("三年", "three
    years"), any other term in months ("18 个月", "18 months")."""
    if lang == "en":
        return _YEARS_EN.get(term_months, f"{term_months} months")
    return _YEARS.get(term_months, f"{term_months} 个月")


def agreement_terms(term_months: int, *, recurring: bool = True, lang: str = "zh") -> tuple[Term, ...]:
    """The agreement's clauses that a proposal repeats (seed: articles 二.4, 二.5, 四.1, 五).

    ``term_months`` is the longest term of the offer's lines. An offer without a recurring
    line (``recurring=False``, or a term of 0: every line one-off) has no term and no
    automatic renewal: its first clause is the one-off project's warranty instead. ``lang``
    "en": the same clauses in English."""
    if lang == "en":
        return _agreement_terms_en(term_months, recurring=recurring)
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


def _agreement_terms_en(term_months: int, *, recurring: bool) -> tuple[Term, ...]:
    late = " Late payment bears a penalty of 0.3% of the amount due per day of delay."
    if recurring and term_months > 0:
        first = Term("Term", f"This proposal's term is {term_wording(term_months, 'en')}, from the day the "
                             "service is activated. Unless either party gives written notice of termination "
                             "before it ends, the agreement renews for one year on the same conditions.")
        paying = Term("Charges and payment", "Charges are as counted by Party B's billing system; Party A pays "
                                             "each month's charges by the end of the following month." + late)
    else:
        first = Term("Warranty and service", "This proposal is a one-off project: one year of warranty and "
                                             "service support from the day it is accepted.")
        paying = Term("Charges and payment", "Charges are paid on Party B's invoice after the project is "
                                             "accepted." + late)
    return (
        first,
        paying,
        Term("Disputed charges", "Party A raises any dispute over charges within 60 days of the day Party B "
                                 "publishes them."),
        Term("Contact person", "Party A names one contact person for the exchange of information and the "
                               "coordination of the service; a change of contact is notified to Party B in "
                               "writing."),
        Term("Confidentiality", "Both parties keep confidential the user data obtained through the service and "
                                "the details of this proposal and of the agreement, and disclose none of them "
                                "to a third party without the other party's written consent."),
        Term("About this proposal", "The prices listed are the offer's prices while the proposal is valid; the "
                                    "service agreement signed by both parties prevails."),
    )


def _spaced(wording: str) -> str:
    """A space before a wording that starts with a figure ("为 18 个月", but "为三年")."""
    return f" {wording}" if wording[:1].isdigit() else wording
