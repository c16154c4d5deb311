"""Minting IRIs from labels: stable, readable, and valid in every RDF toolkit.

A local name keeps letters and digits of any script (so 中信重工 stays readable), `_` and
`-`; every other run of characters becomes `_` and an 8-hex-digit hash of the exact label
is appended, so two labels never collide and no `%`, `<>`, quote or space ever reaches a
serializer. Local names never start with a digit or `-` and never end with `.`, so every
parser accepts them as prefixed names or full IRIs alike.
"""

from __future__ import annotations

import hashlib
import unicodedata


def _keep(ch: str) -> bool:
    if ch in "_-":
        return True
    if ch.isascii():
        return ch.isalnum()
    cat = unicodedata.category(ch)
    # Letters and decimal digits only: Nl/No (①, Ⅻ) and marks are replaced.
    return cat.startswith("L") or cat == "Nd"


def short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


def mint(label: str) -> str:
    """Local name for a label: deterministic, collision-free, safe in Turtle/N-Triples/XML."""
    out: list[str] = []
    replaced = False
    for ch in unicodedata.normalize("NFC", label):
        if _keep(ch):
            out.append(ch)
        else:
            replaced = True
            if out and out[-1] != "_":
                out.append("_")
    slug = "".join(out).strip("_")
    if replaced or not slug:
        slug = f"{slug}_{short_hash(label)}" if slug else f"h{short_hash(label)}"
    if slug[0].isdigit() or slug[0] == "-":
        slug = "_" + slug
    return slug
