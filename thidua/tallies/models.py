"""Counts kept beside the rows they count, so that a dashboard reads a few rows where it
would otherwise count millions (issue 15, part 5): how many rows of a `measure` fall in a
unit's subtree in a year, by a `key` (a subject kind, a field…). Every row is counted at its
own unit and at each unit above it (the path's ancestors), so that a subtree's count is one
row. The apps that own the counted rows keep their measures as they write (awards.history,
exemplars.services and .subscribers); `manage.py rebuild_tallies` recounts from the rows."""

from django.db import models


class Tally(models.Model):
    measure = models.CharField(max_length=24)
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    key = models.CharField(max_length=40, blank=True)
    n = models.IntegerField(default=0)

    class Meta:
        verbose_name = "số liệu tổng hợp"
        verbose_name_plural = "số liệu tổng hợp"
        constraints = [
            # Also the index every read uses: a measure, a few units, a range of years.
            models.UniqueConstraint(fields=["measure", "unit", "year", "key"], name="tally_once"),
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.unit_id} {self.year} {self.key}: {self.n}"
