import pytest

from ocop.registry.identifiers import (
    clean_email,
    clean_gtin,
    clean_phone,
    clean_tax_code,
    format_product_code,
    gtin_check_digit,
    parse_product_code,
    tax_check_digit,
)
from ocop.registry.messages import text


def test_real_tax_codes_pass():
    assert clean_tax_code("0100109106") == "0100109106"
    assert clean_tax_code(" 0300588569 ") == "0300588569"


def test_branch_tax_code_gets_its_dash():
    assert clean_tax_code("0100109106001") == "0100109106-001"
    assert clean_tax_code("0100109106-001") == "0100109106-001"


@pytest.mark.parametrize(
    "bad, reason",
    [
        ("0100109107", "Mã số thuế sai chữ số kiểm tra."),
        ("010010910", "Mã số thuế phải có 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc."),
        ("01001091061", "Mã số thuế phải có 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc."),
        ("0100109106-000", "Mã đơn vị phụ thuộc phải từ 001 đến 999."),
        ("01OO109106", "Mã số thuế phải có 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc."),
    ],
)
def test_bad_tax_codes(bad, reason):
    with pytest.raises(ValueError) as info:
        clean_tax_code(bad)
    assert text(info.value) == reason


def test_tax_remainder_zero_has_no_valid_digit():
    # 1·31 + 1·29 + … chosen so the weighted sum is a multiple of 11: 000000011 → 5+3 = 8; search one
    body = next(f"{n:09d}" for n in range(1000) if tax_check_digit(f"{n:09d}") is None)
    assert body == "000000000"
    for digit in range(10):
        with pytest.raises(ValueError):
            clean_tax_code(body + str(digit))


@pytest.mark.parametrize(
    "gtin", ["8934567890120", "4006381333931", "96385074", "036000291452", "10614141000415"]
)
def test_valid_gtins(gtin):
    assert clean_gtin(gtin) == gtin


def test_gtin_check_digit():
    assert gtin_check_digit("400638133393") == 1
    with pytest.raises(ValueError, match="id.gtin_check"):
        clean_gtin("8934567890121")
    with pytest.raises(ValueError, match="id.gtin_length"):
        clean_gtin("12345")


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("0912345678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0386.123.456", "0386123456"),
        ("(024) 3826 1234", "02438261234"),
        ("+84 24 3826 1234", "02438261234"),
        ("1900 1234", "19001234"),
    ],
)
def test_phones(raw, clean):
    assert clean_phone(raw) == clean


@pytest.mark.parametrize("bad", ["0123456789", "091234567", "0612345678", "+1 202 555 0100"])
def test_bad_phones(bad):
    with pytest.raises(ValueError):
        clean_phone(bad)


def test_product_code_format_and_parse():
    code = format_product_code("01", "10273", 7, 2026)
    assert code == "01-10273-007-2026"
    assert parse_product_code(code) == ("01", "10273", 7, 2026)
    with pytest.raises(ValueError):
        parse_product_code("01-10273-2026")


@pytest.mark.parametrize("good", ["htx@example.vn", " an.nguyen+ocop@so-nn.hanoi.gov.vn "])
def test_email_addresses_pass(good):
    assert clean_email(good) == good.strip()


@pytest.mark.parametrize("bad", ["200", "htx@", "@example.vn", "htx@example", "a b@example.vn"])
def test_bad_email_addresses(bad):
    with pytest.raises(ValueError) as refused:
        clean_email(bad)
    assert refused.value.message.code == "id.email"
