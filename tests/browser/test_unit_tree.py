"""The units owing a milestone ticked in the tree: a branch opens on demand, one button
ticks a whole level, the count follows, and the choice is saved."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import UnitFactory, UnitRoleFactory, UserFactory
from thidua.accounts.models import Role
from thidua.plans import drafts
from thidua.plans.models import Milestone
from thidua.units.models import UnitKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def milestone(transactional_db):
    nation = UnitFactory(name="Trung ương", kind=UnitKind.NATION)
    province = UnitFactory(name="Tỉnh Thử", kind=UnitKind.PROVINCE, parent=nation)
    commune = UnitFactory(name="Xã Sơn Hà", kind=UnitKind.COMMUNE, parent=province)
    UnitFactory(name="Xã Đại Sơn", kind=UnitKind.COMMUNE, parent=province)
    for name in ("Thôn Một", "Thôn Hai"):
        UnitFactory(name=name, kind=UnitKind.VILLAGE, parent=commune)
    officer = UnitRoleFactory(user=UserFactory(username="canbo.tinh"), unit=province,
                              role=Role.OFFICER).user  # fmt: skip
    plan = drafts.create_plan(actor=officer, issuer=province, title="Kế hoạch thử", kind="other")
    return Milestone.objects.create(plan=plan, title="Gửi báo cáo", deliverable="report",
                                    due_on=datetime.date(2026, 12, 31))  # fmt: skip


def test_units_are_ticked_in_the_tree(milestone, page, web_server):
    page.goto(f"{web_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo.tinh")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{web_server.url}/ke-hoach/{milestone.plan_id}/moc/{milestone.pk}/don-vi/")

    page.get_by_text("2 đơn vị trực thuộc").click()  # opens Xã Sơn Hà's branch
    expect(page.get_by_label("Thôn Hai")).to_be_visible()
    page.get_by_role("button", name="Đánh dấu tất cả ở cấp này").nth(1).click()
    page.get_by_label("Xã Đại Sơn").check()
    expect(page.locator("[data-ticked-count]")).to_have_text("3")
    page.get_by_role("button", name="Chọn", exact=True).click()

    expect(page.get_by_text("Đã chọn 3 đơn vị thực hiện.")).to_be_visible()
    names = sorted(milestone.owing_units.values_list("name", flat=True))
    assert names == ["Thôn Hai", "Thôn Một", "Xã Đại Sơn"]


def test_units_are_found_by_name_and_ticked_by_kind(milestone, page, web_server):
    province = milestone.plan.issuer
    UnitFactory(name="Sở Nội vụ", kind=UnitKind.AGENCY, parent=province)
    page.goto(f"{web_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo.tinh")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{web_server.url}/ke-hoach/{milestone.plan_id}/moc/{milestone.pk}/don-vi/")

    search = page.get_by_label("Tìm đơn vị theo tên để đánh dấu")
    search.fill("thon hai")
    search.press("Enter")  # searches; it must not send the form with nothing ticked
    found = page.locator(".unit-tree-found")
    expect(found.get_by_label("Thôn Hai")).to_be_visible()
    found.get_by_label("Thôn Hai").check()
    page.get_by_role("button", name="Xã, phường, đặc khu (2)").click()
    expect(page.locator("[data-ticked-count]")).to_have_text("3")
    page.get_by_role("button", name="Chọn", exact=True).click()

    expect(page.get_by_text("Đã chọn 3 đơn vị thực hiện.")).to_be_visible()
    names = sorted(milestone.owing_units.values_list("name", flat=True))
    assert names == ["Thôn Hai", "Xã Sơn Hà", "Xã Đại Sơn"]


def test_a_clusters_members_are_not_offered_again(milestone, page, web_server):
    from thidua.units import group_services
    from thidua.units.models import EmulationGroup, GroupMembership, Unit

    province = milestone.plan.issuer
    group = EmulationGroup.objects.create(owner=province, number=1, name="Cụm các xã")
    group_services.add_member(actor=None, group=group, unit=Unit.objects.get(name="Xã Sơn Hà"))
    page.goto(f"{web_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo.tinh")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(web_server.url + reverse("units:member_add", args=[group.pk]))

    expect(page.get_by_label("Xã Sơn Hà")).to_be_disabled()
    page.get_by_role("button", name="Đánh dấu tất cả ở cấp này").click()
    expect(page.locator("[data-ticked-count]")).to_have_text("1")
    page.get_by_role("button", name="Lưu", exact=True).click()

    expect(page.locator(".messages")).to_contain_text("Đã thêm Xã Đại Sơn")
    assert GroupMembership.objects.filter(group=group).count() == 2
