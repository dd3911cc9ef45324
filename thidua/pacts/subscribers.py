"""What a published year-end ranking means for the commendation workflow (LAW.md §3.2;
sample 001 §IV): the first-ranked member is proposed for the province's emulation flag
(Cờ thi đua), the next `pact.commended` for the province's Bằng khen, each as a draft
nomination of the group's owner that its standing body then checks and sends on like any
other; withdrawing the ranking takes back the drafts it made. The Government's flag is
proposed by the standing body for the best of its groups' first (propose_government_flag).
A member is nominated as a collective: the subject of its unit bearing its name."""

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.awards.models import Award, Nomination, NominationState
from thidua.awards.nominations import create_nomination
from thidua.core.text import fold
from thidua.exemplars.models import Subject
from thidua.exemplars.services import create_subject
from thidua.pacts.models import RankingState, Review
from thidua.workflow.engine import subscribe
from thidua.workflow.models import Transition

FLAG, GOVERNMENT_FLAG, CERTIFICATE = "co_tinh", "co_cp", "bang_khen_tinh"  # awards.catalogue


def _collective_of(unit, actor) -> Subject:
    found = Subject.objects.filter(unit=unit, kind="collective", search_name=fold(unit.name))
    return found.first() or create_subject(actor=actor, unit=unit, kind="collective",
                                           name=unit.name)  # fmt: skip


def _propose(*, actor, pact, row: dict, code: str) -> tuple[int | None, str]:
    """(the draft nomination's id, or None with the reason it was refused)."""
    member = pact.group.members.select_related("unit").get(pk=row["membership"])
    try:
        with transaction.atomic():  # a refusal leaves no subject made for it
            nomination = create_nomination(
                actor=actor, unit=pact.group.owner, subject=_collective_of(member.unit, actor),
                award=Award.objects.get(code=code), year=pact.year,
                achievement=f"Xếp thứ {row['rank']} {pact.group} năm {pact.year} (tổng kết "
                            f"giao ước thi đua: {row['total']} điểm).",
            )  # fmt: skip
    except (ValidationError, Award.DoesNotExist) as error:
        return None, " ".join(getattr(error, "messages", [])) or f"Danh mục không có «{code}»."
    return nomination.pk, ""


@subscribe("ranking", "publish")
def propose_from_the_ranking(move) -> None:
    ranking = move.obj
    if ranking.review != Review.YEAR or not ranking.rows:
        return
    pact, made, refused = ranking.pact, [], []
    chosen = [(ranking.rows[0], FLAG)]
    chosen += [(row, CERTIFICATE) for row in ranking.rows[1 : 1 + pact.commended]]
    for row, code in chosen:
        pk, why = _propose(actor=move.by, pact=pact, row=row, code=code)
        made += [pk] if pk else []
        refused += [f"{row['unit']}: {why}"] if why else []
    _note(move, {"nominations": made, "not_proposed": refused})


@subscribe("ranking", "withdraw")
def withdraw_the_proposals(move) -> None:
    """A ranking withdrawn takes back the nominations it proposed, while drafts."""
    published = (Transition.objects.filter(workflow="ranking", object_id=move.obj.pk,
                                           action="publish").order_by("-pk").first())  # fmt: skip
    made = (published.payload or {}).get("nominations", []) if published else []
    Nomination.objects.filter(pk__in=made, state=NominationState.DRAFT).delete()


def propose_government_flag(*, actor, ranking) -> int:
    """The Government's flag for the first of a published year-end ranking: the standing
    body chooses the best of its groups' first (LAW.md §3.2). The draft nomination's id."""
    if ranking.review != Review.YEAR or ranking.state != RankingState.PUBLISHED:
        raise ValidationError("Chỉ đề nghị từ kết quả tổng kết năm đã công bố.")
    pk, why = _propose(actor=actor, pact=ranking.pact, row=ranking.rows[0], code=GOVERNMENT_FLAG)
    if pk is None:
        raise ValidationError(why)
    return pk


def _note(move, facts: dict) -> None:
    move.row.payload = {**move.row.payload, **facts}
    move.row.save(update_fields=["payload"])
