"""Tables to Excel. Officers live in Excel: every list exports with the same columns it shows."""

import io
import re
from collections.abc import Iterable
from copy import copy

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from thidua.core.text import clean_text

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Text beginning with one of these becomes a formula in Excel, LibreOffice and Google Sheets,
# at once or when the officer edits the cell: a subject named =HYPERLINK("http://…","bấm")
# would be a live link in the export (CSV/formula injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def table_to_xlsx(*, title: str, columns: list[tuple[str, int]], rows: Iterable[list]) -> bytes:
    """A workbook with a bold title row, a header row and one row per item.

    `columns` are (header, width in characters). The workbook is written in write-only
    mode, so memory stays flat however many rows there are.
    """
    workbook = Workbook(write_only=True)
    # Excel forbids []:*?/\ in sheet names and allows 31 characters.
    sheet = workbook.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", title)[:31])
    for index, (_header, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append([_cell(sheet, title, Font(bold=True, size=13))])
    sheet.append([_cell(sheet, header, Font(bold=True)) for header, _width in columns])
    # The body's one style, registered once and copied to each cell: assigning a style
    # object per cell hashes it into the workbook's style tables every time (openpyxl),
    # which doubled the time of a 100,000-row export.
    body = _cell(sheet, "", alignment=Alignment(wrap_text=True, vertical="top"))._style
    for row in rows:
        sheet.append([_cell(sheet, value, style=body) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(sheet, value, font=None, alignment=None, style=None):
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 -- thin helper

    cell = WriteOnlyCell(sheet)
    if style is not None:  # first: a date's number format and the quote prefix are style
        cell._style = copy(style)  # noqa: SLF001 -- see table_to_xlsx
    cell.value = clean_text(value) if isinstance(value, str) else value
    if isinstance(value, str):
        # openpyxl would write "=…" as a formula and "#N/A" as an error; user text is text.
        cell.data_type = "s"
        if cell.value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # Excel shows it as typed and keeps it text when edited
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell
