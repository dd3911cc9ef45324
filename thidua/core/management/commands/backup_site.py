from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.core.backup import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và các tệp tải lên vào một tệp .tar (kèm số dòng từng bảng "
        "và mã băm từng tệp để kiểm tra khi khôi phục)."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path, help="tệp .tar sẽ ghi")

    def handle(self, *args, output: Path, **options):
        if output.exists():
            raise CommandError(f"Tệp {output} đã có; hãy chọn tên khác.")
        try:
            manifest = make_backup(output)
        except BackupError as error:
            output.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(f"Đã sao lưu {len(manifest['tables'])} bảng ({rows} dòng) và "
                          f"{len(manifest['files'])} tệp vào {output}.")  # fmt: skip
