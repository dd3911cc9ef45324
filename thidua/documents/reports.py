"""Reports: the tables officers take out of thidua, each defined once and rendered here.

A report is declared in its app's `reports.py` — title, file name, columns, each column
reading its cell from a row — and its rows come from the app's selectors, already scoped to
the user. `render_report` turns it into what the officer asked for: XLSX (write-only,
formula-safe), DOCX in the state format (Decree 30/2020/NĐ-CP, issuer and date lines), or
a printable HTML page with the same header. Views only choose the report and the format.
"""

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render

from thidua.documents.docx import DOCX_TYPE, table_to_docx
from thidua.documents.frame import file_name, frame_for, header_cells, settings_of, split_title
from thidua.documents.response import attachment
from thidua.documents.xlsx import XLSX_TYPE, table_to_xlsx

FORMATS = ("xlsx", "docx", "html")
# A printed page is read, not processed: longer lists are for the Excel file.
HTML_MAX_ROWS = 2000


@dataclass(frozen=True)
class Column:
    """A column: its header, its width in Excel characters (Word gets `docx_mm`, or the
    width scaled), how to read its cell from a row, and the header written above it and
    its neighbours of the same group («Năm sinh» above «Nam» and «Nữ»)."""

    header: str
    width: int
    value: Callable[[Any], Any]
    docx_mm: int | None = None
    group: str = ""


def choice_label(model, name: str) -> Callable[[Any], Any]:
    """The label of a value of `model.name`'s choices, from a dict built at first use:
    get_FOO_display() rebuilds and hashes the lazy choices on every call, a quarter of the
    time of a 100,000-row export."""
    labels: dict = {}

    def label(value):
        if not labels:
            labels.update((key, str(text)) for key, text in model._meta.get_field(name).flatchoices)
        return labels.get(value, value)

    return label


@dataclass(frozen=True)
class Report:
    """A table as officers export it. `numbered` adds the STT column of state documents."""

    title: str
    columns: tuple[Column, ...]
    numbered: bool = True

    def headers(self, *, docx: bool = False) -> list[tuple[str, int]]:
        sizes = [(c.header, (c.docx_mm or round(c.width * 1.6)) if docx else c.width)
                 for c in self.columns]  # fmt: skip
        return [("STT", 10 if docx else 6), *sizes] if self.numbered else sizes

    def groups(self) -> list[str]:
        groups = [column.group for column in self.columns]
        return ["", *groups] if self.numbered else groups

    def cells(self, rows: Iterable) -> Iterator[list]:
        for number, row in enumerate(rows, start=1):
            values = [column.value(row) for column in self.columns]
            yield [number, *values] if self.numbered else values


@dataclass
class Table:
    """A report with its rows for one request: what a source builds (see `source`)."""

    report: Report
    rows: Iterable
    size: int  # how many rows, counted no further than the export limit
    issuer: Any = None
    title: str | None = None


# key → build(user, params, **kwargs) -> Table: the reports an export job can build again,
# in the worker, from what the officer asked for (each app registers its own in ready()).
SOURCES: dict[str, Callable[..., Table]] = {}


def source(key: str):
    """Register the decorated function as the source of report `key`."""

    def decorator(build):
        SOURCES[key] = build
        return build

    return decorator


def table_bytes(table: Table, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of a table as XLSX or DOCX, in the frame of its
    issuing unit's documents: what an export job stores."""
    report, issuer = table.report, table.issuer
    title = table.title or report.title
    frame = _frame(issuer, title) if issuer is not None else None
    name = file_name(title, issuer.name if issuer else "", extension=fmt)
    if fmt == "xlsx":
        content = table_to_xlsx(title=title[:200], columns=report.headers(), frame=frame,
                                groups=report.groups(), rows=report.cells(table.rows))  # fmt: skip
        return content, XLSX_TYPE, name
    content = table_to_docx(frame=frame, columns=report.headers(docx=True),
                            groups=report.groups(), rows=report.cells(table.rows))  # fmt: skip
    return content, DOCX_TYPE, name


def _frame(issuer, title: str):
    kind, summary = split_title(title)
    parent = getattr(issuer, "parent", None)
    return frame_for(issuer, kind=kind, summary=summary, recipients=_upward(parent))


def _upward(parent) -> list[str]:
    """A list goes up: to the body above the issuer, when there is one."""
    return [settings_of(parent)["issuer_name"]] if parent is not None else []


def render_table(table: Table, fmt: str, *, request) -> HttpResponse:
    return render_report(table.report, table.rows, fmt, request=request, issuer=table.issuer,
                         title=table.title)  # fmt: skip


def render_report(
    report: Report, rows: Iterable, fmt: str, *, request, issuer=None, title=None
) -> HttpResponse:
    """The report in `fmt` (xlsx, docx, html); 404 for another format, or for a document
    in the state format when there is no issuing unit."""
    table = Table(report=report, rows=rows, size=0, issuer=issuer, title=title)
    if fmt not in FORMATS or (issuer is None and fmt != "xlsx"):
        raise Http404
    if fmt != "html":
        return attachment(*table_bytes(table, fmt))
    shown = list(itertools.islice(report.cells(rows), HTML_MAX_ROWS + 1))
    headers = [h for h, _w in report.headers()]
    context = {
        "frame": _frame(issuer, title or report.title), "rows": shown[:HTML_MAX_ROWS],
        "headers": headers, "runs": header_cells(headers, report.groups()),
        "cut": len(shown) > HTML_MAX_ROWS, "max_rows": HTML_MAX_ROWS,
    }  # fmt: skip
    return render(request, "documents/report.html", context)
