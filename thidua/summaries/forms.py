from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from thidua.accounts.models import Role, UnitRole
from thidua.core.forms import CleanTextMixin, is_id
from thidua.summaries.models import WRITTEN
from thidua.units.models import Unit
from thidua.units.selectors import scope_root_units, visible_units


def default_period() -> tuple[int, int]:
    """The last five-year period that has ended (2020–2025 in 2026, as the samples)."""
    end = timezone.localdate().year - 1
    end -= end % 5
    return end - 5, end


class NewReportForm(forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none(),
                                  empty_label="— Chọn đơn vị —")  # fmt: skip
    period_start = forms.IntegerField(label="Giai đoạn từ năm", min_value=1990, max_value=2100)
    period_end = forms.IntegerField(label="Đến năm", min_value=1990, max_value=2100)

    def __init__(self, *args, user, **kwargs):
        start, end = default_period()
        kwargs.setdefault("initial", {"period_start": start, "period_end": end})
        super().__init__(*args, **kwargs)
        units = UnitRole.objects.filter(user=user, role=Role.OFFICER).values("unit_id")
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=units).order_by("sort_name")


class TextsForm(CleanTextMixin, forms.Form):
    """The written parts, one box each, in the report's order."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, heading in WRITTEN:
            self.fields[name] = forms.CharField(
                label=heading, required=False, max_length=50_000,
                widget=forms.Textarea(attrs={"rows": 6}),
            )  # fmt: skip


def offered_units(user, requested) -> QuerySet[Unit]:
    """The units a report page offers: those the user's roles sit on (the nation for the
    site administrator), and the one asked for by id if it lies in the user's scope (a
    unit's page links its own dashboard); never a sibling's."""
    wanted = Q(pk__in=scope_root_units(user).values("pk"))
    asked = str(requested or "")
    if is_id(asked):
        wanted |= Q(pk__in=visible_units(user).filter(pk=int(asked)).values("pk"))
    return Unit.objects.filter(wanted).order_by("depth", "sort_name")
