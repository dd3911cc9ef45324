"""Benchmarks of exemplars, quotas and the Excel import. Prints figures; asserts nothing.

    make bench            (runs bench/run.py, then this)

Works on a scratch SQLite file, or on BENCH_DATABASE_URL (emptied first), like run.py.
"""

import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.pop("DATABASE_URL", None)
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
os.environ["MEDIA_ROOT"] = tempfile.mkdtemp()
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ["TASKS_BACKEND"] = "immediate"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

import django  # noqa: E402 -- after the environment above

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from thidua.accounts.models import Role, UnitRole, User  # noqa: E402
from thidua.core.periods import parse_period  # noqa: E402
from thidua.core.text import fold, person_sort_key  # noqa: E402
from thidua.exemplars.models import Criterion, Exemplar, Field, Subject  # noqa: E402
from thidua.exemplars.reference import load_reference_data  # noqa: E402
from thidua.exemplars.selectors import exemplar_list  # noqa: E402
from thidua.imports import services as imports  # noqa: E402
from thidua.imports.importer import COLUMNS  # noqa: E402
from thidua.quotas.selectors import compliance  # noqa: E402
from thidua.units import group_services  # noqa: E402
from thidua.units.loader import load_official_tree  # noqa: E402
from thidua.units.models import Unit  # noqa: E402

SUBJECTS = 20_000
IMPORT_ROWS = 2_000


def timed(label, func, repeat=1):
    started = time.perf_counter()
    for _ in range(repeat):
        result = func()
    elapsed = (time.perf_counter() - started) / repeat
    figure, unit = (elapsed * 1000, "ms") if elapsed < 1 else (elapsed, "s")
    print(f"{label:<62} {figure:9.1f} {unit}")
    return result


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
    call_command("migrate", verbosity=0)
    if connection.vendor != "sqlite":
        call_command("flush", interactive=False, verbosity=0)
    load_reference_data(Field, Criterion)
    load_official_tree()
    print(f"database: {connection.vendor}")
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
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this process':<62} {peak:9.1f} MiB")


if __name__ == "__main__":
    main()
