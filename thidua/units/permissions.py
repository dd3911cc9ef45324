"""Who may change what in the organisation tree. Reading is settled by the selectors' scope;
these answer the write questions and are shown to templates as `can_*` flags."""

from thidua.accounts.models import Role
from thidua.units.group_services import OWNER_KINDS
from thidua.units.models import EmulationGroup, Unit, UnitKind
from thidua.units.scope import has_role

# Administrative units come from the official list (thidua.units.loader); officers add the
# bodies beside them, and villages, which the official list does not carry.
OFFICER_CREATABLE_KINDS = [
    kind for kind in UnitKind.values if kind not in {UnitKind.NATION, UnitKind.PROVINCE}
]


def can_add_child(user, unit: Unit) -> bool:
    """Officers add units below any unit of their subtree."""
    return unit.is_current and has_role(user, unit.path, Role.OFFICER)


def can_edit_unit(user, unit: Unit) -> bool:
    """Officers edit the details of any unit of their subtree, their own included."""
    return has_role(user, unit.path, Role.OFFICER)


def can_delete_unit(user, unit: Unit) -> bool:
    """Officers delete units strictly below their own, never an official one: a merged
    official unit is closed with a validity date instead, so its history stays."""
    if unit.is_official or unit.parent_id is None:
        return False
    return has_role(user, unit.parent.path, Role.OFFICER)


def can_manage_groups(user, owner: Unit) -> bool:
    """Clusters and blocks are run by the owning province's standing body: its officers."""
    return owner.kind in OWNER_KINDS and has_role(user, owner.path, Role.OFFICER)


def can_edit_group(user, group: EmulationGroup) -> bool:
    return can_manage_groups(user, group.owner)
