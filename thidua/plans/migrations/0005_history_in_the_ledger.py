"""Obligations' history moves into the transition ledger. An obligation kept only its last
delivery (date, note, files) and its last decider and reason in its own columns; each
becomes a ledger row before `decided_by_name` goes, so nothing that was recorded is lost.

- A delivery: a "deliver" row dated on its day, with whether it was late (the figure the
  statistics count), its files, note and links.
- A decision (accepted, returned): an "accept" or "return" row by the recorded decider,
  with the reason, at the obligation's last change.
- An obligation delivered again after a return: the return (its decider known, its reason
  already cleared then, its time not recorded: marked inferred), then the new delivery.

What was never recorded (who delivered, the deliveries before a return) stays unknown.
The last reason stays on the obligation, where the unit's page shows it."""

import datetime
from collections import defaultdict

from django.db import migrations
from django.utils import timezone

WORKFLOW = "obligation"
UNKNOWN = "không rõ"


def _day(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))


def _delivery(obligation, files) -> dict:
    milestone = obligation.milestone
    return {
        "migrated": True, "plan": milestone.plan_id, "milestone": milestone.pk,
        "deliverable": milestone.deliverable, "due_on": milestone.due_on.isoformat(),
        "delivered_on": obligation.delivered_on.isoformat(),
        "late": obligation.delivered_on > milestone.due_on, "files": files,
        "note": obligation.note, "linked_plan": obligation.linked_plan_id,
        "linked_conference": obligation.linked_conference_id,
    }  # fmt: skip


def _rows(obligation, Transition, files):
    unit = obligation.unit
    common = {"workflow": WORKFLOW, "object_type": "plans.obligation",
              "object_id": obligation.pk, "unit_path": unit.path, "level": unit.level}  # fmt: skip
    state, decider = obligation.state, obligation.decided_by_name or UNKNOWN
    if obligation.delivered_on is None:  # never delivered: nothing happened to it yet
        return []
    delivered_at = min(_day(obligation.delivered_on), obligation.updated_at)
    rows = []
    if state == "delivered" and obligation.decided_by_name:
        rows.append(Transition(
            **common, action="return", from_state="delivered", to_state="returned",
            actor_name=decider, at=delivered_at, payload={"migrated": True, "inferred": True},
        ))  # fmt: skip
    rows.append(Transition(
        **common, action="deliver", from_state="returned" if rows else "pending",
        to_state="delivered", actor_name=UNKNOWN, at=delivered_at,
        payload=_delivery(obligation, files),
    ))  # fmt: skip
    if state in {"accepted", "returned"}:
        rows.append(Transition(
            **common, action="accept" if state == "accepted" else "return",
            from_state="delivered", to_state=state, actor_name=decider,
            reason=obligation.reason, at=obligation.updated_at, payload={"migrated": True},
        ))  # fmt: skip
    return rows


def forwards(apps, schema_editor):
    Obligation = apps.get_model("plans", "Obligation")
    DeliveryFile = apps.get_model("plans", "DeliveryFile")
    Transition = apps.get_model("workflow", "Transition")
    delivered = (
        Obligation.objects.exclude(state="pending")
        .select_related("unit", "milestone").order_by("pk")
    )  # fmt: skip
    files = defaultdict(list)
    for obligation_id, name in DeliveryFile.objects.order_by("pk").values_list(
        "obligation_id", "original_name"
    ).iterator():
        files[obligation_id].append(name)
    rows = []
    for obligation in delivered.iterator(chunk_size=2000):
        rows += _rows(obligation, Transition, files[obligation.pk])
        if len(rows) >= 2000:
            Transition.objects.bulk_create(rows)
            rows = []
    Transition.objects.bulk_create(rows)


def backwards(apps, schema_editor):
    Obligation = apps.get_model("plans", "Obligation")
    Transition = apps.get_model("workflow", "Transition")
    ledger = Transition.objects.filter(workflow=WORKFLOW)
    last = {}
    for row in ledger.filter(action__in=["accept", "return"]).order_by("at", "pk").iterator():
        last[row.object_id] = row.actor_name
    for obligation in Obligation.objects.filter(pk__in=last):
        name = last[obligation.pk]
        obligation.decided_by_name = "" if name == UNKNOWN else name
        obligation.save(update_fields=["decided_by_name"])
    ledger.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0004_plan_reading"),
        ("workflow", "0001_ledger"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="obligation", name="decided_by_name"),
    ]
