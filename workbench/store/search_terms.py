"""What the customer search indexes, computed from a customer and its contacts (pure Python).

Three structures serve three kinds of query (see store/search.py):
- ``doc``: every searchable string of the customer, for the FTS5 trigram index (queries of
  three characters or more, any script: Chinese substrings, pinyin, phone digits);
- ``grams``: Chinese characters and bigrams plus pinyin-initial letters and bigrams, for
  one- and two-character queries, which a trigram index cannot answer; each gram says
  whether it starts one of the keys (0) or only occurs inside (1), so that the index itself
  returns prefix matches first;
- ``keys``: whole strings (names, pinyin, initials, credit code, phone digits): a query
  equal to one is an exact match, one starting one is a prefix match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_SPACES = re.compile(r"[\s\u3000·•・\-_/()()]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_ALNUM_RUN = re.compile(r"[0-9a-z]+")


def normalize(text: str) -> str:
    """Fold width and case, drop spaces, light punctuation and invisible characters
    (controls, zero-width spaces and BOMs pasted from web pages or chat, lone
    surrogates): what both sides compare."""
    folded = unicodedata.normalize("NFKC", text).lower()
    if not folded.isprintable():
        folded = "".join(ch for ch in folded if unicodedata.category(ch) not in _INVISIBLE)
    return _SPACES.sub("", folded)


_INVISIBLE = frozenset(("Cc", "Cf", "Cs", "Co", "Cn"))


@lru_cache(maxsize=65536)
def pinyin(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of a normalized string; Latin letters and digits kept whole.

    ``中国银行`` -> ("zhongguoyinhang", "zgyh"); ``ibm中国`` -> ("ibmzhongguo", "ibmzg").
    Polyphonic characters follow pypinyin's phrase dictionary (银行 -> yinhang, 重庆 ->
    chongqing), which is why a Han run is converted whole rather than char by char.
    """
    from pypinyin import lazy_pinyin  # deferred: 0.25 s to import

    full: list[str] = []
    initials: list[str] = []
    for han, other in _RUNS.findall(text):
        if han:
            syllables = lazy_pinyin(han)
            full.extend(syllables)
            initials.extend(s[:1] for s in syllables)
        else:
            kept = "".join(_ALNUM_RUN.findall(other))
            full.append(kept)
            initials.append(kept)
    return "".join(full), "".join(initials)


_RUNS = re.compile(rf"((?:{_HAN.pattern})+)|([^{_HAN.pattern[1:-1]}]+)")


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


MAX_KEYS = 256  # keys per customer in the prefix index (rowid = num * MAX_KEYS + k)


@dataclass(frozen=True, slots=True)
class SearchTerms:
    doc: str
    grams: dict[str, int]  # gram -> 0 if it starts a key, else 1
    keys: tuple[str, ...]  # distinct, in a stable order; at most MAX_KEYS
    sort_key: str


def _add_grams(out: dict[str, int], text: str) -> None:
    """Each Han character and Han bigram; class 0 where it starts ``text``."""
    for m in _HAN_RUN.finditer(text):
        run, start = m.group(0), m.start()
        for i, ch in enumerate(run):
            cls = 0 if start + i == 0 else 1
            out[ch] = min(out.get(ch, 1), cls)
            if i + 1 < len(run):
                out[run[i : i + 2]] = min(out.get(run[i : i + 2], 1), cls)


def _add_initials(out: dict[str, int], initials: str) -> None:
    for i, ch in enumerate(initials):
        cls = 0 if i == 0 else 1
        out[ch] = min(out.get(ch, 1), cls)
        if i + 1 < len(initials):
            out[initials[i : i + 2]] = min(out.get(initials[i : i + 2], 1), cls)


_HAN_RUN = re.compile(f"(?:{_HAN.pattern})+")


def compute(
    *,
    name: str,
    short_name: str | None,
    credit_code: str | None,
    contact_names: Iterable[str],
    phones: Iterable[str],
) -> SearchTerms:
    names = [normalize(name)]
    if short_name:
        names.append(normalize(short_name))
    people = [normalize(n) for n in contact_names if n]
    parts: list[str] = []
    grams: dict[str, int] = {}
    for text in names + people:
        if not text:
            continue
        full, initials = pinyin(text)
        parts.extend((text, full, initials))
        _add_grams(grams, text)
        _add_initials(grams, initials)
    if credit_code:
        parts.append(credit_code.lower())
    for phone in phones:
        d = digits(phone)
        if d:
            parts.append(d)
            if d.startswith("0") and len(d) > 8:  # landline: the local number is typed alone
                parts.append(d[-8:])
    keys = tuple(dict.fromkeys(p for p in parts if p))
    return SearchTerms(
        doc="\n".join(keys),
        grams=grams,
        keys=keys[:MAX_KEYS],
        sort_key=pinyin(names[0])[0] + "\x00" + names[0],
    )
