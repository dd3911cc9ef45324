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


def _restore(apps, model_label, workflow, owner, states):
    Change = apps.get_model(*model_label.split("."))
    rows = apps.get_model("workflow", "Transition").objects.filter(workflow=workflow)
    Change.objects.bulk_create([
        Change(**{f"{owner}_id": row.object_id, "action": row.action, states[0]: row.from_state,
                  states[1]: row.to_state, "by_id": row.actor_id, "by_name": row.actor_name,
                  "reason": row.reason, "at": row.at},
               **({"findings": row.payload.get("findings", [])}
                  if workflow == "conference" else {}))
        for row in rows.order_by("at", "pk").iterator()
    ], batch_size=2000)  # fmt: skip
    rows.delete()


def backwards(apps, schema_editor):
    """The ledger's rows go back to the old histories (whose tables exist again by then)."""
    _restore(apps, "exemplars.StageChange", "exemplar", "exemplar", ("from_stage", "to_stage"))
    _restore(apps, "conferences.ConferenceChange", "conference", "conference",
             ("from_status", "to_status"))  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0001_ledger"),
        ("exemplars", "0004_alter_replication_options"),
        ("conferences", "0002_printjob_heartbeat"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
