"""Household criteria (Decree 86/2023/NĐ-CP, Art. 4), required items, and the decision
that records a recognition."""

from django.db import migrations, models

# Frozen here, as the migration first shipped them: a migration must not follow later edits
# of `reference.py`, nor touch the fields and criteria a province has renamed or edited.
HOUSEHOLD_SOURCE = "Nghị định 86/2023/NĐ-CP, Điều 4"
HOUSEHOLD_CRITERIA = [
    "Gương mẫu chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; tích cực tham gia các phong trào thi đua của địa phương.",
    "Gia đình hạnh phúc, tiến bộ, tương trợ giúp đỡ mọi người trong cộng đồng.",
    "Tổ chức lao động, sản xuất, kinh doanh, công tác, học tập đạt năng suất, chất lượng, hiệu quả.",
]  # fmt: skip


def add_household_criteria(Criterion):  # noqa: N803 -- a historical model class
    """Create the three household items unless some household item exists already."""
    if Criterion.objects.filter(scope="household").exists():
        return
    last = Criterion.objects.aggregate(models.Max("position"))["position__max"] or 0
    Criterion.objects.bulk_create(
        Criterion(scope="household", text=text, source=HOUSEHOLD_SOURCE, position=last + i)
        for i, text in enumerate(HOUSEHOLD_CRITERIA, start=1)
    )


def household_checklists(apps, schema_editor):
    """Load the household criteria, then give every household exemplar the household
    checklist; the collective items it had are kept only where an officer wrote in them."""
    Criterion = apps.get_model("exemplars", "Criterion")
    Exemplar = apps.get_model("exemplars", "Exemplar")
    CriterionCheck = apps.get_model("exemplars", "CriterionCheck")
    add_household_criteria(Criterion)
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
