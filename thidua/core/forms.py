from django import forms
from django.core.exceptions import ValidationError

from thidua.core.text import clean_text


class DateField(forms.DateField):
    """A date typed as dd/mm/yyyy, the way officers write it."""

    widget = forms.DateInput(
        format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}
    )
    default_error_messages = {"invalid": "Ngày phải viết theo dạng dd/mm/yyyy, ví dụ 01/7/2025."}


class _BoundedPks:
    """Refuses ids that are not plain positive integers of a sane size before they reach
    the database, where an out-of-range integer is an error rather than "not found"."""

    def _bounded(self, value):
        if not isinstance(value, str | int):
            return value  # an instance given as initial value of a disabled field
        text = str(value).strip()
        if text and not (text.isdigit() and len(text) <= 18):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice",
                params={"value": value},
            )  # fmt: skip
        return value


class ModelChoiceField(_BoundedPks, forms.ModelChoiceField):
    def to_python(self, value):
        return super().to_python(self._bounded(value) if value not in self.empty_values else value)


class ModelMultipleChoiceField(_BoundedPks, forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for item in value:
            self._bounded(item)
        return super()._check_values(value)


DJANGO_EMPTY = "---------"


def empty_choice(label) -> str:
    """The empty choice, said in Vietnamese with what is chosen ("— Chọn lĩnh vực —"),
    never Django's "---------"."""
    return f"— Chọn {str(label or '').strip().lower()} —".replace("Chọn  —", "Chọn —")


class CleanTextMixin:
    """Removes control characters from every text a form accepts: pasted from other
    programs, they are invisible on screen but break XLSX and DOCX exports. Also names
    every empty choice in Vietnamese (the select option template catches the rest)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if getattr(field, "empty_label", None) == DJANGO_EMPTY:
                field.empty_label = empty_choice(field.label)
            elif isinstance(field, forms.ChoiceField) and not hasattr(field, "queryset"):
                choices = list(field.choices)
                if any(value == "" and text == DJANGO_EMPTY for value, text in choices):
                    field.choices = [(v, empty_choice(field.label) if v == "" and t == DJANGO_EMPTY
                                      else t) for v, t in choices]  # fmt: skip

    def clean(self):
        data = super().clean()
        for name, value in data.items():
            if isinstance(value, str):
                data[name] = clean_text(value)
        return data


def is_id(text: str) -> bool:
    """A primary key as typed in a URL: ASCII digits of a sane length. (str.isdigit() also
    accepts "²" and other Unicode digits, which int() and the database refuse.)"""
    return text.isascii() and text.isdigit() and len(text) <= 18


def apply_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names, or at the top.
    The form keeps everything the user typed."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class SearchChoice(forms.Widget):
    """A choice among thousands (exemplars of a province, its units): a text box that asks
    `chooser` for the first matches as the officer types (htmx), and a hidden field with
    the one chosen. The field's queryset still decides what may be chosen; the page never
    lists it whole. `params` narrow the suggestions (the unit they must lie under…)."""

    template_name = "includes/search_choice.html"

    def __init__(self, kind: str, params: dict | None = None, attrs=None):
        super().__init__(attrs)
        self.kind, self.params = kind, params or {}

    def id_for_label(self, id_):
        return f"{id_}_tim" if id_ else id_  # the label names the text box one types in

    def get_context(self, name, value, attrs):
        from django.urls import reverse  # noqa: PLC0415 -- widgets are built before urls load
        from django.utils.http import urlencode  # noqa: PLC0415

        context = super().get_context(name, value, attrs)
        chosen = None
        if value not in (None, "") and str(value).isdigit():
            chosen = self.choices.queryset.filter(pk=value).first()
        query = urlencode({"ten": name, **self.params})
        context["widget"].update(url=f"{reverse('chooser', args=[self.kind])}?{query}",
                                 label=str(chosen) if chosen else "")  # fmt: skip
        return context


def message_form_errors(request, form: forms.BaseForm) -> None:
    """A form posted from a page that shows no form of its own (a button on a list or a
    detail page): each error as a message naming its field, for the page redirected to."""
    from django.contrib import messages  # noqa: PLC0415 -- forms stay usable without it

    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
