"""The officers' and judges' pages of a contest (/cuoc-thi/): the contests of the scope,
setting one up, its stories to moderate, the ranking and the prizes, the workflow's
actions, and each judge's scoring page. The organising unit's officers write; a judge
scores on their own account; the others of the scope read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from thidua.contests import candidates, selectors, services
from thidua.contests.forms import ContestForm, ReasonForm
from thidua.contests.models import EntryState
from thidua.core.forms import apply_service_errors, is_id
from thidua.core.http import form_view, post_only, read_only
from thidua.core.pagination import paginate
from thidua.exemplars.models import Field
from thidua.units.scope import is_officer, is_officer_somewhere
from thidua.workflow.engine import Refused, allowed_actions, transition


def _managed(request, pk: int):
    contest = selectors.get_contest_for(request.user, pk)
    if not is_officer(request.user, contest.unit):
        raise PermissionDenied("Chỉ cán bộ của đơn vị tổ chức được làm việc này.")
    return contest


@read_only
@login_required
def contest_list(request):
    contests = selectors.visible_contests(request.user).order_by("-opens_on", "-pk")
    return render(
        request,
        "contests/list.html",
        {"page": paginate(request, contests), "can_create": is_officer_somewhere(request.user)},
    )


def _lines(rows) -> str:
    return "\n".join(f"{name}: {n}" for name, n in rows)


@form_view
@login_required
def contest_form(request, pk: int | None = None):
    contest = _managed(request, pk) if pk else None
    initial = {}
    if contest:
        initial = {
            "unit": contest.unit,
            "title": contest.title,
            "rules": contest.rules,
            "opens_on": contest.opens_on,
            "closes_on": contest.closes_on,
            "categories": "\n".join(c.name for c in contest.categories.all()),
            "prizes": _lines((p.name, p.count) for p in contest.prizes.all()),
            "criteria": _lines((c.name, c.max_score) for c in contest.criteria.all()),
            "judges": list(contest.judges.values_list("pk", flat=True)),
        }
    form = ContestForm(request.POST or None, user=request.user, contest=contest, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            contest = services.save_contest(
                actor=request.user, contest=contest, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu cuộc thi.")
            return redirect(contest)
    return render(
        request,
        "contests/form.html",
        {"form": form, "contest": contest},
        status=400 if form.errors else 200,
    )


@read_only
@login_required
def contest_detail(request, pk: int):
    contest = selectors.get_contest_for(request.user, pk)
    state = request.GET.get("trang-thai", EntryState.SUBMITTED)
    state = state if state in EntryState.values else EntryState.SUBMITTED
    entries = contest.entries.filter(state=state).select_related("category", "exemplar")
    context = {
        "contest": contest,
        "state": state,
        "states": EntryState.choices,
        "entries": paginate(request, entries.order_by("submitted_at", "pk")),
        "ranking": list(selectors.ranking(contest)[:100]),
        "prizes": contest.prizes.all(),
        "actions": allowed_actions(request.user, contest),
        "fields": Field.objects.all(),
        "can_manage": is_officer(request.user, contest.unit),
        "is_judge": contest.judges.filter(pk=request.user.pk).exists(),
    }
    return render(request, "contests/detail.html", context)


@post_only
@login_required
def contest_action(request, pk: int, action: str):
    contest = selectors.get_contest_for(request.user, pk)
    try:
        transition(contest, action, by=request.user, reason=request.POST.get("reason", ""))
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã cập nhật trạng thái cuộc thi.")
    return redirect(contest)


@post_only
@login_required
def entry_action(request, pk: int, entry_pk: int, action: str):
    """Accept, reject or ask for changes (each but accepting with the reason typed)."""
    contest = selectors.get_contest_for(request.user, pk)
    entry = get_object_or_404(contest.entries, pk=entry_pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"«{entry.title}»: {' '.join(form.errors['reason'])}")
        return redirect(entry)
    reason = form.cleaned_data["reason"]
    try:
        transition(entry, action, by=request.user, reason=reason)
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        messages.error(request, f"«{entry.title}»: {' '.join(error.messages)}")
    else:
        messages.success(request, f"«{entry.title}»: đã cập nhật.")
    return redirect(request.POST.get("next") if _safe(request.POST.get("next")) else contest)


def _safe(url) -> bool:
    return bool(url) and url.startswith("/cuoc-thi/") and "//" not in url


@post_only
@login_required
def prizes_save(request, pk: int):
    contest = _managed(request, pk)
    chosen = {
        int(name[2:]): (int(value) if is_id(value) else None)
        for name, value in request.POST.items()
        if name.startswith("g-") and is_id(name[2:])
    }
    try:
        services.set_prizes(actor=request.user, contest=contest, prizes=chosen)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã lưu giải thưởng.")
    return redirect(contest)


@post_only
@login_required
def entry_to_exemplar(request, pk: int, entry_pk: int):
    contest = _managed(request, pk)
    entry = get_object_or_404(contest.entries, pk=entry_pk)
    field = (
        Field.objects.filter(pk=request.POST.get("field") or 0).first()
        if is_id(request.POST.get("field", ""))
        else None
    )
    if field is None:
        messages.error(request, "Chọn lĩnh vực của điển hình.")
        return redirect(entry)
    try:
        exemplar = candidates.make_exemplar(actor=request.user, entry=entry, field=field)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(entry)
    messages.success(request, "Đã tạo điển hình (giai đoạn «Phát hiện») từ bài dự thi.")
    return redirect(exemplar)
