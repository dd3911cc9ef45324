"""The catalogue's seed, transcribed from the project's legal reference (shared/domain/LAW.md
§1.3–1.8) with its markers: ✅ → verified, ⚠️ → secondary, ❌ → unverified. Loaded by
migration 0002 and by `manage.py load_award_catalogue`; an administrator corrects any value
in the UI afterwards (audited). Loading again adds what is missing and changes nothing."""

import datetime

D = datetime.date
LAW_2022, ND_152, LAW_2026 = D(2024, 1, 1), D(2025, 7, 1), D(2026, 10, 1)
BASIS_2022 = "Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP"
BASIS_152 = "Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP"
BASIS_2026 = "Luật số 06/2026/QH16 sửa đổi, bổ sung Luật Thi đua, khen thưởng"
NO_OLD_REWARD = ("Mức thưởng theo Nghị định 98/2023/NĐ-CP chưa được nhập: quản trị viên bổ "
                 "sung sau khi đối chiếu văn bản.")  # fmt: skip
PERSON, GROUP, HOME = "individual", "collective", "household"
ANNUAL, ELIGIBLE, AD_HOC, THEMATIC = "annual", "eligible", "ad_hoc", "thematic"
MERIT = ["merit"]
ANY_TYPE = ["merit", "ad_hoc", "movement"]

