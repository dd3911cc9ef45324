from django import forms

from thidua.core.forms import CleanTextMixin
from thidua.documents.models import Letterhead
from thidua.documents.services import LETTERHEAD_FIELDS


class LetterheadForm(CleanTextMixin, forms.ModelForm):
    """Each empty field shows, as its placeholder, what the documents print instead."""

    class Meta:
        model = Letterhead
        fields = LETTERHEAD_FIELDS
        widgets = {"recipients": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, derived: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for name, value in derived.items():
            if name in self.fields and value and name != "capacity":
                self.fields[name].widget.attrs["placeholder"] = value
        self.fields["capacity"].required = False
