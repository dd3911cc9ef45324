"""The conference and delegate workflows (domain README §5), on the workflow core.

A conference is approved, held and reported by the officers of its unit. Approving and
holding need no error among the rule findings (the warnings are kept in the ledger row);
holding needs its date reached, and honours the exemplars marked for it; reporting needs
the whole dossier. What that means elsewhere is said in the ledger row's payload, and done
by the apps that subscribe to it: `exemplars` recognises the honoured exemplars still being
nurtured, `plans` delivers the plan's "conference" and "dossier" obligations.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.conferences.checks import check_conference, days_late, errors_of
from thidua.conferences.enums import ConferenceAction, ConferenceStatus, DelegateStatus
from thidua.conferences.models import Honour
from thidua.workflow.engine import Refused, Step, Workflow, register

C, A = ConferenceStatus, ConferenceAction


def _findings(move) -> None:
    """The rule findings that stand now go with the change; errors stop approval and
    holding."""
    findings = check_conference(move.obj)
    move.payload["findings"] = [f.as_dict() for f in findings if f.severity != "info"]
    if move.action in {A.APPROVE, A.HOLD} and errors_of(findings):
        raise ValidationError([finding.message for finding in errors_of(findings)])


def _date_reached(move) -> None:
    held_on = move.obj.held_on
    if held_on is None:
        raise ValidationError("Chưa có ngày tổ chức.")
    if held_on > timezone.localdate():
        raise ValidationError(
            f"Hội nghị diễn ra ngày {held_on:%d/%m/%Y}; chưa thể ghi nhận đã tổ chức."
        )


def needs_late_reason(conference, today=None) -> bool:
    """Approving or recording a conference more than CONFERENCE_LATE_DAYS after its date
    needs the reason, kept in the ledger: records entered long after the fact are the
    ones an inspection asks about."""
    return days_late(conference, today) > settings.CONFERENCE_LATE_DAYS


def _late_reason(move) -> None:
    if needs_late_reason(move.obj) and not move.reason:
        late = days_late(move.obj)
        raise Refused({"reason": f"Ngày tổ chức đã qua {late} ngày; hãy ghi lý do "
                                 f"{move.step.label.lower()} muộn."}, code="reason")  # fmt: skip
    if move.reason:
        move.payload["days_late"] = days_late(move.obj)


def _dossier_complete(move) -> None:
    conference = move.obj
    required = conference.rule_set.dossier_documents if conference.rule_set else []
    have = set(conference.dossier.values_list("name", flat=True))
    if missing := [name for name in required if name not in have]:
        raise ValidationError(f"Hồ sơ còn thiếu: {'; '.join(missing)}.")


def _delivery(conference, deliverable: str, on, files=()) -> dict | None:
    """What the conference delivers under its plan, for `plans` to act on."""
    if conference.plan_id is None:
        return None
    return {"plan": conference.plan_id, "deliverable": deliverable, "on": on.isoformat(),
            "files": list(files)}  # fmt: skip


def _honour(move) -> None:
    """Exemplars honoured at the conference are honoured at its level; the delivery is the
    day it was held, whenever that is recorded."""
    conference = move.obj
    honoured = []
    for delegate in conference.delegates.filter(is_honouree=True, exemplar__isnull=False):
        Honour.objects.get_or_create(
            conference=conference, exemplar_id=delegate.exemplar_id,
            defaults={"level": conference.unit.level, "honoured_on": conference.held_on},
        )  # fmt: skip
        honoured.append(delegate.exemplar_id)
    move.payload["honoured_exemplars"] = honoured
    move.on = conference.held_on  # held that day, whenever it is recorded
    move.payload["delivery"] = _delivery(conference, "conference", conference.held_on)


def _send_dossier(move) -> None:
    conference = move.obj
    files = [document.file.name for document in conference.dossier.all()]
    move.payload["delivery"] = _delivery(conference, "dossier", timezone.localdate(), files)


CONFERENCE = register(
    Workflow(
        name="conference", model="conferences.Conference", field="status",
        states=ConferenceStatus, unit=lambda conference: conference.unit, noun="hội nghị",
        related=("unit", "rule_set"),
        steps={
            A.APPROVE: Step(str(A.APPROVE.label), (C.DRAFT,), C.APPROVED,
                            guards=(_findings, _late_reason)),
            A.REOPEN: Step(str(A.REOPEN.label), (C.APPROVED,), C.DRAFT, guards=(_findings,)),
            A.HOLD: Step(str(A.HOLD.label), (C.APPROVED,), C.HELD,
                         guards=(_findings, _date_reached, _late_reason), apply=_honour),
            A.REPORT: Step(str(A.REPORT.label), (C.HELD,), C.REPORTED,
                           guards=(_findings, _dossier_complete), apply=_send_dossier),
        },
    )
)  # fmt: skip


def _not_held(move) -> None:
    if move.obj.conference.status in {C.HELD, C.REPORTED}:
        raise ValidationError("Hội nghị đã tổ chức; danh sách đại biểu không đổi được nữa.")


def _at_the_door(move) -> None:
    """Only an approved conference checks people in: that is the day it takes place."""
    if move.obj.conference.status != C.APPROVED:
        raise ValidationError(
            "Chỉ điểm danh khi kế hoạch hội nghị đã được duyệt và chưa ghi nhận đã tổ chức."
        )


def _checked_in(move) -> None:
    move.obj.checked_in_at = timezone.now()


D = DelegateStatus
DELEGATE = register(
    Workflow(
        name="delegate", model="conferences.Delegate", field="status", states=DelegateStatus,
        unit=lambda delegate: delegate.conference.unit, noun="đại biểu",
        related=("conference__unit",), locks=("conference",),
        steps={
            "approve": Step("Duyệt vào danh sách", (D.PROPOSED,), D.APPROVED,
                            guards=(_not_held,)),
            "confirm": Step("Xác nhận tham dự", (D.APPROVED,), D.CONFIRMED, guards=(_not_held,)),
            # People come without answering the invitation: check-in from approved too.
            "attend": Step("Điểm danh", (D.APPROVED, D.CONFIRMED), D.ATTENDED,
                           guards=(_at_the_door,), apply=_checked_in),
        },
    )
)  # fmt: skip
