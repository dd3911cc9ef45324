"""A delegate chosen from the exemplars by typing a few letters of the name, without
diacritics: the suggestion fills the choice, and the delegate comes with the exemplar's
details."""

import pytest
from playwright.sync_api import expect

from tests.factories import UnitFactory, UnitRoleFactory, UserFactory
from thidua.accounts.models import Role
from thidua.conferences import services
from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Criterion, Field
from thidua.exemplars.reference import load_reference_data
from thidua.units.models import UnitKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene(transactional_db):
    load_reference_data(Field, Criterion)
    nation = UnitFactory(name="Trung ương", kind=UnitKind.NATION)
    province = UnitFactory(name="Tỉnh Thử", kind=UnitKind.PROVINCE, parent=nation)
    commune = UnitFactory(name="Xã Sơn Hà", kind=UnitKind.COMMUNE, parent=province)
    officer = UnitRoleFactory(user=UserFactory(username="canbo.xa"), unit=commune,
                              role=Role.OFFICER).user  # fmt: skip
    person = exemplar_services.create_subject(actor=officer, unit=commune, kind="individual",
                                              name="Hoàng Thị Thắm", birth_year=1982)  # fmt: skip
    exemplar_services.create_exemplar(actor=officer, subject=person, title="Dệt thổ cẩm",
                                      field=Field.objects.first(), year_from=2023)  # fmt: skip
    return services.create_conference(actor=officer, unit=commune, period_start=2025,
                                      period_end=2030)  # fmt: skip


def test_a_delegate_is_chosen_by_typing_part_of_the_name(scene, page, web_server):
    page.goto(f"{web_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo.xa")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{web_server.url}/hoi-nghi/{scene.pk}/dai-bieu/")

    page.get_by_label("Từ điển hình").fill("hoang tham")
    page.get_by_role("button", name="Hoàng Thị Thắm – Dệt thổ cẩm").click()
    expect(page.get_by_label("Từ điển hình")).to_have_value("Hoàng Thị Thắm – Dệt thổ cẩm")
    page.get_by_label("Thành phần").first.select_option("exemplary")
    page.get_by_role("button", name="Thêm đại biểu").click()

    expect(page.get_by_role("cell", name="Hoàng Thị Thắm", exact=True)).to_be_visible()
    assert scene.delegates.get().birth_year == 1982
