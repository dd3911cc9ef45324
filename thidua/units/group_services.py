"""Writes to emulation clusters and blocks and their members, each recorded in the audit
trail under the owning unit (the province whose council runs the groups)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.core.deletion import blocking_sentences
from thidua.core.text import fold
from thidua.units.models import (
    EmulationGroup,
    GroupKind,
    GroupMembership,
    MembershipTerm,
    Unit,
    UnitKind,
)
from thidua.units.services import lock

GROUP_FIELDS = ["kind", "number", "name", "default_cadence", "default_min_exemplars", "note"]
MEMBER_FIELDS = ["unit", "cadence", "min_exemplars", "joined_on"]
# Clusters and blocks are formed by a province's council (sample 001, §IV.1) or by the
# Central Council for provinces and ministries.
OWNER_KINDS = {UnitKind.PROVINCE, UnitKind.NATION}


def _check_number(owner: Unit, kind: str, number: int, exclude_pk=None) -> None:
    taken = EmulationGroup.objects.filter(owner=owner, kind=kind, number=number)
    if taken.exclude(pk=exclude_pk).exists():
        label = GroupKind(kind).label
        raise ValidationError({"number": f"{label} số {number} đã có ở {owner.name}."})


def _set_search_name(group: EmulationGroup) -> None:
    group.search_name = fold(f"{group.get_kind_display()} {group.number} {group.name}")[:255]


@transaction.atomic
def create_group(*, actor, owner: Unit, kind: str, number: int, **fields) -> EmulationGroup:
    """Create a numbered cluster or block owned by `owner`; the number is unique per kind."""
    if owner.kind not in OWNER_KINDS:
        raise ValidationError({"owner": "Cụm, khối thi đua do cấp tỉnh hoặc Trung ương lập."})
    _check_number(owner, kind, number)
    group = EmulationGroup(owner=owner, kind=kind, number=number)
    for field in GROUP_FIELDS[2:]:
        if field in fields:
            setattr(group, field, fields[field])
    _set_search_name(group)
    group.save()
    record_event(
        actor=actor, action=Action.CREATE, target=group, scope_path=owner.path,
        changes=diff({}, snapshot(group, GROUP_FIELDS)),
    )  # fmt: skip
    return group


@transaction.atomic
def update_group(*, actor, group: EmulationGroup, **changes) -> EmulationGroup:
    """Change a group's number, name or defaults. Members keep their own cadence and
    minimum: changing the defaults affects only members added afterwards."""
    group = lock(EmulationGroup, group.pk, "Cụm, khối này vừa bị xóa; không thể lưu thay đổi.")
    before = snapshot(group, GROUP_FIELDS)
    _check_number(
        group.owner, changes.get("kind", group.kind), changes.get("number", group.number),
        exclude_pk=group.pk,
    )  # fmt: skip
    for field in GROUP_FIELDS:
        if field in changes:
            setattr(group, field, changes[field])
    _set_search_name(group)
    group.save()
    changed = diff(before, snapshot(group, GROUP_FIELDS))
    if changed:
        record_event(
            actor=actor, action=Action.UPDATE, target=group, scope_path=group.owner.path,
            changes=changed,
        )  # fmt: skip
    return group


@transaction.atomic
def delete_group(*, actor, group: EmulationGroup) -> None:
    """Delete a group with its memberships, recording each of them. Deleting a group that is
    already gone does nothing."""
    group = EmulationGroup.objects.select_for_update().filter(pk=group.pk).first()
    if group is None:
        return
    blockers = blocking_sentences(group)
    if blockers:
        raise ValidationError(["Cụm, khối đã có điển hình gửi theo chỉ tiêu.", *blockers])
    memberships = list(group.members.select_related("unit", "group__owner"))
    for membership in memberships:
        _record_removal(actor, membership)
    changes = diff(snapshot(group, GROUP_FIELDS), dict.fromkeys(GROUP_FIELDS))
    changes["members"] = [sorted(str(m.unit) for m in memberships), None]
    record_event(
        actor=actor, action=Action.DELETE, target=group, scope_path=group.owner.path,
        changes=changes,
    )  # fmt: skip
    group.delete()


def _check_member_unit(group: EmulationGroup, unit: Unit) -> None:
    if unit.pk == group.owner_id or not unit.path.startswith(group.owner.path):
        raise ValidationError({"unit": f"Đơn vị phải trực thuộc {group.owner.name}."})
    if not unit.is_current:
        raise ValidationError({"unit": f"{unit.name} đã hết hiệu lực."})
    if GroupMembership.objects.filter(group=group, unit=unit).exists():
        raise ValidationError({"unit": f"{unit.name} đã là thành viên của {group}."})


@transaction.atomic
def add_members(*, actor, group: EmulationGroup, units, **values) -> list[GroupMembership]:
    """Add every unit ticked, with the same cadence and minimum: all or none (a unit that
    cannot join is named in the refusal)."""
    return [add_member(actor=actor, group=group, unit=unit, **values) for unit in units]


@transaction.atomic
def add_member(
    *, actor, group: EmulationGroup, unit: Unit, cadence: str = "",
    min_exemplars: int | None = None, joined_on=None,
) -> GroupMembership:  # fmt: skip
    """Add `unit` to the group. Without a cadence or minimum the member takes the group's
    defaults; the values are then the member's own (sample 001 sets them per member).
    The group row is locked first: two tabs adding the same unit run one after the other,
    and the second is told the unit is a member already."""
    lock(EmulationGroup, group.pk, "Cụm, khối này vừa bị xóa.")
    _check_member_unit(group, unit)
    membership = GroupMembership.objects.create(
        group=group, unit=unit, joined_on=joined_on,
        cadence=cadence or group.default_cadence,
        min_exemplars=group.default_min_exemplars if min_exemplars is None else min_exemplars,
    )  # fmt: skip
    _start_term(membership, joined_on or timezone.localdate())
    record_event(
        actor=actor, action=Action.CREATE, target=membership, scope_path=group.owner.path,
        changes=diff({}, snapshot(membership, MEMBER_FIELDS)),
    )  # fmt: skip
    return membership


def _start_term(membership: GroupMembership, starts_on) -> None:
    """Record the cadence and minimum owed from `starts_on` (a change on the same day
    replaces that day's term)."""
    MembershipTerm.objects.update_or_create(
        membership=membership, starts_on=starts_on,
        defaults={"cadence": membership.cadence, "min_exemplars": membership.min_exemplars},
    )  # fmt: skip


@transaction.atomic
def update_member(*, actor, membership: GroupMembership, **changes) -> GroupMembership:
    """Change a member's cadence, minimum or joining date."""
    membership = lock(
        GroupMembership, membership.pk, "Thành viên này vừa bị đưa ra khỏi cụm, khối."
    )
    before = snapshot(membership, MEMBER_FIELDS)
    for field in ("cadence", "min_exemplars", "joined_on"):
        if field in changes:
            setattr(membership, field, changes[field])
    membership.save()
    changed = diff(before, snapshot(membership, MEMBER_FIELDS))
    if "cadence" in changed or "min_exemplars" in changed:
        _start_term(membership, timezone.localdate())
    if changed:
        record_event(
            actor=actor, action=Action.UPDATE, target=membership,
            scope_path=membership.group.owner.path, changes=changed,
        )  # fmt: skip
    return membership


@transaction.atomic
def remove_member(*, actor, membership: GroupMembership) -> None:
    """Take a unit out of a group, recording what its membership was. Removing a membership
    that is already gone does nothing."""
    current = GroupMembership.objects.select_for_update().filter(pk=membership.pk)
    membership = current.select_related("unit", "group__owner").first()
    if membership is None:
        return
    blockers = blocking_sentences(membership)
    if blockers:
        raise ValidationError(["Thành viên đã gửi điển hình theo chỉ tiêu.", *blockers])
    _record_removal(actor, membership)
    membership.delete()


def _record_removal(actor, membership: GroupMembership) -> None:
    record_event(
        actor=actor, action=Action.DELETE, target=membership,
        scope_path=membership.group.owner.path,
        changes=diff(snapshot(membership, MEMBER_FIELDS), dict.fromkeys(MEMBER_FIELDS)),
    )  # fmt: skip
