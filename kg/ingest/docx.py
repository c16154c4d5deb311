"""DOCX reader: paragraph texts and table cells in document order via python-docx.

A table row becomes one line with its cells separated by a tab, so that an indicator and
its value in one row stay on one line for the extractors.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _table_lines(table: object) -> Iterator[str]:
    """One line per row (cells joined by tab; merged cells once); nested tables follow."""
    from docx.table import Table

    assert isinstance(table, Table)
    for row in table.rows:
        seen: set[int] = set()
        cells: list[str] = []
        nested: list[Table] = []
        for cell in row.cells:
            key = id(cell._tc)
            if key in seen:  # a horizontally merged cell is returned once per grid column
                continue
            seen.add(key)
            parts: list[str] = []
            for block in cell.iter_inner_content():
                if isinstance(block, Table):
                    nested.append(block)
                else:
                    parts.append(block.text)
            cells.append("\n".join(parts))
        yield "\t".join(cells)
        for inner in nested:
            yield from _table_lines(inner)


def read_docx(path: Path, data: bytes) -> tuple[str, str]:
    """Return (text, "docx"); raise InputError for encrypted, legacy .doc or corrupt files."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    if data.startswith(_OLE_MAGIC):
        # Word stores password-protected .docx and old binary .doc files in an OLE container.
        raise InputError(
            f"{path}: encrypted or legacy Word (.doc) file; save an unprotected .docx copy first"
        )
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_lines(block))
            else:
                lines.append(block.text)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: cannot read DOCX ({reason}); re-save it from Word") from None
    except Exception as exc:  # lxml and zip errors from a damaged package
        raise InputError(
            f"{path}: cannot read DOCX ({type(exc).__name__}); re-save it from Word"
        ) from None
    return "\n".join(lines), "docx"
