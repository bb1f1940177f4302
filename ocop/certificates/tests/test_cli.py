import json
from datetime import date

import pytest
from django.core.management import call_command

from ocop.certificates.models import Certificate, HistoricResult

pytestmark = pytest.mark.django_db


def run(capsys, *args):
    """(exit code, stdout, stderr) of `ocop certificates ARGS`."""
    try:
        call_command("certificates", *args)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_json_has_exactly_the_documented_keys(capsys, settings, certificate_p):
    settings.SITE_URL = "https://ocop.example.vn"
    code, out, _err = run(capsys, "list", "--json")
    records = json.loads(out)
    assert code == 0
    assert records == [
        {
            "number": "001/2026/GCN-UBND-TPHN",
            "product": "Mật ong hoa nhãn Phú Xuyên",
            "producer": "HTX Nông nghiệp Phú Xuyên",
            "stars": 3,
            "status": "valid",
            "valid_until": "2029-06-30",
            "verification_url": certificate_p.verification_url,
        }
    ]
    assert records[0]["verification_url"].startswith("https://ocop.example.vn/verify/")


def test_list_text_and_status_filter(capsys, certificate_p, certificate_q):
    Certificate.objects.filter(pk=certificate_q.pk).update(status="expired")
    code, out, _err = run(capsys, "list", "--status", "expired")
    assert code == 0
    assert out.splitlines() == [
        "\t".join(
            [certificate_q.number, "Cà phê rang xay Sài Gòn", "Công ty TNHH Sài Gòn Xanh", "4★",
             "expired", "2029-07-01", certificate_q.verification_url]
        )
    ]  # fmt: skip


def test_bad_status_exits_2_in_vietnamese(capsys):
    code, out, err = run(capsys, "list", "--status", "bogus")
    assert (code, out) == (2, "")
    assert "tình trạng “bogus” không hợp lệ" in err


def test_refresh_is_idempotent(capsys, certificate_p, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2029, 1, 1))
    code, out, _err = run(capsys, "refresh")
    assert code == 0
    assert f"{certificate_p.number}: valid → reevaluation" in out
    assert "1 thay đổi tình trạng, 1 lời nhắc đã gửi." in out
    code, out, _err = run(capsys, "refresh")
    assert out == "Ngày 2029-01-01: 0 thay đổi tình trạng, 0 lời nhắc đã gửi.\n"


def write_csv(tmp_path, lines):
    path = tmp_path / "history.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


HEADER = "product_id,year,rules,total,stars,authority_name,authority_level,historic_unit_code,decision_number,decision_date"


def test_import_history_all_or_nothing(capsys, tmp_path, product_p, product_q):
    path = write_csv(tmp_path, [
        HEADER,
        f"{product_p.pk},2019,1048-2019,62.5,3,UBND thành phố Hà Nội,province,,1201/QĐ-UBND,20/12/2019",
        f"{product_q.pk},2020,1048-2019,,6,UBND thành phố Hà Nội,province,,,2020-31-12",
        "999999,2020,26-2026,50,3,,district_historic,,,",
    ])  # fmt: skip
    code, out, err = run(capsys, "import-history", str(path))
    assert code == 2
    assert err.splitlines() == [
        "Dòng 3, cột stars: phải là số nguyên từ 1 đến 5.",
        "Dòng 3, cột decision_date: ngày “2020-31-12” không đúng dạng ngày/tháng/năm.",
        "Dòng 4, cột authority_name: không được để trống.",
        "Dòng 4, cột product_id: không có sản phẩm mã hệ thống 999999.",
        "Dòng 4, cột rules: chỉ nhận 1048-2019 hoặc 148-2023.",
        "Lỗi: 5 lỗi; không nhập dòng nào.",
    ]
    assert HistoricResult.objects.count() == 0


def test_import_history_dry_run_then_import(capsys, tmp_path, product_p, product_q):
    path = write_csv(tmp_path, [
        HEADER,
        f"{product_p.pk},2019,1048-2019,62.5,3,UBND thành phố Hà Nội,province,,1201/QĐ-UBND,20/12/2019",
        f"{product_q.pk},2020,1048-2019,,4,UBND thành phố Hà Nội,province,,,",
    ])  # fmt: skip
    assert run(capsys, "import-history", str(path), "--dry-run")[:2] == (
        0,
        "Kiểm tra xong: 2 dòng hợp lệ (chưa ghi).\n",
    )
    assert HistoricResult.objects.count() == 0
    assert run(capsys, "import-history", str(path))[:2] == (0, "Đã nhập 2 kết quả.\n")
    first = HistoricResult.objects.get(product=product_p)
    assert (str(first.total), first.stars, first.decision_date) == ("62.50", 3, date(2019, 12, 20))
    assert HistoricResult.objects.get(product=product_q).total is None
    code, _out, err = run(capsys, "import-history", str(path))
    assert code == 2
    assert "Dòng 2, cột product_id: kết quả năm này đã có trong hệ thống." in err


def test_import_history_from_xlsx(capsys, tmp_path, product_p):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append([product_p.pk, 2020, "1048-2019", 71.25, 4, "UBND thành phố Hà Nội",
                  "province", None, "5/QĐ-UBND", date(2020, 12, 30)])  # fmt: skip
    path = tmp_path / "history.xlsx"
    book.save(path)
    assert run(capsys, "import-history", str(path))[0] == 0
    result = HistoricResult.objects.get()
    assert (str(result.total), result.stars, result.decision_date) == (
        "71.25",
        4,
        date(2020, 12, 30),
    )


def test_import_history_missing_file_exits_2(capsys, tmp_path):
    code, _out, err = run(capsys, "import-history", str(tmp_path / "none.csv"))
    assert code == 2
    assert "không tìm thấy tệp" in err


def test_import_history_links_the_historic_district(capsys, tmp_path, territory, product_p):
    from ocop.places.models import HistoricUnit

    district = HistoricUnit.objects.create(
        code="280", name="Huyện Phú Xuyên", level="district", division_type="huyện",
        province=territory.province_p,
    )  # fmt: skip
    path = write_csv(tmp_path, [
        HEADER,
        f"{product_p.pk},2020,1048-2019,55,3,UBND thành phố Hà Nội,province,280,,",
        f"{product_p.pk},2019,1048-2019,52,3,UBND thành phố Hà Nội,province,999,,",
    ])  # fmt: skip
    code, _out, err = run(capsys, "import-history", str(path))
    assert code == 2
    assert "Dòng 3, cột historic_unit_code: không có đơn vị hành chính cũ mã 999." in err
    path = write_csv(tmp_path, [HEADER, f"{product_p.pk},2020,1048-2019,55,3,UBND thành phố Hà Nội,province,280,,"])  # fmt: skip
    assert run(capsys, "import-history", str(path))[0] == 0
    assert HistoricResult.objects.get().historic_unit == district
