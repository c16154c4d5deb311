"""Extraction: one module per extractor, each ``extract(doc, found) -> Extraction``.

``found`` is what the earlier extractors produced, so later ones (relations) can build on
names and scopes without reaching back into the text a second time.
"""

from __future__ import annotations

from importlib import import_module

from kg.model import Document, Extraction

# Order matters: later stages read what earlier ones found.
STAGES = ("glossary", "slogans", "actions", "names", "matches", "relations", "measures")


def extract(doc: Document) -> Extraction:
    found = Extraction()
    for name in STAGES:
        stage = import_module(f"kg.extract.{name}")
        found.extend(stage.extract(doc, found))
    return found
