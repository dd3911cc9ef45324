"""Writing delegates, check-in, quotas of delegates to the level above, and the dossier."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, record_events, snapshot
from thidua.conferences.enums import ConferenceStatus, DelegateCategory, DelegateStatus
from thidua.conferences.models import (
    Conference,
    Delegate,
    UpperQuota,
    normal_short_code,
)
from thidua.conferences.selectors import counted_conferences
from thidua.conferences.workflows import DELEGATE
from thidua.core.text import fold, person_sort_key
from thidua.exemplars.enums import Stage
from thidua.exemplars.models import Exemplar
from thidua.units.services import lock
from thidua.workflow.bulk import transition_many
from thidua.workflow.engine import Refused, may, transition

FROM_SUBJECT = ["gender", "birth_year", "ethnicity", "position", "is_direct_labourer"]
CLOSED = {ConferenceStatus.HELD, ConferenceStatus.REPORTED}
# What a delegate pulled up does not keep: the upper conference gives its own roles.
NOT_COPIED = {
    "id",
    "source",
    "conference",
    "token",
    "short_code",
    "status",
    "checked_in_at",
    "to_upper",
    "is_presidium",
    "is_speaker",
    "is_honouree",
}


def _open(conference: Conference) -> Conference:
    """The conference re-read under a lock, so that two changes to its list (a double
    click on «add all», an import beside a hand entry) run one after the other and each
    sees what the other added; refused once the conference is held."""
    locked = lock(Conference, conference.pk, "Hội nghị này vừa bị xóa.")
    if Conference.unit.is_cached(conference):
        locked.unit = conference.unit  # a unit does not change under a conference
    if locked.status in CLOSED:
        raise ValidationError("Hội nghị đã tổ chức; danh sách đại biểu không đổi được nữa.")
    return locked


@transaction.atomic
def add_delegate(*, actor, conference: Conference, **fields) -> Delegate:
    """Add a delegate, filling what is known from the subject or exemplar chosen. Subject
    and exemplar must belong to the conference's unit or below."""
    conference = _open(conference)
    exemplar, subject = fields.get("exemplar"), fields.get("subject")
    subject = subject or (exemplar.subject if exemplar else None)
    paths = _local_paths(conference)
    for linked in (subject, exemplar):
        if linked is not None and not linked.unit.path.startswith(paths):
            raise ValidationError(f"{linked} không thuộc {conference.unit.name}.")
    delegate = _filled(conference, subject, exemplar, fields)
    delegate.save()
    _recorded(actor, conference, [delegate])
    return delegate


def _filled(conference, subject, exemplar, fields) -> Delegate:
    """A delegate with what its subject and exemplar tell filled where not given."""
    if subject is not None:
        fields["subject"] = subject
        fields["full_name"] = fields.get("full_name") or subject.name
        for name in FROM_SUBJECT:
            if not fields.get(name):
                fields[name] = getattr(subject, name)
    if exemplar is not None:
        fields.setdefault("field", exemplar.field)
        fields["achievements"] = fields.get("achievements") or exemplar.title
    if not fields.get("full_name"):
        raise ValidationError({"full_name": "Cần họ và tên đại biểu."})
    delegate = Delegate(conference=conference, **fields)
    delegate.sort_name = person_sort_key(delegate.full_name)
    delegate.search_name = fold(delegate.full_name)[:255]
    return delegate


def _recorded(actor, conference, delegates) -> None:
    record_events(actor=actor, action=Action.CREATE, targets=delegates,
                  scope_path=conference.unit.path, note=conference.name[:200])  # fmt: skip


def _local_paths(conference) -> tuple[str, ...]:
    """The conference's unit and, for a merged unit, its former units (domain README §2):
    where its delegates come from."""
    unit = conference.unit
    return (unit.path, *unit.predecessors.values_list("path", flat=True))


# Exemplars offered as delegates: recognised or being replicated; never declined or
# withdrawn ones, nor those not yet recognised.
OFFERED = [Stage.RECOGNISED, Stage.REPLICATING]
AT_ONCE = 1000  # exemplars added in one action, at most: one conference's worth


