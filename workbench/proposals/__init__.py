"""Proposal sheets (方案建议书): a priced quote and its customer -> a Chinese PDF (ReportLab).

Pure Python, no Qt, no SQL. :class:`ProposalContent` (content.py) is everything a proposal
shows, JSON-serialisable so that it is stored with the PDF bytes it produced (the frozen
record); :func:`workbench.proposals.render.render_proposal` turns it into PDF bytes.
"""

from workbench.proposals.content import (
    CONTENT_FORMAT,
    Person,
    ProposalContent,
    SolutionItem,
    Term,
    content_from_dict,
    content_to_dict,
)

__all__ = ["CONTENT_FORMAT", "Person", "ProposalContent", "SolutionItem", "Term", "content_from_dict",
           "content_to_dict"]
