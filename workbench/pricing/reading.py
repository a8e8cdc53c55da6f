"""Strict reading of JSON-shaped data (offers, catalogue, policy) with field-named refusals.

A :class:`Node` wraps one JSON object and its path (``lines[2]``). Each getter returns a
value of the asked type; on bad input it records a :class:`FieldError` naming the field
(``lines[2].quantity``) and returns a placeholder, so that every error of a document is
found in one pass. The caller raises :meth:`Errors.raise_if_any` before using the values.
Unknown keys are refused too: a misspelt ``quantitiy`` must not be silently ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from workbench.domain.errors import FieldError, ValidationError
from workbench.pricing.model import Text
from workbench.pricing.money import places

_NUMBER_RE = re.compile(r"-?\d+(\.\d+)?")
_MISSING: Any = object()


class Errors:
    """The refusals gathered while reading or checking one document."""

    def __init__(self) -> None:
        self.items: list[FieldError] = []

    def add(self, field: str, zh: str, en: str) -> None:
        self.items.append(FieldError(field, zh, en))

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)


def root(data: object, keys: Iterable[str], document: str) -> tuple[Node, Errors]:
    """The root object of a ``document`` and its errors; a root that is not an object (a JSON
    array, a number) is refused at once with that one error, naming the document, instead of
    every field it then lacks."""
    errors = Errors()
    node = Node(data, "", errors, keys, document)
    if not isinstance(data, Mapping):
        errors.raise_if_any()
    return node, errors


def child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class Node:
    """One JSON object being read; ``keys`` are the keys it may have. ``document`` names the
    whole document ("offer", "catalogue", "policy") in a refusal of the root itself."""

    def __init__(self, data: object, path: str, errors: Errors, keys: Iterable[str],
                 document: str = "offer") -> None:
        self.path, self.errors = path, errors
        self.data: Mapping[str, Any] = data if isinstance(data, Mapping) else {}
        if not isinstance(data, Mapping):
            errors.add(path or document, "应为 JSON 对象 {...}", "must be a JSON object {...}")
            return
        allowed = set(keys)
        for key in self.data:
            if key not in allowed:
                errors.add(child(path, str(key)), "未知字段", f"unknown field (expected one of: {', '.join(sorted(allowed))})")

    def at(self, key: str | int) -> str:
        return child(self.path, key)

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def _get(self, key: str, default: Any) -> Any:
        value = self.data.get(key)
        if value is None:
            if default is _MISSING:
                self.errors.add(self.at(key), "缺少此项", "is missing")
            return default
        return value

    def string(self, key: str, default: Any = _MISSING, *, choices: Iterable[str] | None = None) -> str:
        value = self._get(key, default)
        if value is default:
            return value if isinstance(value, str) else ""
        if not isinstance(value, str) or not value.strip():
            self.errors.add(self.at(key), "应为非空文本", "must be a non-empty string")
            return ""
        allowed = set(choices) if choices is not None else None
        if allowed is not None and value not in allowed:
            self.errors.add(self.at(key), f"未知取值 {value}", f"unknown value {value!r} (expected one of: {', '.join(sorted(allowed))})")
        return value

    def flag(self, key: str, default: Any = _MISSING) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            if value is not default:
                self.errors.add(self.at(key), "应为 true 或 false", "must be true or false")
            return bool(default) if default is not _MISSING else False
        return value

    def integer(self, key: str, default: Any = _MISSING, *, lo: int | None = None, hi: int | None = None) -> int:
        value = self._get(key, default)
        if value is default:
            return value if isinstance(value, int) else 0
        if isinstance(value, Decimal) and value.is_finite() and value.adjusted() > 18:
            self.errors.add(self.at(key), "数值过大", "far too large")  # and spare converting 1e999999
            return 0
        if isinstance(value, bool) or not isinstance(value, int | Decimal) or value != int(value):
            self.errors.add(self.at(key), "应为整数", "must be a whole number")
            return 0
        number = int(value)
        check_range(self.errors, self.at(key), number, lo, hi)
        return number

    def number(self, key: str, default: Any = _MISSING, *, lo: Decimal | None = None,
                hi: Decimal | None = None, decimals: int = 2) -> Decimal:
        value = self._get(key, default)
        if value is default:
            return value if isinstance(value, Decimal) else Decimal(0)
        number = to_decimal(value)
        if number is None:
            self.errors.add(self.at(key), '应为数字, 如 "12.50" (不用二进制浮点)',
                            'must be a number such as "12.50" (a string or an integer, not a binary float)')
            return Decimal(0)
        if places(number) > decimals:
            self.errors.add(self.at(key), f"最多 {decimals} 位小数", f"at most {decimals} decimal places")
        check_range(self.errors, self.at(key), number, lo, hi)
        return number

    def day(self, key: str, default: Any = _MISSING) -> date:
        value = self._get(key, default)
        if value is default:
            return value if isinstance(value, date) else date.min
        if isinstance(value, str) and len(value) == 10:
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.errors.add(self.at(key), "日期应为 YYYY-MM-DD", "must be a date YYYY-MM-DD")
        return date.min

    def optional_date(self, key: str) -> date | None:
        return self.day(key) if self.has(key) else None

    def text(self, key: str) -> Text:
        node = self.node(key, ("zh", "en"))
        return Text(node.string("zh"), node.string("en"))

    def node(self, key: str, keys: Iterable[str], default: Any = _MISSING) -> Node:
        value = self._get(key, default)
        if value is default:  # absent: reported once, its own keys then go unreported
            return Node({}, self.at(key), Errors() if default is _MISSING else self.errors, keys)
        return Node(value, self.at(key), self.errors, keys)

    def items(self, key: str, *, required: bool = False, max_items: int | None = None) -> Iterator[tuple[str, Any]]:
        """The elements of a list field with their paths; an absent list is empty unless required."""
        value = self._get(key, _MISSING if required else [])
        if value is _MISSING:
            return  # reported as missing
        if not isinstance(value, list):
            self.errors.add(self.at(key), "应为列表 [...]", "must be a list [...]")
            return
        if max_items is not None and len(value) > max_items:
            self.errors.add(self.at(key), f"最多 {max_items} 项", f"at most {max_items} items")
            return
        for i, item in enumerate(value):
            yield child(self.at(key), i), item

    def strings(self, key: str) -> tuple[str, ...]:
        out = []
        for path, item in self.items(key):
            if isinstance(item, str) and item:
                out.append(item)
            else:
                self.errors.add(path, "应为非空文本", "must be a non-empty string")
        return tuple(out)


def to_decimal(value: object) -> Decimal | None:
    """An exact number from an int, a Decimal or a decimal string; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, str) and _NUMBER_RE.fullmatch(value.strip()):
        try:
            return Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the pattern already excludes this
            return None
    return None


def check_range(errors: Errors, field: str, value: int | Decimal, lo: int | Decimal | None,
                hi: int | Decimal | None) -> bool:
    """Record an error if ``value`` is outside ``lo..hi``; True when it is inside."""
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        low = "" if lo is None else str(lo)
        high = "" if hi is None else str(hi)
        errors.add(field, f"{value} 超出允许范围 {low}..{high}", f"{value} is outside the allowed range {low}..{high}")
        return False
    return True
