"""A filled-in statistics form as Excel, in the form's layout (Thông tư 02/2023/TT-BNV): the
form's number, basis and deadline on the left, its title and year in the middle, the
reporting and receiving units on the right; the table with columns A (row), B (code),
C (unit of count) and the numbered figure columns under their header levels, merged where
a header spans columns; then who drew it up and the head of the unit."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from thidua.statistics.layout import header_rows
from thidua.statistics.tables import Table

CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FIXED = 3  # columns A, B, C before the figures


def _put(sheet, row, column, value, *, bold=False, italic=False, align=CENTRE, box=False):
    cell = sheet.cell(row=row, column=column, value=value)
    cell.font, cell.alignment = Font(bold=bold, italic=italic), align
    if box:
        cell.border = BOX
    return cell


def _block(sheet, row, first, last, lines) -> None:
    for offset, (text, bold, italic) in enumerate(lines):
        _put(sheet, row + offset, first, text, bold=bold, italic=italic)
        if last > first:
            sheet.merge_cells(start_row=row + offset, start_column=first,
                              end_row=row + offset, end_column=last)  # fmt: skip


def _head(sheet, table: Table, width: int) -> int:
    form = table.form
    third = max(1, width // 3)
    _block(sheet, 1, 1, third, [(f"Biểu số: {form.code}", True, False),
                                (form.basis, False, True),
                                (f"Ngày nhận báo cáo: {form.deadline}", False, True)])  # fmt: skip
    _block(sheet, 1, third + 1, width - third, [(form.title, True, False),
                                                (f"Năm {table.year}", True, False),
                                                ("", False, False)])  # fmt: skip
    _block(
        sheet,
        1,
        width - third + 1,
        width,
        [
            (f"Đơn vị báo cáo: {table.unit.name}", False, False),
            (f"Đơn vị nhận báo cáo: {form.receiver}", False, False),
            ("", False, False),
        ],
    )
    first, last = form.period(table.year)
    unit = f"Đơn vị tính: {form.count_unit}" if form.count_unit else ""
    _block(sheet, 4, 1, width, [(f"(Số liệu từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}) {unit}",
                                 False, True)])  # fmt: skip
    return 6


def _header_cells(sheet, top: int, table: Table) -> int:
    """The header levels, merged; then the row of A, B, C, 1, 2…; the next free row."""
    columns = table.form.columns
    levels = max(len(c.heads) for c in columns)
    fixed = [("Chỉ tiêu", "A"), ("Mã số", "B"), ("Đơn vị tính", "C")]
    for index, (text, letter) in enumerate(fixed, start=1):
        _put(sheet, top, index, text, bold=True, box=True)
        if levels > 1:
            sheet.merge_cells(start_row=top, start_column=index, end_row=top + levels - 1,
                              end_column=index)  # fmt: skip
        _put(sheet, top + levels, index, letter, italic=True, box=True)
    for level, cells in enumerate(header_rows(columns)):
        for text, span, down, first in cells:
            column = FIXED + first + 1
            _put(sheet, top + level, column, text, bold=True, box=True)
            if span > 1 or down > 1:
                sheet.merge_cells(
                    start_row=top + level,
                    start_column=column,
                    end_row=top + level + down - 1,
                    end_column=column + span - 1,
                )
    for index, column in enumerate(columns, start=FIXED + 1):
        _put(sheet, top + levels, index, column.code, italic=True, box=True)
    return top + levels + 1


def _body(sheet, row: int, table: Table) -> int:
    for line, values in table.lines():
        label = "  " * line.indent + line.label
        _put(sheet, row, 1, label, bold=values is None or line.code == "01", align=LEFT,
             box=True)  # fmt: skip
        _put(sheet, row, 2, line.code or None, box=True)
        _put(sheet, row, 3, line.unit or None, box=True)
        for index, value in enumerate(values or [None] * len(table.form.columns)):
            _put(sheet, row, FIXED + 1 + index, value, box=True)
        row += 1
    return row


def form_xlsx(table: Table) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.form.code.split("/")[0]
    width = FIXED + len(table.form.columns)
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 7
    sheet.column_dimensions["C"].width = 12
    for index in range(FIXED + 1, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 12
    row = _body(sheet, _header_cells(sheet, _head(sheet, table, width), table), table) + 1
    half = max(1, width // 2)
    _block(sheet, row, 1, half, [("Người lập biểu", True, False), ("(Ký, họ tên)", False, True)])
    _block(
        sheet,
        row,
        half + 1,
        width,
        [
            ("…, ngày … tháng … năm …", False, True),
            ("THỦ TRƯỞNG ĐƠN VỊ", True, False),
            ("(Ký, họ tên, đóng dấu)", False, True),
        ],
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
