"""Conference rule sets: the numbers a plan sets for one group of units (samples 000, 002,
003, 004; domain README §5). They are data on the plan; the conferences module checks
each conference against the rule set that applies to its unit."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.units.models import Level, UnitKind

REPRESENTATION = {
    "women": "Đại biểu nữ",
    "ethnic_minorities": "Đại biểu dân tộc thiểu số",
    "direct_labourers": "Người trực tiếp lao động, sản xuất",
    "economic_sectors": "Các thành phần kinh tế",
    "fields": "Các lĩnh vực",
    "former_localities": "Các địa phương trước sắp xếp",
}


class ConferenceLength(models.TextChoices):
    HALF_DAY = "half_day", _("1/2 ngày")
    SESSION = "session", _("01 buổi")
    DAY = "day", _("01 ngày")


class ConferenceRuleSet(models.Model):
    """The rules one plan sets for one target group of units: by kind, level and size."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="rule_sets")
    name = models.CharField(_("nhóm đơn vị"), max_length=200)
    kinds = models.JSONField(_("loại đơn vị"), default=list, blank=True)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices, blank=True)
    min_size = models.PositiveIntegerField(_("quy mô từ"), null=True, blank=True)
    max_size = models.PositiveIntegerField(_("quy mô đến"), null=True, blank=True)
    allowed_forms = models.JSONField(_("hình thức được chọn"), default=list)
    window_start = models.DateField(_("hoàn thành từ ngày"), null=True, blank=True)
    window_end = models.DateField(_("hoàn thành trước ngày"))
    length = models.CharField(_("thời gian"), max_length=10, choices=ConferenceLength.choices,
                              blank=True)  # fmt: skip
    delegate_cap = models.PositiveIntegerField(_("tối đa đại biểu"), null=True, blank=True)
    plenary_below = models.PositiveIntegerField(_("dưới số người thì hội nghị toàn thể"),
                                                null=True, blank=True)  # fmt: skip
    exemplary_share_pct = models.PositiveSmallIntegerField(_("tỷ lệ đại biểu điển hình (%)"),
                                                           null=True, blank=True)  # fmt: skip
    share_tolerance_pct = models.PositiveSmallIntegerField(_("sai số cho phép (%)"), default=0)
    representation = models.JSONField(_("cơ cấu phải báo cáo"), default=list, blank=True)
    pilot_units = models.ManyToManyField("units.Unit", blank=True, related_name="+")
    pilot_deadline = models.DateField(_("hạn hội nghị điểm"), null=True, blank=True)
    pilot_needs_appraisal = models.BooleanField(
        _("kế hoạch điểm phải được thẩm định"), default=False
    )
    presidium_min = models.PositiveSmallIntegerField(_("đoàn chủ tịch từ"), null=True,
                                                     blank=True)  # fmt: skip
    presidium_max = models.PositiveSmallIntegerField(_("đoàn chủ tịch đến"), null=True,
                                                     blank=True)  # fmt: skip
    dossier_documents = models.JSONField(_("hồ sơ sau hội nghị"), default=list, blank=True)
    dossier_deadline = models.DateField(_("hạn nộp hồ sơ"), null=True, blank=True)

    class Meta:
        verbose_name = _("quy định tổ chức hội nghị")
        verbose_name_plural = _("quy định tổ chức hội nghị")

    def __str__(self) -> str:
        return f"{self.plan}: {self.name}"

    @property
    def scope_text(self) -> str:
        """Which units the rule set is for, in words: "Xã, phường; từ 100 đến 300 người"."""
        labels = dict(UnitKind.choices)
        parts = [", ".join(str(labels.get(kind, kind)) for kind in self.kinds)]
        if self.level:
            parts.append(str(self.get_level_display()))
        if self.min_size is not None or self.max_size is not None:
            low = f"từ {self.min_size} " if self.min_size is not None else ""
            high = f"đến {self.max_size} " if self.max_size is not None else ""
            parts.append(f"{low}{high}người".strip())
        return "; ".join(part for part in parts if part)

    @property
    def representation_text(self) -> str:
        return "; ".join(REPRESENTATION.get(key, key) for key in self.representation)

    def applies_to(self, unit) -> bool:
        if self.kinds and unit.kind not in self.kinds:
            return False
        if self.level and unit.level != self.level:
            return False
        size = unit.workforce
        if self.min_size is not None and (size is None or size < self.min_size):
            return False
        return not (self.max_size is not None and (size is None or size > self.max_size))


def validate_rule_set(rules: ConferenceRuleSet) -> None:
    """Every problem of a rule set at once, as Vietnamese sentences on their fields."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if not rules.allowed_forms:
        add("allowed_forms", "Cần ít nhất một hình thức hội nghị.")
    if unknown := set(rules.kinds) - set(UnitKind.values):
        add("kinds", f"Loại đơn vị không hợp lệ: {', '.join(sorted(unknown))}.")
    if unknown := set(rules.representation) - set(REPRESENTATION):
        add("representation", f"Cơ cấu không hợp lệ: {', '.join(sorted(unknown))}.")
    low, high = rules.presidium_min, rules.presidium_max
    if None not in (low, high) and low > high:
        add("presidium_max", "Số thành viên đoàn chủ tịch tối đa phải từ mức tối thiểu trở lên.")
    if None not in (rules.min_size, rules.max_size) and rules.min_size > rules.max_size:
        add("max_size", "Quy mô đến phải từ quy mô từ trở lên.")
    if rules.delegate_cap is not None and rules.delegate_cap < 1:
        add("delegate_cap", "Số đại biểu tối đa phải lớn hơn 0.")
    share, tolerance = rules.exemplary_share_pct, rules.share_tolerance_pct
    if share is not None and not 0 < share <= 100:
        add("exemplary_share_pct", "Tỷ lệ phải từ 1 đến 100%.")
    if share is not None and tolerance > min(share, 100 - share):
        add("share_tolerance_pct", f"Sai số {tolerance}% vượt quá khoảng cho phép quanh {share}%.")
    _check_dates(rules, add)
    if errors:
        raise ValidationError(errors)


def _check_dates(rules: ConferenceRuleSet, add) -> None:
    start, end, pilot = rules.window_start, rules.window_end, rules.pilot_deadline
    if start and end and start > end:
        add("window_end", "Hạn hoàn thành phải sau ngày bắt đầu.")
    if pilot and start and pilot < start:
        add("pilot_deadline", "Hạn hội nghị điểm phải sau ngày bắt đầu.")
    if pilot and end and pilot > end:
        add("pilot_deadline", "Hội nghị điểm phải xong trước hạn chung.")
    if rules.dossier_deadline and end and rules.dossier_deadline < end:
        add("dossier_deadline", "Hạn nộp hồ sơ phải sau hạn tổ chức hội nghị.")


def rule_set_for(plan, unit) -> ConferenceRuleSet | None:
    """The plan's rule set for `unit`: the first, in creation order, whose group fits."""
    return next((rules for rules in plan.rule_sets.order_by("pk") if rules.applies_to(unit)), None)
