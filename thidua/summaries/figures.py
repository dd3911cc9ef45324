"""The figures of the five-year summary report, each computed from the rows of the unit's
subtree and of the units merged into it (units.selectors.under) for the period's years:
nothing is typed. Each figure is a small table (`Figure`) that the page, the Word report
and the Excel download all show the same way. A revoked award counts for nothing."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from thidua.awards.models import AwardRecord
from thidua.conferences.enums import ConferenceStatus
from thidua.conferences.models import Conference
from thidua.exemplars.enums import Occupation, RecognitionLevel, StageAction
from thidua.exemplars.models import Exemplar, Field, Recognition
from thidua.movements.models import Movement
from thidua.units.models import Unit
from thidua.units.selectors import under
from thidua.workflow.models import Transition


@dataclass
class Figure:
    key: str
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)

    def total(self, column: int) -> int:
        return sum(row[column] for row in self.rows if isinstance(row[column], int))


def period_days(start: int, end: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(start, 1, 1), datetime.date(end, 12, 31)


def movements(unit, start: int, end: int) -> Figure:
    """Movements launched by the unit or below that ran during the period."""
    first, last = period_days(start, end)
    rows = (Movement.objects.filter(under(unit, "launched_by"), starts_on__lte=last,
                                    ends_on__gte=first)
            .select_related("launched_by").order_by("starts_on", "pk"))  # fmt: skip
    return Figure("phong-trao", "Các phong trào thi đua đã phát động",
                  ["Phong trào", "Đơn vị phát động", "Từ ngày", "Đến ngày"],
                  [[m.name, m.launched_by.name, m.starts_on, m.ends_on] for m in rows])  # fmt: skip


def _ledger_paths(unit) -> Q:
    paths = (unit.path, *unit.predecessors.values_list("path", flat=True))
    condition = Q()
    for path in paths:
        condition |= Q(unit_path__startswith=path)
    return condition


def units_below(unit) -> list[tuple]:
    """The current units directly below, each with the paths that count for it (its own
    and those of the units merged into it): the rows of a roll-up."""
    merged = Prefetch("predecessors", queryset=Unit.objects.only("path"))
    children = (unit.children.filter(valid_to__isnull=True).order_by("sort_name", "pk")
                .prefetch_related(merged))  # fmt: skip
    return [(c, (c.path, *(p.path for p in c.predecessors.all()))) for c in children]


def owner_of(owners, path: str):
    """The id of the unit below whose paths hold `path` (None: the unit itself)."""
    return next((c.pk for c, paths in owners if any(path.startswith(p) for p in paths)), None)


STAGES = ((StageAction.NURTURE, "Bồi dưỡng"), (StageAction.RECOGNISE, "Công nhận"),
          (StageAction.REPLICATE, "Nhân rộng"))  # fmt: skip


STAGE_HEADERS = ["Phát hiện", *(label for _action, label in STAGES)]


def stage_columns(unit, start: int, end: int) -> list:
    """The unit's exemplars discovered (added) in the period, then those nurtured,
    recognised and replicated in it (each once, from the ledger of their stage changes):
    the columns of STAGE_HEADERS, as querysets to group."""
    first, last = period_days(start, end)
    ours = Exemplar.objects.filter(under(unit))
    columns = [ours.filter(created_at__date__range=(first, last))]
    for action, _label in STAGES:
        moved = Transition.objects.filter(_ledger_paths(unit), workflow="exemplar",
                                          action=action, on__range=(first, last))  # fmt: skip
        columns.append(ours.filter(pk__in=moved.values("object_id")))
    return columns


def exemplar_stages(unit, start: int, end: int) -> Figure:
    """By field: the exemplars of each of the stage columns."""
    columns = stage_columns(unit, start, end)
    counts = [dict(c.order_by().values_list("field_id").annotate(n=Count("pk"))) for c in columns]
    rows = [[f.name, *(count.get(f.pk, 0) for count in counts)]
            for f in Field.objects.order_by("position", "pk")]  # fmt: skip
    headers = ["Lĩnh vực", *STAGE_HEADERS]
    return Figure("dien-hinh", "Điển hình tiên tiến theo lĩnh vực và giai đoạn", headers,
                  [row for row in rows if any(row[1:])])  # fmt: skip


def recognitions(unit, start: int, end: int) -> Figure:
    first, last = period_days(start, end)
    found = dict(Recognition.objects.filter(under(unit, "exemplar__unit"),
                                            on__range=(first, last))
                 .order_by().values_list("level").annotate(n=Count("pk")))  # fmt: skip
    rows = [[label, found[value]] for value, label in RecognitionLevel.choices if value in found]
    return Figure("cong-nhan", "Điển hình được công nhận theo cấp", ["Cấp", "Số điển hình"], rows)


def conferences(unit, start: int, end: int) -> Figure:
    """Conferences and congresses held in the period, with their delegates and honourees."""
    first, last = period_days(start, end)
    done = [ConferenceStatus.HELD, ConferenceStatus.REPORTED]
    honoured = Count("delegates", filter=Q(delegates__is_honouree=True))
    held = (Conference.objects.filter(under(unit), held_on__range=(first, last), status__in=done)
            .select_related("unit").order_by("held_on", "pk")
            .annotate(invited=Count("delegates"), honoured=honoured))  # fmt: skip
    rows = [[c.name, c.unit.name, c.held_on, c.invited, c.honoured] for c in held]
    return Figure("hoi-nghi", "Hội nghị, đại hội đã tổ chức",
                  ["Hội nghị, đại hội", "Đơn vị", "Ngày", "Đại biểu", "Được tuyên dương"],
                  rows)  # fmt: skip


SHARES = (
    ("Trực tiếp lao động, sản xuất", Q(subject__is_direct_labourer=True)),
    ("Công nhân", Q(subject__occupation=Occupation.WORKER)),
    ("Nông dân", Q(subject__occupation=Occupation.FARMER)),
    ("Nữ", Q(subject__gender="female")),
    ("Dân tộc thiểu số", ~Q(subject__ethnicity="") & ~Q(subject__ethnicity__iexact="kinh")),
)


def commendation(unit, start: int, end: int) -> Figure:
    """Awards of the period by title or form (its name says the level): collectives,
    individuals, and of the individuals those who work directly, workers, farmers, women
    and ethnic minorities (sample 001: priority to them), revoked ones left out."""
    person = Q(subject__kind="individual")
    counts = {"tap_the": Count("pk", filter=~person), "ca_nhan": Count("pk", filter=person)}
    counts |= {f"s{n}": Count("pk", filter=person & q) for n, (_l, q) in enumerate(SHARES)}
    grouped = (AwardRecord.objects.filter(under(unit), year__range=(start, end),
                                          revoked_on__isnull=True)
               .values("award__position", "title").annotate(**counts)
               .order_by("award__position", "title"))  # fmt: skip
    rows = [[g["title"], g["tap_the"] + g["ca_nhan"], g["tap_the"], g["ca_nhan"],
             *(g[f"s{n}"] for n in range(len(SHARES)))] for g in grouped]  # fmt: skip
    headers = ["Danh hiệu, hình thức", "Tổng số", "Tập thể", "Cá nhân",
               *(label for label, _q in SHARES)]  # fmt: skip
    return Figure("khen-thuong", "Kết quả khen thưởng theo danh hiệu, hình thức", headers, rows)


FIGURES = (movements, exemplar_stages, recognitions, conferences, commendation)


def all_figures(unit, start: int, end: int) -> list[Figure]:
    return [count(unit, start, end) for count in FIGURES]
