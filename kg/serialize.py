"""Serialise graphs deterministically and write files atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

from kg.errors import OutputError


def to_turtle(graph: Graph) -> str:
    return graph.serialize(format="turtle")


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write via a temporary file in the same folder, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror}); check the output folder") from None
