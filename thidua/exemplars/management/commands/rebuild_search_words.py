from itertools import chain

from django.core.management.base import BaseCommand

from thidua.core.search import rebuild_vocabulary
from thidua.exemplars.models import Exemplar, Subject


class Command(BaseCommand):
    help = (
        "Dựng lại bộ từ dùng để sửa lỗi gõ khi tìm kiếm, từ tên cá nhân, tập thể và điển hình "
        "đã có: chạy sau khi nạp dữ liệu hàng loạt không qua phần mềm."
    )

    def handle(self, *args, **options):
        texts = chain(
            Subject.objects.values_list("search_name", flat=True).iterator(chunk_size=5000),
            Exemplar.objects.values_list("search_text", flat=True).iterator(chunk_size=5000),
        )
        self.stdout.write(f"Bộ từ tìm kiếm có {rebuild_vocabulary(texts)} từ.")
