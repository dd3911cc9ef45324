"""States and choices of the exemplar pipeline (sample 001: "Phát hiện – Bồi dưỡng –
Tổng kết – Nhân rộng") and the transition table that governs it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    HOUSEHOLD = "household", _("Hộ gia đình")


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class Leadership(models.TextChoices):
    """The leaders the yearly commendation statistics count apart (forms 0602.N, 0603.N of
    Thông tư 02/2023/TT-BNV): a person's office, where it is one of these."""

    CENTRAL = "central", _("Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên")
    DEPARTMENT = "department", _("Lãnh đạo cấp vụ, sở, ngành và tương đương")
    OTHER = "other", _("Lãnh đạo khác từ phó phòng trở lên")


class Occupation(models.TextChoices):
    WORKER = "worker", _("Công nhân")
    FARMER = "farmer", _("Nông dân")
    CIVIL_SERVANT = "civil_servant", _("Cán bộ, công chức, viên chức")
    TEACHER = "teacher", _("Nhà giáo")
    DOCTOR = "doctor", _("Thầy thuốc, nhân viên y tế")
    ENTREPRENEUR = "entrepreneur", _("Doanh nhân")
    ARMED_FORCES = "armed_forces", _("Lực lượng vũ trang")
    STUDENT = "student", _("Học sinh, sinh viên")
    OTHER = "other", _("Khác")


class Stage(models.TextChoices):
    DISCOVERED = "discovered", _("Phát hiện")
    NURTURING = "nurturing", _("Bồi dưỡng")
    RECOGNISED = "recognised", _("Tổng kết, tôn vinh")
    REPLICATING = "replicating", _("Nhân rộng")
    DECLINED = "declined", _("Không đạt")
    WITHDRAWN = "withdrawn", _("Rút khỏi danh sách")


# The records the page offers to add at each stage (sample 001: nurture, then honour and
# replicate): none while a candidate is only discovered, or once declined or withdrawn.
RECORDS_AT_STAGE = {
    Stage.NURTURING: ("nurturing",),
    Stage.RECOGNISED: ("nurturing", "recognition", "replication"),
    Stage.REPLICATING: ("nurturing", "recognition", "replication"),
}


class StageAction(models.TextChoices):
    NURTURE = "nurture", _("Đưa vào bồi dưỡng")
    RECOGNISE = "recognise", _("Công nhận điển hình")
    REPLICATE = "replicate", _("Nhân rộng")
    DECLINE = "decline", _("Đánh giá không đạt")
    WITHDRAW = "withdraw", _("Rút khỏi danh sách")
    REOPEN = "reopen", _("Xem xét lại")


class CriterionScope(models.TextChoices):
    GENERAL = "general", _("Tiêu chí chung")
    COLLECTIVE = "collective", _("Đối với tập thể")
    INDIVIDUAL = "individual", _("Đối với cá nhân")
    HOUSEHOLD = "household", _("Đối với hộ gia đình")


# The checklist each kind of subject is judged on. Sample 001 §II.3 writes its general items
# for collectives and individuals ("tiêu chí chung của tập thể, cá nhân"); a household is
# judged on the household framework of Decree 86/2023/NĐ-CP, Art. 4.
CRITERIA_SCOPES = {
    SubjectKind.INDIVIDUAL: (CriterionScope.GENERAL, CriterionScope.INDIVIDUAL),
    SubjectKind.COLLECTIVE: (CriterionScope.GENERAL, CriterionScope.COLLECTIVE),
    SubjectKind.HOUSEHOLD: (CriterionScope.HOUSEHOLD,),
}


class SupportKind(models.TextChoices):
    MATERIAL = "material", _("Vật chất")
    TECHNICAL = "technical", _("Kỹ thuật, chuyên môn")
    TRAINING = "training", _("Tập huấn, đào tạo")
    PRIZE = "prize", _("Khen thưởng, giải thưởng")
    OTHER = "other", _("Khác")


class RecognitionLevel(models.TextChoices):
    UNIT = "unit", _("Cấp cơ sở, đơn vị")
    COMMUNE = "commune", _("Cấp xã")
    DISTRICT = "district", _("Cấp huyện (trước 01/7/2025)")
    PROVINCE = "province", _("Cấp tỉnh")
    NATIONAL = "national", _("Toàn quốc")


class EvidenceKind(models.TextChoices):
    IMAGE = "image", _("Hình ảnh")
    PDF = "pdf", _("Tài liệu PDF")
    VIDEO = "video", _("Video")
