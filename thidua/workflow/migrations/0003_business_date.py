"""Each ledger row gets the day its event happened (`on`), which reports count by: the day
a conference was held, the day a delivery was made; otherwise the day it was recorded.
Runs after every app has copied its old history into the ledger."""

from django.db import migrations, models
from django.utils import timezone


def forwards(apps, schema_editor):
    Transition = apps.get_model("workflow", "Transition")
    Conference = apps.get_model("conferences", "Conference")
    held = dict(Conference.objects.exclude(held_on=None).values_list("pk", "held_on"))
    dated = []
    for row in Transition.objects.all().iterator(chunk_size=2000):
        row.on = timezone.localdate(row.at)
        if row.workflow == "conference" and row.action == "hold":
            row.on = held.get(row.object_id, row.on)
        elif row.workflow == "obligation" and row.payload.get("delivered_on"):
            row.on = row.payload["delivered_on"]
        dated.append(row)
        if len(dated) >= 2000:
            Transition.objects.bulk_update(dated, ["on"])
            dated = []
    Transition.objects.bulk_update(dated, ["on"])


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0002_history"),
        ("conferences", "0003_history_in_the_ledger"),
        ("plans", "0005_history_in_the_ledger"),
        ("quotas", "0002_history_in_the_ledger"),
        ("movements", "0003_status_history"),
    ]

    operations = [
        migrations.RemoveIndex("transition", "transition_subtree"),
        migrations.AddField("transition", "on", models.DateField(null=True)),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.AlterField("transition", "on", models.DateField(default=timezone.localdate)),
        migrations.AddIndex(
            "transition",
            models.Index(
                fields=["workflow", "action", "unit_path", "on"], name="transition_subtree",
                opclasses=["varchar_pattern_ops"] * 3 + ["date_ops"],
            ),
        ),
    ]
