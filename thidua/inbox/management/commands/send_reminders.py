from django.core.management.base import BaseCommand
from django.utils import timezone

from thidua.inbox.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Gửi thư và thông báo nhắc hạn cho các đơn vị chưa nộp: trước hạn N ngày và khi quá "
        "hạn; mỗi loại chỉ gửi một lần. Chạy theo lịch (cron, systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="nhắc trước hạn bao nhiêu ngày")

    def handle(self, *args, days: int, **options):
        sent = send_reminders(today=timezone.localdate(), days_before=max(days, 0))
        self.stdout.write(f"Đã gửi {sent} lời nhắc.")
