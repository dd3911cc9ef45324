"""How the JSON API answers errors, and how its OpenAPI schema says so.

Every error is `{"detail": "<Vietnamese message>"}` (422 adds `errors`, pydantic's list of
what failed where), whatever raised it: a refusal of ours (HttpError), a scope miss (404), a
value the database refuses, or a bug (500, logged with its traceback). Clients then need
one way to read errors, and never meet Django's HTML pages.
"""

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import DataError, IntegrityError
from django.http import Http404
from ninja import Field, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as InputError
from ninja.openapi.schema import REF_TEMPLATE
from ninja.parser import Parser
from ninja.schema import NinjaGenerateJsonSchema

logger = logging.getLogger(__name__)

NOT_FOUND = "Không tìm thấy dữ liệu, hoặc dữ liệu nằm ngoài phạm vi đơn vị của bạn."
NUL_REFUSED = "Dữ liệu gửi lên chứa ký tự NUL (mã 0), không được chấp nhận."
VALUE_REFUSED = "Một giá trị gửi lên không hợp lệ hoặc vượt quá giới hạn cho phép."
CONFLICT = (
    "Dữ liệu này vừa được người khác thay đổi nên chưa lưu được. "
    "Hãy tải lại, kiểm tra rồi thực hiện lại."
)
SERVER_ERROR = (
    "Hệ thống gặp sự cố khi xử lý yêu cầu. Dữ liệu chưa bị thay đổi; "
    "xin thử lại, hoặc báo cho quản trị viên."
)
# django-ninja's own messages, in English, with what the API says instead.
NINJA_MESSAGES = {
    "Unauthorized": "Chưa đăng nhập, hoặc mã truy cập (Bearer) không hợp lệ.",
    "Forbidden": "Tài khoản của bạn không được thực hiện thao tác này.",
    "CSRF check Failed": "Thiếu hoặc sai mã CSRF (tiêu đề X-CSRFToken) khi dùng phiên đăng nhập.",
    "Cannot parse request body": "Nội dung gửi lên không phải JSON hợp lệ.",
}


class ErrorOut(Schema):
    detail: str = Field(description="Thông báo lỗi, bằng tiếng Việt")


class InputErrorOut(ErrorOut):
    errors: list[dict] = Field(description="Từng lỗi: vị trí (loc), loại (type), mô tả (msg)")


def errors(*codes: int) -> dict[int, type[ErrorOut]]:
    """`response={200: X, **errors(403, 409)}`: the refusals an operation raises itself.
    The ones every operation may answer are added to the schema by document_errors."""
    return dict.fromkeys(codes, ErrorOut)


# -- refusing NUL before it reaches the database ------------------------------------------


class NulRefused(ValueError):
    pass


