"""The reader follows the structure of administrative documents, not the sample files
(issue 17): headings flattened into cells or one line, portal news quoting a plan, requests
written as news, and milestones' deliverables. None of these texts come from the sets."""

import pytest

from thidua.plans.deliverables import guess_deliverable
from thidua.plans.extraction import deadline_sentences, extract, find_basis
from thidua.plans.figures import find_deadlines, find_quotas
from thidua.plans.quoting import name_issuer
from thidua.plans.wording import Folded, normalize

TABLE_HEADING = """UBND TỈNH NGHỆ AN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ | Độc lập - Tự do - Hạnh phúc
Số: 45/KH-SNV | Nghệ An, ngày 3 tháng 2 năm 2026
KẾ HOẠCH
Tuyên dương gương người tốt, việc tốt ngành Nội vụ năm 2026

Căn cứ Nghị quyết số 52-NQ/TW ngày 5/1/2026 của Bộ Chính trị; Kế hoạch số 12/KH-UBND
ngày 9/1/2026 của UBND tỉnh, Sở Nội vụ ban hành Kế hoạch số 45/KH-SNV như sau:
I. MỤC ĐÍCH, YÊU CẦU
Các phòng gửi báo cáo trước ngày 15/11/2026."""


def test_a_heading_in_cells_gives_every_field():
    facts = extract(TABLE_HEADING)

    assert facts["doc_type"] == "KH"
    assert facts["symbol"] == "45/KH-SNV"
    assert facts["issued_on"] == "2026-02-03"
    assert facts["issuer"] == "Sở Nội vụ tỉnh Nghệ An"
    assert facts["title"] == "Tuyên dương gương người tốt, việc tốt ngành Nội vụ năm 2026"
    assert facts["basis"] == ["52-NQ/TW", "12/KH-UBND"]
    assert facts["deadlines"] == ["2026-11-15"]


def test_a_heading_scanned_into_one_line_with_a_misread_type_word():
    line = ("UBND HUYEN NAM DAN HOI DONG THI DUA - KHEN THUONG CONG HOA XA HOI CHU NGHIA VIET "
            "NAM Doc lap - Tu do - Hanh phuc So: 07/KH-HDTDKT Nam Dan, ngay 2 thang 3 nam "
            "2026 KE HOAOH To chuc Hoi nghi dien hinh tien tien huyen Nam Dan nam 2026 Thuc "
            "hien Ke hoach so 3/KH-UBND cua UBND huyen, Hoi dong xay dung Ke hoach nhu sau:"
            )  # fmt: skip
    facts = extract(line)

    assert facts["symbol"] == "07/KH-HĐTĐKT"
    assert facts["issued_on"] == "2026-03-02"
    assert facts["issuer"] == "Hội đồng Thi đua - Khen thưởng huyện Nam Dan"
    title = "to chuc hoi nghi dien hinh tien tien huyen nam dan nam 2026"
    assert normalize(facts["title"]) == title
    assert facts["basis"] == ["3/KH-UBND"]


def test_a_letter_takes_its_subject_from_the_vv_line():
    text = ("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 310/SGDĐT-TĐKT\nV/v: đăng ký thi đua năm học\n"
            "2026 - 2027\nGia Lai, ngày 8 tháng 9 năm 2026\nKính gửi: Các trường.")  # fmt: skip
    facts = extract(text)

    assert (facts["doc_type"], facts["symbol"]) == ("CV", "310/SGDĐT-TĐKT")
    assert facts["title"] == "Đăng ký thi đua năm học 2026 - 2027"
    assert facts["issuer"] == "Sở Giáo dục và Đào tạo"


