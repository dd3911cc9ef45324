"""The officer's side of the showcase, on one exemplar (/dien-hinh/<pk>/cong-khai/): the
subject's consent, the public page's text and photos, publishing and unpublishing. Anyone
who sees the exemplar reads this page; its unit's officers write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from thidua.core.forms import apply_service_errors
from thidua.core.http import post_only, read_only
from thidua.exemplars import selectors as exemplar_selectors
from thidua.exemplars.permissions import can_edit_exemplar
from thidua.showcase import forms, selectors, services
from thidua.showcase.models import Publication
from thidua.workflow.engine import Refused


def _page_of(exemplar) -> Publication | None:
    return Publication.objects.filter(exemplar=exemplar).first()


def _context(request, exemplar, **failed) -> dict:
    page = _page_of(exemplar)
    if page:
        photos = [photo.evidence_id for photo in page.photos.all()]
        initial = {"headline": page.headline, "story": page.story, "photos": photos}
    else:  # a first draft from what the exemplar's record says
        initial = {
            "headline": exemplar.title,
            "story": exemplar.description or exemplar.achievements,
        }
    return {
        "exemplar": exemplar,
        "page": page,
        "consent": selectors.standing_consent(exemplar.subject),
        "can_edit": can_edit_exemplar(request.user, exemplar),
        "consent_form": failed.get("consent_form") or forms.ConsentForm(),
        "withdraw_form": failed.get("withdraw_form") or forms.WithdrawConsentForm(),
        "form": failed.get("form") or forms.PublicationForm(exemplar=exemplar, initial=initial),
        "unpublish_form": failed.get("unpublish_form") or forms.UnpublishForm(),
        "error": failed.get("error", ""),
    }


@read_only
@login_required
def manage(request, pk: int):
    exemplar = exemplar_selectors.get_exemplar_for(request.user, pk)
    return render(request, "showcase/manage.html", _context(request, exemplar))


def _editable(request, pk: int):
    exemplar = exemplar_selectors.get_exemplar_for(request.user, pk)
    if not can_edit_exemplar(request.user, exemplar):
        raise PermissionDenied
    return exemplar


def _back(exemplar):
    return redirect(reverse("showcase_admin:manage", args=[exemplar.pk]))


def _failed(request, exemplar, **failed):
    return render(
        request, "showcase/manage.html", _context(request, exemplar, **failed), status=400
    )


@post_only
@login_required
def consent_record(request, pk: int):
    exemplar = _editable(request, pk)
    form = forms.ConsentForm(request.POST)
    if form.is_valid():
        try:
            services.record_consent(
                actor=request.user, subject=exemplar.subject, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
    if form.errors:
        return _failed(request, exemplar, consent_form=form)
    messages.success(request, f"Đã ghi nhận sự đồng ý công khai của {exemplar.subject.name}.")
    return _back(exemplar)


@post_only
@login_required
def consent_withdraw(request, pk: int):
    exemplar = _editable(request, pk)
    form = forms.WithdrawConsentForm(request.POST)
    if form.is_valid():
        try:
            gone = services.withdraw_consent(
                actor=request.user, subject=exemplar.subject, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
    if form.errors:
        return _failed(request, exemplar, withdraw_form=form)
    messages.success(request, f"Đã rút lại sự đồng ý; {gone} trang công khai đã được gỡ.")
    return _back(exemplar)


@post_only
@login_required
def publication_save(request, pk: int):
    exemplar = _editable(request, pk)
    form = forms.PublicationForm(request.POST, exemplar=exemplar)
    publish = "publish" in request.POST
    if form.is_valid():
        try:
            page = services.save_publication(
                actor=request.user, exemplar=exemplar, publish=publish, **form.cleaned_data
            )
        except Refused as error:
            return _failed(request, exemplar, form=form, error=" ".join(error.messages))
        except ValidationError as error:
            apply_service_errors(form, error)
    if form.errors:
        return _failed(request, exemplar, form=form)
    messages.success(request, "Đã công khai." if page.state == "published" else "Đã lưu bản nháp.")
    return _back(exemplar)


@post_only
@login_required
def publication_unpublish(request, pk: int):
    exemplar = _editable(request, pk)
    page = _page_of(exemplar)
    form = forms.UnpublishForm(request.POST)
    if page is None or not form.is_valid():
        return _failed(request, exemplar, unpublish_form=form)
    try:
        services.unpublish(actor=request.user, publication=page, reason=form.cleaned_data["reason"])
    except Refused as error:
        return _failed(request, exemplar, unpublish_form=form, error=" ".join(error.messages))
    messages.success(request, "Đã thôi công khai.")
    return _back(exemplar)