# (code, name, category, subject kinds, periods, types, criteria, reward objects,
#  reward × base salary under ND 152/2025 or None, certainty of that version, note)
AWARDS = [
    ("ldtt", "Lao động tiên tiến", "title", [PERSON], [ANNUAL], MERIT,
     "Hoàn thành tốt nhiệm vụ trở lên; có tinh thần tự lực, tự cường, đoàn kết, tương trợ, "
     "tích cực tham gia phong trào thi đua.", "", "0.3", "secondary",
     "Tiêu chuẩn đối với công nhân, nông dân và các chi tiết (thời gian công tác tối thiểu, "
     "nghỉ thai sản…) chưa kiểm chứng."),
    ("cstt", "Chiến sĩ tiên tiến", "title", [PERSON], [ANNUAL], MERIT,
     "Như Lao động tiên tiến, đối với lực lượng vũ trang.", "", "0.3", "secondary", ""),
    ("cstdcs", "Chiến sĩ thi đua cơ sở", "title", [PERSON], [ANNUAL], MERIT,
     "Đạt tiêu chuẩn Lao động tiên tiến (Chiến sĩ tiên tiến) trong năm; có ít nhất 01 sáng "
     "kiến được cơ sở công nhận (hoặc đề tài khoa học được nghiệm thu, hoặc mưu trí, sáng "
     "tạo trong chiến đấu được đơn vị công nhận) (Luật 2022, Điều 23).",
     "Giấy chứng nhận, khung", "1.0", "verified",
     "Tỷ lệ tối đa (15 % số Lao động tiên tiến theo Nghị định 91/2017) chưa kiểm chứng với "
     "quy định hiện hành: cấu hình theo đơn vị."),
    ("cstd_tinh", "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", "title", [PERSON], [ELIGIBLE], MERIT,
     "Có 03 lần liên tục đạt Chiến sĩ thi đua cơ sở; sáng kiến được áp dụng hiệu quả, có khả "
     "năng nhân rộng trong bộ, ngành, tỉnh.", "Giấy chứng nhận, khung, huy hiệu, hộp",
     "3.0", "verified", ""),
    ("cstd_tq", "Chiến sĩ thi đua toàn quốc", "title", [PERSON], [ELIGIBLE], MERIT,
     "Có 02 lần liên tục đạt Chiến sĩ thi đua Bộ, ban, ngành, tỉnh; sáng kiến, đề tài có "
     "phạm vi ảnh hưởng toàn quốc (Luật 2022, Điều 21).",
     "Giấy chứng nhận, khung, huy hiệu, hộp", "4.5", "verified", ""),
    ("ttldtt", "Tập thể lao động tiên tiến", "title", [GROUP], [ANNUAL], MERIT,
     "Hoàn thành tốt nhiệm vụ, kế hoạch; phong trào thi đua thường xuyên, hiệu quả; trên 50 % "
     "thành viên đạt Lao động tiên tiến; không có thành viên bị kỷ luật từ cảnh cáo trở lên; "
     "nội bộ đoàn kết.", "", "0.8", "unverified",
     "Các ngưỡng «trên 50 %» và kỷ luật theo luật 2003; lời văn luật 2022 chưa kiểm chứng."),
    ("dvtt", "Đơn vị tiên tiến", "title", [GROUP], [ANNUAL], MERIT,
     "Như Tập thể lao động tiên tiến, đối với lực lượng vũ trang.", "", "0.8", "unverified",
     ""),
    ("ttldxs", "Tập thể lao động xuất sắc", "title", [GROUP], [ANNUAL], MERIT,
     "Được chọn trong các tập thể đạt Tập thể lao động tiên tiến; sáng tạo, hoàn thành xuất "
     "sắc nhiệm vụ; 100 % thành viên hoàn thành nhiệm vụ, ít nhất 70 % đạt Lao động tiên "
     "tiến; có ít nhất 01 thành viên đạt Chiến sĩ thi đua cơ sở; không có thành viên bị kỷ "
     "luật từ cảnh cáo trở lên.", "Giấy chứng nhận, khung", "1.5", "secondary",
     "Lời văn điều luật 2022 chưa kiểm chứng."),
    ("dvqt", "Đơn vị quyết thắng", "title", [GROUP], [ANNUAL], MERIT,
     "Như Tập thể lao động xuất sắc, đối với lực lượng vũ trang.", "Giấy chứng nhận, khung",
     "1.5", "secondary", ""),
    ("co_tinh", "Cờ thi đua của Bộ, ban, ngành, tỉnh", "title", [GROUP], [ANNUAL], MERIT,
     "Hoàn thành xuất sắc, toàn diện nhiệm vụ; dẫn đầu phong trào thi đua của bộ, ngành, "
     "tỉnh (thực tế: dẫn đầu cụm, khối thi đua sau bình xét cuối năm).", "Cờ", None,
     "unverified", "Mức thưởng chưa kiểm chứng (nguồn bị cắt)."),
    ("co_cp", "Cờ thi đua của Chính phủ", "title", [GROUP], [ANNUAL], MERIT,
     "Hoàn thành vượt mức chỉ tiêu; tiêu biểu xuất sắc nhất trong phong trào thi đua của bộ, "
     "ngành, tỉnh.", "Cờ", "12", "secondary", "Lời văn luật 2022 chưa kiểm chứng."),
    ("xa_tieu_bieu", "Xã, phường, thị trấn tiêu biểu", "title", [GROUP], [ANNUAL], MERIT,
     "Theo khung tiêu chuẩn của Nghị định 86/2023/NĐ-CP; dẫn đầu phong trào thi đua cấp "
     "huyện.", "Giấy chứng nhận, khung", "2.0", "verified", ""),
    ("thon_van_hoa", "Thôn, tổ dân phố văn hóa", "title", [GROUP], [ANNUAL], MERIT,
     "Theo khung tiêu chuẩn của Nghị định 86/2023/NĐ-CP.", "Giấy chứng nhận, khung", "1.5",
     "verified", "Thời điểm xét (định kỳ) chưa kiểm chứng."),
    ("gia_dinh_van_hoa", "Gia đình văn hóa", "title", [HOME], [ANNUAL], MERIT,
     "Theo khung tiêu chuẩn của Nghị định 86/2023/NĐ-CP.", "", None, "unverified",
     "Thời điểm xét và mức thưởng chưa kiểm chứng."),
    ("giay_khen", "Giấy khen", "form", [PERSON, GROUP, HOME], [ANNUAL, AD_HOC, THEMATIC], ANY_TYPE,
     "Theo tiêu chuẩn của Luật Thi đua, khen thưởng và quy định của bộ, ngành, tỉnh.", "",
     None, "unverified", "Mức thưởng chưa kiểm chứng."),
    ("bang_khen_tinh", "Bằng khen của Bộ, ban, ngành, tỉnh", "form", [PERSON, GROUP, HOME],
     [ELIGIBLE, AD_HOC, THEMATIC], ANY_TYPE,
     "Số năm liên tục hoàn thành xuất sắc nhiệm vụ và số sáng kiến theo quy định hiện hành.",
     "", None, "unverified", "Các con số hiện hành và mức thưởng chưa kiểm chứng."),
    ("bang_khen_ttg", "Bằng khen của Thủ tướng Chính phủ", "form", [PERSON, GROUP, HOME],
     [ELIGIBLE, AD_HOC, THEMATIC], ANY_TYPE,
     "Đã có Bằng khen cấp bộ, ngành, tỉnh; số năm liên tục hoàn thành xuất sắc nhiệm vụ và "
     "số sáng kiến theo quy định hiện hành.", "", None, "unverified",
     "Theo Nghị định 65/2014 (cũ): 5 năm liên tục hoàn thành xuất sắc và 5 sáng kiến; con số "
     "hiện hành chưa kiểm chứng."),
    ("hc_lao_dong_3", "Huân chương Lao động hạng Ba", "form", [PERSON, GROUP], [ELIGIBLE, AD_HOC],
     ANY_TYPE, "Tiêu chuẩn chưa nhập.", "", None, "unverified", ""),
    ("hc_lao_dong_2", "Huân chương Lao động hạng Nhì", "form", [PERSON, GROUP], [ELIGIBLE, AD_HOC],
     ANY_TYPE, "Tiêu chuẩn chưa nhập.", "", None, "unverified", ""),
    ("hc_lao_dong_1", "Huân chương Lao động hạng Nhất", "form", [PERSON, GROUP], [ELIGIBLE, AD_HOC],
     ANY_TYPE, "Tiêu chuẩn chưa nhập.", "", None, "unverified", ""),
    ("anh_hung_lao_dong", "Anh hùng Lao động", "form", [PERSON, GROUP], [ELIGIBLE], MERIT,
     "Tiêu chuẩn chưa nhập.", "", None, "unverified", ""),
    ("ky_niem_chuong", "Kỷ niệm chương", "form", [PERSON], [ELIGIBLE], ["dedication"],
     "Theo quy định của từng bộ, ngành.", "", None, "verified", ""),
]  # fmt: skip

