"""Certificates (Giấy khen, Bằng khen, the titles' certificates) printed from an issued
decision: one per awardee, with a number in the issuer's register and a code nobody can
guess that leads to the public verification page (`/xac-minh/<code>/`)."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.jobs import Job

# Letters and digits that cannot be misread for one another (no 0/O, 1/I/L): a code typed
# from paper still verifies. 12 of 31 symbols: about 59 bits, never sequential.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Paper(models.TextChoices):
    A4 = "a4", _("A4 ngang (297 × 210 mm)")
    A3 = "a3", _("A3 ngang (420 × 297 mm)")


PAPER_MM = {Paper.A4: (297, 210), Paper.A3: (420, 297)}


class CertificateLayout(models.Model):
    """How one issuer prints the certificates of one award (or of every award without a
    layout of its own, when `award` is empty): text blocks, the emblem, the signature, the
    paper, and where each field sits, in millimetres from the top left corner. On
    pre-printed blanks only the fields are printed."""

    issuer = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    award = models.ForeignKey("awards.Award", on_delete=models.CASCADE, null=True, blank=True,
                              related_name="+", verbose_name=_("danh hiệu, hình thức"))  # fmt: skip
    heading = models.CharField(
        _("tiêu đề"), max_length=100, blank=True,
        help_text=_("Để trống: GIẤY KHEN, BẰNG KHEN hoặc GIẤY CHỨNG NHẬN theo hình thức."),
    )  # fmt: skip
    body = models.TextField(_("nội dung"), max_length=1000, blank=True,
                            default="Đã có thành tích xuất sắc trong phong trào thi đua "
                                    "năm {nam}.")  # fmt: skip
    emblem = models.ImageField(_("quốc huy, biểu trưng"), upload_to="certificates/emblems/",
                               blank=True)  # fmt: skip
    paper = models.CharField(_("khổ giấy"), max_length=2, choices=Paper.choices,
                             default=Paper.A4)  # fmt: skip
    preprinted = models.BooleanField(_("in lên phôi in sẵn"), default=False)
    positions = models.JSONField(_("vị trí các trường (mm)"), default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "award"], name="layout_once_per_award"),
            models.UniqueConstraint(
                fields=["issuer"],
                condition=models.Q(award__isnull=True),
                name="layout_default_once",
            ),  # fmt: skip
        ]

    def __str__(self) -> str:
        return f"Mẫu {self.award or 'chung'} – {self.issuer}"


class CertificateCounter(models.Model):
    """The last number of an issuer's register of certificates for a year."""

    issuer = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year"], name="certificate_counter_once")
        ]

    def __str__(self) -> str:
        return f"{self.issuer_id}/{self.year}: {self.last}"


class Certificate(models.Model):
    """One awardee's certificate. The name and award are kept as printed; whether it still
    stands is the award record's (revoked: `record.revoked_on`)."""

    line = models.OneToOneField("awards.DecisionLine", on_delete=models.PROTECT,
                                related_name="certificate")  # fmt: skip
    decision = models.ForeignKey("awards.Decision", on_delete=models.PROTECT,
                                 related_name="certificates")  # fmt: skip
    record = models.ForeignKey("awards.AwardRecord", on_delete=models.SET_NULL, null=True,
                               related_name="certificates")  # fmt: skip
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code,
                            editable=False)  # fmt: skip
    number = models.CharField(_("số vào sổ"), max_length=20)
    name = models.CharField(_("họ tên, tên tập thể"), max_length=255)
    title = models.CharField(_("danh hiệu, hình thức"), max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number", "pk"]

    def __str__(self) -> str:
        return f"{self.number} – {self.name}"

    @property
    def code_display(self) -> str:
        return f"{self.code[:4]}-{self.code[4:8]}-{self.code[8:]}"


class CertificateJob(Job):
    """A decision's certificates (or a test print of its layout) rendered to PDF."""

    decision = models.ForeignKey("awards.Decision", on_delete=models.CASCADE,
                                 related_name="certificate_jobs")  # fmt: skip
    test = models.BooleanField(default=False)
    file = models.FileField(upload_to="certificates/%Y/%m/", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    # WeasyPrint lays out a page a certificate; a decision of 500 awardees takes a minute.
    time_limit = datetime.timedelta(minutes=15)

    class Meta(Job.Meta):
        indexes = [models.Index(fields=["state"], name="certificate_job_state")]

    def __str__(self) -> str:
        return f"Giấy khen, bằng khen {self.decision_id}"

    def enqueue(self) -> None:
        from thidua.certificates.tasks import render_certificates  # noqa: PLC0415

        render_certificates.enqueue(job_id=self.pk)
