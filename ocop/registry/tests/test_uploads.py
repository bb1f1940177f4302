"""Product photos and the tax-code check: bounded decoding, no orphan files, no names leaked."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.urls import reverse
from PIL import Image

from ocop.accounts.testing import client_for
from ocop.core.models import AuditEntry
from ocop.registry import services
from ocop.registry.images import prepare_image
from ocop.registry.messages import text
from ocop.registry.models import ProductImage

TOO_MANY_PIXELS = "Ảnh có quá nhiều điểm ảnh; hãy thu nhỏ ảnh rồi tải lên lại."


def _png(mode: str, size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _png("1", (20000, 20000))  # 400 million pixels in about 50 KB


def test_decompression_bombs_are_refused(bomb):
    warning_size = _png("1", (10000, 10000))  # past Pillow's warning limit, below its error
    for data in (bomb, warning_size):
        with pytest.raises(ValueError) as info:
            prepare_image(data)
        assert text(info.value) == TOO_MANY_PIXELS


def test_bomb_upload_is_a_message_not_a_500(registry, personas, settings, tmp_path, bomb):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(personas["producer_a"])
    url = reverse("registry:product_image_add", args=[registry.product_x.pk])
    response = client.post(url, {"image": SimpleUploadedFile("a.png", bomb)}, follow=True)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [TOO_MANY_PIXELS]
    assert (ProductImage.objects.count(), list(tmp_path.rglob("*.png"))) == (0, [])


def test_oversized_upload_is_refused_by_its_declared_size(registry, personas, monkeypatch):
    def must_not_read(self, *args):
        raise AssertionError("the upload was read")

    # the client reads its SimpleUploadedFile; the server holds a large upload in a temp file
    monkeypatch.setattr(TemporaryUploadedFile, "read", must_not_read)
    upload = SimpleUploadedFile("a.png", bytes(15 * 1024 * 1024 + 1))
    url = reverse("registry:product_image_add", args=[registry.product_x.pk])
    response = client_for(personas["producer_a"]).post(url, {"image": upload}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Ảnh quá lớn (tối đa 15 MB)."]
    assert ProductImage.objects.count() == 0


def test_a_failed_save_removes_the_stored_photo(
    registry, personas, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path

    def boom(**kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(services, "audit_record", boom)
    with pytest.raises(RuntimeError):
        services.product_add_image(
            actor=personas["producer_a"], product=registry.product_x, data=_png("RGB", (10, 10))
        )
    assert (list(tmp_path.rglob("*.png")), registry.product_x.images.count()) == ([], 0)


def test_a_refused_photo_writes_nothing(registry, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError):
        services.product_add_image(
            actor=personas["producer_a"], product=registry.product_x, data=b"no image"
        )
    assert (list(tmp_path.rglob("*")), AuditEntry.objects.count()) == ([], 0)


def _form_errors(personas, persona: str, tax_code: str) -> list[str]:
    data = {"legal_form": "cooperative", "name": "X", "tax_code": tax_code, "commune": "10273"}
    response = client_for(personas[persona]).post(reverse("registry:producer_create"), data)
    return response.context["form"].errors.get("tax_code", [])


def test_duplicate_tax_code_names_the_producer_only_to_who_may_see_it(registry, personas):
    hidden = registry.producer_z.tax_code  # in province Q
    generic = [
        "Mã số thuế này đã được đăng ký cho một chủ thể khác; "
        "liên hệ cán bộ OCOP xã để được hỗ trợ."
    ]
    assert _form_errors(personas, "producer_b", hidden) == generic
    assert _form_errors(personas, "commune_x", hidden) == generic
    assert _form_errors(personas, "province_p", hidden) == generic
    named = ["Mã số thuế trùng với chủ thể đã có: Hộ kinh doanh Sài Gòn."]
    assert _form_errors(personas, "central", hidden) == named
    own = registry.producer_x.tax_code
    assert _form_errors(personas, "producer_a", own) == [
        "Mã số thuế trùng với chủ thể đã có: HTX Nông nghiệp Phú Xuyên."
    ]
