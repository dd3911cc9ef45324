from django.core.management.base import BaseCommand

from thidua.core.jobs import reap_dead_jobs


class Command(BaseCommand):
    help = (
        "Đánh dấu lỗi các việc chạy nền bị bỏ dở: tiến trình xử lý đã chết, quá lâu không "
        "báo còn chạy, hoặc quá thời gian cho phép. Chạy định kỳ (cron), vài phút một lần."
    )

    def handle(self, *args, **options):
        count = reap_dead_jobs()
        self.stdout.write(f"Đã đánh dấu lỗi {count} việc bị bỏ dở.")
