"""A nomination's dossier: the typed files the form requires (AwardRule.documents, dated
data), attached by the officers of the unit that holds the nomination now (the nominating
unit while it is a draft or returned; the reviewing unit while it is there), checked like
every upload, audited under the nominating unit; and the guard that a nomination sent to
another level carries what its form requires. Drafts of the tờ trình, its list and the
achievement report come from dossier_docx.py; the officer edits, signs and attaches them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from thidua.accounts.models import Role
from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.awards.models import DocumentKind, DossierFile, Nomination, NominationState
from thidua.awards.selectors import rule_on
from thidua.core.files import release_files
from thidua.documents.uploads import inspect_document
from thidua.units.scope import has_role

S = NominationState
HOME, AWAY = (S.DRAFT, S.RETURNED), (S.SUBMITTED, S.IN_REVIEW)


def holder(nomination: Nomination):
    """The unit whose officers may change the dossier now, or None once it is settled."""
    if nomination.state in HOME:
        return nomination.unit
    if nomination.state in AWAY:
        return nomination.at_unit
    return None


def can_edit(user, nomination: Nomination) -> bool:
    unit = holder(nomination)
    return unit is not None and has_role(user, unit.path, Role.OFFICER)


def required_kinds(nomination: Nomination, rule=None) -> list[str]:
    """The kinds of file the form requires under the rule of the nomination's year."""
    from thidua.awards.workflows import reference_date  # noqa: PLC0415 -- workflows import this

    rule = rule or rule_on(nomination.award, reference_date(nomination))
    return [kind for kind in (rule.documents if rule else []) if kind in DocumentKind.values]


def checklist(nomination: Nomination) -> list[tuple[str, str, list[DossierFile]]]:
    """(kind, label, files) for each required kind, then the other kinds that have files."""
    files = list(nomination.files.all())
    required = required_kinds(nomination)
    kinds = [*required, *(k for k in DocumentKind.values if k not in required)]
    rows = [(k, DocumentKind(k).label, [f for f in files if f.kind == k]) for k in kinds]
    return [row for row in rows if row[0] in required or row[2]]


def missing_kinds(nomination: Nomination) -> list[str]:
    present = set(nomination.files.values_list("kind", flat=True))
    return [kind for kind in required_kinds(nomination) if kind not in present]


def check_complete(nomination: Nomination, stop) -> None:
    """A nomination leaving its unit for another level carries its form's required files
    (LAW.md §2.1); one the unit decides itself is judged on thidua's own records."""
    if stop is None or stop.pk == nomination.unit_id:
        return
    missing = missing_kinds(nomination)
    if missing:
        names = "; ".join(str(DocumentKind(kind).label) for kind in missing)
        raise ValidationError(f"Hồ sơ còn thiếu: {names}. Tải bản nháp ở trang đề nghị, hoàn "
                              "chỉnh, ký rồi đính kèm.")  # fmt: skip


def _allowed(actor, nomination: Nomination) -> None:
    """The officers of the holding unit (None: the system, as in the workflow core)."""
    if actor is not None and not can_edit(actor, nomination):
        raise PermissionDenied("Chỉ cán bộ của đơn vị đang giữ đề nghị được sửa hồ sơ.")


@transaction.atomic
def attach_file(*, actor, nominations: list[Nomination], kind: str, upload) -> list[DossierFile]:
    """Attach one upload (checked by content, type and size) as a file of `kind` to each of
    `nominations` (one stored copy shared by all: a tờ trình covers its batch)."""
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": "Chọn loại tài liệu."})
    if not nominations:
        raise ValidationError("Chọn ít nhất một đề nghị.")
    for nomination in nominations:
        _allowed(actor, nomination)
    content_type = inspect_document(upload)
    name = (upload.name or "tệp")[:255]
    rows, stored = [], None
    for nomination in nominations:
        row = DossierFile(nomination=nomination, kind=kind, original_name=name,
                          content_type=content_type,
                          uploaded_by=actor if actor and actor.pk else None)  # fmt: skip
        if stored is None:
            row.file = upload
        else:
            row.file.name = stored
        row.save()
        stored = row.file.name
        record_event(actor=actor, action=Action.CREATE, target=row,
                     scope_path=nomination.unit.path,
                     note=f"Hồ sơ đề nghị: {DocumentKind(kind).label} «{name}»"[:255])  # fmt: skip
        rows.append(row)
    return rows


def can_remove(user, file: DossierFile) -> bool:
    """The nominating unit's officers remove its files while the nomination is at home; a
    reviewing level removes only what it attached itself, never the unit's signed files."""
    if not can_edit(user, file.nomination):
        return False
    return file.nomination.state in HOME or file.uploaded_by_id == user.pk


@transaction.atomic
def remove_file(*, actor, file: DossierFile) -> None:
    """Remove a file attached by mistake (its stored copy goes when nothing refers to it)."""
    if actor is not None and not can_remove(actor, file):
        raise PermissionDenied("Chỉ gỡ được tệp của đơn vị đang giữ đề nghị, do mình đính kèm.")
    name = file.file.name
    record_event(actor=actor, action=Action.DELETE, target=file,
                 scope_path=file.nomination.unit.path,
                 note=f"Gỡ khỏi hồ sơ: «{file.original_name}»"[:255])  # fmt: skip
    file.delete()
    release_files([name])
