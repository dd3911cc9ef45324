"""What an exemplar counts for on the dashboards (tallies.models), by its field: the year it
was added («exemplar_added», discovered), and each year it was nurtured, recognised or
replicated, once per stage and year however often it moved there (from the ledger), as the
reports count them (summaries.figures.stage_columns)."""

from django.db.models import Count as Number
from django.db.models import OuterRef, Subquery
from django.db.models.functions import ExtractYear
from django.utils import timezone

from thidua.exemplars.enums import StageAction
from thidua.exemplars.models import Exemplar
from thidua.tallies.services import Count, change
from thidua.workflow.engine import subscribe
from thidua.workflow.models import Transition

STAGE_ACTIONS = (StageAction.NURTURE, StageAction.RECOGNISE, StageAction.REPLICATE)
MEASURES = ("exemplar_added", *(f"exemplar_{action}" for action in STAGE_ACTIONS))


def count_added(exemplar: Exemplar) -> None:
    year = timezone.localtime(exemplar.created_at).year
    change(after=[Count("exemplar_added", exemplar.unit.path, year, str(exemplar.field_id))])


def _count_stage(move) -> None:
    """The first move of the exemplar to this stage in the year counts it."""
    row, exemplar = move.row, move.obj
    earlier = (Transition.objects.filter(workflow="exemplar", object_id=exemplar.pk,
                                         action=row.action, on__year=row.on.year)
               .exclude(pk=row.pk))  # fmt: skip
    if not earlier.exists():
        change(after=[Count(f"exemplar_{row.action}", exemplar.unit.path, row.on.year,
                            str(exemplar.field_id))])  # fmt: skip


for _action in STAGE_ACTIONS:
    subscribe("exemplar", _action)(_count_stage)


def recounted():
    """(Count, n) of every exemplar and stage, grouped in the database."""
    added = (Exemplar.objects.order_by().annotate(y=ExtractYear("created_at"))
             .values_list("unit__path", "y", "field_id").annotate(n=Number("pk")))  # fmt: skip
    for path, year, field, n in added:
        yield Count("exemplar_added", path, year, str(field)), n
    of = Exemplar.objects.filter(pk=OuterRef("object_id"))
    moves = (Transition.objects.filter(workflow="exemplar", action__in=STAGE_ACTIONS)
             .order_by().annotate(y=ExtractYear("on"),
                                  path=Subquery(of.values("unit__path")[:1]),
                                  field=Subquery(of.values("field_id")[:1]))
             .values_list("action", "path", "y", "field")
             .annotate(n=Number("object_id", distinct=True)))  # fmt: skip
    for action, path, year, field, n in moves:
        if path is not None:
            yield Count(f"exemplar_{action}", path, year, str(field)), n
