"""Writing the audit trail. Services call these inside their transaction, so a change and
its record are saved together or not at all."""

import datetime
import decimal

from django.db import models

from thidua.audit.models import Action, AuditEvent


def _plain(value):
    """JSON-safe form of a field value, readable in the trail."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return sorted(str(item) for item in value)
    return value


def snapshot(obj: models.Model, fields: list[str]) -> dict:
    """The values of `fields` on `obj`, as they will be compared by `diff`."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for every field whose value changed."""
    return {
        name: [before.get(name), after.get(name)]
        for name in after
        if before.get(name) != after.get(name)
    }


def record_event(
    *, actor, action: Action, target: models.Model, scope_path: str,
    changes: dict | None = None, note: str = "",
) -> AuditEvent:  # fmt: skip
    """Record that `actor` did `action` on `target`. `scope_path` decides who may read the
    record (the unit subtree it belongs to); `changes` is {field: [old, new]}."""
    fields = _fields(actor, action, target, scope_path=scope_path, changes=changes, note=note)
    return AuditEvent.objects.create(**fields)


def record_events(
    *, actor, action: Action, targets, scope_path: str, note: str = "", changes=None
) -> None:
    """Record the same `action` (and the same `changes`) on many targets in one statement (a
    bulk add of rows already saved, a bulk move): one audit row each, as `record_event`
    would write them."""
    rows = [_fields(actor, action, t, scope_path=scope_path, changes=changes, note=note)
            for t in targets]  # fmt: skip
    AuditEvent.objects.bulk_create([AuditEvent(**row) for row in rows], batch_size=500)


def _fields(actor, action, target, *, scope_path, changes, note) -> dict:
    return {
        "actor": actor if actor is not None and actor.pk else None,
        "actor_name": str(actor) if actor is not None else "hệ thống",
        "action": action,
        "target_type": target._meta.label_lower,
        "target_id": str(target.pk),
        "target_repr": str(target)[:255],
        "scope_path": scope_path,
        "changes": changes or {},
        "note": note[:255],
    }
