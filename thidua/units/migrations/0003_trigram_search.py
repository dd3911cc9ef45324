"""Unit searches match words anywhere in the folded name: a trigram index on PostgreSQL."""

from django.db import migrations

from thidua.core.migration_ops import TrigramIndex


class Migration(migrations.Migration):
    dependencies = [("units", "0002_membershipterm")]

    operations = [
        TrigramIndex(table="units_unit", column="search_name", name="unit_search_trgm"),
    ]
