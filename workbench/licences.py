"""What ships with the program and under which licence, read from what is installed.

Never a hand-typed list: the Python distributions are every distribution the ``workbench``
distribution requires, walked recursively through the installed metadata (the extras a
requirement asks for included, environment markers evaluated), each with its version and the
licence its metadata declares (``License-Expression``, else a short ``License`` field, else the
``License ::`` classifiers). The bundled fonts come from ``workbench.resources/fonts``: the
name and version from the font file's own name table, the licence from the licence file
beside it.

Pure Python (no Qt, no store): the About dialog shows it, the tests check it.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import NamedTuple

ROOT = "workbench"
UNKNOWN = "unknown"


class Shipped(NamedTuple):
    """One thing that ships: a distribution or a bundled file."""

    name: str
    version: str
    licence: str


def program_version() -> str:
    """The installed version of the ``workbench`` distribution (its metadata); the package's
    ``__version__`` only where no metadata travels with it."""
    try:
        return metadata.version(ROOT)
    except metadata.PackageNotFoundError:
        from workbench import __version__

        return __version__


def shipped() -> list[Shipped]:
    """Every required distribution (sorted by name), then the bundled fonts."""
    return [*distributions(), *fonts()]


# --- distributions ---------------------------------------------------------------------------

_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


def canonical(name: str) -> str:
    """PEP 503 normalised name: ``PySide6_Essentials`` -> ``pyside6-essentials``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _wanted(marker: str, extras: set[str]) -> bool:
    """Whether a requirement's environment marker holds here, for the extras asked of its
    distribution ("" for none)."""
    if not marker.strip():
        return True
    try:
        from packaging.markers import Marker
    except ImportError:  # no packaging (a frozen bundle): judge by the extras alone
        named = set(_EXTRA.findall(marker))
        return not named or bool(named & extras)
    parsed = Marker(marker)
    return any(parsed.evaluate({"extra": extra}) for extra in sorted(extras | {""}))


def _requirements(dist: metadata.Distribution, extras: set[str]) -> Iterable[tuple[str, set[str]]]:
    """(name, extras) of what ``dist`` requires here, with the given extras of its own."""
    for line in dist.requires or []:
        spec, _, marker = line.partition(";")
        match = _REQUIREMENT.match(spec)
        if match is None or not _wanted(marker, extras):
            continue
        asked = {canonical(e.strip()) for e in (match.group(2) or "").split(",") if e.strip()}
        yield match.group(1), asked


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    """A metadata field, "" when absent (newer Pythons raise KeyError for a missing one)."""
    return str(meta[key] or "").strip() if key in meta else ""


def licence_of(meta: metadata.PackageMetadata) -> str:
    """The licence a distribution's metadata declares: ``License-Expression`` (SPDX), else a
    one-line ``License`` field, else its ``License ::`` classifiers, else the first line of a
    longer ``License`` text."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License")
    if text.upper() == "UNKNOWN":
        text = ""
    if text and "\n" not in text and len(text) <= 60:
        return text
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::") and c.split("::")[-1].strip() != "OSI Approved"]
    if classifiers:
        return " / ".join(dict.fromkeys(classifiers))
    if text:
        first = text.splitlines()[0].strip()
        return first if len(first) <= 60 else first[:57] + "..."
    return UNKNOWN


def distributions(root: str = ROOT) -> list[Shipped]:
    """Every installed distribution ``root`` requires, recursively (``root`` itself left out),
    sorted by name; a requirement not installed here is left out."""
    found: dict[str, metadata.Distribution] = {}
    extras_of: dict[str, set[str]] = {}
    pending: list[tuple[str, set[str]]] = [(root, set())]
    while pending:
        name, extras = pending.pop()
        key = canonical(name)
        if key in found and extras <= extras_of[key]:
            continue
        try:
            dist = found.get(key) or metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[key] = dist
        extras_of[key] = extras_of.get(key, set()) | extras
        pending.extend(_requirements(dist, extras_of[key]))
    out = [Shipped(dist.metadata["Name"] or key, dist.version, licence_of(dist.metadata))
           for key, dist in found.items() if key != canonical(root)]
    return sorted(out, key=lambda s: canonical(s.name))


# --- bundled fonts ---------------------------------------------------------------------------

_FONT_SUFFIXES = (".ttf", ".otf")


def _font_names(path: Path) -> dict[int, str]:
    """The Windows-platform (3, 1) English records of a TrueType/OpenType font's name table,
    by name id (1 family, 5 version, 13 licence description)."""
    with path.open("rb") as f:
        tables = struct.unpack(">H", f.read(12)[4:6])[0]
        directory = f.read(16 * tables)
        for i in range(tables):
            tag, _checksum, offset, length = struct.unpack(">4sIII", directory[16 * i:16 * i + 16])
            if tag == b"name":
                f.seek(offset)
                data = f.read(length)
                break
        else:
            return {}
    _format, count, strings = struct.unpack(">HHH", data[:6])
    names: dict[int, str] = {}
    for i in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack(
            ">6H", data[6 + 12 * i:18 + 12 * i])
        if (platform, encoding) == (3, 1) and language == 0x409:
            names[name_id] = data[strings + offset:strings + offset + length].decode("utf-16-be")
    return names


def _licence_from_text(text: str) -> str:
    """An SPDX-style name for a licence text: the SIL Open Font License with its version, or
    the text's first line."""
    ofl = re.search(r"SIL OPEN FONT LICEN[CS]E,?\s+Version\s+(\d+(?:\.\d+)?)", text, re.IGNORECASE)
    if ofl:
        return f"OFL-{ofl.group(1)}"
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:60] or UNKNOWN


def font_licence_file(font: Path) -> Path:
    """``LICENSE-<Family>.txt`` beside ``<Family>-<Style>.ttf``."""
    return font.with_name(f"LICENSE-{font.stem.split('-')[0]}.txt")


def fonts(folder: Path | None = None) -> list[Shipped]:
    """The bundled fonts: family and version from the font file, licence from its licence
    file (else the font's own licence description)."""
    if folder is None:
        folder = Path(str(files("workbench.resources").joinpath("fonts")))
    out = []
    for font in sorted(p for p in folder.iterdir() if p.suffix.lower() in _FONT_SUFFIXES):
        names = _font_names(font)
        version = re.sub(r"^Version\s+", "", names.get(5, "")).split(";")[0].strip() or UNKNOWN
        licence_file = font_licence_file(font)
        if licence_file.is_file():
            licence = _licence_from_text(licence_file.read_text("utf-8"))
        else:
            licence = _licence_from_text(names.get(13, ""))
        out.append(Shipped(names.get(1) or font.stem, version, licence))
    return out
