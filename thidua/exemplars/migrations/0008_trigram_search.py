"""Searches of subjects and exemplars match words anywhere in their folded names: trigram
indexes let PostgreSQL find them without reading the whole table."""

from django.db import migrations

from thidua.core.migration_ops import TrigramIndex


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0007_sort_without_join")]

    operations = [
        TrigramIndex(table="exemplars_subject", column="search_name", name="subject_search_trgm"),
        TrigramIndex(table="exemplars_exemplar", column="search_text",
                     name="exemplar_search_trgm"),  # fmt: skip
    ]
