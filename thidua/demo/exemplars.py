"""Demo exemplars of Xã Đại Sơn: one in every stage, with evidence, nurturing, recognitions
and replications, made through the services so that every step is in the history."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.exemplars import services
from thidua.exemplars.models import Field, NurturingAction, Replication, Subject
from thidua.workflow.engine import transition

# (name, kind, details, title, field code, actions to apply in order)
DEMO_EXEMPLARS = [
    ("Nguyễn Văn Hùng", "individual",
     {"gender": "male", "birth_year": 1972, "occupation": "farmer", "is_direct_labourer": True},
     "Mô hình trồng lúa hữu cơ liên kết tiêu thụ", "agriculture",
     ["nurture", "recognise", "replicate"]),
    ("Phạm Thị Thu Hằng", "individual",
     {"gender": "female", "birth_year": 1985, "occupation": "teacher", "position": "Giáo viên"},
     "Dạy học STEM với vật liệu tái chế", "education", ["nurture", "recognise"]),
    ("Tổ hợp tác rau an toàn thôn Mỹ Đoàn", "collective",
     {"collective_kind": "tổ hợp tác", "size": 18},
     "Sản xuất rau theo chuẩn VietGAP", "agriculture", ["nurture"]),
    ("Hộ ông Vũ Văn Thành", "household", {},
     "Nuôi cá lồng kết hợp du lịch trải nghiệm", "social-life", []),
    ("Trần Văn Long", "individual",
     {"gender": "male", "birth_year": 1990, "occupation": "worker", "is_direct_labourer": True},
     "Sáng kiến cải tiến máy tuốt lúa", "science", ["decline"]),
]  # fmt: skip
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
ADOPTERS = 2


def seed_exemplars(*, commune, adopters) -> int:
    """Create the demo exemplars of `commune` unless they exist; returns how many exist."""
    for name, kind, details, title, field_code, actions in DEMO_EXEMPLARS:
        if Subject.objects.filter(unit=commune, name=name).exists():
            continue
        subject = services.create_subject(actor=None, unit=commune, kind=kind, name=name, **details)
        exemplar = services.create_exemplar(
            actor=None, subject=subject, title=title, field=Field.objects.get(code=field_code),
            year_from=2023, achievements="Hiệu quả kinh tế và lan tỏa trong cộng đồng.",
        )  # fmt: skip
        upload = SimpleUploadedFile("bien-ban-binh-xet.pdf", PDF)
        services.add_evidence(actor=None, exemplar=exemplar, upload=upload, note="Biên bản")
        for action in actions:
            exemplar = _apply(exemplar, action, adopters)
    return Subject.objects.filter(unit=commune).count()


def _apply(exemplar, action: str, adopters):
    reason = "Không đủ minh chứng hiệu quả." if action == "decline" else "Theo kết quả họp xét."
    on, data = datetime.date(2024, 6, 15), None
    if action == "recognise":
        # Recognised after the review meeting found every criterion met (sample 001 §II.3).
        answers = {check.pk: (True, "Biên bản họp xét") for check in exemplar.checks.all()}
        services.update_checks(actor=None, exemplar=exemplar, answers=answers)
        data = {"level": "commune", "occasion": "Hội nghị sơ kết phong trào thi đua", "on": on,
                "decision": "45/QĐ-UBND"}  # fmt: skip
    exemplar = transition(exemplar, action, by=None, reason=reason, data=data)  # the moved row
    if action == "nurture":
        services.add_record(actor=None, exemplar=exemplar, model=NurturingAction, kind="training",
                            on=on, by="Hội Nông dân xã", note="Tập huấn kỹ thuật")  # fmt: skip
    if action == "replicate":
        for unit in adopters[:ADOPTERS]:
            services.add_record(actor=None, exemplar=exemplar, model=Replication, unit=unit,
                                adopted_on=on, result="Áp dụng trên 5 ha")  # fmt: skip
    return exemplar