@pytest.mark.parametrize(
    ("text", "issuer", "symbol", "issued_on", "title"),
    [
        ("Ngày 12/5/2026, UBND tỉnh Quảng Trị ban hành Kế hoạch số 88/KH-UBND về tổ chức "
         "Hội nghị điển hình tiên tiến năm 2026. Theo đó, các huyện …",
         "UBND tỉnh Quảng Trị", "88/KH-UBND", "2026-05-12",
         "Tổ chức Hội nghị điển hình tiên tiến năm 2026"),
        ("Báo Gia Lai - Chủ tịch UBND tỉnh Gia Lai Nguyễn Văn Bình đã ký ban hành Kế hoạch số "
         "5/KH-UBND (ngày 2-3-2026) về phát động thi đua “Dân vận khéo” năm 2026.",
         "UBND tỉnh Gia Lai", "5/KH-UBND", "2026-03-02",
         "Phát động thi đua “Dân vận khéo” năm 2026"),
        ("Phó Chủ tịch Lê Hoa vừa ký Quyết định số 9/QĐ-UBND ngày 1/2/2026 của UBND tỉnh Cà "
         "Mau ban hành Kế hoạch khen thưởng năm 2026 nhằm động viên …",
         "UBND tỉnh Cà Mau", "9/QĐ-UBND", "2026-02-01", "Ban hành Kế hoạch khen thưởng năm 2026"),
    ],
)  # fmt: skip
def test_news_quoting_a_plan(text, issuer, symbol, issued_on, title):
    facts = extract(text)

    assert (facts["issuer"], facts["symbol"], facts["issued_on"]) == (issuer, symbol, issued_on)
    assert facts["title"] == title
    assert facts["basis"] == []


def test_a_request_written_as_news_is_a_letter():
    facts = extract(
        "(Baotinh.vn)-Ban Thi đua - Khen thưởng tỉnh Đồng Tháp vừa đề nghị các sở, "
        "ngành gửi báo cáo tổng kết phong trào thi đua trước ngày 15/11/2026."
    )

    assert facts["doc_type"] == "CV"
    assert facts["issuer"] == "Ban Thi đua - Khen thưởng tỉnh Đồng Tháp"
    assert facts["title"].startswith("Gửi báo cáo tổng kết phong trào thi đua")
    assert facts["deadlines"] == ["2026-11-15"]


@pytest.mark.parametrize(
    ("printed", "named"),
    [
        ("Ủy ban nhân dân TP. Đà Nẵng", "UBND thành phố Đà Nẵng"),
        ("Thường trực Hội đồng TĐKT tỉnh", "Hội đồng Thi đua - Khen thưởng tỉnh"),
        ("UBND thành phố Huế Nguyễn Văn Phương", "UBND thành phố Huế"),
    ],
)
def test_issuers_are_named_as_officers_name_them(printed, named):
    assert name_issuer(printed.removeprefix("Thường trực ")) == named


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("Các huyện nộp hồ sơ chậm nhất ngày 30 tháng 6 năm 2026.", ["2026-06-30"]),
        ("Sơ kết giữa kỳ trong tháng 7 năm 2026, tổng kết vào tháng 11/2026.",
         ["2026-07-31", "2026-11-30"]),
        ("Hội nghị cấp xã hoàn thành trong quý 3 năm 2026.", ["2026-09-30"]),
        ("Lễ trao giải sẽ tổ chức vào lúc 8h00 ngày 2-9-2026 tại Nhà hát.", ["2026-09-02"]),
        ("Cách mạng Tháng Tám thành công vào ngày 19/8/1945.", []),
        ("Đăng ngày 20/07/2026 09:29; kỷ niệm (2/9/1945 - 2/9/2026).", []),
        ("Thời gian thi đua: từ 01/3/2026 đến 30/11/2026.", []),
    ],
)  # fmt: skip
def test_deadlines_in_formal_and_news_prose(sentence, dates):
    assert find_deadlines(normalize(sentence)) == dates


def test_quotas_written_from_one_and_monthly():
    text = normalize("Hằng năm, mỗi xã giới thiệu từ 02 điển hình tiên tiến. Mỗi tháng ít nhất "
                     "01 gương người tốt. Mỗi đơn vị đề xuất 01 – 02 tập thể.")  # fmt: skip

    assert find_quotas(text) == [{"min": 2, "every": "year"}, {"min": 1, "every": "month"}]


