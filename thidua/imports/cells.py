"""Reading one cell of an imported sheet, shared by every import kind: a Vietnamese message
naming what was typed and what is allowed, which the checker puts beside the row and column."""

from django.core.exceptions import ValidationError

from thidua.core.text import fold


def choice(field, text: str):
    """The value of a model field's choices that `text` names, by label or value, typed
    with or without diacritics and in any case («nu», «Nữ»)."""
    for value, label in field.choices:
        if fold(text) in (fold(str(label)), fold(str(value))):
            return value
    allowed = ", ".join(str(label) for _value, label in field.choices)
    raise ValidationError(f"«{text}» không hợp lệ; chọn một trong: {allowed}.")
