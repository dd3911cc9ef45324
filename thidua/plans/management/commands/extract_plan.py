import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.plans.extraction import extract


class Command(BaseCommand):
    help = "Đọc số hiệu, ngày, cơ quan ban hành, thời hạn… từ văn bản kế hoạch (tệp văn bản)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args, file: Path, **options):
        try:
            raw = file.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {file}: {error}") from error
        result = extract(raw)
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        for key, value in result.items():
            self.stdout.write(f"{key}: {value}")