def test_the_document_itself_is_not_its_own_basis():
    text = "Thực hiện Công văn số 11/BTĐKT-TC, UBND xã ban hành Kế hoạch số 4/KH-UBND như sau:"

    assert find_basis(text, "4/KH-UBND") == ["11/BTĐKT-TC"]


def test_a_folded_span_gives_back_the_printed_words():
    folded = Folded("Kế hoạch số 124/KH-UBND của Ủy ban")
    start = folded.text.index("124")

    assert folded.raw(start, start + len("124/kh-ubnd")) == "124/KH-UBND"
    assert folded.raw(0, 8) == "Kế hoạch"


@pytest.mark.parametrize(
    ("sentence", "deliverable"),
    [
        ("Tổ chức thành công Hội nghị điển hình tiên tiến xã trước ngày 30/6/2026", "conference"),
        ("UBND các xã gửi 02 bộ hồ sơ đề nghị khen thưởng chậm nhất ngày 10/7/2026", "dossier"),
        ("Các đơn vị gửi báo cáo kết quả tổ chức hội nghị trước ngày 5/8/2026", "report"),
        ("lựa chọn, lập danh sách điển hình tiêu biểu gửi về Ban trước 1/5/2026", "exemplar_list"),
        ("Các xã xây dựng và ban hành kế hoạch triển khai trước ngày 15/3/2026", "own_plan"),
        ("To chuc Dai hoi Thi dua yeu nuoc xong trudc ngay 30/9/2026", "conference"),
        ("Hoàn thành việc rà soát trước ngày 1/4/2026", "other"),
    ],
)  # fmt: skip
def test_deliverables_from_the_verb_and_its_object(sentence, deliverable):
    assert guess_deliverable(sentence) == deliverable


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        # A township's committee, in a heading and in the news.
        ("ỦY BAN NHÂN DÂN\nTHỊ TRẤN PHONG ĐIỀN\nSố: 15/KH-UBND\nPhong Điền, ngày 2 tháng 3 "
         "năm 2026\nKẾ HOẠCH\nTổ chức Hội nghị điển hình tiên tiến năm 2026\n",
         "issuer", "UBND thị trấn Phong Điền"),
        ("UBND thị trấn Phong Điền vừa ban hành Kế hoạch số 15/KH-UBND về tổ chức hội nghị.",
         "issuer", "UBND thị trấn Phong Điền"),
        # The Youth Union's provincial committee is not a province named «Đoàn».
        ("Ban Thường vụ Tỉnh đoàn Quảng Nam vừa ban hành Kế hoạch số 112-KH/TĐTN về tuyên "
         "dương thanh niên tiên tiến.", "issuer", "Ban Thường vụ Tỉnh đoàn Quảng Nam"),
        # A Party committee: its motto, its symbol, its name with its place.
        ("ĐẢNG BỘ TỈNH HÀ TĨNH\nTỈNH ỦY\nSố 12-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Tĩnh, ngày 20 "
         "tháng 1 năm 2026\nKẾ HOẠCH\nthực hiện Chỉ thị số 41-CT/TW về thi đua\n\nThực hiện Chỉ "
         "thị số 41-CT/TW, Ban Thường vụ xây dựng kế hoạch:", "issuer", "Tỉnh ủy Hà Tĩnh"),
        # «Số» without its colon, a date line without its comma.
        ("SỞ NỘI VỤ\nSố 245/SNV-TĐKT\nV/v giới thiệu điển hình\nBình Định ngày 3 tháng 4 năm "
         "2026\nKính gửi: Các huyện", "issued_on", "2026-04-03"),
        # A subject opening with «Thực hiện» under the type word is the subject, not the body.
        ("UBND TỈNH HÀ TĨNH\nSố: 9/KH-UBND\nHà Tĩnh, ngày 2 tháng 2 năm 2026\nKẾ HOẠCH\nThực "
         "hiện Chỉ thị số 41-CT/TW về thi đua\n\nCăn cứ Luật Thi đua, khen thưởng;",
         "title", "Thực hiện Chỉ thị số 41-CT/TW về thi đua"),
        # A decision: «Về việc» dropped; the authority line in capitals is not the subject.
        ("UBND TỈNH QUẢNG NGÃI\nSố: 412/QĐ-UBND\nQuảng Ngãi, ngày 21 tháng 3 năm 2026\n"
         "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thi đua năm 2026\nCHỦ TỊCH ỦY BAN NHÂN DÂN "
         "TỈNH\nCăn cứ Luật Tổ chức chính quyền địa phương;",
         "title", "Ban hành Kế hoạch thi đua năm 2026"),
        # The issuing body is the lowest line, under its parent.
        ("UBND HUYỆN TIÊN DU\nUBND XÃ LIÊN BÃO\nSố: 21/KH-UBND\nLiên Bão, ngày 2 tháng 3 năm "
         "2026\nKẾ HOẠCH\nTổ chức hội nghị\n", "issuer", "UBND xã Liên Bão"),
        # A news page's time stamp is not the plan's date; a time in a sentence is no heading.
        ("2026-06-06T08:15:00+07:00\nUBND huyện Yên Thành vừa ban hành kế hoạch tổ chức hội "
         "nghị. Tổng kết trước ngày 15 tháng 12 năm 2026.", "issued_on", None),
        ("Theo Kế hoạch số 78/KH-UBND ngày 3/3/2026 của UBND tỉnh Lâm Đồng, hội nghị sẽ họp.",
         "symbol", "78/KH-UBND"),
        ("", "doc_type", None),
    ],
)  # fmt: skip
def test_shapes_found_in_review(text, field, value):
    assert extract(text)[field] == value


