"""Error pages in Vietnamese. They render without a database query, so they work even when
the error came from the database. Under /api/ they answer the API's JSON instead."""

from django.http import JsonResponse
from django.shortcuts import render

API_PREFIX = "/api/"


def _error(request, status: int, title: str, message: str):
    # The API's own errors come from its exception handlers (thidua/core/api_errors.py);
    # these cover what is refused before or outside it: an unknown address, a body too
    # large, a database error that escaped.
    request_id = getattr(request, "request_id", "")
    if request.path_info.startswith(API_PREFIX):
        body = {"detail": message} | ({"request_id": request_id} if status >= 500 else {})
        return JsonResponse(body, status=status)
    context = {"status": status, "title": title, "message": message, "request_id": request_id}
    return render(request, "errors/error.html", context, status=status)


def bad_request(request, exception=None):
    return _error(request, 400, "Yêu cầu không hợp lệ", "Dữ liệu gửi lên không đúng định dạng.")


def permission_denied(request, exception=None):
    return _error(
        request, 403, "Không có quyền", "Tài khoản của bạn không được thực hiện thao tác này."
    )


def page_not_found(request, exception=None):
    return _error(
        request, 404, "Không tìm thấy",
        "Trang hoặc dữ liệu này không tồn tại, hoặc nằm ngoài phạm vi đơn vị của bạn.",
    )  # fmt: skip


def server_error(request):
    return _error(
        request, 500, "Đã có lỗi",
        "Hệ thống gặp sự cố khi xử lý yêu cầu. Dữ liệu của bạn chưa bị thay đổi; "
        "xin thử lại, hoặc báo cho quản trị viên.",
    )  # fmt: skip


def csrf_failure(request, reason=""):
    return _error(
        request, 403, "Phiên làm việc đã hết hạn",
        "Biểu mẫu đã quá hạn hoặc bị chặn vì lý do an toàn. Hãy tải lại trang rồi gửi lại.",
    )  # fmt: skip


def conflict(request):
    return _error(
        request, 409, "Dữ liệu vừa thay đổi",
        "Dữ liệu này vừa được người khác thay đổi nên chưa lưu được. "
        "Hãy tải lại trang, kiểm tra rồi thực hiện lại.",
    )  # fmt: skip


def value_out_of_range(request):
    return _error(
        request, 400, "Giá trị không hợp lệ",
        "Một giá trị nhập vào vượt quá giới hạn cho phép. Hãy kiểm tra lại các số đã nhập.",
    )  # fmt: skip


def request_too_large(request, limit_mb: int):
    return _error(
        request, 413, "Dữ liệu gửi lên quá lớn",
        f"Dữ liệu gửi lên vượt quá giới hạn {limit_mb} MB của chức năng này. "
        "Hãy gửi tệp nhỏ hơn, hoặc chia thành nhiều lần gửi.",
    )  # fmt: skip


def nul_in_address(request):
    return _error(
        request, 400, "Yêu cầu không hợp lệ",
        "Địa chỉ yêu cầu chứa ký tự NUL (mã 0), không được chấp nhận.",
    )  # fmt: skip
