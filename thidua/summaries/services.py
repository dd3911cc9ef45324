"""Writes of the summary reports: a unit's report for a period, created once and its
written parts saved as drafts (audited). The figures are never stored."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.core.text import clean_text
from thidua.summaries.figures import FIGURES
from thidua.summaries.models import WRITTEN, SummaryJob, SummaryReport

TEXT_FIELDS = [name for name, _heading in WRITTEN]
MAX_YEARS = 10


@transaction.atomic
def create_report(*, actor, unit, period_start: int, period_end: int) -> SummaryReport:
    """The unit's report for the period, or the one it has already (one per period)."""
    if not 0 <= period_end - period_start < MAX_YEARS:
        raise ValidationError({"period_end": f"Giai đoạn từ 1 đến {MAX_YEARS} năm, kết thúc "
                                             "không trước năm bắt đầu."})  # fmt: skip
    period = {"unit": unit, "period_start": period_start, "period_end": period_end}
    found = SummaryReport.objects.filter(**period).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            report = SummaryReport.objects.create(**period, created_by=actor)
    except IntegrityError:  # created by another request at the same moment
        return SummaryReport.objects.get(**period)
    record_event(actor=actor, action=Action.CREATE, target=report, scope_path=unit.path)
    return report


@transaction.atomic
def save_texts(*, actor, report: SummaryReport, texts: dict[str, str]) -> SummaryReport:
    """Save the parts the officer writes (a draft: the report is rewritten from them and
    the figures each time it is downloaded)."""
    report = SummaryReport.objects.select_for_update().get(pk=report.pk)
    before = snapshot(report, TEXT_FIELDS)
    for name in TEXT_FIELDS:
        if name in texts:
            setattr(report, name, clean_text(texts[name]).strip())
    report.save()
    record_event(actor=actor, action=Action.UPDATE, target=report, scope_path=report.unit.path,
                 changes=diff(before, snapshot(report, TEXT_FIELDS)))  # fmt: skip
    return report


def start_word(*, actor, report: SummaryReport) -> SummaryJob:
    """Queue the Word file of the report (a figure counted is a step of its progress)."""
    with transaction.atomic():
        job = SummaryJob.objects.create(report=report, created_by=actor, total=len(FIGURES))
        transaction.on_commit(job.enqueue)
    return job
