"""`proposal`: a 2-page and a 6-page proposal sheet, content to PDF bytes, with our ReportLab
renderer (``workbench.proposals.render.render_proposal``) against the same content as HTML +
CSS through WeasyPrint (what Odoo's community moved to; :mod:`benchmarks.proposal_html`),
with the same sections and the same embedded font.

The sample sizes are found by rendering: the middle of the range of ``sample_content(lines=N)``
sizes whose PDF (ours) has exactly that many pages; for 2 pages, when even a 1-line sample is
longer (today: 3 pages, with its prestore schemes, gifts and schedule), the same offer priced
without its prestore schemes. The page counts are checked, not assumed.

Timing is process-warm: each side renders each of the two proposals once first (fonts loaded
and parsed, caches filled), then the median of the repeats of the whole path
``ProposalContent -> PDF bytes``. Sizes are of those same PDFs (KB = 1024 bytes).

WeasyPrint is the ``bench`` extra: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from benchmarks.harness import Result, median_time, result
from benchmarks.proposal_html import render_weasyprint, require_weasyprint
from workbench.pricing import load_catalogue, load_policy, parse_offer, price, quote_to_dict
from workbench.proposals.content import ProposalContent
from workbench.proposals.sample import sample_content, sample_offer, solution_items

BASELINE = "WeasyPrint HTML->PDF, same content and font"
TODAY = date(2026, 11, 24)


def content(lines: int, *, schemes: bool = True) -> ProposalContent:
    """``sample_content(lines)``; without ``schemes``, the same offer priced without its prestore
    schemes (so without their gifts and schedule rows): a short proposal."""
    full = sample_content(lines, today=TODAY)
    if schemes:
        return full
    offer = sample_offer(lines)
    offer["schemes"] = []
    catalogue = load_catalogue()
    quote = quote_to_dict(price(catalogue, load_policy(), parse_offer(offer), role="hq", today=TODAY))
    return dataclasses.replace(full, quote=quote, solution=solution_items(catalogue, quote, "banking"))


def lines_for_pages(pages: int, *, schemes: bool = True, limit: int = 256) -> int:
    """A number of sample lines whose proposal (ours) has exactly ``pages`` pages: the middle of
    the range of such counts, so the last page is neither nearly empty nor brim-full. Pages grow
    with lines, so two bisections; ValueError when no count gives ``pages``."""
    from workbench.proposals.render import render_proposal

    def count(n: int) -> int:
        return render_proposal(content(n, schemes=schemes)).pages

    def last_at_most(target: int) -> int:  # the most lines giving <= target pages (0: none)
        lo, hi = 0, limit
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if count(mid) <= target:
                lo = mid
            else:
                hi = mid - 1
        return lo

    if count(1) > pages:
        raise ValueError(f"even a 1-line sample gives {count(1)} pages, more than {pages}")
    first, last = last_at_most(pages - 1) + 1, last_at_most(pages)
    if first > last:
        raise ValueError(f"no sample size gives a {pages}-page proposal (from {first} lines: {count(first)} pages)")
    return (first + last) // 2


def _sample(pages: int) -> ProposalContent:
    """The sample proposal of ``pages`` pages: sample_content(N), or when even one line of it is
    longer (today's layout: 3 pages), the offer without its prestore schemes."""
    try:
        return content(lines_for_pages(pages))
    except ValueError:
        return content(lines_for_pages(pages, schemes=False), schemes=False)


def _median_ms(fn: Callable[[ProposalContent], bytes], doc: ProposalContent, repeat: int) -> float:
    return median_time(lambda: fn(doc), repeat) * 1000


def run(*, scale: int, quick: bool) -> list[Result]:
    require_weasyprint()  # fail early and clearly, before any rendering
    from workbench.proposals.render import render_proposal

    repeat = 3 if quick else 7
    contents = {pages: _sample(pages) for pages in (2, 6)}

    def ours(doc: ProposalContent) -> bytes:
        return render_proposal(doc).pdf

    def base(doc: ProposalContent) -> bytes:
        return render_weasyprint(doc)

    sides: dict[str, Callable[[ProposalContent], bytes]] = {"ours": ours, "base": base}
    for fn in sides.values():  # the same warm-up for both: one render of each proposal
        for doc in contents.values():
            fn(doc)

    results: list[Result] = []
    for pages, doc in contents.items():
        rendered = render_proposal(doc)
        if rendered.pages != pages:
            raise AssertionError(f"{len(doc.quote['lines'])} lines gave {rendered.pages} pages, not {pages}")
        ms = {name: _median_ms(fn, doc, repeat) for name, fn in sides.items()}
        results.append(result("proposal", f"proposal_{pages}_pages", ms["ours"], "ms", BASELINE, ms["base"],
                              "ratio <= 0.3"))
        kb_ours, kb_base = len(rendered.pdf) / 1024, len(base(doc)) / 1024
        results.append(result("proposal", f"pdf_size_{pages}_pages", kb_ours, "KB",
                              "WeasyPrint's PDF of the same content", kb_base, "value < 400 KB"))
    return results
