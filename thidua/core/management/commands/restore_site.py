from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của backup_site vào một cơ sở dữ liệu trống và một thư mục "
        "tệp trống, rồi đối chiếu số dòng từng bảng và mã băm từng tệp."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="tệp .tar của backup_site")
        parser.add_argument(
            "--database-url", required=True,
            help="cơ sở dữ liệu trống: postgres://… hoặc sqlite:////đường/dẫn",
        )  # fmt: skip
        parser.add_argument("--media-root", type=Path, required=True, help="thư mục tệp trống")

    def handle(self, *args, archive: Path, database_url: str, media_root: Path, **options):
        try:
            manifest = restore_backup(archive, database_url=database_url, media_root=media_root)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(f"Đã khôi phục và đối chiếu {len(manifest['tables'])} bảng ({rows} "
                          f"dòng) và {len(manifest['files'])} tệp.")  # fmt: skip
