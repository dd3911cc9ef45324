"""Benchmarks of exemplars, quotas and the Excel import. Prints figures; asserts nothing.

    make bench            (runs bench/run.py, then this)

Works on a scratch SQLite file, or on BENCH_DATABASE_URL (emptied first): see common.py.
"""

import io

from common import fresh_database, print_peak_memory, timed  # first: sets Django up
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from thidua.accounts.models import Role, UnitRole, User
from thidua.core.periods import parse_period
from thidua.core.text import fold, person_sort_key
from thidua.exemplars.models import Criterion, Exemplar, Field, Subject
from thidua.exemplars.reference import load_reference_data
from thidua.exemplars.selectors import exemplar_list
from thidua.imports import services as imports
from thidua.imports.importer import COLUMNS
from thidua.quotas.selectors import compliance
from thidua.units import group_services
from thidua.units.loader import load_official_tree
from thidua.units.models import Unit

SUBJECTS = 20_000
IMPORT_ROWS = 2_000


def bulk_exemplars(unit, field) -> None:
    """SUBJECTS people with one exemplar each, written in bulk (not a measured path)."""
    names = [f"Nguyễn Văn Người {n}" for n in range(SUBJECTS)]
    subjects = Subject.objects.bulk_create(
        Subject(unit=unit, kind="individual", name=name, search_name=fold(name),
                sort_name=person_sort_key(name)) for name in names
    )  # fmt: skip
    Exemplar.objects.bulk_create(
        Exemplar(subject=s, unit=unit, title=f"Mô hình {s.pk}", field=field, year_from=2024,
                 search_text=fold(f"{s.name} Mô hình {s.pk}")) for s in subjects
    )  # fmt: skip


def workbook(rows: int) -> SimpleUploadedFile:
    book = Workbook()
    book.active.append([label for _key, label in COLUMNS])
    for n in range(rows):
        book.active.append([
            "", "Cá nhân", f"Trần Thị Nhập {n}", "Nữ", 1970 + n % 40, "Kinh", "Nông dân", "Có",
            "", f"Cách làm {n}", "Nông nghiệp", "", 2024, "",
        ])  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("bench.xlsx", buffer.getvalue())


def main() -> None:
    fresh_database()
    load_reference_data(Field, Criterion)
    load_official_tree()
    hai_phong = Unit.objects.get(code="31")
    dai_son = Unit.objects.get(code="11086")
    officer = User.objects.create(username="bench-officer")
    UnitRole.objects.create(user=officer, unit=hai_phong, role=Role.OFFICER)
    field = Field.objects.get(code="agriculture")
    timed(f"bulk-create {SUBJECTS:,} subjects with an exemplar each (setup)",
          lambda: bulk_exemplars(dai_son, field))  # fmt: skip
    timed("exemplar search, exact words, first page of 50",
          lambda: list(exemplar_list(officer, q="nguoi 1999")[:50]), repeat=20)  # fmt: skip
    timed("exemplar search with a typo (fuzzy fallback), first page",
          lambda: list(exemplar_list(officer, q="nguyne nguoi 1999")[:50]), repeat=5)  # fmt: skip
    group = group_services.create_group(actor=None, owner=hai_phong, kind="cluster", number=1)
    for unit in hai_phong.children.filter(kind="commune")[:100]:
        group_services.add_member(actor=None, group=group, unit=unit)
    q1 = parse_period("2025-Q1")
    timed("compliance of a cluster of 100 communes for a quarter",
          lambda: compliance(group, q1.start), repeat=10)  # fmt: skip
    upload = workbook(IMPORT_ROWS)

    def run_import():
        return imports.start_import(user=officer, unit=dai_son, upload=upload)

    job = timed(f"Excel import of {IMPORT_ROWS:,} rows, check and write (task)", run_import)
    job.refresh_from_db()
    print(f"{'  import result':<62} {job.get_state_display()}, {job.created_exemplars} exemplars")
    print_peak_memory()


if __name__ == "__main__":
    main()
