"""A subject's history page (/khen-thuong/doi-tuong/<id>/): everything the eligibility tests
read, with a form per kind for the officers of the subject's unit. A sibling unit's subject
answers 404; council members and leaders read; anyone else in scope who is not an officer
gets 403 on a write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from thidua.awards import forms, history, selectors
from thidua.awards.models import AwardRecord, Block, Discipline, Initiative, Membership, TaskRating
from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, post_only, read_only
from thidua.exemplars.permissions import can_add_subject
from thidua.exemplars.selectors import get_subject_for

MODELS = {"khen-thuong": AwardRecord, "sang-kien": Initiative, "xep-loai": TaskRating,
          "ky-luat": Discipline, "tam-dung": Block, "thanh-vien": Membership}  # fmt: skip


def _forms(subject, data=None, kind: str = "") -> dict:
    """The page's forms, unbound but for the one of `kind` that was sent."""

    def bound(name):
        return data if name == kind else None

    found = {
        "khen-thuong": forms.AwardRecordForm(
            bound("khen-thuong"), subject=subject, prefix="kt"
        ),  # fmt: skip
        "sang-kien": forms.InitiativeForm(bound("sang-kien"), prefix="sk"),
        "xep-loai": forms.RatingForm(bound("xep-loai"), prefix="xl"),
        "ky-luat": forms.DisciplineForm(bound("ky-luat"), prefix="kl"),
        "tam-dung": forms.BlockForm(bound("tam-dung"), prefix="td"),
    }
    if subject.kind == "collective":
        found["thanh-vien"] = forms.MemberForm(bound("thanh-vien"), collective=subject,
                                               prefix="tv")  # fmt: skip
    return found


def _page(request, subject, page_forms, status=200):
    context = {"subject": subject, "can_edit": can_add_subject(request.user, subject.unit),
               "forms": {kind.replace("-", "_"): form for kind, form in page_forms.items()},
               "today": timezone.localdate(),
               **selectors.history_of(subject)}  # fmt: skip
    return render(request, "awards/history.html", context, status=status)


@read_only
@login_required
def subject_history(request, pk: int):
    subject = get_subject_for(request.user, pk)
    return _page(request, subject, _forms(subject))


def _writable(request, pk: int):
    subject = get_subject_for(request.user, pk)
    if not can_add_subject(request.user, subject.unit):
        raise PermissionDenied("Chỉ cán bộ của đơn vị được ghi lịch sử khen thưởng.")
    return subject


# The service that records each kind of row, and the name it takes the row by.
SAVERS = {"khen-thuong": (history.record_award, "record"),
          "sang-kien": (history.record_initiative, "initiative"),
          "ky-luat": (history.record_discipline, "discipline"),
          "tam-dung": (history.block_subject, "block")}  # fmt: skip


def _save(request, subject, kind: str, form) -> None:
    data, actor = form.cleaned_data, request.user
    if kind == "xep-loai":
        history.rate_year(actor=actor, subject=subject, year=data["year"], rating=data["rating"])
    elif kind == "thanh-vien":
        history.add_member(actor=actor, collective=subject, member=data["member"],
                           year=data["year"])  # fmt: skip
    else:
        form.instance.subject = subject
        service, name = SAVERS[kind]
        service(actor=actor, **{name: form.instance})


@form_view
@login_required
def history_add(request, pk: int, kind: str):
    """Add a row of `kind`; a refused form comes back with what was typed."""
    if kind not in MODELS:
        raise Http404
    subject = _writable(request, pk)
    if request.method != "POST":
        return redirect("awards:history", pk=subject.pk)
    page_forms = _forms(subject, request.POST, kind)
    form = page_forms[kind]
    if form.is_valid():
        try:
            _save(request, subject, kind, form)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã ghi vào lịch sử.")
            return redirect(reverse("awards:history", args=[subject.pk]) + f"#{kind}")
    return _page(request, subject, page_forms, status=400)


def _row(subject, kind: str, row_pk: int):
    model = MODELS.get(kind)
    if model is None:
        raise Http404
    owner = {"collective": subject} if model is Membership else {"subject": subject}
    return get_object_or_404(model, pk=row_pk, **owner)


@post_only
@login_required
def history_delete(request, pk: int, kind: str, row_pk: int):
    subject = _writable(request, pk)
    try:
        history.delete_row(actor=request.user, row=_row(subject, kind, row_pk))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã xóa khỏi lịch sử.")
    return redirect(reverse("awards:history", args=[subject.pk]) + f"#{kind}")


@post_only
@login_required
def history_revoke(request, pk: int, row_pk: int):
    """Revoke an award (Law 2022 ch. VII): it stays in the history, marked."""
    subject = _writable(request, pk)
    record = _row(subject, "khen-thuong", row_pk)
    form = forms.RevokeForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        history.revoke_award(actor=request.user, record=record, on=form.cleaned_data["on"],
                             note=form.cleaned_data["note"])  # fmt: skip
    except ValidationError as error:
        messages.error(request, "Không hủy bỏ được: " + " ".join(error.messages))
    else:
        messages.success(request, "Đã hủy bỏ khen thưởng; bản ghi vẫn giữ trong lịch sử.")
    return redirect(reverse("awards:history", args=[subject.pk]) + "#khen-thuong")


@post_only
@login_required
def history_lift(request, pk: int, row_pk: int):
    subject = _writable(request, pk)
    try:
        history.lift_block(actor=request.user, block=_row(subject, "tam-dung", row_pk),
                           on=timezone.localdate())  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("awards:history", args=[subject.pk]) + "#tam-dung")
