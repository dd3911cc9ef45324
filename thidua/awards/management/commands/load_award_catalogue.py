from django.core.management.base import BaseCommand

from thidua.awards.loader import load_catalogue
from thidua.awards.models import Award, AwardAuthority, AwardRule, BaseSalary


class Command(BaseCommand):
    help = "Nạp danh mục danh hiệu, hình thức khen thưởng và mức lương cơ sở (thêm phần còn thiếu)."

    def handle(self, *args, **options):
        created = load_catalogue(Award, AwardRule, AwardAuthority, BaseSalary)
        self.stdout.write(
            "Đã thêm {awards} danh hiệu/hình thức, {rules} quy định, {authorities} thẩm quyền, "
            "{base_salaries} mức lương cơ sở.".format(**created)
        )
