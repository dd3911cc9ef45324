from django.conf import settings
from django.core.management.base import BaseCommand

from thidua.demo.data import DEMO_PASSWORD
from thidua.demo.seed import seed_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: Thành phố Hải Phòng với các đơn vị, cụm, khối và tài khoản mẫu."

    def handle(self, *args, **options):
        logins = seed_demo()
        self.stdout.write(self.style.SUCCESS("Dữ liệu mẫu đã sẵn sàng."))
        self.stdout.write(f"\nĐịa chỉ: {settings.SITE_URL}")
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, full_name, where in logins:
            self.stdout.write(f"  {username:<14} {full_name:<20} {where}")
