from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from thidua.core.jobs import reap_dead_jobs

# The worker command of each tasks backend (README, "Workers").
WORKERS = {
    "database": ("db_worker", {}),
    "rq": ("rqworker", {"job_class": "django_tasks_rq.Job"}),
}


class Command(BaseCommand):
    help = (
        "Chạy tiến trình xử lý nền của TASKS_BACKEND (db_worker hoặc rqworker). Trước đó, "
        "đánh dấu lỗi các việc mà tiến trình trước trên máy này bỏ dở (bị tắt, bị giết), "
        "để người dùng thấy và chạy lại. Tham số thêm được chuyển cho lệnh của backend."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        """Options this command does not know (`--interval 1`, `--no-reload`…) are kept
        for the backend's worker instead of refused."""
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parse_known = parser.parse_known_args

        def parse_args(args=None, namespace=None):
            options, rest = parse_known(args, namespace)
            options.worker_args = rest
            return options

        parser.parse_args = parse_args
        return parser

    def handle(self, *args, worker_args=(), **options):
        count = reap_dead_jobs()
        self.stdout.write(f"Đã đánh dấu lỗi {count} việc bị bỏ dở.")
        if settings.TASKS_BACKEND not in WORKERS:
            raise CommandError(f"TASKS_BACKEND={settings.TASKS_BACKEND} chạy việc ngay trong "
                               "yêu cầu; không cần tiến trình nền.")  # fmt: skip
        command, defaults = WORKERS[settings.TASKS_BACKEND]
        queue = ["default"] if command == "rqworker" else []
        call_command(command, *queue, *worker_args, **defaults)
