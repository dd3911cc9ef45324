"""Notices for what changes for a unit, from the workflows' transitions (registered in
apps.py): a delivery to review or its decision, a plan addressed to the unit, a quota
submission or a nomination arriving or decided. Each runs in the transition's database
transaction, so a change undone sends nothing."""

from django.urls import reverse

from thidua.inbox.services import notify_units
from thidua.workflow.engine import subscribe


def _milestone(obligation) -> str:
    milestone = obligation.milestone
    return f"«{milestone.title}» ({milestone.plan.symbol or milestone.plan.title})"


@subscribe("obligation", "deliver")
def delivery_to_review(move) -> None:
    obligation = move.obj
    notify_units(units=[obligation.milestone.plan.issuer_id], actor=move.by,
                 text=f"{obligation.unit} đã nộp {_milestone(obligation)}; chờ xem xét.",
                 link=reverse("plans:obligation", args=[obligation.pk]))  # fmt: skip


@subscribe("obligation", "accept")
@subscribe("obligation", "return")
def delivery_decided(move) -> None:
    obligation = move.obj
    said = f"bị trả lại: {move.reason}" if move.action == "return" else "đã được chấp nhận."
    notify_units(units=[obligation.unit_id], actor=move.by,
                 text=f"{_milestone(obligation)} {said}",
                 link=reverse("plans:obligation", args=[obligation.pk]))  # fmt: skip


@subscribe("plan", "issue")
def plan_addressed(move) -> None:
    plan = move.obj
    notify_units(units=plan.addressees.all(), actor=move.by,
                 text=f"{plan.issuer} ban hành «{plan.title}», giao việc cho đơn vị.",
                 link=reverse("plans:detail", args=[plan.pk]))  # fmt: skip


@subscribe("quota", "submit")
@subscribe("quota", "resubmit")
def submission_to_review(move) -> None:
    submission = move.obj
    sent = "gửi lại" if move.action == "resubmit" else "gửi"
    notify_units(units=[submission.membership.group.owner_id], actor=move.by,
                 text=f"{submission.membership.unit} {sent} điển hình «{submission.exemplar}».",
                 link=reverse("quotas:submission", args=[submission.pk]))  # fmt: skip


@subscribe("quota", "accept")
@subscribe("quota", "return")
def submission_decided(move) -> None:
    submission = move.obj
    said = f"bị trả lại: {move.reason}" if move.action == "return" else "đã được chấp nhận."
    notify_units(units=[submission.membership.unit_id], actor=move.by,
                 text=f"Điển hình «{submission.exemplar}» gửi theo chỉ tiêu {said}",
                 link=reverse("quotas:submission", args=[submission.pk]))  # fmt: skip


@subscribe("nomination", "submit")
@subscribe("nomination", "resubmit")
@subscribe("nomination", "forward")
def nomination_arrived(move) -> None:
    nomination = move.obj
    notify_units(units=[nomination.at_unit_id], actor=move.by,
                 text=f"{nomination.unit} đề nghị {nomination.award} cho {nomination.subject}; "
                      "chờ tiếp nhận.",
                 link=nomination.get_absolute_url())  # fmt: skip


DECIDED = {"return": "bị trả lại để bổ sung", "reject": "không được đồng ý",
           "approve": "đã được đồng ý", "decide": "đã có quyết định khen thưởng"}  # fmt: skip


@subscribe("nomination", "return")
@subscribe("nomination", "reject")
@subscribe("nomination", "approve")
@subscribe("nomination", "decide")
def nomination_decided(move) -> None:
    nomination = move.obj
    why = f": {move.reason}" if move.reason else "."
    notify_units(units=[nomination.unit_id], actor=move.by,
                 text=f"Đề nghị {nomination.award} cho {nomination.subject} "
                      f"{DECIDED[move.action]}{why}",
                 link=nomination.get_absolute_url())  # fmt: skip
