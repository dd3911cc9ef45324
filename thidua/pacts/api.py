"""Pacts, scores and rankings in the API, read through the pages' selectors: a member sees
its group's pact, its own targets and cards, and the other members' cards only once the
review's ranking is published; a unit outside the group gets 404."""

import datetime

from django.core.exceptions import ValidationError
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from thidua.core.api_errors import errors
from thidua.core.api_pagination import BoundedPageNumberPagination
from thidua.pacts import scoring, selectors
from thidua.pacts.models import CardAction, PactState, RankingAction, Review
from thidua.workflow.engine import Refused, transition

router = Router(tags=["Giao ước thi đua"])


class PactOut(Schema):
    id: int
    group_id: int
    group_name: str
    year: int
    state: PactState
    head_unit: str | None
    deputy_unit: str | None
    signed_on: datetime.date | None
    place: str

    @staticmethod
    def resolve_group_name(pact) -> str:
        return pact["group_name"] if isinstance(pact, dict) else str(pact.group)

    @staticmethod
    def resolve_head_unit(pact) -> str | None:
        if isinstance(pact, dict):
            return pact["head_unit"]
        return pact.head.unit.name if pact.head_id else None

    @staticmethod
    def resolve_deputy_unit(pact) -> str | None:
        if isinstance(pact, dict):
            return pact["deputy_unit"]
        return pact.deputy.unit.name if pact.deputy_id else None


class CriterionOut(Schema):
    id: int
    text: str
    max_points: str
    weight: str


class TargetOut(Schema):
    unit: str
    text: str


class PactDetailOut(PactOut):
    criteria: list[CriterionOut]
    members: list[str]
    targets: list[TargetOut]


class LineOut(Schema):
    criterion_id: int
    self_points: str
    adjusted_points: str | None
    adjust_reason: str


class CardOut(Schema):
    id: int
    unit: str
    review: Review
    state: str
    total: str
    lines: list[LineOut]


class RankOut(Schema):
    rank: int
    unit: str
    total: str
    votes: int = 0


class VoteIn(Schema):
    voter_membership_id: int
    choice_membership_id: int


class ScoresOut(Schema):
    review: Review
    ranking_state: str
    ranking: list[RankOut]
    cards: list[CardOut]


class TransitionIn(Schema):
    action: str
    reason: str = ""


def _pact(pact) -> dict:
    return {"id": pact.pk, "group_id": pact.group_id, "group_name": str(pact.group),
            "year": pact.year, "state": pact.state, "signed_on": pact.signed_on,
            "head_unit": pact.head.unit.name if pact.head_id else None,
            "deputy_unit": pact.deputy.unit.name if pact.deputy_id else None,
            "place": pact.place}  # fmt: skip


@router.get("/pacts", response=list[PactOut])
@paginate(BoundedPageNumberPagination, page_size=50)
def list_pacts(request, year: int | None = None):
    pacts = selectors.visible_pacts(request.user).select_related("group", "head__unit",
                                                                 "deputy__unit")  # fmt: skip
    if year is not None:
        pacts = pacts.filter(year=year)
    return pacts.order_by("-year", "pk")


@router.get("/pacts/{pact_id}", response=PactDetailOut)
def get_pact(request, pact_id: int):
    pact = selectors.get_pact_for(request.user, pact_id)
    runs = selectors.runs_group(request.user, pact)
    mine = {m.pk for m in selectors.own_memberships(request.user, pact)}
    members = pact.group.members.select_related("unit").order_by("unit__sort_name", "pk")
    targets = [{"unit": t.membership.unit.name, "text": t.text}
               for t in pact.targets.select_related("membership__unit")
               if runs or t.membership_id in mine]  # fmt: skip
    criteria = [{"id": c.pk, "text": c.text, "max_points": str(c.max_points),
                 "weight": str(c.weight)} for c in pact.criteria.all()]  # fmt: skip
    return _pact(pact) | {"criteria": criteria, "members": [m.unit.name for m in members],
                          "targets": targets}  # fmt: skip


