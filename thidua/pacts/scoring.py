"""Scoring a pact (issue 16, part 3): each member scores itself against the criteria at a
review (mid-year, year-end) and sends it; the head or the owner's standing body adjusts a
line with its reason (the head never its own card); the standing body publishes the
ranking. A member's total is the sum over the criteria of its points (as adjusted) times
the criterion's weight. Ties are broken by the stated rule (TIE_RULE)."""

from collections import Counter
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.core.files import discarded_on_failure
from thidua.core.text import clean_text
from thidua.documents.attachments import attach
from thidua.pacts.models import (
    CardFile,
    CardState,
    PactState,
    RankBy,
    Ranking,
    RankingState,
    Review,
    Scorecard,
    ScoreLine,
    Vote,
)
from thidua.pacts.pact_docx import decimal_text
from thidua.units.services import lock

TIE_RULE = ("Bằng phiếu suy tôn (khi xếp hạng theo phiếu) và bằng tổng điểm: đơn vị có "
            "điểm (đã nhân hệ số) cao hơn ở tiêu chí đầu tiên khác nhau, theo thứ tự các "
            "tiêu chí, xếp trên; vẫn bằng: theo tên đơn vị.")  # fmt: skip


def _audit(actor, card: Scorecard, changes: dict, note: str = "") -> None:
    record_event(actor=actor, action=Action.UPDATE, target=card,
                 scope_path=card.membership.unit.path, changes=changes,
                 note=note[:255])  # fmt: skip


def ranking_of(pact, review: str) -> Ranking:
    """The review's ranking, made with the first card of the review (card_of)."""
    ranking, _created = Ranking.objects.get_or_create(pact=pact, review=review)
    return ranking


def card_of(pact, membership, review: str) -> Scorecard:
    """The member's card of the review, made when first asked for (a signed pact only)."""
    if pact.state != PactState.SIGNED:
        raise ValidationError("Chỉ chấm điểm giao ước đã ký kết.")
    card, _created = Scorecard.objects.get_or_create(pact=pact, membership=membership,
                                                     review=review)  # fmt: skip
    ranking_of(pact, review)
    return card


