"""What other workflows' transitions mean for plans (registered in apps.py)."""

import datetime

from thidua.plans.models import Obligation, ObligationState
from thidua.workflow.engine import subscribe, transition


@subscribe("conference", "hold")
@subscribe("conference", "report")
def deliver_for_conference(move) -> None:
    """A conference held delivers what its unit owes under its plan for "conference"; one
    reported, the "dossier" with the dossier's files (the ledger row says which). Each is
    the obligation's own "deliver" transition, by the same person, in the same database
    transaction: if one is refused, the conference's change is undone too."""
    delivery = move.payload.get("delivery")
    if not delivery:
        return
    owed = Obligation.objects.filter(
        milestone__plan=delivery["plan"], unit=move.obj.unit_id,
        milestone__deliverable=delivery["deliverable"],
        state__in=[ObligationState.PENDING, ObligationState.RETURNED],
    )  # fmt: skip
    for obligation in owed:
        transition(obligation, "deliver", by=move.by, data={
            "linked_conference": move.obj, "stored_files": delivery["files"],
            "on": datetime.date.fromisoformat(delivery["on"]),
        })  # fmt: skip
