"""Keeping the tallies (models.Tally). A writing service says what a row counts for
(`Count`: measure, the unit's path, year, key) before and after its change; `change` adds
the difference to the row's unit and to every unit above it, in the writer's transaction,
so a count is never ahead of or behind its rows. Inside `batched()` (an import of
thousands of rows) the differences are summed in memory and written once at the end, so
the rows of the province and the nation are locked for a moment, not for the import."""

import contextlib
import threading
from collections import Counter
from typing import NamedTuple

from django.db import connection, transaction

from thidua.tallies.models import Tally

_batches = threading.local()


class Count(NamedTuple):
    measure: str
    path: str
    year: int
    key: str = ""


def path_ids(path: str) -> list[int]:
    """The ids of the unit at `path` and of every unit above it."""
    return [int(part) for part in path.strip("/").split("/") if part]


def change(*, before=(), after=()) -> None:
    """Count `after` in place of `before` (each an iterable of Count)."""
    deltas = Counter()
    for sign, counts in ((-1, before), (1, after)):
        for count in counts:
            for unit_id in path_ids(count.path):
                deltas[(count.measure, unit_id, count.year, str(count.key))] += sign
    pending = getattr(_batches, "deltas", None)
    if pending is not None:
        pending.update(deltas)
    else:
        _write(deltas)


@contextlib.contextmanager
def batched():
    """Sum the changes made inside and write them once, on leaving without an error.

    Only inside a transaction (the counted rows and their counts commit together), and
    never around a savepoint whose failure is caught and passed over: the changes of the
    rows it rolled back would still be written."""
    if not connection.in_atomic_block:
        raise RuntimeError("tallies.batched() needs a transaction (transaction.atomic).")
    if getattr(_batches, "deltas", None) is not None:
        yield  # already inside a batch: the outer one writes
        return
    _batches.deltas = Counter()
    try:
        yield
        deltas = _batches.deltas
    finally:
        _batches.deltas = None
    _write(deltas)


def _write(deltas: Counter) -> None:
    """Add the non-zero deltas in one statement per 500, in one order (no deadlock between
    two writers): INSERT … ON CONFLICT DO UPDATE, which SQLite and PostgreSQL both speak."""
    rows = sorted((key, n) for key, n in deltas.items() if n)
    if not rows:
        return
    table = Tally._meta.db_table  # the model's own name; every value below is a parameter
    upsert = (f"ON CONFLICT (measure, unit_id, year, key) "
              f"DO UPDATE SET n = {table}.n + excluded.n")  # fmt: skip
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            chunk = rows[start : start + 500]
            values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(chunk))
            into = f"INSERT INTO {table} (measure, unit_id, year, key, n) VALUES "  # noqa: S608
            cursor.execute(into + values + " " + upsert,
                           [value for (measure, unit, year, key), n in chunk
                            for value in (measure, unit, year, key, n)])  # fmt: skip


@transaction.atomic
def recount(*, measures, counts) -> int:
    """Replace every tally of `measures` by `counts` ((Count, n) pairs, grouped from the
    rows by the owning app): the repair after a bulk load or an edit outside the services.
    How many tally rows there are now."""
    if connection.vendor == "postgresql":  # writers wait until the recount commits
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {Tally._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")
    Tally.objects.filter(measure__in=measures).delete()
    deltas = Counter()
    for count, n in counts:
        for unit_id in path_ids(count.path):
            deltas[(count.measure, unit_id, count.year, str(count.key))] += n
    _write(deltas)
    return Tally.objects.filter(measure__in=measures).count()
