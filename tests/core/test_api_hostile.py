"""Every operation the OpenAPI schema lists, fed hostile input by an officer with a session:
ids real, zero and huge; every query parameter as NUL, as a long binary-ish string, as
undecodable bytes; JSON bodies with NUL in their strings, or not JSON at all; multipart
bodies with random bytes, a bare PNG header, NUL bytes, NUL in names. Whatever comes back
must be JSON and not a server error. It reads the schema, so a new operation is covered the
day it is added; on PostgreSQL (CI), which refuses NUL in text, it matters most."""

import datetime
import json
import os
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from tests.factories import EmulationGroupFactory, GroupMembershipFactory
from thidua.api import api
from thidua.conferences import services as conference_services
from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Criterion, Field
from thidua.exemplars.reference import load_reference_data
from thidua.movements.services import launch_movement
from thidua.plans import drafts
from thidua.plans.models import Plan
from thidua.workflow.engine import transition

SCHEMA = api.get_openapi_schema()
OPERATIONS = [
    (method.upper(), path, operation)
    for path, item in SCHEMA["paths"].items()
    for method, operation in item.items()
]
NUL = "\x00"
# Every code point from 1 to 0x2ff, some control characters among them, and an emoji.
BINARYISH = "".join(map(chr, range(1, 0x300))) * 8 + "\U0001f600"
UNDECODABLE = "%ff%fe%c3%28" * 50  # not UTF-8 once decoded
HUGE = 10**30
PNG_HEADER = b"\x89PNG\r\n\x1a\n"
FILES = [
    ("ke-hoach.pdf", os.urandom(4096)),
    ("anh.png", PNG_HEADER + b"\x00" * 512),
    ("ke-hoach.txt", b"KE HOACH\x00 So 12/KH-UBND\x00 ngay 01/3/2025\x00"),
    ("rong.docx", b"\x00" * 1024),
    ("ten\x00tep.pdf", b"%PDF-1.7\n%%EOF\n"),
]


@pytest.fixture
def world(province, commune_a, commune_b, officer_a, province_officer):
    """One record of each kind officer_a may see, by the name of the path parameter."""
    load_reference_data(Field, Criterion)
    subject = exemplar_services.create_subject(
        actor=officer_a, unit=commune_a, kind="individual", name="Nguyễn Văn Ân"
    )
    exemplar = exemplar_services.create_exemplar(
        actor=officer_a, subject=subject, title="Mô hình lúa hữu cơ", year_from=2024,
        field=Field.objects.get(code="agriculture"),
    )  # fmt: skip
    group = EmulationGroupFactory(owner=province, number=1, name="Cụm các xã")
    GroupMembershipFactory(group=group, unit=commune_a)
    movement = launch_movement(actor=officer_a, launched_by=commune_a, name="Dân vận khéo",
                               starts_on=datetime.date(2025, 1, 1),
                               ends_on=datetime.date(2025, 12, 31))  # fmt: skip
    plan = Plan.objects.create(issuer=province, symbol="12/KH-UBND", kind="conference",
                               title="Tổ chức Hội nghị điển hình tiên tiến")  # fmt: skip
    drafts.add_milestone(
        plan=plan, title="Gửi kế hoạch của xã", deliverable="own_plan",
        due_on=datetime.date(2026, 3, 15), units=[commune_a, commune_b],
    )  # fmt: skip
    transition(plan, "issue", by=province_officer)
    conference = conference_services.create_conference(
        actor=officer_a, unit=commune_a, period_start=2025, period_end=2030,
        form="Hội nghị tuyên dương điển hình tiên tiến",
    )  # fmt: skip
    return {
        "unit_id": commune_a.pk, "group_id": group.pk, "subject_id": subject.pk,
        "exemplar_id": exemplar.pk, "movement_id": movement.pk, "plan_id": plan.pk,
        "obligation_id": plan.milestones.get().obligations.get(unit=commune_a).pk,
        "conference_id": conference.pk,
    }  # fmt: skip


# -- reading the schema ------------------------------------------------------------------------


