"""Writes of the contest: setting one up, a visitor's story (sent and sent again), a judge's
scores, the prizes, and turning an accepted story into an exemplar candidate. Each runs in
one transaction and is audited (a visitor's writes as the system's)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.contests import selectors
from thidua.contests.models import (
    Category,
    Contest,
    ContestState,
    Criterion,
    Entry,
    EntryPhoto,
    EntryState,
    Prize,
    Score,
)
from thidua.core.files import discarded_on_failure
from thidua.core.text import clean_text
from thidua.showcase.photos import save_versions
from thidua.workflow.engine import transition

TEXT_FIELDS = ("author_name", "author_contact", "person_name", "person_place", "title", "text")


@transaction.atomic
def save_contest(*, actor, unit, contest=None, categories, prizes, criteria, judges, **fields):
    """Create a contest, or rewrite one still being prepared; `categories` are names,
    `prizes` (name, number) and `criteria` (name, highest score) in order."""
    if contest is not None and contest.state != ContestState.DRAFT:
        raise ValidationError("Chỉ sửa được cuộc thi đang soạn.")
    created = contest is None
    contest = contest or Contest(unit=unit, created_by=actor)  # an edit keeps its unit
    for name, value in fields.items():
        setattr(contest, name, clean_text(value).strip() if isinstance(value, str) else value)
    contest.save()
    for model in (Category, Prize, Criterion):
        model.objects.filter(contest=contest).delete()
    Category.objects.bulk_create(
        Category(contest=contest, name=name, position=n) for n, name in enumerate(categories)
    )
    Prize.objects.bulk_create(
        Prize(contest=contest, name=name, count=count, position=n)
        for n, (name, count) in enumerate(prizes)
    )
    Criterion.objects.bulk_create(
        Criterion(contest=contest, name=name, max_score=top, position=n)
        for n, (name, top) in enumerate(criteria)
    )
    contest.judges.set(judges)
    record_event(
        actor=actor,
        action=Action.CREATE if created else Action.UPDATE,
        target=contest,
        scope_path=contest.unit.path,
    )
    return contest


def _receiving(contest: Contest) -> None:
    today = timezone.localdate()
    if contest.state != ContestState.OPEN or not contest.opens_on <= today <= contest.closes_on:
        raise ValidationError("Cuộc thi hiện không nhận bài.")


def _store_photos(entry: Entry, uploads, written: list[str]) -> None:
    for upload in uploads:
        photo = EntryPhoto(entry=entry)
        try:
            save_versions(photo, upload, written)
        except ValidationError as error:  # named under the photos, with the file's name
            named = [f"«{upload.name}»: {message}" for message in error.messages]
            raise ValidationError({"photos": named}) from error
        photo.save()


@transaction.atomic
def submit_entry(*, contest: Contest, category=None, photos=(), **fields) -> Entry:
    """A visitor's story, with its photos re-encoded without their metadata."""
    contest = Contest.objects.select_for_update().get(pk=contest.pk)  # its state as it is now
    _receiving(contest)
    entry = Entry(
        contest=contest,
        category=category,
        **{name: clean_text(fields[name]).strip() for name in TEXT_FIELDS},
    )
    entry.save()
    _with_photos(entry, photos)
    record_event(
        actor=None,
        action=Action.CREATE,
        target=entry,
        scope_path=contest.unit.path,
        note="Bài dự thi gửi từ trang công khai",
    )
    return entry


def _with_photos(entry: Entry, photos) -> None:
    with discarded_on_failure() as written:
        _store_photos(entry, photos, written)


@transaction.atomic
def resubmit_entry(*, entry: Entry, **fields) -> Entry:
    """The author's story sent again after changes were asked (by its private address), up
    to the announcement: the organisers asked for it, the deadline does not stop the answer.
    The row is read again under its lock: only the story's text changes, and only while
    changes are asked (a second click after the officer accepted changes nothing)."""
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if entry.state != EntryState.CHANGES:
        raise ValidationError("Bài này không còn chờ sửa.")
    for name in TEXT_FIELDS:
        setattr(entry, name, clean_text(fields[name]).strip())
    entry.save(update_fields=TEXT_FIELDS)
    return transition(entry, "resubmit", by=None, reason="Tác giả đã sửa và gửi lại")


def _locked_contest(contest: Contest, state: str, refused: str) -> Contest:
    """The contest read again under its lock, in `state` (a race with a step is lost here)."""
    contest = Contest.objects.select_for_update().select_related("unit").get(pk=contest.pk)
    if contest.state != state:
        raise ValidationError(refused)
    return contest


@transaction.atomic
def score_entry(*, judge, entry: Entry, values: dict[int, int]) -> int:
    """A judge's scores of an accepted story while the contest is being judged."""
    refused = "Chỉ chấm bài đã duyệt khi cuộc thi đang chấm."
    contest = _locked_contest(entry.contest, ContestState.JUDGING, refused)
    if not contest.judges.filter(pk=judge.pk).exists():
        raise ValidationError("Bạn không phải giám khảo của cuộc thi này.")
    if not contest.entries.filter(pk=entry.pk, state=EntryState.ACCEPTED).exists():
        raise ValidationError(refused)
    for criterion in contest.criteria.all():
        value = values.get(criterion.pk)
        if value is None or not 0 <= value <= criterion.max_score:
            raise ValidationError(f"«{criterion.name}»: điểm từ 0 đến {criterion.max_score}.")
        Score.objects.update_or_create(
            entry=entry, judge=judge, criterion=criterion, defaults={"value": value}
        )
    record_event(
        actor=judge,
        action=Action.UPDATE,
        target=entry,
        scope_path=contest.unit.path,
        changes={"điểm": [None, sum(values.values())]},
    )
    return sum(values.values())


@transaction.atomic
def set_prizes(*, actor, contest: Contest, prizes: dict[int, int | None]) -> None:
    """Give each accepted story its prize (or none) before the results are announced; no
    prize to more stories than its number."""
    contest = _locked_contest(
        contest, ContestState.JUDGING, "Chỉ trao giải khi cuộc thi đang chấm."
    )
    known = set(contest.prizes.values_list("pk", flat=True))
    for entry in contest.entries.filter(pk__in=prizes, state=EntryState.ACCEPTED):
        prize = prizes[entry.pk]
        if prize is not None and prize not in known:
            raise ValidationError("Giải không thuộc cuộc thi này.")
        if entry.prize_id != prize:
            entry.prize_id = prize
            entry.save(update_fields=["prize"])
            record_event(
                actor=actor,
                action=Action.UPDATE,
                target=entry,
                scope_path=contest.unit.path,
                changes={"prize": [None, prize]},
            )
    overflow = selectors.prize_overflow(contest)
    if overflow:
        raise ValidationError(overflow)
