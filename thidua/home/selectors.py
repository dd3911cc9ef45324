"""Scoped reads of the audit trail."""

from django.db.models import QuerySet

from thidua.audit.models import AuditEvent
from thidua.units.scope import scope_for


def events_for(user, *, target_type: str = "", target_id: str = "") -> QuerySet[AuditEvent]:
    """Audit events of the user's subtrees, newest first."""
    events = AuditEvent.objects.filter(scope_for(user).q("scope_path"))
    if target_type:
        events = events.filter(target_type=target_type)
    if target_id:
        events = events.filter(target_id=target_id)
    return events.order_by("-at", "-pk")
