"""A dossier document uploaded again replaces the old one, and the old file leaves
MEDIA_ROOT once the change is committed, unless another row still refers to it (the
delivery of the dossier under the plan shares its files)."""

import pytest
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse

from tests.conferences.conftest import DOSSIER
from tests.plans.helpers import pdf_upload
from thidua.conferences import dossier
from thidua.plans.models import Obligation
from thidua.workflow.engine import transition


def _upload(conference, officer, filename):
    return dossier.upload_dossier_document(
        actor=officer, conference=conference, name=DOSSIER[0], upload=pdf_upload(filename)
    )


@pytest.mark.django_db(transaction=True)
def test_uploading_again_from_the_page_deletes_the_replaced_file(client, conference, officer_a):
    client.force_login(officer_a)
    url = reverse("conferences:dossier_upload", args=[conference.pk])

    client.post(url, {"name-0": DOSSIER[0], "file-0": pdf_upload("ban-dau.pdf")})
    first = conference.dossier.get()
    client.post(url, {"name-0": DOSSIER[0], "file-0": pdf_upload("sua-lai.pdf")})
    second = conference.dossier.get()

    assert second.original_name == "sua-lai.pdf"
    assert default_storage.exists(second.file.name)
    assert not default_storage.exists(first.file.name)


def test_a_file_the_plans_delivery_still_refers_to_is_kept(
    conference, officer_a, commune_a, django_capture_on_commit_callbacks
):
    first = _upload(conference, officer_a, "ban-dau.pdf")
    owed = Obligation.objects.get(unit=commune_a, milestone__deliverable="dossier")
    transition(
        owed,
        "deliver",
        by=officer_a,
        data={"linked_conference": conference, "stored_files": [first.file.name]},
    )

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second = _upload(conference, officer_a, "sua-lai.pdf")

    assert len(callbacks) == 1  # the release ran, and found the delivery's reference
    assert owed.files.get().file.name == first.file.name
    assert default_storage.exists(first.file.name)
    assert default_storage.exists(second.file.name)


@pytest.mark.django_db(transaction=True)
def test_nothing_is_deleted_when_the_transaction_rolls_back(conference, officer_a):
    first = _upload(conference, officer_a, "ban-dau.pdf")

    def replace_then_fail():
        with transaction.atomic():
            _upload(conference, officer_a, "sua-lai.pdf")
            raise RuntimeError  # something later in the same request fails

    with pytest.raises(RuntimeError):
        replace_then_fail()
    rolled_back = conference.dossier.get() == first

    kept = default_storage.exists(first.file.name)
    _upload(conference, officer_a, "sua-lai.pdf")  # committed this time

    assert rolled_back
    assert kept
    assert not default_storage.exists(first.file.name)
