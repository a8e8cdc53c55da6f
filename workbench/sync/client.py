"""The HTTP side of the protocol (docs/sync-protocol.md): one small client over httpx.

Every failure becomes a :class:`SyncError` with a code and a message in English and Chinese:
``offline`` (no connection, a timeout, the connection dropped before the answer), ``auth``
(an unknown, revoked or expired token), ``device_clash``, ``protocol``, ``server`` (a 5xx) or
the server's own error code. A dropped connection is safe to retry: the server de-duplicates.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from typing import Any

import httpx

PROTOCOL = 1
HEADER = "Workbench-Protocol"


class SyncError(Exception):
    def __init__(self, code: str, message: str, message_zh: str = "", *, detail: Mapping[str, Any] | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.message_zh = message_zh or message
        self.detail = dict(detail or {})


def _check_url(url: str) -> None:
    """SyncError ``bad_url`` (field ``url``) for an address that is not an http(s) URL with a
    valid host and port, before anything is sent."""
    try:
        parsed = httpx.URL(url)
        ok = parsed.scheme in ("http", "https") and bool(parsed.host) and " " not in url
        ok = ok and (parsed.port is None or 0 < parsed.port < 65536)
    except (httpx.InvalidURL, ValueError, TypeError):
        ok = False
    if not ok:
        raise SyncError("bad_url", f"not a server address: {url[:200]!r} (http://HOST:PORT)",
                        f"服务器地址无效：{url[:200]!r}（应为 http://主机:端口）", detail={"field": "url"})


class ServerClient:
    """A connection to one team server, with this device's token (None before enrolment)."""

    def __init__(self, url: str, token: str | None = None, *, timeout: float = 30.0,
                 http: httpx.Client | None = None) -> None:
        """``http``: an httpx client to send through instead of a new one (an in-process ASGI
        test client, say); its base URL is used as it is."""
        self.url = url.rstrip("/")
        self.token = token
        if http is None:
            _check_url(self.url)
        self._http = http or httpx.Client(base_url=self.url, timeout=timeout)
        self._http.headers.update({HEADER: str(PROTOCOL), "Accept-Encoding": "gzip"})

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- requests -------------------------------------------------------------------------

    def _send(self, method: str, path: str, *, body: Any = None, params: Mapping[str, Any] | None = None) -> Any:
        headers: dict[str, str] = {}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        content = None
        if body is not None:
            raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
            if len(raw) > 16_384:
                raw = gzip.compress(raw, compresslevel=5)
                headers["Content-Encoding"] = "gzip"
            content = raw
        try:
            response = self._http.request(method, path, content=content, params=params, headers=headers)
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            raise SyncError("offline", f"the server at {self.url} cannot be reached ({type(exc).__name__})",
                            f"无法连接服务器 {self.url}") from exc
        return self._answer(response)

    def _answer(self, response: httpx.Response) -> Any:
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.status_code < 400:
            return data
        code = str(data.get("error") or ("server" if response.status_code >= 500 else response.status_code))
        if response.status_code == 401:
            code = "auth"
        raise SyncError(code, str(data.get("message") or f"HTTP {response.status_code}"),
                        str(data.get("message_zh") or ""), detail=data)

    def health(self) -> dict[str, Any]:
        return dict(self._send("GET", "/v1/health"))

    def enrol(self, *, code: str, device_id: str, device_name: str) -> dict[str, Any]:
        return dict(self._send("POST", "/v1/enrol", body={"code": code, "device_id": device_id,
                                                          "device_name": device_name}))

    def rekey(self, *, new_device_id: str) -> dict[str, Any]:
        return dict(self._send("POST", "/v1/devices/rekey", body={"new_device_id": new_device_id}))

    def push(self, *, device_id: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
        return dict(self._send("POST", "/v1/push", body={"device_id": device_id, "entries": entries}))

    def pull(self, *, after: int, limit: int = 1000) -> dict[str, Any]:
        return dict(self._send("GET", "/v1/pull", params={"after": after, "limit": limit}))