def _card(card, criteria) -> dict:
    lines = [{"criterion_id": line.criterion_id, "self_points": str(line.self_points),
              "adjusted_points": None if line.adjusted_points is None
              else str(line.adjusted_points), "adjust_reason": line.adjust_reason}
             for line in card.lines.all()]  # fmt: skip
    return {"id": card.pk, "unit": card.membership.unit.name, "review": card.review,
            "state": card.state, "total": str(scoring.total_of(card, criteria)[0]),
            "lines": lines}  # fmt: skip


@router.get("/pacts/{pact_id}/scores/{review}", response=ScoresOut)
def get_scores(request, pact_id: int, review: Review):
    pact = selectors.get_pact_for(request.user, pact_id)
    ranking = pact.rankings.filter(review=review).first()
    criteria = list(pact.criteria.all())
    published = ranking is not None and ranking.state == "published"
    cards = (pact.cards.filter(review=review).select_related("membership__unit")
             .prefetch_related("lines").order_by("pk"))  # fmt: skip
    for card in cards:
        card.pact = pact  # one pact, its group and head read once
    return {"review": review, "ranking_state": ranking.state if ranking else "open",
            "ranking": ranking.rows if published else [],
            "cards": [_card(c, criteria) for c in cards
                      if selectors.may_see_card(request.user, c, published)]}  # fmt: skip


def _moved(request, obj, payload: TransitionIn, actions) -> None:
    if payload.action not in actions:
        raise HttpError(409, f"Không có thao tác «{payload.action[:40]}».")
    try:
        transition(obj, payload.action, by=request.user, reason=payload.reason[:2000])
    except Refused as error:
        raise HttpError(error.status, " ".join(error.messages)) from error


@router.post("/scorecards/{card_id}/transitions", response={200: CardOut, **errors(403, 409)})
def move_card(request, card_id: int, payload: TransitionIn):
    """Send a card (the member's officers, every criterion scored) or return it with a
    reason (the head's or the standing body's officers)."""
    card = selectors.get_card_for(request.user, card_id)
    _moved(request, card, payload, CardAction.values)
    card = selectors.get_card_for(request.user, card_id)
    return _card(card, list(card.pact.criteria.all()))


@router.post("/pacts/{pact_id}/rankings/{review}/transitions",
             response={200: ScoresOut, **errors(403, 409)})  # fmt: skip
def move_ranking(request, pact_id: int, review: Review, payload: TransitionIn):
    """Publish a review's ranking (the standing body, every member's card sent) or
    withdraw it with a reason."""
    pact = selectors.get_pact_for(request.user, pact_id)
    ranking = pact.rankings.filter(review=review).first()
    if ranking is None:
        raise HttpError(409, "Chưa có phiếu chấm điểm nào của kỳ này.")
    _moved(request, ranking, payload, RankingAction.values)
    return get_scores(request, pact_id, review)


@router.post("/pacts/{pact_id}/votes", response={200: ScoresOut, **errors(403, 409)})
def vote(request, pact_id: int, payload: VoteIn):
    """A member's vote for the unit leading the year (suy tôn), by the member's officers,
    in a pact that ranks by vote, while the year-end ranking is open."""
    pact = selectors.get_pact_for(request.user, pact_id)
    mine = {m.pk: m for m in selectors.own_memberships(request.user, pact)}
    ranking = pact.rankings.filter(review=Review.YEAR).first()
    if payload.voter_membership_id not in mine:
        raise HttpError(403, "Bạn không bỏ phiếu thay cho đơn vị này.")
    if ranking is None:
        raise HttpError(409, "Chưa có phiếu chấm điểm tổng kết năm nào.")
    choice = pact.group.members.filter(pk=payload.choice_membership_id).first()
    try:
        scoring.cast_vote(actor=request.user, ranking=ranking,
                          voter=mine[payload.voter_membership_id], choice=choice)  # fmt: skip
    except ValidationError as error:
        raise HttpError(409, " ".join(error.messages)) from error
    return get_scores(request, pact_id, Review.YEAR)
