"""The HTTP side (FastAPI): ``/v1/health``, ``/v1/enrol``, ``/v1/push``, ``/v1/pull`` and
``/v1/devices/rekey``, exactly as docs/sync-protocol.md says. Workers keep no state: all of
it is in the database, so any number of them can serve one database."""

from __future__ import annotations

import logging
import os
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from workbench.server import auth, pull, push
from workbench.server.admin import init_db
from workbench.server.body import read_json
from workbench.server.config import DB_ENV, resolve_db_url
from workbench.server.db import get_engine, transaction
from workbench.server.errors import ApiError

log = logging.getLogger("workbench.server")

PROTOCOL_HEADER = "Workbench-Protocol"
PROTOCOLS = (1,)  # the current and the previous protocol (there is no previous one yet)


def _check_protocol(request: Request) -> None:
    value = request.headers.get(PROTOCOL_HEADER, "").strip()
    if not value.isdigit() or int(value) not in PROTOCOLS:
        raise ApiError(400, "protocol", f"{PROTOCOL_HEADER} must be one of {list(PROTOCOLS)}",
                       f"不支持的协议版本（{PROTOCOL_HEADER}: {value or '无'}）",
                       supported=list(PROTOCOLS))


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http")
        return JSONResponse({"error": code, "message": str(exc.detail),
                             "message_zh": "请求无效"}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "bad_request", "message": "the request is malformed",
                             "message_zh": "请求格式无效"}, status_code=400)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("server error on %s %s", request.method, request.url.path)
        return JSONResponse({"error": "server", "message": "internal server error",
                             "message_zh": "服务器内部错误"}, status_code=500)


def create_app(db_url: str | None = None, *, migrate: bool = True) -> FastAPI:
    """The server application over one database (``migrate``: bring its schema up first)."""
    url = resolve_db_url(db_url)
    if migrate:
        init_db(url)
    engine = get_engine(url)
    app = FastAPI(title="workbench-server", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    _install_errors(app)

    async def device_of(request: Request) -> Any:
        _check_protocol(request)
        return await run_in_threadpool(auth.authenticate, engine, request.headers.get("authorization"))

    @app.get("/v1/health")
    async def health() -> dict[str, Any]:
        server_id = await run_in_threadpool(transaction, engine, auth.server_id, write=False)
        return {"status": "ok", "protocols": list(PROTOCOLS), "server_id": server_id}

    @app.post("/v1/enrol")
    async def enrol(request: Request) -> dict[str, Any]:
        _check_protocol(request)
        body = await read_json(request)
        return await run_in_threadpool(auth.enrol, engine, body)

    @app.post("/v1/push")
    async def push_(request: Request) -> dict[str, Any]:
        device = await device_of(request)
        device_id, entries = push.parse_push(await read_json(request))
        if device_id != device.id:
            raise ApiError(403, "device_mismatch", "device_id is not this token's device",
                           "device_id 与令牌的设备不符")
        return {"results": await run_in_threadpool(push.push, engine, device_id, entries)}

    @app.get("/v1/pull")
    async def pull_(request: Request) -> Response:
        device = await device_of(request)
        after, limit = pull.parse_pull(request.query_params.get("after"),
                                       request.query_params.get("limit"))
        text = await run_in_threadpool(pull.pull_text, engine, device, after, limit)
        return Response(text.encode("utf-8"), media_type="application/json")

    @app.post("/v1/devices/rekey")
    async def rekey(request: Request) -> dict[str, Any]:
        device = await device_of(request)
        return await run_in_threadpool(auth.rekey, engine, device, await read_json(request))

    return app


def app_from_env() -> FastAPI:
    """The factory uvicorn workers call (``workbench.server.app:app_from_env``): the database
    URL comes from the environment; ``serve`` has migrated it already."""
    return create_app(os.environ.get(DB_ENV), migrate=False)
