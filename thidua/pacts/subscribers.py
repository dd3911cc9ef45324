"""What a published year-end ranking means for the commendation workflow (LAW.md §3.2;
sample 001 §IV): the first-ranked member is proposed for the province's emulation flag
(Cờ thi đua), as a draft nomination of the group's owner that its standing body then
checks and sends on like any other. The member is nominated as a collective: the subject
of its unit bearing its name, made the first time."""

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.awards.models import Award, Nomination, NominationState
from thidua.awards.nominations import create_nomination
from thidua.core.text import fold
from thidua.exemplars.models import Subject
from thidua.exemplars.services import create_subject
from thidua.pacts.models import Review
from thidua.workflow.engine import subscribe
from thidua.workflow.models import Transition

FLAG = "co_tinh"  # Cờ thi đua của Bộ, ban, ngành, tỉnh (awards.catalogue)


def _collective_of(unit, actor) -> Subject:
    found = Subject.objects.filter(unit=unit, kind="collective", search_name=fold(unit.name))
    return found.first() or create_subject(actor=actor, unit=unit, kind="collective",
                                           name=unit.name)  # fmt: skip


@subscribe("ranking", "publish")
def propose_the_flag(move) -> None:
    ranking = move.obj
    if ranking.review != Review.YEAR or not ranking.rows:
        return
    pact = ranking.pact
    first = pact.group.members.select_related("unit").get(pk=ranking.rows[0]["membership"])
    try:
        with transaction.atomic():  # a refusal leaves no subject made for it
            nomination = create_nomination(
                actor=move.by, unit=pact.group.owner, subject=_collective_of(first.unit, move.by),
                award=Award.objects.get(code=FLAG), year=pact.year,
                achievement=f"Dẫn đầu {pact.group} năm {pact.year} (xếp hạng tổng kết giao "
                            f"ước thi đua: {ranking.rows[0]['total']} điểm).",
            )  # fmt: skip
    except (ValidationError, Award.DoesNotExist) as error:
        why = " ".join(getattr(error, "messages", [])) or "Danh mục không có Cờ thi đua."
        _note(move, {"flag_not_proposed": why})
    else:
        _note(move, {"flag_nomination": nomination.pk})


@subscribe("ranking", "withdraw")
def withdraw_the_flag(move) -> None:
    """A ranking withdrawn takes back the flag nomination it proposed, while a draft."""
    published = (Transition.objects.filter(workflow="ranking", object_id=move.obj.pk,
                                           action="publish").order_by("-pk").first())  # fmt: skip
    pk = (published.payload or {}).get("flag_nomination") if published else None
    if pk:
        Nomination.objects.filter(pk=pk, state=NominationState.DRAFT).delete()


def _note(move, facts: dict) -> None:
    move.row.payload = {**move.row.payload, **facts}
    move.row.save(update_fields=["payload"])
