"""Domain errors: every refusal names the field and gives the reason in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn


@dataclass(frozen=True, slots=True)
class FieldError:
    """One refused field: ``field`` is the attribute name the form shows the message beside."""

    field: str
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.field}: {self.zh} / {self.en}"


class DomainError(Exception):
    """Base of every error the domain and services raise on purpose."""


class ValidationError(DomainError):
    """Input refused; carries one or more :class:`FieldError` so a form can mark every field."""

    def __init__(self, errors: list[FieldError] | FieldError) -> None:
        self.errors: tuple[FieldError, ...] = (
            (errors,) if isinstance(errors, FieldError) else tuple(errors)
        )
        super().__init__("; ".join(str(e) for e in self.errors))

    def for_field(self, field: str) -> FieldError | None:
        return next((e for e in self.errors if e.field == field), None)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(e.field for e in self.errors)


def fail(field: str, zh: str, en: str) -> NoReturn:
    """Raise a :class:`ValidationError` for one field with a Chinese and an English message."""
    raise ValidationError(FieldError(field, zh, en))


class NotFoundError(DomainError):
    def __init__(self, kind: str, key: str) -> None:
        self.kind, self.key = kind, key
        super().__init__(f"{kind} {key} 不存在 / not found")


class StaleEditError(DomainError):
    """The row changed since the caller read it (another window, an undo, a sync)."""

    def __init__(self, kind: str, key: str, expected: int, actual: int) -> None:
        self.kind, self.key, self.expected, self.actual = kind, key, expected, actual
        super().__init__(
            f"{kind} {key} 已被修改 (版本 {actual}, 期望 {expected}) / "
            f"was changed elsewhere (version {actual}, expected {expected})"
        )


class PermissionDenied(DomainError):
    pass
