"""Amounts in Vietnamese words (ocop.core.money.amount_in_words)."""

from ocop.core.money import amount_in_words


def test_amount_in_words_as_payment_documents_write_it():
    assert amount_in_words(968_721_000) == (
        "Chín trăm sáu mươi tám triệu bảy trăm hai mươi mốt nghìn đồng"
    )
    assert amount_in_words(5_000_000_000) == "Năm tỷ đồng"
    assert amount_in_words(2021) == "Hai nghìn không trăm hai mươi mốt đồng"
    assert amount_in_words(1_000_005) == "Một triệu không trăm linh năm đồng"
    assert amount_in_words(115) == "Một trăm mười lăm đồng"
    assert amount_in_words(0) == "Không đồng"
