"""The contest's public pages (/guong-nguoi-tot/<mã>/, no login): its rules, the form to
send a story while it receives them, the winners once announced; and the author's private
page for a story, where it is edited and sent again when changes are asked. Spam is held
off without anything external: a honeypot field, a limit per address, size and type
checks on every field and photo."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from thidua.contests import selectors, services
from thidua.contests.forms import EntryForm, ResubmitForm
from thidua.contests.models import ContestState, Entry, EntryPhoto, EntryState
from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, read_only
from thidua.documents.response import stored_image
from thidua.public.limits import over_limit
from thidua.workflow.engine import Refused


def _receiving(contest) -> bool:
    today = timezone.localdate()
    return contest.state == ContestState.OPEN and contest.opens_on <= today <= contest.closes_on


@form_view
def contest_page(request, token: str):
    contest = selectors.public_contest(token)
    form = EntryForm(contest=contest) if _receiving(contest) else None
    status = 200
    if request.method == "POST" and form is not None:
        form = EntryForm(request.POST, request.FILES, contest=contest)
        entry, status = _send(request, contest, form)
        if entry is not None:
            return redirect("contest_public:entry", secret=entry.secret)
    context = {
        "contest": contest,
        "form": form,
        "winners": selectors.winners(contest),
        "categories": contest.categories.all(),
        "prizes": contest.prizes.all(),
        "today": timezone.localdate(),
    }
    return render(request, "contests/public/contest.html", context, status=status)


def _send(request, contest, form) -> tuple[Entry | None, int]:
    """The story saved, or the status of the form shown again with what was typed. Only
    a story that would be saved counts towards the address's limit: a visitor who mistypes
    is not locked out, and a robot's invalid posts store nothing."""
    if not form.is_valid():
        return None, 400
    if over_limit(request, "contest", limit=settings.PUBLIC_STORIES_PER_HOUR, seconds=3600):
        form.add_error(None, "Địa chỉ mạng của bạn đã gửi nhiều bài trong một giờ qua. "
                             "Bài viết vẫn còn dưới đây; hãy gửi lại sau.")  # fmt: skip
        return None, 429
    data = {k: v for k, v in form.cleaned_data.items() if k not in {"agree", "website"}}
    try:
        return services.submit_entry(contest=contest, **data), 200
    except ValidationError as error:
        apply_service_errors(form, error)
        return None, 400


@form_view
def entry_page(request, secret: str):
    """The author's own page of a story (its address is the author's secret)."""
    entry = get_object_or_404(Entry.objects.select_related("contest"), secret=secret[:40])
    reason = _last_reason(entry)
    form = None
    if entry.state == EntryState.CHANGES:
        form = ResubmitForm(
            request.POST or None,
            contest=entry.contest,
            initial={n: getattr(entry, n) for n in services.TEXT_FIELDS},
        )
        if request.method == "POST" and form.is_valid():
            data = {n: form.cleaned_data[n] for n in services.TEXT_FIELDS}
            try:
                services.resubmit_entry(entry=entry, **data)
            except (ValidationError, Refused) as error:
                apply_service_errors(form, ValidationError(error.messages))
            else:
                return redirect("contest_public:entry", secret=entry.secret)
    return render(
        request,
        "contests/public/entry.html",
        {"entry": entry, "form": form, "reason": reason},
        status=400 if form is not None and form.errors else 200,
    )


def _last_reason(entry) -> str:
    from thidua.workflow.engine import history  # noqa: PLC0415 -- only this page needs it

    moves = [row for row in history(entry) if row.action in {"ask_changes", "reject"}]
    return moves[-1].reason if moves else ""


@read_only
def winner_photo(request, token: str):
    """A photo of a winning story, once the results are announced."""
    photo = EntryPhoto.objects.filter(
        token=token,
        entry__prize__isnull=False,
        entry__state=EntryState.ACCEPTED,
        entry__contest__state=ContestState.ANNOUNCED,
    ).first()
    if photo is None:
        raise Http404
    return stored_image(photo.thumb)
