"""The statutory statistics forms as data: one JSON file per form and version in
definitions/, with its legal basis, validity, layout (rows, columns with their header
levels) and the condition behind each row and column; a cell counts the rows of the form's
source (sources.py) that meet the form's, its row's and its column's conditions. A changed
form is a new file with its own `valid_from`, never an edit of the code. Every file is
checked on loading: unknown dimensions, values or codes are refused by name."""

import datetime
import functools
import json
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from thidua.statistics.sources import SOURCES

FOLDER = Path(__file__).resolve().parent / "definitions"


@dataclass(frozen=True)
class Line:
    code: str
    label: str  # a row's label, or a column's lowest header
    where: dict | None  # None: a heading row, no figures
    unit: str = ""
    indent: int = 0
    heads: tuple = ()


@dataclass(frozen=True)
class Form:
    code: str
    slug: str
    title: str
    basis: str
    certainty: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    deadline: str
    receiver: str
    source: str
    count_unit: str
    where: dict
    year_starts: tuple  # (month, day) the statistics year starts on, in the year before
    rows: tuple
    columns: tuple
    checks: dict
    outside_catalogue: tuple = ()  # award codes named but not (yet) in the catalogue

    def period(self, year: int) -> tuple[datetime.date, datetime.date]:
        """The days the statistics of `year` count: from 01/12 of the year before to 30/11
        by default (Thông tư 02/2023/TT-BNV for this field), else the calendar year."""
        month, day = self.year_starts
        if (month, day) == (1, 1):
            return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        start = datetime.date(year - 1, month, day)
        return start, datetime.date(year, month, day) - datetime.timedelta(days=1)

    def in_force(self, year: int) -> bool:
        first, last = self.period(year)
        return self.valid_from <= last and (self.valid_to is None or self.valid_to > first)

    def figure_rows(self):
        return [row for row in self.rows if row.where is not None]


def _values(name: str, dim: str, wanted) -> list:
    """A condition's values: a list, or {"not": a list}; anything else is refused."""
    if isinstance(wanted, dict) and set(wanted) == {"not"}:
        wanted = wanted["not"]
    if not isinstance(wanted, list) or not wanted:
        raise ImproperlyConfigured(f"{name}: «{dim}» cần một danh sách giá trị (hoặc "
                                   "{\"not\": [...]}).")  # fmt: skip
    return wanted


def _check_where(name: str, where, source, outside=()) -> dict:
    """`outside`: award codes the form names that the catalogue does not hold (yet)."""
    if not isinstance(where, dict):
        raise ImproperlyConfigured(f"{name}: điều kiện phải là một từ điển.")
    for dim, wanted in where.items():
        if dim not in source.DIMENSIONS:
            raise ImproperlyConfigured(f"{name}: không có chiều «{dim}» cho {source.NAME}.")
        values = _values(name, dim, wanted)
        allowed = source.DIMENSIONS[dim]
        if allowed is None:  # award codes: the catalogue's
            allowed = [*source.known_codes(), *outside]
        if unknown := set(values) - set(allowed):
            raise ImproperlyConfigured(f"{name}: «{dim}» không có giá trị {sorted(unknown)}.")
    return where


def _line(name: str, data: dict, source, outside) -> Line:
    where, heads = data.get("where"), tuple(data.get("heads", ()))
    label = data.get("label") or (heads[-1] if heads else "")
    if not isinstance(label, str) or not label.strip():
        raise ImproperlyConfigured(f"{name}: một dòng hoặc cột không có tên.")
    checked = None if where is None else _check_where(f"{name} {data.get('code')}", where,
                                                       source, outside)  # fmt: skip
    return Line(
        code=str(data.get("code", "")),
        label=label,
        where=checked,
        unit=data.get("unit", ""),
        indent=int(data.get("indent", 0)),
        heads=heads,
    )


