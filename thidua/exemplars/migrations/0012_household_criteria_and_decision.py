"""Household criteria (Decree 86/2023/NĐ-CP, Art. 4), required items, and the decision
that records a recognition."""

from django.db import migrations, models

from thidua.exemplars.reference import load_reference_data


def household_checklists(apps, schema_editor):
    """Load the household criteria, then give every household exemplar the household
    checklist; the collective items it had are kept only where an officer wrote in them."""
    Field, Criterion = (
        apps.get_model("exemplars", "Field"),
        apps.get_model("exemplars", "Criterion"),
    )
    Exemplar = apps.get_model("exemplars", "Exemplar")
    CriterionCheck = apps.get_model("exemplars", "CriterionCheck")
    load_reference_data(Field, Criterion)
    households = Exemplar.objects.filter(subject__kind="household")
    CriterionCheck.objects.filter(exemplar__in=households, met=False, evidence_note="").exclude(
        criterion__scope="household"
    ).delete()
    items = list(Criterion.objects.filter(scope="household"))
    for exemplar in households.iterator():
        CriterionCheck.objects.bulk_create(
            [CriterionCheck(exemplar=exemplar, criterion=item) for item in items],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("exemplars", "0011_evidence_sha256"),
    ]

    operations = [
        migrations.AddField(
            model_name="criterion",
            name="required",
            field=models.BooleanField(default=True, verbose_name="bắt buộc"),
        ),
        migrations.AddField(
            model_name="recognition",
            name="decision",
            field=models.CharField(blank=True, max_length=100, verbose_name="số quyết định"),
        ),
        migrations.AlterField(
            model_name="criterion",
            name="scope",
            field=models.CharField(
                choices=[
                    ("general", "Tiêu chí chung"),
                    ("collective", "Đối với tập thể"),
                    ("individual", "Đối với cá nhân"),
                    ("household", "Đối với hộ gia đình"),
                ],
                max_length=12,
            ),
        ),
        migrations.RunPython(household_checklists, migrations.RunPython.noop),
    ]
