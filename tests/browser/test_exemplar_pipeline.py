import pytest
from playwright.sync_api import expect

from tests.factories import UnitFactory, UnitRoleFactory, UserFactory
from thidua.accounts.models import Role
from thidua.exemplars import services
from thidua.exemplars.models import Criterion, Field
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

    page.get_by_label("Gương mẫu, chấp hành tốt").check()
    page.get_by_role("button", name="Lưu tiêu chí").click()
    expect(page.get_by_label("Gương mẫu, chấp hành tốt")).to_be_checked()

    panel = page.locator("#stage-panel")
    for button, stage in [("Đưa vào bồi dưỡng", "Bồi dưỡng"),
                          ("Công nhận điển hình", "Tổng kết, tôn vinh"),
                          ("Nhân rộng", "Nhân rộng")]:  # fmt: skip
        panel.get_by_label("Lý do, ghi chú").fill(f"Bước {stage}")
        panel.get_by_role("button", name=button).click()
        expect(panel.get_by_role("heading")).to_contain_text(stage)
    expect(panel.locator("ol li")).to_have_count(3)

    panel.get_by_role("button", name="Rút khỏi danh sách").click()
    expect(panel.get_by_role("alert")).to_contain_text("Cần ghi lý do")
