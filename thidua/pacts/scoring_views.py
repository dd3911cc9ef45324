"""The scoring pages of a pact: a review's page (the members' cards as far as the user may
see them, the ranking once published, the publication for the standing body) and a card's
page (the member scores itself and sends it; the head or the standing body adjusts a line
with its reason, or returns the card)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from thidua.core.forms import is_id
from thidua.core.http import post_only, read_only
from thidua.documents.attachments import attach_from_request
from thidua.documents.response import stored_file
from thidua.pacts import scoring, selectors
from thidua.pacts.forms import ReasonForm
from thidua.pacts.models import CardState, Review, ScoreLine
from thidua.pacts.subscribers import propose_government_flag
from thidua.workflow.engine import Refused, allowed_actions, history, transition


def _review(review: str) -> str:
    if review not in Review.values:
        raise Http404
    return review


def _say(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@read_only
@login_required
def review_page(request, pk: int, review: str):
    pact = selectors.get_pact_for(request.user, pk)
    review = _review(review)
    ranking = pact.rankings.filter(review=review).first()
    criteria = list(pact.criteria.all())
    cards = list(pact.cards.filter(review=review).select_related("membership__unit")
                 .prefetch_related("lines"))  # fmt: skip
    published = ranking is not None and ranking.state == "published"
    for card in cards:
        card.pact = pact
    shown = [(card, scoring.total_of(card, criteria)[0]) for card in cards
             if selectors.may_see_card(request.user, card, published)]  # fmt: skip
    context = {
        "pact": pact, "review": review, "review_label": Review(review).label,
        "ranking": ranking, "shown": shown, "tie_rule": scoring.TIE_RULE,
        "own": selectors.own_memberships(request.user, pact),
        "started": {card.membership_id for card in cards},
        "actions": allowed_actions(request.user, ranking) if ranking else [],
        "can_publish": selectors.runs_group(request.user, pact), "reason_form": ReasonForm(),
        "voting": scoring.by_votes(pact, review), "members": list(
            pact.group.members.select_related("unit").order_by("unit__sort_name", "pk")),
        "my_votes": {v.voter_id: v.choice_id for v in (ranking.votes.all() if ranking else [])},
    }  # fmt: skip
    return render(request, "pacts/review.html", context)


@post_only
@login_required
def vote(request, pk: int, membership_pk: int):
    """A member's vote for the unit leading the year (suy tôn)."""
    pact = selectors.get_pact_for(request.user, pk)
    mine = {m.pk: m for m in selectors.own_memberships(request.user, pact)}
    ranking = pact.rankings.filter(review=Review.YEAR).first()
    if membership_pk not in mine or ranking is None:
        raise PermissionDenied
    asked = request.POST.get("choice", "")
    wanted = int(asked) if is_id(asked) else None
    choice = pact.group.members.filter(pk=wanted).first() if wanted else None
    try:
        scoring.cast_vote(actor=request.user, ranking=ranking, voter=mine[membership_pk],
                          choice=choice)  # fmt: skip
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, "Đã ghi phiếu suy tôn.")
    return redirect("pacts:review", pk=pact.pk, review=Review.YEAR)


@post_only
@login_required
def government_flag(request, pk: int):
    """The standing body proposes the year's first for the Government's flag."""
    pact = selectors.get_pact_for(request.user, pk)
    ranking = pact.rankings.filter(review=Review.YEAR).first()
    if ranking is None or not selectors.runs_group(request.user, pact):
        raise PermissionDenied
    try:
        propose_government_flag(actor=request.user, ranking=ranking)
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, "Đã lập dự thảo đề nghị Cờ thi đua của Chính phủ.")
    return redirect("pacts:review", pk=pact.pk, review=Review.YEAR)


@post_only
@login_required
def card_start(request, pk: int, review: str, membership_pk: int):
    pact = selectors.get_pact_for(request.user, pk)
    mine = {m.pk: m for m in selectors.own_memberships(request.user, pact)}
    if membership_pk not in mine:
        raise PermissionDenied
    try:
        card = scoring.card_of(pact, mine[membership_pk], _review(review))
    except ValidationError as error:
        _say(request, error)
        return redirect("pacts:review", pk=pact.pk, review=review)
    return redirect(card)


