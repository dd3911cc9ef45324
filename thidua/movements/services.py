"""Writes to movements, drives and registrations, each recorded in the audit trail. A
movement's status is not among them: it changes only through its workflow
(`thidua.workflow.engine.transition`, declared in workflows.py)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.core.text import clean_text, fold
from thidua.movements.models import Drive, Movement, WorkRegistration
from thidua.units.services import lock

MOVEMENT_FIELDS = ["name", "launched_by", "starts_on", "ends_on", "theme", "method", "follower",
                   "status"]  # fmt: skip
# What an officer edits; the launching unit is fixed and the status has its workflow.
EDITABLE_FIELDS = ["name", "starts_on", "ends_on", "theme", "method", "follower"]


def _only_editable(fields) -> None:
    if unknown := sorted(set(fields) - set(EDITABLE_FIELDS)):
        raise TypeError(f"Not editable here: {', '.join(unknown)} (the status changes through "
                        "thidua.workflow.engine.transition).")  # fmt: skip


def _check_dates(starts_on, ends_on) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": "Ngày kết thúc phải từ ngày bắt đầu trở đi."})


@transaction.atomic
def launch_movement(*, actor, launched_by, name: str, starts_on, ends_on, **fields) -> Movement:
    """Record a movement launched by `launched_by` for a period; it starts active."""
    _only_editable(fields)
    _check_dates(starts_on, ends_on)
    movement = Movement(launched_by=launched_by, name=" ".join(clean_text(name).split()),
                        starts_on=starts_on, ends_on=ends_on, **fields)  # fmt: skip
    movement.search_name = fold(movement.name)[:255]
    movement.save()
    record_event(
        actor=actor, action=Action.CREATE, target=movement, scope_path=launched_by.path,
        changes=diff({}, snapshot(movement, MOVEMENT_FIELDS)),
    )  # fmt: skip
    return movement


@transaction.atomic
def update_movement(*, actor, movement: Movement, **changes) -> Movement:
    """Change a movement's name, period, theme or follower (its status: see workflows.py)."""
    _only_editable(changes)
    movement = lock(Movement, movement.pk, "Phong trào này vừa bị xóa.")
    before = snapshot(movement, MOVEMENT_FIELDS)
    for field in EDITABLE_FIELDS:
        if field in changes:
            setattr(movement, field, changes[field])
    movement.name = " ".join(clean_text(movement.name).split())
    _check_dates(movement.starts_on, movement.ends_on)
    outside = movement.drives.exclude(
        starts_on__gte=movement.starts_on, ends_on__lte=movement.ends_on
    )
    if outside.exists():
        raise ValidationError({"starts_on": "Các đợt thi đua đã có phải nằm trong thời gian mới."})
    movement.search_name = fold(movement.name)[:255]
    movement.save()
    changed = diff(before, snapshot(movement, MOVEMENT_FIELDS))
    if changed:
        record_event(actor=actor, action=Action.UPDATE, target=movement,
                     scope_path=movement.launched_by.path, changes=changed)  # fmt: skip
    return movement


@transaction.atomic
def add_drive(*, actor, movement: Movement, name: str, starts_on, ends_on, anniversary=""):
    """Add a special drive; it must fall inside the movement's period."""
    _check_dates(starts_on, ends_on)
    if starts_on < movement.starts_on or ends_on > movement.ends_on:
        raise ValidationError({"starts_on": "Đợt thi đua phải nằm trong thời gian của phong trào."})
    drive = Drive.objects.create(movement=movement, name=name, starts_on=starts_on,
                                 ends_on=ends_on, anniversary=anniversary)  # fmt: skip
    record_event(actor=actor, action=Action.CREATE, target=drive,
                 scope_path=movement.launched_by.path,
                 changes={"name": [None, name], "anniversary": [None, anniversary]})  # fmt: skip
    return drive


@transaction.atomic
def register_work(*, actor, drive: Drive, unit, title: str, registered_on, result=""):
    """Record a work or deed `unit` registers to celebrate `drive` (once per title)."""
    title = " ".join(clean_text(title).split())
    titles = WorkRegistration.objects.filter(drive=drive, unit=unit).values_list("title", flat=True)
    if fold(title) in {fold(existing) for existing in titles}:
        raise ValidationError({"title": f"{unit} đã đăng ký «{title}» cho đợt này."})
    registration = WorkRegistration.objects.create(
        drive=drive, unit=unit, title=title, registered_on=registered_on, result=result
    )
    record_event(actor=actor, action=Action.CREATE, target=registration, scope_path=unit.path,
                 changes={"drive": [None, str(drive)], "title": [None, title]})  # fmt: skip
    return registration
