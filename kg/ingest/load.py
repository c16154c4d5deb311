"""Read a report file and produce the Document every later stage works on."""

from __future__ import annotations

from pathlib import Path

from kg.ingest import structure
from kg.ingest.normalize import normalise
from kg.ingest.readers import read_source
from kg.model import Document


def load_document(path: Path) -> Document:
    src = read_source(path)
    text, paras = normalise(src.text)
    secs = structure.sections(text, paras)
    return Document(
        doc_id=path.stem,
        source=path,
        sha256=src.sha256,
        text=text,
        metadata=structure.metadata(paras),
        paragraphs=paras,
        sections=secs,
        sentences=structure.sentences(text, paras, secs),
        glossary=structure.glossary(text, paras, secs),
    )
