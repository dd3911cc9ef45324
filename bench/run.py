"""Benchmarks of the organisation tree. Prints figures; asserts nothing.

    make bench                      # on a scratch SQLite file
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_bench make bench

It never touches the app's own database: it works on a scratch SQLite file, or on the
PostgreSQL database named by BENCH_DATABASE_URL (created if missing, emptied first).
"""

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
scratch = Path(tempfile.mkdtemp()) / "bench.sqlite3"
os.environ.pop("DATABASE_URL", None)
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
os.environ["SQLITE_PATH"] = str(scratch)
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-2b7e9c41d05f4a8e9b3c6d1f07a2e5c8")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

import django  # noqa: E402 -- after the environment above

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from thidua.accounts.models import User  # noqa: E402
from thidua.units.loader import load_official_tree  # noqa: E402
from thidua.units.models import Unit  # noqa: E402
from thidua.units.selectors import search_units, visible_units  # noqa: E402


def timed(label: str, func, repeat: int = 1):
    started = time.perf_counter()
    for _ in range(repeat):
        result = func()
    elapsed = (time.perf_counter() - started) / repeat
    unit = "ms" if elapsed < 1 else "s"
    figure = elapsed * 1000 if unit == "ms" else elapsed
    print(f"{label:<58} {figure:9.1f} {unit}")
    return result


def main() -> None:
    call_command("migrate", verbosity=0)
    if connection.vendor != "sqlite":
        call_command("flush", interactive=False, verbosity=0)
    print(f"database: {connection.vendor}")
    first = timed("load_official_tree, empty database (3,355 units)", load_official_tree)
    again = timed("load_official_tree, re-run (nothing changes)", load_official_tree)
    assert (first.created, again.unchanged) == (3355, 3355), "unexpected counts"
    admin = User.objects.create(username="bench-admin", is_superuser=True)
    hai_phong = Unit.objects.get(code="31")
    subtree = Unit.objects.filter(path__startswith=hai_phong.path)
    timed("subtree of a province (count, by path prefix)", subtree.count, repeat=50)
    first_page = search_units(admin, q="dai son")[:50]
    timed("search 'dai son' over the nation, first page of 50",
          lambda: list(first_page.all()), repeat=50)  # fmt: skip
    timed("visible units of the site admin (count)", visible_units(admin).count, repeat=50)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this process':<58} {peak:9.1f} MiB")


if __name__ == "__main__":
    main()
