"""Migration operations that only PostgreSQL runs: trigram indexes for searches that match
words anywhere in a name (`LIKE '%word%'`, which a b-tree index cannot serve). SQLite keeps
its plain scans, which are fast at the sizes it is used for."""

import logging

from django.db import DatabaseError
from django.db.migrations.operations.base import Operation

logger = logging.getLogger(__name__)


class TrigramIndex(Operation):
    """`CREATE INDEX … USING gin (column gin_trgm_ops)` on PostgreSQL, with the pg_trgm
    extension created first. A database user who may not create extensions gets a warning
    and no index (searches stay right, only slower): a DBA can run
    `CREATE EXTENSION pg_trgm;` once and migrate again."""

    reversible = True
    reduces_to_sql = False

    def __init__(self, *, table: str, column: str, name: str):
        self.table, self.column, self.name = table, column, name

    def state_forwards(self, app_label, state):
        pass  # the index is the database's business; the models do not name it

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        try:
            with schema_editor.connection.cursor() as cursor, _savepoint(schema_editor):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError:
            logger.warning("pg_trgm unavailable: no trigram index %s", self.name)
            return
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{self.name}" ON "{self.table}" '
                              f'USING gin ("{self.column}" gin_trgm_ops)')  # fmt: skip

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP INDEX IF EXISTS "{self.name}"')

    def describe(self) -> str:
        return f"Trigram index {self.name} on {self.table}.{self.column} (PostgreSQL)"

    def deconstruct(self):
        kwargs = {"table": self.table, "column": self.column, "name": self.name}
        return self.__class__.__qualname__, [], kwargs


def _savepoint(schema_editor):
    from django.db import transaction  # noqa: PLC0415 -- only where the extension is tried

    return transaction.atomic(using=schema_editor.connection.alias)
