import datetime

import pytest
from django.core.cache import cache

from tests.exemplars.conftest import field  # noqa: F401 -- shared fixture
from tests.factories import UnitRoleFactory, UserFactory
from thidua.accounts.models import Role
from thidua.contests import services
from thidua.workflow.engine import transition

TODAY = datetime.date(2026, 12, 3)
STORY = (
    "Bà Lò Thị Mai năm nay đã ngoài bảy mươi tuổi nhưng ngày nào cũng dậy sớm quét "
    "dọn con đường làng, nhặt rác ven suối và chăm vườn hoa trước nhà văn hóa thôn. "
    "Bà còn vận động các cháu thiếu nhi cùng tham gia, mỗi sáng chủ nhật cả xóm lại "
    "rộn ràng tiếng cười. Nhờ bà, con đường sạch đẹp và ai đi qua cũng vui lòng."
)


@pytest.fixture(autouse=True)
def _fresh_limits(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 3, 9, tzinfo=datetime.UTC))
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def judges(commune_a):
    return [
        UnitRoleFactory(
            user=UserFactory(username=f"giamkhao{n}", full_name=f"Giám khảo {n}"),
            unit=commune_a,
            role=Role.COUNCIL,
        ).user
        for n in range(2)
    ]


def make_contest(officer, unit, judges, **extra):
    fields = {
        "title": "Gương người tốt quanh ta 2026",
        "rules": "Bài viết về người thật, việc thật.",
        "opens_on": datetime.date(2026, 11, 1),
        "closes_on": datetime.date(2026, 12, 31),
        "categories": ["Bút ký", "Phóng sự"],
        "prizes": [("Giải Nhất", 1), ("Giải Nhì", 2)],
        "criteria": [("Nội dung", 60), ("Hình thức", 40)],
        "judges": judges,
        **extra,
    }
    return services.save_contest(actor=officer, unit=unit, **fields)


@pytest.fixture
def contest(officer_a, commune_a, judges):
    return transition(make_contest(officer_a, commune_a, judges), "launch", by=officer_a)


def entry_data(**extra):
    return {
        "author_name": "Nguyễn Thị Lan",
        "author_contact": "0912 345 678",
        "person_name": "Lò Thị Mai",
        "person_place": "Thôn Một, xã An Phú",
        "title": "Bà Mai quét đường làng",
        "text": STORY,
        "agree": "on",
        **extra,
    }
