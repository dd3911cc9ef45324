"""The five-year report's figures, each computed again here from the raw rows of a
generated history: a commune with a commune merged into it, a sibling commune whose rows
never count, a revoked award that counts for nothing, rows outside the period. The Word
report and each table's Excel file are opened and read back."""

import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from tests.factories import UnitFactory
from thidua.awards import history
from thidua.awards.models import AwardRecord
from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Criterion, Exemplar, Field
from thidua.exemplars.reference import load_reference_data
from thidua.movements.models import Movement
from thidua.summaries import figures, services
from thidua.summaries.report_docx import summary_docx
from thidua.units import services as unit_services
from thidua.units.models import UnitKind
from thidua.workflow.engine import transition

pytestmark = pytest.mark.django_db
D = datetime.date
START, END = 2020, 2025


@pytest.fixture
def history_of(province, commune_a, commune_b, officer_a):
    """Xã An Phú formed in 2025 from Xã Cũ Một (whose history it carries); Xã Bình Minh
    beside it; five years of movements, exemplars and awards, some outside the period."""
    load_reference_data(Field, Criterion)
    district = UnitFactory(parent=province, name="Huyện Cũ", kind=UnitKind.DISTRICT,
                           valid_to=D(2025, 7, 1))  # fmt: skip
    old = UnitFactory(parent=district, name="Xã Cũ Một", kind=UnitKind.COMMUNE,
                      valid_to=D(2025, 7, 1))  # fmt: skip
    unit_services.update_unit(actor=None, unit=commune_a, predecessors=[old])
    for unit, name, on in [(commune_a, "Dân vận khéo", D(2022, 3, 1)),
                           (old, "Nông thôn mới", D(2021, 1, 5)),
                           (commune_b, "Bên cạnh", D(2022, 1, 1)),
                           (commune_a, "Trước giai đoạn", D(2018, 1, 1))]:  # fmt: skip
        Movement.objects.create(name=name, search_name=name.lower(), launched_by=unit,
                                starts_on=on, ends_on=on.replace(year=on.year + 1))  # fmt: skip
    field = Field.objects.get(code="agriculture")
    people = {}
    for unit, name, attrs in [
        (commune_a, "Lò Thị Mai", {"gender": "female", "occupation": "farmer",
                                   "is_direct_labourer": True, "ethnicity": "Thái"}),
        (old, "Nguyễn Văn Ba", {"gender": "male", "occupation": "worker",
                                "is_direct_labourer": True, "ethnicity": "Kinh"}),
        (commune_b, "Trần Văn Bên", {"gender": "male", "occupation": "farmer"}),
    ]:  # fmt: skip
        people[name] = exemplar_services.create_subject(
            actor=officer_a, unit=unit, kind="individual", name=name, **attrs
        )
    people["Hợp tác xã"] = exemplar_services.create_subject(
        actor=officer_a, unit=commune_a, kind="collective", name="Hợp tác xã Lúa Vàng"
    )
    with time_machine.travel(datetime.datetime(2023, 5, 10, 9, tzinfo=datetime.UTC)):
        for name in ("Lò Thị Mai", "Nguyễn Văn Ba", "Trần Văn Bên"):
            made = exemplar_services.create_exemplar(actor=officer_a, subject=people[name],
                                                     title=f"Mô hình của {name}", field=field,
                                                     year_from=2022)  # fmt: skip
            transition(made, "nurture", by=None)
    awards = [(people["Lò Thị Mai"], "Lao động tiên tiến", 2023),
              (people["Lò Thị Mai"], "Chiến sĩ thi đua cơ sở", 2024),
              (people["Nguyễn Văn Ba"], "Lao động tiên tiến", 2021),
              (people["Hợp tác xã"], "Tập thể lao động tiên tiến", 2022),
              (people["Nguyễn Văn Ba"], "Lao động tiên tiến", 2019),  # before the period
              (people["Trần Văn Bên"], "Lao động tiên tiến", 2023)]  # a sibling's  # fmt: skip
    for subject, title, year in awards:
        history.record_award(actor=None, record=AwardRecord(subject=subject, title=title,
                                                            year=year))  # fmt: skip
    revoked = AwardRecord.objects.get(subject=people["Lò Thị Mai"], year=2024)
    history.revoke_award(actor=None, record=revoked, on=D(2025, 3, 1), note="QĐ 5/QĐ hủy bỏ")
    return {"unit": commune_a, "paths": (commune_a.path, old.path)}


