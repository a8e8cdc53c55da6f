"""Display labels of the domain vocabularies, in the language in force."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale


def current_lang() -> str:
    """"zh" when the Chinese translation is installed, else "en".

    The Chinese .ts translates this marker string to "zh"; with no translator it stays "en".
    """
    return "zh" if QCoreApplication.translate("lang", "en") == "zh" else "en"


def is_chinese() -> bool:
    return current_lang() == "zh"


def ui_locale() -> QLocale:
    """The locale of the UI's language (dates, numbers), not the system's."""
    if is_chinese():
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def user_label(name: str | None) -> str | None:
    """A user's name as shown: as typed, except the first start's default name 我
    (services.users.DEFAULT_USER_NAME), a word of the program, which reads "Me" in English."""
    from workbench.services.users import DEFAULT_USER_NAME

    return QCoreApplication.translate("labels", "Me") if name == DEFAULT_USER_NAME else name


def stage_name(info: Any) -> str:
    """"加强关系 · 做关系" for a stage inside a group of several, the stage name alone otherwise
    (a StageInfo: name_zh/en, group_zh/en)."""
    name, group = (info.name_zh, info.group_zh) if is_chinese() else (info.name_en, info.group_en)
    return str(name if info.group_zh == info.name_zh else f"{group} · {name}")


def label(member: Any) -> str:
    """``member.zh`` or ``member.en`` in the language in force: enums of workbench.domain.enums,
    domain errors and field errors (zh/en), DTO infos (name_zh/en). The one bilingual picker."""
    zh = is_chinese()
    if hasattr(member, "zh"):
        return str(member.zh if zh else member.en)
    if hasattr(member, "name_zh"):
        return str(member.name_zh if zh else member.name_en)
    if hasattr(member, "message_zh"):  # a sync error: the server's words in both languages
        return str((member.message_zh if zh else "") or member.message)
    return str(member)
