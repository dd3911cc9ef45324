"""Lists as Word documents in the state format (Decree 30/2020/NĐ-CP, Appendix I): a
landscape A4 page in the frame of frame_docx.py, and the table with its headers wrapped,
a group header («Năm sinh») above its columns («Nam», «Nữ»), repeated on every page."""

import itertools
from xml.sax.saxutils import escape

from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from thidua.core.text import clean_text
from thidua.documents import frame_docx
from thidua.documents.frame import Frame, header_runs

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def table_to_docx(*, frame: Frame, columns: list[tuple[str, int]], rows,
                  groups: list[str] | None = None) -> bytes:  # fmt: skip
    """The frame's head, one table row per item, the frame's foot. `columns` are (header,
    width in mm); `groups` the group header of each column, "" for none."""
    document = frame_docx.new_document(landscape=True)
    frame_docx.head(document, frame)
    frame_docx.para(document)
    groups = groups or [""] * len(columns)
    grouped = any(groups)
    table = document.add_table(rows=2 if grouped else 1, cols=len(columns))
    table.style = "Table Grid"
    for column, (_header, width) in zip(table.columns, columns, strict=True):
        column.width = Mm(width)  # the grid: LibreOffice and Google Docs lay columns out by it
    _headers(table, columns, groups)
    _append_rows(table, rows, [Mm(width).twips for _h, width in columns])
    frame_docx.para(document)
    frame_docx.foot(document, frame)
    return frame_docx.saved(document)


def _headers(table, columns, groups) -> None:
    grouped = any(groups)
    for row in table.rows:
        _repeat_on_every_page(row)
        for cell, (_header, width) in zip(row.cells, columns, strict=True):
            cell.width = Mm(width)
    top = table.rows[0].cells
    for group, first, count in header_runs(groups):
        if not group:
            cell = top[first].merge(table.rows[1].cells[first]) if grouped else top[first]
            _header_text(cell, columns[first][0])
            continue
        _header_text(top[first].merge(top[first + count - 1]), group)
        for index in range(first, first + count):
            _header_text(table.rows[1].cells[index], columns[index][0])


def _header_text(cell, text: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = frame_docx.CENTER
    frame_docx.run(paragraph, text, bold=True)


def _repeat_on_every_page(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = properties.makeelement(qn("w:tblHeader"), {})
    properties.append(header)


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
