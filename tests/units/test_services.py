import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.audit.models import Action, AuditEvent
from thidua.units import services
from thidua.units.models import Level, Unit, UnitKind


def test_create_unit_places_it_in_the_tree(commune_a, officer_a):
    school = services.create_unit(
        actor=officer_a, parent=commune_a, name="  Trường  Mầm non Hoa Sen ",
        kind=UnitKind.SCHOOL, workforce=30,
    )  # fmt: skip

    assert school.name == "Trường Mầm non Hoa Sen"
    assert school.path == f"{commune_a.path}{school.pk}/"
    assert (school.level, school.depth) == (Level.COMMUNE, commune_a.depth + 1)
    assert school.search_name == "truong mam non hoa sen"


@pytest.mark.parametrize(
    ("kind", "parent_fixture"),
    [
        (UnitKind.VILLAGE, "province"),
        (UnitKind.COMMUNE, "commune_a"),
        (UnitKind.PROVINCE, "agency"),
    ],
)
def test_create_unit_refuses_a_kind_that_cannot_sit_there(kind, parent_fixture, request):
    parent = request.getfixturevalue(parent_fixture)

    with pytest.raises(ValidationError) as error:
        services.create_unit(actor=None, parent=parent, name="Sai chỗ", kind=kind)

    assert "kind" in error.value.message_dict
    assert not Unit.objects.filter(name="Sai chỗ").exists()


def test_create_unit_refuses_a_taken_code(commune_a, province):
    with pytest.raises(ValidationError) as error:
        services.create_unit(
            actor=None, parent=province, name="Xã Mới", kind="commune", code="99001"
        )

    assert error.value.message_dict["code"] == ["Mã đơn vị 99001 đã được dùng cho đơn vị khác."]


def test_create_unit_refuses_reversed_validity(province):
    with pytest.raises(ValidationError):
        services.create_unit(
            actor=None, parent=province, name="Sở Cũ", kind=UnitKind.AGENCY,
            valid_from=datetime.date(2025, 7, 1), valid_to=datetime.date(2020, 1, 1),
        )  # fmt: skip


def test_update_unit_records_only_what_changed(agency, province_officer):
    services.update_unit(actor=province_officer, unit=agency, name="Sở Nội vụ", workforce=130)

    event = AuditEvent.objects.filter(action=Action.UPDATE, target_id=str(agency.pk)).get()
    assert event.changes == {"workforce": [120, 130]}
    assert event.actor == province_officer
    assert event.scope_path == agency.path


def test_update_unit_keeps_official_names(commune_a):
    Unit.objects.filter(pk=commune_a.pk).update(is_official=True)
    commune_a.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        services.update_unit(actor=None, unit=commune_a, name="Xã Khác")

    assert "name" in error.value.message_dict
    commune_a.refresh_from_db()
    assert commune_a.name == "Xã An Phú"


def test_update_unit_records_predecessors(province, commune_a):
    old = services.create_unit(
        actor=None, parent=province, name="Xã Cũ", kind=UnitKind.COMMUNE,
        valid_to=datetime.date(2025, 7, 1),
    )  # fmt: skip

    services.update_unit(actor=None, unit=commune_a, predecessors=[old])

    assert list(commune_a.predecessors.all()) == [old]
    assert list(old.successors.all()) == [commune_a]
    event = AuditEvent.objects.filter(action=Action.UPDATE, target_id=str(commune_a.pk)).get()
    assert event.changes == {"predecessors": [[], ["Xã Cũ"]]}


def test_delete_unit_refuses_while_children_exist(commune_a, village_a):
    assert services.deletion_blockers(commune_a) == ["Đơn vị còn đơn vị trực thuộc."]

    with pytest.raises(ValidationError):
        services.delete_unit(actor=None, unit=commune_a)


def test_delete_unit_removes_it_and_keeps_a_record(village_a, officer_a):
    pk = village_a.pk

    services.delete_unit(actor=officer_a, unit=village_a)

    assert not Unit.objects.filter(pk=pk).exists()
    event = AuditEvent.objects.get(action=Action.DELETE, target_id=str(pk))
    assert (event.target_repr, event.changes["name"]) == ("Thôn Một", ["Thôn Một", None])
