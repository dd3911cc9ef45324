"""The same step for many objects at once (a conference's 3,000 delegates approved in one
click): each object is checked as `transition` checks it — roles, state, reason, guards —
and gets its own ledger and audit row, but the rows are locked, updated and written in a
few statements rather than a handful per object. Objects the step does not apply to now
(already moved, say) are left as they are; a guard that refuses one refuses them all, as
nothing is written unless everything is."""

from collections import defaultdict

from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import record_events
from thidua.core.text import clean_text
from thidua.tallies.services import batched
from thidua.workflow.engine import _SUBSCRIBERS, Move, Refused, _check, ledger_row, workflow_of
from thidua.workflow.models import Transition

BATCH = 500  # rows per UPDATE and per INSERT


@transaction.atomic
def transition_many(queryset, action: str, *, by, reason: str = "") -> int:
    """Apply `action` to every object of `queryset` its step applies to now; return how
    many moved. All or nothing: a refusal (a role, a guard) writes nothing."""
    flow = workflow_of(queryset.model())
    step = flow.steps.get(action)
    if step is None:
        raise Refused(f"Không có thao tác «{action}» cho {flow.noun}.", code="state")
    rows = (queryset.select_related(*flow.related).select_for_update(of=("self", *flow.locks))
            .filter(**{f"{flow.field}__in": step.sources}).order_by("pk"))  # fmt: skip
    reason = clean_text(reason).strip()
    moves = [Move(workflow=flow, obj=obj, action=action, step=step, by=by, reason=reason,
                  data={}, before=getattr(obj, flow.field)) for obj in rows]  # fmt: skip
    for move in moves:
        _check(move)
        setattr(move.obj, flow.field, step.target)
        if step.apply:
            step.apply(move)
    _save(flow, step, moves)
    _write_ledger(flow, moves)
    with batched():  # what the subscribers count, written once
        for move in moves:
            for subscriber in _SUBSCRIBERS[(flow.name, action)]:
                subscriber(move)
    return len(moves)


def _save(flow, step, moves) -> None:
    """One UPDATE of the state for all when the step only moves them; a step that also sets
    fields of its own (`apply`) saves each object whole."""
    objects = [move.obj for move in moves]
    if step.apply:
        for obj in objects:
            obj.save()
        return
    for start in range(0, len(objects), BATCH):
        pks = [obj.pk for obj in objects[start : start + BATCH]]
        type(objects[0]).objects.filter(pk__in=pks).update(**{flow.field: step.target})


def _write_ledger(flow, moves) -> None:
    """A ledger row per object, then its audit row (grouped by the state it left)."""
    rows = []
    for move in moves:
        move.row = ledger_row(move)
        rows.append(move.row)
    Transition.objects.bulk_create(rows, batch_size=BATCH)
    groups = defaultdict(list)
    for move in moves:
        groups[(move.before, move.row.unit_path)].append(move.obj)
    for (before, path), targets in groups.items():
        record_events(actor=moves[0].by, action=Action.UPDATE, targets=targets, scope_path=path,
                      changes={flow.field: [before, moves[0].step.target]},
                      note=moves[0].reason)  # fmt: skip
