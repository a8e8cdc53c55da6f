"""The operator's letterhead: company name, contact lines, brand colours and logo.

Read from ``branding/branding.json`` in the user's data directory when there is one (an
operator deploys its letterhead there without touching the installed program), else from
``resources/branding/branding.json`` shipped in ``workbench.resources``, which an operator
building its own installer replaces with the logo beside it (see resources/branding/README.md).
An English sheet's letterhead is the English side of the same file (:meth:`Branding.letterhead`).
Pure data, no Qt, no ReportLab.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any, NamedTuple

BRANDING_FILE = "branding.json"
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True, slots=True)
class Branding:
    """What the letterhead shows. ``logo`` is an absolute path (or None: no logo drawn)."""

    company_zh: str
    company_en: str
    short_name: str
    department: str | None
    address: str | None
    hotline: str | None
    website: str | None
    primary: str  # "#RRGGBB"
    accent: str  # "#RRGGBB"
    logo: Path | None
    short_name_en: str | None = None
    department_en: str | None = None
    address_en: str | None = None

    def letterhead(self, lang: str) -> Letterhead:
        """The texts of the letterhead and the footer of a sheet in ``lang``: the Chinese sheet
        shows the Chinese name over the English one; the English sheet its English short name
        over the English name (the English name alone without a short one), with the English
        department and address (the Chinese one where there is no English, rather than nothing)."""
        if lang != "en":
            return Letterhead(self.company_zh, self.company_en, self.short_name, self.department, self.address)
        name, second = (self.short_name_en, self.company_en) if self.short_name_en else (self.company_en, "")
        return Letterhead(name, second, self.short_name_en or self.company_en,
                          self.department_en or self.department, self.address_en or self.address)


class Letterhead(NamedTuple):
    """What one sheet's letterhead and footer print, in the sheet's language."""

    name: str
    second_name: str  # under the name ("" for none)
    short_name: str  # in the footer
    department: str | None
    address: str | None


def default_branding_path() -> Path:
    from workbench.config import paths

    deployed = paths().data / "branding" / BRANDING_FILE
    if deployed.is_file():
        return deployed
    return Path(str(files("workbench.resources").joinpath("branding").joinpath(BRANDING_FILE)))


def _colour(data: dict[str, Any], key: str, path: Path) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not _HEX.match(value):
        raise ValueError(f"{path}: {key!r} must be a colour written #RRGGBB, not {value!r}")
    return value.upper()


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    return str(value)


def load_branding(path: Path | None = None) -> Branding:
    """Read a branding file; the logo path is resolved relative to the file."""
    path = default_branding_path() if path is None else Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object")
    missing = [key for key in ("company_zh", "company_en", "short_name") if not data.get(key)]
    if missing:
        raise ValueError(f"{path}: missing {', '.join(missing)}")
    logo_name = _text(data, "logo")
    logo = None
    if logo_name is not None:
        logo = (path.parent / logo_name).resolve()
        if not logo.is_file():
            raise ValueError(f"{path}: logo file {logo} does not exist")
    return Branding(
        company_zh=str(data["company_zh"]), company_en=str(data["company_en"]),
        short_name=str(data["short_name"]), department=_text(data, "department"),
        address=_text(data, "address"), hotline=_text(data, "hotline"), website=_text(data, "website"),
        primary=_colour(data, "primary", path), accent=_colour(data, "accent", path), logo=logo,
        short_name_en=_text(data, "short_name_en"), department_en=_text(data, "department_en"),
        address_en=_text(data, "address_en"),
    )
