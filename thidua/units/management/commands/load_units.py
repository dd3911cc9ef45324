import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from thidua.units.loader import load_official_tree, official_counts


class Command(BaseCommand):
    help = "Nạp cây đơn vị hành chính chính thức (34 tỉnh, 3.321 xã) từ gói vietnam-provinces."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Không hiện thanh tiến độ.")

    def handle(self, *args, **options):
        provinces, communes = official_counts()
        started = time.perf_counter()
        with tqdm(
            total=provinces + communes, unit=" đơn vị", disable=options["no_progress"],
            file=self.stderr._out, desc="Nạp đơn vị",
        ) as bar:  # fmt: skip
            result = load_official_tree(progress=bar.update)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp {result.total} đơn vị trong {elapsed:.1f} giây: tạo mới {result.created}, "
                f"cập nhật {result.updated}, giữ nguyên {result.unchanged}."
            )
        )
        if result.moved:
            self.stdout.write(f"Đơn vị chuyển tỉnh: {', '.join(result.moved)}")
