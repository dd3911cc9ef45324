"""Subjects (individuals, collectives, households), exemplary models and what happens to
them: stage changes, evidence, criteria checks, nurturing, recognitions, replications."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.core.files import StoredFile
from thidua.exemplars.enums import (
    CriterionScope,
    EvidenceKind,
    Gender,
    Leadership,
    Occupation,
    RecognitionLevel,
    Stage,
    SubjectKind,
    SupportKind,
)

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class Field(models.Model):
    """A field of activity (lĩnh vực). Loaded as data from sample 001 §III, not code."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("lĩnh vực"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class Subject(models.Model):
    """Who is exemplary: a person, a collective or a household, belonging to a unit."""

    kind = models.CharField(_("đối tượng"), max_length=12, choices=SubjectKind.choices)
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="subjects"
    )
    name = models.CharField(_("họ và tên / tên tập thể"), max_length=255)
    search_name = models.CharField(max_length=255, editable=False, db_index=True)
    sort_name = models.CharField(max_length=400, editable=False)
    gender = models.CharField(_("giới tính"), max_length=6, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("năm sinh"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    ethnicity = models.CharField(_("dân tộc"), max_length=60, blank=True)
    occupation = models.CharField(
        _("nhóm nghề nghiệp"), max_length=20, choices=Occupation.choices, blank=True
    )
    is_direct_labourer = models.BooleanField(_("trực tiếp lao động, sản xuất"), default=False)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    leadership = models.CharField(_("cấp lãnh đạo"), max_length=10, choices=Leadership.choices,
                                  blank=True)  # fmt: skip
    collective_kind = models.CharField(_("loại tập thể"), max_length=100, blank=True)
    size = models.PositiveIntegerField(
        _("số thành viên"), null=True, blank=True, validators=[MaxValueValidator(2_000_000)]
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đối tượng")
        verbose_name_plural = _("đối tượng")
        indexes = [
            # A scoped list or search (unit_id IN the subtree) finds its page's keys in
            # this index alone, the folded name included: a province's 68,000 subjects
            # are read from the index, not from rows scattered over the table.
            models.Index(
                fields=["unit", "sort_name", "id"],
                include=["search_name"],
                name="subject_unit_key_idx",
            ),  # fmt: skip
            # Covering: a page of a long list, searched or scoped, is found in the index
            # alone (core.pagination reads the keys first, then the rows shown).
            models.Index(
                fields=["sort_name", "id"], include=["search_name", "unit"], name="subject_sort_idx"
            ),  # fmt: skip
            models.Index(fields=["search_name", "birth_year"], name="subject_dup_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("exemplars:subject_detail", args=[self.pk])


class Exemplar(models.Model):
    """An exemplary model (điển hình tiên tiến): a subject and the practice that made it
    exemplary, moving through the stages of sample 001."""

    subject = models.ForeignKey(Subject, on_delete=models.PROTECT, related_name="exemplars")
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị theo dõi"), on_delete=models.PROTECT,
        related_name="exemplars",
    )  # fmt: skip
    title = models.CharField(_("mô hình, cách làm hay"), max_length=255)
    description = models.TextField(_("mô tả"), blank=True)
    field = models.ForeignKey(
        Field, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="exemplars"
    )
    achievements = models.TextField(_("thành tích"), blank=True)
    movements = models.ManyToManyField(
        "movements.Movement", verbose_name=_("phong trào"), blank=True, related_name="exemplars"
    )
    year_from = models.PositiveSmallIntegerField(_("từ năm"), validators=YEAR_VALIDATORS)
    year_to = models.PositiveSmallIntegerField(
        _("đến năm"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    stage = models.CharField(
        _("giai đoạn"), max_length=12, choices=Stage.choices, default=Stage.DISCOVERED
    )
    stage_changed_at = models.DateTimeField(null=True, blank=True)
    search_text = models.CharField(max_length=600, editable=False, db_index=True)
    # The subject's sort key, copied so that lists sort by it without a join (an index on
    # it serves the national list's first page and every keyset page after it).
    sort_name = models.CharField(max_length=400, editable=False, db_default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("điển hình tiên tiến")
        verbose_name_plural = _("điển hình tiên tiến")
        indexes = [
            models.Index(fields=["unit", "stage"], name="exemplar_unit_stage_idx"),
            # As subject_unit_key_idx: a scoped list or search reads its keys here alone.
            models.Index(
                fields=["unit", "sort_name", "id"],
                include=["search_text", "stage"],
                name="exemplar_unit_key_idx",
            ),  # fmt: skip
            models.Index(fields=["field", "stage"], name="exemplar_field_stage_idx"),
            models.Index(
                fields=["sort_name", "id"],
                include=["search_text", "unit", "stage"],
                name="exemplar_sort_idx",
            ),  # fmt: skip
            # The stage counts and a list narrowed to one stage, at national scope.
            models.Index(fields=["stage", "sort_name", "id"], name="exemplar_stage_sort_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_to__isnull=True)
                | models.Q(year_to__gte=models.F("year_from")),
                name="exemplar_years_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} – {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("exemplars:detail", args=[self.pk])


class Evidence(StoredFile):
    """A file that proves an achievement: a photo, a PDF, a video clip."""

    folder = "evidence"

    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=8, choices=EvidenceKind.choices)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    # SHA-256 of the content: the same file is not attached twice to one exemplar. Files
    # attached before this was kept have none.
    sha256 = models.CharField(max_length=64, blank=True, db_default="", editable=False)

    class Meta:
        constraints = [
            # A double-submitted upload cannot store the same content twice (services check
            # first, for the message; this holds when two requests pass the check at once).
            models.UniqueConstraint(
                fields=["exemplar", "sha256"],
                condition=~models.Q(sha256=""),
                name="evidence_content_once",
            ),
        ]


class Criterion(models.Model):
    """An item of the criteria checklist (sample 001 §II.3), with the plan it comes from.
    `auto_check` names a rule that can decide the item from data (see criteria.py)."""

    scope = models.CharField(max_length=12, choices=CriterionScope.choices)
    text = models.CharField(max_length=400)
    source = models.CharField(_("căn cứ"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)
    auto_check = models.CharField(max_length=60, blank=True)
    # Recognising an exemplar needs every required item met (sample 001: "đạt các tiêu chí
    # sau"); a province may keep an item as guidance only by clearing it.
    required = models.BooleanField(_("bắt buộc"), default=True)

    class Meta:
        ordering = ["scope", "position"]

    def __str__(self) -> str:
        return self.text


class CriterionCheck(models.Model):
    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="checks")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    met = models.BooleanField(default=False)
    evidence_note = models.CharField(_("minh chứng"), max_length=500, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["exemplar", "criterion"], name="check_unique")
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {'đạt' if self.met else 'chưa đạt'}"


class NurturingAction(models.Model):
    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="nurturing")
    kind = models.CharField(_("hình thức hỗ trợ"), max_length=10, choices=SupportKind.choices)
    on = models.DateField(_("ngày"))
    by = models.CharField(_("đơn vị, người hỗ trợ"), max_length=255)
    note = models.TextField(_("nội dung"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%d/%m/%Y}"


class Recognition(models.Model):
    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="recognitions")
    level = models.CharField(_("cấp"), max_length=10, choices=RecognitionLevel.choices)
    occasion = models.CharField(_("dịp, hình thức"), max_length=255)
    on = models.DateField(_("ngày"))
    decision = models.CharField(_("số quyết định"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.occasion}"


class Replication(models.Model):
    """A unit that adopted the model: the spread of a model is the count of these."""

    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="replications")
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị áp dụng"), on_delete=models.PROTECT,
        related_name="adopted_models",
    )  # fmt: skip
    adopted_on = models.DateField(_("ngày áp dụng"))
    result = models.TextField(_("kết quả"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đơn vị nhân rộng")
        verbose_name_plural = _("đơn vị nhân rộng")
        ordering = ["adopted_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["exemplar", "unit"], name="replication_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit} ({self.adopted_on:%d/%m/%Y})"
