"""Liveness and readiness for a proxy or an orchestrator (issue 18, part 3).

`/suc-khoe/` answers as long as the process serves requests: it touches nothing else, so
that a slow database never gets a healthy process restarted. `/suc-khoe/san-sang/` checks
what a request needs, the database, the task queue and the media storage, and answers
503 naming what failed (never why in detail: the log has that), so that a balancer sends
no users to a process that cannot serve them. Neither needs a login or sets a cookie.
"""

import logging
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from thidua.core.http import read_only

logger = logging.getLogger(__name__)
FAILED = {
    "database": "Không kết nối được cơ sở dữ liệu.",
    "queue": "Không kết nối được hàng đợi việc chạy nền.",
    "media": "Không ghi, đọc được thư mục tệp tải lên.",
}


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_queue() -> None:
    """The queue the task backend uses: Redis for RQ, the table for the database one."""
    if settings.TASKS_BACKEND == "rq":
        import django_rq  # noqa: PLC0415 -- installed only with the RQ backend

        django_rq.get_connection("default").ping()
    elif settings.TASKS_BACKEND == "database":
        from django_tasks_db.models import DBTaskResult  # noqa: PLC0415

        DBTaskResult.objects.only("pk").first()


def check_media() -> None:
    """A probe file written, read back and deleted where uploads are stored."""
    name = default_storage.save(f"suc-khoe/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as probe:
            if probe.read() != b"ok":
                raise OSError("the probe read back differs")
    finally:
        default_storage.delete(name)


CHECKS = {"database": check_database, "queue": check_queue, "media": check_media}


@never_cache
@read_only
def alive(request):
    return JsonResponse({"status": "ok"})


@never_cache
@read_only
def ready(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # any failure of a dependency is a «not ready», logged in full
            logger.exception("readiness check %s failed", name)
            results[name] = FAILED[name]
        else:
            results[name] = "ok"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "lỗi", **results},
                        status=200 if healthy else 503)  # fmt: skip
