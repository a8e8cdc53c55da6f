"""A server address that cannot be one is refused before anything is sent, as ``bad_url``
naming the address field (the enrolment dialog shows it beside the address), never as a crash
or as "offline"."""

from __future__ import annotations

import pytest

from workbench.sync.client import ServerClient, SyncError

BAD = ["http://[::1", "http://127.0.0.1:99999", "http://127.0.0.1:0", "http://exa mple.com", "ftp://server",
       "http://", "http://127.0.0.1:80x"]


@pytest.mark.parametrize("url", BAD)
def test_a_malformed_address_is_bad_url(url: str) -> None:
    with pytest.raises(SyncError) as err:
        ServerClient(url, timeout=1).health()
    assert err.value.code == "bad_url" and err.value.detail == {"field": "url"}


def test_a_good_address_that_does_not_answer_is_offline() -> None:
    with pytest.raises(SyncError) as err:
        ServerClient("http://127.0.0.1:9", timeout=1).health()
    assert err.value.code == "offline"
