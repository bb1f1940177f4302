from datetime import date

from ocop.core.spreadsheet import safe_cell, safe_row


def test_formula_like_text_is_neutralised():
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("+84912345678") == "'+84912345678"
    assert safe_cell("-1") == "'-1"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\tcmd") == "'\tcmd"


def test_plain_values_pass_unchanged():
    assert safe_row(["Gà Lạc Thủy", 12, -5, date(2026, 1, 1), None]) == [
        "Gà Lạc Thủy",
        12,
        -5,
        date(2026, 1, 1),
        None,
    ]
