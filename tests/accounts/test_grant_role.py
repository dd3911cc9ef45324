from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from thidua.accounts.models import User
from thidua.units.scope import scope_for


def test_grant_role_creates_the_account_and_gives_it_the_subtree(commune_a, village_a):
    call_command("grant_role", "moi", "99001", "officer", "--create", "--full-name", "Đỗ Văn Tú",
                 "--email", "tu@xa.gov.vn")  # fmt: skip

    user = User.objects.get(username="moi")
    assert (user.full_name, user.email) == ("Đỗ Văn Tú", "tu@xa.gov.vn")
    assert scope_for(user).covers(village_a.path)


def test_grant_role_create_hands_out_a_temporary_password_to_be_changed(commune_a):
    out = StringIO()

    call_command("grant_role", "moi", "99001", "officer", "--create", stdout=out)

    user = User.objects.get(username="moi")
    password = out.getvalue().split("mật khẩu tạm thời: ")[1].split()[0]
    assert user.must_change_password
    assert user.check_password(password)
    assert "phải đổi mật khẩu tạm thời" in out.getvalue()


def test_grant_role_on_an_existing_account_leaves_its_password_alone(commune_a):
    User.objects.create_user("cu", password="mat-khau-cu")

    call_command("grant_role", "cu", "99001", "officer", stdout=StringIO())

    assert not User.objects.get(username="cu").must_change_password


def test_grant_role_refuses_an_unknown_unit_or_account(commune_a):
    with pytest.raises(CommandError):
        call_command("grant_role", "ai", "12345", "officer", "--create")
    with pytest.raises(CommandError):
        call_command("grant_role", "ai", "99001", "officer")
