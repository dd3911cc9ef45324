"""Every tallied measure with the app that counts it, for recounting them all (the
`rebuild_tallies` command; the bench generator after its bulk load) and for checking
that the kept counts equal the rows (`rebuild_tallies --check`)."""

from collections import Counter

from thidua.awards import tallies as award_tallies
from thidua.exemplars import tallies as exemplar_tallies
from thidua.tallies.models import Tally
from thidua.tallies.services import path_ids, recount

SOURCES = (award_tallies, exemplar_tallies)


def rebuild_all() -> int:
    """Recount every measure from its rows; how many tally rows that makes."""
    return sum(recount(measures=s.MEASURES, counts=s.recounted()) for s in SOURCES)


def drift() -> list[tuple]:
    """(measure, unit id, year, key, kept, counted) wherever the kept count is wrong."""
    counted = Counter()
    for source in SOURCES:
        for count, n in source.recounted():
            for unit_id in path_ids(count.path):
                counted[(count.measure, unit_id, count.year, str(count.key))] += n
    measures = [m for s in SOURCES for m in s.MEASURES]
    kept = {(t.measure, t.unit_id, t.year, t.key): t.n
            for t in Tally.objects.filter(measure__in=measures)}  # fmt: skip
    return [(*key, kept.get(key, 0), counted.get(key, 0))
            for key in sorted(set(kept) | set(counted))
            if kept.get(key, 0) != counted.get(key, 0)]  # fmt: skip
