"""The demo province: Thành phố Hải Phòng, whose real communes come from the official tree
(thidua.units.loader), with the bodies beside them that the official list does not carry.

Everything here is illustrative demo data, not a register: names of agencies and
enterprises are typical of a Vietnamese province; the pre-merger communes of Xã Đại Sơn
show how a merger is recorded and are not a statement of the actual 2025 composition.
"""

import datetime

from thidua.units.models import Cadence, EconomicSector, GroupKind, UnitKind

PROVINCE_CODE = "31"  # Thành phố Hải Phòng in the official list
COMMUNE_CODE = "11086"  # Xã Đại Sơn, Hải Phòng (the commune of sample 003)
SIBLING_COMMUNE_NAME = "Xã Tứ Kỳ"  # a commune beside it, for the sibling officer
MERGER_DATE = datetime.date(2025, 7, 1)

AGENCY, MASS, ENTERPRISE = UnitKind.AGENCY, UnitKind.MASS_ORG, UnitKind.ENTERPRISE
SCHOOL, HOSPITAL, ARMED = UnitKind.SCHOOL, UnitKind.HOSPITAL, UnitKind.ARMED_FORCES

# (name, kind, details) of the bodies directly under the province.
PROVINCE_BODIES = [
    ("Sở Nội vụ", AGENCY, {"subtype": "sở", "workforce": 120}),
    ("Sở Giáo dục và Đào tạo", AGENCY, {"subtype": "sở", "workforce": 95}),
    ("Sở Y tế", AGENCY, {"subtype": "sở", "workforce": 88}),
    ("Sở Tài chính", AGENCY, {"subtype": "sở", "workforce": 140}),
    ("Sở Nông nghiệp và Môi trường", AGENCY, {"subtype": "sở", "workforce": 160}),
    ("Sở Công Thương", AGENCY, {"subtype": "sở", "workforce": 75}),
    ("Sở Văn hóa, Thể thao và Du lịch", AGENCY, {"subtype": "sở", "workforce": 82}),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", MASS, {"workforce": 60}),
    ("Hội Liên hiệp Phụ nữ thành phố", MASS, {"subtype": "hội", "workforce": 35}),
    ("Thành đoàn Hải Phòng", MASS, {"subtype": "đoàn thanh niên", "workforce": 40}),
    ("Hội Nông dân thành phố", MASS, {"subtype": "hội", "workforce": 30}),
    ("Hội Cựu chiến binh thành phố", MASS, {"subtype": "hội", "workforce": 20}),
    ("Liên đoàn Lao động thành phố", MASS, {"subtype": "công đoàn", "workforce": 55}),
    ("Bộ Chỉ huy Quân sự thành phố", ARMED, {"subtype": "quân sự"}),
    ("Công an thành phố", ARMED, {"subtype": "công an"}),
    ("Bộ Chỉ huy Bộ đội Biên phòng thành phố", ARMED, {"subtype": "biên phòng"}),
    ("Công ty cổ phần Cảng Đình Vũ", ENTERPRISE,
     {"subtype": "công ty cổ phần", "economic_sector": EconomicSector.STATE, "workforce": 1850}),
    ("Công ty TNHH Điện tử Tràng Duệ", ENTERPRISE,
     {"subtype": "công ty TNHH", "economic_sector": EconomicSector.FOREIGN, "workforce": 6200}),
    ("Công ty TNHH May mặc Tiên Lãng", ENTERPRISE,
     {"subtype": "công ty TNHH", "economic_sector": EconomicSector.PRIVATE, "workforce": 420}),
    ("Công ty cổ phần Cơ khí Hồng Bàng", ENTERPRISE,
     {"subtype": "công ty cổ phần", "economic_sector": EconomicSector.PRIVATE, "workforce": 150}),
    ("Hợp tác xã Dịch vụ nông nghiệp Kiến Thụy", ENTERPRISE,
     {"subtype": "hợp tác xã", "economic_sector": EconomicSector.COLLECTIVE, "workforce": 38}),
    ("Bệnh viện Hữu nghị Việt Tiệp", HOSPITAL, {"subtype": "bệnh viện", "workforce": 1900}),
    ("Trường Trung học phổ thông chuyên Trần Phú", SCHOOL, {"subtype": "THPT", "workforce": 110}),
]  # fmt: skip

# Bodies under the Sở Nội vụ: the standing body of the provincial council.
HOME_AFFAIRS_BODIES = [
    ("Ban Thi đua – Khen thưởng", AGENCY, {"subtype": "ban", "workforce": 18}),
]

