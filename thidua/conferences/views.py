"""Conference pages: list, create and edit, the page with its findings and transitions,
the delegate list with the what-if panel (htmx), check-in by QR, quotas and roll-up, the
dossier and the brief-profile exports."""

from functools import reduce
from operator import or_

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from thidua.conferences import delegates as delegate_services
from thidua.conferences import dossier, selectors, services
from thidua.conferences.checks import check_conference
from thidua.conferences.enums import ConferenceAction, ConferenceStatus, DelegateCategory
from thidua.conferences.forms import AgendaFormSet, ConferenceForm, DelegateForm, OutcomeForm
from thidua.conferences.workflows import needs_late_reason
from thidua.core.forms import apply_service_errors, is_id
from thidua.core.http import form_view, post_only, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.core.search import word_filter
from thidua.exemplars.enums import Stage
from thidua.exemplars.models import Exemplar, Subject
from thidua.plans.models import Plan, PlanStatus
from thidua.plans.selectors import visible_plans
from thidua.units.models import Unit
from thidua.units.scope import is_officer, scope_for
from thidua.units.selectors import clean_query, get_unit_for
from thidua.workflow.engine import Refused, allowed_actions, history, transition

DELEGATE_PAGE = 100
# «Every page» acts on at most this many delegates at once: more than any conference of the
# samples seats, so that a mistaken click on a national list stays bounded.
DELEGATE_BULK_MAX = 3000


def managed(request, pk: int):
    """The conference, if the user is an officer of its unit."""
    conference = selectors.own_conference_for(request.user, pk)
    if not is_officer(request.user, conference.unit):
        raise PermissionDenied
    return conference


def _plans_for(user, unit):
    """Issued plans of the unit's ancestors (the plan a conference answers to)."""
    issuers = [*unit.ancestor_ids, unit.pk]
    return visible_plans(user).filter(issuer_id__in=issuers, status=PlanStatus.ISSUED)


def _within(paths, prefix: str = "") -> Q:
    return reduce(or_, (Q(**{f"{prefix}path__startswith": path}) for path in paths))


@read_only
@login_required
def conference_list(request):
    q = clean_query(request.GET.get("q", ""))
    conferences = selectors.visible_conferences(request.user).select_related("unit")
    conferences = word_filter(conferences, "search_name", q)
    context = {
        "page": paginate(request, conferences.order_by("-period_start", "unit__sort_name", "pk")),
        "query": query_without_page(request), "q": q,
    }  # fmt: skip
    return render(request, "conferences/list.html", context)