def _ours(paths, unit_path: str) -> bool:
    return any(unit_path.startswith(path) for path in paths)


def test_commendation_figures_match_the_raw_rows(history_of):
    paths = history_of["paths"]
    every = AwardRecord.objects.select_related("subject", "unit")
    raw = [r for r in every if _ours(paths, r.unit.path)
           and START <= r.year <= END and r.revoked_on is None]  # fmt: skip
    expected = {}
    for record in raw:
        row = expected.setdefault(record.title, [0, 0, 0, 0, 0, 0, 0, 0])
        person = record.subject.kind == "individual"
        flags = [True, not person, person] + [person and f for f in (
            record.subject.is_direct_labourer, record.subject.occupation == "worker",
            record.subject.occupation == "farmer", record.subject.gender == "female",
            record.subject.ethnicity not in ("", "Kinh"))]  # fmt: skip
        expected[record.title] = [n + bool(flag) for n, flag in zip(row, flags, strict=True)]

    figure = figures.commendation(history_of["unit"], START, END)

    assert {row[0]: row[1:] for row in figure.rows} == expected
    assert figure.total(1) == 3  # the revoked, the earlier and the sibling's left out


def test_movement_and_exemplar_figures_match_the_raw_rows(history_of):
    paths, unit = history_of["paths"], history_of["unit"]
    first, last = D(START, 1, 1), D(END, 12, 31)
    launched = sorted(m.name for m in Movement.objects.select_related("launched_by")
                      if _ours(paths, m.launched_by.path)
                      and m.starts_on <= last and m.ends_on >= first)  # fmt: skip
    ours = [e for e in Exemplar.objects.select_related("unit") if _ours(paths, e.unit.path)]

    assert sorted(row[0] for row in figures.movements(unit, START, END).rows) == launched
    assert figures.exemplar_stages(unit, START, END).rows == [["Nông nghiệp", len(ours),
                                                               len(ours), 0, 0]]  # fmt: skip
    assert launched == ["Dân vận khéo", "Nông thôn mới"]


def test_the_word_report_has_the_outline_the_figures_and_the_drafted_parts(history_of):
    report = services.create_report(actor=None, unit=history_of["unit"], period_start=START,
                                    period_end=END)  # fmt: skip
    written = {"shortcomings": "Phong trào ở một số thôn còn hình thức."}
    report = services.save_texts(actor=None, report=report, texts=written)

    document = Document(io.BytesIO(summary_docx(report)))

    text = "\n".join(p.text for p in document.paragraphs)
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    for part in ("BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA VÀ CÔNG TÁC KHEN",
                 "II. TỒN TẠI, HẠN CHẾ", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN 2025–2030",
                 "Phong trào ở một số thôn còn hình thức.",
                 "Tổng số 3 lượt khen thưởng: 1 tập thể, 2 cá nhân, trong đó 2 người trực tiếp "
                 "lao động, sản xuất (100,0%)"):  # fmt: skip
        assert part in text
    assert ["Dân vận khéo", "Xã An Phú", "01/03/2022", "01/03/2023"] in cells
    assert any("Nơi nhận" in cell for row in cells for cell in row)  # the state format's foot
    assert "(Đơn vị bổ sung nội dung này.)" in text  # the parts not yet written


def test_each_table_downloads_as_excel(client, officer_a, history_of):
    report = services.create_report(actor=officer_a, unit=history_of["unit"],
                                    period_start=START, period_end=END)  # fmt: skip
    client.force_login(officer_a)

    response = client.get(reverse("summaries:table", args=[report.pk, "khen-thuong"]))

    sheet = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert response.status_code == 200
    assert ["STT", "Danh hiệu, hình thức", "Tổng số", "Tập thể", "Cá nhân",
            "Trực tiếp lao động, sản xuất", "Công nhân", "Nông dân", "Nữ",
            "Dân tộc thiểu số"] in values  # fmt: skip
    assert [1, "Lao động tiên tiến", 2, 0, 2, 2, 1, 1, 1, 1] in values
