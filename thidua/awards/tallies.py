"""What an award record counts for on the dashboards (tallies.models): one award of its
year at its unit, by the subject's kind («award») and by the catalogue's form
(«award_form»; "" for a title outside the catalogue). A revoked award counts for nothing
(Law 2022 ch. VII), as in the reports (summaries.figures)."""

from django.db.models import Count as Number

from thidua.awards.models import AwardRecord
from thidua.tallies.services import Count

MEASURES = ("award", "award_form")


def counts_of(record: AwardRecord | None) -> list[Count]:
    if record is None or record.revoked_on is not None:
        return []
    path = record.unit.path
    return [Count("award", path, record.year, record.subject.kind),
            Count("award_form", path, record.year, str(record.award_id or ""))]  # fmt: skip


def recounted():
    """(Count, n) of every award in force, grouped in the database."""
    kept = AwardRecord.objects.filter(revoked_on__isnull=True).order_by()
    for path, year, kind, n in (kept.values_list("unit__path", "year", "subject__kind")
                                .annotate(n=Number("pk"))):  # fmt: skip
        yield Count("award", path, year, kind), n
    for path, year, award, n in (kept.values_list("unit__path", "year", "award_id")
                                 .annotate(n=Number("pk"))):  # fmt: skip
        yield Count("award_form", path, year, str(award or "")), n
