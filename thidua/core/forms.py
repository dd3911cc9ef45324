from django import forms
from django.core.exceptions import ValidationError


class DateField(forms.DateField):
    """A date typed as dd/mm/yyyy, the way officers write it."""

    widget = forms.DateInput(
        format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}
    )
    default_error_messages = {"invalid": "Ngày phải viết theo dạng dd/mm/yyyy, ví dụ 01/7/2025."}


def apply_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names, or at the top.
    The form keeps everything the user typed."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
