"""The compliance board of a plan as officers export it (documents/reports.py): one row a
unit, one column a milestone; its columns are the plan's milestones."""

from django.conf import settings
from django.utils import timezone

from thidua.core.forms import is_id
from thidua.core.pagination import bounded_count
from thidua.documents.reports import Column, Report, Table, source
from thidua.plans import selectors
from thidua.units.selectors import get_group_for, get_unit_for


def _cell_text(obligation) -> str:
    if obligation is None:
        return ""
    text = selectors.STATUS_LABELS[obligation.status]
    if obligation.delivered_on:
        text += f" ({obligation.delivered_on:%d/%m/%Y})"
    return text


def _milestone(index: int):
    return lambda row: _cell_text(row[1][index])


def board_report(plan, milestones) -> Report:
    """Rows are (unit, [obligation or None per milestone]); Word shares 180 mm of the
    landscape page among the milestones."""
    width = max(20, 180 // max(len(milestones), 1))
    columns = [Column("Đơn vị", 36, lambda row: row[0].name, docx_mm=60)]
    columns += [Column(f"{m.title[:60]} (hạn {m.due_on:%d/%m/%Y})", 24, _milestone(index),
                       docx_mm=width) for index, m in enumerate(milestones)]  # fmt: skip
    return Report(title=f"Tiến độ thực hiện Kế hoạch {plan}"[:300], columns=tuple(columns))


def board_filters(user, params) -> dict:
    """The board's filters from a query; a unit or group outside the user's scope answers
    404 like any other lookup."""
    status, within, group = (params.get(name, "") for name in ("status", "unit", "group"))
    return {
        "status": status if status in selectors.STATUS_LABELS else "",
        "within": get_unit_for(user, within) if is_id(within) else None,
        "group": get_group_for(user, group) if is_id(group) else None,
    }


@source("board")
def board_table(user, params, *, plan_id: int) -> Table:
    """The board of the plan `plan_id` as its viewer filters it: one row a unit."""
    plan, today = selectors.get_plan_for(user, plan_id), timezone.localdate()
    obligations = selectors.board_obligations(user, plan, today, **board_filters(user, params))
    milestones = list(plan.milestones.all())
    size = bounded_count(selectors.board_units(obligations), settings.EXPORT_MAX_ROWS)
    rows = selectors.board_export_rows(plan, obligations, today, milestones)
    return Table(board_report(plan, milestones), rows, size=size, issuer=plan.issuer)
