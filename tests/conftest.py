"""The persona fixtures every scoping test uses (after healthchecks' Alice/Bob/Charlie):

    Tỉnh Thử nghiệm (province)
    ├── Xã An Phú (commune A) ── Thôn Một (village), Trường Tiểu học An Phú (school)
    ├── Xã Bình Minh (commune B) ── Thôn Hai (village)
    └── Sở Nội vụ (agency)

officer_a works in commune A, officer_b in its sibling commune B, and must see nothing of A.
"""

import pytest

from tests.factories import (
    EmulationGroupFactory,
    GroupMembershipFactory,
    UnitFactory,
    UnitRoleFactory,
    UserFactory,
)
from thidua.accounts.models import Role
from thidua.units.models import UnitKind


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"  # uploads never land in the working tree


@pytest.fixture
def nation(db):
    return UnitFactory(name="Trung ương", kind=UnitKind.NATION)


@pytest.fixture
def province(nation):
    return UnitFactory(name="Tỉnh Thử Nghiệm", kind=UnitKind.PROVINCE, parent=nation, code="99")


@pytest.fixture
def commune_a(province):
    return UnitFactory(name="Xã An Phú", kind=UnitKind.COMMUNE, parent=province, code="99001")


@pytest.fixture
def commune_b(province):
    return UnitFactory(name="Xã Bình Minh", kind=UnitKind.COMMUNE, parent=province, code="99002")


@pytest.fixture
def village_a(commune_a):
    return UnitFactory(name="Thôn Một", kind=UnitKind.VILLAGE, parent=commune_a)


@pytest.fixture
def village_b(commune_b):
    return UnitFactory(name="Thôn Hai", kind=UnitKind.VILLAGE, parent=commune_b)


@pytest.fixture
def agency(province):
    return UnitFactory(name="Sở Nội vụ", kind=UnitKind.AGENCY, parent=province, workforce=120)


def _person(unit, role, username):
    return UnitRoleFactory(unit=unit, role=role, user=UserFactory(username=username)).user


@pytest.fixture
def officer_a(commune_a):
    return _person(commune_a, Role.OFFICER, "officer_a")


@pytest.fixture
def officer_b(commune_b):
    return _person(commune_b, Role.OFFICER, "officer_b")


@pytest.fixture
def province_officer(province):
    return _person(province, Role.OFFICER, "province_officer")


@pytest.fixture
def council_member(province):
    return _person(province, Role.COUNCIL, "council_member")


@pytest.fixture
def leader(province):
    return _person(province, Role.LEADER, "leader")


@pytest.fixture
def site_admin(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def cluster(province, commune_a, commune_b):
    group = EmulationGroupFactory(owner=province, number=1, name="Cụm các xã")
    GroupMembershipFactory(group=group, unit=commune_a)
    GroupMembershipFactory(group=group, unit=commune_b, cadence="half_year", min_exemplars=2)
    return group


@pytest.fixture(autouse=True)
def _fresh_search_vocabulary():
    """Each test reads the typo-correction vocabulary of its own database."""
    from thidua.core.search import forget_vocabulary

    forget_vocabulary()
    yield
    forget_vocabulary()
