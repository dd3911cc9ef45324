import pytest

from thidua.audit.models import Action, AuditEvent
from thidua.units.loader import load_official_tree
from thidua.units.models import Level, Unit, UnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    return load_official_tree()


def test_loads_34_provinces_and_3321_communes(loaded):
    assert Unit.objects.filter(kind=UnitKind.PROVINCE).count() == 34
    assert Unit.objects.filter(kind=UnitKind.COMMUNE).count() == 3321
    assert Unit.objects.filter(kind=UnitKind.NATION).count() == 1
    assert (loaded.created, loaded.updated, loaded.unchanged) == (3356 - 1, 0, 0)


def test_official_codes_and_names_are_kept(loaded):
    hanoi = Unit.objects.get(code="01")
    hai_phong = Unit.objects.get(code="31")
    dai_son = Unit.objects.get(code="11086")

    assert hanoi.name == "Thành phố Hà Nội"
    assert Unit.objects.get(code="24").name == "Tỉnh Bắc Ninh"
    assert (dai_son.name, dai_son.subtype, dai_son.parent) == ("Xã Đại Sơn", "xã", hai_phong)
    assert dai_son.level == Level.COMMUNE
    assert dai_son.is_official


def test_communes_sit_under_their_province_by_path(loaded):
    hai_phong = Unit.objects.get(code="31")
    subtree = Unit.objects.filter(path__startswith=hai_phong.path).exclude(pk=hai_phong.pk)

    assert subtree.count() == hai_phong.children.count() == 114
    assert all(u.path == f"{hai_phong.path}{u.pk}/" and u.depth == 2 for u in subtree)


def test_running_twice_changes_nothing(loaded):
    before = dict(Unit.objects.values_list("code", "path"))

    again = load_official_tree()

    assert (again.created, again.updated, again.unchanged) == (0, 0, 3355)
    assert dict(Unit.objects.values_list("code", "path")) == before


def test_rerun_restores_an_edited_official_name_and_keeps_children(loaded):
    dai_son = Unit.objects.get(code="11086")
    village = Unit.objects.create(
        name="Thôn X", kind=UnitKind.VILLAGE, level=Level.VILLAGE, parent=dai_son,
        path=f"{dai_son.path}999999/", search_name="thon x", sort_name="x",
    )  # fmt: skip
    Unit.objects.filter(pk=dai_son.pk).update(name="Tên sai")

    again = load_official_tree()

    dai_son.refresh_from_db()
    village.refresh_from_db()
    assert (again.updated, dai_son.name, dai_son.search_name) == (1, "Xã Đại Sơn", "xa dai son")
    assert village.parent == dai_son


def test_each_run_is_recorded_in_the_audit_trail(loaded):
    load_official_tree()

    notes = list(AuditEvent.objects.filter(action=Action.LOAD).values_list("note", flat=True))
    assert notes == ["Tạo 3355, cập nhật 0, giữ nguyên 0", "Tạo 0, cập nhật 0, giữ nguyên 3355"]