def _points(text, criterion) -> Decimal:
    try:
        value = Decimal(str(text).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(f"«{criterion.text}»: điểm phải là một số.") from None
    if not value.is_finite() or not 0 <= value <= criterion.max_points:
        raise ValidationError(f"«{criterion.text}»: điểm từ 0 đến {criterion.max_points:f}.")
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def save_self_scores(*, actor, card: Scorecard, points: dict, note: str = "") -> Scorecard:
    """The member's own points ({criterion id: text}), all or nothing, while it scores."""
    card = lock(Scorecard, card.pk, "Phiếu chấm điểm này vừa bị xóa.")
    if card.pact.state != PactState.SIGNED:
        raise ValidationError("Giao ước đang được mở lại để sửa; chưa chấm điểm được.")
    if card.state != CardState.DRAFT or _published(card):
        raise ValidationError("Phiếu đã gửi; chỉ chấm lại khi được trả lại.")
    criteria = {c.pk: c for c in card.pact.criteria.all()}
    values = {pk: _points(points[pk], criteria[pk]) for pk in criteria
              if str(points.get(pk, "")).strip()}  # fmt: skip
    for pk, value in values.items():
        # A new own score replaces the line's adjustment too: it was made to the old one.
        ScoreLine.objects.update_or_create(card=card, criterion_id=pk, defaults={
            "self_points": value, "adjusted_points": None, "adjust_reason": "",
            "adjusted_by": ""})  # fmt: skip
    card.note = clean_text(note or "").strip()[:5000]
    card.save(update_fields=["note"])
    _audit(actor, card, {"self_points": [None, {criteria[k].text: str(v)
                                                for k, v in values.items()}]})  # fmt: skip
    return card


def _published(card) -> bool:
    return Ranking.objects.filter(pact_id=card.pact_id, review=card.review,
                                  state=RankingState.PUBLISHED).exists()  # fmt: skip


@transaction.atomic
def adjust_score(*, actor, line: ScoreLine, points, reason: str) -> ScoreLine:
    """The head's or the standing body's points for a line, with the reason (kept, with
    who adjusted, beside the member's own)."""
    line = lock(ScoreLine, line.pk, "Dòng điểm này vừa bị xóa.")
    card = line.card
    if card.state != CardState.SUBMITTED or _published(card):
        raise ValidationError("Chỉ điều chỉnh phiếu đã gửi, trước khi công bố xếp hạng.")
    if not clean_text(reason or "").strip():
        raise ValidationError({"reason": "Cần ghi lý do điều chỉnh điểm."})
    before = str(line.points)
    line.adjusted_points = _points(points, line.criterion)
    line.adjust_reason = clean_text(reason).strip()[:500]
    line.adjusted_by = str(actor or "hệ thống")[:255]
    line.save()
    _audit(actor, card, {f"điểm «{line.criterion.text}»": [before, str(line.points)]},
           note=line.adjust_reason)  # fmt: skip
    return line


def total_of(card, criteria) -> tuple[Decimal, list[Decimal]]:
    """(total, each criterion's weighted points in the criteria's order)."""
    lines = {line.criterion_id: line for line in card.lines.all()}
    parts = [(lines[c.pk].points if c.pk in lines else Decimal(0)) * c.weight for c in criteria]
    return sum(parts, Decimal(0)), parts


def by_votes(pact, review: str) -> bool:
    """Whether this review ranks by the members' votes first (the year-end's, when the
    pact says so)."""
    return review == Review.YEAR and pact.rank_by == RankBy.VOTE


def ranked(pact, review: str) -> list[dict]:
    """The members' sent cards, best first: by votes when the pact ranks by vote, then by
    total, then TIE_RULE: rank 1, 2, …"""
    criteria = list(pact.criteria.all())
    cards = (pact.cards.filter(review=review, state=CardState.SUBMITTED)
             .select_related("membership__unit").prefetch_related("lines"))  # fmt: skip
    votes = Counter()
    if by_votes(pact, review):
        votes.update(Vote.objects.filter(ranking__pact=pact, ranking__review=review)
                     .values_list("choice_id", flat=True))  # fmt: skip
    scored = [(votes[card.membership_id], total_of(card, criteria), card) for card in cards]
    scored.sort(key=lambda item: ([-item[0], -item[1][0], *(-p for p in item[1][1])],
                                  item[2].membership.unit.sort_name))  # fmt: skip
    return [{"rank": n, "card": card.pk, "membership": card.membership_id, "votes": count,
             "unit": card.membership.unit.name, "total": decimal_text(total)}
            for n, (count, (total, _parts), card) in enumerate(scored, start=1)]  # fmt: skip


@transaction.atomic
def cast_vote(*, actor, ranking, voter, choice) -> Vote:
    """`voter`'s vote for the leading unit of the year (replacing its earlier one), while
    the ranking is open, in a pact that ranks by vote; never for itself."""
    ranking = lock(Ranking, ranking.pk, "Kết quả xếp hạng này vừa bị xóa.")
    pact = ranking.pact
    if not by_votes(pact, ranking.review):
        raise ValidationError("Giao ước này xếp hạng theo điểm, không bỏ phiếu suy tôn.")
    if ranking.state != RankingState.OPEN:
        raise ValidationError("Kết quả xếp hạng đã công bố.")
    members = set(pact.group.members.values_list("pk", flat=True))
    if voter.pk not in members or choice is None or choice.pk not in members:
        raise ValidationError("Chỉ suy tôn một thành viên của cụm, khối.")
    if voter.pk == choice.pk:
        raise ValidationError("Không suy tôn chính đơn vị mình.")
    vote, _created = Vote.objects.update_or_create(ranking=ranking, voter=voter,
                                                   defaults={"choice": choice})  # fmt: skip
    record_event(
        actor=actor,
        action=Action.UPDATE,
        target=ranking,
        scope_path=voter.unit.path,
        changes={f"suy tôn của {voter.unit.name}": [None, choice.unit.name]},
    )
    return vote


@transaction.atomic
def attach_card_file(*, actor, card: Scorecard, upload) -> CardFile:
    """Evidence for the member's scores, while it scores its card."""
    card = lock(Scorecard, card.pk, "Phiếu chấm điểm này vừa bị xóa.")
    if card.state != CardState.DRAFT or card.pact.state != PactState.SIGNED:
        raise ValidationError("Chỉ đính kèm minh chứng khi đang tự chấm.")
    with discarded_on_failure() as written:
        row = attach(CardFile, upload=upload, already=card.files.count(), card=card)
        written.append(row.file.name)
        _audit(actor, card, {"minh chứng": [None, row.name]})
    return row
