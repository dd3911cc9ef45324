"""Writes of the exemplar pipeline. Each validates, saves and records in the audit trail
inside one transaction; stage changes go through the workflow core only
(`thidua.workflow.engine.transition`, declared in `exemplars/workflows.py`)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.core.files import release_files
from thidua.core.search import remember_words
from thidua.core.text import clean_text, fold, person_sort_key, sort_key
from thidua.documents.uploads import content_sha256
from thidua.exemplars.enums import CRITERIA_SCOPES, RECORDS_AT_STAGE, SubjectKind
from thidua.exemplars.events import evidence_removed
from thidua.exemplars.evidence import inspect_upload
from thidua.exemplars.models import (
    Criterion,
    CriterionCheck,
    Evidence,
    Exemplar,
    NurturingAction,
    Recognition,
    Replication,
    Subject,
)
from thidua.exemplars.tallies import count_added

SUBJECT_FIELDS = [
    "kind", "unit", "name", "gender", "birth_year", "ethnicity", "occupation",
    "is_direct_labourer", "position", "leadership", "collective_kind", "size", "note",
]  # fmt: skip
EXEMPLAR_FIELDS = [
    "subject",
    "title",
    "description",
    "field",
    "achievements",
    "year_from",
    "year_to",
]


def _set_subject_keys(subject: Subject) -> None:
    subject.name = " ".join(clean_text(subject.name).split())
    subject.search_name = fold(subject.name)[:255]
    key = person_sort_key if subject.kind == SubjectKind.INDIVIDUAL else sort_key
    subject.sort_name = key(subject.name)


@transaction.atomic
def create_subject(*, actor, unit, kind: str, name: str, **fields) -> Subject:
    """Record an individual, collective or household of `unit`. Possible duplicates are the
    caller's to show (selectors.possible_duplicates) before it calls this."""
    subject = Subject(unit=unit, kind=kind, name=name)
    for field in SUBJECT_FIELDS[3:]:
        if field in fields:
            setattr(subject, field, fields[field])
    _set_subject_keys(subject)
    subject.full_clean(exclude=["unit"])
    subject.save()
    remember_words(subject.name)
    record_event(
        actor=actor, action=Action.CREATE, target=subject, scope_path=unit.path,
        changes=diff({}, snapshot(subject, SUBJECT_FIELDS)),
    )  # fmt: skip
    return subject


def _search_text(exemplar: Exemplar) -> str:
    return fold(f"{exemplar.subject.name} {exemplar.title}")[:600]


@transaction.atomic
def create_exemplar(
    *, actor, subject: Subject, title: str, field, year_from: int, movements=(), **fields
):
    """Propose `subject` as an exemplar (stage "discovered") and give it the criteria
    checklist of its kind (enums.CRITERIA_SCOPES)."""
    exemplar = Exemplar(
        subject=subject, unit=subject.unit, title=" ".join(clean_text(title).split()), field=field,
        year_from=year_from, created_by=actor if actor and actor.pk else None,
        stage_changed_at=timezone.now(),
    )  # fmt: skip
    for name in ("description", "achievements", "year_to"):
        if name in fields:
            setattr(exemplar, name, fields[name])
    exemplar.search_text = _search_text(exemplar)
    exemplar.sort_name = subject.sort_name
    same = Exemplar.objects.filter(subject=subject, search_text=exemplar.search_text,
                                   year_from=year_from)  # fmt: skip
    if same.exists():
        raise ValidationError({"title": f"{subject} đã có điển hình «{exemplar.title}» từ năm "
                               f"{year_from}."})  # fmt: skip
    if exemplar.year_to and exemplar.year_to < exemplar.year_from:
        raise ValidationError({"year_to": "Năm kết thúc phải từ năm bắt đầu trở đi."})
    # The year check above is the model's only constraint: no database round trip for it.
    exemplar.full_clean(
        exclude=["subject", "unit", "field", "created_by"], validate_constraints=False
    )
    exemplar.save()
    count_added(exemplar)
    remember_words(exemplar.title)
    if movements:
        exemplar.movements.set(movements)
    CriterionCheck.objects.bulk_create(
        CriterionCheck(exemplar=exemplar, criterion=criterion)
        for criterion in Criterion.objects.filter(scope__in=CRITERIA_SCOPES[subject.kind])
    )
    changes = diff({}, snapshot(exemplar, EXEMPLAR_FIELDS))
    if movements:
        changes["movements"] = [None, sorted(str(m) for m in movements)]
    record_event(
        actor=actor, action=Action.CREATE, target=exemplar, scope_path=exemplar.unit.path,
        changes=changes,
    )  # fmt: skip
    return exemplar


