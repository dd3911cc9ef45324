"""One stored-file model for every kept upload: the same fields, each model its folder."""

from django.apps import apps
from django.utils import timezone

from tests.plans.helpers import pdf_upload
from thidua.core.files import StoredFile
from thidua.exemplars import services as exemplar_services


def test_evidence_plan_files_deliveries_and_dossiers_share_one_model():
    kept = {model._meta.label for model in apps.get_models() if issubclass(model, StoredFile)}

    assert kept == {"exemplars.Evidence", "plans.PlanFile", "plans.DeliveryFile",
                    "conferences.DossierDocument"}  # fmt: skip


def test_a_stored_file_goes_to_its_models_folder_by_month(officer_a, commune_a, db):
    from thidua.exemplars.models import Criterion, Field
    from thidua.exemplars.reference import load_reference_data

    load_reference_data(Field, Criterion)
    subject = exemplar_services.create_subject(actor=officer_a, unit=commune_a,
                                               kind="individual", name="Lý Văn Tám")  # fmt: skip
    exemplar = exemplar_services.create_exemplar(
        actor=officer_a, subject=subject, title="Nuôi cá", year_from=2024,
        field=Field.objects.get(code="agriculture"),
    )  # fmt: skip

    evidence = exemplar_services.add_evidence(actor=officer_a, exemplar=exemplar,
                                              upload=pdf_upload("bien-ban.pdf"))  # fmt: skip

    assert evidence.file.name.startswith(f"evidence/{timezone.localtime():%Y/%m}/bien-ban")
    assert (str(evidence), evidence.uploaded_by) == ("bien-ban.pdf", officer_a)
