"""«Bình xét xếp loại»: a unit's yearly ratings as one sheet, a row per subject of the unit
(a page of RATING_PAGE rows, in dictionary order), so that a unit with 300 staff records the
year in one sitting; a button fills every unrated row with one rating. Officers of the unit
write; others in scope read; a sibling's unit answers 404."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from thidua.awards import history
from thidua.awards.models import Rating, TaskRating
from thidua.core.forms import CleanTextMixin, ModelChoiceField, SearchChoice, is_id
from thidua.core.http import form_view
from thidua.core.pagination import paginate, query_without_page
from thidua.exemplars.models import Subject
from thidua.exemplars.permissions import can_add_subject
from thidua.units.models import Unit
from thidua.units.selectors import chosen_unit

RATING_PAGE = 300  # a commune's or an agency's whole staff on one page


class SheetFilter(CleanTextMixin, forms.Form):
    don_vi = ModelChoiceField(Unit.objects.none(), label="Đơn vị", required=False)
    nam = forms.IntegerField(label="Năm", min_value=1945, max_value=2100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].widget = SearchChoice("don-vi")
        self.fields["don_vi"].queryset = Unit.objects.all()  # narrowed by get_unit_for


def _posted(request) -> dict[int, int | None]:
    """{subject id: rating or None} of the rows posted; the service checks that each is a
    subject of the unit (a row of another unit refuses the whole sheet)."""
    ratings = {}
    for name, value in request.POST.items():
        if not name.startswith("xl-"):
            continue
        if not is_id(name[3:]) or (value and not (is_id(value) and int(value) in Rating.values)):
            raise ValidationError("Xếp loại không hợp lệ.")
        ratings[int(name[3:])] = int(value) if value else None
    return ratings


@form_view
@login_required
def rating_sheet(request):
    filters = SheetFilter(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    unit = chosen_unit(request.user, data.get("don_vi"))
    year = data.get("nam") or timezone.localdate().year
    can_edit = bool(unit) and can_add_subject(request.user, unit)
    rows = Subject.objects.filter(unit=unit).order_by("sort_name", "pk") if unit else []
    page = paginate(request, rows, RATING_PAGE) if unit else None
    subjects = list(page.object_list) if page else []
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Chỉ cán bộ của đơn vị được ghi xếp loại.")
        try:
            ratings = _posted(request)
            changed = history.rate_many(actor=request.user, unit=unit, year=year, ratings=ratings)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Đã ghi xếp loại năm {year}: {changed} thay đổi.")
        return redirect(request.get_full_path())
    given = dict(TaskRating.objects.filter(subject__in=subjects, year=year)
                 .values_list("subject_id", "rating"))  # fmt: skip
    context = {"filters": filters, "unit": unit, "year": year, "can_edit": can_edit,
               "page": page, "query": query_without_page(request), "choices": Rating.choices,
               "rows": [(s, given.get(s.pk)) for s in subjects],
               "counts": {label: sum(r == value for r in given.values())
                          for value, label in Rating.choices}}  # fmt: skip
    return render(request, "awards/ratings.html", context)
