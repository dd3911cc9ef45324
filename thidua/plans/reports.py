"""The compliance board of a plan as officers export it (documents/reports.py): one row a
unit, one column a milestone; its columns are the plan's milestones."""

from thidua.documents.reports import Column, Report
from thidua.plans import selectors


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
    return Report(title=f"Tiến độ thực hiện Kế hoạch {plan}"[:300],
                  filename=f"tien-do-ke-hoach-{plan.pk}", columns=tuple(columns))  # fmt: skip
