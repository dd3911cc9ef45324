"""The dossier after a conference (the documents its rule set requires, sent up with the
report) and its outcome: the actual cost and the attendance. thidua writes the documents it
can from its data (dossier_docx.py) and attaches them in one action; the officer uploads the
rest, several at once, all or nothing."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.conferences.dossier_docx import generator_for
from thidua.conferences.enums import ConferenceStatus
from thidua.conferences.models import Conference, DossierDocument
from thidua.core.files import release_files
from thidua.documents.frame import file_name
from thidua.documents.uploads import inspect_document
from thidua.units.services import lock

AFTER_HOLDING = {ConferenceStatus.HELD, ConferenceStatus.REPORTED}


def required_documents(conference: Conference) -> list[str]:
    return list(conference.rule_set.dossier_documents) if conference.rule_set else []


def dossier_rows(conference: Conference) -> list[tuple]:
    """(name, document or None, whether thidua can write it) for each required document."""
    have = {document.name: document for document in conference.dossier.all()}
    return [(name, have.get(name), generator_for(name) is not None)
            for name in required_documents(conference)]  # fmt: skip


def _open_dossier(conference: Conference) -> Conference:
    """The conference, locked so that reporting (which hands the dossier's files on) waits
    for this change; refused once the dossier has been sent."""
    conference = lock(Conference, conference.pk, "Hội nghị này vừa bị xóa.")
    if conference.status == ConferenceStatus.REPORTED:
        raise ValidationError("Hồ sơ đã gửi; không thay được nữa.")
    return conference


def _replace(*, actor, conference: Conference, name: str, file, original_name: str,
             generated: bool = False) -> DossierDocument:  # fmt: skip
    replaced = conference.dossier.filter(name=name)
    release_files(replaced.values_list("file", flat=True))
    replaced.delete()
    document = DossierDocument.objects.create(
        conference=conference, name=name, file=file, original_name=original_name[:255],
        uploaded_by=actor, generated=generated,
    )  # fmt: skip
    note = "Văn bản do thidua soạn từ dữ liệu hội nghị." if generated else ""
    record_event(actor=actor, action=Action.CREATE, target=document,
                 scope_path=conference.unit.path, note=note)  # fmt: skip
    return document


@transaction.atomic
def upload_dossier_documents(*, actor, conference: Conference, files) -> list[DossierDocument]:
    """Several documents of the dossier in one upload, `files` being (name, upload) pairs:
    each checked by its content before any is saved, so a refused file keeps the others out
    too and the message names it. A document uploaded again replaces the old one, whose file
    is deleted once nothing refers to it."""
    conference = _open_dossier(conference)
    required = required_documents(conference)
    for name, upload in files:
        if name not in required:
            raise ValidationError({"name": f"«{name}» không có trong hồ sơ quy định."})
        try:
            inspect_document(upload)
        except ValidationError as error:
            raise ValidationError(f"{name}: {' '.join(error.messages)}") from error
    return [_replace(actor=actor, conference=conference, name=name, file=upload,
                     original_name=upload.name) for name, upload in files]  # fmt: skip


def upload_dossier_document(*, actor, conference: Conference, name: str, upload):
    """One document of the dossier (see upload_dossier_documents)."""
    return upload_dossier_documents(actor=actor, conference=conference, files=[(name, upload)])[0]


@transaction.atomic
def attach_generated(*, actor, conference: Conference) -> list[str]:
    """Write and attach, in one action, each required document thidua can draft from the
    conference's data (the brief-profile list of delegates sent up, the minutes, the summary
    report) that has no uploaded file yet; a draft attached earlier is written again from the
    data as it is now. Returns the names attached. Only after the conference is held."""
    conference = _open_dossier(conference)
    if conference.status not in AFTER_HOLDING:
        raise ValidationError("Chỉ soạn hồ sơ sau khi hội nghị đã tổ chức.")
    uploaded = set(conference.dossier.filter(generated=False).values_list("name", flat=True))
    # Every draft is written before the first is stored: a draft that fails then leaves no
    # stored file of the others behind (storage does not roll back with the transaction).
    drafts = [(name, write(conference)) for name in required_documents(conference)
              if (write := generator_for(name)) is not None and name not in uploaded]  # fmt: skip
    for name, content in drafts:
        title = file_name(name, conference.name, extension="docx")
        _replace(actor=actor, conference=conference, name=name, generated=True,
                 file=ContentFile(content, name=title), original_name=title)  # fmt: skip
    return [name for name, _content in drafts]


OUTCOME_FIELDS = ["budget_actual", "attended"]


@transaction.atomic
def record_outcome(*, actor, conference: Conference, budget_actual, attended) -> Conference:
    """The actual cost (quyết toán) and the attendance of a held conference, when the door's
    check-in was not used; both shown on its page and in its report afterwards."""
    conference = lock(Conference, conference.pk, "Hội nghị này vừa bị xóa.")
    if conference.status != ConferenceStatus.HELD:  # once reported, the report says it
        raise ValidationError("Chỉ ghi kết quả khi hội nghị đã tổ chức và chưa gửi báo cáo.")
    invited = conference.delegates.count()
    if attended is not None and attended > invited:
        raise ValidationError({"attended": f"Số có mặt ({attended}) lớn hơn số đại biểu "
                                           f"được mời ({invited})."})  # fmt: skip
    before = snapshot(conference, OUTCOME_FIELDS)
    conference.budget_actual, conference.attended = budget_actual, attended
    conference.save(update_fields=OUTCOME_FIELDS)
    record_event(actor=actor, action=Action.UPDATE, target=conference,
                 scope_path=conference.unit.path,
                 changes=diff(before, snapshot(conference, OUTCOME_FIELDS)))  # fmt: skip
    return conference
