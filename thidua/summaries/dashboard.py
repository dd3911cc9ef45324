"""A unit's dashboard: the figures of the reports over time and across the units below,
each as a chart and its table. Counted by the same rules as summaries.figures (a year's
column here is that report's figure for the year; tests/summaries/test_dashboard.py holds
the two to each other), but grouped by year in one query each, not a query per year."""

from collections import Counter

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from thidua.awards.models import AwardRecord
from thidua.conferences.models import Conference
from thidua.exemplars.models import Exemplar
from thidua.plans.models import Obligation
from thidua.plans.selectors import STATUS_LABELS, with_status
from thidua.summaries import figures as F
from thidua.summaries.charts import bar_chart
from thidua.units.selectors import under
from thidua.workflow.models import Transition


def stages_by_year(unit, start: int, end: int, field=None) -> F.Figure:
    first, last = F.period_days(start, end)
    ours = Exemplar.objects.filter(under(unit), **({"field": field} if field else {}))
    added = dict(ours.filter(created_at__date__range=(first, last)).order_by()
                 .annotate(y=ExtractYear("created_at")).values_list("y")
                 .annotate(n=Count("pk")))  # fmt: skip
    moved = (Transition.objects.filter(F._ledger_paths(unit), workflow="exemplar",
                                       on__range=(first, last),
                                       object_id__in=ours.values("pk"))
             .order_by().annotate(y=ExtractYear("on")).values_list("action", "y")
             .annotate(n=Count("object_id", distinct=True)))  # fmt: skip
    counts = {(action, year): n for action, year, n in moved}
    rows = [[str(y), added.get(y, 0), *(counts.get((a, y), 0) for a, _l in F.STAGES)]
            for y in range(start, end + 1)]  # fmt: skip
    return F.Figure("dien-hinh-theo-nam", "Điển hình tiên tiến theo năm và giai đoạn",
                    ["Năm", *F.STAGE_HEADERS], rows)  # fmt: skip


def awards_by_year(unit, start: int, end: int) -> F.Figure:
    person = Q(subject__kind="individual")
    grouped = {row["year"]: row for row in
               AwardRecord.objects.filter(under(unit), year__range=(start, end),
                                          revoked_on__isnull=True)
               .order_by().values("year")
               .annotate(all=Count("pk"), people=Count("pk", filter=person))}  # fmt: skip
    rows = []
    for year in range(start, end + 1):
        row = grouped.get(year, {"all": 0, "people": 0})
        rows.append([str(year), row["all"], row["all"] - row["people"], row["people"]])
    return F.Figure("khen-thuong-theo-nam", "Khen thưởng theo năm",
                    ["Năm", "Tổng số", "Tập thể", "Cá nhân"], rows)  # fmt: skip


STATUSES = ["on_time", "late", "overdue", "pending", "returned"]


def plan_compliance(unit, start: int, end: int) -> F.Figure:
    """The obligations due in the period of each unit below, by their displayed status."""
    first, last = F.period_days(start, end)
    owners = F.units_below(unit)
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


def conference_progress(unit, start: int, end: int) -> F.Figure:
    """Towards the congress: each unit below and its conference for the period."""
    owners = F.units_below(unit)
    held = {}
    for conference in (Conference.objects.filter(under(unit), period_start__lte=end,
                                                 period_end__gte=start)
                       .select_related("unit").order_by("pk")):  # fmt: skip
        owner = F.owner_of(owners, conference.unit.path)
        if owner is not None:
            held[owner] = conference
    rows = [[c.name, held[c.pk].get_status_display() if c.pk in held else "Chưa có"]
            for c, _paths in owners]  # fmt: skip
    return F.Figure("hoi-nghi-tien-do", "Hội nghị của các đơn vị trực thuộc",
                    ["Đơn vị", "Tình trạng"], rows)  # fmt: skip


def charts(unit, start: int, end: int, field=None) -> list[tuple[F.Figure, str]]:
    """Each figure with its chart."""
    stages, awards = stages_by_year(unit, start, end, field), awards_by_year(unit, start, end)
    plans, progress = plan_compliance(unit, start, end), conference_progress(unit, start, end)
    tally = Counter(row[1] for row in progress.rows)
    return [
        (stages, _by_columns(stages)),
        (awards, _by_columns(awards, skip=1)),
        (plans, _by_columns(plans)),
        (progress, bar_chart(progress.title, list(tally), [("Số đơn vị", list(tally.values()))])),
    ]


def _by_columns(figure: F.Figure, skip: int = 0) -> str:
    """One series per column after the first (and `skip` more): one group per row."""
    columns = range(1 + skip, len(figure.headers))
    series = [(figure.headers[n], [row[n] for row in figure.rows]) for n in columns]
    return bar_chart(figure.title, [str(row[0]) for row in figure.rows], series)
