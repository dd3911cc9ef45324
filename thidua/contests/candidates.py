"""An accepted story becomes an exemplar candidate in one action (sample 001 §II.1: the
contest finds new exemplars): the good person as a subject of the organising unit, an
exemplar at the discovery stage, the story (as a PDF) and its photos as evidence, and a
link back from the exemplar to the story (`Entry.exemplar`)."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.contests.models import Entry, EntryState
from thidua.core.files import discarded_on_failure
from thidua.exemplars import services as exemplar_services


def story_pdf(entry: Entry) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 -- heavy import, only when needed

    html = render_to_string("contests/story_pdf.html", {"entry": entry})
    return HTML(string=html).write_pdf()


@transaction.atomic
def make_exemplar(*, actor, entry: Entry, field):
    """The candidate exemplar of an accepted story (once)."""
    entry = Entry.objects.select_for_update().select_related("contest__unit").get(pk=entry.pk)
    if entry.state != EntryState.ACCEPTED:
        raise ValidationError("Chỉ bài đã duyệt mới thành điển hình.")
    if entry.exemplar_id:
        raise ValidationError("Bài này đã thành điển hình.")
    unit = entry.contest.unit
    subject = exemplar_services.create_subject(
        actor=actor,
        unit=unit,
        kind="individual",
        name=entry.person_name,
        note=f"{entry.person_place}. Phát hiện qua cuộc thi «{entry.contest.title}».",
    )
    exemplar = exemplar_services.create_exemplar(
        actor=actor,
        subject=subject,
        title=entry.title[:255],
        field=field,
        year_from=timezone.localdate().year,
        description=entry.text,
    )
    _attach(actor, exemplar, entry)
    entry.exemplar = exemplar
    entry.save(update_fields=["exemplar"])
    record_event(
        actor=actor,
        action=Action.UPDATE,
        target=entry,
        scope_path=unit.path,
        changes={"exemplar": [None, exemplar.pk]},
    )
    return exemplar


def _evidence_of(entry: Entry):
    """The story as PDF, then each photo once (a photo sent twice is one piece of evidence)."""
    yield (
        SimpleUploadedFile("bai-du-thi.pdf", story_pdf(entry), "application/pdf"),
        (f"Bài dự thi «{entry.title}»"[:255]),
    )
    seen = set()
    for n, photo in enumerate(entry.photos.all(), start=1):
        with photo.image.open("rb") as handle:
            data = handle.read()
        digest = hashlib.sha256(data).digest()
        if digest not in seen:
            seen.add(digest)
            yield (
                SimpleUploadedFile(f"anh-bai-du-thi-{n}.jpg", data, "image/jpeg"),
                ("Ảnh gửi kèm bài dự thi"),
            )


def _attach(actor, exemplar, entry: Entry) -> None:
    """The evidence stored; if one fails, the files stored before it go with the rows."""
    with discarded_on_failure() as written:
        for upload, note in _evidence_of(entry):
            evidence = exemplar_services.add_evidence(
                actor=actor, exemplar=exemplar, upload=upload, note=note
            )
            written.append(evidence.file.name)
