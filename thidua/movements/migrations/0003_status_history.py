"""Movements kept no history of their status, but the audit trail recorded every change of
it ({"status": [from, to]}, with who and when): each becomes a ledger row, under the action
the workflow now names it by, with the launching unit's path and level."""

from django.db import migrations

ACTIONS = {
    ("active", "reviewed"): "review",
    ("reviewed", "active"): "resume",
    ("active", "closed"): "close",
    ("reviewed", "closed"): "close",
}


def forwards(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    Movement = apps.get_model("movements", "Movement")
    Transition = apps.get_model("workflow", "Transition")
    events = AuditEvent.objects.filter(target_type="movements.movement", action="update")
    movements = {str(m.pk): m for m in Movement.objects.select_related("launched_by")}
    rows = []
    for event in events.order_by("at", "pk").iterator():
        before, after = (event.changes.get("status") or [None, None])[:2]
        action = ACTIONS.get((before, after))
        if action is None:  # no change of status, or one the table never allowed
            continue
        movement = movements.get(event.target_id)
        if movement is None:  # deleted since
            continue
        rows.append(Transition(
            workflow="movement", object_type="movements.movement", object_id=movement.pk,
            action=action, from_state=before, to_state=after, actor_id=event.actor_id,
            actor_name=event.actor_name, unit_path=movement.launched_by.path,
            level=movement.launched_by.level, reason=event.note, at=event.at,
        ))  # fmt: skip
        if len(rows) >= 2000:
            Transition.objects.bulk_create(rows)
            rows = []
    Transition.objects.bulk_create(rows)


def backwards(apps, schema_editor):
    apps.get_model("workflow", "Transition").objects.filter(workflow="movement").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("movements", "0002_alter_drive_options_alter_workregistration_options"),
        ("workflow", "0001_ledger"),
        ("audit", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
