"""The contest and its stories as workflows. The organising unit's officers launch the
contest (receiving stories from its first day), close it for judging and announce the
winners; they accept a story, reject it or ask for changes, each but accepting with a
reason. The author sends a story back after changes (by=None: a visitor has no account)."""

from django.db.models import Count

from thidua.contests.models import ContestState, EntryState
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
    for prize in move.obj.prizes.annotate(n=Count("winners")):
        if prize.n > prize.count:
            raise Refused(
                f"«{prize.name}» chỉ có {prize.count} giải, đang trao {prize.n}.", code="guard"
            )
    if not move.obj.entries.filter(prize__isnull=False).exists():
        raise Refused("Chưa trao giải nào.", code="guard")


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
        steps={
            "accept": Step("Duyệt", (E.SUBMITTED,), E.ACCEPTED),
            "reject": Step("Không duyệt", (E.SUBMITTED, E.ACCEPTED), E.REJECTED, reason=True),
            "ask_changes": Step("Đề nghị sửa", (E.SUBMITTED,), E.CHANGES, reason=True),
            "resubmit": Step("Gửi lại", (E.CHANGES,), E.SUBMITTED, roles=()),
        },
    )
)
