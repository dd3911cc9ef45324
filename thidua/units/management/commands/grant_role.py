from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from thidua.accounts.models import Role, User
from thidua.accounts.services import assign_role, create_account
from thidua.units.models import Unit


class Command(BaseCommand):
    help = (
        "Phân quyền: gán vai trò (officer, council, leader) cho một tài khoản trên một đơn vị "
        "(theo mã hoặc số hiệu). Vai trò có hiệu lực với cả các đơn vị trực thuộc."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("unit", help="mã đơn vị hành chính (vd. 11086) hoặc số hiệu (id)")
        parser.add_argument("role", choices=Role.values)
        parser.add_argument("--create", action="store_true", help="tạo tài khoản nếu chưa có")
        parser.add_argument("--full-name", default="", help="họ và tên khi tạo tài khoản")
        parser.add_argument(
            "--email", default="", help="thư điện tử khi tạo tài khoản (để tự đặt lại mật khẩu)"
        )

    def handle(self, *args, username, unit, role, create, full_name, email, **options):
        lookup = Q(code=unit) | (Q(pk=int(unit)) if unit.isdigit() else Q())
        found = list(Unit.objects.filter(lookup)[:2])
        if len(found) != 1:
            raise CommandError(f"Không xác định được đơn vị «{unit}».")
        user = User.objects.filter(username=username).first()
        if user is None:
            if not create:
                raise CommandError(f"Chưa có tài khoản {username}; thêm --create để tạo.")
            user, password = create_account(actor=None, username=username, full_name=full_name,
                                            email=email)  # fmt: skip
            self.stdout.write(f"Đã tạo tài khoản {username}, mật khẩu tạm thời: {password}")
            self.stdout.write("Lần đăng nhập đầu tiên, người dùng phải đổi mật khẩu tạm thời này.")
        assign_role(actor=None, user=user, unit=found[0], role=role)
        label = Role(role).label
        self.stdout.write(self.style.SUCCESS(f"{user}: {label} – {found[0].name}"))
