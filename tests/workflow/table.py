"""Table-driven checks that every workflow's tests share: each (state, action) pair of the
declaration is tried; an allowed one moves and writes exactly one ledger row, a refused one
leaves no trace (state, ledger, audit)."""

import pytest

from thidua.audit.models import AuditEvent
from thidua.workflow.engine import Refused, transition, workflow_of
from thidua.workflow.models import Transition


def pairs(flow, *, allowed: bool) -> list[tuple[str, str]]:
    """Every (state, action) of the workflow that it allows (or refuses)."""
    return [(state, action) for state in flow.states.values for action, step in flow.steps.items()
            if (state in step.sources) is allowed]  # fmt: skip


def put_in(obj, state: str):
    """The object, stored in `state` as if it had got there (no ledger row)."""
    flow = workflow_of(obj)
    type(obj).objects.filter(pk=obj.pk).update(**{flow.field: state})
    obj.refresh_from_db()
    return obj


def assert_moves(obj, state: str, action: str, *, by, reason: str = "Đã họp xét", data=None):
    flow = workflow_of(obj)
    put_in(obj, state)
    earlier = Transition.objects.filter(workflow=flow.name, object_id=obj.pk)
    earlier = list(earlier.values_list("pk", flat=True))  # its entry, say

    moved = transition(obj, action, by=by, reason=reason, data=data)

    rows = Transition.objects.filter(workflow=flow.name, object_id=obj.pk).exclude(pk__in=earlier)
    assert getattr(moved, flow.field) == flow.steps[action].target
    assert [(r.action, r.from_state, r.to_state, r.actor, r.reason) for r in rows] == [
        (action, state, flow.steps[action].target, by, reason),
    ]  # fmt: skip
    return moved


def assert_refused(obj, state: str, action: str, *, by, code: str, reason: str = "x"):
    flow = workflow_of(obj)
    put_in(obj, state)
    events, rows = AuditEvent.objects.count(), Transition.objects.count()

    with pytest.raises(Refused) as refused:
        transition(obj, action, by=by, reason=reason)

    obj.refresh_from_db()
    assert refused.value.refusal == code
    assert getattr(obj, flow.field) == state
    assert (Transition.objects.count(), AuditEvent.objects.count()) == (rows, events)
    return refused.value
