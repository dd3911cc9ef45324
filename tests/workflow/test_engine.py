"""The core's own promises, across workflows."""

import pytest
from django.core.files.storage import default_storage

from tests.plans.helpers import pdf_upload
from thidua.plans.models import Obligation
from thidua.workflow import engine
from thidua.workflow.engine import Refused, transition, unknown_subscriptions


def test_every_subscription_names_a_declared_step():
    assert unknown_subscriptions() == []


def test_a_reader_is_refused_for_the_role_before_anything_of_the_state(exemplar, council_member):
    with pytest.raises(Refused) as refused:
        transition(exemplar, "replicate", by=council_member)  # not from "discovered" either

    assert refused.value.status == 403


def test_files_a_failed_transition_stored_are_deleted(issued_plan, officer_a, monkeypatch):
    written = []

    def broken(move):
        written.extend(move.written)
        raise RuntimeError("a later effect failed")

    monkeypatch.setitem(engine._SUBSCRIBERS, ("obligation", "deliver"), [broken])
    owed = Obligation.objects.filter(unit__name="Xã An Phú").first()

    with pytest.raises(RuntimeError):
        transition(owed, "deliver", by=officer_a, data={"files": [pdf_upload()]})

    assert written
    assert not default_storage.exists(written[0])
    assert not owed.files.exists()
