"""Display labels of the domain vocabularies, in the language in force."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def current_lang() -> str:
    """"zh" when the Chinese translation is installed, else "en".

    The Chinese .ts translates this marker string to "zh"; with no translator it stays "en".
    """
    return "zh" if QCoreApplication.translate("lang", "en") == "zh" else "en"


def label(member: Any) -> str:
    """``member.zh`` or ``member.en`` (enums of workbench.domain.enums, DTO infos with name_zh/en)."""
    zh = current_lang() == "zh"
    if hasattr(member, "zh"):
        return str(member.zh if zh else member.en)
    if hasattr(member, "name_zh"):
        return str(member.name_zh if zh else member.name_en)
    return str(member)
