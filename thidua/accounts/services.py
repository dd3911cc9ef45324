"""Writes to accounts: accounts and their passwords, role assignments and API tokens, each
recorded in the audit trail (never with a password in it)."""

import secrets

from django.db import transaction

from thidua.accounts.models import ApiToken, UnitRole, User
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


@transaction.atomic
def create_account(*, actor, username: str, full_name: str = "",
                   email: str = "") -> tuple[User, str]:  # fmt: skip
    """Create an account with a random temporary password and return it with the password,
    which is not stored, so it can be shown once to whoever hands it over. The account must
    change it at its first login: the password has been seen by someone else. With an
    e-mail address the user can reset a forgotten password alone."""
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(
        username, password=password, full_name=full_name, email=email,
        must_change_password=True,
    )  # fmt: skip
    record_event(
        actor=actor, action=Action.CREATE, target=user, scope_path=f"user:{user.pk}",
        changes={"username": [None, username], "email": [None, email],
                 "must_change_password": [None, True]},
    )  # fmt: skip
    return user, password


@transaction.atomic
def set_password(*, user: User, raw_password: str, note: str) -> User:
    """Give `user` the password they chose (on the change page or through a reset link) and
    clear the must-change flag, since the temporary password is no longer in use. The trail
    says that the password changed, and how (`note`), never what it is."""
    changes = {"must_change_password": [True, False]} if user.must_change_password else {}
    user.set_password(raw_password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    record_event(
        actor=user, action=Action.UPDATE, target=user, scope_path=f"user:{user.pk}",
        changes=changes, note=note,
    )  # fmt: skip
    return user
