from django.db import migrations

from thidua.awards.loader import load_notice_days


def load(apps, schema_editor):
    load_notice_days(apps.get_model("awards", "AwardRule"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0015_public_notice")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
