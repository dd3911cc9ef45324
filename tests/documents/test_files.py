"""release_files: a stored file goes once no FileField of any model refers to it, after
the commit, in one query per model that has a FileField."""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models

from tests.plans.helpers import PDF
from thidua.core.files import release_files
from thidua.plans.models import Plan, PlanFile


@pytest.fixture
def stored():
    return [default_storage.save(f"plans/thu/{n}.pdf", ContentFile(PDF)) for n in ("a", "b")]


def _models_with_files():
    return [
        model for model in apps.get_models()
        if not model._meta.proxy
        and any(isinstance(f, models.FileField) for f in model._meta.concrete_fields)
    ]  # fmt: skip


def test_only_unreferenced_files_go_after_the_commit(
    province, stored, django_capture_on_commit_callbacks, django_assert_num_queries
):
    kept, dropped = stored
    plan = Plan.objects.create(issuer=province, title="Kế hoạch", kind="other")
    PlanFile.objects.create(plan=plan, file=kept, original_name="a.pdf")

    with django_capture_on_commit_callbacks() as callbacks:
        release_files([kept, dropped, ""])
    before_commit = [default_storage.exists(name) for name in stored]
    with django_assert_num_queries(len(_models_with_files())):
        callbacks[0]()

    assert before_commit == [True, True]
    assert [default_storage.exists(name) for name in stored] == [True, False]
    assert len(_models_with_files()) >= 5  # evidence, plan, delivery, dossier, print, import


def test_nothing_to_release_registers_nothing(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        release_files([None, ""])

    assert callbacks == []
