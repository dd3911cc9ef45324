"""A subject's record for commendation (LAW.md §1.7: the data every eligibility test needs):
awards received, initiatives, yearly task ratings, discipline, blocking flags, and who
belonged to a collective each year. Each row hangs on the subject, so it follows the
subject through a merger of its unit; imported rows keep the decision they came from."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.models.catalogue import Award, CommendationType
from thidua.exemplars.models import Subject


class Source(models.TextChoices):
    ENTERED = "entered", _("Nhập tay")
    IMPORTED = "imported", _("Nhập từ Excel")
    DECISION = "decision", _("Từ quyết định khen thưởng")


class Rating(models.IntegerChoices):
    """The yearly assessment (đánh giá, xếp loại), best last so that "at least good" is a
    comparison."""

    NOT_COMPLETED = 1, _("Không hoàn thành nhiệm vụ")
    COMPLETED = 2, _("Hoàn thành nhiệm vụ")
    GOOD = 3, _("Hoàn thành tốt nhiệm vụ")
    EXCELLENT = 4, _("Hoàn thành xuất sắc nhiệm vụ")


class Scope(models.IntegerChoices):
    """Where an initiative was recognised, widest last."""

    GRASSROOTS = 1, _("Cấp cơ sở")
    PROVINCE = 2, _("Cấp bộ, ngành, tỉnh")
    NATIONAL = 3, _("Toàn quốc")


class Sanction(models.IntegerChoices):
    """Forms of discipline, mildest first: "cảnh cáo trở lên" is severity ≥ WARNING."""

    REPRIMAND = 1, _("Khiển trách")
    WARNING = 2, _("Cảnh cáo")
    SALARY_DOWN = 3, _("Hạ bậc lương")
    DEMOTION = 4, _("Giáng chức")
    DISMISSAL = 5, _("Cách chức")
    TERMINATION = 6, _("Buộc thôi việc")


class BlockReason(models.TextChoices):
    """Why commendation is deferred (ND 152/2025: chưa khen thưởng, chưa đề nghị)."""

    DISCIPLINE_REVIEW = "discipline", _("Đang bị xem xét kỷ luật")
    INVESTIGATION = "investigation", _("Đang bị điều tra, thanh tra, kiểm tra")
    COMPLAINT = "complaint", _("Có đơn thư khiếu nại, tố cáo đang xác minh")


def _year_range(field: str, name: str):
    return models.CheckConstraint(condition=Q(**{f"{field}__gte": 1945, f"{field}__lte": 2100}),
                                  name=name)  # fmt: skip


class AwardRecord(models.Model):
    """An award the subject received. `award` is the catalogue's entry when it is one;
    `title` is the award as the decision wrote it. A revoked award stays, marked."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="award_records")
    # The subject's unit, copied by the service that records the award (a subject never
    # changes unit), so that «Sổ khen thưởng» filters a scope through this table's own index.
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    award = models.ForeignKey(
        Award, on_delete=models.PROTECT, null=True, blank=True, related_name="records",
        verbose_name=_("danh hiệu, hình thức"),
    )  # fmt: skip
    title = models.CharField(_("danh hiệu, hình thức (theo quyết định)"), max_length=255)
    year = models.PositiveSmallIntegerField(_("năm"))
    commendation_type = models.CharField(_("loại hình"), max_length=10,
                                         choices=CommendationType.choices,
                                         default=CommendationType.MERIT)  # fmt: skip
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    issuer = models.CharField(_("cấp quyết định"), max_length=255, blank=True)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.ENTERED)
    revoked_on = models.DateField(_("hủy bỏ ngày"), null=True, blank=True)
    revocation_note = models.TextField(_("lý do, quyết định hủy bỏ"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khen thưởng đã nhận")
        verbose_name_plural = _("khen thưởng đã nhận")
        ordering = ["-year", "pk"]
        constraints = [
            _year_range("year", "award_record_year"),
            models.UniqueConstraint(
                fields=["subject", "title", "year", "decision_number"], name="award_record_once"
            ),  # fmt: skip
        ]
        indexes = [
            models.Index(fields=["subject", "year"], name="award_record_subject_idx"),
            # «Sổ khen thưởng» pages by keyset on (year, id), newest first, also per award and
            # per unit; the unit rides along so that a scope is filtered inside the index.
            models.Index(fields=["-year", "-id"], include=["unit"], name="award_record_year_idx"),
            models.Index(
                fields=["award", "-year", "-id"], include=["unit"], name="award_record_award_idx"
            ),
            models.Index(fields=["unit", "-year", "-id"], name="award_record_unit_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.year} – {self.subject.name}"


class Initiative(models.Model):
    """Sáng kiến: recognised by a competent level at a scope, on a date."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="initiatives")
    title = models.CharField(_("tên sáng kiến"), max_length=500)
    recognised_by = models.CharField(_("cơ quan công nhận"), max_length=255)
    scope = models.PositiveSmallIntegerField(_("phạm vi"), choices=Scope.choices)
    recognised_on = models.DateField(_("ngày công nhận"))
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.ENTERED)

    class Meta:
        verbose_name = _("sáng kiến")
        verbose_name_plural = _("sáng kiến")
        ordering = ["-recognised_on", "pk"]
        indexes = [models.Index(fields=["subject", "recognised_on"], name="initiative_subject_idx")]

    def __str__(self) -> str:
        return self.title


class TaskRating(models.Model):
    """The subject's yearly rating: one per year."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.PositiveSmallIntegerField(_("xếp loại"), choices=Rating.choices)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.ENTERED)

    class Meta:
        verbose_name = _("xếp loại hằng năm")
        verbose_name_plural = _("xếp loại hằng năm")
        ordering = ["-year"]
        constraints = [
            _year_range("year", "rating_year"),
            models.UniqueConstraint(fields=["subject", "year"], name="rating_once"),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.get_rating_display()}"


class Discipline(models.Model):
    """A disciplinary measure over [starts_on, ends_on]: achievements count again from the
    end of the period (ND 152/2025)."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="disciplines")
    sanction = models.PositiveSmallIntegerField(_("hình thức kỷ luật"), choices=Sanction.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["-starts_on"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                              name="discipline_period")]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.get_sanction_display()} ({self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y})"


class Block(models.Model):
    """A reason to defer commendation, from `since` until lifted (`until`)."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="blocks")
    reason = models.CharField(_("lý do"), max_length=14, choices=BlockReason.choices)
    since = models.DateField(_("từ ngày"))
    until = models.DateField(_("đến ngày"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("tạm dừng xét khen thưởng")
        verbose_name_plural = _("tạm dừng xét khen thưởng")
        ordering = ["-since"]
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=F("since")), name="block_period"
            )
        ]

    def __str__(self) -> str:
        return self.get_reason_display()


class Membership(models.Model):
    """Who belonged to a collective in a year (for its members' shares of titles)."""

    collective = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="members_by_year"
    )
    member = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="collectives_by_year"
    )
    year = models.PositiveSmallIntegerField(_("năm"))

    class Meta:
        verbose_name = _("thành viên tập thể")
        verbose_name_plural = _("thành viên tập thể")
        constraints = [_year_range("year", "membership_year"),
                       models.UniqueConstraint(fields=["collective", "member", "year"],
                                               name="membership_once")]  # fmt: skip
        indexes = [models.Index(fields=["collective", "year"], name="membership_year_idx")]

    def __str__(self) -> str:
        return f"{self.member.name} – {self.collective.name} ({self.year})"
