"""Tables to Excel. Officers live in Excel: every list exports with the same columns it
shows, in the frame of a state document (frame.py): the issuer block over the left part of
the columns and the motto over the right, the date line under the motto, the type across the
sheet; «Nơi nhận» and the signature under the table. Cells are merged across their block so
the texts centre there (write-only sheets allow merges)."""

import io
import re
from collections.abc import Iterable
from copy import copy

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from thidua.core.text import clean_text
from thidua.documents.frame import MOTTO, Frame, header_runs

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Text beginning with one of these becomes a formula in Excel, LibreOffice and Google Sheets,
# at once or when the officer edits the cell: a subject named =HYPERLINK("http://…","bấm")
# would be a live link in the export (CSV/formula injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Sheet:
    """A write-only worksheet that counts its rows, so that merges can name them."""

    def __init__(self, sheet):
        self.sheet, self.rows = sheet, 0

    def append(self, values) -> int:
        self.sheet.append(values)
        self.rows += 1
        return self.rows

    def merge(self, row: int, first: int, last: int, *, down: int = 0) -> None:
        if last > first or down:
            start, end = get_column_letter(first), get_column_letter(last)
            self.sheet.merged_cells.add(f"{start}{row}:{end}{row + down}")


def table_to_xlsx(
    *, title: str, columns: list[tuple[str, int]], rows: Iterable[list],
    frame: Frame | None = None, groups: list[str] | None = None,
) -> bytes:  # fmt: skip
    """A workbook with the frame's head (or the title alone), the headers, one row per item
    and the frame's foot.

    `columns` are (header, width in characters); `groups` the group header of each column
    ("Năm sinh" above "Nam" and "Nữ"). Headers wrap, never cut. The workbook is written in
    write-only mode, so memory stays flat however many rows there are.
    """
    workbook = Workbook(write_only=True)
    # Excel forbids []:*?/\ in sheet names and allows 31 characters.
    raw = workbook.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", title)[:31])
    for index, (_header, width) in enumerate(columns, start=1):
        raw.column_dimensions[get_column_letter(index)].width = width
    sheet = _Sheet(raw)
    if frame is None:
        sheet.append([_cell(raw, title, Font(bold=True, size=13))])
    else:
        _head(sheet, frame, len(columns))
    _headers(sheet, columns, groups or [""] * len(columns))
    # The body's one style, registered once and copied to each cell: assigning a style
    # object per cell hashes it into the workbook's style tables every time (openpyxl),
    # which doubled the time of a 100,000-row export.
    body = _cell(raw, "", alignment=Alignment(wrap_text=True, vertical="top"))._style
    for row in rows:
        sheet.append([_cell(raw, value, style=body) for value in row])
    if frame is not None:
        _foot(sheet, frame, len(columns))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
BOLD, ITALIC = Font(bold=True), Font(italic=True)


def _headers(sheet: _Sheet, columns, groups) -> None:
    """One header row, or two when a group spans columns: the group merged across its
    columns above their headers, every other header merged down both rows."""
    grouped = any(groups)
    top, bottom = [""] * len(columns), [""] * len(columns)
    for group, first, count in header_runs(groups):
        for index in range(first, first + count):
            top[index], bottom[index] = (
                (group, columns[index][0]) if group else (columns[index][0], "")
            )
    row = sheet.append([_cell(sheet.sheet, text, BOLD, CENTRE) for text in top])
    if grouped:
        sheet.append([_cell(sheet.sheet, text, BOLD, CENTRE) for text in bottom])
    for group, first, count in header_runs(groups) if grouped else []:
        if group:
            sheet.merge(row, first + 1, first + count)
        else:
            sheet.merge(row, first + 1, first + 1, down=1)


def _blocks(width: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """(first, last) column, 1-based, of the left and the right block."""
    split = max(1, min(width - 1, round(width * 0.42)))
    return (1, split), (split + 1, max(split + 1, width))


def _pairs(sheet: _Sheet, width: int, left: list, right: list) -> None:
    """Rows of (text, font) in the left block beside (text, font) in the right block."""
    (l1, l2), (r1, r2) = _blocks(width)
    size = max(len(left), len(right))
    for (ltext, lfont), (rtext, rfont) in zip(left + [("", None)] * (size - len(left)),
                                              right + [("", None)] * (size - len(right)),
                                              strict=True):  # fmt: skip
        values = [None] * r2
        values[l1 - 1] = _cell(sheet.sheet, ltext, lfont, CENTRE)
        values[r1 - 1] = _cell(sheet.sheet, rtext, rfont, CENTRE)
        row = sheet.append(values)
        sheet.merge(row, l1, l2)
        sheet.merge(row, r1, r2)


def _wide(sheet: _Sheet, width: int, text: str, font) -> None:
    sheet.merge(sheet.append([_cell(sheet.sheet, text, font, CENTRE)]), 1, width)


def _head(sheet: _Sheet, frame: Frame, width: int) -> None:
    issuer = [(frame.parent_body.upper(), None)] if frame.parent_body else []
    issuer += [(frame.issuer.upper(), BOLD), (frame.number_line, None)]
    _pairs(sheet, width, issuer, [(MOTTO[0], BOLD), (MOTTO[1], BOLD), (frame.date_line, ITALIC)])
    sheet.append([])
    _wide(sheet, width, frame.kind, Font(bold=True, size=14))
    if frame.summary:
        _wide(sheet, width, frame.summary, BOLD)
    sheet.append([])


def _foot(sheet: _Sheet, frame: Frame, width: int) -> None:
    sheet.append([])
    left = [("Nơi nhận:", Font(bold=True, italic=True))]
    left += [(line, None) for line in frame.recipient_lines()]
    right = [(line, BOLD) for line in frame.signature.lines()] + [("", None)] * 3
    _pairs(sheet, width, left, [*right, (frame.signature.name, BOLD)])


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