# Later versions: (code, valid_from, name or "", criteria or "" (unchanged), basis, certainty,
# note). Each closes the version before it at its own valid_from.
LATER = [
    ("cstdcs", LAW_2026, "",
     "Được công nhận hoàn thành xuất sắc nhiệm vụ; có ít nhất 01 sáng kiến được cơ sở công "
     "nhận hoặc đề tài khoa học được nghiệm thu.", BASIS_2026, "secondary",
     "Luật sửa đổi chỉ được nguồn thứ cấp đưa tin; hồ sơ nhận trước 01/10/2026 xét theo luật "
     "2022 trừ khi quy định mới có lợi hơn."),
    ("xa_tieu_bieu", LAW_2026, "Xã, phường, đặc khu tiêu biểu",
     "Theo khung tiêu chuẩn của Nghị định 86/2023/NĐ-CP; tiêu biểu trong phong trào thi đua "
     "cấp tỉnh.", BASIS_2026, "secondary", "Tên và tiêu chuẩn theo dự thảo luật sửa đổi."),
]  # fmt: skip

DISTRICT_END = ND_152  # the district level ended on 01/7/2025
ART_80 = "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 80"
PRESIDENT = ["hc_lao_dong_3", "hc_lao_dong_2", "hc_lao_dong_1", "anh_hung_lao_dong"]
# (award codes, issuer kind, level, who decides, from, to, basis, certainty)
AUTHORITIES = [
    (PRESIDENT, "nation", "national", "Chủ tịch nước", LAW_2022, None,
     "Luật Thi đua, khen thưởng số 06/2022/QH15", "verified"),
    (["bang_khen_ttg", "co_cp", "cstd_tq"], "nation", "national", "Thủ tướng Chính phủ",
     LAW_2022, None, "Luật Thi đua, khen thưởng số 06/2022/QH15", "verified"),
    (["co_tinh", "cstd_tinh", "bang_khen_tinh"], "province", "province",
     "Chủ tịch Ủy ban nhân dân tỉnh, thành phố", LAW_2022, None,
     "Luật Thi đua, khen thưởng số 06/2022/QH15", "verified"),
    (["ttldxs", "xa_tieu_bieu"], "province", "province",
     "Chủ tịch Ủy ban nhân dân tỉnh, thành phố", LAW_2022, None,
     "Luật Thi đua, khen thưởng số 06/2022/QH15", "unverified"),
    (["ttldtt", "cstdcs", "ldtt", "giay_khen"], "agency", "province",
     "Giám đốc sở, thủ trưởng cơ quan chuyên môn cấp tỉnh", LAW_2022, None, ART_80 + ".1",
     "verified"),
    (["thon_van_hoa", "ttldtt", "cstdcs", "ldtt", "giay_khen"], "district", "district",
     "Chủ tịch Ủy ban nhân dân cấp huyện", LAW_2022, DISTRICT_END, ART_80 + ".2", "verified"),
    (["ldtt", "giay_khen", "gia_dinh_van_hoa"], "commune", "commune",
     "Chủ tịch Ủy ban nhân dân cấp xã", LAW_2022, None, ART_80 + ".3", "verified"),
    # The district chairman's powers after 01/7/2025: LAW.md §1.6 could not verify whether
    # they went to the commune or the province; the commune is assumed here, unverified.
    (["ttldtt", "cstdcs", "thon_van_hoa"], "commune", "commune",
     "Chủ tịch Ủy ban nhân dân cấp xã", DISTRICT_END, None,
     "Nghị định 152/2025/NĐ-CP (phân cấp thẩm quyền của cấp huyện)", "unverified"),
    (["ttldtt", "cstdcs", "ldtt", "giay_khen"], "enterprise", "",
     "Tổng giám đốc, giám đốc doanh nghiệp, hợp tác xã", LAW_2022, None, ART_80 + ".4",
     "verified"),
    (["dvtt", "dvqt", "cstt", "cstdcs"], "armed_forces", "",
     "Thủ trưởng đơn vị lực lượng vũ trang theo quy định của Bộ trưởng", LAW_2022, None,
     ART_80 + ".5", "verified"),
]  # fmt: skip