def _is_own(request, card) -> bool:
    """Whether the user is an officer of the card's member (who scores it)."""
    mine = selectors.own_memberships(request.user, card.pact)
    return any(m.pk == card.membership_id for m in mine)


def _card_context(request, card) -> dict:
    lines = {line.criterion_id: line for line in card.lines.all()}
    criteria = list(card.pact.criteria.all())
    own = _is_own(request, card)
    return {
        "card": card, "pact": card.pact, "rows": [(c, lines.get(c.pk)) for c in criteria],
        "total": scoring.total_of(card, criteria)[0], "editable": own and
        card.state == CardState.DRAFT, "can_adjust": selectors.may_adjust(request.user, card)
        and card.state == CardState.SUBMITTED, "actions": allowed_actions(request.user, card),
        "reason_form": ReasonForm(), "history": history(card), "files": list(card.files.all()),
    }  # fmt: skip


@read_only
@login_required
def card_page(request, pk: int):
    card = selectors.get_card_for(request.user, pk)
    return render(request, "pacts/card.html", _card_context(request, card))


@post_only
@login_required
def card_scores(request, pk: int):
    card = selectors.get_card_for(request.user, pk)
    if not _is_own(request, card):
        raise PermissionDenied
    points = {c.pk: request.POST.get(f"points_{c.pk}", "") for c in card.pact.criteria.all()}
    try:
        scoring.save_self_scores(actor=request.user, card=card, points=points,
                                 note=request.POST.get("note", ""))  # fmt: skip
    except ValidationError as error:
        _say(request, error)
        context = _card_context(request, card) | {
            "typed": points,
            "typed_note": request.POST.get("note", ""),
        }
        return render(request, "pacts/card.html", context, status=400)
    messages.success(request, "Đã lưu điểm tự chấm.")
    return redirect(card)


@post_only
@login_required
def card_adjust(request, pk: int, line_pk: int):
    card = selectors.get_card_for(request.user, pk)
    if not selectors.may_adjust(request.user, card):
        raise PermissionDenied
    line = ScoreLine.objects.filter(card=card, pk=line_pk).select_related("criterion").first()
    if line is None:
        raise Http404
    try:
        scoring.adjust_score(actor=request.user, line=line, points=request.POST.get("points", ""),
                             reason=request.POST.get("reason", "")[:2000])  # fmt: skip
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, f"Đã điều chỉnh điểm «{line.criterion.text}».")
    return redirect(card)


def _moved(request, obj, action: str, back):
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        transition(obj, action, by=request.user, reason=reason)
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        _say(request, error)
    else:
        messages.success(request, "Đã ghi nhận.")
    return back


@post_only
@login_required
def card_action(request, pk: int, action: str):
    card = selectors.get_card_for(request.user, pk)
    return _moved(request, card, action, redirect(card))


@post_only
@login_required
def ranking_action(request, pk: int, review: str, action: str):
    pact = selectors.get_pact_for(request.user, pk)
    ranking = pact.rankings.filter(review=_review(review)).first()
    if ranking is None:
        raise Http404
    return _moved(request, ranking, action, redirect("pacts:review", pk=pact.pk, review=review))


@post_only
@login_required
def card_file(request, pk: int):
    card = selectors.get_card_for(request.user, pk)
    if not _is_own(request, card):
        raise PermissionDenied
    attach_from_request(request, lambda upload: scoring.attach_card_file(
        actor=request.user, card=card, upload=upload))  # fmt: skip
    return redirect(card)


@read_only
@login_required
def card_file_download(request, pk: int, file_pk: int):
    card = selectors.get_card_for(request.user, pk)
    row = card.files.filter(pk=file_pk).first()
    if row is None:
        raise Http404
    return stored_file(row.file, row.name, row.content_type)
