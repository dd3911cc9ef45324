"""The API's errors: every one JSON `{"detail": "<Vietnamese>"}` whatever raised it, NUL
refused before it reaches the database, and each operation's errors in the schema."""

import logging

import pytest
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.db import DataError, IntegrityError
from django.test import Client

from thidua.api import api
from thidua.units import api as units_api

SCHEMA = api.get_openapi_schema()
OPERATIONS = [
    (f"{method.upper()} {path}", operation)
    for path, item in SCHEMA["paths"].items()
    for method, operation in item.items()
]


def _schema_of(response: dict) -> dict:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    if "$ref" in schema:
        schema = SCHEMA["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _is_error_schema(response: dict) -> bool:
    schema = _schema_of(response)
    return schema.get("properties", {}).get("detail", {}).get("type") == "string" and (
        "detail" in schema.get("required", [])
    )


@pytest.mark.parametrize(("name", "operation"), OPERATIONS, ids=[n for n, _ in OPERATIONS])
def test_every_operation_documents_its_errors_with_the_error_schema(name, operation):
    errors = {int(code): r for code, r in operation["responses"].items() if int(code) >= 400}
    places = {parameter["in"] for parameter in operation.get("parameters", [])}

    assert errors, f"{name} documents no error"
    assert all(_is_error_schema(response) for response in errors.values()), name
    assert {400, 401} <= set(errors)
    assert ("path" not in places) or 404 in errors
    assert not (places or "requestBody" in operation) or 422 in errors
    assert all(response["description"][0].isupper() for response in errors.values())


def test_operations_document_the_refusals_they_raise_themselves():
    paths = SCHEMA["paths"]
    transitions = paths["/api/v1/exemplars/{exemplar_id}/transitions"]["post"]["responses"]
    units = paths["/api/v1/units"]["get"]["responses"]

    assert {403, 409} <= set(transitions)
    assert 404 in units  # a parent outside the caller's scope
    assert "Không tìm thấy" in units[404]["description"]


def test_the_served_schema_is_the_documented_one(client, officer_a):
    client.force_login(officer_a)

    served = client.get("/api/v1/openapi.json").json()

    assert "404" in served["paths"]["/api/v1/units/{unit_id}"]["get"]["responses"]
    assert "ErrorOut" in served["components"]["schemas"]


RAISED = [
    (IntegrityError("duplicate key"), 409, "vừa được người khác thay đổi"),
    (DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes"), 400, "NUL"),
    (DataError("integer out of range"), 400, "vượt quá giới hạn"),
    (ValueError("A string literal cannot contain NUL (0x00) characters."), 400, "NUL"),
    (OverflowError("Python int too large"), 400, "vượt quá giới hạn"),
    (ValidationError("Đơn vị đã đóng."), 400, "Đơn vị đã đóng."),
    (PermissionDenied(), 403, "không được thực hiện"),
    (RequestDataTooBig(), 413, "vượt quá giới hạn"),
    (ValueError("a bug"), 500, "Hệ thống gặp sự cố"),
    (RuntimeError("a bug"), 500, "Hệ thống gặp sự cố"),
]


@pytest.mark.parametrize(
    ("raised", "status", "detail"), RAISED, ids=[f"{type(e).__name__}-{s}" for e, s, _ in RAISED]
)
def test_whatever_a_view_raises_the_answer_is_json(
    client, officer_a, commune_a, monkeypatch, raised, status, detail
):
    def fail(*args, **kwargs):
        raise raised

    monkeypatch.setattr(units_api.selectors, "get_unit_for", fail)
    client.force_login(officer_a)

    response = client.get(f"/api/v1/units/{commune_a.pk}")

    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert detail in response.json()["detail"]


def test_a_server_error_is_logged_with_its_traceback(client, officer_a, monkeypatch, caplog):
    def fail(*args, **kwargs):
        raise RuntimeError("the bug")

    monkeypatch.setattr(units_api.selectors, "get_unit_for", fail)
    client.force_login(officer_a)

    with caplog.at_level(logging.ERROR, logger="thidua.core.api_errors"):
        client.get("/api/v1/units/1")

    [record] = [r for r in caplog.records if r.name == "thidua.core.api_errors"]
    assert record.exc_info[1].args == ("the bug",)


@pytest.mark.django_db
def test_ninjas_own_refusals_are_in_vietnamese(client, officer_a):
    anonymous = client.get("/api/v1/me")
    client.force_login(officer_a)
    invalid = client.get("/api/v1/units", {"kind": "planet"})
    unparsable = client.post("/api/v1/exemplars/1/transitions", b"{nope",
                             content_type="application/json")  # fmt: skip
    unknown = client.get("/api/v1/khong-co")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(officer_a)
    no_csrf = strict.post("/api/v1/exemplars/1/transitions", {"action": "nurture"},
                          content_type="application/json")  # fmt: skip

    assert (anonymous.status_code, anonymous.json()["detail"]) == (
        401, "Chưa đăng nhập, hoặc mã truy cập (Bearer) không hợp lệ.",
    )  # fmt: skip
    assert invalid.status_code == 422
    assert invalid.json()["detail"] == "Dữ liệu gửi lên không hợp lệ: query.kind."
    assert invalid.json()["errors"][0]["loc"] == ["query", "kind"]
    assert (unparsable.status_code, unparsable.json()["detail"]) == (
        400, "Nội dung gửi lên không phải JSON hợp lệ.",
    )  # fmt: skip
    assert (unknown.status_code, "không tồn tại" in unknown.json()["detail"]) == (404, True)
    assert (no_csrf.status_code, "CSRF" in no_csrf.json()["detail"]) == (403, True)


def test_nul_in_a_json_body_or_a_form_field_is_refused_before_the_database(
    client, officer_a, commune_a, monkeypatch
):
    def must_not_run(*args, **kwargs):
        raise AssertionError("the view ran")

    monkeypatch.setattr(units_api.selectors, "get_unit_for", must_not_run)
    client.force_login(officer_a)

    body = client.post("/api/v1/exemplars/1/transitions", {"action": "nurture", "reason": "a\x00"},
                       content_type="application/json")  # fmt: skip
    form = client.post("/api/v1/obligations/1/deliveries", {"note": "ghi\x00chú"})

    assert (body.status_code, "NUL" in body.json()["detail"]) == (400, True)
    assert (form.status_code, "NUL" in form.json()["detail"]) == (400, True)
