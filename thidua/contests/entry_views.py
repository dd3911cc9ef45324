"""A story as officers read it (with its photos, moderation and «Tạo điển hình»), and the
judges' scoring page: each judge scores the accepted stories on their own account."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from thidua.contests import selectors, services
from thidua.contests.models import ContestState, EntryState, Score
from thidua.core.http import form_view, read_only
from thidua.documents.response import stored_image
from thidua.exemplars.models import Field
from thidua.units.scope import is_officer
from thidua.workflow.engine import allowed_actions


@read_only
@login_required
def entry_detail(request, pk: int, entry_pk: int):
    contest = selectors.get_contest_for(request.user, pk)
    entry = get_object_or_404(contest.entries.select_related("category", "exemplar"), pk=entry_pk)
    context = {
        "contest": contest,
        "entry": entry,
        "photos": entry.photos.all(),
        "actions": allowed_actions(request.user, entry),
        "fields": Field.objects.all(),
        "can_manage": is_officer(request.user, contest.unit),
    }
    return render(request, "contests/entry.html", context)


@read_only
@login_required
def entry_photo(request, pk: int, entry_pk: int, photo_pk: int):
    contest = selectors.get_contest_for(request.user, pk)
    entry = get_object_or_404(contest.entries, pk=entry_pk)
    photo = get_object_or_404(entry.photos, pk=photo_pk)
    return stored_image(photo.image)


def _judged(request, pk: int):
    """A contest the user judges (404 otherwise: a judge outside the unit's scope too)."""
    return get_object_or_404(request.user.judged_contests.select_related("unit"), pk=pk)


@form_view
@login_required
def judge(request, pk: int):
    """Each judge's own scores, as a table of the accepted stories by criterion. A row
    with an error keeps what was typed and names its cell; the others are saved."""
    contest = _judged(request, pk)
    criteria = list(contest.criteria.all())
    entries = list(contest.entries.filter(state=EntryState.ACCEPTED).order_by("submitted_at", "pk"))
    typed, errors = {}, []
    if request.method == "POST":
        if contest.state != ContestState.JUDGING:
            raise PermissionDenied("Cuộc thi chưa đến lúc chấm.")
        typed, errors = _save_scores(request, entries, criteria)
        if not errors:
            return redirect("contests:judge", pk=contest.pk)
    mine = {
        (s.entry_id, s.criterion_id): s.value
        for s in Score.objects.filter(judge=request.user, entry__contest=contest)
    }
    mine.update(typed)
    rows = [(entry, [(c, mine.get((entry.pk, c.pk), "")) for c in criteria]) for entry in entries]
    context = {"contest": contest, "criteria": criteria, "rows": rows, "errors": errors}
    return render(request, "contests/judge.html", context, status=400 if errors else 200)


def _save_scores(request, entries, criteria) -> tuple[dict, list[str]]:
    """Save every row typed in full; return what the rows in error hold, and the errors."""
    saved, kept, errors = 0, {}, []
    for entry in entries:
        typed = {c.pk: request.POST.get(f"s-{entry.pk}-{c.pk}", "").strip()[:10] for c in criteria}
        if not any(typed.values()):
            continue
        error = _score_row(request.user, entry, criteria, typed)
        if error:
            errors.append(f"«{entry.title}», {error}")
            kept.update({(entry.pk, pk): value for pk, value in typed.items()})
        else:
            saved += 1
    if saved:
        messages.success(request, f"Đã lưu điểm của {saved} bài.")
    return kept, errors


def _score_row(judge, entry, criteria, typed: dict) -> str:
    """ "" once the row is saved; else what is wrong, naming the criterion."""
    for criterion in criteria:
        if not typed[criterion.pk].isascii() or not typed[criterion.pk].isdigit():
            return f"«{criterion.name}»: điểm phải là số nguyên từ 0 đến {criterion.max_score}."
    try:
        services.score_entry(
            judge=judge, entry=entry, values={pk: int(v) for pk, v in typed.items()}
        )
    except ValidationError as error:
        return " ".join(error.messages)
    return ""
