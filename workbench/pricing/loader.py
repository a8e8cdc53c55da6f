"""Reading the catalogue and the policy from JSON data (the only I/O of the pricing engine).

:func:`load_catalogue` and :func:`load_policy` read a file (by default the illustrative
defaults shipped in ``workbench.resources/catalogue/``); :func:`parse_catalogue` and
:func:`parse_policy` build the dataclasses from already-decoded JSON (a store or the sync
server can hand them the same documents). Bad data is refused with a
:class:`~workbench.domain.errors.ValidationError` naming the field (``products[3].price_floor``).
"""

from __future__ import annotations

import json
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

from workbench.domain.enums import INDUSTRY_CODES
from workbench.domain.errors import FieldError
from workbench.pricing.model import (
    CATEGORIES,
    ROLES,
    UNITS,
    AtRiskDiscount,
    AuthorityLimit,
    Catalogue,
    Evidence,
    Fabe,
    GiftItem,
    GiftRule,
    Goods,
    Policy,
    Product,
    Scheme,
    Tier,
    TierTable,
)
from workbench.pricing.reading import Errors, Node
from workbench.pricing.reading import root as read_root

CATALOGUE_FORMAT = "workbench-catalogue/1"
POLICY_FORMAT = "workbench-policy/1"
_HEADER = ("format", "version", "valid_from", "valid_to", "illustrative", "note")
_ZERO = Decimal(0)
_MONEY_MAX = Decimal(10_000_000)


def read_json(path: Path | str | None, default_name: str) -> Any:
    """Decode a JSON file with every number as an exact ``Decimal`` or ``int``."""
    if path is None:
        text = files("workbench.resources").joinpath("catalogue").joinpath(default_name).read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    return json.loads(text, parse_float=Decimal)


def load_catalogue(path: Path | str | None = None) -> Catalogue:
    return parse_catalogue(read_json(path, "catalogue.json"))


def load_policy(path: Path | str | None = None) -> Policy:
    return parse_policy(read_json(path, "policy.json"))


def _header(root: Node, expected_format: str) -> dict[str, Any]:
    root.string("format", choices=(expected_format,))
    valid_from, valid_to = root.day("valid_from"), root.day("valid_to")
    if valid_to < valid_from:
        root.errors.add(root.at("valid_to"), "有效期结束早于开始", "ends before it starts")
    return {"version": root.string("version"), "valid_from": valid_from, "valid_to": valid_to,
            "illustrative": root.flag("illustrative"), "note": root.text("note")}


def parse_catalogue(data: object) -> Catalogue:
    root, errors = read_root(data, (*_HEADER, "products"), "catalogue")
    header = _header(root, CATALOGUE_FORMAT)
    products = tuple(_product(Node(item, path, errors, _PRODUCT_KEYS)) for path, item in root.items("products", required=True))
    seen: set[str] = set()
    for i, p in enumerate(products):
        if p.code in seen:
            errors.add(f"products[{i}].code", f"产品编码 {p.code} 重复", f"duplicate product code {p.code}")
        seen.add(p.code)
    errors.raise_if_any()
    return Catalogue(products=products, **header)


_PRODUCT_KEYS = ("code", "name", "category", "unit", "list_price", "installation_fee",
                 "min_term_months", "price_floor", "max_quantity", "fabe")


