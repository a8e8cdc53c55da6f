"""Every visible text of the visit form, in one place, through ``tr()``.

Kept apart from the layout so that the form stays short; the translator sees them under
the context ``FormTexts``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from workbench.services import dto
from workbench.ui.labels import label, stage_name


class FormTexts(QObject):
    def group_titles(self) -> tuple[str, str, str]:
        return self.tr("Visit"), self.tr("SPIN notes"), self.tr("Results")

    def titles(self) -> dict[str, str]:
        return {
            "occurred_at": self.tr("&Date and time"),
            "duration_min": self.tr("D&uration"),
            "kind": self.tr("&Kind"),
            "place": self.tr("&Place"),
            "contact_ids": self.tr("Contacts &met"),
            "objective": self.tr("&Objective"),
            "spin_situation": self.tr("&Situation"),
            "spin_problem": self.tr("Pro&blem"),
            "spin_implication": self.tr("&Implication"),
            "spin_need_payoff": self.tr("N&eed-payoff"),
            "needs": self.tr("&Needs found"),
            "competitor_notes": self.tr("&Competitor intelligence"),
            "outcome": self.tr("Ou&tcome"),
            "next_step": self.tr("Ne&xt step"),
            "follow_up_date": self.tr("&Follow up on"),
            "move_to_stage": self.tr("Move st&age to"),
            "stage_reason": self.tr("&Reason"),
        }

    def spin_hints(self) -> dict[str, str]:
        return {
            "spin_situation": self.tr("Facts about their situation now: sites, lines, providers, contracts."),
            "spin_problem": self.tr("Difficulties and dissatisfactions with what they have now."),
            "spin_implication": self.tr("What those problems lead to: cost, risk, lost time; why they matter."),
            "spin_need_payoff": self.tr("What solving them would be worth to the customer, in their words."),
        }

    def placeholders(self) -> dict[str, str]:
        return {
            "place": self.tr("e.g. the customer's head office"),
            "objective": self.tr("What this visit was meant to achieve"),
            "needs": self.tr("The needs found in this visit"),
            "competitor_notes": self.tr("Who serves them now, at what price, until when; what rivals offer"),
            "outcome": self.tr("What was agreed or decided"),
            "next_step": self.tr("What happens next, and who does it"),
            "stage_reason": self.tr("Why the relationship moved"),
        }

    def minutes_suffix(self) -> str:
        return self.tr(" min")

    def no_stage_change(self) -> str:
        return self.tr("No change")

    def stage(self, info: dto.StageInfo, *, current: bool) -> str:
        text = stage_name(info)
        return self.tr("{0} (current)").format(text) if current else text

    def plus_day(self) -> str:
        return self.tr("+1 da&y")

    def plus_week(self) -> str:
        return self.tr("+1 &week")

    def key_person(self) -> str:
        return self.tr("key person")

    def no_contacts(self) -> str:
        return self.tr("No contacts recorded for this customer yet.")

    def enum(self, member: Any) -> str:
        return label(member)
