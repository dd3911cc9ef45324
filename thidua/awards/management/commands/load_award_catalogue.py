from django.core.management.base import BaseCommand

from thidua.awards.loader import load_catalogue, load_checks
from thidua.awards.models import Award, AwardAuthority, AwardRule, BaseSalary

MESSAGE = ("Đã thêm {awards} danh hiệu/hình thức, {rules} quy định, {authorities} thẩm quyền, "
           "{base_salaries} mức lương cơ sở; điều kiện tự động cho {checks} quy định.")  # fmt: skip


class Command(BaseCommand):
    help = "Nạp danh mục danh hiệu, hình thức khen thưởng và mức lương cơ sở (thêm phần còn thiếu)."

    def handle(self, *args, **options):
        created = load_catalogue(Award, AwardRule, AwardAuthority, BaseSalary)
        created["checks"] = load_checks(AwardRule)
        self.stdout.write(MESSAGE.format(**created))
