"""Reading a request body: a size limit (413), gzip accepted, JSON parsed (400 otherwise)."""

from __future__ import annotations

import json
import zlib
from typing import Any

from starlette.requests import Request

from workbench.server.errors import ApiError, bad_request

MAX_BODY = 8 * 1024 * 1024  # of JSON once decompressed


def too_large() -> ApiError:
    return ApiError(413, "too_large", "the request body is over 8 MiB", "请求内容超过 8 MiB")


async def read_json(request: Request, limit: int = MAX_BODY) -> Any:
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise too_large()
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", ""):
        raise ApiError(415, "encoding", f"unsupported content encoding {encoding!r}",
                       "不支持的内容编码")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
    raw, size = bytearray(), 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large()
        if inflate is None:
            raw += chunk
            continue
        try:
            raw += inflate.decompress(chunk, limit + 1 - len(raw))
        except zlib.error:
            raise bad_request("the gzip body is corrupt", "gzip 内容已损坏") from None
        if len(raw) > limit or inflate.unconsumed_tail:
            raise too_large()
    if inflate is not None:
        try:
            raw += inflate.flush()
        except zlib.error:
            raise bad_request("the gzip body is corrupt", "gzip 内容已损坏") from None
        if len(raw) > limit:
            raise too_large()
    try:
        value = json.loads(bytes(raw))
        json.dumps(value, ensure_ascii=False).encode("utf-8")  # no lone surrogates ("\\ud800")
        return value
    except (ValueError, RecursionError):
        raise ApiError(400, "bad_json", "the body is not valid JSON (UTF-8)",
                       "请求内容不是有效的 JSON（UTF-8）") from None
