"""Backup and restore of a site: its database and its uploaded files in one archive, checked
on the way back in (issue 18, part 4; README «Backup and restore»).

The archive is a tar file holding `manifest.json` (when, which engine, every table's row
count, every file's size and SHA-256), the database (`database.dump`, PostgreSQL's custom
format from `pg_dump`; or `database.sqlite3`, SQLite's online backup) and `media/…`.

The row counts and the dump come from one snapshot: on PostgreSQL a repeatable-read
transaction exports its snapshot to `pg_dump --snapshot`; on SQLite the backup API copies
the file as one transaction sees it and the counts are read from the copy. The files are
archived after the database: uploads are never changed in place, so a snapshot row's file
is there unless it was deleted during the backup, which `restore_site` would report.
"""

import hashlib
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import dj_database_url
from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

FORMAT = 1
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or a restore refused, with a Vietnamese message for the operator."""


def tables() -> list[str]:
    """Every table the project's models use, many-to-many tables included."""
    names = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            names.add(model._meta.db_table)
    return sorted(names)


def _count(cursor, names: list[str], quote) -> dict[str, int]:
    counts = {}
    for name in names:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(name)}")  # noqa: S608 -- our own table names
        counts[name] = cursor.fetchone()[0]
    return counts


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(root: Path) -> dict[str, dict]:
    """Every uploaded file under `root` by its relative path, with size and SHA-256."""
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): {"size": path.stat().st_size, "sha256": _sha256(path)}
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def make_backup(output: Path) -> dict:
    """Write the archive to `output`; returns its manifest."""
    with tempfile.TemporaryDirectory(prefix="thidua-backup-") as folder:
        work = Path(folder)
        if connection.vendor == "postgresql":
            name, counts = "database.dump", _dump_postgres(work / "database.dump")
        elif connection.vendor == "sqlite":
            name, counts = "database.sqlite3", _copy_sqlite(work / "database.sqlite3")
        else:
            raise BackupError(f"Chưa sao lưu được cơ sở dữ liệu loại {connection.vendor}.")
        media = Path(settings.MEDIA_ROOT)
        manifest = {
            "format": FORMAT, "made_at": timezone.now().isoformat(), "engine": connection.vendor,
            "database": name, "tables": counts, "files": media_files(media),
        }  # fmt: skip
        (work / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
        with tarfile.open(output, "w") as archive:
            archive.add(work / "manifest.json", "manifest.json")
            archive.add(work / name, name)
            for relative in manifest["files"]:
                archive.add(media / relative, f"media/{relative}")
    return manifest


def _dump_postgres(target: Path) -> dict[str, int]:
    """pg_dump of the snapshot whose row counts are taken in the same transaction."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = _count(cursor, tables(), connection.ops.quote_name)
        url = _libpq_url(connection.settings_dict)
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
              f"--snapshot={snapshot}", f"--file={target}", url])  # fmt: skip
    return counts


def _copy_sqlite(target: Path) -> dict[str, int]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        return _count(copy.cursor(), tables(), _quote_identifier)
    finally:
        copy.close()


def _quote_identifier(name: str) -> str:
    """A table name quoted for SQL, as SQLite and PostgreSQL both read it."""
    return '"' + name.replace('"', '""') + '"'


def _libpq_url(database: dict) -> str:
    """A connection URL for pg_dump and pg_restore, from Django's settings of a database."""
    user = database.get("USER") or ""
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    at = f"{user}{password}@" if user else ""
    port = f":{database['PORT']}" if database.get("PORT") else ""
    return f"postgresql://{at}{database.get('HOST') or 'localhost'}{port}/{database['NAME']}"


def _run(command: list[str]) -> None:
    if not shutil.which(command[0]):
        raise BackupError(f"Không có chương trình {command[0]} (gói postgresql-client).")
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{command[0]} báo lỗi: {done.stderr.strip()[-500:]}")


def restore_backup(archive_path: Path, *, database_url: str, media_root: Path) -> dict:
    """Restore the archive into an empty database and an empty media folder, then check
    every table's row count and every file's checksum against the manifest. Returns the
    manifest; BackupError when the archive, the targets or a check are wrong."""
    target = dj_database_url.parse(database_url)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(f"Thư mục tệp {media_root} không trống; hãy chọn thư mục mới.")
    try:
        manifest, counts = _unpack(archive_path, target, media_root)
    except (tarfile.TarError, KeyError, OSError) as error:
        raise BackupError(
            f"Tệp sao lưu {archive_path.name} hỏng hoặc không hợp lệ: {error}"
        ) from error
    _check(manifest, counts, media_files(media_root))
    return manifest


def _unpack(archive_path: Path, target: dict, media_root: Path) -> tuple[dict, dict[str, int]]:
    with tarfile.open(archive_path) as archive, tempfile.TemporaryDirectory() as folder:
        manifest = _manifest(archive)
        engine = "postgresql" if "postgresql" in target["ENGINE"] else "sqlite"
        if engine != manifest["engine"]:
            raise BackupError(
                f"Bản sao lưu của {manifest['engine']}, không khôi phục vào {engine}."
            )
        archive.extract(manifest["database"], folder, filter="data")
        dump = Path(folder) / manifest["database"]
        if engine == "postgresql":
            counts = _restore_postgres(dump, target, list(manifest["tables"]))
        else:
            counts = _restore_sqlite(dump, Path(target["NAME"]), list(manifest["tables"]))
        _extract_media(archive, manifest, media_root)
    return manifest, counts


def _manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
    except (KeyError, ValueError) as error:
        raise BackupError("Tệp không phải bản sao lưu của thidua (thiếu manifest.json).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"Bản sao lưu dạng {manifest.get('format')}, phiên bản này đọc dạng {FORMAT}."
        )
    return manifest


def _restore_postgres(dump: Path, target: dict, names: list[str]) -> dict[str, int]:
    import psycopg  # noqa: PLC0415 -- only for PostgreSQL

    url = _libpq_url(target)
    with psycopg.connect(url) as check:
        present = check.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        if present.fetchone()[0]:
            raise BackupError(
                f"Cơ sở dữ liệu {target['NAME']} đã có bảng; hãy khôi phục vào cơ sở trống."
            )
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={url}",
          str(dump)])  # fmt: skip
    with psycopg.connect(url) as restored:
        return _count(restored.cursor(), names, _quote_identifier)


