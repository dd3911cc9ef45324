"""Stored uploads: the one model they share, and their leaving MEDIA_ROOT once no row
refers to them any more."""

from collections.abc import Iterable
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone


def upload_path(instance, filename: str) -> str:
    """Where a stored file goes: its model's folder, then the year and month."""
    return f"{instance.folder}/{timezone.localtime():%Y/%m}/{filename}"


class StoredFile(models.Model):
    """A file kept with a record — evidence of an exemplar, a plan's document, a delivery,
    a dossier's document: its name as uploaded, who uploaded it and when. Its content was
    checked before it was saved (documents/uploads.py); it is served only through the
    record's scoped views (documents/response.stored_file)."""

    folder = "uploads"
    file = models.FileField(upload_to=upload_path)
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name


@contextmanager
def discarded_on_failure(written: list[str] | None = None):
    """Yield a list for the names of the files a block stores; if the block fails, the
    rows roll back with the transaction and those files are deleted too."""
    written = [] if written is None else written
    try:
        yield written
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def release_files(names: Iterable[str]) -> None:
    """Delete each stored file of `names` that no FileField of any model still refers to,
    once the current transaction commits.

    Why: replacing or deleting a row leaves its file on disk, and uploads are evidence of
    people's records that should not linger unseen. A name may be shared by several rows
    (a reported conference's dossier files are also its DeliveryFile rows), so a file goes
    only with its last reference, whatever model holds it. After the commit, because a
    rollback keeps the rows and must keep their files too.
    """
    names = {str(name) for name in names if name}
    if names:
        # robust: a storage error is logged, never a 500 for a change already committed
        transaction.on_commit(lambda: _delete_unreferenced(names), robust=True)


def _delete_unreferenced(names: set[str]) -> None:
    for name in sorted(names - _still_referenced(names)):
        default_storage.delete(name)


def _still_referenced(names: set[str]) -> set[str]:
    """The names some row still holds: one query per model that has a FileField."""
    found = set()
    for model, fields in _file_fields():
        matches = Q()
        for field in fields:
            matches |= Q(**{f"{field}__in": names})
        # The base manager: a default manager that hides rows would hide their files.
        for row in model._base_manager.filter(matches).values_list(*fields):
            found.update(row)
    return found & names


def _file_fields():
    for model in apps.get_models():
        if model._meta.proxy:  # its rows are its concrete model's, queried already
            continue
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.FileField)
        ]
        if fields:
            yield model, fields
