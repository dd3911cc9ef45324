"""Benchmark of the public showcase (/guong-dien-hinh/) as anonymous readers use it: the list,
a province's list, a search and an exemplar's page, on 20,000 published pages spread over
the 34 provinces. Prints p50 and p95 per page, read from the cache (as every reader after
the first is served) and rendered afresh, and their ratio. The target (issue 14): p95 of a
cached page ≤ 50 ms. Prints figures; asserts nothing.

    .venv/bin/python bench/showcase.py        (also run by `make bench`)

Works on a scratch SQLite file, or on BENCH_DATABASE_URL (emptied first): see common.py.
"""

import statistics
import time

from common import fresh_database, timed  # first: sets Django up
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from thidua.core.text import fold, person_sort_key
from thidua.exemplars.models import Criterion, Exemplar, Field, Subject
from thidua.exemplars.reference import load_reference_data
from thidua.showcase.models import Publication
from thidua.units.loader import load_official_tree
from thidua.units.models import Unit, UnitKind

PAGES = 20_000
REQUESTS = 200


def bulk_pages() -> None:
    """PAGES published pages, one per commune in turn (not a measured path)."""
    communes = list(Unit.objects.filter(kind=UnitKind.COMMUNE).order_by("pk"))
    provinces = {u.pk: u for u in Unit.objects.filter(kind=UnitKind.PROVINCE)}
    field = Field.objects.get(code="agriculture")
    names = [(f"Nguyễn Văn Gương {n}", communes[n % len(communes)]) for n in range(PAGES)]
    subjects = Subject.objects.bulk_create(
        Subject(unit=unit, kind="individual", name=name, search_name=fold(name),
                sort_name=person_sort_key(name)) for name, unit in names
    )  # fmt: skip
    exemplars = Exemplar.objects.bulk_create(
        Exemplar(subject=s, unit=s.unit, title=f"Cách làm hay {s.pk}", field=field,
                 year_from=2024, stage="recognised", search_text=fold(s.name)) for s in subjects
    )  # fmt: skip
    now = timezone.now()
    Publication.objects.bulk_create(
        Publication(exemplar=e, token=f"b{e.pk}", state="published", headline=e.title,
                    story="Câu chuyện về việc làm tốt. " * 40, name=e.subject.name,
                    place=e.unit.name, province=provinces[e.unit.ancestor_ids[1]],
                    field=field, search_text=fold(f"{e.subject.name} {e.title} {e.unit.name}"),
                    published_at=now) for e in exemplars
    )  # fmt: skip


def percentiles(client: Client, url: str, *, cached: bool) -> tuple[float, float]:
    client.get(url)  # the first reader renders the page
    times = []
    for _ in range(REQUESTS):
        if not cached:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    fresh_database()
    load_reference_data(Field, Criterion)
    load_official_tree()
    timed(f"bulk-create {PAGES:,} published pages (setup)", bulk_pages)
    page = Publication.objects.order_by("pk")[PAGES // 2]
    urls = {
        "list, first page": "/guong-dien-hinh/",
        "list of one province (Hải Phòng)": "/guong-dien-hinh/?tinh=31",
        "search «nguyen van guong 1999»": "/guong-dien-hinh/?q=nguyen+van+guong+1999",
        "an exemplar's page": page.get_public_url(),
    }
    client = Client()
    print(f"{'page':<40} {'cached p50':>10} {'p95':>7} {'fresh p50':>10} {'p95':>7} {'ratio':>6}")
    for label, url in urls.items():
        hot = percentiles(client, url, cached=True)
        cold = percentiles(client, url, cached=False)
        print(f"{label:<40} {hot[0]:8.1f}ms {hot[1]:5.1f}ms {cold[0]:8.1f}ms {cold[1]:5.1f}ms"
              f" {cold[1] / hot[1]:5.1f}×")  # fmt: skip


if __name__ == "__main__":
    main()
