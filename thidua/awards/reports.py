"""«Ai đủ điều kiện» as a report (documents/reports.py): the verdicts of a unit's subjects
for one award and year, with each criterion, exported to Excel or Word; more than
EXPORT_INLINE_ROWS subjects (a province) become an export job with progress."""

from django.conf import settings
from django.http import Http404
from django.utils import timezone

from thidua.awards.eligibility import Context, awards_by_code, evaluate
from thidua.awards.facts import Facts
from thidua.awards.models import Award
from thidua.core.pagination import bounded_count, pages_of
from thidua.documents.reports import Column, Report, Table, source
from thidua.exemplars.models import Subject
from thidua.units.models import Unit
from thidua.units.selectors import get_unit_for, scope_root_units

CHUNK = 2000  # subjects whose histories are read together
MARKS = {"met": "✓", "not_met": "✗", "unknown": "?"}


def _findings(verdict) -> str:
    return "\n".join(f"{MARKS[f.status]} {f.label}{': ' + f.facts if f.facts else ''}"
                     for f in verdict.findings)  # fmt: skip


ELIGIBILITY = Report(
    title="Danh sách xét điều kiện khen thưởng",
    columns=(
        Column("Đối tượng", 28, lambda v: v.subject.name, docx_mm=45),
        Column("Đơn vị", 26, lambda v: v.subject.unit.name, docx_mm=40),
        Column("Kết quả", 16, lambda v: v.status_label, docx_mm=28),
        Column("Từng tiêu chuẩn", 80, _findings, docx_mm=110),
    ),
)


def _verdicts(subjects, award, year: int):
    """The verdicts in order, the histories read a chunk at a time (bounded memory)."""
    awards, today, rules = awards_by_code(), timezone.localdate(), {}
    for rows in pages_of(subjects.select_related("unit"), CHUNK):
        ctx = Context(facts=Facts(rows), awards=awards, year=year, today=today, rules=rules)
        for subject in rows:
            yield evaluate(subject, award, year, ctx=ctx)


def _chosen(user, params):
    unit_id = params.get("don_vi", "")
    unit = get_unit_for(user, unit_id) if unit_id.isdigit() else scope_root_units(user).first()
    award = Award.objects.filter(code=params.get("danh_hieu", "") or "ldtt").first()
    year = params.get("nam", "")
    if unit is None or award is None:
        raise Http404
    return unit, award, int(year) if year.isdigit() else timezone.localdate().year


@source("eligibility")
def eligibility_table(user, params) -> Table:
    unit, award, year = _chosen(user, params)
    below = Unit.objects.filter(path__startswith=unit.path).values("pk")
    subjects = Subject.objects.filter(unit_id__in=below, kind__in=award.subject_kinds)
    subjects = subjects.order_by("sort_name", "pk")
    return Table(ELIGIBILITY, _verdicts(subjects, award, year),
                 size=bounded_count(subjects, settings.EXPORT_MAX_ROWS), issuer=unit,
                 title=f"Danh sách xét «{award.name}» năm {year} – {unit.name}")  # fmt: skip
