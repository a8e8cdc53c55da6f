"""The vocabularies of the seed documents, with Chinese and English labels.

Values are stable codes stored in the database and sent over sync; labels are for display.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a Chinese and an English label."""

    zh: str
    en: str

    def __new__(cls, value: str, zh: str = "", en: str = "") -> LabelledEnum:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.zh = zh
        obj.en = en
        return obj

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


class Role(LabelledEnum):
    MANAGER = ("manager", "客户经理", "Account manager")
    TEAM_LEAD = ("team_lead", "营销主管", "Team lead")
    HQ = ("hq", "总部", "Headquarters")


class CuteRole(LabelledEnum):
    """Buying roles of the course material (CUTE)."""

    COACH = ("coach", "教练", "Coach")
    USER = ("user", "用户", "User")
    TECHNICAL = ("technical", "技术把关者", "Technical buyer")
    ECONOMIC = ("economic", "关键决策者", "Economic buyer")


class BehaviourStyle(LabelledEnum):
    """行为处事风格: the four social styles."""

    DRIVER = ("driver", "支配型", "Driver")
    EXPRESSIVE = ("expressive", "表现型", "Expressive")
    AMIABLE = ("amiable", "和蔼型", "Amiable")
    ANALYTICAL = ("analytical", "分析型", "Analytical")


class ScoreKind(LabelledEnum):
    """客户关系种类: the three relationship kinds, each scored 0..10 over time."""

    CLOSENESS = ("closeness", "亲近度", "Closeness")
    TRUST = ("trust", "信任度", "Trust")
    FAVOUR = ("favour", "人情", "Personal favour")


SCORE_MIN, SCORE_MAX = 0, 10


class VisitKind(LabelledEnum):
    ONSITE = ("onsite", "上门拜访", "On-site visit")
    PHONE = ("phone", "电话", "Phone call")
    DEMO = ("demo", "演示", "Demo")
    NEGOTIATION = ("negotiation", "谈判", "Negotiation")
    EVENT = ("event", "活动", "Event")
    AFTER_SALES = ("after_sales", "回访", "After-sales call")


class ValueGrade(LabelledEnum):
    A = ("A", "A 级(重要)", "A (key)")
    B = ("B", "B 级", "B")
    C = ("C", "C 级", "C")
    D = ("D", "D 级", "D")


class RiskLevel(LabelledEnum):
    LOW = ("low", "低", "Low")
    MEDIUM = ("medium", "中", "Medium")
    HIGH = ("high", "高", "High")


class Loyalty(LabelledEnum):
    HIGH = ("high", "忠诚度高(关系与安全驱动)", "High loyalty (relationship, security)")
    LOW = ("low", "忠诚度低(服务质量驱动)", "Low loyalty (service quality)")
    MEDIUM = ("medium", "一般", "Average")


class Motive(LabelledEnum):
    INFORMATISATION = ("informatisation", "国家信息化要求", "National informatisation")
    COMPETITIVENESS = ("competitiveness", "提升竞争力", "Competitiveness")
    OTHER = ("other", "其他", "Other")


class Provider(LabelledEnum):
    UNICOM = ("unicom", "中国联通", "China Unicom")
    MOBILE = ("mobile", "中国移动", "China Mobile")
    TELECOM = ("telecom", "中国电信", "China Telecom")
    OTHER = ("other", "其他", "Other")


@dataclass(frozen=True, slots=True)
class IndustryDefault:
    """An industry and the seed's hints about it (editable defaults, stored in the database)."""

    code: str
    zh: str
    en: str
    key: bool
    price_sensitive: bool
    decides_on_references: bool
    loyalty: Loyalty
    motive: Motive


_L, _M = Loyalty, Motive
#: The twelve key industries of the seed (重点行业), then the non-key ones.
INDUSTRIES: tuple[IndustryDefault, ...] = (
    IndustryDefault("government", "政府", "Government", True, False, True, _L.HIGH, _M.INFORMATISATION),
    IndustryDefault("banking", "银行", "Banking", True, False, True, _L.LOW, _M.COMPETITIVENESS),
    IndustryDefault("education", "教育", "Education", True, True, False, _L.HIGH, _M.INFORMATISATION),
    IndustryDefault("healthcare", "医院", "Healthcare", True, True, False, _L.HIGH, _M.INFORMATISATION),
    IndustryDefault("transport", "交通", "Transport", True, False, False, _L.MEDIUM, _M.OTHER),
    IndustryDefault("tax", "税务", "Tax", True, False, True, _L.HIGH, _M.INFORMATISATION),
    IndustryDefault("petrochemicals", "石化", "Petrochemicals", True, False, False, _L.MEDIUM, _M.COMPETITIVENESS),
    IndustryDefault("logistics", "物流", "Logistics", True, False, False, _L.LOW, _M.OTHER),
    IndustryDefault("securities", "证券", "Securities", True, True, False, _L.LOW, _M.COMPETITIVENESS),
    IndustryDefault("insurance", "保险", "Insurance", True, False, True, _L.MEDIUM, _M.OTHER),
    IndustryDefault("customs", "海关", "Customs", True, False, False, _L.HIGH, _M.OTHER),
    IndustryDefault("electronics", "电子制造", "Electronics manufacturing", True, True, False, _L.LOW, _M.COMPETITIVENESS),
    IndustryDefault("media", "新闻出版媒体", "News, publishing, media", False, False, False, _L.MEDIUM, _M.OTHER),
    IndustryDefault("hotels", "连锁酒店", "Hotel chains", False, False, False, _L.MEDIUM, _M.OTHER),
    IndustryDefault("other", "其他", "Other", False, False, False, _L.MEDIUM, _M.OTHER),
)
INDUSTRY_CODES: frozenset[str] = frozenset(i.code for i in INDUSTRIES)
KEY_INDUSTRY_CODES: tuple[str, ...] = tuple(i.code for i in INDUSTRIES if i.key)


@dataclass(frozen=True, slots=True)
class StageDefault:
    code: str
    zh: str
    en: str
    position: int
    group_zh: str
    group_en: str
    side: bool = False  # a side state (dormant, lost), outside the ladder


#: 客户挖掘五步法; step 5 (加强关系) split into the four strategies of 提升客户关系.
STAGES: tuple[StageDefault, ...] = (
    StageDefault("target_market", "选择市场", "Target market", 1, "选择市场", "Target market"),
    StageDefault("prospect", "发现潜在客户", "Prospect found", 2, "发现潜在客户", "Prospect found"),
    StageDefault("background", "客户背景调查", "Background researched", 3, "客户背景调查", "Background researched"),
    StageDefault("approach", "接近约见", "Approached / first meeting", 4, "接近约见", "Approached"),
    StageDefault("build", "建关系", "Build the relationship", 5, "加强关系", "Relationship"),
    StageDefault("deepen", "做关系", "Deepen the relationship", 6, "加强关系", "Relationship"),
    StageDefault("fill", "拉关系", "Fill up the relationship", 7, "加强关系", "Relationship"),
    StageDefault("leverage", "用关系", "Leverage the relationship", 8, "加强关系", "Relationship"),
    StageDefault("dormant", "休眠", "Dormant", 90, "休眠/流失", "Dormant/lost", side=True),
    StageDefault("lost", "流失", "Lost", 91, "休眠/流失", "Dormant/lost", side=True),
)
FIRST_STAGE = STAGES[0].code
