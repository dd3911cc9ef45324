"""The login and password forms: Django's, with Vietnamese wording where Django's own
translation falls short, passwords saved through the service, and a per-address throttle
on login."""

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.views.decorators.debug import sensitive_variables

from thidua.accounts import services
from thidua.accounts.selectors import login_failures_from_address

# Django's Vietnamese catalogue lacks the plural form of this one message, which then shows
# in English; the other validators' messages are translated.
VIETNAMESE_VALIDATOR_MESSAGES = {
    "password_too_short": "Mật khẩu này quá ngắn: cần ít nhất %(min_length)d ký tự.",
}


def _vietnamese(error: ValidationError) -> ValidationError:
    """The validators' errors, each in Vietnamese, keeping their codes."""
    return ValidationError(
        [
            ValidationError(VIETNAMESE_VALIDATOR_MESSAGES[item.code], item.code, item.params)
            if item.code in VIETNAMESE_VALIDATOR_MESSAGES
            else item
            for item in error.error_list
        ]
    )


class LoginForm(auth_forms.AuthenticationForm):
    """Refuses every login from an address that failed too often, whatever the usernames:
    axes locks one username at one address, which a password sprayer trying a few
    passwords on many usernames never reaches."""

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "address_locked": (
            "Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này. Vì an toàn, việc đăng nhập từ "
            "đây tạm bị khóa; xin thử lại sau ít phút hoặc liên hệ quản trị viên."
        ),
    }

    def clean(self):
        # Checked before authenticating, so that a locked address learns nothing, not even
        # whether a password was right.
        failures = login_failures_from_address(self.request)
        if failures >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            raise ValidationError(self.error_messages["address_locked"], code="address_locked")
        return super().clean()


class _ChosenPasswordMixin:
    """Plain-text help listing the validators in force, Vietnamese errors, and the password
    saved through the service (which also clears the must-change flag)."""

    audit_note = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = " ".join(
            password_validation.password_validators_help_texts()
        )

    @sensitive_variables("password")
    def validate_password_for_user(self, user, password_field_name="password2"):  # noqa: S107
        password = self.cleaned_data.get(password_field_name)
        if password:
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.add_error(password_field_name, _vietnamese(error))

    def save(self, commit=True):
        return services.set_password(
            user=self.user, raw_password=self.cleaned_data["new_password1"], note=self.audit_note
        )


class SetPasswordForm(_ChosenPasswordMixin, auth_forms.SetPasswordForm):
    """The new password chosen through a reset link."""

    audit_note = "Đặt lại mật khẩu qua thư điện tử"


class PasswordChangeForm(_ChosenPasswordMixin, auth_forms.PasswordChangeForm):
    """The new password chosen by a signed-in user, who types the current one first."""

    audit_note = "Đổi mật khẩu"
    error_messages = {
        **auth_forms.PasswordChangeForm.error_messages,
        "password_incorrect": "Mật khẩu hiện tại không đúng. Xin nhập lại.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Mật khẩu hiện tại"


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label="Địa chỉ thư điện tử",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
