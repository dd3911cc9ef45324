"""Who may change exemplars and subjects: the officers of the unit they belong to and of
the units above it. Council members and leaders read."""

from thidua.accounts.models import Role
from thidua.units.scope import has_role


def can_edit_exemplar(user, exemplar) -> bool:
    return has_role(user, exemplar.unit.path, Role.OFFICER)


def can_add_subject(user, unit) -> bool:
    return has_role(user, unit.path, Role.OFFICER)
