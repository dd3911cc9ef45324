"""The five-year summary report in Word, in the state format (Decree 30/2020/NĐ-CP) and
the samples' outline (000, 003): part I the results (movements, exemplars, conferences,
commendation, leadership), part II shortcomings, part III directions. Each figure comes
from summaries.figures; each written part from the officer's draft, or a line to fill."""

import datetime

from django.core.files.base import ContentFile

from thidua.core.jobs import finish, progress
from thidua.core.text import thousands
from thidua.documents.frame import file_name, frame_for, settings_of
from thidua.documents.frame_docx import JUSTIFY, foot, head, new_document, para, run, saved
from thidua.summaries import figures as F
from thidua.summaries.models import SummaryReport

TO_WRITE = "(Đơn vị bổ sung nội dung này.)"


def cell_text(value) -> str:
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, int):
        return thousands(value)
    return str(value)


def figure_table(document, figure: F.Figure) -> None:
    if not figure.rows:
        para(document, "Không có số liệu trong giai đoạn.", italic=True)
        return
    table = document.add_table(rows=1, cols=len(figure.headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, figure.headers, strict=True):
        run(cell.paragraphs[0], header, bold=True, size=11)
    for row in figure.rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            run(cell.paragraphs[0], cell_text(value), size=11)


def _written(document, text: str) -> None:
    for line in (text or TO_WRITE).splitlines() or [TO_WRITE]:
        if line.strip():
            para(document, line.strip(), align=JUSTIFY, italic=not text)


def title_of(report: SummaryReport) -> str:
    return (f"Tổng kết phong trào thi đua yêu nước và công tác khen thưởng giai đoạn "
            f"{report.period_start}–{report.period_end}")  # fmt: skip


def summary_docx(report: SummaryReport, found: dict | None = None) -> bytes:
    unit, start, end = report.unit, report.period_start, report.period_end
    if found is None:
        found = {figure.key: figure for figure in F.all_figures(unit, start, end)}
    above = [settings_of(unit.parent)["issuer_name"]] if unit.parent_id else []
    frame = frame_for(unit, kind="BÁO CÁO", summary=title_of(report), recipients=above)
    document = new_document()
    head(document, frame)
    para(document, "I. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA VÀ CÔNG TÁC KHEN THƯỞNG",
         bold=True, before=6)  # fmt: skip
    for heading, keys, written in _part_one(report):
        para(document, heading, bold=True, before=6)
        for line in _sentences(found, keys):
            para(document, line, align=JUSTIFY)
        for key in keys:
            para(document, found[key].title, italic=True, before=3)
            figure_table(document, found[key])
        if written is not None:
            _written(document, written)
    para(document, "II. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN VÀ BÀI HỌC KINH NGHIỆM", bold=True,
         before=6)  # fmt: skip
    _written(document, report.shortcomings)
    para(document, f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN {end}–{end + 5}", bold=True, before=6)
    _written(document, report.directions)
    foot(document, frame)
    return saved(document)


def _part_one(report):
    return [
        ("1. Kết quả các phong trào thi đua", ["phong-trao"], report.movements_effect),
        ("2. Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
         ["dien-hinh", "cong-nhan"], None),
        ("3. Hội nghị điển hình tiên tiến, đại hội thi đua", ["hoi-nghi"], None),
        ("4. Kết quả công tác khen thưởng", ["khen-thuong"], report.commendation_quality),
        ("5. Công tác lãnh đạo, chỉ đạo", [], report.leadership),
    ]  # fmt: skip


def _sentences(found: dict, keys: list[str]) -> list[str]:
    """The figures said in words, from the same tables (so the text and tables agree)."""
    lines = []
    if "phong-trao" in keys:
        lines.append(f"Trong giai đoạn đã phát động {len(found['phong-trao'].rows)} phong trào "
                     "thi đua.")  # fmt: skip
    if "dien-hinh" in keys:
        stages = found["dien-hinh"]
        numbers = [thousands(stages.total(n)) for n in range(1, 5)]
        lines.append(f"Phát hiện {numbers[0]} điển hình tiên tiến; bồi dưỡng {numbers[1]}; công "
                     f"nhận {numbers[2]}; nhân rộng {numbers[3]}.")  # fmt: skip
    if "hoi-nghi" in keys:
        lines.append(f"Đã tổ chức {len(found['hoi-nghi'].rows)} hội nghị, đại hội.")
    if "khen-thuong" in keys:
        lines.append(commendation_sentence(found["khen-thuong"]))
    return lines


def commendation_sentence(figure: F.Figure) -> str:
    total, people = figure.total(1), figure.total(3)
    direct = figure.total(4)
    share = f" ({direct * 100 / people:.1f}%)".replace(".", ",") if people else ""
    return (f"Tổng số {thousands(total)} lượt khen thưởng: {thousands(figure.total(2))} tập "
            f"thể, {thousands(people)} cá nhân, trong đó {thousands(direct)} người trực tiếp "
            f"lao động, sản xuất{share}; công nhân {thousands(figure.total(5))}, nông dân "
            f"{thousands(figure.total(6))}, nữ {thousands(figure.total(7))}, dân tộc thiểu số "
            f"{thousands(figure.total(8))}.")  # fmt: skip


def for_conference(conference) -> bytes:
    """The dossier's «Báo cáo tổng kết»: the unit's report for the conference's period, as
    drafted (an undrafted one with its figures and the parts to write)."""
    report = SummaryReport.objects.filter(
        unit=conference.unit, period_start=conference.period_start,
        period_end=conference.period_end,
    ).first() or SummaryReport(unit=conference.unit, period_start=conference.period_start,
                               period_end=conference.period_end)  # fmt: skip
    return summary_docx(report)


def write_job(job) -> None:
    """The job's report: each figure counted (the progress), then the document laid out."""
    report = job.report
    found = {}
    for n, count in enumerate(F.FIGURES, start=1):
        figure = count(report.unit, report.period_start, report.period_end)
        found[figure.key] = figure
        progress(job, done_count=n)
    progress(job, stage="layout")
    name = file_name("Báo cáo tổng kết", f"{report.period_start}-{report.period_end}",
                     extension="docx")  # fmt: skip
    job.file.save(name, ContentFile(summary_docx(report, found)), save=False)
    finish(job, file=job.file.name, done_count=job.total)
