"""A pact's life as a workflow: drafted by the owner's standing body, recorded as signed by
it or by the year's head (who hosts the signing, LAW.md §3.2) with the day and place, and
reopened with a reason by the owner's officers to correct it."""

import datetime

from thidua.accounts.models import Role
from thidua.pacts.models import PactAction, PactState
from thidua.workflow.engine import Refused, Step, Workflow, register

S, A = PactState, PactAction
OFFICERS = (Role.OFFICER,)


def _signable(move) -> None:
    """A pact is signed with its criteria, by a head, on a day not in the future."""
    pact, data = move.obj, move.data
    if not pact.criteria.exists():
        raise Refused("Giao ước chưa có tiêu chí nào.", code="guard")
    if pact.head_id is None:
        raise Refused("Chưa có trưởng cụm, khối chủ trì ký kết.", code="guard")
    on = data.get("signed_on")
    if not isinstance(on, datetime.date) or on.year not in (pact.year - 1, pact.year):
        raise Refused(f"Ngày ký kết phải thuộc năm {pact.year} (hoặc cuối năm trước).",
                      code="guard")  # fmt: skip
    if not (data.get("place") or "").strip():
        raise Refused("Cần ghi địa điểm ký kết.", code="guard")


def _record_signing(move) -> None:
    move.obj.signed_on, move.obj.place = move.data["signed_on"], move.data["place"].strip()
    move.on = move.data["signed_on"]
    move.payload = {"place": move.obj.place}


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
                           reason=True),
        },
    )
)  # fmt: skip
