"""Writes of the showcase: the subject's consent (given, withdrawn), the publication of an
exemplar (its public text and photos), and unpublishing. Each runs in one transaction, is
audited, and counts as a change of the showcase (cache.bump), so that no cached public page
outlives it."""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.core.files import release_files
from thidua.core.text import clean_text, fold
from thidua.showcase import cache
from thidua.showcase.models import Consent, Publication, PublicationState, PublicPhoto
from thidua.showcase.photos import save_versions
from thidua.showcase.workflows import PUBLICATION
from thidua.units.models import Unit, UnitKind
from thidua.workflow.engine import may, transition

MAX_PHOTOS = 6
TEXT_FIELDS = ["headline", "story", "name", "place"]


@transaction.atomic
def record_consent(*, actor, subject, given_on, note: str) -> Consent:
    """Record that the subject agreed to be shown to the public (on paper, as a rule)."""
    if given_on > timezone.localdate():
        raise ValidationError({"given_on": "Ngày đồng ý không được sau hôm nay."})
    # The subject's row is locked: a second submission waits, then finds this consent.
    type(subject).objects.select_for_update().filter(pk=subject.pk).first()
    if Consent.objects.filter(subject=subject, withdrawn_at=None).exists():
        raise ValidationError(f"Đã ghi nhận sự đồng ý của {subject.name}.")
    consent = Consent.objects.create(
        subject=subject, given_on=given_on, note=clean_text(note), recorded_by=actor
    )
    record_event(
        actor=actor,
        action=Action.CREATE,
        target=consent,
        scope_path=subject.unit.path,
        changes={"given_on": [None, given_on.isoformat()], "note": [None, note]},
    )
    return consent


@transaction.atomic
def withdraw_consent(*, actor, subject, note: str) -> int:
    """The subject no longer agrees: every page of theirs leaves the public at once, in the
    same transaction. Returns how many pages were unpublished."""
    consent = Consent.objects.select_for_update().filter(subject=subject, withdrawn_at=None).first()
    if consent is None:
        raise ValidationError(f"{subject.name} chưa đồng ý công khai, không có gì để rút lại.")
    consent.withdrawn_at, consent.withdrawn_by = timezone.now(), actor
    consent.withdrawal_note = clean_text(note)[:255]
    consent.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_note"])
    record_event(
        actor=actor,
        action=Action.UPDATE,
        target=consent,
        scope_path=subject.unit.path,
        changes={"withdrawn_at": [None, consent.withdrawn_at.isoformat()]},
        note=consent.withdrawal_note,
    )
    reason = f"{subject.name} rút lại sự đồng ý công khai. {consent.withdrawal_note}".strip()
    pages = list(
        Publication.objects.filter(
            exemplar__subject=subject, state=PublicationState.PUBLISHED
        ).select_related("exemplar__unit")
    )
    for page in pages:
        step = PUBLICATION.steps["unpublish"]
        by = actor if may(actor, PUBLICATION, step, page) else None  # the withdrawal decides
        transition(page, "unpublish", by=by, reason=reason)
    cache.bump()
    return len(pages)


def place_of(unit: Unit) -> tuple[str, Unit | None]:
    """The unit named with the units above it up to its province ("Xã Đại Sơn, Thành phố
    Hải Phòng"), and that province."""
    above = {u.pk: u for u in Unit.objects.filter(pk__in=unit.ancestor_ids)}
    chain = [unit, *(above[pk] for pk in reversed(unit.ancestor_ids) if pk in above)]
    chain = [u for u in chain if u.kind != UnitKind.NATION]
    province = next((u for u in chain if u.kind == UnitKind.PROVINCE), None)
    return ", ".join(u.name for u in chain), province


@transaction.atomic
def save_publication(*, actor, exemplar, headline: str, story: str, photos, publish: bool):
    """Write (or rewrite) the exemplar's public page from what the officer typed and the
    evidence photos chosen, then publish it if asked and not yet public."""
    if len(photos) > MAX_PHOTOS:
        raise ValidationError({"photos": f"Chọn tối đa {MAX_PHOTOS} ảnh."})
    page = Publication.objects.select_for_update().filter(exemplar=exemplar).first()
    before = snapshot(page, TEXT_FIELDS) if page else {}
    page = page or Publication(exemplar=exemplar, field_id=exemplar.field_id)
    _write_text(page, exemplar, headline, story)
    created = page.pk is None
    page.save()
    written: list[str] = []
    try:
        _set_photos(page, photos, written)
        record_event(
            actor=actor,
            action=Action.CREATE if created else Action.UPDATE,
            target=page,
            scope_path=exemplar.unit.path,
            changes=diff(before, snapshot(page, TEXT_FIELDS)),
        )
        if publish and page.state == PublicationState.UNPUBLISHED:
            page = transition(page, "publish", by=actor)
    except BaseException:
        for name in written:  # the rows roll back; the files written for them go too
            default_storage.delete(name)
        raise
    cache.bump()
    return page


def _write_text(page: Publication, exemplar, headline: str, story: str) -> None:
    """The page's text, and what the list filters and searches on, copied from the record."""
    page.headline, page.story = clean_text(headline).strip(), clean_text(story).strip()
    page.name = exemplar.subject.name
    page.place, page.province = place_of(exemplar.unit)
    page.field_id = exemplar.field_id
    page.search_text = fold(f"{page.name} {page.headline} {page.place}")[:900]


def _set_photos(page: Publication, photos, written: list[str]) -> None:
    """Keep the public photos of evidence still chosen, drop the others, make the new ones
    (their file names go into `written`)."""
    chosen = {evidence.pk for evidence in photos}
    gone = list(page.photos.exclude(evidence_id__in=chosen))
    release_files([name for row in gone for name in (row.image.name, row.thumb.name)])
    page.photos.filter(pk__in=[row.pk for row in gone]).delete()
    kept = set(page.photos.values_list("evidence_id", flat=True))
    for position, evidence in enumerate(photos):
        if evidence.pk in kept:
            page.photos.filter(evidence=evidence).update(position=position)
            continue
        row = PublicPhoto(
            publication=page, evidence=evidence, caption=evidence.note, position=position
        )
        with evidence.file.open("rb") as handle:
            save_versions(row, handle, written)
        row.save()


@transaction.atomic
def unpublish(*, actor, publication: Publication, reason: str) -> Publication:
    page = transition(publication, "unpublish", by=actor, reason=reason)
    cache.bump()
    return page
