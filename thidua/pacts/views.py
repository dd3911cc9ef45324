"""The pact pages: a group's pact of a year, opened by the owner's officers from the group's
page; its criteria and heads while it is a draft, the members' targets, the signing (the
owner's officers or the head's), the Word document and the signed scan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from thidua.core.http import post_only, read_only
from thidua.documents.docx import DOCX_TYPE
from thidua.documents.response import attachment, stored_file
from thidua.pacts import selectors, services
from thidua.pacts.forms import HeadsForm, OpenPactForm, ReasonForm, ScanForm, SignForm, TargetForm
from thidua.pacts.models import PactAction, PactState
from thidua.pacts.pact_docx import pact_docx
from thidua.units import permissions
from thidua.units.selectors import get_group_for
from thidua.workflow.engine import Refused, allowed_actions, history, transition

CRITERIA_ROWS = 3  # blank rows offered after the criteria


def _say(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _runner(request, pact):
    if not selectors.runs_group(request.user, pact):
        raise PermissionDenied


@read_only
@login_required
def pact_list(request, group_pk: int):
    """A group's pacts by year, and the form to open the next (the owner's officers)."""
    group = get_group_for(request.user, group_pk)
    context = {"group": group, "pacts": group.pacts.select_related("head__unit"),
               "can_open": permissions.can_edit_group(request.user, group),
               "form": OpenPactForm()}  # fmt: skip
    return render(request, "pacts/pact_list.html", context)


@post_only
@login_required
def pact_open(request, group_pk: int):
    group = get_group_for(request.user, group_pk)
    if not permissions.can_edit_group(request.user, group):
        raise PermissionDenied
    form = OpenPactForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("pacts:list", group_pk=group.pk)
    try:
        pact = services.open_pact(actor=request.user, group=group, **form.cleaned_data)
    except ValidationError as error:
        _say(request, error)
        return redirect("pacts:list", group_pk=group.pk)
    messages.success(request, f"Đã mở giao ước thi đua năm {pact.year}.")
    return redirect("pacts:detail", pk=pact.pk)


def _context(request, pact) -> dict:
    runs = selectors.runs_group(request.user, pact)
    mine = selectors.own_memberships(request.user, pact)
    targets = {t.membership_id: t for t in pact.targets.all()}
    members = list(pact.group.members.select_related("unit").order_by("unit__sort_name", "pk"))
    everyone = selectors.reads_all(request.user, pact)
    shown = [(m, targets.get(m.pk)) for m in members if everyone or m in mine]
    return {
        "pact": pact, "runs": runs, "draft": pact.state == PactState.DRAFT,
        "criteria": list(pact.criteria.all()), "blank_rows": range(CRITERIA_ROWS),
        "members": list(members), "shown_targets": shown, "mine": {m.pk for m in mine},
        "heads_form": HeadsForm(members=pact.group.members.select_related("unit"),
                                initial={"head": pact.head_id,
                                                         "deputy": pact.deputy_id}),
        "sign_form": SignForm(), "reason_form": ReasonForm(), "scan_form": ScanForm(),
        "actions": allowed_actions(request.user, pact), "history": history(pact),
        "can_upload": selectors.hosts(request.user, pact),
    }  # fmt: skip


@read_only
@login_required
def pact_detail(request, pk: int):
    pact = selectors.get_pact_for(request.user, pk)
    return render(request, "pacts/pact_detail.html", _context(request, pact))


@post_only
@login_required
def pact_criteria(request, pk: int):
    pact = selectors.get_pact_for(request.user, pk)
    _runner(request, pact)
    texts, points = request.POST.getlist("text"), request.POST.getlist("max_points")
    weights = request.POST.getlist("weight")
    rows = list(zip(texts, points, weights + [""] * (len(texts) - len(weights)), strict=False))
    try:
        if len(texts) != len(points) or len(weights) > len(texts):
            raise ValidationError("Bảng tiêu chí gửi lên không đủ cột; hãy tải lại trang.")
        count = services.save_criteria(actor=request.user, pact=pact, rows=rows)
    except ValidationError as error:
        _say(request, error)
        context = _context(request, pact) | {"typed": rows}
        return render(request, "pacts/pact_detail.html", context, status=400)
    messages.success(request, f"Đã lưu {count} tiêu chí.")
    return redirect("pacts:detail", pk=pact.pk)


@post_only
@login_required
def pact_heads(request, pk: int):
    pact = selectors.get_pact_for(request.user, pk)
    _runner(request, pact)
    form = HeadsForm(request.POST, members=pact.group.members.select_related("unit"))
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        services.set_heads(actor=request.user, pact=pact, **form.cleaned_data)
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, "Đã lưu trưởng, phó cụm, khối.")
    return redirect("pacts:detail", pk=pact.pk)


@post_only
@login_required
def pact_target(request, pk: int, membership_pk: int):
    pact = selectors.get_pact_for(request.user, pk)
    mine = {m.pk: m for m in selectors.own_memberships(request.user, pact)}
    if membership_pk not in mine:
        raise PermissionDenied
    form = TargetForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Cần nội dung chỉ tiêu đăng ký (tối đa 5.000 ký tự).")
        services.register_target(actor=request.user, pact=pact, membership=mine[membership_pk],
                                 text=form.cleaned_data["text"])  # fmt: skip
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, "Đã lưu chỉ tiêu đăng ký.")
    return redirect("pacts:detail", pk=pact.pk)


@post_only
@login_required
def pact_action(request, pk: int, action: str):
    pact = selectors.get_pact_for(request.user, pk)
    if action not in PactAction.values:
        raise Http404
    form = SignForm(request.POST) if action == PactAction.SIGN else ReasonForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("pacts:detail", pk=pact.pk)
    data = form.cleaned_data
    try:
        transition(pact, action, by=request.user, reason=data.get("reason", ""), data=data)
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        _say(request, error)
    else:
        messages.success(request, f"Đã {PactAction(action).label.lower()}.")
    return redirect("pacts:detail", pk=pact.pk)


@post_only
@login_required
def pact_scan(request, pk: int):
    pact = selectors.get_pact_for(request.user, pk)
    if not selectors.hosts(request.user, pact):
        raise PermissionDenied
    form = ScanForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError("Cần chọn tệp bản giao ước đã ký.")
        services.attach_scan(actor=request.user, pact=pact, upload=form.cleaned_data["file"])
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, "Đã tải lên bản giao ước đã ký.")
    return redirect("pacts:detail", pk=pact.pk)


@read_only
@login_required
def pact_scan_download(request, pk: int):
    pact = selectors.get_pact_for(request.user, pk)
    if not pact.scan:
        raise Http404
    extension = pact.scan.name.rsplit(".", 1)[-1]
    return stored_file(pact.scan, f"{_name(pact)} (đã ký).{extension}")


@read_only
@login_required
def pact_word(request, pk: int):
    pact = selectors.get_pact_for(request.user, pk)
    return attachment(pact_docx(pact), DOCX_TYPE, f"{_name(pact)}.docx")


def _name(pact) -> str:
    return f"Giao ước thi đua {pact.year} - {pact.group}"