# Mức lương cơ sở: (đồng/tháng, from, basis). Not in LAW.md: unverified until checked.
BASE_SALARIES = [
    (1_800_000, D(2023, 7, 1), "Nghị định 24/2023/NĐ-CP"),
    (2_340_000, D(2024, 7, 1), "Nghị định 73/2024/NĐ-CP"),
]

# The machine-checkable criteria of each award (LAW.md §1.7), read by awards/eligibility.py.
# Every version of an award gets its code's list unless LATER_CHECKS names the version.
# Parameters: rating levels 1–4 (4 = hoàn thành xuất sắc), initiative scopes 1–3 (1 = cơ sở),
# sanctions 1–6 (2 = cảnh cáo).
NOT_BLOCKED = [{"test": "not_blocked"}, {"test": "no_own_discipline", "sanction": 1}]
CHECKS = {
    "ldtt": [{"test": "rating_at_least", "level": 3}, *NOT_BLOCKED],
    "cstt": [{"test": "rating_at_least", "level": 3}, *NOT_BLOCKED],
    "cstdcs": [{"test": "holds", "award": "ldtt"},
               {"test": "initiatives", "count": 1, "scope": 1, "years": 1},
               {"test": "cap", "award": "ldtt", "percent": 15}, *NOT_BLOCKED],
    "cstd_tinh": [{"test": "consecutive", "award": "cstdcs", "years": 3},
                  {"test": "initiatives", "count": 1, "scope": 2, "years": 3}, *NOT_BLOCKED],
    "cstd_tq": [{"test": "consecutive", "award": "cstd_tinh", "years": 2},
                {"test": "initiatives", "count": 1, "scope": 3, "years": 6}, *NOT_BLOCKED],
    "ttldtt": [{"test": "members_share", "award": "ldtt", "percent": 50, "strict": True},
               {"test": "no_member_discipline", "sanction": 2}, {"test": "not_blocked"}],
    "ttldxs": [{"test": "holds", "award": "ttldtt"},
               {"test": "members_rating", "level": 2},
               {"test": "members_share", "award": "ldtt", "percent": 70},
               {"test": "member_holds", "award": "cstdcs"},
               {"test": "no_member_discipline", "sanction": 2}, {"test": "not_blocked"}],
}  # fmt: skip
LATER_CHECKS = {
    ("cstdcs", LAW_2026): [{"test": "rating_at_least", "level": 4},
                           {"test": "initiatives", "count": 1, "scope": 1, "years": 1},
                           {"test": "cap", "award": "ldtt", "percent": 15}, *NOT_BLOCKED],
}  # fmt: skip

# How long each level has to process a nomination (LAW.md §2.4): the current limits are not
# verified; the old central table (10 working days at the commune and the province, more
# for the state's forms) stands in until an administrator sets them.
OLD_TABLE = "Bảng thời hạn trước 2024 (tham khảo); quy định hiện hành chưa kiểm chứng"
PROCESSING_LIMITS = [("commune", 10), ("province", 10), ("national", 20)]

# The files a nomination's dossier must carry when it goes to another level (LAW.md §2.1:
# the components are ✅; which form needs which under ND 152/2025 is ❌, so these stand until
# an administrator corrects a version): the tờ trình with its list, the council's minutes
# and the achievement report; proofs where the criteria count initiatives; the simplified
# procedure (tờ trình + short report) for ad-hoc forms; the yearly grassroots titles
# without a personal report.
STANDARD_DOSSIER = ["to_trinh", "bien_ban", "bao_cao"]
DOSSIERS = {
    "ldtt": ["to_trinh", "bien_ban"], "cstt": ["to_trinh", "bien_ban"],
    "ttldtt": ["to_trinh", "bien_ban"], "dvtt": ["to_trinh", "bien_ban"],
    "cstdcs": [*STANDARD_DOSSIER, "sang_kien"], "cstd_tinh": [*STANDARD_DOSSIER, "sang_kien"],
    "cstd_tq": [*STANDARD_DOSSIER, "sang_kien"],
}  # fmt: skip
SIMPLE_DOSSIER = ["to_trinh", "tom_tat"]

# Public notice before the state's awards (LAW.md §2.1, ✅ as old ND 91/2017 / TT 12/2019
# practice): the Orders, the honorary title and Chiến sĩ thi đua toàn quốc. The length is
# not in the reference (❌): ten days stand until an administrator sets the current rule.
NOTICE_DAYS = {"cstd_tq": 10, "hc_lao_dong_3": 10, "hc_lao_dong_2": 10, "hc_lao_dong_1": 10,
               "anh_hung_lao_dong": 10}  # fmt: skip
