"""Vocabularies of the national dataset (bench/national_data.py): Vietnamese personal names
with realistic frequencies, collectives, households, bodies beside the communes, exemplary
models. Plain data and small pickers; no Django.

The typo-tolerant search is measured on "Nguyễn Văn An" and its near-duplicates, so they are
planted on purpose (TARGET_NAME, NEAR_DUPLICATES) on top of the natural frequencies.
"""

import random

# Family names and their share of the population (roughly the published figures).
FAMILY = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 4), ("Huỳnh", 1.5),
    ("Phan", 4.5), ("Vũ", 2.5), ("Võ", 1.5), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4),
    ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Đinh", 0.6), ("Đoàn", 0.5),
    ("Trương", 0.5), ("Lương", 0.4), ("Hà", 0.4), ("Mai", 0.3), ("Trịnh", 0.4), ("Đào", 0.4),
    ("Cao", 0.3), ("Lâm", 0.3), ("Tô", 0.2), ("Quách", 0.1), ("Kiều", 0.1), ("Lò", 0.1),
]  # fmt: skip
MIDDLE_MALE = [
    ("Văn", 30), ("Đức", 8), ("Minh", 8), ("Quang", 6), ("Hữu", 6), ("Công", 5), ("Thành", 5),
    ("Xuân", 4), ("Ngọc", 4), ("Thanh", 4), ("Hoàng", 3), ("Mạnh", 3), ("Tuấn", 2), ("Trọng", 3),
    ("Đình", 4), ("Bá", 2), ("Duy", 2), ("Quốc", 3), ("Gia", 2), ("Anh", 2),
]  # fmt: skip
MIDDLE_FEMALE = [
    ("Thị", 45), ("Ngọc", 8), ("Thu", 6), ("Thanh", 6), ("Minh", 4), ("Kim", 4), ("Hồng", 4),
    ("Phương", 3), ("Thùy", 3), ("Bích", 2), ("Diệu", 2), ("Mai", 2), ("Khánh", 2), ("Hải", 2),
    ("Quỳnh", 2), ("Bảo", 2), ("Tuyết", 1), ("Lan", 1),
]  # fmt: skip
GIVEN_MALE = [
    "An", "Ân", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Dũng", "Duy", "Dương", "Đạt", "Đức",
    "Đông", "Giang", "Hải", "Hiếu", "Hiệp", "Hoàng", "Hòa", "Hùng", "Huy", "Hưng", "Khánh",
    "Khoa", "Khải", "Kiên", "Lâm", "Long", "Lộc", "Lợi", "Mạnh", "Minh", "Nam", "Nghĩa",
    "Nguyên", "Nhân", "Phong", "Phúc", "Phước", "Quân", "Quang", "Quý", "Sơn", "Tài", "Tâm",
    "Tân", "Thái", "Thắng", "Thành", "Thịnh", "Thọ", "Tiến", "Toàn", "Trí", "Trung", "Trường",
    "Tuấn", "Tùng", "Tú", "Việt", "Vinh", "Vũ", "Xuân", "Yên",
]  # fmt: skip
GIVEN_FEMALE = [
    "An", "Anh", "Ánh", "Bích", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng",
    "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Ly", "Mai",
    "My", "Nga", "Ngân", "Ngọc", "Nhung", "Nhàn", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm",
    "Thảo", "Thu", "Thủy", "Thư", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Xuân", "Yến",
]  # fmt: skip

TARGET_NAME = "nguyen van an"  # what "Nguyễn Văn An", "Nguyễn Văn Ân", "Nguyên Văn Ẩn"… fold to
# Planted on top of the natural names, with their weight: the exact names and spellings that
# fold alike, then near-duplicates a typo search must not confuse with them.
NEAR_DUPLICATES = [
    ("Nguyễn Văn An", 30), ("Nguyễn Văn Ân", 20), ("Nguyễn Văn Ấn", 3), ("Nguyễn Văn Ẩn", 2),
    ("Nguyên Văn An", 3), ("Nguyễn Văn Án", 2), ("Nguyễn Văn Anh", 10), ("Nguyễn Vân An", 5),
    ("Nguyễn Văn Ang", 3), ("Nguyễn Văn Ban", 3), ("Nguyễn Văn Lan", 3), ("Nguyễn Vũ An", 3),
    ("Nguyễn Văn An Khang", 2), ("Nguyễn Thị An", 5), ("Ngô Văn An", 4), ("Nguyễn Văn Tân", 3),
]  # fmt: skip
PLANTED_SHARE = 0.0006  # of individuals: ~1,080 of 2,000,000

