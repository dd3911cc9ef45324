"""Quota decisions move into the transition ledger, before the columns that kept the last
one go, so that nothing recorded is lost. The audit trail recorded every change of a
submission's state with who, when and why: each becomes a ledger row (a return, a resend
and a second return keep both reasons). A submission without such events falls back to its
own columns, which kept only its last decision (who, when, why). A submission waiting again after a decision had been
returned and sent again: it gets the return and, after it, the sending again (whose
author and time were never recorded: marked inferred, dated no later than known). The last
reason stays on the submission, where the member's page shows it."""

from django.db import migrations

WORKFLOW = "quota"
SYSTEM = "hệ thống"  # the decisions of the demo, taken with no user, were recorded as "None"
UNKNOWN = "không rõ"


ACTIONS = {("submitted", "accepted"): "accept", ("submitted", "returned"): "return",
           ("returned", "submitted"): "resubmit"}  # fmt: skip


def _audited(apps, Transition) -> tuple[list, set]:
    """Ledger rows from the audit trail, which recorded every change of a submission's
    state with who, when and why; and the submissions it covered."""
    AuditEvent = apps.get_model("audit", "AuditEvent")
    Submission = apps.get_model("quotas", "Submission")
    events = AuditEvent.objects.filter(target_type="quotas.submission", action="update")
    submissions = {str(s.pk): s for s in Submission.objects.select_related("membership__unit")}
    rows, covered = [], set()
    for event in events.order_by("at", "pk").iterator():
        action = ACTIONS.get(tuple((event.changes.get("state") or [None, None])[:2]))
        submission = submissions.get(event.target_id)
        if action is None or submission is None:
            continue
        unit = submission.membership.unit
        rows.append(Transition(
            workflow=WORKFLOW, object_type="quotas.submission", object_id=submission.pk,
            action=action, from_state=event.changes["state"][0],
            to_state=event.changes["state"][1], actor_id=event.actor_id,
            actor_name=SYSTEM if event.actor_name in {"None", ""} else event.actor_name,
            unit_path=unit.path, level=unit.level, reason=event.note, at=event.at,
            payload={"migrated": True},
        ))  # fmt: skip
        covered.add(submission.pk)
    return rows, covered


def forwards(apps, schema_editor):
    Submission = apps.get_model("quotas", "Submission")
    Transition = apps.get_model("workflow", "Transition")
    rows, covered = _audited(apps, Transition)
    decided = (
        Submission.objects.exclude(decided_at=None, decided_by_name="", state="submitted")
        .exclude(pk__in=covered).select_related("membership__unit").order_by("pk")
    )  # fmt: skip
    for submission in decided.iterator():
        unit = submission.membership.unit
        name = submission.decided_by_name
        common = {
            "workflow": WORKFLOW, "object_type": "quotas.submission",
            "object_id": submission.pk, "unit_path": unit.path, "level": unit.level,
            "at": submission.decided_at or submission.submitted_at,
        }  # fmt: skip
        accepted = submission.state == "accepted"
        rows.append(Transition(
            **common, action="accept" if accepted else "return", from_state="submitted",
            to_state="accepted" if accepted else "returned",
            actor_name=SYSTEM if name == "None" else (name or UNKNOWN),
            reason=submission.reason, payload={"migrated": True},
        ))  # fmt: skip
        if submission.state == "submitted":
            rows.append(Transition(
                **common, action="resubmit", from_state="returned", to_state="submitted",
                actor_name=UNKNOWN, payload={"migrated": True, "inferred": True},
            ))  # fmt: skip
        if len(rows) >= 2000:
            Transition.objects.bulk_create(rows)
            rows = []
    Transition.objects.bulk_create(rows)


def backwards(apps, schema_editor):
    Submission = apps.get_model("quotas", "Submission")
    Transition = apps.get_model("workflow", "Transition")
    ledger = Transition.objects.filter(workflow=WORKFLOW)
    last = {}
    for row in ledger.filter(action__in=["accept", "return"]).order_by("at", "pk").iterator():
        last[row.object_id] = row
    for submission in Submission.objects.filter(pk__in=last):
        row = last[submission.pk]
        submission.decided_by_name = "None" if row.actor_name == SYSTEM else row.actor_name
        submission.decided_at = row.at
        submission.save(update_fields=["decided_by_name", "decided_at"])
    ledger.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quotas", "0001_initial"),
        ("workflow", "0001_ledger"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="submission", name="decided_at"),
        migrations.RemoveField(model_name="submission", name="decided_by_name"),
    ]