def offered_exemplars(conference):
    """Recognised exemplars of the conference's unit and below (and of its former units)
    that are not yet among its delegates, in name order."""
    paths = Q()
    for path in _local_paths(conference):
        paths |= Q(unit__path__startswith=path)
    present = conference.delegates.filter(exemplar__isnull=False).values("exemplar_id")
    offered = Exemplar.objects.filter(paths, stage__in=OFFERED).exclude(pk__in=present)
    return offered.select_related("subject", "unit", "field").order_by("sort_name", "pk")


@transaction.atomic
def add_exemplars(*, actor, conference: Conference, pks=None) -> int:
    """Add offered exemplars as exemplary delegates in one action: those ticked (`pks`),
    or all of them (None), each filled from its subject as when added one by one and
    audited one by one. Returns how many were added."""
    conference = _open(conference)
    chosen = offered_exemplars(conference)
    if pks is not None:
        chosen = chosen.filter(pk__in=pks)
    added = [_filled(conference, exemplar.subject, exemplar, {
        "exemplar": exemplar, "category": DelegateCategory.EXEMPLARY, "origin_unit": exemplar.unit,
    }) for exemplar in chosen[:AT_ONCE]]  # fmt: skip
    Delegate.objects.bulk_create(added)
    _recorded(actor, conference, added)
    return len(added)


EDITABLE = [*FROM_SUBJECT, "full_name", "category", "workplace", "origin_unit",
            "economic_sector", "is_presidium", "is_speaker", "is_honouree", "to_upper",
            "review_unit", "reviewed_on", "votes_for", "votes_total"]  # fmt: skip


@transaction.atomic
def update_delegate(*, actor, delegate: Delegate, **fields) -> Delegate:
    """Correct what was typed or imported about a delegate of a conference not yet held;
    the change is audited field by field. Who the delegate is (subject, exemplar) stays."""
    conference = _open(delegate.conference)
    delegate = Delegate.objects.select_for_update().get(pk=delegate.pk)  # as stored, not as
    before = snapshot(delegate, EDITABLE)  # a model form left the instance it validated
    for name, value in fields.items():
        if name in EDITABLE:
            setattr(delegate, name, value)
    if not delegate.full_name:
        raise ValidationError({"full_name": "Cần họ và tên đại biểu."})
    delegate.sort_name = person_sort_key(delegate.full_name)
    delegate.search_name = fold(delegate.full_name)[:255]
    delegate.save()
    record_event(actor=actor, action=Action.UPDATE, target=delegate,
                 scope_path=conference.unit.path,
                 changes=diff(before, snapshot(delegate, EDITABLE)))  # fmt: skip
    return delegate


@transaction.atomic
def remove_delegates(*, actor, conference: Conference, pks) -> int:
    """Remove delegates from a conference not yet held."""
    conference = _open(conference)
    chosen = list(conference.delegates.filter(pk__in=pks))
    record_events(actor=actor, action=Action.DELETE, targets=chosen,
                  scope_path=conference.unit.path)  # one statement, however many  # fmt: skip
    conference.delegates.filter(pk__in=[d.pk for d in chosen]).delete()
    return len(chosen)


@transaction.atomic
def move_delegates(*, actor, conference: Conference, pks, action: str) -> int:
    """Approve the proposed list, confirm attendance or check in, for the delegates chosen, each
    through the delegate workflow (one ledger row each); those it does not allow (already
    approved, say) are left as they are. Refused for a conference already held. In a few
    statements however many (workflow.bulk), each with its ledger and audit row."""
    step = DELEGATE.steps[action]
    if not may(actor, DELEGATE, step, Delegate(conference=conference)):
        raise Refused(f"Tài khoản của bạn không được «{step.label}» đại biểu này.",
                      code="forbidden")  # fmt: skip
    conference = _open(conference)
    return transition_many(conference.delegates.filter(pk__in=pks), action, by=actor)


