"""Build the demo province through the same services officers use, so the demo data is
valid by construction and appears in the audit trail. Re-running it adds nothing twice."""

from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import User
from thidua.accounts.services import assign_role
from thidua.demo import data
from thidua.demo.activity import seed_inspection, seed_movements, seed_pact, seed_quotas
from thidua.demo.awards import seed_awards
from thidua.demo.conferences import seed_conferences
from thidua.demo.exemplars import seed_exemplars
from thidua.demo.plans import seed_plans
from thidua.demo.showcase import seed_showcase
from thidua.documents.models import Letterhead
from thidua.documents.services import save_letterhead
from thidua.exemplars.models import Criterion, Field
from thidua.exemplars.reference import load_reference_data
from thidua.inbox.reminders import send_reminders
from thidua.units import group_services, services
from thidua.units.loader import load_official_tree
from thidua.units.models import EmulationGroup, Unit, UnitKind


def _ensure_unit(actor, parent: Unit, name: str, kind: str, details: dict) -> Unit:
    existing = parent.children.filter(name=name).first()
    if existing is not None:
        return existing
    return services.create_unit(actor=actor, parent=parent, name=name, kind=kind, **details)


def _ensure_bodies(actor, parent: Unit, bodies) -> list[Unit]:
    return [_ensure_unit(actor, parent, name, kind, dict(extra)) for name, kind, extra in bodies]


def _ensure_merger(actor, province: Unit, commune: Unit) -> None:
    """The legacy district and its communes, closed on 01/7/2025 and merged into `commune`."""
    closed = {"valid_to": data.MERGER_DATE}
    district = _ensure_unit(actor, province, data.LEGACY_DISTRICT, UnitKind.DISTRICT, closed)
    olds = [
        _ensure_unit(actor, district, name, UnitKind.COMMUNE, {**closed, "subtype": "xã"})
        for name in data.LEGACY_COMMUNES
    ]
    if not commune.predecessors.exists():
        services.update_unit(
            actor=actor, unit=commune, predecessors=olds, valid_from=data.MERGER_DATE
        )


def _ensure_groups(actor, province: Unit) -> None:
    children = list(province.children.filter(valid_to__isnull=True).order_by("sort_name"))
    for kind, number, name, cadence, minimum, member_kind, offset in data.GROUPS:
        if EmulationGroup.objects.filter(owner=province, kind=kind, number=number).exists():
            continue
        group = group_services.create_group(
            actor=actor, owner=province, kind=kind, number=number, name=name,
            default_cadence=cadence, default_min_exemplars=minimum,
        )  # fmt: skip
        for unit in _members_for(children, member_kind, offset):
            group_services.add_member(actor=actor, group=group, unit=unit)
        if member_kind is None:
            _armed_forces_quarterly(actor, group)


def _members_for(children: list[Unit], member_kind, offset: int) -> list[Unit]:
    if member_kind is None:  # block 9: armed forces and health
        kinds = {UnitKind.ARMED_FORCES, UnitKind.HOSPITAL}
        return [unit for unit in children if unit.kind in kinds]
    matching = [unit for unit in children if unit.kind == member_kind]
    return matching[offset : offset + data.GROUP_SIZE]


def _armed_forces_quarterly(actor, group: EmulationGroup) -> None:
    """Sample 001 §IV.1: the armed-forces members of block 9 report quarterly, 3 at least."""
    for membership in group.members.select_related("unit"):
        if membership.unit.kind == UnitKind.ARMED_FORCES:
            group_services.update_member(
                actor=actor, membership=membership, cadence="quarter", min_exemplars=3
            )


def _ensure_accounts(actor, places: dict[str, Unit]) -> list[tuple[str, str, str]]:
    rows = []
    for username, full_name, position, role, where in data.ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"full_name": full_name, "position": position}
        )
        if created:
            user.set_password(data.DEMO_PASSWORD)
            user.is_superuser = user.is_staff = role is None
            user.save()
        if role is not None:
            assign_role(actor=actor, user=user, unit=places[where], role=role)
        rows.append((username, full_name, places[where].name if where else "toàn quốc"))
    return rows


REMIND_DAYS = 3  # as `send_reminders` runs by default


@transaction.atomic
def seed_demo() -> list[tuple[str, str, str]]:
    """Load the official tree if needed, then the demo province; returns the demo logins."""
    if not Unit.objects.filter(code=data.PROVINCE_CODE).exists():
        load_official_tree()
    actor = None  # the system: demo rows are recorded as made by "hệ thống"
    province = Unit.objects.get(code=data.PROVINCE_CODE)
    commune = Unit.objects.get(code=data.COMMUNE_CODE)
    sibling = province.children.get(name=data.SIBLING_COMMUNE_NAME)
    bodies = _ensure_bodies(actor, province, data.PROVINCE_BODIES)
    home_affairs = next(unit for unit in bodies if unit.name == "Sở Nội vụ")
    _ensure_bodies(actor, home_affairs, data.HOME_AFFAIRS_BODIES)
    _ensure_bodies(actor, commune, data.COMMUNE_BODIES)
    _ensure_bodies(actor, sibling, data.SIBLING_BODIES)
    _ensure_merger(actor, province, commune)
    _ensure_groups(actor, province)
    load_reference_data(Field, Criterion)
    adopters = list(province.children.filter(kind=UnitKind.COMMUNE, valid_to__isnull=True)
                    .exclude(pk=commune.pk).order_by("sort_name")[:2])  # fmt: skip
    seed_exemplars(commune=commune, adopters=adopters)
    seed_showcase(commune=commune)
    home_affairs_unit = province.children.get(name="Sở Nội vụ")
    seed_movements(province=province, commune=commune, agency=home_affairs_unit)
    seed_quotas(province=province, commune=commune)
    seed_pact(province=province, commune=commune)
    seed_inspection(province=province, commune=commune)
    seed_plans(province=province, commune=commune, sibling=sibling)
    seed_conferences(province=province, commune=commune, sibling=sibling)
    places = {"province": province, "commune": commune, "sibling": sibling}
    for place, fields in data.LETTERHEADS.items():
        if not Letterhead.objects.filter(unit=places[place]).exists():
            save_letterhead(actor=actor, unit=places[place], **fields)
    logins = _ensure_accounts(actor, places)
    head, body = data.UNION_HEAD
    assign_role(actor=actor, user=User.objects.get(username=head),
                unit=commune.children.get(name=body), role="leader")  # fmt: skip
    seed_awards(commune=commune, secretary=User.objects.get(username="canbo.daison"))
    # Deadlines near or passed are reminded as the daily command would (notices, e-mail).
    send_reminders(today=timezone.localdate(), days_before=REMIND_DAYS)
    return logins
