"""``workbench price``: the documented examples as a table and as JSON; bad files exit 2 naming the field."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from pricing_helpers import EXAMPLES

from workbench.cli import main

DAY = "2026-12-01"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["price", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_there_are_examples() -> None:
    assert {p.stem for p in EXAMPLE_FILES} >= {"bank-branch-bundle", "school-jiaxiaotong", "at-risk-hospital"}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_examples_print_a_table(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    code, out, err = run(capsys, str(path), "--today", DAY)
    assert code == 0 and err == ""
    for word in ("合计 Totals", "月费合计", "首年费用", "合约期总额", "节省", "审批 Authority", "逐月 Schedule"):
        assert word in out
    offer = json.loads(path.read_text("utf-8"))
    assert offer["customer"]["name"] in out and all(x["product"] in out for x in offer["lines"])


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_examples_as_json(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    code, out, _ = run(capsys, str(path), "--json", "--today", DAY)
    assert code == 0
    quote = json.loads(out)  # no Decimal parsing needed: amounts are strings
    assert quote["format"] == "workbench-quote/1" and quote["today"] == DAY
    monthly = [Decimal(x["monthly"]) for x in quote["lines"]]
    assert isinstance(quote["totals"]["monthly_recurring"], str)
    assert Decimal(quote["totals"]["monthly_recurring"]) == sum(monthly)


def test_bank_example_has_the_three_seed_tiers(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(EXAMPLES / "bank-branch-bundle.json"), "--json", "--today", DAY)
    schemes = {s["code"]: s for s in json.loads(out)["schemes"]}
    assert (schemes["NETAGE-T1-NEW"]["prestore"], schemes["NETAGE-T1-OLD"]["prestore"],
            schemes["NETAGE-T2"]["prestore"]) == ("139.00", "109.00", "99.00")


def test_school_example_gets_the_broadband_gifts(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(EXAMPLES / "school-jiaxiaotong.json"), "--json", "--today", DAY)
    assert {g["code"] for g in json.loads(out)["gifts"]} == {"MNS-STD", "WLAN-AP"}


@pytest.mark.parametrize(("role", "level"), [("manager", "needs_team_lead"), ("team_lead", "within"), ("hq", "within")])
def test_role_decides_the_authority(capsys: pytest.CaptureFixture[str], role: str, level: str) -> None:
    _, out, _ = run(capsys, str(EXAMPLES / "at-risk-hospital.json"), "--json", "--role", role, "--today", DAY)
    assert json.loads(out)["authority"]["level"] == level


def write(tmp_path: Path, content: str | dict) -> str:
    path = tmp_path / "offer.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), "utf-8")
    return str(path)


def offer(*lines: dict, **extra: object) -> dict:
    return {"customer": {"industry": "banking", "name": "某支行"}, "lines": list(lines), **extra}


@pytest.mark.parametrize(("content", "needle"), [
    ("{not json", "not valid JSON"),
    ("", "not valid JSON"),
    ("[1, 2]", "offer:"),
    (offer({"product": "MOB-58", "quantity": -2}), "lines[0].quantity"),
    (offer({"product": "MOB-58", "quantity": 1e9}), "lines[0].quantity"),
    (offer({"product": "NOPE", "quantity": 1}), "lines[0].product"),
    (offer({"product": "MOB-58", "quantity": 1, "term_months": 3}), "lines[0].term_months"),
    (offer({"product": "MOB-58", "quantity": 1, "manual_discount_percent": "50"}), "lines[0].manual_discount_percent"),
    (offer(), "lines:"),
    (offer({"product": "MOB-58", "quantity": 1}, schemes=[{"scheme": "NETAGE-T1-NEW", "services": ["YXT"]}]),
     "schemes[0].member_joined"),
])
def test_bad_offers_exit_2_naming_the_field(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                            content: str | dict, needle: str) -> None:
    code, out, err = run(capsys, write(tmp_path, content), "--today", DAY)
    assert code == 2 and out == "" and needle in err


def test_an_expired_scheme_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(EXAMPLES / "bank-branch-bundle.json"), "--today", "2027-05-01")
    assert code == 2 and "schemes[0].scheme" in err and "过期" in err and "expired" in err


def test_missing_file_bad_date_and_bad_catalogue(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, str(tmp_path / "absent.json"))
    assert code == 2 and "absent.json" in err
    code, _, err = run(capsys, str(EXAMPLES / "school-jiaxiaotong.json"), "--today", "2026-02-30")
    assert code == 2 and "--today" in err
    bad = tmp_path / "catalogue.json"
    bad.write_text('{"format": "workbench-catalogue/1"}', "utf-8")
    code, _, err = run(capsys, str(EXAMPLES / "school-jiaxiaotong.json"), "--catalogue", str(bad))
    assert code == 2 and "catalogue.json: version" in err and "products" in err


def test_custom_catalogue_and_policy_files(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.resources import files

    folder = files("workbench.resources").joinpath("catalogue")
    code, out, _ = run(capsys, str(EXAMPLES / "school-jiaxiaotong.json"), "--today", DAY,
                       "--catalogue", str(folder.joinpath("catalogue.json")), "--policy", str(folder.joinpath("policy.json")))
    assert code == 0 and "家校通" in out


@pytest.mark.parametrize(("option", "document"), [("--policy", "policy"), ("--catalogue", "catalogue")])
@pytest.mark.parametrize("content", ["[1, 2]", "42", '"policy"', "null"])
def test_a_book_that_is_not_an_object_is_named_once(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     option: str, document: str, content: str) -> None:
    """issue 12: --policy given a JSON array said "offer: must be a JSON object" and then listed
    every field the policy lacked."""
    book = tmp_path / "book.json"
    book.write_text(content, "utf-8")
    code, out, err = run(capsys, write(tmp_path, offer({"product": "MOB-58", "quantity": 1})), option, str(book),
                         "--today", DAY)
    assert code == 2 and out == ""
    assert err.splitlines() == [f"{book}: {document}: 应为 JSON 对象 {{...}} / must be a JSON object {{...}}"]
    assert "offer" not in err
