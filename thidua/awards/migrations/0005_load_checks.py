from django.db import migrations

from thidua.awards.loader import load_checks


def load(apps, schema_editor):
    load_checks(apps.get_model("awards", "AwardRule"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0004_rule_checks")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
