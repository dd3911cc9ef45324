"""Reading the tallies of a unit: its subtree and the subtrees of the units merged into it,
as units.selectors.under counts rows (a subtree that lies inside another counted one is
left out, or its rows would count twice)."""

from django.db.models import Sum

from thidua.tallies.models import Tally


def _roots(unit) -> list[int]:
    paths = sorted({unit.path, *unit.predecessors.values_list("path", flat=True)})
    kept = [p for p in paths if not any(p != q and p.startswith(q) for q in paths)]
    return [int(p.strip("/").split("/")[-1]) for p in kept]


def totals(unit, measures, start: int, end: int, key: str | None = None) -> dict:
    """{(measure, year, key): n} for the unit's subtree over the years `start`–`end`."""
    rows = Tally.objects.filter(unit_id__in=_roots(unit), measure__in=list(measures),
                                year__range=(start, end))  # fmt: skip
    if key is not None:
        rows = rows.filter(key=key)
    grouped = rows.order_by().values_list("measure", "year", "key").annotate(total=Sum("n"))
    return {(measure, year, k): n for measure, year, k, n in grouped}
