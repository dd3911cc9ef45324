"""The yearly report on building and replicating models (sample 001 §IV): for a unit and a
year, the exemplars by field and stage (as the five-year report counts them, for one
year), the same rolled up by the units directly below, the models replicated and where,
and the standing of the unit's clusters and blocks at the year's end. Word and Excel."""

import datetime
from collections import Counter

from django.db.models import Count
from django.utils import timezone

from thidua.documents.frame import frame_for, settings_of
from thidua.documents.frame_docx import JUSTIFY, foot, head, new_document, para, saved
from thidua.exemplars.models import Replication
from thidua.quotas.selectors import compliance_of
from thidua.summaries import figures as F
from thidua.summaries.report_docx import TO_WRITE, figure_table
from thidua.units.selectors import under

TITLE = "Kết quả xây dựng và nhân rộng điển hình tiên tiến năm {year}"


def by_units_below(unit, year: int) -> F.Figure:
    """Each unit directly below (with the units merged into it) and the unit itself: the
    exemplars it added, nurtured, recognised and replicated in the year."""
    owners = F.units_below(unit)
    columns = F.stage_columns(unit, year, year)
    counts = []
    for column in columns:  # grouped by unit in the database, then by the unit below
        count = Counter()
        for path, n in column.order_by().values_list("unit__path").annotate(n=Count("pk")):
            count[F.owner_of(owners, path)] += n
        counts.append(count)
    rows = [[c.name, *(count[c.pk] for count in counts)] for c, _paths in owners]
    rows.append([f"{unit.name} (trực tiếp)", *(count[None] for count in counts)])
    headers = ["Đơn vị", *F.STAGE_HEADERS]
    return F.Figure("don-vi", "Theo đơn vị trực thuộc", headers,
                    [row for row in rows if any(row[1:])])  # fmt: skip


def replications(unit, year: int) -> F.Figure:
    first, last = F.period_days(year, year)
    found = (Replication.objects.filter(under(unit, "exemplar__unit"),
                                        adopted_on__range=(first, last))
             .select_related("exemplar__subject", "unit").order_by("adopted_on", "pk"))  # fmt: skip
    rows = [[r.exemplar.title, r.exemplar.subject.name, r.unit.name, r.adopted_on, r.result]
            for r in found]  # fmt: skip
    return F.Figure("nhan-rong", "Mô hình được nhân rộng",
                    ["Mô hình", "Của", "Nơi áp dụng", "Ngày áp dụng", "Kết quả"], rows)  # fmt: skip


def groups(unit, year: int) -> F.Figure:
    """The unit's clusters and blocks: each member's standing at the year's end (today for
    the year under way), by the minimum in force then."""
    day = min(datetime.date(year, 12, 31), timezone.localdate())
    owned = list(unit.owned_groups.order_by("kind", "number", "pk"))
    standing = compliance_of(owned, day)  # the same three queries however many groups
    rows = [[str(group), row.membership.unit.name, row.period.label, row.minimum,
             row.accepted, row.status_label]
            for group in owned for row in standing.get(group.pk, [])]  # fmt: skip
    return F.Figure("cum-khoi", "Kết quả gửi điển hình của các cụm, khối thi đua",
                    ["Cụm, khối", "Đơn vị", "Kỳ", "Tối thiểu", "Đã chấp nhận", "Kết quả"],
                    rows)  # fmt: skip


def yearly_figures(unit, year: int) -> list[F.Figure]:
    stages = F.exemplar_stages(unit, year, year)
    return [stages, by_units_below(unit, year), replications(unit, year), groups(unit, year)]


def yearly_docx(unit, year: int) -> bytes:
    above = [settings_of(unit.parent)["issuer_name"]] if unit.parent_id else []
    frame = frame_for(unit, kind="BÁO CÁO", summary=TITLE.format(year=year), recipients=above)
    document = new_document()
    head(document, frame)
    found = yearly_figures(unit, year)
    for number, figure in enumerate(found, start=1):
        para(document, f"{number}. {figure.title}", bold=True, before=6)
        figure_table(document, figure)
    para(document, f"{len(found) + 1}. Đánh giá, kiến nghị", bold=True, before=6)
    para(document, TO_WRITE, italic=True, align=JUSTIFY)
    foot(document, frame)
    return saved(document)
