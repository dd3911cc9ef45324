"""Each delegate gets a short code for the door (printed under the QR code) and a folded
name for the check-in search; existing delegates are given theirs here, one by one so
that no two of a conference share a code."""

from django.db import migrations, models

import thidua.conferences.models


def fill(apps, schema_editor):
    from thidua.conferences.models import new_short_code  # noqa: PLC0415
    from thidua.core.text import fold  # noqa: PLC0415

    Delegate = apps.get_model("conferences", "Delegate")
    taken: dict[int, set[str]] = {}
    batch = []
    for delegate in Delegate.objects.only("pk", "conference_id", "full_name").iterator(2000):
        codes = taken.setdefault(delegate.conference_id, set())
        code = new_short_code()
        while code in codes:
            code = new_short_code()
        codes.add(code)
        delegate.short_code, delegate.search_name = code, fold(delegate.full_name)[:255]
        batch.append(delegate)
        if len(batch) >= 2000:
            Delegate.objects.bulk_update(batch, ["short_code", "search_name"])
            batch = []
    Delegate.objects.bulk_update(batch, ["short_code", "search_name"])


class Migration(migrations.Migration):
    dependencies = [("conferences", "0006_sent_up_index")]

    operations = [
        migrations.AddField(
            model_name="delegate", name="short_code",
            field=models.CharField(default="", editable=False, max_length=8,
                                   verbose_name="mã điểm danh"),
        ),
        migrations.AddField(
            model_name="delegate", name="search_name",
            field=models.CharField(db_default="", editable=False, max_length=255),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="delegate", name="short_code",
            field=models.CharField(default=thidua.conferences.models.new_short_code,
                                   editable=False, max_length=8, verbose_name="mã điểm danh"),
        ),
        migrations.AddConstraint(
            model_name="delegate",
            constraint=models.UniqueConstraint(fields=("conference", "short_code"),
                                               name="delegate_short_code_once"),
        ),
    ]  # fmt: skip