def _refuse_nul(value) -> None:
    if isinstance(value, UploadedFile):
        value = value.name or ""
    if isinstance(value, str):
        if "\x00" in value:
            raise NulRefused(NUL_REFUSED)
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_nul(key)
            _refuse_nul(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _refuse_nul(item)


class NulRefusingParser(Parser):
    """Ninja's parser, refusing NUL in JSON strings, form fields and file names: PostgreSQL
    refuses it in any text, and SQLite would store it for an Excel export to choke on.
    (The query string is refused earlier, by RequestLimitsMiddleware, for every page.)"""

    def parse_body(self, request):
        data = super().parse_body(request)
        _refuse_nul(data)
        return data

    def parse_querydict(self, data, list_fields, request):
        result = super().parse_querydict(data, list_fields, request)
        _refuse_nul(result)
        return result


# -- exception handlers ----------------------------------------------------------------------


def _answer(api, request, status: int, detail: str, **extra):
    return api.create_response(request, {"detail": detail, **extra}, status=status)


def _http_error(api, request, exc: HttpError):
    if isinstance(exc.__cause__, NulRefused):  # ninja wraps what the body parser raises
        return _answer(api, request, 400, NUL_REFUSED)
    return _answer(api, request, exc.status_code, NINJA_MESSAGES.get(exc.message, exc.message))


def _input_error(api, request, exc: InputError):
    places = sorted({".".join(str(part) for part in error["loc"]) for error in exc.errors})
    detail = f"Dữ liệu gửi lên không hợp lệ: {', '.join(places)}."
    return _answer(api, request, 422, detail, errors=exc.errors)


def _refused(api, request, exc: DjangoValidationError):
    # A service's refusal the view did not translate: the messages are already Vietnamese.
    return _answer(api, request, 400, " ".join(exc.messages))


def _suspicious(api, request, exc: SuspiciousOperation):
    logger.warning("Suspicious request to %s: %s", request.path, exc)
    if isinstance(exc, RequestDataTooBig):
        return _answer(api, request, 413, "Dữ liệu gửi lên vượt quá giới hạn cho phép.")
    return _answer(api, request, 400, "Yêu cầu không hợp lệ.")


def _database_refused(api, request, exc: Exception):
    # The safety net behind validation, as DatabaseInputErrorMiddleware is for the pages.
    logger.warning("Value refused on %s: %s", request.path, exc)
    return _answer(api, request, 400, NUL_REFUSED if "NUL" in str(exc) else VALUE_REFUSED)


def _conflict(api, request, exc: IntegrityError):
    logger.warning("Integrity error on %s: %s", request.path, exc)
    return _answer(api, request, 409, CONFLICT)


def _value_error(api, request, exc: ValueError):
    # psycopg2 and some drivers raise a bare ValueError for NUL; any other is a bug.
    if "NUL" in str(exc) or "\x00" in str(exc):
        return _database_refused(api, request, exc)
    return _server_error(api, request, exc)


def _server_error(api, request, exc: Exception):
    logger.error("Unhandled error on %s %s", request.method, request.path, exc_info=exc)
    return _answer(api, request, 500, SERVER_ERROR)


HANDLERS = {
    HttpError: _http_error,
    InputError: _input_error,
    Http404: lambda api, request, exc: _answer(api, request, 404, NOT_FOUND),
    PermissionDenied: lambda api, request, exc: _answer(
        api, request, 403, NINJA_MESSAGES["Forbidden"]
    ),
    DjangoValidationError: _refused,
    SuspiciousOperation: _suspicious,
    NulRefused: lambda api, request, exc: _answer(api, request, 400, NUL_REFUSED),
    DataError: _database_refused,
    OverflowError: _database_refused,
    IntegrityError: _conflict,
    ValueError: _value_error,
    Exception: _server_error,
}


def install_handlers(api) -> None:
    for exc_class, handler in HANDLERS.items():
        api.add_exception_handler(
            exc_class, lambda request, exc, handler=handler: handler(api, request, exc)
        )


# -- the OpenAPI schema ------------------------------------------------------------------------

DESCRIPTIONS = {
    400: "Yêu cầu không hợp lệ (ký tự NUL, giá trị cơ sở dữ liệu không nhận, tệp bị từ chối)",
    401: "Chưa đăng nhập, hoặc mã truy cập không hợp lệ",
    403: "Tài khoản không được thực hiện thao tác này (chỉ cán bộ của đơn vị)",
    404: "Không tìm thấy, hoặc nằm ngoài phạm vi đơn vị của người dùng",
    409: "Trạng thái hiện tại không cho phép thao tác này; detail nói lý do",
    413: "Dữ liệu gửi lên vượt quá giới hạn (REQUEST_MAX_MB)",
    422: "Tham số hoặc nội dung không đúng kiểu, không nằm trong giá trị cho phép",
}


def _ref(model) -> dict:
    return {"$ref": REF_TEMPLATE.format(model=model.__name__)}


def _standard_codes(operation: dict) -> dict[int, type[ErrorOut]]:
    """The errors any operation of this shape may answer, whatever its view does."""
    places = {parameter["in"] for parameter in operation.get("parameters", [])}
    body = operation.get("requestBody", {}).get("content", {})
    codes = {400: ErrorOut}  # NUL anywhere in the request, a value the database refuses
    if operation.get("security"):
        codes[401] = ErrorOut
    if "path" in places:
        codes[404] = ErrorOut
    if "multipart/form-data" in body:
        codes[413] = ErrorOut
    if places or body:
        codes[422] = InputErrorOut
    return codes


def document_errors(schema: dict) -> dict:
    """Adds to every operation of `schema` the error responses it may answer, each with the
    error schema; those an operation declares itself (errors()) keep theirs."""
    components = schema["components"]["schemas"]
    for model in (ErrorOut, InputErrorOut):
        components.setdefault(
            model.__name__,
            model.model_json_schema(
                ref_template=REF_TEMPLATE, schema_generator=NinjaGenerateJsonSchema
            ),
        )
    for path_item in schema["paths"].values():
        for operation in path_item.values():
            responses = operation["responses"]
            for code, model in _standard_codes(operation).items():
                responses.setdefault(
                    code, {"content": {"application/json": {"schema": _ref(model)}}}
                )
            for code, response in responses.items():
                if code in DESCRIPTIONS:
                    response["description"] = DESCRIPTIONS[code]
    return schema
