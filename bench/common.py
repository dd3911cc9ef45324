"""What every benchmark shares: a scratch database (never the app's own), Django set up
for it, and the printing of figures. Import this before any Django module.

Works on a scratch SQLite file, or on BENCH_DATABASE_URL (emptied first).
"""

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.pop("DATABASE_URL", None)
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
os.environ["MEDIA_ROOT"] = tempfile.mkdtemp()
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-2b7e9c41d05f4a8e9b3c6d1f07a2e5c8")
os.environ["TASKS_BACKEND"] = "immediate"
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ["STATIC_MANIFEST"] = "0"  # pages are rendered without collectstatic
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

import django  # noqa: E402 -- after the environment above

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402


def fresh_database() -> None:
    """Migrate the scratch database; a PostgreSQL one is emptied first."""
    call_command("migrate", verbosity=0)
    if connection.vendor != "sqlite":
        call_command("flush", interactive=False, verbosity=0)
    print(f"database: {connection.vendor}")


def timed(label, func, repeat=1):
    started = time.perf_counter()
    for _ in range(repeat):
        result = func()
    elapsed = (time.perf_counter() - started) / repeat
    figure, unit = (elapsed * 1000, "ms") if elapsed < 1 else (elapsed, "s")
    print(f"{label:<62} {figure:9.1f} {unit}")
    return result


def print_peak_memory() -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this process':<62} {peak:9.1f} MiB")
