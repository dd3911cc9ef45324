from django.core.management.base import BaseCommand

from thidua.awards.loader import load_everything
from thidua.awards.models import Award, AwardAuthority, AwardRule, BaseSalary, ProcessingLimit

MESSAGE = ("Đã thêm {awards} danh hiệu/hình thức, {rules} quy định, {authorities} thẩm quyền, "
           "{base_salaries} mức lương cơ sở, {limits} thời hạn xử lý; điều kiện tự động cho "
           "{checks} quy định.")  # fmt: skip


class Command(BaseCommand):
    help = "Nạp danh mục danh hiệu, hình thức khen thưởng và mức lương cơ sở (thêm phần còn thiếu)."

    def handle(self, *args, **options):
        created = load_everything(Award, AwardRule, AwardAuthority, BaseSalary, ProcessingLimit)
        self.stdout.write(MESSAGE.format(**created))
