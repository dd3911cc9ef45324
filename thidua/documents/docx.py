"""Lists as Word documents in the state format for administrative documents (Decree
30/2020/NĐ-CP, Appendix I): A4, Times New Roman, the issuing body top left, the national
motto block top right, the place and date line, the title, the content, and "Nơi nhận"."""

import datetime
import io
import itertools
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from lxml import etree

from thidua.core.text import clean_text

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

FONT = "Times New Roman"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
# Names of administrative units start with their type; the place line uses the bare name.
PREFIXES = ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu ", "Thị xã ", "Huyện ")


ADMINISTRATIVE = {"province", "district", "commune"}


def issuer_lines(unit) -> list[str]:
    """The issuing body block: an administrative unit issues as its People's Committee; an
    agency under it shows the Committee above its own name."""
    if unit.kind in ADMINISTRATIVE:
        return [f"Ủy ban nhân dân {unit.name}"]
    parent = unit.parent
    if parent is not None and parent.kind in ADMINISTRATIVE:
        return [f"Ủy ban nhân dân {parent.name}", unit.name]
    return [unit.name]


def place_name(unit) -> str:
    """The place of the date line: the administrative unit where the issuer sits."""
    name = unit.name
    for prefix in PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def table_to_docx(*, issuer_lines: list[str], place: str, title: str,
                  columns: list[tuple[str, int]], rows, today: datetime.date) -> bytes:  # fmt: skip
    """A landscape A4 document with the header blocks, the title and one table row per item.
    `columns` are (header, width in mm)."""
    document = Document()
    _page(document)
    _header(document, issuer_lines, place, today)
    _paragraph(document, title.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space=12)
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, (header, width) in zip(table.rows[0].cells, columns, strict=True):
        cell.width = Mm(width)
        _cell_text(cell, header, bold=True, center=True)
    _append_rows(table, rows, [Mm(width).twips for _h, width in columns])
    _paragraph(document, "")
    _paragraph(document, "Nơi nhận:", bold=True, italic=True, size=12)
    _paragraph(document, "- Lưu: VT.", size=11)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ROWS_PER_PARSE = 500  # rows turned into XML at a time: fast, and bounded in memory


def _row_xml(values, widths: list[int]) -> str:
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:r>'
        f'<w:t xml:space="preserve">{escape(clean_text("" if v is None else str(v)))}</w:t>'
        f"</w:r></w:p></w:tc>"
        for v, width in zip(values, widths, strict=True)
    )
    return f"<w:tr>{cells}</w:tr>"


def _append_rows(table, rows, widths: list[int]) -> None:
    """The table's rows, written as WordprocessingML directly: python-docx's `add_row`
    re-reads the table for every row (10,000 rows took 20 s; this takes about one). The
    cells take the document's font from its Normal style."""
    batch = []
    for row in itertools.chain(rows, [None]):
        if row is not None:
            batch.append(_row_xml(row, widths))
        if batch and (row is None or len(batch) >= ROWS_PER_PARSE):
            parsed = etree.fromstring(f'<w:tbl xmlns:w="{_W}">{"".join(batch)}</w:tbl>')
            table._tbl.extend(list(parsed))
            batch = []


def portrait_document() -> Document:
    """An empty A4 portrait document with the state format's margins and Times New Roman 14
    (Decree 30/2020, Appendix I): decisions, minutes and dossier drafts start here."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    document.styles["Normal"].font.name = FONT
    document.styles["Normal"].font.size = Pt(14)
    return document


def _page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)


def _header(document, issuer_lines: list[str], place: str, today: datetime.date) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    for index, line in enumerate(issuer_lines):
        last = index == len(issuer_lines) - 1
        _cell_text(left, line.upper(), bold=last, center=True, new_paragraph=index > 0)
    _cell_text(right, MOTTO[0], bold=True, center=True)
    _cell_text(right, MOTTO[1], bold=True, center=True, new_paragraph=True)
    date_line = f"{place}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"
    _paragraph(document, date_line, italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, space=6)


def _cell_text(cell, text: str, *, bold=False, center=False, new_paragraph=False) -> None:
    paragraph = cell.add_paragraph() if new_paragraph else cell.paragraphs[0]
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(clean_text(text))
    run.bold = bold
    run.font.name = FONT


def _paragraph(document, text, *, bold=False, italic=False, align=None, size=None, space=0):
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(space)
    run = paragraph.add_run(clean_text(text))
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    return paragraph
