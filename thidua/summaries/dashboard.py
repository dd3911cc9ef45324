"""A unit's dashboard: the figures of the reports over time and across the units below,
each as a chart and its table. Counted by the same rules as summaries.figures (a year's
column here is that report's figure for the year; tests/summaries/test_dashboard.py holds
the two to each other). Exemplars and awards are read from the tallies (tallies.models),
a few rows for any subtree, where the reports count the rows themselves; the units
below's plans and conferences are a few thousand rows at most, counted here."""

from collections import Counter

from django.db.models import Count
from django.utils import timezone

from thidua.awards.models import Award
from thidua.conferences.models import Conference
from thidua.exemplars.enums import SubjectKind
from thidua.plans.models import Obligation
from thidua.plans.selectors import STATUS_LABELS, with_status
from thidua.summaries import figures as F
from thidua.summaries.charts import bar_chart
from thidua.tallies.selectors import totals
from thidua.units.selectors import under


def stages_by_year(unit, start: int, end: int, field=None) -> F.Figure:
    measures = ["exemplar_added", *(f"exemplar_{action}" for action, _l in F.STAGES)]
    found = Counter()
    key = None if field is None else str(field.pk)
    for (measure, year, _key), n in totals(unit, measures, start, end, key).items():
        found[(measure, year)] += n
    rows = [[str(y), *(found[(m, y)] for m in measures)] for y in range(start, end + 1)]
    return F.Figure("dien-hinh-theo-nam", "Điển hình tiên tiến theo năm và giai đoạn",
                    ["Năm", *F.STAGE_HEADERS], rows)  # fmt: skip


def awards_by_year(unit, start: int, end: int) -> F.Figure:
    found = totals(unit, ["award"], start, end)
    rows = []
    for year in range(start, end + 1):
        kinds = {kind: n for (_m, y, kind), n in found.items() if y == year}
        people = kinds.get(SubjectKind.INDIVIDUAL, 0)
        rows.append([str(year), sum(kinds.values()), sum(kinds.values()) - people, people])
    return F.Figure("khen-thuong-theo-nam", "Khen thưởng theo năm",
                    ["Năm", "Tổng số", "Tập thể", "Cá nhân"], rows)  # fmt: skip


def awards_by_form(unit, start: int, end: int) -> F.Figure:
    """Each form of the catalogue awarded in the period, by year (the titles outside the
    catalogue together, last)."""
    found = totals(unit, ["award_form"], start, end)
    years = range(start, end + 1)
    named = {str(a.pk): a.name for a in Award.objects.filter(
        pk__in=[int(k) for (_m, _y, k) in found if k]).order_by("position", "pk")}  # fmt: skip
    forms = list(named.items())
    if any(not k for (_m, _y, k) in found):
        forms.append(("", "Khác (ngoài danh mục)"))
    rows = []
    for key, name in forms:
        counts = [found.get(("award_form", y, key), 0) for y in years]
        if any(counts):
            rows.append([name, *counts, sum(counts)])
    return F.Figure("khen-thuong-theo-hinh-thuc", "Khen thưởng theo hình thức và năm",
                    ["Danh hiệu, hình thức", *(str(y) for y in years), "Cộng"], rows)  # fmt: skip


STATUSES = ["on_time", "late", "overdue", "pending", "returned"]


def plan_compliance(unit, start: int, end: int, owners=None) -> F.Figure:
    """The obligations due in the period of each unit below, by their displayed status."""
    first, last = F.period_days(start, end)
    owners = F.units_below(unit) if owners is None else owners
    found = (with_status(Obligation.objects.filter(under(unit),
                                                   milestone__due_on__range=(first, last)),
                         timezone.localdate())
             .order_by().values_list("unit__path", "status").annotate(n=Count("pk")))  # fmt: skip
    counts = Counter()
    for path, status, n in found:
        counts[(F.owner_of(owners, path), status)] += n
    rows = [[c.name, *(counts[(c.pk, s)] for s in STATUSES)] for c, _paths in owners]
    return F.Figure("ke-hoach", "Thực hiện kế hoạch của các đơn vị trực thuộc",
                    ["Đơn vị", *(STATUS_LABELS[s] for s in STATUSES)],
                    [row for row in rows if any(row[1:])])  # fmt: skip


def conference_progress(unit, start: int, end: int, owners=None) -> F.Figure:
    """Towards the congress: each unit below and its own conference for the period (or
    that of a unit merged into it), the latest if there are several."""
    owners = F.units_below(unit) if owners is None else owners
    ids = {int(path.strip("/").split("/")[-1]): c.pk for c, paths in owners for path in paths}
    held = {}
    theirs = Conference.objects.filter(unit_id__in=list(ids), period_start__lte=end,
                                       period_end__gte=start)  # fmt: skip
    for conference in theirs.order_by("pk"):
        held[ids[conference.unit_id]] = conference
    rows = [[c.name, held[c.pk].get_status_display() if c.pk in held else "Chưa có"]
            for c, _paths in owners]  # fmt: skip
    return F.Figure("hoi-nghi-tien-do", "Hội nghị của các đơn vị trực thuộc",
                    ["Đơn vị", "Tình trạng"], rows)  # fmt: skip


def charts(unit, start: int, end: int, field=None) -> list[tuple[F.Figure, str]]:
    """Each figure with its chart."""
    stages, awards = stages_by_year(unit, start, end, field), awards_by_year(unit, start, end)
    forms = awards_by_form(unit, start, end)
    owners = F.units_below(unit)  # the rows of both roll-ups, read once
    plans = plan_compliance(unit, start, end, owners)
    progress = conference_progress(unit, start, end, owners)
    tally = Counter(row[1] for row in progress.rows)
    return [
        (stages, _by_columns(stages)),
        (awards, _by_columns(awards, skip=1)),
        (forms, _by_columns(forms, last=len(forms.headers) - 1)),
        (plans, _by_columns(plans)),
        (progress, bar_chart(progress.title, list(tally), [("Số đơn vị", list(tally.values()))])),
    ]


def _by_columns(figure: F.Figure, skip: int = 0, last: int | None = None) -> str:
    """One series per column after the first (and `skip` more) up to `last` (a total
    column is left out): one group per row."""
    columns = range(1 + skip, last or len(figure.headers))
    series = [(figure.headers[n], [row[n] for row in figure.rows]) for n in columns]
    return bar_chart(figure.title, [str(row[0]) for row in figure.rows], series)
