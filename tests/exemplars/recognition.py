"""Recognising in tests as an officer does: the required criteria ticked, then the stage
action with the recognition it records."""

import datetime

from thidua.exemplars import criteria, services
from thidua.workflow.engine import transition

RECOGNITION = {"level": "commune", "occasion": "Hội nghị sơ kết phong trào thi đua",
               "on": datetime.date(2026, 6, 15), "decision": "45/QĐ-UBND"}  # fmt: skip


def meet_criteria(exemplar, *, actor=None) -> None:
    answers = {check.pk: (True, "Biên bản họp xét") for check in criteria.checklist(exemplar)}
    services.update_checks(actor=actor, exemplar=exemplar, answers=answers)


def recognise(exemplar, *, by, reason: str = ""):
    meet_criteria(exemplar, actor=by)
    return transition(exemplar, "recognise", by=by, reason=reason, data=RECOGNITION)