def _product(node: Node) -> Product:
    unit = node.string("unit", choices=UNITS)
    list_price = node.number("list_price", lo=_ZERO, hi=_MONEY_MAX)
    floor = node.number("price_floor", lo=_ZERO, hi=_MONEY_MAX)
    if floor > list_price:
        node.errors.add(node.at("price_floor"), "底线价高于目录价", "the price floor is above the list price")
    min_term = node.integer("min_term_months", lo=0, hi=120)
    if unit == "one_off" and min_term:
        node.errors.add(node.at("min_term_months"), "一次性产品无合约期", "a one-off product has no term")
    fabe = node.node("fabe", ("feature", "advantage", "benefit", "evidence"))
    evidence = tuple(
        _evidence(Node(item, path, node.errors, ("industry", "customer", "story", "illustrative")))
        for path, item in fabe.items("evidence")
    )
    return Product(
        code=node.string("code"), name=node.text("name"), category=node.string("category", choices=CATEGORIES),
        unit=unit, list_price=list_price, installation_fee=node.number("installation_fee", lo=_ZERO, hi=_MONEY_MAX),
        min_term_months=min_term, price_floor=floor, max_quantity=node.integer("max_quantity", lo=1, hi=1_000_000),
        fabe=Fabe(fabe.text("feature"), fabe.text("advantage"), fabe.text("benefit"), evidence),
    )


def _evidence(node: Node) -> Evidence:
    return Evidence(node.string("industry", choices=INDUSTRY_CODES), node.text("customer"), node.text("story"),
                    node.flag("illustrative"))


def _tiers(node: Node, threshold_key: str, *, lo: int) -> TierTable:
    tiers = []
    for path, item in node.items("tiers", required=True):
        t = Node(item, path, node.errors, (threshold_key, "percent"))
        tiers.append(Tier(t.integer(threshold_key, lo=lo, hi=1_000_000), t.number("percent", lo=_ZERO, hi=Decimal(100))))
    for i in range(1, len(tiers)):
        if tiers[i].threshold <= tiers[i - 1].threshold or tiers[i].percent < tiers[i - 1].percent:
            node.errors.add(f"{node.at('tiers')}[{i}]", "档次须按门槛递增且优惠不减",
                            "tiers must rise in threshold with a discount that never decreases")
    categories = frozenset(node.strings("categories")) if "categories" in node.data else frozenset()
    for c in categories - CATEGORIES.keys():
        node.errors.add(node.at("categories"), f"未知类别 {c}", f"unknown category {c}")
    return TierTable(node.string("id"), node.text("name"), tuple(tiers), categories)


def parse_policy(data: object) -> Policy:
    keys = (*_HEADER, "max_term_months", "max_lines", "term_tiers", "quantity_tiers", "bundle_discount",
            "at_risk_discount", "gifts", "schemes", "authority")
    root, errors = read_root(data, keys, "policy")
    header = _header(root, POLICY_FORMAT)
    tier_keys = ("id", "name", "tiers", "categories")
    term = _tiers(root.node("term_tiers", tier_keys), "min_months", lo=0)
    quantity = tuple(_tiers(Node(item, path, errors, tier_keys), "min_quantity", lo=1)
                     for path, item in root.items("quantity_tiers"))
    bundle = _tiers(root.node("bundle_discount", tier_keys), "min_categories", lo=2)
    risk = root.node("at_risk_discount", ("id", "name", "percent", "min_mobile_lines"))
    at_risk = AtRiskDiscount(risk.string("id"), risk.text("name"), risk.number("percent", lo=_ZERO, hi=Decimal(100)),
                             risk.integer("min_mobile_lines", lo=0))
    gifts = tuple(_gift(Node(item, path, errors, ("id", "name", "when_products", "gives"))) for path, item in root.items("gifts"))
    schemes = tuple(_scheme(Node(item, path, errors, _SCHEME_KEYS)) for path, item in root.items("schemes"))
    authority = tuple(_authority(Node(item, path, errors, ("role", "name", "max_discount_percent")))
                      for path, item in root.items("authority", required=True))
    if tuple(a.role for a in authority) != ROLES:
        errors.add("authority", f"角色须依次为 {', '.join(ROLES)}", f"the roles must be, in order: {', '.join(ROLES)}")
    for i in range(1, len(authority)):
        if authority[i].max_discount_percent < authority[i - 1].max_discount_percent:
            errors.add(f"authority[{i}].max_discount_percent", "权限须逐级不减", "limits must not decrease up the hierarchy")
    codes = [s.code for s in schemes]
    for i, s in enumerate(schemes):
        if codes.count(s.code) > 1:
            errors.add(f"schemes[{i}].code", f"方案编码 {s.code} 重复", f"duplicate scheme code {s.code}")
        for req in s.requires_any_scheme:
            if req not in codes:
                errors.add(f"schemes[{i}].requires_any_scheme", f"未知方案 {req}", f"unknown scheme {req}")
    policy = Policy(
        max_term_months=root.integer("max_term_months", lo=1, hi=240), max_lines=root.integer("max_lines", lo=1, hi=100_000),
        term_tiers=term, quantity_tiers=quantity, bundle=bundle, at_risk=at_risk, gifts=gifts, schemes=schemes,
        authority=authority, **header,
    )
    errors.raise_if_any()
    return policy


