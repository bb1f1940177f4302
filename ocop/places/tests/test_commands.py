"""The `places` management command: show and load, on the loaded units."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_places")]


def _run(*args):
    out = StringIO()
    call_command("places", *args, stdout=out)
    return out.getvalue().splitlines()


def test_show_code_prints_commune_and_former_town():
    assert _run("show", "10273") == [
        "10273  Xã Phú Xuyên  (xã)  thuộc Thành phố Hà Nội",
        "10273  Thị trấn Phú Xuyên  (thị trấn, trước 01/07/2025)  thuộc Huyện Phú Xuyên, "
        "Thành phố Hà Nội  → nay: Xã Phú Xuyên",
    ]


def test_show_district_lists_its_successors():
    assert _run("show", "280") == [
        "280  Huyện Phú Xuyên  (huyện, trước 01/07/2025)  thuộc Thành phố Hà Nội  "
        "→ nay: Xã Phú Xuyên, Xã Phượng Dực, Xã Chuyên Mỹ, Xã Đại Xuyên",
    ]


def test_show_province():
    assert _run("show", "01") == ["01  Thành phố Hà Nội  (thành phố trung ương)"]


def test_show_unknown_exits_1_with_message(capsys):
    with pytest.raises(SystemExit) as exit_info:
        _run("show", "không có")
    assert exit_info.value.code == 1
    assert capsys.readouterr().err == "Không tìm thấy đơn vị hành chính nào khớp với “không có”.\n"


def test_load_again_says_nothing_changed():
    assert _run("load") == [
        "Tỉnh/thành phố: 34 (thêm mới 0, cập nhật 0, giữ nguyên 34)",
        "Xã/phường/đặc khu: 3321 (thêm mới 0, cập nhật 0, giữ nguyên 3321)",
        "Đơn vị hành chính cũ: 24 (thêm mới 0, cập nhật 0, giữ nguyên 24)",
        "Không có thay đổi: dữ liệu đã khớp với nguồn.",
    ]
