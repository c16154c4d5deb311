"""Readers turn real .txt, .pdf, .docx and .html files into text, or fail with one line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest.readers import READERS, decode_text, read_source

PARAS = ["政府工作报告", "各位代表：", "一、2020年工作回顾", "全区生产总值增长8%以上。"]


# ------------------------------------------------------------------- txt


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        ("\n".join(PARAS).encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + "\n".join(PARAS).encode("utf-8"), "utf-8-sig"),
        ("\n".join(PARAS).encode("gb18030"), "gb18030"),
        ("\n".join(PARAS).encode("gbk"), "gb18030"),
    ],
)
def test_txt_encodings_are_detected(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(encoded)
    raw = read_source(path)
    assert raw.text == "\n".join(PARAS)
    assert raw.encoding == encoding
    assert raw.fmt == "txt"
    assert len(raw.sha256) == 64


def test_gb18030_four_byte_characters_survive(tmp_path: Path) -> None:
    # 𠀀 (U+20000) has no GBK code; GB18030 encodes it in four bytes.
    text = "涧西区𠀀村委会"
    path = tmp_path / "rare.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_source(path).text == text


def test_txt_in_neither_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x80\xffabc")  # no BOM; invalid in UTF-8 and in GB18030
    with pytest.raises(InputError) as err:
        read_source(path)
    assert str(err.value) == f"{path}: not UTF-8 or GB18030 text (byte 0); re-save it as UTF-8"
    assert "\n" not in str(err.value)


def test_decode_text_prefers_utf8() -> None:
    data = "中信重工".encode()
    assert decode_text(data, Path("x.txt")) == ("中信重工", "utf-8")


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"unsupported file type \.xlsx; use one of "):
        read_source(tmp_path / "a.xlsx")
    with pytest.raises(InputError) as err:
        read_source(tmp_path / "missing.pdf")
    assert str(err.value) == f"{tmp_path / 'missing.pdf'}: no such file; check the path"


def test_registry_covers_every_format() -> None:
    assert {".txt", ".pdf", ".docx", ".html", ".htm"} <= set(READERS)


# ------------------------------------------------------------------- pdf


def _pdf(pages: list[list[str]]) -> bytes:
    """A real PDF with Chinese text, drawn with reportlab's built-in CID font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    for lines in pages:
        pdf.setFont("STSong-Light", 14)
        for i, line in enumerate(lines):
            pdf.drawString(72, 760 - 24 * i, line)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_pdf_text_per_page_joined_by_newline(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf([["政府工作报告", "各位代表："], ["— 2 —", "中信重工增长8%以上"]]))
    raw = read_source(path)
    assert raw.fmt == "pdf"
    lines = [line.strip() for line in raw.text.splitlines() if line.strip()]
    # Page debris such as "— 2 —" is kept: normalize removes it, not the reader.
    assert lines == ["政府工作报告", "各位代表：", "— 2 —", "中信重工增长8%以上"]
    page1, page2 = (p.strip() for p in raw.text.split("\n— 2 —"))
    assert page1.endswith("各位代表：")
    assert page2 == "中信重工增长8%以上"


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(InputError) as err:
        read_source(path)
    assert str(err.value) == f"{path}: PDF has no text layer (scanned PDF?); run OCR first"


