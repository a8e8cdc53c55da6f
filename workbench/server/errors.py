"""The two kinds of "no": an HTTP error for the whole request, a refusal of one entry."""

from __future__ import annotations

from typing import Any

from workbench.domain.errors import ValidationError


class ApiError(Exception):
    """A 4xx answer: ``{"error": code, "message": English, "message_zh": Chinese, ...extra}``."""

    def __init__(self, status: int, code: str, message: str, message_zh: str, **extra: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.message_zh = status, code, message, message_zh
        self.extra = extra

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message, "message_zh": self.message_zh,
                **self.extra}


def unauthorised(message: str = "unknown or revoked device token",
                 message_zh: str = "设备令牌无效或已被吊销") -> ApiError:
    return ApiError(401, "auth", message, message_zh)


def bad_request(message: str, message_zh: str = "请求格式无效") -> ApiError:
    return ApiError(400, "bad_request", message, message_zh)


class Refused(Exception):
    """One pushed entry permanently refused; ``reason()`` is what the device is told."""

    def __init__(self, code: str, message: str, message_zh: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.message_zh, self.field = code, message, message_zh, field

    def reason(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "message_zh": self.message_zh,
                "field": self.field}

    @classmethod
    def from_validation(cls, exc: ValidationError) -> Refused:
        errors = exc.errors
        return cls("invalid", "; ".join(f"{e.field}: {e.en}" for e in errors),
                   "；".join(f"{e.field}：{e.zh}" for e in errors),
                   errors[0].field if errors else None)


def forbidden(message: str, message_zh: str, field: str | None = None) -> Refused:
    return Refused("forbidden", message, message_zh, field)


TRANSACTION_REFUSED = {
    "code": "transaction_refused",
    "message": "another change of the same transaction was refused",
    "message_zh": "同一事务中的另一项更改被拒绝",
    "field": None,
}