def _resolve(schema: dict) -> dict:
    while "$ref" in schema:
        schema = SCHEMA["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    branches = [b for b in schema.get("anyOf", []) if b.get("type") != "null"]
    return _resolve(branches[0]) if branches else schema


def _valid(schema: dict):
    """A value the schema accepts, so that the hostile one beside it gets past validation."""
    schema = _resolve(schema)
    if "enum" in schema:
        return schema["enum"][0]
    if choices := re.fullmatch(r"\^\((.*)\)\$", schema.get("pattern", "")):
        return next(choice for choice in choices[1].split("|") if choice)
    return {"string": "Lê Thị Hoa", "integer": schema.get("minimum", 1), "number": 1,
            "boolean": False, "array": []}.get(schema.get("type"))  # fmt: skip


def _free_text(schema: dict) -> bool:
    schema = _resolve(schema)
    return schema.get("type") == "string" and "enum" not in schema and "pattern" not in schema


def _is_file(schema: dict) -> bool:
    schema = _resolve(schema)
    return schema.get("format") == "binary" or schema.get("items", {}).get("format") == "binary"


def _url(path: str, ids: dict, fallback) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(ids.get(m[1], fallback)), path)


# -- the hostile requests ----------------------------------------------------------------------


def _query_variants(operation: dict):
    query = [p for p in operation.get("parameters", []) if p["in"] == "query"]
    names = [p["name"] for p in query]
    integers = [p["name"] for p in query if _resolve(p["schema"]).get("type") == "integer"]
    for name in names:
        yield {name: NUL}, ""
        yield {name: BINARYISH}, ""
        yield {}, f"{name}={UNDECODABLE}"
    yield dict.fromkeys(names, NUL), ""
    yield dict.fromkeys(integers, HUGE), ""


def _json_bodies(schema: dict):
    properties = _resolve(schema).get("properties", {})
    valid = {name: _valid(prop) for name, prop in properties.items()}
    free = [name for name, prop in properties.items() if _free_text(prop)]
    yield {**valid, **dict.fromkeys(free, NUL)}
    yield {**valid, **dict.fromkeys(free, f"Lê{NUL}Văn")}
    yield {**valid, **dict.fromkeys(free, BINARYISH)}
    yield dict.fromkeys(properties, NUL)
    yield {**valid, **{name: HUGE for name, p in properties.items()
                       if _resolve(p).get("type") == "integer"}}  # fmt: skip


def _multipart_bodies(schema: dict):
    properties = _resolve(schema).get("properties", {})
    files = [name for name, prop in properties.items() if _is_file(prop)]
    fields = [name for name in properties if name not in files]
    for file_name, content in FILES:
        for text in (NUL, BINARYISH, ""):
            uploads = {name: SimpleUploadedFile(file_name, content) for name in files}
            yield {**dict.fromkeys(fields, text), **uploads}


def _requests(method: str, path: str, operation: dict, ids: dict):
    """(url, query, raw query, body, content type) of each hostile request."""
    for fallback in (1, 0, HUGE, -1, "x"):  # real ids (1 for a name not in the world), then not
        yield _url(path, ids if fallback == 1 else {}, fallback), {}, "", None, None
    url = _url(path, ids, 1)
    for query, raw in _query_variants(operation):
        yield url, query, raw, None, None
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        for body in _json_bodies(content["application/json"]["schema"]):
            yield url, {}, "", body, "application/json"
        for raw_body in (b"\xff\xfe\x00{", b"null", b"[]", b'"\\u0000"'):
            yield url, {}, "", raw_body, "application/json"
    for kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
        if kind in content:
            for body in _multipart_bodies(content[kind]["schema"]):
                yield url, {}, "", body, None


def _send(client, method, url, query, raw, body, content_type):
    if raw:
        url = f"{url}?{raw}"
    if method == "GET":
        return client.get(url, query)
    if content_type is None:
        data, content_type = encode_multipart(BOUNDARY, body or {}), MULTIPART_CONTENT
    else:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.generic(method, url, data, content_type=content_type)


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    OPERATIONS, ids=[f"{method} {path}" for method, path, _ in OPERATIONS],
)  # fmt: skip
def test_hostile_input_gets_a_json_answer_and_never_a_server_error(
    client, officer_a, world, method, path, operation
):
    anonymous = client.generic(method, _url(path, world, 1))
    client.force_login(officer_a)
    failures = []
    for url, query, raw, body, content_type in _requests(method, path, operation, world):
        response = _send(client, method, url, query, raw, body, content_type)
        is_json = response.get("Content-Type", "").startswith("application/json")
        if response.status_code >= 500 or not is_json:
            shown = repr(body)[:120] if body is not None else ""
            failures.append(f"{response.status_code} {url} {repr(query)[:80]} {raw[:20]} {shown}")

    assert anonymous.status_code == 401
    assert anonymous["Content-Type"].startswith("application/json")
    assert not failures, "\n".join(failures)
