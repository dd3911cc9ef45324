"""A nomination's dossier pages: the drafts as Word (the tờ trình and list of its batch, the
achievement report), attaching a file (to one nomination, or to many ticked in the list),
downloading and removing one. Every nomination is found through the user's scope (404
outside it); only the officers of the unit that holds it change its dossier."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from thidua.awards import dossier, nominations, selectors
from thidua.awards.dossier_docx import list_docx, proposal_docx, report_docx
from thidua.awards.models import DocumentKind, DossierFile, Nomination, NominationState
from thidua.awards.workflows import reference_date
from thidua.core.forms import CleanTextMixin, is_id
from thidua.core.http import post_only, read_only
from thidua.documents.frame import file_name
from thidua.documents.response import attachment, stored_file

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DRAFTS = {"to-trinh": "Tờ trình đề nghị khen thưởng", "danh-sach": "Danh sách đề nghị khen thưởng",
          "bao-cao": "Báo cáo thành tích"}  # fmt: skip
BATCH_LIMIT = 500


class AttachForm(CleanTextMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại tài liệu", choices=DocumentKind.choices)
    file = forms.FileField(label="Tệp (PDF, Word, Excel, ảnh)")


def _same_batch(nomination: Nomination):
    return Nomination.objects.filter(unit=nomination.unit, award=nomination.award,
                                     year=nomination.year, state=nomination.state,
                                     at_unit=nomination.at_unit)  # fmt: skip


def batch_size(nomination: Nomination) -> int:
    return min(_same_batch(nomination).count(), BATCH_LIMIT)


def batch_of(nomination: Nomination):
    """The nominations a tờ trình covers: the same unit, award and year, at the same stage
    (those not sent yet, or those at the same level), in dictionary order."""
    same = _same_batch(nomination)
    return list(same.select_related("subject__unit", "award", "unit", "deciding_unit", "at_unit")
                .order_by("subject__sort_name", "pk")[:BATCH_LIMIT])  # fmt: skip


def _rows(nomination: Nomination, slug: str) -> bytes:
    if slug == "bao-cao":
        return report_docx(nomination, selectors.history_of(nomination.subject))
    batch = batch_of(nomination)
    if slug == "danh-sach":
        return list_docx(batch)
    return proposal_docx(batch, selectors.rule_on(nomination.award, reference_date(nomination)))


@read_only
@login_required
def dossier_draft(request, pk: int, slug: str):
    """A draft of the dossier as Word, written from the data, to edit, sign and attach."""
    if slug not in DRAFTS:
        raise Http404
    nomination = nominations.get_nomination_for(request.user, pk)
    subject = nomination.subject.name if slug == "bao-cao" else nomination.unit.name
    name = file_name(DRAFTS[slug], nomination.award.name, str(nomination.year), subject,
                     extension="docx")  # fmt: skip
    return attachment(_rows(nomination, slug), DOCX, name)


def _attach(request, targets: list[Nomination]) -> bool:
    form = AttachForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Chọn loại tài liệu và tệp cần đính kèm.")
        return False
    try:
        data = form.cleaned_data
        dossier.attach_file(actor=request.user, nominations=targets, kind=data["kind"],
                            upload=data["file"])  # fmt: skip
    except PermissionDenied:
        raise
    except ValidationError as error:
        messages.error(request, "Không đính kèm được: " + " ".join(error.messages))
        return False
    messages.success(request, f"Đã đính kèm vào hồ sơ của {len(targets)} đề nghị.")
    return True


@post_only
@login_required
def dossier_attach(request, pk: int):
    nomination = nominations.get_nomination_for(request.user, pk)
    _attach(request, [nomination])
    return redirect(nomination.get_absolute_url() + "#ho-so")


@post_only
@login_required
def dossier_attach_many(request):
    """One file (a signed tờ trình, say) attached to every nomination ticked in the list."""
    ids = [pk for pk in request.POST.getlist("chon") if is_id(pk)][:BATCH_LIMIT]
    targets = list(nominations.visible_nominations(request.user).filter(pk__in=ids)
                   .select_related("unit", "at_unit"))  # fmt: skip
    refused = [n for n in targets if not dossier.can_edit(request.user, n)]
    if refused:
        messages.error(request, f"{len(refused)} đề nghị đã chọn không do đơn vị của bạn giữ "
                                "lúc này; chưa đính kèm vào đề nghị nào.")  # fmt: skip
    else:
        _attach(request, targets)
    back = str(request.POST.get("next", ""))
    return redirect(back if back.startswith("/khen-thuong/") else "awards:nominations")


def _file(request, pk: int, file_pk: int) -> DossierFile:
    nomination = nominations.get_nomination_for(request.user, pk)
    return get_object_or_404(DossierFile.objects.select_related("nomination__unit"),
                             pk=file_pk, nomination=nomination)  # fmt: skip


@read_only
@login_required
def dossier_download(request, pk: int, file_pk: int):
    found = _file(request, pk, file_pk)
    return stored_file(found.file, found.original_name, found.content_type)


@post_only
@login_required
def dossier_remove(request, pk: int, file_pk: int):
    found = _file(request, pk, file_pk)
    back = found.nomination.get_absolute_url() + "#ho-so"
    if found.nomination.state not in (*dossier.HOME, *dossier.AWAY):
        state = NominationState(found.nomination.state).label.lower()
        messages.error(request, f"Đề nghị đang «{state}»: hồ sơ giữ nguyên.")
        return redirect(back)
    if not dossier.can_remove(request.user, found):
        raise PermissionDenied("Chỉ gỡ được tệp của đơn vị đang giữ đề nghị, do mình đính kèm.")
    dossier.remove_file(actor=request.user, file=found)
    messages.success(request, "Đã gỡ tệp khỏi hồ sơ.")
    return redirect(back)