@transaction.atomic
def check_in(*, actor, conference: Conference, token: str) -> Delegate:
    """At the door: the QR code on the invitation or badge carries the delegate's token,
    the short code printed under it is typed by hand (with or without its dash).
    Only an approved conference checks people in (that is the day it takes place). Who may
    is asked first, so that nobody else learns whose code it is."""
    attend = DELEGATE.steps["attend"]
    if not may(actor, DELEGATE, attend, Delegate(conference=conference)):
        raise Refused(f"Tài khoản của bạn không được «{attend.label}» đại biểu này.",
                      code="forbidden")  # fmt: skip
    code = token.strip()
    by_code = Q(token=code) | Q(short_code=normal_short_code(code))
    delegate = conference.delegates.filter(by_code).first()
    if delegate is None:
        raise ValidationError("Mã không thuộc đại biểu nào của hội nghị này.")
    if delegate.status == DelegateStatus.ATTENDED:
        raise ValidationError(
            f"{delegate.full_name} đã điểm danh lúc "
            f"{timezone.localtime(delegate.checked_in_at):%H:%M}."
        )
    if delegate.status == DelegateStatus.PROPOSED:
        raise ValidationError(f"{delegate.full_name} chưa được duyệt vào danh sách.")
    return transition(delegate, "attend", by=actor)


@transaction.atomic
def set_quotas(*, actor, conference: Conference, units, **values) -> int:
    """The same quota (number, minimums) for every unit ticked in the picker: all or none.
    Returns how many units it was set for."""
    for unit in units:
        set_quota(actor=actor, conference=conference, unit=unit, **values)
    return len(units)


@transaction.atomic
def set_quota(
    *, actor, conference: Conference, unit, number: int, min_women=None, min_direct_labourers=None
) -> UpperQuota:
    """Allot a lower unit its number of delegates to this conference (and a composition)."""
    if not unit.path.startswith(conference.unit.path) or unit.pk == conference.unit_id:
        raise ValidationError({"unit": f"{unit} không thuộc {conference.unit.name}."})
    if min_women and min_women > number:
        raise ValidationError({"min_women": "Số nữ tối thiểu vượt số đại biểu."})
    if min_direct_labourers and min_direct_labourers > number:
        raise ValidationError(
            {"min_direct_labourers": "Số trực tiếp lao động tối thiểu vượt số đại biểu."}
        )
    quota, _ = UpperQuota.objects.update_or_create(
        conference=conference,
        unit=unit,
        defaults={
            "number": number,
            "min_women": min_women,
            "min_direct_labourers": min_direct_labourers,
        },
    )
    record_event(
        actor=actor,
        action=Action.UPDATE,
        target=conference,
        scope_path=conference.unit.path,
        note=f"Chỉ tiêu {unit.name}: {number}",
    )
    return quota


@transaction.atomic
def pull_delegates(*, actor, conference: Conference, unit) -> tuple[int, int]:
    """Bring into this conference the delegates that `unit`'s conference sent up, once
    (of its latest held conference feeding this one, as the roll-up counts them). Those
    pulled earlier from a conference of the unit that a later one superseded are taken
    out, so that a re-held conference replaces its list instead of adding it twice.
    Returns (added, taken out)."""
    conference = _open(conference)
    counted, _others = counted_conferences(conference).get(unit.pk, (None, 0))
    if counted is None:
        return 0, 0  # nothing held yet: what was pulled stays until a conference replaces it
    stale = conference.delegates.filter(source__conference__unit=unit).exclude(
        source__conference_id=counted
    )
    stale = list(stale.values_list("pk", flat=True))
    removed = remove_delegates(actor=actor, conference=conference, pks=stale) if stale else 0
    sent = Delegate.objects.filter(conference_id=counted, to_upper=True).exclude(
        pulled_into__conference=conference
    )
    copies = [_copied(conference, source) for source in sent]
    Delegate.objects.bulk_create(copies)
    record_event(actor=actor, action=Action.UPDATE, target=conference,
                 scope_path=conference.unit.path,
                 note=f"Nhận {len(copies)} đại biểu từ {unit.name}, bỏ {removed} đã nhận "
                      "từ hội nghị trước")  # fmt: skip
    return len(copies), removed


def _copied(conference, source: Delegate) -> Delegate:
    values = {f.name: getattr(source, f.name)
              for f in Delegate._meta.concrete_fields if f.name not in NOT_COPIED}  # fmt: skip
    return Delegate(conference=conference, source=source, **values)
