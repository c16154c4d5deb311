"""HTML reader: the visible text of a saved web page, via the stdlib html.parser.

Script and style content is dropped, block elements end a line, entities are unescaped
and ``&nbsp;`` becomes a plain space. Everything else (indentation, wraps, page furniture)
is left for ``kg.ingest.normalize``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError
from kg.ingest.readers import decode_text

# Elements whose content is never shown as text.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "object"})
# Elements that start and end a line when rendered.
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "body", "html",
})
_CELL = frozenset({"td", "th"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "area", "base", "col",
                   "embed", "param", "source", "track"})
_WS = re.compile(r"[ \t\r\n\f]+")  # HTML whitespace; U+00A0 (&nbsp;) is not in it
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class _TextParser(HTMLParser):
    """Collects visible text; whitespace collapses as a browser would, except in <pre>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.pre = 0
        self.cell_open = False

    def _newline(self) -> None:
        self.parts.append("\n")
        self.cell_open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            # </head> may be omitted in valid HTML; the body is visible whatever came before.
            self.hidden = 0
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _CELL:
            if self.cell_open:
                self.parts.append("\t")
            self.cell_open = True
        elif tag in _BLOCK:
            self._newline()
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK and tag not in _VOID:
            self._newline()
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        # Spaces inside <pre> are rendered like &nbsp;, so they survive the line trimming.
        self.parts.append(data.replace(" ", "\u00a0") if self.pre else _WS.sub(" ", data))


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """Honour a <meta charset> declaration, else detect UTF-8 / GB18030 like a .txt file."""
    match = _CHARSET.search(data[:4096])
    if match:
        declared = match.group(1).decode("ascii").lower()
        # GB2312 and GBK pages are decoded with their superset GB18030.
        codec = "gb18030" if declared in {"gb2312", "gbk", "gb18030", "x-gbk"} else declared
        try:
            return data.decode(codec).removeprefix("\ufeff"), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to detection
    return decode_text(data, path)


def read_html(path: Path, data: bytes) -> tuple[str, str]:
    """Return (visible text, encoding) of an HTML page."""
    markup, encoding = _decode(path, data)
    parser = _TextParser()
    try:
        parser.feed(markup)
        parser.close()
    except Exception as exc:  # html.parser is lenient; this is a last resort
        raise InputError(f"{path}: cannot parse HTML ({exc}); save the page as .txt") from None
    lines = []
    for line in "".join(parser.parts).split("\n"):
        # Collapsed whitespace at a line's ends is not rendered; &nbsp; (U+00A0) is, so it
        # survives as a plain space.
        lines.append(line.strip(" ").replace("\u00a0", " "))
    # Nested blocks end several lines at once; one line break per boundary is enough.
    return "\n".join(line for line in lines if line), encoding
