"""Writes to the pacts (models.py), each audited under the group's owner (the province whose
standing body runs its clusters and blocks); the signing goes through the workflow
(workflows.py). Criteria and heads change only while the pact is a draft."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import diff, record_event, snapshot
from thidua.core.text import clean_text
from thidua.documents.uploads import inspect_document
from thidua.pacts.models import HeadRule, Pact, PactCriterion, PactState, PactTarget, RankBy
from thidua.units.models import GroupMembership
from thidua.units.services import lock

PACT_FIELDS = ["year", "head_rule", "rank_by", "commended", "head", "deputy", "note"]
MAX_CRITERIA = 100


def _audit(actor, pact: Pact, action: Action, changes: dict, note: str = "") -> None:
    record_event(actor=actor, action=action, target=pact, scope_path=pact.group.owner.path,
                 changes=changes, note=note[:255])  # fmt: skip


def _members(group) -> list[GroupMembership]:
    """The members in the order they joined the group (a renamed unit keeps its turn)."""
    return list(group.members.select_related("unit").order_by("pk"))


def rotation(group, year: int) -> tuple:
    """(head, deputy) by rotation: the member after the last year's head, in the order the
    members joined, and the one after it (who heads the year after); the first members
    the first year."""
    members = _members(group)
    if not members:
        return None, None
    before = group.pacts.filter(year__lt=year, head__isnull=False).order_by("-year").first()
    start = 0
    if before is not None:
        start = [m.pk for m in members].index(before.head_id) + 1
    head = members[start % len(members)]
    deputy = members[(start + 1) % len(members)] if len(members) > 1 else None
    return head, deputy


@transaction.atomic
def open_pact(
    *,
    actor,
    group,
    year: int,
    head_rule: str = HeadRule.ROTATION,
    rank_by: str = RankBy.SCORE,
    commended: int = 2,
) -> Pact:
    """The draft pact of `group` for `year`: last year's criteria copied as a start, the
    head and deputy by rotation when that is the rule (else chosen afterwards); how the
    year-end ranking is made and how many after the first are proposed for Bằng khen."""
    lock(type(group), group.pk, "Cụm, khối này vừa bị xóa.")
    if group.pacts.filter(year=year).exists():
        raise ValidationError({"year": f"{group} đã có giao ước năm {year}."})
    if group.pacts.filter(year__gt=year).exists():  # the rotation runs forward only
        raise ValidationError({"year": f"{group} đã có giao ước của năm sau {year}."})
    pact = Pact(group=group, year=year, head_rule=head_rule, rank_by=rank_by,
                commended=commended)  # fmt: skip
    if head_rule == HeadRule.ROTATION:
        pact.head, pact.deputy = rotation(group, year)
    pact.full_clean(exclude=["group", "head", "deputy"], validate_constraints=False)
    pact.save()
    earlier = group.pacts.filter(year__lt=year).order_by("-year").first()
    if earlier is not None:
        PactCriterion.objects.bulk_create(
            PactCriterion(pact=pact, position=c.position, text=c.text, max_points=c.max_points,
                          weight=c.weight) for c in earlier.criteria.all())  # fmt: skip
    _audit(actor, pact, Action.CREATE, diff({}, snapshot(pact, PACT_FIELDS)))
    return pact


def _draft(pact: Pact) -> Pact:
    pact = lock(Pact, pact.pk, "Giao ước này vừa bị xóa.")
    if pact.state != PactState.DRAFT:
        raise ValidationError("Giao ước đã ký kết; mở lại để sửa.")
    return pact


@transaction.atomic
def set_heads(*, actor, pact: Pact, head, deputy=None) -> Pact:
    """The head and deputy chosen or elected (or moved from the rotation's)."""
    pact = _draft(pact)
    members = {m.pk for m in pact.group.members.all()}
    if head is None or head.pk not in members or (deputy and deputy.pk not in members):
        raise ValidationError({"head": "Trưởng, phó phải là thành viên của cụm, khối."})
    if deputy is not None and deputy.pk == head.pk:
        raise ValidationError({"deputy": "Phó cụm, khối phải là thành viên khác trưởng."})
    before = snapshot(pact, PACT_FIELDS)
    pact.head, pact.deputy = head, deputy
    pact.save(update_fields=["head", "deputy"])
    _audit(actor, pact, Action.UPDATE, diff(before, snapshot(pact, PACT_FIELDS)))
    return pact


def _number(text, label: str, row: int, *, top: Decimal) -> Decimal:
    try:
        value = Decimal(str(text).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(f"Dòng {row}: {label} phải là một số.") from None
    if value.is_finite() and value < 10_000:
        value = value.quantize(Decimal("0.01"))  # then checked: «0,001» is 0, refused
    if not value.is_finite() or not Decimal(0) < value <= top:
        raise ValidationError(f"Dòng {row}: {label} phải lớn hơn 0 và không quá {top}.")
    return value


@transaction.atomic
def save_criteria(*, actor, pact: Pact, rows: list[tuple[str, str, str]]) -> int:
    """Replace the criteria by `rows` of (content, maximum points, weight), in order; blank
    rows are left out; all or nothing, a wrong row named by its number."""
    pact = _draft(pact)
    if pact.cards.exists():
        raise ValidationError("Đã có phiếu chấm điểm theo các tiêu chí này; không sửa được.")
    made = []
    for number, (typed, points, weight) in enumerate(rows, start=1):
        text = " ".join(clean_text(typed or "").split())
        if not text and not str(points).strip():
            continue
        if not text or len(text) > 500:
            raise ValidationError(f"Dòng {number}: cần nội dung tiêu chí (tối đa 500 ký tự).")
        made.append(PactCriterion(pact=pact, position=len(made) + 1, text=text,
                                  max_points=_number(points, "điểm tối đa", number,
                                                     top=Decimal(1000)),
                                  weight=_number(weight or "1", "hệ số", number,
                                                 top=Decimal(10))))  # fmt: skip
    if len(made) > MAX_CRITERIA:
        raise ValidationError(f"Tối đa {MAX_CRITERIA} tiêu chí.")
    before = [f"{c.text} ({c.max_points}×{c.weight})" for c in pact.criteria.all()]
    pact.criteria.all().delete()
    PactCriterion.objects.bulk_create(made)
    after = [f"{c.text} ({c.max_points}×{c.weight})" for c in made]
    if before != after:
        _audit(actor, pact, Action.UPDATE, {"criteria": [before, after]})
    return len(made)


@transaction.atomic
def register_target(*, actor, pact: Pact, membership, text: str) -> PactTarget:
    """A member's targets for the year, replacing what it registered before; until the
    pact is signed (the signed pact holds them)."""
    pact = _draft(pact)
    if membership.group_id != pact.group_id:
        raise ValidationError("Đơn vị này không thuộc cụm, khối của giao ước.")
    text = clean_text(text or "").strip()
    if not text or len(text) > 5000:
        raise ValidationError({"text": "Cần nội dung chỉ tiêu đăng ký (tối đa 5.000 ký tự)."})
    target = PactTarget.objects.filter(pact=pact, membership=membership).first()
    before = target.text if target else None
    if before == text:
        return target
    target, _created = PactTarget.objects.update_or_create(
        pact=pact, membership=membership, defaults={"text": text})  # fmt: skip
    _audit(
        actor,
        pact,
        Action.UPDATE,
        {f"chỉ tiêu của {membership.unit.name}": [before and before[:200], text[:200]]},
    )
    return target


@transaction.atomic
def attach_scan(*, actor, pact: Pact, upload) -> Pact:
    """The signed pact's scan (PDF or image), replacing an earlier one."""
    pact = lock(Pact, pact.pk, "Giao ước này vừa bị xóa.")
    if pact.state != PactState.SIGNED:
        raise ValidationError("Chỉ tải bản đã ký sau khi ghi nhận ký kết.")
    kind = inspect_document(upload, only={"pdf", "jpg", "jpeg", "png"})
    old = pact.scan.name
    extension = {"application/pdf": "pdf", "image/png": "png"}.get(kind, "jpg")
    pact.scan.save(f"giao-uoc-{pact.group_id}-{pact.year}.{extension}", upload, save=False)
    pact.save(update_fields=["scan"])
    stored = pact.scan.name
    transaction.on_commit(lambda: old and old != stored and default_storage.delete(old))
    _audit(actor, pact, Action.UPDATE, {"scan": [old or None, stored]})
    return pact
