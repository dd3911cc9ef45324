"""The compliance table of a cluster or block as officers export it (documents/reports.py)."""

from thidua.documents.reports import Column, Report

COMPLIANCE = Report(
    title="Kết quả gửi điển hình",
    columns=(
        Column("Đơn vị thành viên", 36, lambda r: r.membership.unit.name),
        Column("Kỳ", 22, lambda r: r.period.label),
        Column("Tối thiểu", 10, lambda r: r.minimum),
        Column("Đã chấp nhận", 12, lambda r: r.accepted),
        Column("Chờ xem xét", 12, lambda r: r.pending),
        Column("Bị trả lại", 11, lambda r: r.returned),
        Column("Kết quả", 14, lambda r: r.status_label),
    ),
)
