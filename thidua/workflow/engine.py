"""Workflows as declarations, and the one function that moves any of them.

A workflow is data in its app's `workflows.py`: its states, and per action the states it
leaves from, the state it goes to, the roles it needs and on which unit (the object's own
by default: the issuer's, the group owner's… where the declaration says), whether a reason
is required, the guards that must pass, and what else the move sets on the object.

`transition(obj, action, by=…, reason=…, data=…)` locks the row, checks the table, the
actor's role, the reason and the guards, saves, writes one ledger row (`Transition`) and
the audit event, then runs the subscribers of that action — other apps' effects, in the
same database transaction, so that nothing is half-done. `allowed_actions(user, obj)` reads
the same table for the buttons, the 403s and the API. Every refusal is a `Refused` with a
Vietnamese message; its `code` tells the views and the API which status to answer.

`by=None` is the system (the demo, a management command): no role is checked then.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.core.text import clean_text
from thidua.units.scope import has_role
from thidua.workflow.models import Transition


class Refused(ValidationError):
    """A transition refused, with the reason for the officer. `code`: "state" (not from
    this state), "forbidden" (the actor's role), "reason" (missing), "guard" (a rule),
    "gone" (the object was deleted meanwhile)."""

    def __init__(self, message, code: str):
        super().__init__(message, code=code)
        self.refusal = code

    @property
    def forbidden(self) -> bool:
        return self.refusal == "forbidden"

    @property
    def status(self) -> int:
        """The HTTP status that says it: 403 for the role, 409 for everything else (the
        object's state, a rule, a missing reason)."""
        return 403 if self.forbidden else 409


@dataclass(frozen=True)
class Step:
    """One action: from `sources` to `target`, by one of `roles` held on the unit `on`
    gives (the object's unit when None)."""

    label: str
    sources: tuple[str, ...]
    target: str
    roles: tuple[str, ...] = (Role.OFFICER,)
    on: Callable[[Any], Any] | None = None
    reason: bool = False
    guards: tuple[Callable[["Move"], None], ...] = ()
    apply: Callable[["Move"], None] | None = None


@dataclass(frozen=True)
class Workflow:
    """The declaration of one workflow. `unit` gives the object's unit (the ledger's path
    and level, and the default unit of the roles); `noun` names the object in messages."""

    name: str
    model: str
    field: str
    states: type
    steps: dict[str, Step]
    unit: Callable[[Any], Any]
    noun: str
    related: tuple[str, ...] = ()  # select_related of the locked row
    locks: tuple[str, ...] = ()  # related rows locked with it, whose state the guards read
    # Ways in: an object created in a state (not moved to it) whose creation others hear
    # of, as of a step (`enter`); its `sources` are ("",) and `target` the state created in.
    entries: dict[str, Step] = field(default_factory=dict)

    def state_label(self, value: str) -> str:
        return str(self.states(value).label) if value in self.states.values else value


@dataclass
class Move:
    """A transition under way, as guards, `apply` and subscribers see it. `payload` goes
    into the ledger row (findings, files); `row` is that row, for subscribers."""

    workflow: Workflow
    obj: Any
    action: str
    step: Step
    by: Any
    reason: str
    data: dict
    before: str = ""
    payload: dict = field(default_factory=dict)
    on: datetime.date | None = None  # the day it happened, when not today (a guard may set it)
    written: list[str] = field(default_factory=list)  # files `apply` stored, gone on failure
    row: Transition | None = None


_WORKFLOWS: dict[str, Workflow] = {}
_SUBSCRIBERS: dict[tuple[str, str], list[Callable[[Move], None]]] = defaultdict(list)


def register(workflow: Workflow) -> Workflow:
    _WORKFLOWS[workflow.model.lower()] = workflow
    return workflow


def workflow_of(obj) -> Workflow:
    return _WORKFLOWS[obj._meta.label_lower]


def unknown_subscriptions() -> list[tuple[str, str]]:
    """Subscriptions that name no declared step (a typo would never fire)."""
    declared = {(flow.name, action) for flow in _WORKFLOWS.values()
                for action in (*flow.steps, *flow.entries)}  # fmt: skip
    return sorted(key for key in _SUBSCRIBERS if key not in declared)


def subscribe(workflow: str, action: str):
    """Run the decorated function after `action` of `workflow`, inside its transaction:
    how one app's transition has effects in another without importing its services."""

    def decorator(function: Callable[[Move], None]):
        _SUBSCRIBERS[(workflow, action)].append(function)
        return function

    return decorator


def may(user, workflow: Workflow, step: Step, obj) -> bool:
    """Whether `user` holds one of the step's roles on its unit (None: the system)."""
    if user is None:
        return True
    unit = step.on(obj) if step.on else workflow.unit(obj)
    return has_role(user, unit.path, *step.roles)


def allowed_actions(user, obj) -> list[tuple[str, Step]]:
    """The actions `user` may take on `obj` now, by its state and the user's roles (the
    guards are checked when the action is taken), in declaration order."""
    flow = workflow_of(obj)
    state = getattr(obj, flow.field)
    return [(name, step) for name, step in flow.steps.items()
            if state in step.sources and may(user, flow, step, obj)]  # fmt: skip


def _locked(flow: Workflow, obj):
    model = type(obj)
    row = model.objects.select_related(*flow.related).select_for_update(of=("self", *flow.locks))
    found = row.filter(pk=obj.pk).first()
    if found is None:
        raise Refused(f"{flow.noun.capitalize()} này vừa bị xóa.", code="gone")
    return found


def _check(move: Move) -> None:
    flow, step = move.workflow, move.step
    # The role first: someone who may not act learns nothing of the object's state.
    if not may(move.by, flow, step, move.obj):
        raise Refused(f"Tài khoản của bạn không được «{step.label}» {flow.noun} này.",
                      code="forbidden")  # fmt: skip
    if move.before not in step.sources:
        raise Refused(f"Không thể «{step.label}» khi {flow.noun} đang «"
                      f"{flow.state_label(move.before)}».", code="state")  # fmt: skip
    if step.reason and not move.reason:
        raise Refused(f"Cần ghi lý do để «{step.label}».", code="reason")
    for guard in step.guards:
        try:
            guard(move)
        except Refused:
            raise
        except ValidationError as error:
            raise Refused(error.messages, code="guard") from error


def _record(move: Move) -> Transition:
    flow, obj, by = move.workflow, move.obj, move.by
    _ledger(move)
    record_event(actor=by, action=Action.UPDATE, target=obj, scope_path=move.row.unit_path,
                 changes={flow.field: [move.before, move.step.target]},
                 note=move.reason[:255])  # fmt: skip
    return move.row


def _ledger(move: Move) -> None:
    move.row = ledger_row(move)
    move.row.save()


def ledger_row(move: Move) -> Transition:
    """The ledger row of a move, not yet saved (workflow.bulk writes many at once)."""
    flow, obj, by = move.workflow, move.obj, move.by
    unit = flow.unit(obj)
    return Transition(
        workflow=flow.name, object_type=obj._meta.label_lower, object_id=obj.pk,
        action=move.action, from_state=move.before, to_state=move.step.target,
        actor=by if by is not None and by.pk else None,
        actor_name=str(by) if by is not None else "hệ thống", unit_path=unit.path,
        level=getattr(unit, "level", ""), reason=move.reason, payload=move.payload,
        on=move.on or timezone.localdate(),
    )  # fmt: skip


@transaction.atomic
def transition(obj, action: str, *, by, reason: str = "", data: dict | None = None):
    """Apply `action` to `obj` if its workflow allows it now for `by`; return the object
    as saved. Refused (nothing written) otherwise."""
    flow = workflow_of(obj)
    step = flow.steps.get(action)
    if step is None:
        raise Refused(f"Không có thao tác «{action}» cho {flow.noun}.", code="state")
    obj = _locked(flow, obj)
    move = Move(workflow=flow, obj=obj, action=action, step=step, by=by,
                reason=clean_text(reason).strip(), data=data or {},
                before=getattr(obj, flow.field))  # fmt: skip
    _check(move)
    try:
        _apply(move)
    except BaseException:
        # The rows roll back with the transaction; the files `apply` stored must go too.
        for name in move.written:
            default_storage.delete(name)
        raise
    return obj


def _apply(move: Move) -> None:
    flow, obj, step = move.workflow, move.obj, move.step
    setattr(obj, flow.field, step.target)
    if step.apply:
        step.apply(move)
    obj.save()
    _record(move)
    for subscriber in _SUBSCRIBERS[(flow.name, move.action)]:
        subscriber(move)


@transaction.atomic
def enter(obj, action: str, *, by) -> None:
    """`obj` was just created in the state its workflow's entry `action` leads to: write
    its ledger row (from no state) and run that action's subscribers, as `transition` does
    for a move. Whether `by` may create it is the creating service's check (`may` on the
    entry step), and so is its audit row (a creation, not a change)."""
    flow = workflow_of(obj)
    step = flow.entries[action]
    move = Move(workflow=flow, obj=obj, action=action, step=step, by=by, reason="", data={})
    _ledger(move)
    for subscriber in _SUBSCRIBERS[(flow.name, action)]:
        subscriber(move)


def history(obj) -> list[Transition]:
    """The ledger rows of one object, oldest first, each with the labels of its action
    and states (`action_label`, `from_label`, `to_label`) for the pages."""
    flow = workflow_of(obj)
    rows = list(Transition.objects.filter(workflow=flow.name, object_id=obj.pk))
    for row in rows:
        step = flow.steps.get(row.action) or flow.entries.get(row.action)
        row.action_label = step.label if step else row.action
        row.from_label, row.to_label = (
            flow.state_label(row.from_state),
            flow.state_label(row.to_state),
        )
    return rows
