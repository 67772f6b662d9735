"""Generators of hostile input files (built at test time: no large binaries in the repository)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="xl/workbook.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="worksheets/sheet1.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
</Relationships>"""
SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def column_letter(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def row_xml(number: int, values: list) -> str:
    cells = []
    for col, value in enumerate(values, start=1):
        if value is None:
            continue
        ref = f"{column_letter(col)}{number}"
        if isinstance(value, int | float):
            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        else:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def xlsx(path: Path, rows: list[list], *, merges: list[str] = (), sheet_xml: str | None = None) -> Path:
    """A minimal valid workbook (inline strings) with ``rows`` from row 1, or with ``sheet_xml`` as is."""
    if sheet_xml is None:
        body = "".join(row_xml(n, values) for n, values in enumerate(rows, start=1))
        merged = ""
        if merges:
            refs = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
            merged = f'<mergeCells count="{len(merges)}">{refs}</mergeCells>'
        sheet_xml = f"{SHEET_HEAD}<sheetData>{body}</sheetData>{merged}</worksheet>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return path


def xlsx_with_huge_cell(path: Path, rows: list[list], column: int, text_bytes: int) -> Path:
    """Like :func:`xlsx`, then a row named 某公司 whose cell in ``column`` holds ``text_bytes`` of text."""
    body = "".join(row_xml(n, values) for n, values in enumerate(rows, start=1))
    number = len(rows) + 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(f"{SHEET_HEAD}<sheetData>{body}".encode())
            part.write(
                f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>某公司</t></is></c>'.encode()
            )
            part.write(f'<c r="{column_letter(column)}{number}" t="inlineStr"><is><t>'.encode())
            chunk = ("库" * (1 << 18)).encode()  # 768 KB
            written = 0
            while written < text_bytes:
                part.write(chunk)
                written += len(chunk)
            part.write(b"</t></is></c></row></sheetData></worksheet>")
    return path


def broken_xml_xlsx(path: Path, rows: list[list]) -> Path:
    """A workbook whose sheet XML is cut off in the middle of a row (a damaged copy)."""
    body = "".join(row_xml(n, values) for n, values in enumerate(rows, start=1))
    return xlsx(path, [], sheet_xml=f'{SHEET_HEAD}<sheetData>{body}<row r="99"><c r="A99" t="inl')


def database_hash(store) -> str:
    """A hash of everything in the database (schema and rows), to show that nothing changed."""
    digest = hashlib.sha256()
    for line in store.conn.iterdump():
        digest.update(line.encode())
    return digest.hexdigest()


def png_bomb(path: Path, side: int = 40_000) -> Path:
    """A small PNG declaring ``side`` × ``side`` pixels (a decompression bomb past PIL's limit)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit greyscale
    compressor = zlib.compressobj(9)
    row = b"\0" + b"\0" * ((side + 7) // 8)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )
    return path


def alias_bomb(levels: int = 9, width: int = 10) -> str:
    """A small checklist whose nested aliases stand for ``width ** levels`` strings (a billion laughs)."""
    lines = ["format: 1", "id: bomb", "title: 炸弹", "sector: general", 'version: "1"', 'a0: &a0 ["哈"]']
    for n in range(1, levels + 1):
        refs = ", ".join([f"*a{n - 1}"] * width)
        lines.append(f"a{n}: &a{n} [{refs}]")
    lines.append(f"sections: [{{id: S1, title: 炸弹, items: *a{levels}}}]")
    return "\n".join(lines) + "\n"


def many_items_checklist(sections: int, items_per_section: int, tags: int = 1) -> str:
    """A valid-looking checklist with the given numbers of sections, items and tags per item."""
    out = [
        "format: 1",
        "id: big",
        "title: 大检查表",
        "sector: general",
        'version: "1"',
        "effective: 2026-01-01",
    ]
    out += ["sources:", "  - key: aqf", "    title: 中华人民共和国安全生产法", "sections:"]
    tag_list = ", ".join(f"标签{t}" for t in range(tags))
    for s in range(sections):
        out += [f"  - id: S{s}", f"    title: 第{s}部分", "    items:"]
        for i in range(items_per_section):
            out += [
                f"      - id: I{s}-{i}",
                f"        content: 检查内容{s}-{i}",
                "        method: 查看",
                "        basis: [{source: aqf, clause: 第四条}]",
                f"        tags: [{tag_list}]",
            ]
    return "\n".join(out) + "\n"
