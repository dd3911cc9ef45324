"""The council's meeting: seats for the unit's council members, the nominations under
review put to the vote, members standing aside where the nomination comes from a unit they
belong to, votes entered by the secretary (an officer of the unit) or by each member, and
the close: quorum checked, each result computed, and each nomination approved or rejected
through its workflow."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from thidua.accounts.models import Role, UnitRole
from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.awards.models import (
    Choice,
    CouncilMeeting,
    Item,
    MeetingState,
    Nomination,
    NominationAction,
    NominationState,
    Seat,
    Vote,
)
from thidua.units.scope import has_role, scope_for
from thidua.workflow.engine import transition


def visible_meetings(user) -> QuerySet[CouncilMeeting]:
    return CouncilMeeting.objects.filter(scope_for(user).q("unit__path"))


def get_meeting_for(user, pk) -> CouncilMeeting:
    return get_object_or_404(visible_meetings(user).select_related("unit"), pk=pk)


def council_members(unit):
    """The users who hold the council role on the unit itself."""
    ids = UnitRole.objects.filter(unit=unit, role=Role.COUNCIL).values("user_id")
    return get_user_model().objects.filter(pk__in=ids).order_by("full_name", "pk")


def _stands_aside(role_paths: list[str], nomination, council_unit) -> bool:
    """A member who also holds a role on the nominating unit (or a unit between it and the
    council's) does not vote on it. `role_paths`: the paths of the member's role units."""
    return any(path != council_unit.path and path.startswith(council_unit.path)
               and nomination.unit.path.startswith(path) for path in role_paths)  # fmt: skip


@transaction.atomic
def open_meeting(*, actor, unit, held_on, place="", chair="", secretary="") -> CouncilMeeting:
    """A meeting of `unit`'s council on the nominations it reviews and may decide."""
    meeting = CouncilMeeting.objects.create(unit=unit, held_on=held_on, place=place, chair=chair,
                                            secretary=secretary, created_by=actor)  # fmt: skip
    members = list(council_members(unit))
    if not members:
        raise ValidationError(f"{unit.name} chưa có thành viên Hội đồng Thi đua – Khen thưởng.")
    Seat.objects.bulk_create(Seat(meeting=meeting, member=m) for m in members)
    paths: dict[int, list[str]] = {m.pk: [] for m in members}
    roles = UnitRole.objects.filter(user__in=members).values_list("user_id", "unit__path")
    for user_id, path in roles:
        paths[user_id].append(path)
    under_review = Nomination.objects.filter(at_unit=unit, deciding_unit=unit,
                                             state=NominationState.IN_REVIEW)  # fmt: skip
    for nomination in under_review.select_related("unit"):
        item = Item.objects.create(meeting=meeting, nomination=nomination)
        item.recused.set([m for m in members if _stands_aside(paths[m.pk], nomination, unit)])
    record_event(actor=actor, action=Action.CREATE, target=meeting, scope_path=unit.path,
                 note=f"{meeting.items.count()} đề nghị")  # fmt: skip
    return meeting


def _open(meeting) -> None:
    if meeting.state != MeetingState.OPEN:
        raise ValidationError("Phiên họp đã chốt kết quả.")


def is_secretary(user, meeting) -> bool:
    return has_role(user, meeting.unit.path, Role.OFFICER)


@transaction.atomic
def record_votes(*, actor, meeting, presence: dict, recusals: dict, votes: dict) -> int:
    """Save what the secretary or a member sent: presence {member: bool} and recusals
    {(item, member): bool} by the secretary only; votes {(item, member): choice} by the
    secretary for anyone or by a member for themselves. Returns the votes saved."""
    _open(CouncilMeeting.objects.select_for_update().get(pk=meeting.pk))
    secretary = is_secretary(actor, meeting)
    seats = {seat.member_id: seat for seat in meeting.seats.all()}
    if secretary:
        for member, present in presence.items():
            if member in seats and seats[member].present != present:
                seats[member].present = present
                seats[member].save(update_fields=["present"])
    items = {item.pk: item for item in meeting.items.prefetch_related("recused")}
    if secretary:
        for (item, member), recused in recusals.items():
            if item in items and member in seats:
                (items[item].recused.add if recused else items[item].recused.remove)(member)
    saved = 0
    for (item, member), choice in votes.items():
        if item not in items or member not in seats or choice not in Choice.values:
            continue
        if not secretary and member != actor.pk:
            raise ValidationError("Thành viên chỉ bỏ phiếu của chính mình.")
        if not seats[member].present or items[item].recused.filter(pk=member).exists():
            continue  # absent or standing aside: no vote
        Vote.objects.update_or_create(item_id=item, member_id=member,
                                      defaults={"choice": choice, "entered_by": actor})  # fmt: skip
        saved += 1
    return saved


@dataclass
class Tally:
    voters: int
    yes: int
    no: int
    abstain: int
    passed: bool

    @property
    def percent(self) -> float:
        return 100 * self.yes / self.voters if self.voters else 0.0


def quorum(meeting) -> tuple[int, int, bool]:
    seats = list(meeting.seats.all())
    present = sum(seat.present for seat in seats)
    return present, len(seats), present * meeting.quorum_den >= len(seats) * meeting.quorum_num


def tally(meeting, item) -> Tally:
    """The item's votes: those who may vote are the members present and not standing aside;
    it passes with more than (or at least) the meeting's fraction of them for it."""
    present = {seat.member_id for seat in meeting.seats.all() if seat.present}
    voters = present - {member.pk for member in item.recused.all()}
    choices = [vote.choice for vote in item.votes.all() if vote.member_id in voters]
    yes = choices.count(Choice.FOR)
    need = yes * meeting.pass_den, len(voters) * meeting.pass_num
    passed = bool(voters) and (need[0] > need[1] if meeting.pass_strict else need[0] >= need[1])
    return Tally(len(voters), yes, choices.count(Choice.AGAINST), choices.count(Choice.ABSTAIN),
                 passed)  # fmt: skip


@transaction.atomic
def close_meeting(*, actor, meeting) -> CouncilMeeting:
    """Chốt kết quả: with a quorum, each nomination that passed is approved and each other
    one rejected with its count, through the nomination workflow."""
    meeting = CouncilMeeting.objects.select_for_update().select_related("unit").get(pk=meeting.pk)
    _open(meeting)
    present, total, met = quorum(meeting)
    if not met:
        raise ValidationError(f"Không đủ số thành viên có mặt ({present}/{total}).")
    for item in meeting.items.select_related("nomination").prefetch_related("recused", "votes"):
        result = tally(meeting, item)
        item.passed = result.passed
        item.save(update_fields=["passed"])
        nomination = item.nomination
        if nomination.state != NominationState.IN_REVIEW:
            continue
        if result.passed:
            transition(nomination, NominationAction.APPROVE, by=actor)
        else:
            transition(nomination, NominationAction.REJECT, by=actor, reason=(
                f"Hội đồng không đủ tỷ lệ đồng ý ({result.yes}/{result.voters})."))  # fmt: skip
    meeting.state = MeetingState.CLOSED
    meeting.save(update_fields=["state"])
    record_event(actor=actor, action=Action.UPDATE, target=meeting, scope_path=meeting.unit.path,
                 changes={"state": ["open", "closed"]})  # fmt: skip
    return meeting
