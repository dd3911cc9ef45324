"""The contest and its stories as workflows. The organising unit's officers launch the
contest (receiving stories from its first day), close it for judging and announce the
winners; they accept a story, reject it or ask for changes, each but accepting with a
reason. The author sends a story back after changes (by=None: a visitor has no account)."""

from thidua.contests.models import ContestState, EntryState
from thidua.contests.selectors import prize_overflow
from thidua.workflow.engine import Refused, Step, Workflow, register

C, E = ContestState, EntryState


def _ready(move) -> None:
    contest = move.obj
    missing = [
        label
        for label, related in (("tiêu chí chấm", contest.criteria), ("giám khảo", contest.judges))
        if not related.exists()
    ]
    if missing:
        raise Refused(f"Cần có {' và '.join(missing)} trước khi phát động.", code="guard")


def _prizes_given(move) -> None:
    """Each prize goes to at most its number of stories, all of them accepted."""
    overflow = prize_overflow(move.obj)
    if overflow:
        raise Refused(overflow, code="guard")
    if not move.obj.entries.filter(prize__isnull=False, state=E.ACCEPTED).exists():
        raise Refused("Chưa trao giải nào.", code="guard")


def _not_announced(move) -> None:
    """A story is moderated until the results are out; after that they stand as announced."""
    if move.obj.contest.state not in (C.OPEN, C.JUDGING):
        raise Refused("Cuộc thi đã công bố kết quả; không đổi được bài dự thi.", code="guard")


def _drop_prize(move) -> None:
    """A story no longer accepted holds no prize (the ranking and the count skip it)."""
    move.obj.prize = None


CONTEST = register(
    Workflow(
        name="contest",
        model="contests.Contest",
        field="state",
        states=C,
        unit=lambda contest: contest.unit,
        noun="cuộc thi",
        related=("unit",),
        steps={
            "launch": Step("Phát động", (C.DRAFT,), C.OPEN, guards=(_ready,)),
            "close": Step("Kết thúc nhận bài, bắt đầu chấm", (C.OPEN,), C.JUDGING),
            "announce": Step("Công bố kết quả", (C.JUDGING,), C.ANNOUNCED, guards=(_prizes_given,)),
        },
    )
)

ENTRY = register(
    Workflow(
        name="contest_entry",
        model="contests.Entry",
        field="state",
        states=E,
        unit=lambda entry: entry.contest.unit,
        noun="bài dự thi",
        related=("contest__unit",),
        locks=("contest",),  # the guards read the contest's state
        steps={
            "accept": Step("Duyệt", (E.SUBMITTED,), E.ACCEPTED, guards=(_not_announced,)),
            "reject": Step(
                "Không duyệt",
                (E.SUBMITTED, E.ACCEPTED),
                E.REJECTED,
                reason=True,
                guards=(_not_announced,),
                apply=_drop_prize,
            ),
            "ask_changes": Step(
                "Đề nghị sửa", (E.SUBMITTED,), E.CHANGES, reason=True, guards=(_not_announced,)
            ),
            "resubmit": Step(
                "Gửi lại", (E.CHANGES,), E.SUBMITTED, roles=(), guards=(_not_announced,)
            ),
        },
    )
)
