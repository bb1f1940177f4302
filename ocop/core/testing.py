"""Checks the workbook tests share: what `ocop.core.spreadsheet_style` promises, read back from a
saved file. Test support only; no Django."""

from ocop.core.spreadsheet_style import PAPER_A4


def assert_styled_sheet(ws, *, header_row: int = 1, validations: bool = False) -> None:
    """Frozen bold header, auto-filter from the header, A4 landscape one page wide with the header
    repeated, and (if `validations`) drop-downs that alert on other values."""
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header_row}:")
    assert all(cell.font.b for cell in ws[header_row] if cell.value not in (None, ""))
    setup = ws.page_setup
    assert (setup.orientation, int(setup.paperSize)) == ("landscape", PAPER_A4)
    assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    for cell in ws[header_row]:
        if cell.value not in (None, ""):
            longest = max(len(word) for word in str(cell.value).split())
            assert ws.column_dimensions[cell.column_letter].width >= longest, cell.value
            assert cell.alignment.wrap_text is True
    checks = ws.data_validations.dataValidation
    assert bool(checks) == validations
    for check in checks:
        assert (check.showErrorMessage, check.errorStyle) == (True, "stop")
        assert check.errorTitle and check.error
