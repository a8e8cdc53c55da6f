"""The proposal sheet's language (Chinese by default, English on request) and its making moment
(the PDF's CreationDate), through services.proposals on a real store and real PDFs."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.proposals.pdftext import pdf_text
from workbench.domain.errors import ValidationError
from workbench.proposals.branding import load_branding
from workbench.services import contacts, customers, offers, proposals
from workbench.services.context import Context
from workbench.services.users import create_user
from workbench.store import models as m

TODAY = date(2026, 12, 1)
CST = timezone(timedelta(hours=8))
MADE = datetime(2026, 12, 1, 9, 41, 7, tzinfo=CST)
LINES = {"lines": [{"product": "MOB-58", "quantity": 40, "term_months": 36},
                   {"product": "BB-1000M", "quantity": 1, "term_months": 36}]}


@pytest.fixture
def customer(ctx: Context):
    c = customers.create_customer(ctx, values={"name": "招商银行深圳科技园支行", "industry_code": "banking"})
    contacts.add_contact(ctx, customer_id=c.id, values={"name": "王喆", "title": "信息科技部总经理",
                                                        "is_key_person": True})
    return c


def creation_date(pdf: bytes) -> str:
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    return str(meta["/CreationDate"])


def industry_en(ctx: Context, code: str) -> str:
    with ctx.store.read() as s:
        row = s.get(m.Industry, code)
        assert row is not None
        return row.name_en


def test_the_english_sheet_carries_the_datas_english_and_keeps_what_was_typed(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="员工通信方案", offer=LINES, today=TODAY)
    record = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY, lang="en", now=MADE)
    c = record.content
    assert c.lang == "en" and c.industry == industry_en(ctx, "banking") and c.industry.isascii()
    assert c.manager.title == "Account manager" and c.state_label == "Draft"
    assert c.approval == "The offer's discounts are within the account manager's authority"
    assert [t.heading for t in c.terms][:2] == ["Term", "Charges and payment"]
    assert "three years" in c.terms[0].text
    assert all(item.name.isascii() and item.feature.isascii() and item.unit.isascii() for item in c.solution)
    assert all(e.isascii() for item in c.solution for e in item.evidence)
    # what was typed stays as typed
    assert c.customer_name == "招商银行深圳科技园支行" and c.title == "员工通信方案"
    assert c.key_person is not None and c.key_person.title == "信息科技部总经理"
    assert c.made_at == MADE and creation_date(record.pdf) == "D:20261201094107+08'00'"
    assert PdfReader(io.BytesIO(record.pdf)).trailer["/Root"]["/Lang"] == "en"


def test_chinese_is_the_default_and_a_language_change_replaces_the_open_record(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=LINES, today=TODAY)
    zh = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY, now=MADE)
    assert zh.content.lang == "zh" and zh.content.industry == "银行" and zh.content.state_label == "草稿"
    en = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY, lang="en", now=MADE + timedelta(minutes=2))
    assert en.id == zh.id and en.pdf != zh.pdf and en.content.lang == "en"
    stored = proposals.get_proposal(ctx, offer_id=info.id)
    assert stored is not None and stored.pdf == en.pdf  # what Save and Print hand over is what is kept
    again = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY + timedelta(days=1), lang="en",
                                       now=MADE + timedelta(days=1))
    assert again.pdf == en.pdf and again.content.made_at == MADE + timedelta(minutes=2)  # the same document
    with pytest.raises(ValueError):
        proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY, lang="fr")


def test_a_sent_sheet_stays_in_the_language_it_was_sent_in(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=LINES, today=TODAY)
    sent = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY, lang="en", now=MADE)
    offers.mark_sent(ctx, offer_id=info.id)
    later = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY, lang="zh")
    assert later.frozen and later.pdf == sent.pdf and later.content.lang == "en"
    assert later.content.state_label == "Draft"  # as printed when it was made


def test_an_approval_is_told_in_english(ctx: Context, customer) -> None:
    deep = {"lines": [{"product": "MOB-58", "quantity": 40, "term_months": 12, "manual_discount_percent": "22"}]}
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=deep, today=TODAY)
    waiting = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY, lang="en", now=MADE)
    assert waiting.content.approval is not None and waiting.content.approval.endswith(", not yet approved")
    assert waiting.content.approval.isascii() and waiting.content.state_label == "Awaiting approval"
    lead = Context(ctx.store, create_user(ctx.store, name="朱镕基", role="team_lead").id)
    offers.approve(lead, offer_id=info.id, comment="同意")
    approved = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY, lang="en", now=MADE)
    assert approved.content.approval is not None
    assert approved.content.approval.startswith("Approved by Team lead 朱镕基 on ")  # the name as typed
    assert approved.content.state_label == "Approved"


def test_without_a_clock_the_moment_is_now_with_the_local_offset(ctx: Context, customer, tmp_path: Path) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=LINES, today=TODAY)
    before = datetime.now().astimezone().replace(microsecond=0)
    record = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    after = datetime.now().astimezone()
    made = record.content.made_at
    assert made is not None and made.utcoffset() == before.utcoffset()
    assert before <= made <= after
    meta = PdfReader(io.BytesIO(record.pdf)).metadata
    assert meta is not None and meta.creation_date == made.replace(microsecond=0)


def test_a_rejected_offer_is_refused_in_any_language(ctx: Context, customer) -> None:
    deep = {"lines": [{"product": "MOB-58", "quantity": 40, "term_months": 12, "manual_discount_percent": "22"}]}
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=deep, today=TODAY)
    lead = Context(ctx.store, create_user(ctx.store, name="朱镕基", role="team_lead").id)
    offers.reject(lead, offer_id=info.id, comment="价格过低")
    with pytest.raises(ValidationError):
        proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY, lang="en")


CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def test_the_english_sheet_has_an_english_letterhead_and_footer(ctx: Context, customer, tmp_path: Path) -> None:
    """Every page of the English sheet, read back from the real PDF: the letterhead (company
    name, department, address), the footer and the body hold no Chinese but what was typed."""
    info = offers.create_offer(ctx, customer_id=customer.id, title="员工通信方案", offer=LINES, today=TODAY)
    record = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY, lang="en", now=MADE)
    (tmp_path / "en.pdf").write_bytes(record.pdf)
    brand = load_branding()
    text = pdf_text(tmp_path / "en.pdf")
    for page in range(1, len(PdfReader(io.BytesIO(record.pdf)).pages) + 1):
        lines = pdf_text(tmp_path / "en.pdf", page).splitlines()
        assert lines[:4] == ["Huanan Communications", brand.company_en, "Government and Enterprise Customers",
                             "1 Example Avenue, Futian District, Shenzhen (sample address)"]  # not 华南通信…
        assert "Huanan Communications, Government and Enterprise Customers · Proposal no." in " ".join(lines)
    assert brand.company_zh not in text and (brand.department or "") not in text
    typed = ["招商银行深圳科技园支行", "员工通信方案", "王喆", "信息科技部总经理"]
    for value in typed:
        text = text.replace(value, "")
    assert CJK.findall(text) == []
    # the Chinese sheet keeps its Chinese letterhead
    zh = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY, lang="zh", now=MADE)
    (tmp_path / "zh.pdf").write_bytes(zh.pdf)
    assert pdf_text(tmp_path / "zh.pdf", 1).splitlines()[0] == brand.company_zh