@form_view
@login_required
def conference_create(request, unit_pk: int):
    unit = get_unit_for(request.user, unit_pk)
    if not is_officer(request.user, unit):
        raise PermissionDenied
    year = timezone.localdate().year
    initial = {"period_start": year - year % 5, "period_end": year - year % 5 + 5}
    form = ConferenceForm(
        request.POST or None, initial=initial, unit=unit, plans=_plans_for(request.user, unit)
    )
    if request.method == "POST" and form.is_valid():
        try:
            conference = services.create_conference(
                actor=request.user, unit=unit, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect(conference)
    return render(request, "conferences/form.html", {"form": form, "unit": unit})


@form_view
@login_required
def conference_edit(request, pk: int):
    conference = managed(request, pk)
    form = ConferenceForm(
        request.POST or None, instance=conference, unit=conference.unit, plans=Plan.objects.none()
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_conference(
                actor=request.user, conference=conference, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect(conference)
    context = {"form": form, "unit": conference.unit, "conference": conference}
    return render(request, "conferences/form.html", context)


@read_only
@login_required
def conference_detail(request, pk: int):
    conference = selectors.get_conference_for(request.user, pk)
    own = scope_for(request.user).covers(conference.unit.path)
    context = {
        "conference": conference,
        "findings": check_conference(conference) if own else [],
        "can_manage": own and is_officer(request.user, conference.unit),
        "actions": allowed_actions(request.user, conference) if own else [],
        "late_reason": needs_late_reason(conference),
        "attendance": selectors.attendance(conference) if conference.status != "draft" else None,
        "changes": history(conference),
        "agenda": conference.agenda.all(),
        "dossier": dossier.dossier_rows(conference),
        "outcome_form": OutcomeForm(instance=conference)
        if conference.status == ConferenceStatus.HELD
        else None,
        "honoured": selectors.honoured_below(conference)[:50] if own else [],
    }
    return render(request, "conferences/detail.html", context)


@post_only
@login_required
def conference_transition(request, pk: int, action: str):
    conference = selectors.own_conference_for(request.user, pk)
    try:
        transition(conference, action, by=request.user,
                   reason=request.POST.get("reason", "")[:2000])  # fmt: skip
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Đã {ConferenceAction(action).label.lower()}.")
        if action == ConferenceAction.HOLD:
            _warn_unrecognised(request, conference)
    return redirect(conference)


def _warn_unrecognised(request, conference) -> None:
    """Honourees still short of a required criterion stay in nurturing (exemplars'
    subscriber): say how many, so the officer completes their checklists."""
    row = history(conference)[-1]
    if waiting := len(row.payload.get("unrecognised_exemplars", [])):
        messages.warning(request, f"{waiting} điển hình được tuyên dương chưa đạt đủ tiêu chí "
                                  "bắt buộc nên vẫn ở giai đoạn bồi dưỡng; hoàn thành bảng tiêu "
                                  "chí rồi công nhận trên trang điển hình.")  # fmt: skip


def _what_if(request) -> dict:
    adjust = {}
    for key in ("exemplary", "guest"):
        value = request.GET.get(key, "").strip().lstrip("+")
        sign = -1 if value.startswith("-") else 1
        digits = value.lstrip("-")
        if is_id(digits) and len(digits) <= 5:
            adjust[key] = sign * int(digits)
    return adjust


@read_only
@login_required
def findings_panel(request, pk: int):
    """The findings, with what-if adjustments from the query string (htmx partial)."""
    conference = selectors.own_conference_for(request.user, pk)
    adjust = _what_if(request)
    context = {
        "conference": conference,
        "adjust": adjust,
        "findings": check_conference(conference, adjust=adjust),
    }
    return render(request, "conferences/_findings.html", context)


def _delegate_form(conference, data=None, instance=None):
    """The delegate form: exemplars (not declined or withdrawn) and people of the unit, of
    the units below and of its former units, chosen by typing; the delegate's unit from
    the same subtrees (a village's exemplar, an imported row's unit code)."""
    unit = conference.unit
    paths = [unit.path, *unit.predecessors.values_list("path", flat=True)]  # domain README §2
    exemplars = Exemplar.objects.filter(_within(paths, "unit__")).exclude(
        stage__in=[Stage.DECLINED, Stage.WITHDRAWN]
    )
    return DelegateForm(data, exemplars=exemplars.select_related("subject"),
                        subjects=Subject.objects.filter(_within(paths, "unit__")), unit=unit,
                        units=Unit.objects.filter(_within(paths)),
                        instance=instance)  # fmt: skip


@form_view
@login_required
def delegate_list(request, pk: int):
    conference = selectors.own_conference_for(request.user, pk)
    category = request.GET.get("category", "")
    category = category if category in DelegateCategory.values else ""
    form = _delegate_form(conference)
    if request.method == "POST":
        if not is_officer(request.user, conference.unit):
            raise PermissionDenied
        form = _delegate_form(conference, request.POST)
        if form.is_valid():
            try:
                delegate_services.add_delegate(
                    actor=request.user, conference=conference, **form.cleaned_data
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, "Đã thêm đại biểu.")
                return redirect("conferences:delegates", pk=conference.pk)
    context = {
        "conference": conference,
        "form": form,
        "category": category,
        "categories": DelegateCategory.choices,
        "query": query_without_page(request),
        "page": paginate(
            request, selectors.delegate_list(conference, category=category), per_page=DELEGATE_PAGE
        ),
        "findings": check_conference(conference),
        "can_manage": is_officer(request.user, conference.unit),
    }
    return render(request, "conferences/delegates.html", context)


@form_view
@login_required
def delegate_edit(request, pk: int, delegate_pk: int):
    """Correct a delegate after adding or importing (not who they are: the subject or
    exemplar they come from stays)."""
    conference = managed(request, pk)
    delegate = get_object_or_404(conference.delegates, pk=delegate_pk)
    form = _delegate_form(conference, request.POST or None, instance=delegate)
    for name in ("exemplar", "subject"):
        del form.fields[name]
    if request.method == "POST" and form.is_valid():
        try:
            delegate_services.update_delegate(actor=request.user, delegate=delegate,
                                              **form.cleaned_data)  # fmt: skip
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã sửa thông tin {delegate.full_name}.")
            return redirect("conferences:delegates", pk=conference.pk)
    context = {"conference": conference, "delegate": delegate, "form": form}
    return render(request, "conferences/delegate_edit.html", context)


PICK_PAGE = 100


@form_view
@login_required
def delegate_pick(request, pk: int):
    """Many exemplars at once: the recognised exemplars of the unit and below not yet
    delegates, searched by name, ticked (or all ticked on the page), added in one post."""
    conference = managed(request, pk)
    if request.method == "POST":
        pks = [value for value in request.POST.getlist("pk") if is_id(value)][:PICK_PAGE]
        return _added(request, conference, pks)
    q = clean_query(request.GET.get("q", ""))
    offered = delegate_services.offered_exemplars(conference)
    if q:
        offered = word_filter(offered, "search_text", q)
    context = {"conference": conference, "q": q, "query": query_without_page(request),
               "page": paginate(request, offered, per_page=PICK_PAGE)}  # fmt: skip
    return render(request, "conferences/delegate_pick.html", context)


@post_only
@login_required
def delegate_add_all(request, pk: int):
    """Every recognised exemplar of the unit and below, in one action."""
    return _added(request, managed(request, pk), None)


def _added(request, conference, pks):
    try:
        added = delegate_services.add_exemplars(actor=request.user, conference=conference,
                                                pks=pks)  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã thêm {added} đại biểu từ điển hình đã được công nhận.")
    return redirect("conferences:delegates", pk=conference.pk)


def _category(data) -> str:
    category = data.get("category", "")
    return category if category in DelegateCategory.values else ""


def _chosen(request, conference):
    """The delegates ticked on the page, or with «all» every delegate the list's filter
    shows, on every page (one query, not a list of ids), up to DELEGATE_BULK_MAX."""
    if request.POST.get("all") == "1":
        chosen = selectors.delegate_list(conference, category=_category(request.POST))
        if chosen.count() > DELEGATE_BULK_MAX:
            raise ValidationError(f"Mỗi lần xử lý tối đa {DELEGATE_BULK_MAX} đại biểu; "
                                  "hãy lọc theo thành phần rồi làm từng phần.")  # fmt: skip
        return chosen.values("pk")
    return [value for value in request.POST.getlist("pk") if is_id(value)][:DELEGATE_PAGE]


@post_only
@login_required
def delegate_bulk(request, pk: int):
    """Remove, approve, confirm or check in («có mặt») the delegates ticked on the list (who
    may is the delegate workflow's to say; removing is the conference's officers'). Removing
    every page's delegates asks first, on a page of its own (it works without JavaScript)."""
    action = request.POST.get("action", "")
    try:
        if action == "remove":
            conference = managed(request, pk)
            chosen = _chosen(request, conference)
            if request.POST.get("all") == "1" and not _confirmed(request, chosen):
                return _confirm_removal(request, conference, chosen)
            done = delegate_services.remove_delegates(
                actor=request.user, conference=conference, pks=chosen
            )
        elif action in {"approve", "confirm", "attend"}:
            conference = selectors.own_conference_for(request.user, pk)
            done = delegate_services.move_delegates(
                actor=request.user, conference=conference, pks=_chosen(request, conference),
                action=action,
            )  # fmt: skip
        else:
            raise PermissionDenied
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        messages.error(request, " ".join(error.messages))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã xử lý {done} đại biểu.")
    return _back_to_list(pk, _category(request.POST))


def _confirmed(request, chosen) -> bool:
    """Confirmed for as many delegates as the filter holds now: the officer confirmed the
    number shown, and a list that changed since is shown again, not removed unseen."""
    return request.POST.get("confirmed") == "1" and request.POST.get("count") == str(chosen.count())


def _confirm_removal(request, conference, chosen):
    category = _category(request.POST)
    if conference.status in delegate_services.CLOSED:  # refused before asking, not after
        raise ValidationError("Hội nghị đã tổ chức; danh sách đại biểu không đổi được nữa.")
    context = {"conference": conference, "count": chosen.count(), "category": category,
               "category_label": dict(DelegateCategory.choices).get(category, ""),
               "changed": request.POST.get("confirmed") == "1"}  # fmt: skip
    return render(request, "conferences/delegate_remove_confirm.html", context)


def _back_to_list(pk: int, category: str):
    """The list as the officer left it: the category filter is kept."""
    response = redirect("conferences:delegates", pk=pk)
    if category:
        response["Location"] += f"?category={category}"
    return response


@form_view
@login_required
def agenda_edit(request, pk: int):
    """Edit the agenda copied from the samples' template: reorder, rename, add, drop."""
    conference = managed(request, pk)
    formset = AgendaFormSet(request.POST or None, queryset=conference.agenda.all())
    if request.method == "POST" and formset.is_valid():
        try:
            services.save_agenda(actor=request.user, conference=conference, formset=formset)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Đã lưu chương trình.")
        return redirect(conference)
    return render(
        request, "conferences/agenda.html", {"conference": conference, "formset": formset}
    )
