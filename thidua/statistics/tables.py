"""A statistics form filled in for a unit and a year: each cell the sum of the source's
groups that meet the form's, the row's and the column's conditions (definitions.py)."""

from dataclasses import dataclass

from thidua.statistics.definitions import Form
from thidua.statistics.sources import SOURCES


def matches(dims: dict, where: dict) -> bool:
    for dim, wanted in where.items():
        if isinstance(wanted, dict):
            if dims[dim] in wanted["not"]:
                return False
        elif dims[dim] not in wanted:
            return False
    return True


@dataclass
class Table:
    form: Form
    unit: object
    year: int
    cells: dict  # {(row code, column code): n}

    def value(self, row: str, column: str) -> int:
        return self.cells[(row, column)]

    def lines(self):
        """(row, [value per column] or None for a heading) in the form's order."""
        return [(row, None if row.where is None else
                 [self.cells[(row.code, c.code)] for c in self.form.columns])
                for row in self.form.rows]  # fmt: skip


def fill(form: Form, unit, year: int) -> Table:
    first, last = form.period(year)
    groups = [(dims, n) for dims, n in SOURCES[form.source].groups(unit, first, last, form.where)
              if matches(dims, form.where)]  # fmt: skip
    cells = {}
    for row in form.figure_rows():
        chosen = [(dims, n) for dims, n in groups if matches(dims, row.where)]
        for column in form.columns:
            cells[(row.code, column.code)] = sum(n for dims, n in chosen
                                                 if matches(dims, column.where))  # fmt: skip
    return Table(form=form, unit=unit, year=year, cells=cells)


def failed_checks(table: Table) -> list[str]:
    """The form's declared totals that do not add up (a total row or column against its
    parts), in words: empty for a well-made form and consistent data."""
    wrong = []
    rows, columns = table.form.figure_rows(), table.form.columns
    for total, parts in table.form.checks.get("rows", []):
        for c in columns:
            if table.value(total, c.code) != sum(table.value(p, c.code) for p in parts):
                wrong.append(f"Dòng {total} ≠ tổng các dòng {', '.join(parts)} (cột {c.code})")
    for total, parts in table.form.checks.get("columns", []):
        for r in rows:
            if table.value(r.code, total) != sum(table.value(r.code, p) for p in parts):
                wrong.append(f"Cột {total} ≠ tổng các cột {', '.join(parts)} (dòng {r.code})")
    return wrong
