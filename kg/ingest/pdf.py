"""PDF reader: the text layer of each page via pypdf, pages joined by a newline.

Only decodes. Page numbers, hard wraps and other print debris stay in the text; removing
them is ``kg.ingest.normalize``'s job, which sees every format the same way.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from kg.errors import InputError


def read_pdf(path: Path, data: bytes) -> tuple[str, str]:
    """Return (text, "pdf"); raise InputError for encrypted, corrupt or image-only PDFs."""
    # pypdf logs every repaired cross-reference at WARNING; that is noise for a user who
    # only gets the text, and a broken file ends in an InputError anyway.
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        return _read_pdf(path, data)
    finally:
        log.setLevel(level)


def _read_pdf(path: Path, data: bytes) -> tuple[str, str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if b"%PDF-" not in data[:1024]:  # the header may follow a little junk
        raise InputError(f"{path}: not a PDF file (no %PDF header); check the file or its suffix")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty user password only to set permissions;
            # those open without a password.
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise InputError(
                    f"{path}: PDF is AES-encrypted and the cryptography package is missing;"
                    " pip install 'pypdf[crypto]' or save an unprotected copy"
                ) from None
            except Exception:  # pypdf raises several types for unsupported crypto
                opened = 0
            if not opened:
                raise InputError(
                    f"{path}: PDF is password-protected; save an unprotected copy first"
                )
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except FileNotDecryptedError:
        raise InputError(f"{path}: PDF is password-protected; save an unprotected copy first") from None
    except Exception as exc:  # a corrupt file can fail anywhere inside pypdf
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(
            f"{path}: cannot read PDF ({reason}); re-export it or convert it to .txt"
        ) from None
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(f"{path}: PDF has no text layer (scanned PDF?); run OCR first")
    return text, "pdf"
