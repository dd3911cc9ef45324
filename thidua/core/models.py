"""The one concrete model of core: the words a mistyped search is corrected against."""

from django.db import models


class SearchWord(models.Model):
    """A word (folded: lower case, no diacritics) that occurs in some searchable name or
    title. A query word that matches nothing is corrected to the words of this vocabulary
    within a typo of it — a few thousand syllables for the whole nation, where comparing
    against the names themselves would read millions of rows."""

    word = models.CharField(max_length=60, unique=True)

    def __str__(self) -> str:
        return self.word
