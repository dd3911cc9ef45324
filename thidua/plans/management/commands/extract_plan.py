import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.documents.archives import Refused
from thidua.documents.readers import document_text
from thidua.documents.uploads import extension_of
from thidua.plans.extraction import extract


class Command(BaseCommand):
    help = (
        "Đọc số hiệu, ngày, cơ quan ban hành, thời hạn… từ văn bản kế hoạch "
        "(.txt, .docx hoặc .pdf có lớp văn bản)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args, file: Path, **options):
        # The operator's own file, read in this process with the readers' bounds; anything
        # but Word or PDF is read as text, as OCR tools write it.
        kind = extension_of(file.name) if extension_of(file.name) in {"docx", "pdf"} else "txt"
        try:
            raw = document_text(file, name=file.name, kind=kind)
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {file}: {error}") from error
        except Refused as error:
            raise CommandError(str(error)) from error
        result = extract(raw)
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        for key, value in result.items():
            self.stdout.write(f"{key}: {value}")
