import pytest
from playwright.sync_api import expect

from tests.factories import UnitFactory, UnitRoleFactory, UserFactory
from thidua.accounts.models import Role
from thidua.exemplars import services
from thidua.exemplars.models import Criterion, Field, Subject
from thidua.exemplars.reference import load_reference_data
from thidua.units.models import UnitKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene(transactional_db):
    """A commune officer with one discovered exemplar. Built before the browser starts."""
    load_reference_data(Field, Criterion)  # transactional tests flush migration data
    nation = UnitFactory(name="Trung ương", kind=UnitKind.NATION)
    province = UnitFactory(name="Tỉnh Thử", kind=UnitKind.PROVINCE, parent=nation)
    commune = UnitFactory(name="Xã Hòa Bình", kind=UnitKind.COMMUNE, parent=province)
    officer = UserFactory(username="canbo", full_name="Trần Văn Minh")
    UnitRoleFactory(user=officer, unit=commune, role=Role.OFFICER)
    person = services.create_subject(actor=officer, unit=commune, kind="individual",
                                     name="Nguyễn Thị Lành", birth_year=1980)  # fmt: skip
    field = Field.objects.get(code="agriculture")
    return services.create_exemplar(actor=officer, subject=person, title="Vườn rau hữu cơ",
                                    field=field, year_from=2024)  # fmt: skip


def test_officer_moves_an_exemplar_through_every_stage(scene, page, web_server, tmp_path):
    page.goto(f"{web_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Điển hình", exact=True).click()
    page.get_by_label("Tìm").fill("vuon rau")
    page.get_by_role("link", name="Vườn rau hữu cơ").click()

    pdf = tmp_path / "bien-ban.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    page.get_by_label("Tệp minh chứng").set_input_files(str(pdf))
    page.get_by_role("button", name="Tải lên").click()
    expect(page.get_by_role("link", name="bien-ban.pdf")).to_be_visible()

    panel = page.locator("#stage-panel")
    panel.get_by_label("Lý do, ghi chú").fill("Bước Bồi dưỡng")
    panel.get_by_role("button", name="Đưa vào bồi dưỡng").click()
    expect(panel.get_by_role("heading")).to_contain_text("Bồi dưỡng")
    expect(panel).to_contain_text("Chưa đạt 8 tiêu chí bắt buộc")

    boxes = page.locator("table input[type=checkbox]")
    for index in range(boxes.count()):
        boxes.nth(index).check()
    page.get_by_role("button", name="Lưu tiêu chí").click()
    expect(page.get_by_label("Gương mẫu, chấp hành tốt")).to_be_checked()

    expect(panel).to_contain_text("Đã đạt các tiêu chí bắt buộc")
    panel.get_by_label("Cấp").select_option(label="Cấp xã")
    panel.get_by_label("Dịp, hình thức").fill("Hội nghị sơ kết")
    panel.get_by_label("Ngày").fill("15/06/2026")
    panel.get_by_label("Số quyết định").fill("45/QĐ-UBND")
    panel.get_by_role("button", name="Công nhận điển hình").click()
    expect(panel.get_by_role("heading")).to_contain_text("Tổng kết, tôn vinh")
    expect(page.get_by_text("Quyết định số 45/QĐ-UBND")).to_be_visible()

    panel.get_by_label("Lý do, ghi chú").fill("Bước Nhân rộng")
    panel.get_by_role("button", name="Nhân rộng").click()
    expect(panel.get_by_role("heading")).to_contain_text("Nhân rộng")
    expect(panel.locator("ol li")).to_have_count(3)

    panel.get_by_role("button", name="Rút khỏi danh sách").click()
    expect(panel.get_by_role("alert")).to_contain_text("Cần ghi lý do")


def test_the_subject_form_shows_the_fields_of_the_kind_chosen(scene, page, web_server):
    page.goto(f"{web_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    commune = scene.unit
    page.goto(f"{web_server.url}/dien-hinh/don-vi/{commune.pk}/doi-tuong/them/")

    expect(page.get_by_label("Năm sinh")).to_be_visible()
    expect(page.get_by_label("Số thành viên")).to_be_hidden()
    page.get_by_label("Năm sinh").fill("1980")
    page.get_by_label("Đối tượng").select_option(label="Tập thể")
    expect(page.get_by_label("Năm sinh")).to_be_hidden()
    page.get_by_label("Họ và tên / tên tập thể").fill("Tổ hợp tác Đồng Tâm")
    page.get_by_label("Số thành viên").fill("12")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_role("heading", name="Tổ hợp tác Đồng Tâm")).to_be_visible()
    group = Subject.objects.get(name="Tổ hợp tác Đồng Tâm")
    assert (group.kind, group.birth_year, group.size) == ("collective", None, 12)
