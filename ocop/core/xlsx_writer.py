"""Styled workbooks written straight as SpreadsheetML (the XML inside an .xlsx). Pure: the
standard library only, no Django.

For large read-only exports (the programme report of a province lists thousands of
certificates): openpyxl builds an object per cell and a temporary file per sheet, which made the
report two to three times slower than the queries behind it. This writer emits the same look as
`ocop.core.spreadsheet_style` (bold, shaded, wrapped header row, frozen and repeated on every
printed page, an auto-filter over the table, A4 landscape one page wide, column widths fitted to
the headers) with one shared style per kind of cell instead of one per cell. Excel, LibreOffice
and openpyxl read it; the tests read it back with openpyxl (`assert_styled_sheet`).

Cells: text (shared strings), whole numbers (styled with the sheet's number format), other
numbers, booleans; None leaves the cell empty. The caller makes text formula-safe
(ocop.core.spreadsheet.safe_row).
"""

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from math import ceil, isfinite
from xml.sax.saxutils import escape, quoteattr

from .spreadsheet_style import HEADER_RGB, LINE_HEIGHT, PAPER_A4, fit_width

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Excel's built-in number formats; any other gets its own numFmt id from 164 up.
BUILTIN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4}
# XML 1.0 refuses these characters even escaped (openpyxl raises on them): dropped.
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
HEADER_STYLE = 1  # cellXfs index of the header cells; whole numbers start at 2


@dataclass(frozen=True)
class Sheet:
    title: str  # at most 31 characters, none of []:*?/\
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]
    widths: Sequence[float] = ()  # minimum widths, column by column
    number_format: str = "0"  # of the whole numbers


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The .xlsx file of these sheets, in this order."""
    formats = list(dict.fromkeys(s.number_format for s in sheets))
    strings = _Strings()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        names = []
        for index, sheet in enumerate(sheets, 1):
            style = 2 + formats.index(sheet.number_format)
            xml, last_row = _sheet_xml(sheet, strings, style)
            archive.writestr(f"xl/worksheets/sheet{index}.xml", xml)
            names.append((sheet.title, len(sheet.headers), last_row))
        archive.writestr("xl/sharedStrings.xml", strings.xml())
        archive.writestr("xl/styles.xml", _styles_xml(formats))
        archive.writestr("xl/workbook.xml", _workbook_xml(names))
        archive.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        archive.writestr("_rels/.rels", _package_rels())
        archive.writestr("[Content_Types].xml", _content_types(len(sheets)))
    return out.getvalue()


class _Strings:
    """The shared string table: each distinct text once, cells refer to it by index."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def ref(self, text: str) -> int:
        self.count += 1
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def xml(self) -> str:
        items = "".join(
            f'<si><t xml:space="preserve">{escape(ILLEGAL.sub("", text))}</t></si>'
            for text in self.index
        )
        return (f'{HEAD}<sst xmlns="{MAIN}" count="{self.count}" '
                f'uniqueCount="{len(self.index)}">{items}</sst>')  # fmt: skip


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value: object, strings: _Strings, number_style: int) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int):
        return f'<c r="{ref}" s="{number_style}"><v>{value}</v></c>'
    if isinstance(value, float) and isfinite(value):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="s"><v>{strings.ref(str(value))}</v></c>'


