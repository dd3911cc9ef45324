"""Writes of a subject's history (models.history): by the officers of the subject's unit or
above (views check it), each audited under the subject's unit so that the trail is scoped
like the subject. Decisions and imports write through the same functions."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.awards import tallies
from thidua.awards.models import AwardRecord, Block, Discipline, Initiative, Membership, TaskRating
from thidua.exemplars.enums import SubjectKind
from thidua.exemplars.models import Subject
from thidua.tallies.services import change

FIELDS = {
    AwardRecord: ["title", "award", "year", "commendation_type", "decision_number",
                  "decision_date", "issuer", "revoked_on", "revocation_note"],
    Initiative: ["title", "recognised_by", "scope", "recognised_on", "decision_number"],
    TaskRating: ["year", "rating"],
    Discipline: ["sanction", "starts_on", "ends_on", "decision_number", "note"],
    Block: ["reason", "since", "until", "note"],
    Membership: ["collective", "member", "year"],
}  # fmt: skip


def _audit(actor, row, action: Action, before: dict | None = None) -> None:
    after = snapshot(row, FIELDS[type(row)]) if action != Action.DELETE else {}
    changes = diff(before or {}, after) if action != Action.DELETE else {
        name: [value, None] for name, value in (before or {}).items()}  # fmt: skip
    subject = row.collective if isinstance(row, Membership) else row.subject
    record_event(actor=actor, action=action, target=row, scope_path=subject.unit.path,
                 changes=changes, note=f"Lịch sử của {subject.name}"[:255])  # fmt: skip


def _saved(actor, row):
    """Validate (model rules, in Vietnamese), save and audit a new or corrected row."""
    created = row.pk is None
    # Locked: two corrections of one award at once must each see the other's result, or
    # the dashboards' tallies would take the same award away twice.
    old = None if created else type(row).objects.select_for_update().get(pk=row.pk)
    before = None if created else snapshot(old, FIELDS[type(row)])
    row.full_clean(validate_unique=False)
    row.save()
    _audit(actor, row, Action.CREATE if created else Action.UPDATE, before)
    if isinstance(row, AwardRecord):
        change(before=tallies.counts_of(old), after=tallies.counts_of(row))
    return row


@transaction.atomic
def record_award(*, actor, record: AwardRecord) -> AwardRecord:
    """An award the subject received; the same title, year and decision only once (an
    import run twice adds nothing)."""
    if record.award_id and not record.title:
        record.title = record.award.name
    record.unit_id = record.subject.unit_id
    twin = AwardRecord.objects.filter(
        subject=record.subject, title=record.title, year=record.year,
        decision_number=record.decision_number,
    )  # fmt: skip
    if twin.exclude(pk=record.pk).exists():
        raise ValidationError({"title": f"Đã có «{record.title}» năm {record.year} theo cùng "
                                        "quyết định."})  # fmt: skip
    return _saved(actor, record)


@transaction.atomic
def revoke_award(*, actor, record: AwardRecord, on: datetime.date, note: str) -> AwardRecord:
    """Hủy bỏ (Law 2022 ch. VII): the award stays in the history, marked, and counts for
    nothing from then on."""
    locked = AwardRecord.objects.select_for_update().filter(pk=record.pk).first()
    if record.revoked_on or locked is None or locked.revoked_on:
        raise ValidationError("Khen thưởng này đã bị hủy bỏ.")
    if not note.strip():
        raise ValidationError({"revocation_note": "Cần lý do và quyết định hủy bỏ."})
    record.revoked_on, record.revocation_note = on, note.strip()
    return _saved(actor, record)


@transaction.atomic
def record_initiative(*, actor, initiative: Initiative) -> Initiative:
    return _saved(actor, initiative)


@transaction.atomic
def rate_year(*, actor, subject, year: int, rating: int, source: str = "entered") -> TaskRating:
    """The subject's rating of `year`, replacing the one recorded before."""
    row = TaskRating.objects.filter(subject=subject, year=year).first() or TaskRating(
        subject=subject, year=year)  # fmt: skip
    row.rating, row.source = rating, source
    return _saved(actor, row)


@transaction.atomic
def record_discipline(*, actor, discipline: Discipline) -> Discipline:
    return _saved(actor, discipline)


@transaction.atomic
def block_subject(*, actor, block: Block) -> Block:
    """Defer the subject's commendation from `since` (until lifted)."""
    return _saved(actor, block)


@transaction.atomic
def lift_block(*, actor, block: Block, on: datetime.date) -> Block:
    if block.until is not None:
        raise ValidationError("Đã hết tạm dừng.")
    block.until = max(on, block.since)
    return _saved(actor, block)


@transaction.atomic
def add_member(*, actor, collective, member, year: int) -> Membership:
    """`member` belonged to `collective` in `year` (both in the officer's scope)."""
    if collective.kind != SubjectKind.COLLECTIVE or member.kind != SubjectKind.INDIVIDUAL:
        raise ValidationError({"member": "Chỉ ghi cá nhân là thành viên của một tập thể."})
    row, created = Membership.objects.get_or_create(collective=collective, member=member,
                                                    year=year)  # fmt: skip
    if created:
        _audit(actor, row, Action.CREATE)
    return row


@transaction.atomic
def delete_row(*, actor, row) -> None:
    """Remove a row entered by mistake (a decision's award is revoked, not deleted)."""
    if isinstance(row, AwardRecord) and row.source == "decision":
        raise ValidationError("Khen thưởng theo quyết định chỉ được hủy bỏ, không xóa.")
    current = type(row).objects.select_for_update().filter(pk=row.pk).first()
    if current is None:
        return  # deleted meanwhile (a second click): nothing left to take away
    before = snapshot(current, FIELDS[type(row)])
    _audit(actor, current, Action.DELETE, before)
    if isinstance(current, AwardRecord):
        change(before=tallies.counts_of(current))
    current.delete()


@transaction.atomic
def rate_many(*, actor, unit, year: int, ratings: dict[int, int | None]) -> int:
    """The yearly round's ratings sheet (bình xét): {subject id: rating} of the unit's own
    subjects, written where they change (each audited), a blank removing a rating given by
    mistake; how many changed. A subject of another unit is refused, whatever was posted."""
    found = Subject.objects.filter(unit=unit, pk__in=list(ratings)).select_related("unit")
    subjects = {s.pk: s for s in found}
    if len(subjects) != len(ratings):
        raise ValidationError("Có đối tượng không thuộc đơn vị này.")
    rows = TaskRating.objects.filter(subject_id__in=list(subjects), year=year)
    current = {r.subject_id: r for r in rows.select_related("subject__unit")}
    changed = 0
    for pk, rating in ratings.items():
        row = current.get(pk)
        if rating and (row is None or row.rating != rating):
            rate_year(actor=actor, subject=subjects[pk], year=year, rating=rating)
        elif not rating and row is not None:
            delete_row(actor=actor, row=row)
        else:
            continue
        changed += 1
    return changed
