"""Views of subjects and exemplars: lists, the exemplar's page with its stage panel,
evidence, checklist and records. Each: scoped get → form → service → render or redirect."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django_htmx.http import HttpResponseClientRedirect

from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, post_only, read_only
from thidua.core.middleware import request_max_mb
from thidua.core.pagination import paginate, query_without_page
from thidua.exemplars import criteria, forms, permissions, reports, selectors, services
from thidua.exemplars.enums import RECORDS_AT_STAGE, Stage, StageAction, SubjectKind
from thidua.exemplars.models import NurturingAction, Recognition, Replication
from thidua.exports.services import export_response
from thidua.movements.selectors import movements_for_exemplar
from thidua.units.selectors import get_unit_for
from thidua.workflow.engine import Refused, allowed_actions, history, transition

RECORD_FORMS = {
    "nurturing": (NurturingAction, forms.NurturingForm),
    "recognition": (Recognition, forms.RecognitionForm),
    "replication": (Replication, forms.ReplicationForm),
}


@read_only
@login_required
def exemplar_export(request, fmt: str):
    """The filtered list as XLSX, a Word document in the state format or a printable page,
    with the report's columns; a long list is written by a background job."""
    return export_response(request, "exemplars", fmt)


@read_only
@login_required
def exemplar_list(request):
    filters, exemplars, unit = reports.filtered_exemplars(request.user, request.GET)
    context = {
        "filters": filters,
        "page": paginate(request, exemplars, counted=not request.GET.get("q", "").strip()),
        "query": query_without_page(request), "stage_counts": selectors.stage_counts(request.user),
        "stages": Stage.choices, "unit": unit,
    }  # fmt: skip
    if request.htmx:
        return render(request, "exemplars/exemplar_list.html#results", context)
    return render(request, "exemplars/exemplar_list.html", context)


def _detail_context(
    request, exemplar, *, evidence_form=None, failed=None, stage_error="", recognise_form=None
):
    """Everything the exemplar page shows; `failed` is (kind, form) of a record form that
    came back with errors, shown again with what the officer typed (`recognise_form`, the
    recognition typed with the stage action)."""
    makers = {
        "nurturing": forms.NurturingForm, "recognition": forms.RecognitionForm,
        "replication": lambda: forms.ReplicationForm(user=request.user),
    }  # fmt: skip
    record_forms = {kind: makers[kind]() for kind in RECORDS_AT_STAGE.get(exemplar.stage, ())}
    if failed is not None:
        record_forms[failed[0]] = failed[1]
    checks = list(criteria.checklist(exemplar).select_related("exemplar"))
    for check in checks:
        check.auto = criteria.evaluate(check)
    actions = [(name, step.label) for name, step in allowed_actions(request.user, exemplar)]
    recognising = any(name == StageAction.RECOGNISE for name, _ in actions)
    return {
        "exemplar": exemplar,
        "can_edit": permissions.can_edit_exemplar(request.user, exemplar),
        "actions": [(name, label) for name, label in actions if name != StageAction.RECOGNISE],
        "recognise_form": (recognise_form or forms.RecognitionForm(prefix="recognise"))
        if recognising
        else None,
        "unmet": [
            check for check in checks if check.criterion.required and not criteria.is_met(check)
        ]
        if recognising
        else [],  # fmt: skip
        "changes": history(exemplar),
        "evidence": exemplar.evidence.order_by("uploaded_at"),
        "checks": checks,
        "nurturing": exemplar.nurturing.all(),
        "recognitions": exemplar.recognitions.all(),
        "replications": exemplar.replications.select_related("unit"),
        "spread": selectors.replication_spread(exemplar),
        "evidence_form": evidence_form or forms.EvidenceForm(),
        "record_forms": record_forms,
        "stage_error": stage_error,
    }


@read_only
@login_required
def exemplar_detail(request, pk: int):
    exemplar = selectors.get_exemplar_for(request.user, pk)
    return render(request, "exemplars/exemplar_detail.html", _detail_context(request, exemplar))


def _editable_exemplar(request, pk):
    exemplar = selectors.get_exemplar_for(request.user, pk)
    if not permissions.can_edit_exemplar(request.user, exemplar):
        raise PermissionDenied
    return exemplar


def _moved(request, exemplar, action: str, recognition) -> tuple:
    """Apply `action` with the reason (and, to recognise, the recognition) posted: the
    moved exemplar and "", or the exemplar as it was and the Vietnamese refusal."""
    form = forms.TransitionForm(request.POST)
    needs_data = action == StageAction.RECOGNISE
    if not form.is_valid():
        return exemplar, " ".join(" ".join(errors) for errors in form.errors.values())
    if needs_data and not recognition.is_valid():
        # Each field's error shows under it, with its label (includes/field.html).
        return exemplar, (
            "Chưa công nhận: xem các ô của quyết định công nhận được đánh dấu bên dưới."
        )
    data = recognition.cleaned_data if needs_data else None
    try:
        moved = transition(exemplar, action, by=request.user,
                           reason=form.cleaned_data["reason"], data=data)  # fmt: skip
    except Refused as exc:
        if exc.forbidden:
            raise PermissionDenied from exc
        return exemplar, " ".join(exc.messages)
    return moved, ""


@post_only
@login_required
def exemplar_action(request, pk: int, action: str):
    exemplar = selectors.get_exemplar_for(request.user, pk)
    recognition = forms.RecognitionForm(request.POST, prefix="recognise")
    exemplar, error = _moved(request, exemplar, action, recognition)
    if error:
        # A refusal shows the panel (or the page) again with what was typed.
        typed = recognition if action == StageAction.RECOGNISE else None
        context = _detail_context(request, exemplar, stage_error=error, recognise_form=typed)
        context["reason"] = request.POST.get("reason", "")
        if request.htmx:
            return render(request, "exemplars/exemplar_detail.html#stage-panel", context)
        return render(request, "exemplars/exemplar_detail.html", context, status=409)
    messages.success(request, f"Đã chuyển sang giai đoạn «{exemplar.get_stage_display()}».")
    # The whole page follows the stage (its record forms, its recognitions), not the panel.
    if request.htmx:
        return HttpResponseClientRedirect(exemplar.get_absolute_url())
    return redirect(exemplar)