def _sheet_xml(sheet: Sheet, strings: _Strings, number_style: int) -> tuple[str, int]:
    """The worksheet's XML (elements in the order the schema requires) and its last row."""
    count = len(sheet.headers)
    letters = [column_letter(i) for i in range(1, count + 1)]
    widths = [fit_width(h, sheet.widths[i] if i < len(sheet.widths) else 0)
              for i, h in enumerate(sheet.headers)]  # fmt: skip
    lines = max([1, *(ceil(len(h) / w) for h, w in zip(sheet.headers, widths, strict=True))])
    header = "".join(
        f'<c r="{letter}1" s="{HEADER_STYLE}" t="s"><v>{strings.ref(str(h))}</v></c>'
        for letter, h in zip(letters, sheet.headers, strict=True)
    )
    rows = [f'<row r="1" ht="{LINE_HEIGHT * lines}" customHeight="1">{header}</row>']
    number = 1
    for number, values in enumerate(sheet.rows, 2):
        cells = "".join(
            _cell(f"{letter}{number}", value, strings, number_style)
            for letter, value in zip(letters, values, strict=False)
        )
        rows.append(f'<row r="{number}">{cells}</row>')
    area = f"A1:{letters[-1] if letters else 'A'}{number}"
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                   for i, w in enumerate(widths, 1))  # fmt: skip
    xml = (
        f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="{area}"/>'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f"{f'<cols>{cols}</cols>' if cols else ''}"
        f"<sheetData>{''.join(rows)}</sheetData>"
        f'<autoFilter ref="{area}"/>'
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
        f'<pageSetup paperSize="{PAPER_A4}" orientation="landscape" fitToWidth="1" '
        'fitToHeight="0"/></worksheet>'
    )
    return xml, number


def _styles_xml(formats: list[str]) -> str:
    """Fonts: normal, bold. Fills: the two Excel reserves, the header's shade. Cell styles: 0
    default, 1 header, then one per number format in use."""
    ids: list[int] = []
    custom: list[str] = []
    for fmt in formats:
        if fmt in BUILTIN_FORMATS:
            ids.append(BUILTIN_FORMATS[fmt])
        else:
            ids.append(164 + len(custom))
            custom.append(f'<numFmt numFmtId="{ids[-1]}" formatCode={quoteattr(fmt)}/>')
    font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
    numbers = "".join(
        f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        for i in ids
    )
    return (
        f'{HEAD}<styleSheet xmlns="{MAIN}">'
        + (f'<numFmts count="{len(custom)}">{"".join(custom)}</numFmts>' if custom else "")
        + f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
        '<fills count="3"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill>'
        f'<fill><patternFill patternType="solid"><fgColor rgb="FF{HEADER_RGB}"/>'
        '<bgColor indexed="64"/></patternFill></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{2 + len(ids)}">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" '
        'applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
        f"{numbers}</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


def _workbook_xml(sheets: list[tuple[str, int, int]]) -> str:
    """The sheets, and per sheet its filter range and its header row repeated when printing."""
    entries, names = [], []
    for index, (title, columns, last_row) in enumerate(sheets):
        entries.append(
            f'<sheet name={quoteattr(title)} sheetId="{index + 1}" r:id="rId{index + 1}"/>'
        )
        quoted = "'" + title.replace("'", "''") + "'"
        last = column_letter(max(columns, 1))
        names.append(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
            f"{escape(quoted)}!$A$1:${last}${last_row}</definedName>"
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
            f"{escape(quoted)}!$1:$1</definedName>"
        )
    return (
        f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f"<sheets>{''.join(entries)}</sheets>"
        f"<definedNames>{''.join(names)}</definedNames></workbook>"
    )


def _workbook_rels(count: int) -> str:
    rels = [f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, count + 1)]  # fmt: skip
    rels.append(f'<Relationship Id="rId{count + 1}" Type="{RELS}/styles" Target="styles.xml"/>')
    rels.append(
        f'<Relationship Id="rId{count + 2}" Type="{RELS}/sharedStrings" '
        'Target="sharedStrings.xml"/>'
    )
    return f'{HEAD}<Relationships xmlns="{PACKAGE_RELS}">{"".join(rels)}</Relationships>'


def _package_rels() -> str:
    return (
        f'{HEAD}<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" '
        f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )


def _content_types(count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{OFFICE}.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    return (
        f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.sheet.main+xml"/>'
        f"{sheets}"
        f'<Override PartName="/xl/styles.xml" ContentType="{OFFICE}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{OFFICE}.sharedStrings+xml"/>'
        "</Types>"
    )
