"""A PDF is accepted when it parses with at least one page, is not encrypted, and carries no
script, automatic action or embedded file."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from ocop.accounts.testing import client_for
from ocop.evaluation.messages import text
from ocop.evaluation.testing import new_dossier, pdf_bytes
from ocop.evaluation.uploads import UploadRefused, check_content


def written(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def blank_writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    return writer


def refusal(data: bytes) -> str:
    with pytest.raises(UploadRefused) as error:
        check_content(data)
    return error.value.message.code


def encrypted() -> bytes:
    writer = blank_writer()
    writer.encrypt(user_password="", owner_password="chu-so-huu")
    return written(writer)


def with_javascript() -> bytes:
    """A document-level script in the /Names /JavaScript tree, written with hex-escaped names
    (/J#61vaScript) that a byte search for "/JavaScript" would miss."""
    data = written(blank_writer())
    script = b"5 0 obj\n<< /S /J#61vaScript /#4aS (app.alert(1)) >>\nendobj\n"
    names = b"6 0 obj\n<< /J#61vaScript << /Names [ (a) 5 0 R ] >> >>\nendobj\n"
    head, tail = data.split(b"xref", 1)
    data = head + script + names + b"xref" + tail
    return data.replace(b"/Type /Catalog", b"/Type /Catalog /Names 6 0 R")


def with_open_action() -> bytes:
    writer = blank_writer()
    action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject("app.alert(1)")})  # fmt: skip
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return written(writer)


def with_page_action() -> bytes:
    writer = blank_writer()
    launch = DictionaryObject({NameObject("/S"): NameObject("/Launch"),
                               NameObject("/F"): TextStringObject("calc.exe")})  # fmt: skip
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): launch})
    return written(writer)


def with_attachment() -> bytes:
    writer = blank_writer()
    writer.add_attachment("hoa-don.exe", b"MZ\x90\x00")
    return written(writer)


def test_a_real_pdf_passes():
    assert check_content(pdf_bytes(3)).content_type == "application/pdf"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n" + b"\x00garbage" * 100,
        b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
        pdf_bytes()[:200],
        b"%PDF-",
    ],
)
def test_a_file_that_only_starts_like_a_pdf_is_refused(data):
    assert refusal(data) in ("upload.pdf_broken", "upload.pdf_no_pages")


def test_a_pdf_without_pages_is_refused():
    assert refusal(written(PdfWriter())) == "upload.pdf_no_pages"


def test_an_encrypted_pdf_is_refused():
    assert refusal(encrypted()) == "upload.pdf_encrypted"


@pytest.mark.parametrize(
    "build", [with_javascript, with_open_action, with_page_action, with_attachment]
)
def test_a_pdf_that_runs_or_carries_something_is_refused(build):
    assert refusal(build()) == "upload.pdf_active"


def test_the_refusals_read_in_vietnamese_and_english():
    with pytest.raises(UploadRefused) as error:
        check_content(encrypted())
    with translation.override("vi"):
        assert text(error.value) == (
            "Tệp PDF có đặt mật khẩu hoặc mã hóa; vui lòng bỏ mật khẩu rồi tải lại."
        )
    with translation.override("en"):
        assert text(error.value) == (
            "The PDF is password-protected or encrypted; remove the password and upload it again."
        )


@pytest.mark.django_db
def test_a_scripted_pdf_upload_is_refused_with_a_message(personas, world):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    page = client_for(personas["producer_a"]).post(
        f"/applications/{application.pk}/files/",
        {"section": "general", "file": SimpleUploadedFile("a.pdf", with_javascript())},
        follow=True,
    )
    assert page.status_code == 200
    assert "Tệp PDF chứa mã JavaScript, lệnh tự chạy hoặc tệp đính kèm bên trong" in (
        page.content.decode()
    )
    assert application.files.count() == 1  # only the PDF new_dossier attached
