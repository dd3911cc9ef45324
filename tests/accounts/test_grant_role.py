import pytest
from django.core.management import CommandError, call_command

from thidua.accounts.models import User
from thidua.accounts.selectors import scope_for


def test_grant_role_creates_the_account_and_gives_it_the_subtree(commune_a, village_a):
    call_command("grant_role", "moi", "99001", "officer", "--create", "--full-name", "Đỗ Văn Tú")

    user = User.objects.get(username="moi")
    assert user.full_name == "Đỗ Văn Tú"
    assert scope_for(user).covers(village_a.path)


def test_grant_role_refuses_an_unknown_unit_or_account(commune_a):
    with pytest.raises(CommandError):
        call_command("grant_role", "ai", "12345", "officer", "--create")
    with pytest.raises(CommandError):
        call_command("grant_role", "ai", "99001", "officer")
