"""The catalogue and the pricing policy as frozen dataclasses (loaded from data by ``loader``).

Nothing here computes a price: these are the facts HQ publishes — products with list prices
and floors, discount tiers, bundle gifts, prestore/rebate schemes and discount authority.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Text:
    """A text in Chinese and English."""

    zh: str
    en: str


#: Billing units: per line per month, per circuit per month, one-off.
UNITS: dict[str, Text] = {
    "line_month": Text("元/线/月", "per line per month"),
    "circuit_month": Text("元/条/月", "per circuit per month"),
    "one_off": Text("元/次", "one-off"),
}
RECURRING_UNITS = frozenset({"line_month", "circuit_month"})

#: The roles of the discount authority ladder, lowest first (as ``workbench.domain.enums.Role``).
ROLES = ("manager", "team_lead", "hq")

#: Product categories of the seed's catalogue.
CATEGORIES: dict[str, Text] = {
    "mobile": Text("移动集团套餐", "Mobile group plans"),
    "broadband": Text("宽带", "Broadband"),
    "dedicated_internet": Text("互联网专线", "Dedicated internet line"),
    "circuit": Text("MSTP/SDH 电路", "MSTP/SDH circuit"),
    "wlan": Text("WLAN", "WLAN"),
    "managed_network": Text("网络管家", "Managed network"),
    "school_messaging": Text("家校通", "School-home messaging"),
    "hotline": Text("4006 企业热线", "4006 enterprise hotline"),
    "ict": Text("ICT 项目", "ICT project"),
    "data_card": Text("WCDMA/3G 上网卡", "WCDMA/3G data card"),
    "service": Text("增值服务", "Service"),
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A reference case (成功案例) for FABE's E, by industry code."""

    industry: str
    customer: Text
    story: Text
    illustrative: bool


@dataclass(frozen=True, slots=True)
class Fabe:
    feature: Text
    advantage: Text
    benefit: Text
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Product:
    code: str
    name: Text
    category: str
    unit: str
    list_price: Decimal
    installation_fee: Decimal
    min_term_months: int
    price_floor: Decimal
    max_quantity: int
    fabe: Fabe

    @property
    def recurring(self) -> bool:
        return self.unit in RECURRING_UNITS


@dataclass(frozen=True, slots=True)
class Catalogue:
    version: str
    valid_from: date
    valid_to: date
    illustrative: bool
    note: Text
    products: tuple[Product, ...]
    _index: dict[str, Product] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {p.code: p for p in self.products})

    def product(self, code: str) -> Product | None:
        return self._index.get(code)


@dataclass(frozen=True, slots=True)
class Tier:
    """A step of a tier table: from ``threshold`` (months, quantity, categories) on, ``percent`` off."""

    threshold: int
    percent: Decimal


@dataclass(frozen=True, slots=True)
class TierTable:
    """Term, quantity or bundle tiers. ``categories`` empty means every recurring category."""

    id: str
    name: Text
    tiers: tuple[Tier, ...]
    categories: frozenset[str] = frozenset()

    def tier_for(self, value: int) -> Tier | None:
        """The highest tier whose threshold ``value`` reaches (tiers are sorted ascending)."""
        found = None
        for tier in self.tiers:
            if value >= tier.threshold:
                found = tier
        return found

    def applies_to(self, category: str) -> bool:
        return not self.categories or category in self.categories

    @property
    def max_percent(self) -> Decimal:
        return max((t.percent for t in self.tiers), default=Decimal(0))


@dataclass(frozen=True, slots=True)
class AtRiskDiscount:
    """Extra discount for large customers at risk of leaving (流失风险大客户)."""

    id: str
    name: Text
    percent: Decimal
    min_mobile_lines: int


@dataclass(frozen=True, slots=True)
class GiftItem:
    product: str
    quantity_each: int
    max_quantity: int | None


@dataclass(frozen=True, slots=True)
class GiftRule:
    """Bundle gift (捆绑赠送): an offer line of one of ``when_products`` brings ``gives`` free."""

    id: str
    name: Text
    when_products: frozenset[str]
    gives: tuple[GiftItem, ...]


@dataclass(frozen=True, slots=True)
class Goods:
    code: str
    name: Text


@dataclass(frozen=True, slots=True)
class Scheme:
    """A prestore/rebate scheme (预存话费回馈): prestore = rebate x term + free credit."""

    code: str
    name: Text
    valid_from: date
    valid_to: date
    joined_from: date | None
    joined_before: date | None
    prestore: Decimal
    rebate_monthly: Decimal
    term_months: int
    free_credit: Decimal
    minimum_monthly_spend: Decimal | None
    refundable: bool | None
    gift: Goods
    requires_services: tuple[str, ...]
    requires_any_scheme: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AuthorityLimit:
    """价格优惠权限: the deepest discount off list (per cent) a role may grant on any line."""

    role: str
    name: Text
    max_discount_percent: Decimal


@dataclass(frozen=True, slots=True)
class Policy:
    version: str
    valid_from: date
    valid_to: date
    illustrative: bool
    note: Text
    max_term_months: int
    max_lines: int
    term_tiers: TierTable
    quantity_tiers: tuple[TierTable, ...]
    bundle: TierTable
    at_risk: AtRiskDiscount
    gifts: tuple[GiftRule, ...]
    schemes: tuple[Scheme, ...]
    authority: tuple[AuthorityLimit, ...]  # ascending: manager, team lead, HQ
    _index: dict[str, Scheme] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {s.code: s for s in self.schemes})

    def scheme(self, code: str) -> Scheme | None:
        return self._index.get(code)

    def limit(self, role: str) -> AuthorityLimit | None:
        return next((a for a in self.authority if a.role == role), None)

    def max_automatic_percent(self, category: str) -> Decimal:
        """The deepest discount the policy alone can give a recurring line of ``category``."""
        qty = max((t.max_percent for t in self.quantity_tiers if t.applies_to(category)), default=Decimal(0))
        bundle = self.bundle.max_percent if self.bundle.applies_to(category) else Decimal(0)
        term = self.term_tiers.max_percent if self.term_tiers.applies_to(category) else Decimal(0)
        return term + qty + bundle + self.at_risk.percent
