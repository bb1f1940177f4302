import pytest

from ocop.evaluation.messages import text
from ocop.evaluation.testing import PDF_BYTES, png_bytes
from ocop.evaluation.uploads import (
    MAX_DOSSIER_BYTES,
    MAX_FILE_BYTES,
    UploadRefused,
    check_content,
    check_dossier_room,
    safe_name,
)


def test_pdf_and_png_pass_by_content():
    assert check_content(PDF_BYTES).content_type == "application/pdf"
    assert check_content(png_bytes()).content_type == "image/png"


@pytest.mark.parametrize(
    "data",
    [b"MZ\x90\x00 not a pdf", b"\x89PNG\r\n\x1a\nbroken", b"<html>%PDF-</html>", b""],
)
def test_other_content_is_refused_whatever_the_name(data):
    with pytest.raises(UploadRefused):
        check_content(data)


def test_size_limits():
    with pytest.raises(UploadRefused) as too_big:
        check_content(b"%PDF-" + b"0" * MAX_FILE_BYTES)
    assert text(too_big.value) == "Tệp vượt quá 20 MB."
    check_dossier_room(MAX_DOSSIER_BYTES - 10, 10)
    with pytest.raises(UploadRefused) as too_much:
        check_dossier_room(MAX_DOSSIER_BYTES - 10, 11)
    assert text(too_much.value) == "Tổng dung lượng hồ sơ vượt quá 200 MB."


def test_safe_name_drops_folders_and_fixes_the_extension():
    assert safe_name("../../etc/passwd.exe", "application/pdf") == "passwd.pdf"
    assert safe_name("C:\\ảnh\\nhãn.PNG", "image/png") == "nhãn.png"
