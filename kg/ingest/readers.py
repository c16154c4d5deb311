"""Readers: file bytes → raw text, one function per format, chosen by a registry.

A reader only decodes; cleaning PDF debris and finding structure is ``normalize``'s job.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError


@dataclass(frozen=True)
class RawSource:
    """What a reader returns: the decoded text and facts about the file it came from."""

    path: Path
    text: str
    sha256: str
    encoding: str
    fmt: str


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 or GB18030 text (byte {exc.start}); re-save it as UTF-8"
        ) from None


def read_txt(path: Path, data: bytes) -> tuple[str, str]:
    """Plain text: only the encoding has to be found."""
    return decode_text(data, path)


Reader = Callable[[Path, bytes], tuple[str, str]]


def _read_pdf(path: Path, data: bytes) -> tuple[str, str]:
    from kg.ingest.pdf import read_pdf

    return read_pdf(path, data)


def _read_docx(path: Path, data: bytes) -> tuple[str, str]:
    from kg.ingest.docx import read_docx

    return read_docx(path, data)


def _read_html(path: Path, data: bytes) -> tuple[str, str]:
    from kg.ingest.html import read_html

    return read_html(path, data)


# suffix → reader. The pdf/docx/html readers import their libraries lazily so that reading
# a .txt report never pays for pypdf or python-docx.
READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".text": read_txt,
    ".md": read_txt,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
    ".html": _read_html,
    ".htm": _read_html,
}


def read_source(path: Path) -> RawSource:
    """Read one report file; raise InputError naming the file and the fix."""
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; use one of {known}")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; name a report file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}); check permissions") from None
    text, encoding = reader(path, data)
    if not text.strip():
        raise InputError(f"{path}: no text found; is it a scanned PDF or an empty file?")
    return RawSource(
        path=path,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        fmt=suffix.lstrip("."),
    )
