"""Proposal preview, print and save (the PDF itself is made by workbench.proposals)."""
