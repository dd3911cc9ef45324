"""Keyword shorthands for the plan and obligation workflows (`workflows.py`), for scripts,
benchmarks and tests: each is one `transition`, which checks the actor's role, the state
and the guards, and writes the ledger row. Views and the API call `transition` themselves.
Whether a delivery was on time, and whether a pending one is overdue, follows from dates
(selectors.obligation_status), so nothing has to run at midnight to keep it true."""

from thidua.plans.models import Obligation, Plan
from thidua.workflow.engine import Refused, transition


def issue_plan(*, actor, plan: Plan) -> Plan:
    """Issue a draft: every milestone's owing units get one obligation each."""
    return transition(plan, "issue", by=actor)


def close_plan(*, actor, plan: Plan) -> Plan:
    """Close an issued plan once its work is done; its board stays readable."""
    return transition(plan, "close", by=actor)


def deliver(*, actor, obligation: Obligation, note: str = "", linked_plan: Plan | None = None,
            files=(), on=None, linked_conference=None, stored_files=()) -> Obligation:  # fmt: skip
    """The owing unit delivers (again, after a return): files, its own plan, or both."""
    data = {"note": note, "linked_plan": linked_plan, "files": list(files), "on": on,
            "linked_conference": linked_conference, "stored_files": list(stored_files)}  # fmt: skip
    return transition(obligation, "deliver", by=actor, data=data)


def decide(*, obligation: Obligation, action: str, by, reason: str = "") -> Obligation:
    """The issuer accepts a delivery, or returns it with the reason the unit will read."""
    if action not in {"accept", "return"}:
        raise Refused(f"Không có thao tác «{action}» khi xem xét.", code="state")
    return transition(obligation, action, by=by, reason=reason)
