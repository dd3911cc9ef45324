"""The organisation tree (đơn vị) and the emulation clusters and blocks (cụm, khối thi đua)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Bounds that keep typed numbers inside their columns and inside reason: the largest
# employers of Vietnam count about 100,000 workers.
MAX_WORKFORCE = 2_000_000
MAX_GROUP_NUMBER = 999
MAX_MIN_EXEMPLARS = 1_000


class UnitKind(models.TextChoices):
    NATION = "nation", _("Trung ương")
    PROVINCE = "province", _("Tỉnh, thành phố trực thuộc Trung ương")
    DISTRICT = "district", _("Huyện, thị xã, thành phố thuộc tỉnh (trước 01/7/2025)")
    COMMUNE = "commune", _("Xã, phường, đặc khu")
    VILLAGE = "village", _("Thôn, tổ dân phố")
    AGENCY = "agency", _("Cơ quan, sở, ban, ngành")
    MASS_ORG = "mass_org", _("Mặt trận Tổ quốc, đoàn thể")
    ENTERPRISE = "enterprise", _("Doanh nghiệp, hợp tác xã")
    SCHOOL = "school", _("Trường học")
    HOSPITAL = "hospital", _("Bệnh viện, cơ sở y tế")
    ARMED_FORCES = "armed_forces", _("Đơn vị lực lượng vũ trang")


class Level(models.TextChoices):
    NATIONAL = "national", _("Trung ương")
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện (trước 01/7/2025)")
    COMMUNE = "commune", _("Cấp xã")
    VILLAGE = "village", _("Thôn, tổ dân phố")


class EconomicSector(models.TextChoices):
    # The four economic sectors named by the 2013 Constitution (Art. 51) and Party resolutions;
    # sample 003 asks for delegates from "các thành phần kinh tế".
    STATE = "state", _("Kinh tế nhà nước")
    COLLECTIVE = "collective", _("Kinh tế tập thể (hợp tác xã)")
    PRIVATE = "private", _("Kinh tế tư nhân")
    FOREIGN = "foreign", _("Kinh tế có vốn đầu tư nước ngoài")


class Unit(models.Model):
    """A node of the organisation tree: administrative units and the bodies beside them.

    `path` is a materialised path of primary keys ("/1/35/4012/") so that a whole subtree is
    one indexed prefix query; `search_name` and `sort_name` are derived keys kept by the
    services (see thidua.core.text).
    """

    name = models.CharField(_("tên đơn vị"), max_length=255)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitKind.choices)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    subtype = models.CharField(
        _("loại hình"), max_length=60, blank=True, help_text=_("Ví dụ: xã, phường, sở, công an")
    )
    code = models.CharField(
        _("mã đơn vị hành chính"), max_length=10, blank=True, help_text=_("Mã do nhà nước cấp")
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )  # fmt: skip
    # unique=True also makes PostgreSQL build a varchar_pattern_ops ("_like") index, which
    # serves `path LIKE 'prefix%'` whatever the cluster's collation.
    path = models.CharField(max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    search_name = models.CharField(max_length=255, db_index=True, editable=False)
    sort_name = models.CharField(max_length=400, editable=False)
    economic_sector = models.CharField(
        _("thành phần kinh tế"), max_length=12, choices=EconomicSector.choices, blank=True
    )
    workforce = models.PositiveIntegerField(
        _("số cán bộ, người lao động"), null=True, blank=True,
        validators=[MaxValueValidator(MAX_WORKFORCE)],
    )  # fmt: skip
    email = models.EmailField(_("thư điện tử"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    valid_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("hết hiệu lực từ ngày"), null=True, blank=True)
    predecessors = models.ManyToManyField(
        "self", verbose_name=_("đơn vị trước sắp xếp"), symmetrical=False, blank=True,
        related_name="successors",
    )  # fmt: skip
    is_official = models.BooleanField(
        default=False, editable=False, help_text="Loaded from the official list; name is locked."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~models.Q(code=""), name="unit_code_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gt=models.F("valid_from")),
                name="unit_validity_ordered",
            ),
        ]
        indexes = [
            models.Index(fields=["parent", "sort_name"], name="unit_children_idx"),
            models.Index(fields=["kind", "level"], name="unit_kind_level_idx"),
            # The order of every list of units (selectors.search_units, the API), whole or
            # by level: a page is read from the index, not sorted out of 23,000 rows.
            models.Index(fields=["depth", "sort_name", "id"], name="unit_order_idx"),
            models.Index(fields=["level", "depth", "sort_name", "id"], name="unit_level_order_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("units:detail", args=[self.pk])

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/")[:-1] if part]

    @property
    def is_current(self) -> bool:
        return self.valid_to is None


class GroupKind(models.TextChoices):
    CLUSTER = "cluster", _("Cụm thi đua")
    BLOCK = "block", _("Khối thi đua")


class Cadence(models.TextChoices):
    MONTH = "month", _("Hằng tháng")
    QUARTER = "quarter", _("Hằng quý")
    HALF_YEAR = "half_year", _("6 tháng")
    YEAR = "year", _("Hằng năm")


class EmulationGroup(models.Model):
    """A numbered cluster (localities) or block (agencies, enterprises) under a province's
    council; its members owe exemplars at their own cadence (sample 001, §IV.1)."""

    owner = models.ForeignKey(
        Unit, verbose_name=_("đơn vị quản lý"), on_delete=models.PROTECT,
        related_name="owned_groups",
    )  # fmt: skip
    kind = models.CharField(_("loại"), max_length=10, choices=GroupKind.choices)
    number = models.PositiveSmallIntegerField(
        _("số"), validators=[MinValueValidator(1), MaxValueValidator(MAX_GROUP_NUMBER)]
    )
    name = models.CharField(_("tên"), max_length=255, blank=True)
    search_name = models.CharField(max_length=255, editable=False, db_index=True)
    default_cadence = models.CharField(
        _("kỳ báo cáo mặc định"), max_length=10, choices=Cadence.choices, default=Cadence.YEAR
    )
    default_min_exemplars = models.PositiveSmallIntegerField(
        _("số điển hình tối thiểu mỗi kỳ (mặc định)"), default=1,
        validators=[MaxValueValidator(MAX_MIN_EXEMPLARS)],
    )  # fmt: skip
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("cụm, khối thi đua")
        verbose_name_plural = _("cụm, khối thi đua")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind", "number"], name="group_number_unique_per_owner"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("units:group_detail", args=[self.pk])

    @property
    def display_name(self) -> str:
        label = f"{self.get_kind_display()} số {self.number}"
        return f"{label}: {self.name}" if self.name else label


class GroupMembership(models.Model):
    """A unit's place in a group, with its own reporting cadence and exemplar minimum."""

    group = models.ForeignKey(EmulationGroup, on_delete=models.CASCADE, related_name="members")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="group_memberships")
    cadence = models.CharField(_("kỳ báo cáo"), max_length=10, choices=Cadence.choices)
    min_exemplars = models.PositiveSmallIntegerField(
        _("số điển hình tối thiểu mỗi kỳ"), validators=[MaxValueValidator(MAX_MIN_EXEMPLARS)]
    )
    joined_on = models.DateField(_("tham gia từ ngày"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thành viên cụm, khối")
        verbose_name_plural = _("thành viên cụm, khối")
        constraints = [
            models.UniqueConstraint(fields=["group", "unit"], name="group_member_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.group}"


class MembershipTerm(models.Model):
    """The cadence and minimum a member owes from a date on. Each change of a membership's
    cadence or minimum starts a new term, so a past period is judged by the term in force
    then, and later changes never rewrite it."""

    membership = models.ForeignKey(GroupMembership, on_delete=models.CASCADE, related_name="terms")
    starts_on = models.DateField()
    cadence = models.CharField(max_length=10, choices=Cadence.choices)
    min_exemplars = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["membership", "starts_on"], name="term_unique_start")
        ]

    def __str__(self) -> str:
        return f"{self.membership_id} từ {self.starts_on:%d/%m/%Y}"
