"""Loads the fields and criteria of sample 001 (see thidua/exemplars/reference.py)."""

from django.db import migrations

from thidua.exemplars.reference import load_reference_data


def load(apps, schema_editor):
    load_reference_data(apps.get_model("exemplars", "Field"), apps.get_model("exemplars", "Criterion"))


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
