from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from . import throttle


class ThrottledLoginForm(AuthenticationForm):
    """Login that refuses further attempts after repeated failures.

    The same messages whether or not the username exists, so nobody learns which accounts exist.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa, chữ thường."
        ),
        "throttled": _(
            "Bạn đã đăng nhập sai quá nhiều lần. Vì lý do an toàn, vui lòng thử lại sau %(minutes)d phút "
            "hoặc dùng chức năng “Quên mật khẩu”."
        ),
        "slowed": _(
            "Có nhiều lần đăng nhập sai từ mạng của bạn nên hệ thống tạm làm chậm. Vui lòng đợi "
            "%(seconds)d giây rồi đăng nhập lại."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = throttle.client_address(self.request) if self.request else None
        known = bool(self.request) and throttle.known_device(self.request, username)
        if throttle.is_throttled(username, address, known_device=known):
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": max(1, settings.LOGIN_FAILURE_WINDOW_SECONDS // 60)},
            )
        wait = 0 if known else throttle.address_wait(address)
        if wait:  # refused before the password is checked, and not counted as a failure
            raise forms.ValidationError(
                self.error_messages["slowed"], code="slowed", params={"seconds": wait}
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record_failure(username, address)
            raise
        throttle.clear_failures(username)
        return cleaned


class ThrottledPasswordResetForm(PasswordResetForm):
    """Sends the reset mail at most a few times an hour per address and per client; the page
    answers the same either way, so it reveals nothing about which addresses exist."""

    def save(self, *args, request=None, **kwargs):
        address = throttle.client_address(request) if request else None
        if throttle.reset_allowed(self.cleaned_data["email"], address):
            super().save(*args, request=request, **kwargs)
