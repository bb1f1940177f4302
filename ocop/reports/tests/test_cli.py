import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader


def run(capsys, *args):
    """(exit code, stdout, stderr) of `ocop report ARGS`."""
    try:
        call_command("report", *args)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_writes_the_workbook_of_the_unit_and_period(capsys, tmp_path, programme):
    path = tmp_path / "bao-cao.xlsx"
    code, out, err = run(capsys, "programme", "--unit", "01", "--from", "2024", "--to", "2025",
                         "--xlsx", str(path))  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Đã ghi báo cáo Thành phố Hà Nội 2024–2025 vào {path}.\n"
    sheet = load_workbook(path)["Kinh phí theo năm"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Mục", "Phân bổ (đồng)", "Giải ngân (đồng)", "Còn lại (đồng)"],
        ["2024", 150_000_000, 90_000_000, 60_000_000],
        ["2025", 0, 0, 0],
        ["Tổng cộng", 150_000_000, 90_000_000, 60_000_000],
    ]


def test_writes_the_pdf(capsys, tmp_path, programme):
    path = tmp_path / "bao-cao.pdf"
    code, _out, err = run(capsys, "programme", "--unit", "10273", "--from", "2019", "--to", "2025",
                          "--pdf", str(path))  # fmt: skip
    assert (code, err) == (0, "")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert "BÁO CÁO" in text and "giai đoạn 2019–2025 của Xã Phú Xuyên" in " ".join(text.split())
    assert "50.000.000 đồng (bằng chữ: Năm mươi triệu đồng)" in " ".join(text.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "99999", "--from", "2024", "--to", "2025", "--xlsx", "x.xlsx"],
         "Lỗi: không có đơn vị hành chính mã “99999”.\n"),
        (["--unit", "01", "--from", "20x4", "--to", "2025", "--xlsx", "x.xlsx"],
         "Lỗi: năm “20x4” không hợp lệ; ghi năm từ 2000 đến 2100.\n"),
        # Digits that are not ASCII: "²020" is isdigit() but not int(); "٢٠٢٤" would read as 2024.
        (["--unit", "01", "--from", "²020", "--to", "2025", "--xlsx", "x.xlsx"],
         "Lỗi: năm “²020” không hợp lệ; ghi năm từ 2000 đến 2100.\n"),
        (["--unit", "01", "--from", "٢٠٢٤", "--to", "2025", "--xlsx", "x.xlsx"],
         "Lỗi: năm “٢٠٢٤” không hợp lệ; ghi năm từ 2000 đến 2100.\n"),
        (["--unit", "01", "--from", "2026", "--to", "2025", "--xlsx", "x.xlsx"],
         "Lỗi: năm bắt đầu 2026 sau năm kết thúc 2025.\n"),
        (["--unit", "01", "--from", "2024", "--to", "2025"],
         "Lỗi: chọn đúng một trong --xlsx TỆP hoặc --pdf TỆP.\n"),
        (["--unit", "01", "--from", "2024", "--to", "2025", "--xlsx", "x.xlsx", "--pdf", "x.pdf"],
         "Lỗi: chọn đúng một trong --xlsx TỆP hoặc --pdf TỆP.\n"),
        (["--from", "2024", "--to", "2025", "--pdf", "x.pdf"], "Lỗi: thiếu --unit.\n"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_with_a_vietnamese_message_and_writes_nothing(
    capsys, tmp_path, monkeypatch, programme, args, message
):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "programme", *args) == (2, "", message)
    assert list(tmp_path.iterdir()) == []