ETHNICITIES = [
    ("Kinh", 85), ("Tày", 2), ("Thái", 2), ("Mường", 1.5), ("Khmer", 1.4), ("Hoa", 0.8),
    ("Nùng", 1.1), ("H'Mông", 1.5), ("Dao", 0.9), ("Gia Rai", 0.5), ("Ê Đê", 0.4),
    ("Ba Na", 0.3), ("Chăm", 0.2), ("Sán Dìu", 0.2),
]  # fmt: skip
OCCUPATIONS = [
    ("farmer", 35, "Nông dân", True), ("worker", 18, "Công nhân", True),
    ("civil_servant", 14, "Công chức xã", False), ("teacher", 9, "Giáo viên", False),
    ("doctor", 5, "Bác sĩ", False), ("entrepreneur", 6, "Giám đốc doanh nghiệp", False),
    ("armed_forces", 3, "Chiến sĩ công an", False), ("student", 5, "Sinh viên", False),
    ("other", 5, "Trưởng thôn", False),
]  # fmt: skip
COLLECTIVES = [
    ("Tổ hợp tác", "Tổ hợp tác trồng rau an toàn"), ("Chi hội", "Chi hội Phụ nữ"),
    ("Chi đoàn", "Chi đoàn Thanh niên"), ("Hợp tác xã", "Hợp tác xã Nông nghiệp"),
    ("Tổ chuyên môn", "Tổ Toán – Tin"), ("Khoa", "Khoa Nội tổng hợp"),
    ("Phòng", "Phòng Kế toán"), ("Tổ dân phố", "Ban công tác Mặt trận"),
    ("Câu lạc bộ", "Câu lạc bộ Dưỡng sinh"), ("Đội", "Đội Dân phòng"),
]  # fmt: skip
PLACES = ["Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "Phú", "An", "Tân", "Hòa",
          "Thịnh", "Lộc", "Bình", "Phước", "Thuận"]  # fmt: skip

# Bodies beside the administrative tree, per 1.0 of scale: (kind, how many, where, names).
BODIES = [
    ("village", 13_000, "commune", ["Thôn {place} {n}", "Tổ dân phố số {n}", "Ấp {place}"]),
    ("school", 3_300, "commune", ["Trường Tiểu học {commune}", "Trường THCS {commune}",
                                  "Trường Mầm non {commune} {n}"]),  # fmt: skip
    ("hospital", 700, "commune", ["Trạm Y tế {commune}"]),
    ("hospital", 300, "province", ["Bệnh viện Đa khoa khu vực {place} {n}"]),
    ("agency", 1_000, "province", ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và "
                                   "Đào tạo", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng",
                                   "Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch",
                                   "Sở Khoa học và Công nghệ", "Sở Tư pháp", "Thanh tra tỉnh",
                                   "Văn phòng UBND tỉnh", "Ban Dân tộc"]),  # fmt: skip
    ("mass_org", 170, "province", ["Hội Liên hiệp Phụ nữ {province}",
                                   "Hội Nông dân {province}", "Đoàn Thanh niên {province}",
                                   "Hội Cựu chiến binh {province}",
                                   "Liên đoàn Lao động {province}"]),  # fmt: skip
    ("mass_org", 530, "commune", ["Hội Nông dân {commune}", "Hội Cựu chiến binh {commune}",
                                  "Hội Liên hiệp Phụ nữ {commune}"]),  # fmt: skip
    ("enterprise", 900, "province", ["Công ty TNHH {place} {n}", "Công ty Cổ phần {place} "
                                     "Phát triển {n}", "Hợp tác xã Dịch vụ {place} {n}"]),
    ("armed_forces", 100, "province", ["Công an {province}",
                                       "Bộ Chỉ huy Quân sự {province}",
                                       "Bộ Chỉ huy Bộ đội Biên phòng {province}"]),  # fmt: skip
]  # fmt: skip

