"""Count the rows an existing install already holds into the new tallies, as awards.tallies
and exemplars.tallies count them (frozen here, on the models of this migration's time)."""

from collections import Counter

from django.db import migrations
from django.db.models import Count
from django.db.models.functions import ExtractYear

STAGE_ACTIONS = ("nurture", "recognise", "replicate")


def _add(deltas, measure, path, year, key, n):
    for unit_id in (int(part) for part in path.strip("/").split("/") if part):
        deltas[(measure, unit_id, year, str(key if key is not None else ""))] += n


def _awards(apps, deltas) -> None:
    AwardRecord = apps.get_model("awards", "AwardRecord")
    kept = AwardRecord.objects.filter(revoked_on__isnull=True).order_by()
    for path, year, kind, n in kept.values_list("unit__path", "year", "subject__kind").annotate(
            n=Count("pk")):  # fmt: skip
        _add(deltas, "award", path, year, kind, n)
    for path, year, award, n in kept.values_list("unit__path", "year", "award_id").annotate(
            n=Count("pk")):  # fmt: skip
        _add(deltas, "award_form", path, year, award or "", n)


def _exemplars(apps, deltas) -> None:
    Exemplar = apps.get_model("exemplars", "Exemplar")
    Transition = apps.get_model("workflow", "Transition")
    added = (Exemplar.objects.order_by().annotate(y=ExtractYear("created_at"))
             .values_list("unit__path", "y", "field_id").annotate(n=Count("pk")))  # fmt: skip
    for path, year, field, n in added:
        _add(deltas, "exemplar_added", path, year, field, n)
    paths = dict(Exemplar.objects.values_list("pk", "unit__path"))
    fields = dict(Exemplar.objects.values_list("pk", "field_id"))
    moves = set(Transition.objects.filter(workflow="exemplar", action__in=STAGE_ACTIONS)
                .annotate(y=ExtractYear("on")).values_list("object_id", "action", "y"))  # fmt: skip
    for pk, action, year in moves:
        if pk in paths:
            _add(deltas, f"exemplar_{action}", paths[pk], year, fields[pk], 1)


def count_rows(apps, schema_editor):
    Tally = apps.get_model("tallies", "Tally")
    deltas = Counter()
    _awards(apps, deltas)
    _exemplars(apps, deltas)
    # Replaces what is there: the migration may run again after being unapplied.
    measures = ["award", "award_form", "exemplar_added",
                *(f"exemplar_{action}" for action in STAGE_ACTIONS)]  # fmt: skip
    Tally.objects.filter(measure__in=measures).delete()
    Tally.objects.bulk_create(
        [Tally(measure=m, unit_id=u, year=y, key=k, n=n) for (m, u, y, k), n in deltas.items()],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("summaries", "0001_initial"),
        ("tallies", "0001_initial"),
        ("awards", "0018_award_record_unit"),
        ("exemplars", "0014_household_criteria_wording"),
        ("workflow", "0003_business_date"),
    ]

    operations = [migrations.RunPython(count_rows, migrations.RunPython.noop)]
