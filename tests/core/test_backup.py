"""Backup and restore (issue 18, part 4): the demo is dumped with its uploaded files and
restored into a new database and media folder, where every table's row count and every
file's checksum equal the original's; a damaged or misdirected restore is refused."""

import io
import json
import tarfile
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from thidua.core.backup import _count, _libpq_url, media_files, tables
from thidua.demo.seed import seed_demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def new_database(tmp_path):
    """The URL of a new, empty database of the engine the tests run on; dropped after."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'khoi-phuc.sqlite3'}"
        return
    import psycopg  # noqa: PLC0415

    name = f"thidua_restore_{uuid.uuid4().hex[:8]}"
    server = _libpq_url({**connection.settings_dict, "NAME": "postgres"})
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield _libpq_url({**connection.settings_dict, "NAME": name})
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    seed_demo()
    return tmp_path / "media"


def test_the_demo_round_trips_through_a_backup(demo, new_database, tmp_path, capsys):
    archive, restored = tmp_path / "sao-luu.tar", tmp_path / "tep-khoi-phuc"
    with connection.cursor() as cursor:
        live = _count(cursor, tables(), connection.ops.quote_name)

    call_command("backup_site", str(archive))
    call_command("restore_site", str(archive), database_url=new_database, media_root=restored)

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["tables"] == live  # restore_site checked the new database against it
    assert sum(live.values()) > 1000
    assert media_files(restored) == media_files(demo) == manifest["files"]
    assert manifest["files"]  # the demo's evidence, documents and certificates
    assert "Đã khôi phục và đối chiếu" in capsys.readouterr().out


def test_a_restore_refuses_a_folder_or_database_in_use(demo, new_database, tmp_path):
    archive = tmp_path / "sao-luu.tar"
    call_command("backup_site", str(archive))
    used = tmp_path / "dang-dung"
    used.mkdir()
    (used / "tep.txt").write_text("x")

    with pytest.raises(CommandError, match="không trống"):
        call_command("restore_site", str(archive), database_url=new_database, media_root=used)
    call_command("restore_site", str(archive), database_url=new_database,
                 media_root=tmp_path / "lan-1")  # fmt: skip
    with pytest.raises(CommandError, match="đã có"):
        call_command("restore_site", str(archive), database_url=new_database,
                     media_root=tmp_path / "lan-2")  # fmt: skip


def _tampered(archive, tmp_path, name, content: bytes):
    copy = tmp_path / "sua.tar"
    with tarfile.open(archive) as source, tarfile.open(copy, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if member.name == name:
                data, member.size = content, len(content)
            target.addfile(member, io.BytesIO(data) if data is not None else None)
    return copy


def test_a_changed_file_or_a_foreign_tar_is_refused(demo, new_database, tmp_path):
    archive = tmp_path / "sao-luu.tar"
    call_command("backup_site", str(archive))
    with tarfile.open(archive) as tar:
        first = next(name for name in tar.getnames() if name.startswith("media/"))
    changed = _tampered(archive, tmp_path, first, b"doi noi dung")
    foreign = tmp_path / "la.tar"
    with tarfile.open(foreign, "w") as tar:
        tar.addfile(tarfile.TarInfo("../../ngoai.txt"), io.BytesIO(b""))

    with pytest.raises(CommandError, match="không khớp"):
        call_command("restore_site", str(changed), database_url=new_database,
                     media_root=tmp_path / "a")  # fmt: skip
    with pytest.raises(CommandError, match="manifest.json"):
        call_command("restore_site", str(foreign), database_url="sqlite:////tmp/khong-dung.db",
                     media_root=tmp_path / "b")  # fmt: skip