def _restore_sqlite(dump: Path, target: Path, names: list[str]) -> dict[str, int]:
    if target.exists():
        raise BackupError(f"Tệp cơ sở dữ liệu {target} đã có; hãy khôi phục vào tệp mới.")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(dump, target)
    restored = sqlite3.connect(target)
    try:
        return _count(restored.cursor(), names, _quote_identifier)
    finally:
        restored.close()


def _extract_media(archive: tarfile.TarFile, manifest: dict, media_root: Path) -> None:
    """The listed files only, each a regular file under media/ (tar's «data» filter refuses
    absolute paths, «..», links and devices)."""
    media_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent) as folder:
        for relative in manifest["files"]:
            archive.extract(f"media/{relative}", folder, filter="data")
        unpacked = Path(folder) / "media"
        if unpacked.exists():
            shutil.copytree(unpacked, media_root, dirs_exist_ok=True)


def _check(manifest: dict, counts: dict[str, int], files: dict[str, dict]) -> None:
    tables_off = [n for n, c in manifest["tables"].items() if counts.get(n) != c]
    files_off = [n for n, f in manifest["files"].items() if files.get(n) != f]
    if tables_off or files_off:
        raise BackupError(
            f"Khôi phục không khớp bản sao lưu: {len(tables_off)} bảng khác số dòng "
            f"({', '.join(tables_off[:5])}), {len(files_off)} tệp khác "
            f"({', '.join(files_off[:5])})."
        )
