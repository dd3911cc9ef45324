"""Plans' and obligations' history moves into the transition ledger, so that nothing that
was recorded is lost when `decided_by_name` goes.

The audit trail recorded every change of a plan's status and of an obligation's state, with
who, when and (for a decision) why: each becomes a ledger row, in order — a delivery with
its day, whether it was late and the files uploaded with it; a second return keeps its own
reason. An obligation with no such events (rows written around the services) falls back
to what its own columns kept:

- A delivery: a "deliver" row dated on its day, with whether it was late (the figure the
  statistics count), its files, note and links.
- A decision (accepted, returned): an "accept" or "return" row by the recorded decider,
  with the reason, at the obligation's last change.
- An obligation delivered again after a return: the return (its decider known, its reason
  already cleared then, its time not recorded: marked inferred), then the new delivery.

What was never recorded anywhere stays unknown ("không rõ"). The last reason stays on the
obligation, where the unit's page shows it."""

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


OBLIGATION_ACTIONS = {"delivered": "deliver", "accepted": "accept", "returned": "return"}
PLAN_ACTIONS = {("draft", "issued"): "issue", ("issued", "closed"): "close"}


def _state_events(apps, target_type: str):
    """{target id: [audit events that changed its state or status]}, oldest first."""
    AuditEvent = apps.get_model("audit", "AuditEvent")
    found = defaultdict(list)
    events = AuditEvent.objects.filter(target_type=target_type, action="update")
    for event in events.order_by("at", "pk").iterator():
        change = event.changes.get("state") or event.changes.get("status")
        if change and len(change) == 2 and change[1]:
            found[event.target_id].append(event)
    return found


def _whole(note: str, reason: str) -> str:
    """The audit kept 255 characters of a reason; the record may keep all of it."""
    return reason if len(note) == 255 and reason.startswith(note) else note


def _replayed(obligation, events, files, Transition):
    """Ledger rows of one obligation from its audit events, files going with the delivery
    they were uploaded with; the last delivery has the obligation's own details."""
    unit, milestone, state, rows = obligation.unit, obligation.milestone, "pending", []
    common = {"workflow": WORKFLOW, "object_type": "plans.obligation",
              "object_id": obligation.pk, "unit_path": unit.path, "level": unit.level}  # fmt: skip
    deliveries = [e for e in events if e.changes.get("state", [None, None])[1] == "delivered"]
    for event in events:
        target = event.changes["state"][1]
        action = OBLIGATION_ACTIONS.get(target)
        if action is None:
            continue
        payload = {"migrated": True}
        if action == "deliver":
            mine = [f for f in files if f[0] <= event.at + datetime.timedelta(seconds=60)]
            files = files[len(mine) :]
            payload = _delivery(obligation, [name for _at, name in mine])
            if event is not deliveries[-1]:  # an earlier delivery: its day is the event's
                day = timezone.localdate(event.at)
                payload.update(delivered_on=day.isoformat(), late=day > milestone.due_on)
        rows.append(Transition(**common, action=action, from_state=state, to_state=target,
                               actor_id=event.actor_id, actor_name=event.actor_name,
                               reason=_whole(event.note, obligation.reason), at=event.at,
                               payload=payload))  # fmt: skip
        state = target
    return rows


def _plan_rows(apps, Transition):
    Plan = apps.get_model("plans", "Plan")
    events = _state_events(apps, "plans.plan")
    rows = []
    for plan in Plan.objects.filter(pk__in=[int(pk) for pk in events]).select_related("issuer"):
        for event in events[str(plan.pk)]:
            action = PLAN_ACTIONS.get(tuple(event.changes["status"]))
            if action:
                rows.append(Transition(
                    workflow="plan", object_type="plans.plan", object_id=plan.pk,
                    action=action, from_state=event.changes["status"][0],
                    to_state=event.changes["status"][1], actor_id=event.actor_id,
                    actor_name=event.actor_name, unit_path=plan.issuer.path,
                    level=plan.issuer.level, at=event.at,
                    payload={"migrated": True, "note": event.note},
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
    for obligation_id, at, name in (
        DeliveryFile.objects.order_by("uploaded_at", "pk")
        .values_list("obligation_id", "uploaded_at", "original_name")
        .iterator()
    ):
        files[obligation_id].append((at, name))
    events = _state_events(apps, "plans.obligation")
    rows = _plan_rows(apps, Transition)
    for obligation in delivered.iterator(chunk_size=2000):
        mine = events.get(str(obligation.pk))
        if mine:
            rows += _replayed(obligation, mine, files[obligation.pk], Transition)
        else:
            rows += _rows(obligation, Transition, [name for _at, name in files[obligation.pk]])
        if len(rows) >= 2000:
            Transition.objects.bulk_create(rows)
            rows = []
    Transition.objects.bulk_create(rows)


def backwards(apps, schema_editor):
    Obligation = apps.get_model("plans", "Obligation")
    Transition = apps.get_model("workflow", "Transition")
    Transition.objects.filter(workflow="plan").delete()
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
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="obligation", name="decided_by_name"),
    ]
