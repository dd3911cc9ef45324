"""Writes to accounts: role assignments and API tokens, each recorded in the audit trail."""

from django.db import transaction

from thidua.accounts.models import ApiToken, UnitRole
from thidua.audit.models import Action
from thidua.audit.services import record_event


@transaction.atomic
def create_api_token(*, user, name: str) -> str:
    """Create a bearer token for the JSON API and return its raw value, which is not stored
    (only its SHA-256 is), so it can be shown exactly once."""
    raw, key_hash = ApiToken.generate()
    token = ApiToken.objects.create(user=user, name=name, prefix=raw[:8], key_hash=key_hash)
    record_event(actor=user, action=Action.CREATE, target=token, scope_path=f"user:{user.pk}")
    return raw


@transaction.atomic
def revoke_api_token(*, user, token: ApiToken) -> None:
    """Delete a token; requests that present it are refused from then on."""
    record_event(actor=user, action=Action.DELETE, target=token, scope_path=f"user:{user.pk}")
    token.delete()


@transaction.atomic
def assign_role(*, actor, user, unit, role: str) -> UnitRole:
    """Give `user` a role on `unit` (and so on its subtree). Idempotent."""
    assignment, created = UnitRole.objects.get_or_create(user=user, unit=unit, role=role)
    if created:
        record_event(
            actor=actor, action=Action.CREATE, target=assignment, scope_path=unit.path,
            changes={"user": [None, str(user)], "role": [None, role], "unit": [None, str(unit)]},
        )  # fmt: skip
    return assignment
