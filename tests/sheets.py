"""Reading exported workbooks back in tests."""

import io

from openpyxl import load_workbook


def numbered_rows(sheet) -> list[tuple]:
    """The table's rows of an export (each starts with its STT number), without the
    document frame above and below it."""
    return [row for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)]


def rows_of(content: bytes) -> list[tuple]:
    return numbered_rows(load_workbook(io.BytesIO(content)).active)


def table_of(content: bytes) -> list[tuple]:
    """The header row (the one starting «STT») and the numbered rows of an export."""
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    header = next(row for row in rows if row[0] == "STT")
    return [header, *[row for row in rows if isinstance(row[0], int)]]
