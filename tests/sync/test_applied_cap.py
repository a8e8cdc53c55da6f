"""What a pull changed stops naming rows past CHANGES_LIMIT (workbench/sync/apply.py): an
initial sync of 100,000 customers would otherwise keep 3.3 million ids in memory."""

from __future__ import annotations

from workbench.sync import apply
from workbench.sync.apply import Applied


def _page(first: int, n: int, kind: str = "insert") -> Applied:
    page = Applied(cursor=first + n)
    for i in range(first, first + n):
        page.add("visits", f"v{i}", kind)
    return page


def test_pages_below_the_limit_are_named_row_by_row(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(apply, "CHANGES_LIMIT", 100)
    total = Applied()
    total.merge(_page(0, 60))
    total.merge(_page(60, 40, "update"))
    assert not total.many and total.count == 100
    assert total.kinds[("visits", "v0")] == "insert" and total.kinds[("visits", "v99")] == "update"
    assert total.cursor == 100


def test_past_the_limit_only_many_is_kept(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    monkeypatch.setattr(apply, "CHANGES_LIMIT", 100)
    total = Applied()
    total.merge(_page(0, 60))
    total.merge(_page(60, 60))
    assert total.many and total.rows == {} and total.kinds == {}
    total.merge(_page(120, 5))  # later pages add nothing back
    total.add("customers", "c1")
    assert total.rows == {} and total.cursor == 125
    assert total.changes(store=None).many  # type: ignore[arg-type]  # no store read for "everything"
