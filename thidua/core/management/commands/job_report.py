import datetime
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Min
from django.utils import timezone

from thidua.core.jobs import JobState, job_models, stale_since


class Command(BaseCommand):
    help = (
        "Báo cáo các việc chạy nền cho người vận hành: số việc đang chờ, đang chạy, lỗi "
        "trong 24 giờ qua, việc bị treo (quá lâu không báo còn chạy), việc chờ lâu nhất, và "
        "độ dài hàng đợi của bộ xử lý. --check: trả mã lỗi 1 khi có việc treo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", dest="as_json",
                            help="in kết quả dạng JSON")  # fmt: skip
        parser.add_argument("--check", action="store_true", help="mã lỗi 1 khi có việc treo")

    def handle(self, *args, as_json: bool, check: bool, **options):
        report = job_report()
        if as_json:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
        else:
            self._print(report)
        if check and report["stuck"]:
            raise CommandError(f"{report['stuck']} việc chạy nền bị treo.")

    def _print(self, report: dict) -> None:
        self.stdout.write(f"{'loại việc':<28}{'chờ':>6}{'đang chạy':>11}{'lỗi 24 giờ':>12}"
                          f"{'treo':>6}{'chờ lâu nhất':>16}")  # fmt: skip
        for row in report["jobs"]:
            waited = _duration(row["oldest_queued_seconds"])
            self.stdout.write(f"{row['name']:<28}{row['queued']:>6}{row['running']:>11}"
                              f"{row['failed_24h']:>12}{row['stuck']:>6}{waited:>16}")  # fmt: skip
        queue = report["queue"]
        self.stdout.write(f"hàng đợi ({queue['backend']}): {queue['waiting']} việc chờ bộ xử lý")


def job_report(*, now=None) -> dict:
    """Per kind of job: queued, running, failed in the last day, stuck (running, its
    heartbeat older than JOB_STALE_SECONDS), and how long the oldest queued one waits."""
    now = now or timezone.now()
    rows = []
    for model in job_models():
        jobs = model.objects
        oldest = jobs.filter(state=JobState.QUEUED).aggregate(at=Min("created_at"))["at"]
        running = jobs.filter(state=JobState.RUNNING)
        rows.append({
            "name": str(model._meta.verbose_name),
            "queued": jobs.filter(state=JobState.QUEUED).count(), "running": running.count(),
            "failed_24h": jobs.filter(state=JobState.FAILED, finished_at__gte=now - _DAY).count(),
            "stuck": running.filter(heartbeat_at__lt=stale_since(now)).count(),
            "oldest_queued_seconds": int((now - oldest).total_seconds()) if oldest else None,
        })  # fmt: skip
    return {"jobs": rows, "stuck": sum(row["stuck"] for row in rows), "queue": queue_depth()}


def queue_depth() -> dict:
    """Tasks waiting for a worker in the task backend's own queue."""
    backend = settings.TASKS_BACKEND
    if backend == "rq":
        import django_rq  # noqa: PLC0415 -- installed only with the RQ backend

        return {"backend": backend, "waiting": django_rq.get_queue("default").count}
    if backend == "database":
        from django_tasks_db.models import DBTaskResult  # noqa: PLC0415

        return {"backend": backend, "waiting": DBTaskResult.objects.ready().count()}
    return {"backend": backend, "waiting": 0}


_DAY = datetime.timedelta(days=1)


def _duration(seconds: int | None) -> str:
    if seconds is None:
        return "—"
    hours, rest = divmod(seconds, 3600)
    return f"{hours} giờ {rest // 60} phút" if hours else f"{rest // 60} phút {rest % 60} giây"