MODELS = [
    "Mô hình trồng lúa hữu cơ", "Cách làm hay trong chăn nuôi bò sinh sản",
    "Mô hình dân vận khéo", "Sáng kiến cải cách thủ tục hành chính một cửa",
    "Mô hình tổ tự quản an ninh trật tự", "Phong trào xây dựng nông thôn mới kiểu mẫu",
    "Mô hình thư viện xanh", "Cách làm hay trong chuyển đổi số", "Mô hình khu dân cư sáng – "
    "xanh – sạch – đẹp", "Sáng kiến tiết kiệm điện năng", "Mô hình hỗ trợ sinh kế hộ nghèo",
    "Mô hình trồng rau thủy canh", "Cách làm hay trong dạy học trực tuyến",
    "Mô hình khám chữa bệnh từ xa", "Mô hình nuôi tôm công nghệ cao",
    "Câu lạc bộ phòng chống bạo lực gia đình", "Mô hình phân loại rác tại nguồn",
    "Sáng kiến quản lý hồ sơ điện tử", "Mô hình hợp tác xã kiểu mới",
    "Cách làm hay trong vận động hiến máu tình nguyện",
]  # fmt: skip
MODEL_PLACES = [
    "tại thôn {place}",
    "ở cơ sở",
    "gắn với sản phẩm OCOP",
    "giai đoạn 2021-2025",
    "trong trường học",
    "tại khu dân cư",
    "vùng đồng bào dân tộc thiểu số",
    "",
]


def weighted(pairs) -> list:
    """A table of 1,000 values in proportion to their weights: one index draws from it."""
    total = sum(pair[1] for pair in pairs)
    table = [value for value, weight, *_ in pairs for _ in range(round(1000 * weight / total))]
    return table or [pairs[0][0]]


def draw(rng: random.Random, table: list):
    return table[int(rng.random() * len(table))]


_FAMILY = weighted(FAMILY)
_MID_M, _MID_F = weighted(MIDDLE_MALE), weighted(MIDDLE_FEMALE)
_ETHNIC = weighted(ETHNICITIES)
_PLANTED = weighted(NEAR_DUPLICATES)
_OCCUPATION = weighted(OCCUPATIONS)
OCCUPATION_ROW = {row[0]: row for row in OCCUPATIONS}


def person(rng: random.Random) -> tuple[str, str]:
    """(full name, gender) of an individual; a few are the planted near-duplicates."""
    if rng.random() < PLANTED_SHARE:
        name = draw(rng, _PLANTED)
        return name, "female" if " Thị " in name else "male"
    male = rng.random() < 0.5
    family = draw(rng, _FAMILY)
    middle = draw(rng, _MID_M if male else _MID_F)
    given = rng.choice(GIVEN_MALE if male else GIVEN_FEMALE)
    if rng.random() < 0.15:  # four-part names: "Nguyễn Thị Minh Khai"
        given = f"{rng.choice(GIVEN_MALE if male else GIVEN_FEMALE)} {given}"
    return f"{family} {middle} {given}", "male" if male else "female"


def ethnicity(rng: random.Random) -> str:
    return draw(rng, _ETHNIC)


def occupation(rng: random.Random) -> str:
    return draw(rng, _OCCUPATION)


def collective(rng: random.Random, where: str) -> tuple[str, str]:
    """(name, collective kind) of a collective of the unit named `where`."""
    kind, base = rng.choice(COLLECTIVES)
    return f"{base} {where}", kind


def household(rng: random.Random) -> str:
    name, gender = person(rng)
    return f"Hộ gia đình {'ông' if gender == 'male' else 'bà'} {name}"


def model_title(rng: random.Random) -> str:
    place = rng.choice(MODEL_PLACES).format(place=rng.choice(PLACES))
    return f"{rng.choice(MODELS)} {place}".strip()


def body_name(rng: random.Random, patterns, n: int, where: str) -> str:
    """The `n`-th body of its kind under a parent named `where` (without "Xã", "Tỉnh"):
    fixed names go round, numbered after the first round ("Sở Y tế 2")."""
    pattern = patterns[n % len(patterns)]
    name = pattern.format(place=rng.choice(PLACES), n=n + 1, commune=where, province=where)
    if "{" not in pattern and n >= len(patterns):
        name = f"{name} {n // len(patterns) + 1}"
    return name
