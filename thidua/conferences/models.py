"""Conferences honouring exemplars, their delegates, agenda, quotas of delegates to the
level above, dossier and honours (domain README §5; samples 000, 002, 003, 004)."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.conferences.enums import (
    ConferenceKind,
    ConferenceStatus,
    DelegateCategory,
    DelegateStatus,
)
from thidua.core.files import StoredFile
from thidua.core.jobs import Job
from thidua.exemplars.enums import Gender
from thidua.plans.rules import ConferenceLength
from thidua.units.models import EconomicSector, Level


class Conference(models.Model):
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị tổ chức"),
        on_delete=models.PROTECT,
        related_name="conferences",
    )
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("thực hiện kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conferences",
    )
    rule_set = models.ForeignKey(
        "plans.ConferenceRuleSet",
        verbose_name=_("quy định áp dụng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conferences",
    )
    kind = models.CharField(
        _("loại"), max_length=12, choices=ConferenceKind.choices, default=ConferenceKind.CONFERENCE
    )
    form = models.CharField(_("hình thức"), max_length=200, blank=True)
    name = models.CharField(_("tên hội nghị"), max_length=300)
    search_name = models.CharField(max_length=300, editable=False, db_default="")  # folded
    edition = models.PositiveSmallIntegerField(_("lần thứ"), default=1)
    period_start = models.PositiveSmallIntegerField(_("giai đoạn từ năm"))
    period_end = models.PositiveSmallIntegerField(_("đến năm"))
    held_on = models.DateField(_("ngày tổ chức"), null=True, blank=True)
    starts_at = models.TimeField(_("giờ khai mạc"), null=True, blank=True)
    length = models.CharField(
        _("thời gian"), max_length=10, choices=ConferenceLength.choices, blank=True
    )
    venue = models.CharField(_("địa điểm"), max_length=255, blank=True)
    is_pilot = models.BooleanField(_("hội nghị điểm"), default=False)
    budget_estimate = models.PositiveBigIntegerField(_("dự toán (đồng)"), null=True, blank=True)
    budget_actual = models.PositiveBigIntegerField(_("quyết toán (đồng)"), null=True, blank=True)
    # Recorded by the officer when the door's check-in was not used (a paper sign-in sheet).
    attended = models.PositiveIntegerField(_("số đại biểu có mặt"), null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=ConferenceStatus.choices, default=ConferenceStatus.DRAFT
    )
    feeds = models.ForeignKey(
        "self",
        verbose_name=_("gửi đại biểu dự"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feeders",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")
        indexes = [models.Index(fields=["unit", "status"], name="conference_unit_status_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("conferences:detail", args=[self.pk])


def new_token() -> str:
    return secrets.token_urlsafe(18)


# Letters and digits that cannot be mistaken for one another when read off a badge or
# typed by hand (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V).
SHORT_CODE_ALPHABET = "ACDEFGHJKMNPQRTWXY34679"
SHORT_CODE_LENGTH = 8


def new_short_code() -> str:
    """The code printed under a delegate's QR code, typed at the door without a scanner:
    23^8 codes, so that two delegates of one conference practically never draw the same
    (the database refuses it if they do)."""
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))


def normal_short_code(text: str) -> str:
    """What was typed, as stored: capitals, without the spaces or dash it is shown with."""
    return "".join(ch for ch in text.upper() if ch.isalnum())[: SHORT_CODE_LENGTH + 8]


class Delegate(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="delegates")
    subject = models.ForeignKey(
        "exemplars.Subject", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    exemplar = models.ForeignKey(
        "exemplars.Exemplar",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegations",
    )
    source = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="pulled_into"
    )
    full_name = models.CharField(_("họ và tên"), max_length=255)
    sort_name = models.CharField(max_length=400, editable=False)
    gender = models.CharField(_("giới tính"), max_length=6, blank=True, choices=Gender.choices)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    ethnicity = models.CharField(_("dân tộc"), max_length=60, blank=True)
    position = models.CharField(_("chức vụ, nghề nghiệp"), max_length=255, blank=True)
    workplace = models.CharField(_("nơi công tác, cư trú"), max_length=255, blank=True)
    origin_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("thuộc đơn vị, địa phương"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_direct_labourer = models.BooleanField(_("trực tiếp lao động, sản xuất"), default=False)
    economic_sector = models.CharField(
        _("thành phần kinh tế"), max_length=12, blank=True, choices=EconomicSector.choices
    )
    field = models.ForeignKey(
        "exemplars.Field",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    achievements = models.TextField(_("thành tích tóm tắt"), blank=True)
    category = models.CharField(_("thành phần"), max_length=10, choices=DelegateCategory.choices)
    is_presidium = models.BooleanField(_("đoàn chủ tịch"), default=False)
    is_speaker = models.BooleanField(_("báo cáo tham luận"), default=False)
    is_honouree = models.BooleanField(_("được tuyên dương"), default=False)
    to_upper = models.BooleanField(_("đại biểu dự cấp trên"), default=False)
    review_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("nơi bình xét"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_on = models.DateField(_("ngày bình xét"), null=True, blank=True)
    votes_for = models.PositiveIntegerField(_("số phiếu đồng ý"), null=True, blank=True)
    votes_total = models.PositiveIntegerField(_("tổng số người bỏ phiếu"), null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=DelegateStatus.choices, default=DelegateStatus.PROPOSED
    )
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    short_code = models.CharField(_("mã điểm danh"), max_length=8, default=new_short_code,
                                  editable=False)  # fmt: skip
    search_name = models.CharField(max_length=255, editable=False, db_default="")  # folded
    checked_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("đại biểu")
        verbose_name_plural = _("đại biểu")
        indexes = [
            models.Index(fields=["conference", "sort_name"], name="delegate_conf_sort_idx"),
            # The roll-up reads only the delegates sent up, of the conferences that feed one.
            models.Index(
                fields=["conference"],
                condition=models.Q(to_upper=True),
                name="delegate_sent_up_idx",
            ),  # fmt: skip
            models.Index(fields=["conference", "category"], name="delegate_conf_cat_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "short_code"], name="delegate_short_code_once"
            ),  # fmt: skip
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def short_code_display(self) -> str:
        """The code as printed: two groups of four, easier to read out and type."""
        return f"{self.short_code[:4]}-{self.short_code[4:]}"


class AgendaItem(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("nội dung"), max_length=300)
    presenter = models.CharField(_("người trình bày"), max_length=200, blank=True)
    minutes = models.PositiveSmallIntegerField(_("thời lượng (phút)"), null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class UpperQuota(models.Model):
    """How many delegates the upper conference allots to one lower unit, with an optional
    composition (samples 002, 003: "chỉ tiêu phân bổ")."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="quotas")
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="delegate_quotas",
    )
    number = models.PositiveSmallIntegerField(_("số đại biểu"))
    min_women = models.PositiveSmallIntegerField(_("tối thiểu nữ"), null=True, blank=True)
    min_direct_labourers = models.PositiveSmallIntegerField(
        _("tối thiểu trực tiếp lao động"), null=True, blank=True
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conference", "unit"], name="quota_once")]

    def __str__(self) -> str:
        return f"{self.unit}: {self.number}"


class DossierDocument(StoredFile):
    """One document of the post-conference dossier the rule set requires."""

    folder = "dossiers"

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="dossier")
    name = models.CharField(max_length=255)
    generated = models.BooleanField(default=False)  # drafted by thidua, not uploaded

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conference", "name"], name="dossier_once")]

    def __str__(self) -> str:
        return self.name


class Honour(models.Model):
    """An exemplar honoured at a conference: recognised at its level, and a candidate for
    the level above."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="honours")
    exemplar = models.ForeignKey(
        "exemplars.Exemplar", on_delete=models.PROTECT, related_name="honours"
    )
    level = models.CharField(max_length=10, choices=Level.choices)
    honoured_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conference", "exemplar"], name="honour_once")
        ]

    def __str__(self) -> str:
        return f"{self.exemplar} @ {self.conference}"


class PrintJob(Job):
    """Invitations or badges of a conference, rendered to PDF by a background task: QR
    codes first (`done_count` of `total` delegates), then the layout (stage "layout")."""

    KINDS = [("invitations", "Giấy mời"), ("badges", "Thẻ đại biểu")]
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="prints")
    kind = models.CharField(max_length=12, choices=KINDS)
    file = models.FileField(upload_to="prints/%Y/%m/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    # WeasyPrint lays out 150 badges in about 4 s; a congress of 2,000 takes about a minute.
    time_limit = datetime.timedelta(minutes=15)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.conference_id}"

    def enqueue(self) -> None:
        from thidua.conferences.tasks import render_print  # noqa: PLC0415 -- tasks import models

        render_print.enqueue(job_id=self.pk)
