"""The national benchmark's background jobs, each in a process of its own so that its peak
memory is its own (ru_maxrss): an exemplar export as the worker runs it (DOCX and XLSX),
and an Excel import of 100,000 rows, which must be refused within bounded memory.

    .venv/bin/python bench/national_jobs.py --database thidua_bench_national --what docx

Prints one line of JSON: rows, seconds, peak MiB of the process and of its children (the
isolated reader of an import). national.py runs the three and prints them.
"""

import national_env  # noqa: F401, I001 -- first: Django on the scratch database

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import national_db as db
from django.core.files import File
from django.db.models import Count

from thidua.accounts.models import User
from thidua.awards.models import AwardRecord
from thidua.exemplars.models import Exemplar
from thidua.exports.models import ExportJob
from thidua.core.jobs import run_job
from thidua.exports import services as exports
from thidua.imports import services as imports
from thidua.imports.models import ImportJob
from thidua.units.models import Unit

IMPORT_ROWS = 100_000
EXPORT_ROWS = {"docx": 10_000, "xlsx": 100_000}


def _mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _admin() -> User:
    return User.objects.get(username=db.PERSONAS[0][1])


def export_query(target: int) -> str:
    """The exemplar list's filter (stage, and a province for the smaller target) whose size is
    nearest `target` without passing it: as an officer would narrow a list to export it."""
    best = ("", 0)
    for row in Exemplar.objects.values("stage").annotate(n=Count("pk")):
        if best[1] < row["n"] <= target:
            best = (f"stage={row['stage']}", row["n"])
    provinces = Unit.objects.filter(kind="province")
    rows = Exemplar.objects.values("unit__path", "stage").annotate(n=Count("pk")).order_by()
    if target <= 20_000:
        paths = {u.path: u.pk for u in provinces}
        totals: dict[tuple[int, str], int] = {}
        for row in rows:
            province = paths.get("/".join(row["unit__path"].split("/")[:3]) + "/")
            if province:
                key = (province, row["stage"])
                totals[key] = totals.get(key, 0) + row["n"]
        for (pk, stage), n in totals.items():
            if best[1] < n <= target:
                best = (f"stage={stage}&unit={pk}", n)
    return best[0]


def export(fmt: str) -> dict:
    job = ExportJob.objects.create(user=_admin(), source="exemplars", fmt=fmt,
                                   query=export_query(EXPORT_ROWS[fmt]), total=0)  # fmt: skip
    started = time.perf_counter()
    run_job(ExportJob, job.pk, exports.run_export)  # as the worker runs it
    seconds = time.perf_counter() - started
    job.refresh_from_db()
    size = job.file.size
    job.file.delete(save=False)
    job.delete()
    return {"what": f"export {fmt}", "query": job.query, "rows": job.total,
            "state": job.state, "seconds": seconds, "bytes": size}  # fmt: skip


def _workbook(path: Path, rows: int) -> None:
    from openpyxl import Workbook  # noqa: PLC0415 -- only here

    from thidua.imports.importer import COLUMNS  # noqa: PLC0415

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Nhập")
    sheet.append([title for _key, title in COLUMNS])
    for n in range(rows):
        # The columns an officer must fill, so that the sheet passes the archive's bounds
        # and the reader itself has to stop at the row limit.
        sheet.append([db.PROVINCE_CODE, "Cá nhân", f"Nguyễn Văn Thử {n}", None, None, None,
                      None, None, None, f"Mô hình {n}", "Nông nghiệp", None, 2024])  # fmt: skip
    book.save(path)


def import_refused() -> dict:
    folder = Path(tempfile.mkdtemp())
    path = folder / "nhap-100000-dong.xlsx"
    _workbook(path, IMPORT_ROWS)
    before = _mib(resource.RUSAGE_SELF)
    unit = Unit.objects.get(code=db.PROVINCE_CODE)
    with path.open("rb") as handle:
        job = ImportJob.objects.create(unit=unit, user=_admin(), original_name=path.name,
                                       file=File(handle, name=path.name))  # fmt: skip
    started = time.perf_counter()
    run_job(ImportJob, job.pk, imports.run_job)
    seconds = time.perf_counter() - started
    job.refresh_from_db()
    message = (job.errors or [{}])[0].get("message", "")
    job.delete()
    return {"what": "import refused", "rows": IMPORT_ROWS, "state": job.state,
            "message": message, "seconds": seconds, "bytes": path.stat().st_size,
            "mib_before_job": before}  # fmt: skip


def summary() -> dict:
    """The province's five-year report written as the worker writes it (issue 15: ≤ 60 s)."""
    from thidua.summaries import services as summaries  # noqa: PLC0415
    from thidua.summaries.models import SummaryJob  # noqa: PLC0415
    from thidua.summaries.report_docx import write_job  # noqa: PLC0415

    unit = Unit.objects.get(code=db.PROVINCE_CODE)
    report = summaries.create_report(actor=None, unit=unit, period_start=2020, period_end=2025)
    job = SummaryJob.objects.create(report=report, total=5)
    started = time.perf_counter()
    run_job(SummaryJob, job.pk, write_job)
    seconds = time.perf_counter() - started
    job.refresh_from_db()
    size = job.file.size if job.file else 0
    if job.file:
        job.file.delete(save=False)
    rows = AwardRecord.objects.filter(unit__path__startswith=unit.path,
                                      year__range=(2020, 2025)).count()  # fmt: skip
    job.delete()
    return {"what": "summary docx", "query": unit.name, "rows": rows, "state": job.state,
            "seconds": seconds, "bytes": size}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--what", choices=["docx", "xlsx", "import", "summary"], required=True)
    args = parser.parse_args()
    runs = {"import": import_refused, "summary": summary}
    found = runs[args.what]() if args.what in runs else export(args.what)
    found |= {"mib": _mib(resource.RUSAGE_SELF), "children_mib": _mib(resource.RUSAGE_CHILDREN)}
    print(json.dumps(found, ensure_ascii=False))


if __name__ == "__main__":
    main()
