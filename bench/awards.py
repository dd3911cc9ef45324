"""Benchmark of commendation: «Ai đủ điều kiện» for the 300 staff of one commune (the page)
and for a province's subjects as an export job (default 20,000; --province 100000 for the
issue's figure). Five years of history each (ratings, LĐTT, initiatives for one in five).
Prints figures; asserts nothing.

    .venv/bin/python bench/awards.py [--province 100000]

Works on a scratch SQLite file, or on BENCH_DATABASE_URL (emptied first): see common.py.
"""

import argparse
import datetime
import time

from common import fresh_database, print_peak_memory, timed  # first: sets Django up
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.accounts.models import User
from thidua.awards.eligibility import eligible_in
from thidua.awards.loader import load_catalogue, load_checks
from thidua.awards.models import (
    Award,
    AwardAuthority,
    AwardRecord,
    AwardRule,
    BaseSalary,
    Initiative,
    TaskRating,
)
from thidua.core.jobs import run_job
from thidua.exemplars.models import Subject
from thidua.exemplars.services import _set_subject_keys
from thidua.exports import services as exports
from thidua.exports.models import ExportJob
from thidua.units.models import UnitKind
from thidua.units.services import create_unit

YEAR, YEARS = 2025, range(2021, 2026)


def people(unit, count: int, offset: int) -> list[Subject]:
    rows = []
    for n in range(count):
        subject = Subject(unit=unit, kind="individual", name=f"Nguyễn Văn Thử {offset + n}")
        _set_subject_keys(subject)
        rows.append(subject)
    return Subject.objects.bulk_create(rows, batch_size=2000)


def history(subjects) -> None:
    ldtt = Award.objects.get(code="ldtt")
    ratings, records, ideas = [], [], []
    for n, subject in enumerate(subjects):
        for year in YEARS:
            ratings.append(TaskRating(subject=subject, year=year, rating=3 + (n + year) % 2))
            records.append(AwardRecord(subject=subject, unit_id=subject.unit_id, award=ldtt,
                                       title=ldtt.name, year=year,
                                       decision_number=f"{year}/QĐ"))  # fmt: skip
            if n % 5 == 0:
                on = datetime.date(year, 6, 1)
                ideas.append(Initiative(subject=subject, title="Sáng kiến", recognised_by="xã",
                                        scope=1, recognised_on=on))  # fmt: skip
    for model, rows in ((TaskRating, ratings), (AwardRecord, records), (Initiative, ideas)):
        model.objects.bulk_create(rows, batch_size=5000)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--province", type=int, default=20_000, help="subjects of the province")
    args = parser.parse_args()
    fresh_database()
    load_catalogue(Award, AwardRule, AwardAuthority, BaseSalary)
    load_checks(AwardRule)
    nation = create_unit(actor=None, name="Trung ương", kind=UnitKind.NATION, parent=None)
    province = create_unit(actor=None, name="Tỉnh Thử", kind=UnitKind.PROVINCE, parent=nation)
    communes = [create_unit(actor=None, name=f"Xã Thử {n:03d}", kind=UnitKind.COMMUNE,
                            parent=province) for n in range(100)]  # fmt: skip
    started = time.perf_counter()
    per_commune = max(1, args.province // len(communes))
    for n, commune in enumerate(communes):
        history(people(commune, 300 if n == 0 else per_commune, n * 1000))
    count = Subject.objects.count()
    print(f"{'generated: subjects, with five years of history':<62} {count:9,} "
          f"({time.perf_counter() - started:.0f} s)")  # fmt: skip
    cstdcs = Award.objects.get(code="cstdcs")
    with CaptureQueriesContext(connection) as queries:
        verdicts, _more = eligible_in(communes[0], cstdcs, YEAR)
    timed(f"«Ai đủ điều kiện» CSTĐCS, one commune ({len(verdicts)} subjects)",
          lambda: eligible_in(communes[0], cstdcs, YEAR), repeat=5)  # fmt: skip
    print(f"{'  queries':<62} {len(queries):9}")
    admin = User.objects.create(username="bench", is_superuser=True)
    query = f"don_vi={province.pk}&danh_hieu=cstdcs&nam={YEAR}"
    job = ExportJob.objects.create(user=admin, source="eligibility", fmt="xlsx", total=0,
                                   query=query)  # fmt: skip
    timed(f"the province's {count:,} subjects as an XLSX export job",
          lambda: run_job(ExportJob, job.pk, exports.run_export))  # fmt: skip
    job.refresh_from_db()
    print(f"{'  job state, rows':<62} {job.state:>9} {job.total:,}")
    print_peak_memory()


if __name__ == "__main__":
    main()
