import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from thidua.plans.extraction import extract
from thidua.plans.reading import read_document


class Command(BaseCommand):
    help = (
        "Đọc số hiệu, ngày, cơ quan ban hành, thời hạn… từ văn bản kế hoạch "
        "(.txt, .docx hoặc .pdf có lớp văn bản)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args, file: Path, **options):
        try:
            raw = read_document(file.name, file.read_bytes())
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {file}: {error}") from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        result = extract(raw)
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        for key, value in result.items():
            self.stdout.write(f"{key}: {value}")
