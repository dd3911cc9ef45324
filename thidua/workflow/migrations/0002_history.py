"""The histories kept before the ledger — exemplars' stage changes and conferences'
changes — become ledger rows, every one of them, with the unit's path and level as they
are now (a unit's path does not change)."""

from django.db import migrations


def _copy(apps, model_label: str, workflow: str, owner: str, states: tuple[str, str]):
    Change = apps.get_model(*model_label.split("."))
    Transition = apps.get_model("workflow", "Transition")
    rows = []
    for change in Change.objects.select_related(f"{owner}__unit").order_by("pk").iterator():
        target = getattr(change, owner)
        rows.append(Transition(
            workflow=workflow, object_type=target._meta.label_lower, object_id=target.pk,
            action=change.action, from_state=getattr(change, states[0]),
            to_state=getattr(change, states[1]), actor_id=change.by_id,
            actor_name=change.by_name, unit_path=target.unit.path, level=target.unit.level,
            reason=change.reason, at=change.at,
            payload={"findings": change.findings} if hasattr(change, "findings") else {},
        ))  # fmt: skip
        if len(rows) >= 2000:
            Transition.objects.bulk_create(rows)
            rows = []
    Transition.objects.bulk_create(rows)


def forwards(apps, schema_editor):
    _copy(apps, "exemplars.StageChange", "exemplar", "exemplar", ("from_stage", "to_stage"))
    _copy(apps, "conferences.ConferenceChange", "conference", "conference",
          ("from_status", "to_status"))  # fmt: skip


def backwards(apps, schema_editor):
    apps.get_model("workflow", "Transition").objects.filter(
        workflow__in=["exemplar", "conference"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0001_ledger"),
        ("exemplars", "0004_alter_replication_options"),
        ("conferences", "0002_printjob_heartbeat"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
