"""Verifying a certificate, by anyone: the award, the name as printed, the decision, and
whether it was revoked. Nothing else of the subject is shown."""

from django.shortcuts import redirect, render

from thidua.certificates.models import CODE_ALPHABET, CODE_LENGTH, Certificate
from thidua.core.http import read_only
from thidua.public.limits import over_limit


def _normal(code: str) -> str:
    """The code as stored: capitals, without the dashes and spaces printed or typed."""
    return "".join(ch for ch in code.upper() if ch in CODE_ALPHABET)[: CODE_LENGTH + 1]


@read_only
def verify_form(request):
    """Typing the code printed under the QR leads to its page."""
    code = _normal(request.GET.get("ma", ""))
    if code:
        return redirect("public:verify", code=code)
    return render(request, "public/verify_form.html")


@read_only
def verify(request, code: str):
    if over_limit(request, "verify"):
        return render(request, "public/limited.html", status=429)
    code = _normal(code)
    found = None
    if len(code) == CODE_LENGTH:
        found = Certificate.objects.filter(code=code).select_related("decision", "record").first()
    if found is None:
        return render(request, "public/verify_unknown.html", {"code": code}, status=404)
    revoked = found.record is not None and found.record.revoked_on is not None
    return render(request, "public/verify.html", {"certificate": found, "revoked": revoked})
