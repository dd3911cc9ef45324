"""The commune's year-end round in the browser: the officer of Xã Đại Sơn opens «Ai đủ điều
kiện» for CSTĐCS, nominates everyone eligible in bulk and sends them; receives them; the
commune council votes with one member standing aside; the decision is issued and
downloaded as Word; the history shows the new award."""

import datetime
import io

import pytest
from docx import Document
from playwright.sync_api import expect

from tests.factories import UnitFactory, UnitRoleFactory, UserFactory
from thidua.accounts.models import Role
from thidua.awards import history
from thidua.awards.loader import load_everything
from thidua.awards.models import (
    Award,
    AwardAuthority,
    AwardRecord,
    AwardRule,
    BaseSalary,
    Initiative,
    Item,
    ProcessingLimit,
)
from thidua.exemplars import services as exemplar_services
from thidua.units.models import UnitKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
YEAR = 2025


@pytest.fixture
def scene(transactional_db):
    # flushed with the database
    load_everything(Award, AwardRule, AwardAuthority, BaseSalary, ProcessingLimit)
    nation = UnitFactory(name="Trung ương", kind=UnitKind.NATION)
    city = UnitFactory(name="Thành phố Hải Phòng", kind=UnitKind.PROVINCE, parent=nation)
    commune = UnitFactory(name="Xã Đại Sơn", kind=UnitKind.COMMUNE, parent=city)
    officer = UnitRoleFactory(user=UserFactory(username="canbo.daison"), unit=commune,
                              role=Role.OFFICER).user  # fmt: skip
    names = ["Đỗ Văn Bình", "Lê Thị Hoa", "Phạm Thị Nhung"]
    members = [UnitRoleFactory(user=UserFactory(username=f"hd{n}", full_name=name),
                               unit=commune, role=Role.COUNCIL).user
               for n, name in enumerate(names)]  # fmt: skip
    ldtt = Award.objects.get(code="ldtt")
    people = []
    for n in range(14):  # fourteen LĐTT: 15 % allows two CSTĐCS
        person = exemplar_services.create_subject(
            actor=officer, unit=commune, kind="individual", name=f"Cán bộ {n:02d}"
        )
        record = AwardRecord(subject=person, award=ldtt, year=YEAR, decision_number="9/QĐ")
        history.record_award(actor=officer, record=record)
        history.rate_year(actor=officer, subject=person, year=YEAR, rating=3)
        people.append(person)
    for person in people[:2]:
        history.record_initiative(actor=officer, initiative=Initiative(
            subject=person, title="Số hóa hồ sơ", recognised_by="UBND xã", scope=1,
            recognised_on=datetime.date(YEAR, 10, 1)))  # fmt: skip
    return {"people": people, "members": members}


def _tick_all_and(page, action: str) -> None:
    for box in page.locator("input[name=chon]").all():
        box.check()
    page.get_by_label("Với các đề nghị đã chọn").select_option(label=action)
    page.get_by_role("button", name="Thực hiện").click()


