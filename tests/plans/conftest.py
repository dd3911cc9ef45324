import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.plans import drafts
from thidua.plans.models import Plan
from thidua.workflow.engine import transition


@pytest.fixture
def issued_plan(province, commune_a, commune_b, province_officer):
    """A province plan owed by both communes, issued."""
    plan = Plan.objects.create(issuer=province, symbol="12/KH-UBND", kind="conference",
                               title="Tổ chức Hội nghị điển hình tiên tiến")  # fmt: skip
    due = datetime.date(2026, 3, 15)
    drafts.add_milestone(plan=plan, title="Gửi kế hoạch của xã", deliverable="own_plan",
                         due_on=due, units=[commune_a, commune_b])  # fmt: skip
    return transition(plan, "issue", by=province_officer)


@pytest.fixture
def read_plan(client, django_capture_on_commit_callbacks):
    """Upload a plan document on the unit's page; the reading job (immediate backend in
    tests) runs when the request commits. Returns the upload's response."""

    def post(unit, name: str, content: bytes):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("plans:upload", args=[unit.pk]),
                               {"file": SimpleUploadedFile(name, content)})  # fmt: skip

    return post
