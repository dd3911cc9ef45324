"""States and tables of the conference workflow (domain README §5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConferenceKind(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị điển hình tiên tiến")
    CONGRESS = "congress", _("Đại hội Thi đua yêu nước")


class ConferenceStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    APPROVED = "approved", _("Đã duyệt kế hoạch")
    HELD = "held", _("Đã tổ chức")
    REPORTED = "reported", _("Đã gửi báo cáo")


class ConferenceAction(models.TextChoices):
    APPROVE = "approve", _("Duyệt kế hoạch hội nghị")
    HOLD = "hold", _("Ghi nhận đã tổ chức")
    REPORT = "report", _("Gửi hồ sơ, báo cáo")
    REOPEN = "reopen", _("Trả về dự thảo")


class DelegateCategory(models.TextChoices):
    EXEMPLARY = "exemplary", _("Đại biểu điển hình tiên tiến")
    GUEST = "guest", _("Khách mời")
    LEADER = "leader", _("Lãnh đạo")


class DelegateStatus(models.TextChoices):
    PROPOSED = "proposed", _("Đề xuất")
    APPROVED = "approved", _("Đã duyệt")
    CONFIRMED = "confirmed", _("Đã xác nhận tham dự")
    ATTENDED = "attended", _("Có mặt")


class Severity(models.TextChoices):
    ERROR = "error", _("Lỗi")
    WARNING = "warning", _("Lưu ý")
    INFO = "info", _("Thông tin")