def _encrypt(data: bytes, user_password: str, algorithm: str = "RC4-128") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_password_protected_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypt(_pdf([["政府工作报告"]]), "secret"))
    with pytest.raises(InputError) as err:
        read_source(path)
    assert str(err.value) == f"{path}: PDF is password-protected; save an unprotected copy first"


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_encrypted_with_empty_password_opens(tmp_path: Path, algorithm: str) -> None:
    # Permission-only encryption (Acrobat's default is AES) must not stop a reader.
    path = tmp_path / "perms.pdf"
    path.write_bytes(_encrypt(_pdf([["涧西区人民政府"]]), "", algorithm))
    assert read_source(path).text.strip() == "涧西区人民政府"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello, not a pdf", "not a PDF file (no %PDF header); check the file or its suffix"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", "cannot read PDF ("),
    ],
)
def test_corrupt_pdf(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_source(path)
    assert str(err.value).startswith(f"{path}: {message}")
    assert "\n" not in str(err.value)


def test_truncated_pdf(tmp_path: Path) -> None:
    data = _pdf([["政府工作报告"]])
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(InputError) as err:
        read_source(path)
    assert str(err.value).startswith(f"{path}: ")
    assert str(err.value).endswith(("; re-export it or convert it to .txt", "; run OCR first"))


# ------------------------------------------------------------------- docx


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("政府工作报告")
    document.add_paragraph("一、2020年工作回顾")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "预期目标"
    table.cell(1, 0).text = "生产总值"
    table.cell(1, 1).text = "增长8%以上"
    document.add_paragraph("二、2021年工作安排")
    path = tmp_path / "report.docx"
    document.save(str(path))
    raw = read_source(path)
    assert raw.fmt == "docx"
    assert raw.text == (
        "政府工作报告\n一、2020年工作回顾\n指标\t预期目标\n生产总值\t增长8%以上\n二、2021年工作安排"
    )


def test_docx_merged_cells_appear_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "主要指标"
    for i, text in enumerate(["工业", "服务业", "农业"]):
        table.cell(1, i).text = text
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert read_source(path).text == "主要指标\n工业\t服务业\t农业"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
         "encrypted or legacy Word (.doc) file; save an unprotected .docx copy first"),
        (b"PK\x03\x04 broken zip", "cannot read DOCX ("),
        (b"plain text, not a package", "cannot read DOCX ("),
    ],
)
def test_bad_docx(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_source(path)
    assert str(err.value).startswith(f"{path}: {message}")
    assert "\n" not in str(err.value)


# ------------------------------------------------------------------- html

HTML = """<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>涧西区人民政府门户网站</title>
<style>p { color: red }</style></head>
<body><script>var x = "<p>不要</p>";</script>
<h1>政府工作报告</h1>
<p>&nbsp;&nbsp;各位代表：</p>
<div>研发投入&gt;1亿元 &amp; 增长&#56;%<br/>以上</div>
<table><tr><th>指标</th><th>目标</th></tr><tr><td>生产总值</td><td>增长8%</td></tr></table>
</body></html>
"""


def test_html_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_bytes(HTML.encode("gb18030"))
    raw = read_source(path)
    assert raw.encoding == "gb18030"
    assert raw.fmt == "html"
    assert raw.text.split("\n") == [
        "政府工作报告",
        "  各位代表：",
        "研发投入>1亿元 & 增长8%",
        "以上",
        "指标\t目标",
        "生产总值\t增长8%",
    ]


def test_htm_without_charset_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes("<p>中信重工</p><p>洛阳LYC</p>".encode("gbk"))
    raw = read_source(path)
    assert (raw.text, raw.encoding) == ("中信重工\n洛阳LYC", "gb18030")


def test_html_http_equiv_charset_and_omitted_head_end(tmp_path: Path) -> None:
    # Valid HTML may omit </head>; the legacy http-equiv form declares the charset.
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK">'
        "<title>门户网站</title><body><p>洛阳市涧西区人民政府</p></body></html>"
    )
    path = tmp_path / "legacy.htm"
    path.write_bytes(page.encode("gbk"))
    raw = read_source(path)
    assert (raw.text, raw.encoding) == ("洛阳市涧西区人民政府", "gb18030")


def test_html_with_no_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><script>1</script></body></html>")
    with pytest.raises(InputError) as err:
        read_source(path)
    assert str(err.value) == f"{path}: no text found; is it a scanned PDF or an empty file?"


def test_html_pre_keeps_whitespace(tmp_path: Path) -> None:
    path = tmp_path / "pre.html"
    path.write_text("<pre>一、总体要求\n  （一）稳增长</pre><p>a\n   b</p>", encoding="utf-8")
    assert read_source(path).text == "一、总体要求\n  （一）稳增长\na b"


def test_fixture_files(tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "data" / "readers"
    raw = read_source(fixtures / "gb18030.txt")
    assert raw.encoding == "gb18030"
    assert raw.text.startswith("政府工作报告")
    assert "𠀀" in raw.text


# ------------------------------------------------------------------- through `kg build`


def _seed_as_pdf(path: Path, lines: list[str]) -> None:
    """The seed report printed to a multi-page PDF with page numbers, like a real one."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    y, page = 800, 1
    for line in lines:
        if y < 60:
            pdf.drawString(280, 30, f"— {page} —")
            pdf.showPage()
            y, page = 800, page + 1
        pdf.setFont("STSong-Light", 12)
        pdf.drawString(40, y, line)
        y -= 16
    pdf.showPage()
    pdf.save()


def _report_text_and_entities(ttl: Path) -> tuple[str, set[str]]:
    from rdflib import Graph
    from rdflib.namespace import RDF

    from kg.vocab import KG

    graph = Graph().parse(ttl, format="turtle")
    report = next(iter(graph.subjects(RDF.type, KG.Report)))
    entities = {str(s) for s in graph.subjects(KG.mentionedIn, report)}
    return str(graph.value(report, KG.text)), entities


def test_pdf_and_docx_of_the_seed_build_the_same_graph(tmp_path: Path, seed_path: Path) -> None:
    import docx
    from click.testing import CliRunner

    from kg.cli import cli

    lines = seed_path.read_text(encoding="utf-8").splitlines()
    pdf_path = tmp_path / "seed.pdf"
    _seed_as_pdf(pdf_path, lines)
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    docx_path = tmp_path / "seed.docx"
    document.save(str(docx_path))

    runner = CliRunner()
    built: dict[str, tuple[str, set[str]]] = {}
    for source in (seed_path, pdf_path, docx_path):
        out = tmp_path / source.suffix.lstrip(".")
        result = runner.invoke(cli, ["build", str(source), "-o", str(out), "--no-html"])
        assert result.exit_code == 0, result.output
        built[source.suffix] = _report_text_and_entities(out / f"{source.stem}.ttl")
    txt_text, txt_entities = built[".txt"]
    assert len(txt_entities) > 100
    # The PDF's page numbers are gone after normalisation: all three give the same text.
    assert built[".pdf"] == (txt_text, txt_entities)
    assert built[".docx"] == (txt_text, txt_entities)


def test_kg_build_refuses_a_locked_pdf(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypt(_pdf([["政府工作报告"]]), "secret"))
    result = CliRunner().invoke(cli, ["build", str(path), "-o", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {path}: PDF is password-protected; save an unprotected copy first\n"
    )
