"""Where each field of a certificate sits by default, in millimetres on A4 landscape (A3 is
A4 scaled by √2), and the layout that applies to a decision's award."""

from django.db.models import Q

from thidua.certificates.models import CertificateLayout, Paper

# field → (label, x, y, width) in mm from the top left corner of an A4 landscape page.
FIELDS = {
    "emblem": ("Quốc huy, biểu trưng", 138.5, 8, 20),
    "authority": ("Cơ quan, người tặng", 20, 30, 257),
    "heading": ("Tiêu đề", 20, 46, 257),
    "name": ("Họ tên, tên tập thể", 20, 70, 257),
    "body": ("Nội dung", 40, 88, 217),
    "place_date": ("Địa danh, ngày tháng", 160, 126, 120),
    "signature": ("Chữ ký", 160, 134, 120),
    "qr": ("Mã QR xác minh", 20, 150, 30),
    "number": ("Số vào sổ, quyết định", 55, 158, 100),
}
SCALE = {Paper.A4: 1.0, Paper.A3: 2**0.5}
MAX_MM = 420


def positions(layout: CertificateLayout) -> dict[str, tuple[float, float, float]]:
    """(x, y, width) of every field on the layout's paper: the officer's own where set."""
    scale = SCALE[Paper(layout.paper)]
    placed = {}
    for field, (_label, x, y, width) in FIELDS.items():
        own = layout.positions.get(field) if isinstance(layout.positions, dict) else None
        if isinstance(own, list) and len(own) == 3:
            placed[field] = tuple(float(value) for value in own)
        else:
            placed[field] = (round(x * scale, 1), round(y * scale, 1), round(width * scale, 1))
    return placed


def layout_for(issuer, award) -> CertificateLayout:
    """The issuer's layout for `award`, else its default one, else a new unsaved default."""
    rows = CertificateLayout.objects.filter(Q(award=award) | Q(award__isnull=True), issuer=issuer)
    found = {row.award_id: row for row in rows}
    return found.get(award.pk) or found.get(None) or CertificateLayout(issuer=issuer)


def heading_for(layout: CertificateLayout, award) -> str:
    """The title printed: the layout's own, else the form the award's name says."""
    if layout.heading.strip():
        return layout.heading.strip().upper()
    name = award.name.lower()
    if "bằng khen" in name:
        return "BẰNG KHEN"
    if "giấy khen" in name:
        return "GIẤY KHEN"
    return "GIẤY CHỨNG NHẬN"