# The commune of sample 003 and what sits inside it.
COMMUNE_BODIES = [
    *[(f"Thôn {name}", UnitKind.VILLAGE, {"subtype": "thôn"})
      for name in ("Mỹ Đoàn", "Đông Phan", "Tây Hạ", "Cự Lộc", "An Điền", "Bình Lãng")],
    ("Ủy ban Mặt trận Tổ quốc Việt Nam xã Đại Sơn", MASS, {}),
    ("Hội Liên hiệp Phụ nữ xã Đại Sơn", MASS, {"subtype": "hội"}),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Đại Sơn", MASS, {"subtype": "đoàn thanh niên"}),
    ("Công an xã Đại Sơn", ARMED, {"subtype": "công an"}),
    ("Ban Chỉ huy Quân sự xã Đại Sơn", ARMED, {"subtype": "quân sự"}),
    ("Trung tâm Văn hóa, Thông tin và Truyền thông xã", AGENCY, {"subtype": "trung tâm"}),
    ("Trường Trung học cơ sở Đại Sơn", SCHOOL, {"subtype": "THCS", "workforce": 42}),
    ("Trạm Y tế xã Đại Sơn", HOSPITAL, {"subtype": "trạm y tế", "workforce": 9}),
    ("Hợp tác xã Nông nghiệp Đại Sơn", ENTERPRISE,
     {"subtype": "hợp tác xã", "economic_sector": EconomicSector.COLLECTIVE, "workforce": 25}),
]  # fmt: skip

SIBLING_BODIES = [
    (f"Thôn {name}", UnitKind.VILLAGE, {"subtype": "thôn"}) for name in ("Cổ Dũng", "Lạc Dục")
]

LEGACY_DISTRICT = "Huyện Tứ Kỳ"
LEGACY_COMMUNES = ["Xã Đại Hợp", "Xã Dân Chủ", "Xã Quang Khải"]

# Clusters and blocks with the cadences of sample 001 (§IV.1): clusters 1–2 and blocks 7–8
# send 3 exemplars a quarter; the armed-forces members of block 9 too; the others 2 every
# six months. `members` are picked by kind among the province's direct children.
GROUPS = [
    (GroupKind.CLUSTER, 1, "Các xã, phường phía Bắc", Cadence.QUARTER, 3, UnitKind.COMMUNE, 0),
    (GroupKind.CLUSTER, 2, "Các xã, phường phía Nam", Cadence.QUARTER, 3, UnitKind.COMMUNE, 8),
    (GroupKind.BLOCK, 3, "Các cơ quan tổng hợp", Cadence.HALF_YEAR, 2, UnitKind.AGENCY, 0),
    (GroupKind.BLOCK, 7, "Các doanh nghiệp", Cadence.QUARTER, 3, UnitKind.ENTERPRISE, 0),
    (GroupKind.BLOCK, 8, "Các cơ quan văn hóa – xã hội", Cadence.QUARTER, 3, UnitKind.MASS_ORG, 0),
    (GroupKind.BLOCK, 9, "Lực lượng vũ trang và y tế", Cadence.HALF_YEAR, 2, None, 0),
]
GROUP_SIZE = 8

# Demo accounts: (username, full name, position, role, where).
DEMO_PASSWORD = "thidua-demo-2025"  # noqa: S105 -- a published demo password, not a secret
ACCOUNTS = [
    ("quantri", "Quản trị hệ thống", "Quản trị viên", None, None),
    ("canbo.tinh", "Nguyễn Thị Thu Hà", "Chuyên viên Ban Thi đua – Khen thưởng", "officer",
     "province"),
    ("canbo.daison", "Trần Văn Minh", "Công chức Văn hóa – Xã hội xã Đại Sơn", "officer",
     "commune"),
    ("canbo.tuky", "Phạm Thị Lan", "Công chức Văn hóa – Xã hội xã Tứ Kỳ", "officer", "sibling"),
    ("hoidong.tinh", "Lê Quang Huy", "Ủy viên Hội đồng Thi đua – Khen thưởng thành phố",
     "council", "province"),
    ("lanhdao.tinh", "Vũ Đức Thắng", "Phó Chủ tịch UBND thành phố", "leader", "province"),
    ("hoidong.daison", "Đỗ Văn Bình", "Chủ tịch UBND xã, Chủ tịch Hội đồng TĐKT xã", "council",
     "commune"),
    ("hoidong.daison2", "Lê Thị Hoa", "Phó Chủ tịch UBND xã, Phó Chủ tịch Hội đồng", "council",
     "commune"),
    ("hoidong.daison3", "Phạm Thị Nhung", "Chủ tịch Hội Liên hiệp Phụ nữ xã, Ủy viên Hội đồng",
     "council", "commune"),
]  # fmt: skip
# The council member who heads the commune's Women's Union stands aside for its staff.
UNION_HEAD = ("hoidong.daison3", "Hội Liên hiệp Phụ nữ xã Đại Sơn")

# A one-page PDF standing in for the signed documents units send (deliveries, dossiers).
PAPER_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

# What the demo units print on their documents (documents.Letterhead); the names are made up.
LETTERHEADS = {
    "province": {"capacity": "KT.", "position": "Chủ tịch", "signer_title": "Phó Chủ tịch",
                 "signer_name": "Phạm Văn Minh", "drafting_unit": "BTĐKT",
                 "recipients": "Ban Thi đua – Khen thưởng Trung ương\nThường trực Thành ủy"},
    "commune": {"capacity": "TM.", "position": "Chủ tịch", "signer_name": "Vũ Thị Thanh",
                "drafting_unit": "VHXH",
                "recipients": "Thường trực Đảng ủy xã\nThường trực HĐND xã"},
}  # fmt: skip
