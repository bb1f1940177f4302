from ocop.core.letterhead import agency_lines, document_place, signature_lines


def test_agency_lines():
    assert agency_lines("UBND thành phố Hà Nội", "province") == (
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ HÀ NỘI",
    )
    assert agency_lines("UBND huyện Phú Xuyên", "district_historic") == (
        "ỦY BAN NHÂN DÂN",
        "HUYỆN PHÚ XUYÊN",
    )
    assert agency_lines("Bộ Nông nghiệp và Môi trường", "central") == (
        "BỘ NÔNG NGHIỆP",
        "VÀ MÔI TRƯỜNG",
    )
    assert agency_lines("Bộ Tài chính", "central") == ("BỘ TÀI CHÍNH",)


def test_document_place():
    assert document_place("UBND thành phố Hà Nội", "province") == "Hà Nội"
    assert document_place("UBND tỉnh Ninh Bình", "province") == "Ninh Bình"
    assert document_place("UBND huyện Phú Xuyên", "district_historic") == "Phú Xuyên"
    assert document_place("Bộ Nông nghiệp và Môi trường", "central") == "Hà Nội"


def test_signature_lines():
    assert signature_lines("province", deputy=False) == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert signature_lines("province", deputy=True) == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    )
    assert signature_lines("central", deputy=False) == ("BỘ TRƯỞNG",)
    assert signature_lines("central", deputy=True) == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG")