def test_a_letters_vv_line_does_not_end_its_basis():
    text = ("SỞ NỘI VỤ\nSố: 245/SNV-TĐKT\nV/v giới thiệu gương điển hình\nBình Định, ngày 3 "
            "tháng 4 năm 2026\nKính gửi: Các huyện\nCăn cứ Kế hoạch số 40/KH-UBND ngày 1/3/2026 "
            "của UBND tỉnh, Sở Nội vụ đề nghị:")  # fmt: skip

    assert extract(text)["basis"] == ["40/KH-UBND"]


def test_a_basis_listed_under_can_cu():
    text = ("Căn cứ:\n- Nghị định số 152/2025/NĐ-CP ngày 1/7/2025 của Chính phủ;\n- Kế hoạch "
            "số 15/KH-UBND ngày 9/1/2026 của UBND huyện;\nUBND xã ban hành Kế hoạch như sau:\n"
            "I. MỤC ĐÍCH\n- Thực hiện Quyết định số 9/QĐ-UBND sau này.")  # fmt: skip

    assert find_basis(text, None) == ["152/2025/NĐ-CP", "15/KH-UBND"]


def test_the_share_and_caps_in_other_words():
    facts = extract("Hội nghị có tối đa 1.200 đại biểu, trong đó đại biểu điển hình tiên tiến "
                    "chiếm tỷ lệ 70%.")  # fmt: skip

    assert (facts["delegate_caps"], facts["exemplary_share_pct"]) == ([1200], 70)


def test_hostile_texts_are_read():
    # Each took minutes before the review (backtracking, a quadratic split); their times
    # are in bench/plan_reading.py, not here.
    long_name = "Nam" * 120

    assert name_issuer(f"UBND tỉnh {long_name} a b c d e f g h").startswith("UBND tỉnh Nam")
    assert extract("\n" * 200_000 + "trước ngày 1/1/2027")["deadlines"] == ["2027-01-01"]
    assert deadline_sentences("\n" * 200_000 + "trước ngày 1/1/2027")[0][0] == "2027-01-01"
    assert extract("Số: 1/" * 30_000)["symbol"] is None