def _gift(node: Node) -> GiftRule:
    gives = []
    for path, item in node.items("gives", required=True):
        g = Node(item, path, node.errors, ("product", "quantity_each", "max_quantity"))
        cap = g.integer("max_quantity", lo=1) if g.has("max_quantity") else None
        gives.append(GiftItem(g.string("product"), g.integer("quantity_each", lo=1, hi=1000), cap))
    return GiftRule(node.string("id"), node.text("name"), frozenset(node.strings("when_products")), tuple(gives))


_SCHEME_KEYS = ("code", "name", "valid_from", "valid_to", "joined_from", "joined_before", "prestore",
                "rebate_monthly", "term_months", "free_credit", "minimum_monthly_spend", "refundable", "gift",
                "requires_services", "requires_any_scheme")


def _scheme(node: Node) -> Scheme:
    money = {k: node.number(k, lo=_ZERO, hi=_MONEY_MAX) for k in ("prestore", "rebate_monthly", "free_credit")}
    term = node.integer("term_months", lo=0, hi=120)
    if money["prestore"] != money["rebate_monthly"] * term + money["free_credit"]:
        node.errors.add(node.at("prestore"), "预存额须等于月返还 × 协议期 + 自由话费",
                        "the prestore must equal the monthly rebate x the term + the free credit")
    gift = node.node("gift", ("code", "name"))
    scheme = Scheme(
        code=node.string("code"), name=node.text("name"), valid_from=node.day("valid_from"), valid_to=node.day("valid_to"),
        joined_from=node.optional_date("joined_from"), joined_before=node.optional_date("joined_before"),
        term_months=term,
        minimum_monthly_spend=node.number("minimum_monthly_spend", lo=_ZERO) if node.has("minimum_monthly_spend") else None,
        refundable=node.flag("refundable") if node.has("refundable") else None,
        gift=Goods(gift.string("code"), gift.text("name")),
        requires_services=node.strings("requires_services"), requires_any_scheme=node.strings("requires_any_scheme"),
        **money,
    )
    if scheme.valid_to < scheme.valid_from:
        node.errors.add(node.at("valid_to"), "有效期结束早于开始", "ends before it starts")
    return scheme


def _authority(node: Node) -> AuthorityLimit:
    return AuthorityLimit(node.string("role"), node.text("name"),
                          node.number("max_discount_percent", lo=_ZERO, hi=Decimal(100)))


def consistency_errors(catalogue: Catalogue, policy: Policy) -> list[FieldError]:
    """What in ``policy`` does not fit ``catalogue``: gifts of unknown products, and policy
    discounts that alone would push some product below its floor."""
    errors = Errors()
    for i, rule in enumerate(policy.gifts):
        for code in sorted(rule.when_products) + [g.product for g in rule.gives]:
            if catalogue.product(code) is None:
                errors.add(f"gifts[{i}]", f"未知产品 {code}", f"unknown product {code}")
    for p in catalogue.products:
        if p.recurring and p.list_price > 0:
            deepest = p.list_price * (100 - policy.max_automatic_percent(p.category)) / 100
            if deepest < p.price_floor:
                errors.add(f"products.{p.code}", "政策优惠叠加后低于底线价",
                           "the policy's discounts combined go below this product's floor")
    return errors.items