# One evidence file per request, up to the largest kind's limit (videos), plus the note and
# the multipart envelope.
@request_max_mb(lambda: max(settings.EVIDENCE_MAX_MB.values()) + 1)
@post_only
@login_required
def evidence_upload(request, pk: int):
    exemplar = _editable_exemplar(request, pk)
    form = forms.EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            data = form.cleaned_data
            services.add_evidence(
                actor=request.user, exemplar=exemplar, upload=data["file"], note=data["note"]
            )
        except ValidationError as error:
            apply_service_errors(form, ValidationError({"file": error.messages}))
    if form.errors:
        context = _detail_context(request, exemplar, evidence_form=form)
        return render(request, "exemplars/exemplar_detail.html", context, status=400)
    messages.success(request, "Đã thêm minh chứng.")
    return redirect(exemplar)


@post_only
@login_required
def evidence_remove(request, pk: int, evidence_pk: int):
    """Take a file off the exemplar, with the reason the form asks for."""
    exemplar = _editable_exemplar(request, pk)
    evidence = get_object_or_404(exemplar.evidence, pk=evidence_pk)
    try:
        services.remove_evidence(actor=request.user, evidence=evidence,
                                 reason=request.POST.get("reason", "")[:500])  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã gỡ minh chứng «{evidence.original_name}».")
    return redirect(exemplar)


@read_only
@login_required
def evidence_download(request, pk: int, evidence_pk: int):
    """Evidence is served only through this scoped view, never from a public media URL."""
    exemplar = selectors.get_exemplar_for(request.user, pk)
    evidence = get_object_or_404(exemplar.evidence, pk=evidence_pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, filename=evidence.original_name, content_type=evidence.content_type)


@post_only
@login_required
def checklist_save(request, pk: int):
    exemplar = _editable_exemplar(request, pk)
    answers = {}
    for check in criteria.checklist(exemplar):  # checks of another kind keep their answers
        met = request.POST.get(f"met-{check.pk}") == "on"
        note = request.POST.get(f"note-{check.pk}", "").strip()[:500]
        answers[check.pk] = (met, note)
    services.update_checks(actor=request.user, exemplar=exemplar, answers=answers)
    messages.success(request, "Đã lưu bảng tiêu chí.")
    return redirect(exemplar)


@post_only
@login_required
def record_add(request, pk: int, kind: str):
    exemplar = _editable_exemplar(request, pk)
    if kind not in RECORD_FORMS:
        raise Http404
    model, form_class = RECORD_FORMS[kind]
    extra = {"user": request.user} if kind == "replication" else {}
    form = form_class(request.POST, **extra)
    if form.is_valid():
        try:
            services.add_record(
                actor=request.user, exemplar=exemplar, model=model, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
    if form.errors:
        context = _detail_context(request, exemplar, failed=(kind, form))
        return render(request, "exemplars/exemplar_detail.html", context, status=400)
    messages.success(request, "Đã ghi nhận.")
    return redirect(exemplar)


@read_only
@login_required
def subject_export(request, fmt: str):
    return export_response(request, "subjects", fmt)


@read_only
@login_required
def subject_list(request):
    q = request.GET.get("q", "")
    kind = request.GET.get("kind", "") if request.GET.get("kind") in SubjectKind.values else ""
    subjects = selectors.subject_list(request.user, q=q, kind=kind)
    page = paginate(request, subjects, counted=not q.strip())  # a search is not counted
    selectors.count_exemplars(page.object_list)
    context = {"page": page, "query": query_without_page(request),
               "q": q, "kind": kind, "kinds": SubjectKind.choices}  # fmt: skip
    return render(request, "exemplars/subject_list.html", context)


@form_view
@login_required
def subject_create(request, unit_pk: int):
    unit = get_unit_for(request.user, unit_pk)
    if not permissions.can_add_subject(request.user, unit):
        raise PermissionDenied
    form = forms.SubjectForm(request.POST or None)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        confirmed = data.pop("confirm_duplicate")
        duplicates = list(selectors.possible_duplicates(
            unit=unit, name=data["name"], birth_year=data["birth_year"]))  # fmt: skip
        if not duplicates or confirmed:
            subject = services.create_subject(actor=request.user, unit=unit, **data)
            messages.success(request, f"Đã thêm {subject.name}.")
            return redirect(subject)
        form.add_error(None, "Có thể trùng với đối tượng đã có (xem danh sách bên dưới).")
    context = {"form": form, "unit": unit, "duplicates": duplicates}
    return render(request, "exemplars/subject_form.html", context)


@form_view
@login_required
def subject_detail(request, pk: int):
    subject = selectors.get_subject_for(request.user, pk)
    can_edit = permissions.can_add_subject(request.user, subject.unit)
    movements = movements_for_exemplar(request.user, subject.unit)
    form = forms.ExemplarForm(request.POST or None, movements=movements)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            exemplar = services.create_exemplar(
                actor=request.user, subject=subject, **form.cleaned_data
            )
            messages.success(request, "Đã đề xuất điển hình.")
            return redirect(exemplar)
    exemplars = subject.exemplars.select_related("field").order_by("-year_from")
    context = {"subject": subject, "form": form, "can_edit": can_edit, "exemplars": exemplars}
    return render(request, "exemplars/subject_detail.html", context)