def _check_heads(name: str, columns) -> None:
    """Every column has its header levels, and none is the start of another's: the merged
    header (layout.py) could not draw it."""
    if not columns or any(not c.heads or c.where is None for c in columns):
        raise ImproperlyConfigured(f"{name}: mỗi cột cần tiêu đề (heads) và điều kiện.")
    for a in columns:
        for b in columns:
            if a is not b and b.heads[: len(a.heads)] == a.heads:
                raise ImproperlyConfigured(f"{name}: tiêu đề cột {a.code} trùng hoặc là phần "
                                           f"đầu của tiêu đề cột {b.code}.")  # fmt: skip


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def parse(data: dict, name: str = "") -> Form:
    """A form from its JSON, checked (ImproperlyConfigured naming what is wrong)."""
    try:
        return _parse(data, name)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ImproperlyConfigured(f"{name}: biểu không đúng cấu trúc ({error!r}).") from error


def _parse(data: dict, name: str) -> Form:
    source = SOURCES.get(data.get("source"))
    if source is None:
        raise ImproperlyConfigured(f"{name}: nguồn số liệu «{data.get('source')}» không có.")
    outside = tuple(data.get("outside_catalogue", ()))
    rows = tuple(_line(name, row, source, outside) for row in data["rows"])
    columns = tuple(_line(name, column, source, outside) for column in data["columns"])
    _check_heads(name, columns)
    for kind, lines in (("dòng", [r for r in rows if r.where is not None]), ("cột", columns)):
        codes = [line.code for line in lines]
        if len(set(codes)) != len(codes) or "" in codes:
            raise ImproperlyConfigured(f"{name}: mã {kind} trống hoặc trùng.")
    checks = data.get("checks", {})
    for key, known in (("rows", {r.code for r in rows}), ("columns", {c.code for c in columns})):
        for total, parts in checks.get(key, []):
            if missing := {total, *parts} - known:
                raise ImproperlyConfigured(f"{name}: kiểm tra tổng nhắc mã {sorted(missing)}.")
    month, day = (int(part) for part in data.get("year_starts", "12-01").split("-"))
    datetime.date(2001, month, day)  # a day that exists, or ValueError
    return Form(
        code=data["code"], slug=data["slug"], title=data["title"], basis=data["basis"],
        certainty=data.get("certainty", ""), valid_from=_date(data["valid_from"]),
        valid_to=_date(data.get("valid_to")), deadline=data.get("deadline", ""),
        receiver=data.get("receiver", ""), source=data["source"],
        count_unit=data.get("count_unit", ""),
        where=_check_where(name, data.get("where", {}), source, outside),
        year_starts=(month, day), outside_catalogue=outside,
        rows=rows, columns=columns, checks=checks,
    )  # fmt: skip


@functools.cache
def all_forms() -> tuple[Form, ...]:
    forms = [parse(json.loads(path.read_text(encoding="utf-8")), path.name)
             for path in sorted(FOLDER.glob("*.json"))]  # fmt: skip
    slugs = [form.slug for form in forms]
    if len(set(slugs)) != len(slugs):
        raise ImproperlyConfigured("Hai biểu thống kê trùng «slug».")
    return tuple(sorted(forms, key=lambda f: (f.code, f.valid_from)))


def default_year(today: datetime.date) -> int:
    """The year a statistics page opens on: in December the year that has just ended on
    30/11 (the reports are due by 15/12), before it the year in progress."""
    return today.year


def day_in_default_year(today: datetime.date) -> datetime.date:
    """A day of the default year's statistics, not after today (the demo dates its
    province-level awards and a movement on it, so that the forms open with figures)."""
    first = datetime.date(default_year(today) - 1, 12, 1)
    return min(today, first + datetime.timedelta(days=182))


def forms_for(year: int) -> list[Form]:
    """The forms in force for the statistics of `year`."""
    return [form for form in all_forms() if form.in_force(year)]


def get_form(slug: str) -> Form | None:
    return next((form for form in all_forms() if form.slug == slug), None)
