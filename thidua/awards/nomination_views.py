"""Pages of nominations: the list of the user's units' nominations and the inbox of those
waiting for them, one nomination with its eligibility, history and actions, and the bulk
actions (draft from «Ai đủ điều kiện», send, receive… many at once)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone

from thidua.awards import dossier, eligibility, nominations
from thidua.awards.dossier_views import AttachForm, batch_size
from thidua.awards.models import Award, NominationAction, NominationState
from thidua.core.forms import is_id
from thidua.core.http import form_view, post_only, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.exemplars.models import Subject
from thidua.exemplars.permissions import can_add_subject
from thidua.units.selectors import get_unit_for
from thidua.workflow.engine import Refused, allowed_actions, history, transition

BULK = [NominationAction.SUBMIT, NominationAction.RECEIVE, NominationAction.WITHDRAW]


@read_only
@login_required
def nomination_list(request):
    """«Đề nghị khen thưởng»: the user's units' nominations, or (?hop=den) those waiting."""
    waiting = request.GET.get("hop") == "den"
    rows = (
        nominations.inbox(request.user)
        if waiting
        else nominations.visible_nominations(request.user)
    )
    state = request.GET.get("trang_thai", "")
    if state in NominationState.values:
        rows = rows.filter(state=state)
    if (year := request.GET.get("nam", "")).isdigit():
        rows = rows.filter(year=int(year))
    rows = rows.select_related("subject", "award", "unit", "at_unit").order_by("-created_at", "-pk")
    context = {"page": paginate(request, rows), "query": query_without_page(request),
               "waiting": waiting, "states": NominationState.choices, "state": state,
               "bulk": [(a.value, a.label) for a in BULK],
               "attach_form": AttachForm(use_required_attribute=False),
               "today": timezone.localdate()}  # fmt: skip
    return render(request, "awards/nominations.html", context)


@read_only
@login_required
def nomination_detail(request, pk: int):
    nomination = nominations.get_nomination_for(request.user, pk)
    actions = [(name, step) for name, step in allowed_actions(request.user, nomination)
               if name != NominationAction.DECIDE]  # fmt: skip
    verdict = eligibility.evaluate(nomination.subject, nomination.award, nomination.year)
    context = {"nomination": nomination, "actions": actions, "verdict": verdict,
               "history": history(nomination), "dossier": dossier.checklist(nomination),
               "can_edit_dossier": dossier.can_edit(request.user, nomination),
               "attach_form": AttachForm(), "batch": batch_size(nomination),
               "at_home": nomination.state in dossier.HOME}  # fmt: skip
    return render(request, "awards/nomination.html", context)


@post_only
@login_required
def nomination_act(request, pk: int, action: str):
    """Any action of the nomination workflow; who may take it is the declaration's."""
    nomination = nominations.get_nomination_for(request.user, pk)
    try:
        transition(
            nomination, action, by=request.user, reason=request.POST.get("reason", "")[:2000]
        )
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã thực hiện.")
    return redirect(nomination)


def _report(request, batch, done_text: str) -> None:
    if batch.done:
        messages.success(request, f"{done_text}: {len(batch.done)}.")
    for item, why in batch.refused[:20]:
        messages.error(request, f"{item}: {why}")
    if len(batch.refused) > 20:
        messages.error(
            request, f"… và {len(batch.refused) - 20} trường hợp khác không thực hiện được."
        )


@form_view
@login_required
def nominate_from_eligible(request):
    """Draft nominations for the subjects ticked on «Ai đủ điều kiện»."""
    if request.method != "POST":
        return redirect("awards:eligible")
    unit_id = request.POST.get("don_vi", "")
    unit = get_unit_for(request.user, unit_id if is_id(unit_id) else 0)
    if not can_add_subject(request.user, unit):
        raise PermissionDenied("Chỉ cán bộ của đơn vị được lập đề nghị.")
    award = Award.objects.filter(code=request.POST.get("danh_hieu", "")).first()
    year = request.POST.get("nam", "")
    ids = [pk for pk in request.POST.getlist("doi_tuong") if is_id(pk)]
    if award is None or not year.isdigit() or not ids:
        messages.error(request, "Chọn danh hiệu, năm và ít nhất một đối tượng.")
        return redirect("awards:eligible")
    subjects = Subject.objects.filter(pk__in=ids, unit__path__startswith=unit.path).select_related(
        "unit"
    )
    batch = nominations.nominate_many(actor=request.user, unit=unit, award=award, year=int(year),
                                      subjects=subjects)  # fmt: skip
    _report(request, batch, "Đã lập đề nghị (dự thảo)")
    return redirect(f"/khen-thuong/de-nghi/?trang_thai=draft&nam={year}")


@post_only
@login_required
def nominations_bulk(request):
    """One action on the nominations ticked in the list."""
    action = request.POST.get("action", "")
    if action not in {a.value for a in BULK}:
        messages.error(request, "Chọn thao tác.")
        return redirect("awards:nominations")
    ids = [pk for pk in request.POST.getlist("chon") if is_id(pk)]
    rows = nominations.visible_nominations(request.user).filter(pk__in=ids)
    batch = nominations.act_on_many(actor=request.user, nominations=rows, action=action)
    _report(request, batch, f"Đã «{NominationAction(action).label}»")
    return redirect(
        request.POST.get("next")
        if str(request.POST.get("next", "")).startswith("/khen-thuong/")
        else "awards:nominations"
    )
