"""Writes to the organisation tree. Each function validates, saves and records the change in
the audit trail inside one transaction. Messages are Vietnamese: they reach officers as is."""

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.core.deletion import blocking_sentences
from thidua.core.text import fold, sort_key
from thidua.units.models import EmulationGroup, GroupMembership, Level, Unit, UnitKind

DETAIL_FIELDS = [
    "subtype", "economic_sector", "workforce", "email", "address", "valid_from", "valid_to",
]  # fmt: skip
AUDITED_FIELDS = ["name", "kind", "level", "code", "parent", *DETAIL_FIELDS, "predecessors"]
# Fields of an official unit that come from the official list and may not be edited by hand.
LOCKED_OFFICIAL_FIELDS = {"name", "kind", "code"}

# Administrative kinds fix the level; the bodies beside them take their parent's level.
ADMINISTRATIVE_LEVEL = {
    UnitKind.NATION: Level.NATIONAL,
    UnitKind.PROVINCE: Level.PROVINCE,
    UnitKind.DISTRICT: Level.DISTRICT,
    UnitKind.COMMUNE: Level.COMMUNE,
    UnitKind.VILLAGE: Level.VILLAGE,
}
_NOT_UNDER_VILLAGE = set(UnitKind.values) - {UnitKind.VILLAGE}
ALLOWED_PARENT_KINDS = {
    UnitKind.NATION: set(),
    UnitKind.PROVINCE: {UnitKind.NATION},
    # Until 01/7/2025 a commune sat under a district; since then directly under the province
    # (Resolution 202/2025/QH15 on the reorganisation of provincial-level units).
    UnitKind.DISTRICT: {UnitKind.PROVINCE},
    UnitKind.COMMUNE: {UnitKind.PROVINCE, UnitKind.DISTRICT},
    UnitKind.VILLAGE: {UnitKind.COMMUNE},
    # Branches of the Front and unions exist down to the village (chi hội).
    UnitKind.MASS_ORG: set(UnitKind.values),
}


def allowed_parent_kinds(kind: str) -> set[str]:
    return ALLOWED_PARENT_KINDS.get(kind, _NOT_UNDER_VILLAGE)


def _check_placement(kind: str, parent: Unit | None) -> None:
    allowed = allowed_parent_kinds(kind)
    if parent is None and allowed:
        raise ValidationError({"parent": "Đơn vị loại này phải có đơn vị cấp trên."})
    if parent is not None and parent.kind not in allowed:
        raise ValidationError(
            {"kind": f"Không thể đặt «{UnitKind(kind).label}» trực thuộc «{parent.name}»."}
        )


def level_for(kind: str, parent: Unit | None) -> str:
    """The level a unit of `kind` takes under `parent`."""
    if kind in ADMINISTRATIVE_LEVEL:
        return ADMINISTRATIVE_LEVEL[kind]
    return parent.level if parent is not None else Level.NATIONAL


def _check_dates(valid_from, valid_to) -> None:
    if valid_from and valid_to and valid_to <= valid_from:
        raise ValidationError({"valid_to": "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."})


def _check_code(code: str, exclude_pk=None) -> None:
    if code and Unit.objects.filter(code=code).exclude(pk=exclude_pk).exists():
        raise ValidationError({"code": f"Mã đơn vị {code} đã được dùng cho đơn vị khác."})


def lock(model, pk, message: str):
    """Re-read a row under a lock for a change, or refuse it when somebody deleted it since
    the page was shown (a plain save would re-create it)."""
    row = model.objects.select_for_update().filter(pk=pk).first()
    if row is None:
        raise ValidationError(message)
    return row


GONE = "Đơn vị này vừa bị xóa; không thể lưu thay đổi."


def set_names(unit: Unit) -> None:
    """Derive the search and sort keys from the name (also used by the bulk loader)."""
    unit.search_name = fold(unit.name)[:255]
    unit.sort_name = sort_key(unit.name)


def path_for(unit: Unit, parent: Unit | None) -> str:
    return f"{parent.path if parent else '/'}{unit.pk}/"


def _audit_fields(unit: Unit) -> dict:
    values = snapshot(unit, AUDITED_FIELDS[:-1])
    values["predecessors"] = sorted(str(p) for p in unit.predecessors.all()) if unit.pk else []
    return values


