"""The vocabulary of typo correction, from the names and titles already recorded (their
folded search columns), as the services now keep it for new ones."""

from django.db import migrations


def fill(apps, schema_editor):
    SearchWord = apps.get_model("core", "SearchWord")
    Subject = apps.get_model("exemplars", "Subject")
    Exemplar = apps.get_model("exemplars", "Exemplar")
    words: set[str] = set()
    for model, column in ((Subject, "search_name"), (Exemplar, "search_text")):
        for text in model.objects.values_list(column, flat=True).iterator(chunk_size=5000):
            words |= {word for word in text.split() if 2 <= len(word) <= 60}
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in sorted(words)],
                                   batch_size=2000, ignore_conflicts=True)  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_search_words"),
        ("exemplars", "0007_sort_without_join"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
