"""A pact's life as workflows. The pact: drafted by the owner's standing body, recorded as
signed by it or by the year's head (who hosts the signing, LAW.md §3.2) with the day and
place, reopened with a reason by the owner's officers. A member's scorecard of a review:
sent by the member's officers once every criterion is scored, returned with a reason by
the head's or the owner's. A review's ranking: published by the owner's officers once
every member has sent its card (the order kept as it was), withdrawn with a reason."""

import datetime

from django.utils import timezone

from thidua.accounts.models import Role
from thidua.pacts.models import (
    CardAction,
    CardState,
    PactAction,
    PactState,
    RankBy,
    Ranking,
    RankingAction,
    RankingState,
    Review,
)
from thidua.workflow.engine import Refused, Step, Workflow, register

S, A, C, R = PactState, PactAction, CardAction, RankingAction
OFFICERS = (Role.OFFICER,)


def _signable(move) -> None:
    """A pact is signed with its criteria, by a head, on a day not in the future."""
    pact, data = move.obj, move.data
    if not pact.criteria.exists():
        raise Refused("Giao ước chưa có tiêu chí nào.", code="guard")
    if pact.head_id is None:
        raise Refused("Chưa có trưởng cụm, khối chủ trì ký kết.", code="guard")
    on = data.get("signed_on")
    if isinstance(on, datetime.date) and on > timezone.localdate():
        raise Refused("Ngày ký kết không được sau hôm nay.", code="guard")
    if not isinstance(on, datetime.date) or on.year not in (pact.year - 1, pact.year):
        raise Refused(f"Ngày ký kết phải thuộc năm {pact.year} (hoặc cuối năm trước).",
                      code="guard")  # fmt: skip
    if not (data.get("place") or "").strip():
        raise Refused("Cần ghi địa điểm ký kết.", code="guard")


def _record_signing(move) -> None:
    move.obj.signed_on, move.obj.place = move.data["signed_on"], move.data["place"].strip()
    move.on = move.data["signed_on"]
    move.payload = {"place": move.obj.place}


def _unsign(move) -> None:
    """A reopened pact is a draft again: its signing and signed scan no longer stand (the
    ledger and the audit keep them)."""
    pact = move.obj
    move.payload = {"signed_on": f"{pact.signed_on:%d/%m/%Y}" if pact.signed_on else "",
                    "place": pact.place, "scan": pact.scan.name}  # fmt: skip
    pact.signed_on, pact.place, pact.scan = None, "", ""


def _host(pact):
    """The signing is hosted by the head: its officers act, and those above it."""
    return pact.head.unit if pact.head_id else pact.group.owner


PACT = register(
    Workflow(
        name="pact", model="pacts.Pact", field="state", states=PactState,
        unit=lambda pact: pact.group.owner, noun="giao ước thi đua",
        related=("group__owner", "head__unit"),
        steps={
            A.SIGN: Step(str(A.SIGN.label), (S.DRAFT,), S.SIGNED, roles=OFFICERS, on=_host,
                         guards=(_signable,), apply=_record_signing),
            A.REOPEN: Step(str(A.REOPEN.label), (S.SIGNED,), S.DRAFT, roles=OFFICERS,
                           reason=True, apply=_unsign),
        },
    )
)  # fmt: skip


def _all_scored(move) -> None:
    card = move.obj
    scored = set(card.lines.values_list("criterion_id", flat=True))
    missing = [c.text for c in card.pact.criteria.all() if c.pk not in scored]
    if missing:
        raise Refused(f"Còn {len(missing)} tiêu chí chưa chấm: «{missing[0]}»…", code="guard")


def _pact_signed(move) -> None:
    if move.obj.pact.state != PactState.SIGNED:
        raise Refused("Giao ước đang được mở lại để sửa.", code="guard")


def _not_published(move) -> None:
    card = move.obj
    if Ranking.objects.filter(pact_id=card.pact_id, review=card.review,
                              state=RankingState.PUBLISHED).exists():  # fmt: skip
        raise Refused("Xếp hạng của kỳ này đã công bố.", code="guard")


def _every_member_sent(move) -> None:
    ranking = move.obj
    members = ranking.pact.group.members.count()
    sent = ranking.pact.cards.filter(review=ranking.review, state=CardState.SUBMITTED).count()
    if not members or sent < members:
        raise Refused(f"Mới có {sent}/{members} thành viên gửi điểm.", code="guard")
    if ranking.pact.rank_by == RankBy.VOTE and ranking.review == Review.YEAR:
        voted = ranking.votes.count()
        if voted < members:
            raise Refused(f"Mới có {voted}/{members} thành viên bỏ phiếu suy tôn.",
                          code="guard")  # fmt: skip


def _snapshot(move) -> None:
    from thidua.pacts.scoring import ranked  # noqa: PLC0415

    move.obj.rows = ranked(move.obj.pact, move.obj.review)
    move.payload = {"first": move.obj.rows[0]["unit"] if move.obj.rows else ""}


def _card_host(card):
    """The head collects the scores: its officers return a card, as the owner's do."""
    return _host(card.pact)


CARD = register(
    Workflow(
        name="scorecard", model="pacts.Scorecard", field="state", states=CardState,
        unit=lambda card: card.membership.unit, noun="phiếu chấm điểm",
        related=("membership__unit", "pact__group__owner", "pact__head__unit"),
        steps={
            C.SUBMIT: Step(str(C.SUBMIT.label), (CardState.DRAFT,), CardState.SUBMITTED,
                           roles=OFFICERS, guards=(_pact_signed, _all_scored, _not_published)),
            C.RETURN: Step(str(C.RETURN.label), (CardState.SUBMITTED,), CardState.DRAFT,
                           roles=OFFICERS, on=_card_host, reason=True,
                           guards=(_not_published,)),
        },
    )
)  # fmt: skip

RANKING = register(
    Workflow(
        name="ranking", model="pacts.Ranking", field="state", states=RankingState,
        unit=lambda ranking: ranking.pact.group.owner, noun="kết quả xếp hạng",
        related=("pact__group__owner",),
        steps={
            R.PUBLISH: Step(str(R.PUBLISH.label), (RankingState.OPEN,), RankingState.PUBLISHED,
                            roles=OFFICERS, guards=(_pact_signed, _every_member_sent),
                            apply=_snapshot),
            R.WITHDRAW: Step(str(R.WITHDRAW.label), (RankingState.PUBLISHED,),
                             RankingState.OPEN, roles=OFFICERS, reason=True),
        },
    )
)  # fmt: skip
