"""The commendation catalogue as dated data (LAW.md §1.3–1.8): emulation titles and forms
of commendation, each with versions of its rule (period, commendation types, reward as a
multiple of the base salary, criteria, legal basis) and rows of who may grant it, every one
valid over a date interval; and the base salary (mức lương cơ sở) as a dated table. A
nomination is judged under the version in force at its reference date (selectors)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from thidua.exemplars.enums import SubjectKind
from thidua.units.models import Level, UnitKind


class Category(models.TextChoices):
    TITLE = "title", _("Danh hiệu thi đua")
    FORM = "form", _("Hình thức khen thưởng")


class Period(models.TextChoices):
    ANNUAL = "annual", _("Hằng năm")
    WHEN_ELIGIBLE = "eligible", _("Khi đủ điều kiện")
    AD_HOC = "ad_hoc", _("Đột xuất")
    THEMATIC = "thematic", _("Theo đợt, chuyên đề")


class CommendationType(models.TextChoices):
    """The six types of commendation of the Law 2022, Art. 8 (and one kept for history)."""

    MERIT = "merit", _("Theo công trạng")
    AD_HOC = "ad_hoc", _("Đột xuất")
    MOVEMENT = "movement", _("Theo đợt, chuyên đề")
    DEDICATION = "dedication", _("Quá trình cống hiến")
    SENIORITY = "seniority", _("Theo niên hạn")
    FOREIGN = "foreign", _("Đối ngoại")
    # Not one of Art. 8's six, but decisions for achievements in the resistance wars are
    # still recorded, and the yearly statistics count them apart (0602.N, 0603.N).
    RESISTANCE = "resistance", _("Kháng chiến")


class Certainty(models.TextChoices):
    """How sure a value is, as LAW.md marks it (✅, ⚠️, ❌)."""

    VERIFIED = "verified", _("Đã đối chiếu nguồn chính thức")
    SECONDARY = "secondary", _("Nguồn thứ cấp, cần kiểm tra")
    UNVERIFIED = "unverified", _("Chưa kiểm chứng")


def _labels(choices, values) -> str:
    names = dict(choices)
    return ", ".join(str(names.get(value, value)) for value in values)


def _interval(name: str):
    return models.CheckConstraint(
        condition=Q(valid_to__isnull=True) | Q(valid_to__gt=F("valid_from")), name=name
    )


class Award(models.Model):
    """A title or form, whatever its rules at a date. `subject_kinds` are the kinds of
    subject it is given to (exemplars.enums.SubjectKind values)."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    category = models.CharField(_("nhóm"), max_length=5, choices=Category.choices)
    subject_kinds = models.JSONField(_("đối tượng"), default=list)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu, hình thức khen thưởng")
        ordering = ["category", "position", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def subject_kinds_display(self) -> str:
        return _labels(SubjectKind.choices, self.subject_kinds)


class AwardRule(models.Model):
    """One version of an award's rule, valid from `valid_from` to the day before `valid_to`
    (open when `valid_to` is empty). `name` is set when the award bore another name then."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="rules")
    valid_from = models.DateField(_("áp dụng từ ngày"))
    valid_to = models.DateField(_("hết áp dụng từ ngày"), null=True, blank=True)
    name = models.CharField(_("tên trong giai đoạn này"), max_length=255, blank=True)
    periods = models.JSONField(_("thời điểm xét"), default=list)
    commendation_types = models.JSONField(_("loại hình khen thưởng"), default=list)
    reward_multiple = models.DecimalField(_("tiền thưởng (lần mức lương cơ sở)"), max_digits=5,
                                          decimal_places=2, null=True, blank=True)  # fmt: skip
    reward_objects = models.CharField(_("hiện vật"), max_length=255, blank=True)
    criteria = models.TextField(_("tiêu chuẩn"), blank=True)
    # The machine-checkable parts of the criteria (LAW.md §1.7), as the eligibility engine
    # reads them: [{"test": "consecutive", "award": "cstdcs", "years": 3}, …].
    checks = models.JSONField(_("điều kiện kiểm tra tự động"), default=list, blank=True)
    # The dossier's required files (models.dossier.DocumentKind values, LAW.md §2.1), checked
    # when a nomination is sent to another level.
    documents = models.JSONField(_("tài liệu bắt buộc trong hồ sơ"), default=list, blank=True)
    # Days the list must be published (models.notice) before the nomination is sent; empty
    # when the form needs no public notice.
    notice_days = models.PositiveSmallIntegerField(_("số ngày công khai trước khi gửi"),
                                                   null=True, blank=True)  # fmt: skip
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)
    certainty = models.CharField(_("mức tin cậy"), max_length=10, choices=Certainty.choices)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("quy định khen thưởng")
        verbose_name_plural = _("quy định khen thưởng")
        ordering = ["award", "valid_from"]
        constraints = [_interval("award_rule_interval")]
        indexes = [models.Index(fields=["award", "valid_from"], name="award_rule_from_idx")]

    def __str__(self) -> str:
        return f"{self.name or self.award.name} (từ {self.valid_from:%d/%m/%Y})"

    @property
    def periods_display(self) -> str:
        return _labels(Period.choices, self.periods)

    @property
    def types_display(self) -> str:
        return _labels(CommendationType.choices, self.commendation_types)

    @property
    def documents_display(self) -> str:
        from thidua.awards.models.dossier import DocumentKind  # noqa: PLC0415 -- dossier imports this

        return _labels(DocumentKind.choices, self.documents)


class AwardAuthority(models.Model):
    """Who may grant an award (thẩm quyền, Law 2022 Art. 80; LAW.md §1.6): the head of a
    unit of `issuer_kind` (at `issuer_level` when given), over a date interval."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="authorities")
    issuer_kind = models.CharField(_("loại đơn vị quyết định"), max_length=12,
                                   choices=UnitKind.choices)  # fmt: skip
    issuer_level = models.CharField(_("cấp"), max_length=10, choices=Level.choices, blank=True)
    issuer_title = models.CharField(_("người quyết định"), max_length=255)
    valid_from = models.DateField(_("áp dụng từ ngày"))
    valid_to = models.DateField(_("hết áp dụng từ ngày"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)
    certainty = models.CharField(_("mức tin cậy"), max_length=10, choices=Certainty.choices)

    class Meta:
        verbose_name = _("thẩm quyền khen thưởng")
        verbose_name_plural = _("thẩm quyền khen thưởng")
        ordering = ["award", "valid_from", "pk"]
        constraints = [_interval("award_authority_interval")]

    def __str__(self) -> str:
        return f"{self.issuer_title}: {self.award.name}"


class BaseSalary(models.Model):
    """Mức lương cơ sở, in đồng per month, over a date interval: rewards are multiples of
    the one in force at the decision's date."""

    amount = models.PositiveIntegerField(_("mức lương cơ sở (đồng/tháng)"))
    valid_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    valid_to = models.DateField(_("hết áp dụng từ ngày"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)
    certainty = models.CharField(_("mức tin cậy"), max_length=10, choices=Certainty.choices)

    class Meta:
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")
        ordering = ["valid_from"]
        constraints = [_interval("base_salary_interval")]

    def __str__(self) -> str:
        return f"{self.amount:,} đồng từ {self.valid_from:%d/%m/%Y}".replace(",", ".")


class ProcessingLimit(models.Model):
    """How long a level has to process a nomination it holds (LAW.md §2.4: current limits not
    verified, the old central table gives 10 working days at each level), over a date
    interval; the nomination's due date at each stop is read from it."""

    level = models.CharField(_("cấp xử lý"), max_length=10, choices=Level.choices)
    days = models.PositiveSmallIntegerField(_("số ngày"))
    working_days = models.BooleanField(_("ngày làm việc"), default=True)
    valid_from = models.DateField(_("áp dụng từ ngày"))
    valid_to = models.DateField(_("hết áp dụng từ ngày"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)
    certainty = models.CharField(_("mức tin cậy"), max_length=10, choices=Certainty.choices)

    class Meta:
        verbose_name = _("thời hạn xử lý hồ sơ")
        verbose_name_plural = _("thời hạn xử lý hồ sơ")
        ordering = ["level", "valid_from"]
        constraints = [_interval("processing_limit_interval")]

    def __str__(self) -> str:
        kind = "ngày làm việc" if self.working_days else "ngày"
        return f"{self.get_level_display()}: {self.days} {kind}"
