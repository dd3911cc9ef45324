"""Recount the dashboards' tallies from the rows (after a bulk load, a restore or an edit
in the admin site), or with --check only say where they differ."""

from django.core.management.base import BaseCommand, CommandError

from thidua.summaries.tallies import drift, rebuild_all


class Command(BaseCommand):
    help = "Đếm lại số liệu tổng hợp của trang tổng quan từ dữ liệu gốc."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true",
                            help="Chỉ kiểm tra, báo những số liệu lệch, không ghi.")  # fmt: skip

    def handle(self, *args, check=False, **options):
        if not check:
            self.stdout.write(f"Đã đếm lại: {rebuild_all():,} dòng số liệu.".replace(",", "."))
            return
        wrong = drift()
        for measure, unit, year, key, kept, counted in wrong[:50]:
            self.stdout.write(f"{measure} đơn vị {unit} năm {year} «{key}»: "
                              f"đang ghi {kept}, đếm được {counted}")  # fmt: skip
        if wrong:
            raise CommandError(f"{len(wrong)} số liệu lệch; chạy lại không có --check.")
        self.stdout.write("Số liệu tổng hợp khớp với dữ liệu gốc.")