@transaction.atomic
def add_evidence(*, actor, exemplar: Exemplar, upload, note: str = "") -> Evidence:
    """Attach a file after checking its content, type and size (evidence.inspect_upload);
    the same content attached to the exemplar already is refused, naming the first copy."""
    kind, content_type = inspect_upload(upload)
    digest = content_sha256(upload)
    same = exemplar.evidence.filter(sha256=digest).first()
    if same is not None:
        day = timezone.localdate(same.uploaded_at)
        raise ValidationError(f"«{upload.name}» trùng nội dung với minh chứng «{same}» "
                              f"đã tải lên ngày {day:%d/%m/%Y}.")  # fmt: skip
    try:
        with transaction.atomic():
            evidence = Evidence.objects.create(
                exemplar=exemplar, kind=kind, file=upload, original_name=upload.name[:255],
                content_type=content_type, size=upload.size, note=note[:255], sha256=digest,
                uploaded_by=actor if actor and actor.pk else None,
            )  # fmt: skip
    except IntegrityError as error:  # the same file sent twice at once
        raise ValidationError(f"«{upload.name}» đã được tải lên cho điển hình này.") from error
    record_event(
        actor=actor, action=Action.CREATE, target=evidence, scope_path=exemplar.unit.path,
        changes={"file": [None, evidence.original_name], "kind": [None, kind]},
    )  # fmt: skip
    return evidence


@transaction.atomic
def remove_evidence(*, actor, evidence: Evidence, reason: str) -> None:
    """Take a file off an exemplar, for a reason kept in the audit with the file's name (the
    file leaves storage once nothing refers to it)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Cần nêu lý do gỡ minh chứng."})
    exemplar = evidence.exemplar
    record_event(actor=actor, action=Action.DELETE, target=evidence,
                 scope_path=exemplar.unit.path, note=reason[:500],
                 changes={"file": [evidence.original_name, None]})  # fmt: skip
    evidence_removed.send(sender=Evidence, evidence=evidence, actor=actor, reason=reason)
    release_files([evidence.file.name])
    evidence.delete()


@transaction.atomic
def update_checks(*, actor, exemplar: Exemplar, answers: dict[int, tuple[bool, str]]) -> None:
    """Tick or untick checklist items, each with its evidence note; record what changed."""
    changed = {}
    for check in exemplar.checks.select_related("criterion"):
        if check.pk not in answers:
            continue
        met, note = answers[check.pk]
        if (check.met, check.evidence_note) != (met, note):
            label = f"tiêu chí {check.criterion.position}"
            if check.met != met:
                changed[label] = [check.met, met]
            if check.evidence_note != note:
                changed[f"{label}, minh chứng"] = [check.evidence_note, note]
            check.met, check.evidence_note = met, note[:500]
            check.checked_by = actor if actor and actor.pk else None
            check.save()
    if changed:
        record_event(
            actor=actor, action=Action.UPDATE, target=exemplar, scope_path=exemplar.unit.path,
            changes=changed,
        )  # fmt: skip


RECORD_KINDS = {NurturingAction: ("nurturing", "hoạt động bồi dưỡng"),
                Recognition: ("recognition", "tôn vinh, công nhận"),
                Replication: ("replication", "đơn vị áp dụng")}  # fmt: skip


@transaction.atomic
def add_record(*, actor, exemplar: Exemplar, model, **values):
    """Add a nurturing action, a recognition or a replication to the exemplar's record, if
    its stage takes that record (enums.RECORDS_AT_STAGE: nurturing once nurtured, honours
    and adopting units once recognised)."""
    kind, noun = RECORD_KINDS[model]
    if kind not in RECORDS_AT_STAGE.get(exemplar.stage, ()):
        raise ValidationError(f"Điển hình đang ở giai đoạn «{exemplar.get_stage_display()}»: "
                              f"chưa ghi {noun} được.")  # fmt: skip
    if model is Replication and exemplar.replications.filter(unit=values.get("unit")).exists():
        raise ValidationError({"unit": f"{values['unit']} đã được ghi nhận áp dụng mô hình này."})
    record = model(exemplar=exemplar, **values)
    record.full_clean()
    record.save()
    record_event(
        actor=actor, action=Action.CREATE, target=record, scope_path=exemplar.unit.path,
        changes={name: [None, str(value)] for name, value in values.items()},
    )  # fmt: skip
    return record
