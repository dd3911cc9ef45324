from ninja import Field, Router, Schema
from ninja.errors import HttpError

from thidua.core.periods import parse_period
from thidua.quotas import selectors
from thidua.units.selectors import get_group_for

router = Router(tags=["Cụm, khối thi đua"])


class ComplianceRowOut(Schema):
    membership_id: int = Field(alias="membership.pk")
    unit_id: int = Field(alias="membership.unit_id")
    unit_name: str = Field(alias="membership.unit.name")
    period: str = Field(alias="period.key")
    period_label: str = Field(alias="period.label")
    minimum: int
    accepted: int
    pending: int
    returned: int
    status: str
    shortfall: int


@router.get("/groups/{group_id}/compliance", response=list[ComplianceRowOut])
def group_compliance(request, group_id: int, period: str):
    """Each member's standing for its own period containing the start of `period`
    (a key such as 2025-Q1, 2025-H2, 2025-M03, 2025-Y): status met, short or nothing."""
    group = get_group_for(request.user, group_id)
    chosen = parse_period(period)
    if chosen is None:
        raise HttpError(422, "Kỳ không hợp lệ; ví dụ: 2025-Q1, 2025-H2, 2025-M03, 2025-Y.")
    return selectors.compliance(group, chosen.start)