@transaction.atomic
def create_unit(
    *, actor, parent: Unit | None, name: str, kind: str, code: str = "",
    predecessors=(), **details,
) -> Unit:  # fmt: skip
    """Create a unit under `parent`, placing it in the tree (level, path) and recording it.

    Raises ValidationError when the kind may not sit under the parent (a village under a
    province, say), when the code is taken or the validity dates are reversed.
    """
    name = " ".join(name.split())
    _check_placement(kind, parent)
    _check_code(code)
    _check_dates(details.get("valid_from"), details.get("valid_to"))
    unit = Unit(name=name, kind=kind, code=code, parent=parent, level=level_for(kind, parent))
    for field in DETAIL_FIELDS:
        if field in details:
            setattr(unit, field, details[field])
    set_names(unit)
    unit.path = f"/new-{fold(name)[:200]}-{id(unit)}"  # placeholder until the pk is known
    unit.save()
    unit.path = path_for(unit, parent)
    unit.depth = unit.path.count("/") - 2
    unit.save(update_fields=["path", "depth"])
    unit.predecessors.set(predecessors)
    record_event(
        actor=actor, action=Action.CREATE, target=unit, scope_path=unit.path,
        changes=diff({}, _audit_fields(unit)),
    )  # fmt: skip
    return unit


@transaction.atomic
def update_unit(*, actor, unit: Unit, predecessors=None, **changes) -> Unit:
    """Change a unit's name, code or details and record what changed.

    The parent and kind of a unit stay fixed (its path and level follow from them); an
    official unit keeps the name, kind and code of the official list.
    """
    unit = lock(Unit, unit.pk, GONE)
    before = _audit_fields(unit)
    if unit.is_official:
        locked = {f for f in LOCKED_OFFICIAL_FIELDS if f in changes and changes[f] != before[f]}
        if locked:
            message = "Thông tin này lấy từ danh mục chính thức."
            raise ValidationError(dict.fromkeys(locked, message))
    if "name" in changes:
        unit.name = " ".join(changes.pop("name").split())
        set_names(unit)
    if "code" in changes:
        _check_code(changes["code"], exclude_pk=unit.pk)
        unit.code = changes.pop("code")
    for field in DETAIL_FIELDS:
        if field in changes:
            setattr(unit, field, changes[field])
    _check_dates(unit.valid_from, unit.valid_to)
    unit.save()
    if predecessors is not None:
        if any(p.pk == unit.pk for p in predecessors):
            raise ValidationError({"predecessors": "Đơn vị không thể là tiền thân của chính nó."})
        unit.predecessors.set(predecessors)
    changed = diff(before, _audit_fields(unit))
    if changed:
        record_event(
            actor=actor, action=Action.UPDATE, target=unit, scope_path=unit.path, changes=changed
        )
    return unit


def deletion_blockers(unit: Unit) -> list[str]:
    """Why `unit` cannot be deleted, as sentences for the officer; empty when it can."""
    reasons = []
    if unit.is_official:
        reasons.append("Đơn vị thuộc danh mục chính thức; hãy ghi ngày hết hiệu lực thay vì xóa.")
    if unit.children.exists():
        reasons.append("Đơn vị còn đơn vị trực thuộc.")
    if unit.user_roles.exists():
        reasons.append("Đơn vị còn tài khoản được phân quyền.")
    if unit.owned_groups.exists() or unit.group_memberships.exists():
        reasons.append("Đơn vị còn thuộc hoặc quản lý cụm, khối thi đua.")
    if unit.successors.exists():
        reasons.append("Đơn vị là tiền thân của đơn vị khác; lịch sử sắp xếp phải được giữ.")
    # Everything else that refers to the unit (people, exemplars, movements, …).
    reasons += blocking_sentences(unit, skip={Unit, GroupMembership, EmulationGroup})
    return reasons


@transaction.atomic
def delete_unit(*, actor, unit: Unit) -> None:
    """Delete a unit that nothing depends on, and record it (the record keeps its name).
    Deleting a unit that is already gone does nothing."""
    unit = Unit.objects.select_for_update().filter(pk=unit.pk).first()
    if unit is None:
        return
    reasons = deletion_blockers(unit)
    if reasons:
        raise ValidationError(reasons)
    record_event(
        actor=actor, action=Action.DELETE, target=unit, scope_path=unit.path,
        changes=diff(_audit_fields(unit), dict.fromkeys(AUDITED_FIELDS)),
    )  # fmt: skip
    unit.predecessors.clear()
    unit.delete()