def test_the_communes_round_from_eligibility_to_decision(scene, page, web_server):
    page.on("dialog", lambda dialog: dialog.accept())
    base = web_server.url
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo.daison")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()

    page.goto(f"{base}/khen-thuong/du-dieu-kien/?danh_hieu=cstdcs&nam={YEAR}")
    expect(page.get_by_text("2 đủ điều kiện")).to_be_visible()
    page.get_by_role("button", name="Chọn tất cả người đủ điều kiện").click()
    page.get_by_role("button", name="Lập đề nghị cho người đã chọn").click()
    expect(page.get_by_text("Đã lập đề nghị (dự thảo): 2.")).to_be_visible()
    _tick_all_and(page, "Gửi đề nghị")
    expect(page.get_by_text("Đã «Gửi đề nghị»: 2.")).to_be_visible()
    page.get_by_role("link", name="Chờ tôi xử lý").click()
    _tick_all_and(page, "Tiếp nhận, thẩm định")

    page.goto(f"{base}/khen-thuong/hoi-dong/mo/")
    page.get_by_label("Hội đồng của đơn vị").fill("dai son")
    page.get_by_role("button", name="Xã Đại Sơn").click()
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Có mặt 3/3 thành viên")).to_be_visible()
    first, second = scene["people"][:2]
    aside = scene["members"][2]
    item = Item.objects.get(nomination__subject=second)
    page.locator(f'input[name="r-{item.pk}-{aside.pk}"]').check()  # stands aside
    for select in page.locator("select[name^=v-]").all():
        select.select_option("for")
    page.get_by_role("button", name="Ghi phiếu").click()
    page.get_by_role("button", name="Chốt kết quả").click()
    expect(page.get_by_text("Đã chốt kết quả; các đề nghị đạt đã được đồng ý.")).to_be_visible()
    assert list(item.recused.all()) == [aside]

    page.goto(f"{base}/khen-thuong/de-nghi/?trang_thai=approved")
    for box in page.locator("input[name=chon]").all():
        box.check()
    page.get_by_role("button", name="Lập quyết định từ các đề nghị đã được đồng ý").click()
    page.get_by_label("Họ tên người ký").fill("Đỗ Văn Bình")
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.get_by_role("button", name="Ban hành").click()
    expect(page.get_by_text("Đã ban hành Quyết định số 01/QĐ-UBND")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải bản Word").click()
    with open(download.value.path(), "rb") as saved:
        text = "\n".join(p.text for p in Document(io.BytesIO(saved.read())).paragraphs)

    page.goto(f"{base}/khen-thuong/doi-tuong/{first.pk}/")
    expect(page.get_by_role("cell", name="Chiến sĩ thi đua cơ sở")).to_be_visible()
    expect(page.get_by_text("Số 01/QĐ-UBND")).to_be_visible()
    assert "Cán bộ 00, Xã Đại Sơn;" in text
    assert AwardRecord.objects.filter(award__code="cstdcs", source="decision").count() == 2


@pytest.fixture
def city_scene(scene):
    from thidua.units.models import Unit

    city = Unit.objects.get(name="Thành phố Hải Phòng")
    UnitRoleFactory(user=UserFactory(username="canbo.tinh"), unit=city, role=Role.OFFICER)
    for n in range(2):
        UnitRoleFactory(user=UserFactory(username=f"hdtinh{n}", full_name=f"Ủy viên {n}"),
                        unit=city, role=Role.COUNCIL)  # fmt: skip
    return scene


def _login(context, base, username):
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    return page


def _attach_drafts(page, tmp_path) -> None:
    """On the nomination's page: download each draft, check it, attach it as the file of its
    kind (the officer would edit and sign it first)."""
    # The list stands in for the commune council's signed minutes here.
    drafts = [("Tờ trình (Word)", "Tờ trình đề nghị khen thưởng (kèm danh sách)", "TỜ TRÌNH"),
              ("Danh sách (Word)", "Biên bản họp Hội đồng Thi đua – Khen thưởng", "DANH SÁCH"),
              ("Báo cáo thành tích (Word)", "Báo cáo thành tích",
               "BÁO CÁO THÀNH TÍCH")]  # fmt: skip
    for link, kind, title in drafts:
        with page.expect_download() as download:
            page.get_by_role("link", name=link).click()
        path = tmp_path / f"{title.lower().replace(' ', '-')}.docx"
        download.value.save_as(path)
        assert title in [p.text for p in Document(path).paragraphs]
        page.get_by_label("Loại tài liệu").select_option(label=kind)
        page.get_by_label("Tệp (PDF, Word, Excel, ảnh)").set_input_files(path)
        page.get_by_role("button", name="Đính kèm").click()
        expect(page.get_by_text("Đã đính kèm vào hồ sơ của 1 đề nghị.")).to_be_visible()


def test_a_bang_khen_climbs_to_the_city_which_votes_and_decides(
    city_scene, browser, web_server, tmp_path
):
    base, person = web_server.url, city_scene["people"][0]
    commune = _login(browser.new_context(locale="vi-VN"), base, "canbo.daison")
    commune.goto(f"{base}/khen-thuong/du-dieu-kien/?danh_hieu=bang_khen_tinh&nam={YEAR}")
    commune.get_by_label(f"Chọn {person.name}").check()
    commune.get_by_role("button", name="Lập đề nghị cho người đã chọn").click()
    _tick_all_and(commune, "Gửi đề nghị")
    expect(commune.get_by_text("Hồ sơ còn thiếu", exact=False)).to_be_visible()
    commune.get_by_role("link", name=person.name).click()
    _attach_drafts(commune, tmp_path)
    expect(commune.get_by_text("Còn thiếu")).to_have_count(0)
    commune.goto(f"{base}/khen-thuong/de-nghi/")
    _tick_all_and(commune, "Gửi đề nghị")
    expect(commune.get_by_text("Đã «Gửi đề nghị»: 1.")).to_be_visible()
    commune.goto(f"{base}/khen-thuong/de-nghi/")
    expect(commune.get_by_role("cell", name="Thành phố Hải Phòng")).to_be_visible()  # it is there

    city = _login(browser.new_context(locale="vi-VN"), base, "canbo.tinh")
    city.goto(f"{base}/khen-thuong/de-nghi/?hop=den")
    _tick_all_and(city, "Tiếp nhận, thẩm định")
    city.goto(f"{base}/khen-thuong/hoi-dong/mo/")
    city.get_by_label("Hội đồng của đơn vị").fill("hai phong")
    city.get_by_role("button", name="Thành phố Hải Phòng").click()
    city.get_by_role("button", name="Lưu").click()
    for select in city.locator("select[name^=v-]").all():
        select.select_option("for")
    city.get_by_role("button", name="Ghi phiếu").click()
    city.get_by_role("button", name="Chốt kết quả").click()
    city.goto(f"{base}/khen-thuong/de-nghi/?trang_thai=approved")
    city.locator("input[name=chon]").first.check()
    city.get_by_role("button", name="Lập quyết định từ các đề nghị đã được đồng ý").click()
    city.get_by_label("Họ tên người ký").fill("Vũ Đức Thắng")
    city.get_by_label("Thẩm quyền ký").select_option("KT.")
    city.get_by_label("Chức vụ người ký").fill("Phó Chủ tịch")
    city.get_by_role("button", name="Lưu dự thảo").click()
    city.get_by_role("button", name="Ban hành").click()
    expect(city.get_by_text("Đã ban hành Quyết định số 01/QĐ-UBND")).to_be_visible()

    commune.goto(f"{base}/khen-thuong/doi-tuong/{person.pk}/")
    expect(commune.get_by_role("cell", name="Bằng khen của Bộ, ban, ngành, tỉnh")).to_be_visible()
