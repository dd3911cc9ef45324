"""The extractor reads the language of plans, in clean Vietnamese and in OCR-mangled form.
None of these sentences come from the sample files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from thidua.plans.extraction import (
    extract,
    find_caps,
    find_deadlines,
    find_plenary,
    find_quotas,
    find_share,
    normalize,
)


def n(text):
    return normalize(text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gửi báo cáo trước ngày 10/12/2026.", ["2026-12-10"]),
        ("gui bao cao trudc ngay 10/12/2026", ["2026-12-10"]),
        ("Nộp hồ sơ chậm nhất ngày 5/1/2027.", ["2027-01-05"]),
        ("nop ho so chdm nhdt ngay 5/1/2027", ["2027-01-05"]),
        ("Hoàn thành trong quý II/2026.", ["2026-06-30"]),
        ("hoan thanh trong quy 11/2026", ["2026-06-30"]),
        ("hoan thanh trong quy 111/2026", ["2026-09-30"]),
        ("hoàn thành trong quý IV/2026", ["2026-12-31"]),
        ("Tổ chức vào tháng 2/2028.", ["2028-02-29"]),
        ("to chuc trong thang 11/2026", ["2026-11-30"]),
        ("từ tháng 3/2026 đến tháng 4/2026", ["2026-04-30"]),
        ("tir thang 3/2026 dén thang\n4/2026", ["2026-04-30"]),
        ("Căn cứ Kế hoạch số 12/KH-UBND ngày 03/4/2026", []),
        ("giai đoạn 2026–2030, kỷ niệm ngày 2/9", []),
    ],
)
def test_deadlines_in_clean_and_mangled_spellings(sentence, expected):
    assert find_deadlines(n(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "caps"),
    [
        ("Số lượng: tối đa 120 đại biểu.", [120]),
        ("so luong tbi da 120 dai biéu", [120]),
        ("t4i da khéng qua 250 dai bidu", [250]),
        ("không quá 80 đại biểu; huyện tối đa 250 đại biểu", [80, 250]),
        ("có 120 đại biểu dự", []),
    ],
)
def test_delegate_caps(sentence, caps):
    assert find_caps(n(sentence)) == caps


def test_plenary_thresholds_and_exemplary_share():
    text = n("Doanh nghiệp dưới 150 lao động thì tổ chức hội nghị toàn thể. "
             "Cơ quan dudi 50 can bo, cong chuc thi to chuc hoi nghi toan the. "
             "Đại biểu điển hình tiên tiến khoảng 65%; khách mời khoảng 35%.")  # fmt: skip

    assert find_plenary(text) == [50, 150]
    assert find_share(text) == 65


def test_exemplar_quotas_with_their_cadence():
    text = n("Định kỳ hằng quý, mỗi đơn vị chọn ít nhất 04 điển hình. Các khối còn lại "
             "định kỳ 6 tháng lựa chọn it nhat 01 dien hinh tien tien.")  # fmt: skip

    assert find_quotas(text) == [
        {"min": 4, "every": "quarter"}, {"min": 1, "every": "half_year"},
    ]  # fmt: skip


def test_normalize_undoes_common_ocr_confusions():
    assert n("T6 chirc Pai hoi 1an thir X") == "to chirc dai hoi lan thir x"


CLEAN_PLAN = """ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN MINH LONG                  Độc lập - Tự do - Hạnh phúc
Số: 45/KH-UBND              Minh Long, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Tổ chức Hội nghị biểu dương người tốt, việc tốt huyện Minh Long năm 2026

Căn cứ Quyết định số 120/QĐ-UBND ngày 10/01/2026 của UBND tỉnh; Thực hiện Kế hoạch
số 07/KH-HĐTĐKT của Hội đồng Thi đua - Khen thưởng tỉnh, UBND huyện ban hành Kế hoạch:

I. MỤC ĐÍCH, YÊU CẦU
Hội nghị tối đa 200 đại biểu, hoàn thành trước ngày 30/4/2026.
"""


def test_a_clean_plan_is_read_whole():
    result = extract(CLEAN_PLAN)

    assert result == {
        "doc_type": "KH", "symbol": "45/KH-UBND", "issued_on": "2026-03-02",
        "issuer": "UBND huyện Minh Long",
        "title": "Tổ chức Hội nghị biểu dương người tốt, việc tốt huyện Minh Long năm 2026",
        "basis": ["120/QĐ-UBND", "07/KH-HĐTĐKT"], "deadlines": ["2026-04-30"],
        "delegate_caps": [200], "plenary_below": [], "exemplary_share_pct": None,
        "exemplar_quotas": [],
    }  # fmt: skip


def test_the_command_prints_the_json(tmp_path):
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(CLEAN_PLAN, encoding="utf-8")
    manage = Path(__file__).resolve().parents[2] / "manage.py"

    command = [sys.executable, str(manage), "extract_plan", "--json", str(plan)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603 -- our own manage.py

    assert json.loads(done.stdout)["symbol"] == "45/KH-UBND"


def test_each_deadline_keeps_the_sentence_it_came_from():
    from thidua.plans.extraction import deadline_sentences

    raw = ("- Trước ngày 15/8/2025, hoàn thiện kế hoạch.\n"
           "- Trudc ngay 20/8/2025, tong hop danh sach dien hinh.")  # fmt: skip

    assert deadline_sentences(raw) == [
        ("2025-08-15", "Trước ngày 15/8/2025, hoàn thiện kế hoạch."),
        ("2025-08-20", "Trudc ngay 20/8/2025, tong hop danh sach dien hinh."),
    ]


def test_a_docx_plan_is_read(tmp_path):
    from docx import Document

    from thidua.documents.readers import document_text

    document = Document()
    for line in CLEAN_PLAN.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "ke-hoach.docx")

    text = document_text(tmp_path / "ke-hoach.docx", name="ke-hoach.docx", kind="docx")
    assert extract(text)["symbol"] == "45/KH-UBND"
