import pytest
from django.core.exceptions import ValidationError

from thidua.audit.models import Action, AuditEvent
from thidua.units import group_services
from thidua.units.models import Cadence, GroupKind


def test_members_take_group_defaults_unless_given_their_own(cluster, commune_a, commune_b):
    members = {m.unit: (m.cadence, m.min_exemplars) for m in cluster.members.all()}

    assert members == {commune_a: ("quarter", 3), commune_b: ("half_year", 2)}


def test_group_numbers_are_unique_per_owner_and_kind(cluster, province):
    with pytest.raises(ValidationError) as error:
        group_services.create_group(actor=None, owner=province, kind=GroupKind.CLUSTER, number=1)

    assert error.value.message_dict["number"] == ["Cụm thi đua số 1 đã có ở Tỉnh Thử Nghiệm."]
    block = group_services.create_group(actor=None, owner=province, kind=GroupKind.BLOCK, number=1)
    assert block.display_name == "Khối thi đua số 1"


def test_only_a_province_or_the_nation_owns_groups(commune_a):
    with pytest.raises(ValidationError):
        group_services.create_group(actor=None, owner=commune_a, kind=GroupKind.CLUSTER, number=1)


def test_a_member_must_belong_to_the_owner(cluster, nation):
    from thidua.units.services import create_unit

    other = create_unit(actor=None, parent=nation, name="Tỉnh Khác", kind="province")

    with pytest.raises(ValidationError) as error:
        group_services.add_member(actor=None, group=cluster, unit=other)

    assert error.value.message_dict["unit"] == ["Đơn vị phải trực thuộc Tỉnh Thử Nghiệm."]


def test_a_unit_joins_a_group_once(cluster, commune_a):
    with pytest.raises(ValidationError):
        group_services.add_member(actor=None, group=cluster, unit=commune_a)


def test_membership_changes_are_audited(cluster, commune_a, province_officer):
    membership = cluster.members.get(unit=commune_a)

    group_services.update_member(
        actor=province_officer, membership=membership, cadence=Cadence.MONTH, min_exemplars=1
    )
    group_services.remove_member(actor=province_officer, membership=membership)

    events = AuditEvent.objects.filter(target_type="units.groupmembership", actor=province_officer)
    assert [(e.action, e.changes.get("cadence")) for e in events.order_by("pk")] == [
        (Action.UPDATE, ["quarter", "month"]),
        (Action.DELETE, ["month", None]),
    ]


def test_deleting_a_group_records_its_members(cluster, province_officer):
    group_services.delete_group(actor=province_officer, group=cluster)

    event = AuditEvent.objects.get(target_type="units.emulationgroup", action=Action.DELETE)
    assert event.changes["members"] == [["Xã An Phú", "Xã Bình Minh"], None]
