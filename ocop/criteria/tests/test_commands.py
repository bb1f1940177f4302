"""The `criteria` and `score` commands: readable output, one JSON object, and for every kind of bad
input exit status 2 with one Vietnamese line on stderr and nothing on stdout."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

TOP = {"1.1": 10, "1.2": 10, "1.10": 20, "2.1": 5, "2.2": 20, "3": 35}
HELD = {**TOP, "1.2": 4, "1.10": 0}  # 74 → band 4, held at 3★ by 1.10
ROOT = Path(__file__).resolve().parents[3]


def _write(tmp_path, content: str) -> str:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    return str(path)


def _fails(capsys, *args) -> str:
    with pytest.raises(SystemExit) as caught:
        call_command(*args)
    out, err = capsys.readouterr()
    assert (caught.value.code, out) == (2, "")
    assert err.count("\n") == 1
    return err


def test_score_json_is_one_object_with_the_result_and_advice(fixture_data, tmp_path, capsys):
    call_command(
        "score", "--rules", "fixture", "--set", "1", _write(tmp_path, json.dumps(HELD)), "--json"
    )
    out, err = capsys.readouterr()
    assert err == ""
    payload = json.loads(out)
    assert payload == {
        "rules": "fixture",
        "set": 1,
        "total": 74,
        "parts": {"A": 14, "B": 25, "C": 35},
        "band_stars": 4,
        "stars": 3,
        "recognised": True,
        "provisional": "",
        "failed_minima": ["1.10"],
        "held_back": {"4": ["1.10"]},
        "advice": {
            "text": "Để đạt 4 sao: tiêu chí 1.10 từ 0 lên 5 điểm — Đơn đăng ký nhãn hiệu.",
            "target": 4,
            "reachable": True,
            "added_points": 5,
            "steps": [{"criterion": "1.10", "from": 0, "to": 5, "option": "Đơn đăng ký nhãn hiệu"}],
        },
    }


def test_score_text_summary(fixture_data, tmp_path, capsys):
    call_command("score", "--rules", "fixture", "--set", "1", _write(tmp_path, json.dumps(HELD)))
    out, _ = capsys.readouterr()
    assert out.splitlines() == [
        "Bộ tiêu chí fixture — bộ sản phẩm 1: Rau, củ, quả, hạt tươi",
        "Phần A: 14/40 · Phần B: 25/25 · Phần C: 35/35",
        "Tổng điểm: 74/100 — khung 4 sao",
        "Xếp hạng: 3 sao (được công nhận)",
        "Chưa đạt yêu cầu tối thiểu 4 sao: tiêu chí 1.10",
        "Gợi ý: Để đạt 4 sao: tiêu chí 1.10 từ 0 lên 5 điểm — Đơn đăng ký nhãn hiệu.",
    ]


@pytest.mark.parametrize(
    ("rules", "number", "content", "message"),
    [
        ("9999", "1", json.dumps(TOP), "Lỗi: không có bộ tiêu chí 9999 (các bộ: fixture, totals)"),
        (
            "fixture",
            "27",
            json.dumps(TOP),
            "Lỗi: bộ tiêu chí fixture không có bộ sản phẩm 27 (các bộ: 1–1)",
        ),
        (
            "fixture",
            "một",
            json.dumps(TOP),
            "Lỗi: bộ tiêu chí fixture không có bộ sản phẩm một (các bộ: 1–1)",
        ),
        (
            "totals",
            "1",
            json.dumps(TOP),
            "Lỗi: bộ tiêu chí totals chỉ lưu tổng điểm và số sao, không có phiếu chấm",
        ),
        (
            "fixture",
            "1",
            json.dumps({**TOP, "9.9": 1}),
            "Lỗi: phiếu bộ sản phẩm 1 không có tiêu chí 9.9",
        ),
        ("fixture", "1", json.dumps({"1.1": 10}), "Lỗi: thiếu điểm tiêu chí 1.2"),
        (
            "fixture",
            "1",
            json.dumps({**TOP, "1.1": 4}),
            "Lỗi: tiêu chí 1.1 không có mức 4 điểm (các mức: 0, 2, 5, 10)",
        ),
        (
            "fixture",
            "1",
            json.dumps({**TOP, "1.1": 2.5}),
            "Lỗi: điểm của tiêu chí 1.1 phải là số nguyên, không phải 2.5",
        ),
        (
            "fixture",
            "1",
            json.dumps({**TOP, "1.1": "10"}),
            'Lỗi: điểm của tiêu chí 1.1 phải là số nguyên, không phải "10"',
        ),
        (
            "fixture",
            "1",
            json.dumps({**TOP, "2.1": True}),
            "Lỗi: điểm của tiêu chí 2.1 phải là số nguyên, không phải true",
        ),
        (
            "fixture",
            "1",
            "[1, 2]",
            'Lỗi: tệp {path} phải là một đối tượng JSON {{"mã tiêu chí": điểm}}',
        ),
        ("fixture", "1", '{"1.1": 10,', "Lỗi: tệp {path} không phải JSON hợp lệ (dòng 1, cột 12)"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    fixture_data, tmp_path, capsys, rules, number, content, message
):
    path = _write(tmp_path, content)
    err = _fails(capsys, "score", "--rules", rules, "--set", number, path, "--json")
    assert err == message.format(path=path) + "\n"


def test_missing_file(fixture_data, tmp_path, capsys):
    path = str(tmp_path / "khong-co.json")
    err = _fails(capsys, "score", "--rules", "fixture", "--set", "1", path)
    assert err == f"Lỗi: không tìm thấy tệp {path}\n"


def test_criteria_list_and_show(fixture_data, capsys):
    call_command("criteria", "list")
    out, _ = capsys.readouterr()
    assert out.splitlines() == [
        "fixture  Bộ quy tắc thử nghiệm",
        "   1  I.1.a    Rau, củ, quả, hạt tươi",
        "totals  Bộ quy tắc chỉ có tổng điểm",
        "  Chỉ lưu tổng điểm và số sao, không có phiếu chấm.",
    ]
    call_command("criteria", "show", "fixture", "1")
    out, _ = capsys.readouterr()
    lines = out.splitlines()
    assert lines[:4] == [
        "Bộ quy tắc thử nghiệm — bộ sản phẩm 1: Rau, củ, quả, hạt tươi",
        "Hồ sơ bị loại khi: Giả mạo hồ sơ",
        "Phần A: Sản phẩm và sức mạnh của cộng đồng (40 điểm)",
        "  1. Tổ chức sản xuất (40)",
    ]
    assert "    1.10 Sở hữu trí tuệ (tối đa 20) ★★★★" in lines
    assert "      □ Từ 50% đến dưới 75% — 5 ★★★" in lines
    assert "    2.1 Nhãn song ngữ (tối đa 5) [có/không: 0 hoặc 5]" in lines
    assert "      Dừng đánh giá khi: Có tạp chất nguy hại" in lines


def test_criteria_show_unknown_set(fixture_data, capsys):
    err = _fails(capsys, "criteria", "show", "fixture", "2")
    assert err == "Lỗi: bộ tiêu chí fixture không có bộ sản phẩm 2 (các bộ: 1–1)\n"


def test_real_cli_process_on_real_data(tmp_path):
    """End to end through manage.py: the real 26-2026 data, a real exit status and streams."""
    path = _write(tmp_path, json.dumps({"1.1": 4}))
    done = subprocess.run(
        [sys.executable, "manage.py", "score", "--rules", "26-2026", "--set", "1", path],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "Lỗi: tiêu chí 1.1 không có mức 4 điểm (các mức: 0, 1, 2, 3)\n"
    done = subprocess.run(
        [sys.executable, "manage.py", "score", "--rules", "1048-2019", "--set", "1", path],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "Lỗi: bộ tiêu chí 1048-2019 chỉ lưu tổng điểm và số sao, không có phiếu chấm\n"
    )


def test_score_speaks_english_when_the_language_is_switched(fixture_data, tmp_path, capsys):
    from django.utils import translation

    with translation.override("en"):
        call_command(
            "score", "--rules", "fixture", "--set", "1", _write(tmp_path, json.dumps(HELD))
        )
        with pytest.raises(SystemExit):
            call_command("score", "--rules", "fixture", "--set", "1",
                         _write(tmp_path, json.dumps({"1.1": 10})))  # fmt: skip
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == (
        "Hint: To reach 4 stars: criterion 1.10 from 0 to 5 points — Đơn đăng ký nhãn hiệu."
    )
    assert err == "Lỗi: criterion 1.2 has no score\n"
