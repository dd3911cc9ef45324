"""Reads of the ledger: histories, and figures over a subtree (the fact table of the
reports to come)."""

from functools import reduce
from operator import or_

from django.db.models import Count, Q

from thidua.workflow.models import Transition

# Figures that reports ask for, as filters on the ledger.
RECOGNISED = Q(workflow="exemplar", action="recognise")
HELD = Q(workflow="conference", action="hold")
DELIVERED_LATE = Q(workflow="obligation", action="deliver", payload__late=True)


def subtree_counts(path: str, first, last, measures: dict[str, Q]) -> dict[str, int]:
    """How many transitions of each measure happened in the subtree at `path` from the day
    `first` to the day `last` (both included, by the day each happened), in one query on
    the ledger's subtree index: "exemplars recognised, conferences held and obligations
    delivered late in a province this term"."""
    # The subtree and the days go inside each measure's branch, so that PostgreSQL can read
    # each branch from the index (workflow, action, path prefix, day) and OR the bitmaps.
    where = Q(unit_path__startswith=path, on__gte=first, on__lte=last)
    rows = Transition.objects.filter(reduce(or_, (where & q for q in measures.values())))
    return rows.aggregate(**{name: Count("pk", filter=q) for name, q in measures.items()})
