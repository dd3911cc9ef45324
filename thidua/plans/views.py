"""Plans: the list, a new draft (typed or read from its document), the plan page, the
compliance board with its export, issuing and closing, and the plan's files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, post_only, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.core.search import word_filter
from thidua.core.text import clean_text
from thidua.documents.docx import DOCX_TYPE
from thidua.documents.frame import file_name
from thidua.documents.response import attachment, stored_file
from thidua.exports.services import export_response
from thidua.plans import drafts, selectors
from thidua.plans.forms import PlanForm
from thidua.plans.models import PlanStatus
from thidua.plans.plan_docx import plan_docx
from thidua.plans.reports import board_filters
from thidua.units.scope import is_officer
from thidua.units.selectors import get_unit_for, visible_groups
from thidua.workflow.engine import Refused, allowed_actions, history, transition

BOARD_PAGE = 50


def higher_plans(user, unit):
    """Plans a new plan of `unit` may implement: issued by one of its ancestors."""
    return (
        selectors.visible_plans(user)
        .filter(issuer_id__in=unit.ancestor_ids, status__in=[PlanStatus.ISSUED, PlanStatus.CLOSED])
        .order_by("-issued_on")
    )


@read_only
@login_required
def plan_list(request):
    plans = selectors.visible_plans(request.user).select_related("issuer")
    q = clean_text(request.GET.get("q", ""))[:100]
    plans = word_filter(plans, "search_text", q).order_by("-created_at", "-pk")
    context = {"page": paginate(request, plans), "query": query_without_page(request), "q": q}
    return render(request, "plans/plan_list.html", context)


@form_view
@login_required
def plan_create(request, unit_pk: int):
    """A draft typed by hand, for a plan without a document to read."""
    unit = get_unit_for(request.user, unit_pk)
    if not is_officer(request.user, unit):
        raise PermissionDenied
    form = PlanForm(request.POST or None, higher_plans=higher_plans(request.user, unit))
    if request.method == "POST" and form.is_valid():
        try:
            plan = drafts.create_plan(actor=request.user, issuer=unit, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect(plan)
    return render(request, "plans/plan_form.html", {"unit": unit, "form": form, "plan": None})


@read_only
@login_required
def plan_detail(request, pk: int):
    plan = selectors.get_plan_for(request.user, pk)
    today = timezone.localdate()
    context = {
        "plan": plan, "can_manage": is_officer(request.user, plan.issuer), "today": today,
        "actions": [name for name, _step in allowed_actions(request.user, plan)],
        "changes": history(plan),
        "milestones": selectors.milestones_with_counts(plan),
        "rule_sets": plan.rule_sets.order_by("pk"), "files": plan.files.order_by("pk"),
        "counts": None if plan.status == "draft"
        else selectors.board_counts(plan, today, request.user),
        "labels": selectors.STATUS_LABELS, "tree": selectors.plan_tree(plan, request.user),
    }  # fmt: skip
    return render(request, "plans/plan_detail.html", context)


@read_only
@login_required
def plan_board(request, pk: int):
    """Units × milestones with each obligation's status; filters; XLSX for the issuer."""
    plan = selectors.get_plan_for(request.user, pk)
    today = timezone.localdate()
    if request.GET.get("format"):
        return export_response(request, "board", request.GET["format"], plan_id=plan.pk)
    filters = board_filters(request.user, request.GET)
    obligations = selectors.board_obligations(request.user, plan, today, **filters)
    can_manage = is_officer(request.user, plan.issuer)
    page = paginate(request, selectors.board_units(obligations), per_page=BOARD_PAGE)
    cells = selectors.board_cells(plan, page.object_list, today)
    milestones = list(plan.milestones.all())
    rows = [(unit, [cells.get(unit.pk, {}).get(m.pk) for m in milestones]) for unit in page]
    context = {
        "plan": plan, "can_manage": can_manage, "milestones": milestones, "rows": rows,
        "page": page, "query": query_without_page(request), "filters": filters,
        "labels": selectors.STATUS_LABELS,
        "counts": selectors.board_counts(plan, today, request.user),
        "groups": visible_groups(request.user).order_by("name")[:200],
    }  # fmt: skip
    return render(request, "plans/plan_board.html", context)


def _status_change(request, pk: int, action: str, done: str):
    """Issue or close: who may, from which status, and on what conditions is the plan
    workflow's (workflows.py); a refused role answers 403, anything else is said."""
    plan = selectors.get_plan_for(request.user, pk)
    try:
        transition(plan, action, by=request.user)
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(plan)


@post_only
@login_required
def plan_issue(request, pk: int):
    done = "Đã ban hành; các đơn vị thực hiện đã có nghĩa vụ của mình."
    return _status_change(request, pk, "issue", done)


@post_only
@login_required
def plan_close(request, pk: int):
    return _status_change(request, pk, "close", "Đã kết thúc kế hoạch.")


@read_only
@login_required
def plan_file(request, pk: int, file_pk: int):
    plan = selectors.get_plan_for(request.user, pk)
    attached = get_object_or_404(plan.files, pk=file_pk)
    return stored_file(attached.file, attached.original_name)


def require_draft_officer(request, pk: int):
    """The plan, if the user is an officer of its issuer and it is still a draft."""
    plan = selectors.get_plan_for(request.user, pk)
    if not is_officer(request.user, plan.issuer):
        raise PermissionDenied
    if plan.status != PlanStatus.DRAFT:
        messages.error(request, "Kế hoạch đã ban hành; không sửa được nữa.")
        return plan, False
    return plan, True


@read_only
@login_required
def plan_document(request, pk: int):
    """The plan as Word in the state format, from its data, for its issuer's officers to
    complete and sign (a unit that owes work under it reads the issued plan's own files)."""
    plan = selectors.get_plan_for(request.user, pk)
    if not is_officer(request.user, plan.issuer):
        raise PermissionDenied
    name = file_name(plan.title, plan.issuer.name, extension="docx")
    return attachment(plan_docx(plan), DOCX_TYPE, name)
