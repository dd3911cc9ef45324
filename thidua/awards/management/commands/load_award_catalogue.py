from django.core.management.base import BaseCommand

from thidua.awards.loader import (
    load_catalogue,
    load_checks,
    load_documents,
    load_limits,
    load_notice_days,
)
from thidua.awards.models import Award, AwardAuthority, AwardRule, BaseSalary, ProcessingLimit

MESSAGE = ("Đã thêm {awards} danh hiệu/hình thức, {rules} quy định, {authorities} thẩm quyền, "
           "{base_salaries} mức lương cơ sở, {limits} thời hạn xử lý; điều kiện tự động cho "
           "{checks} quy định.")  # fmt: skip


class Command(BaseCommand):
    help = "Nạp danh mục danh hiệu, hình thức khen thưởng và mức lương cơ sở (thêm phần còn thiếu)."

    def handle(self, *args, **options):
        created = load_catalogue(Award, AwardRule, AwardAuthority, BaseSalary)
        created["checks"] = load_checks(AwardRule)
        created["documents"] = load_documents(AwardRule)
        created["notice_days"] = load_notice_days(AwardRule)
        created["limits"] = load_limits(ProcessingLimit)
        self.stdout.write(MESSAGE.format(**created))
