from django.db import migrations

from thidua.awards.loader import load_limits


def load(apps, schema_editor):
    load_limits(apps.get_model("awards", "ProcessingLimit"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0010_processing_limits")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
