"""`workbench proposal`: a sample without a store, an offer of a store by number, the demo."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.cli import main
from workbench.services import offers, proposals
from workbench.services.context import Context
from workbench.services.demo_offers import demo_offer
from workbench.services.users import current_user
from workbench.store.engine import open_store


def test_sample_needs_no_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sample.pdf"
    assert main(["proposal", "--sample", "--lines", "12", "--today", "2026-11-24", "-o", str(out)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["pages"] == len(PdfReader(out).pages) and report["bytes"] == out.stat().st_size
    assert report["number"] == "FA-20261124-7F3A-0001-V1" and report["missing"] == ""


def test_an_offer_by_number_is_produced_and_stored(tmp_path: Path, demo_store_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_store_path, db)
    store = open_store(db)
    ctx = Context(store, current_user(store).id)
    offer_id = demo_offer(ctx, today=date(2026, 11, 24))
    number = offers.get_offer(ctx, offer_id=offer_id).number
    store.close()
    out = tmp_path / "out" / "p.pdf"
    assert main(["proposal", "--db", str(db), "--offer", number, "--today", "2026-11-24", "-o", str(out)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["number"] == f"{number}-V1"
    store = open_store(db)
    record = proposals.get_proposal(Context(store, current_user(store).id), offer_id=offer_id)
    store.close()
    assert record is not None and record.pdf == out.read_bytes()


def test_refusals_exit_2_with_a_message(tmp_path: Path, demo_store_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "x.pdf")
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_store_path, db)
    assert main(["proposal", "--db", str(db), "-o", out]) == 2
    assert "--offer" in capsys.readouterr().err
    assert main(["proposal", "--db", str(db), "--offer", "FA-NOPE", "-o", out]) == 2
    assert "FA-NOPE" in capsys.readouterr().err
    assert main(["proposal", "--db", str(tmp_path / "none.sqlite"), "--offer", "x", "-o", out]) == 2
    assert "no store at" in capsys.readouterr().err and not (tmp_path / "none.sqlite").exists()
    assert main(["proposal", "--sample", "--lines", "0", "-o", out]) == 2
    assert "--lines" in capsys.readouterr().err
    assert not Path(out).exists()


def test_demo_fills_the_demo_store_once_and_prints_an_approved_offer(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo.pdf"
    assert main(["proposal", "--demo", "--today", "2026-11-24", "-o", str(out)]) == 0  # WORKBENCH_HOME: a tmp home
    first = json.loads(capsys.readouterr().out)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "已批准" in text and "审批通过" in text and "银行" in text  # the demo offer was approved by the lead
    assert main(["proposal", "--demo", "--today", "2026-11-24", "-o", str(out)]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["number"] == first["number"]  # the same demo offer, not a new one
