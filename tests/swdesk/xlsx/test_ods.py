"""Merged ranges of an .ods read from content.xml: repeated rows and cells counted, covered cells
skipped, several sheets, no parsing when nothing is merged, a damaged file refused in Chinese."""
from __future__ import annotations

import zipfile

import pytest

from swdesk.errors import UserError
from swdesk.xlsx import ods, table

HEAD = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet>')
TAIL = "</office:spreadsheet></office:body></office:document-content>"


def cell(text="", **attributes):
    extra = "".join(f' table:{k.replace("_", "-")}="{v}"' for k, v in attributes.items())
    body = f"<text:p>{text}</text:p>" if text else ""
    return f'<table:table-cell office:value-type="string"{extra}>{body}</table:table-cell>' if text \
        else f"<table:table-cell{extra}/>"


def write_ods(path, content):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml",
                         '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                         'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                         '<manifest:file-entry manifest:full-path="/" '
                         'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                         '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                         '</manifest:manifest>')
        archive.writestr("content.xml", content)
    return path


def test_ranges_count_repeated_rows_and_cells(tmp_path):
    covered = "<table:covered-table-cell/>"
    content = (HEAD + '<table:table table:name="说明"><table:table-row>' + cell("见第二页") + "</table:table-row>"
               "</table:table>"
               '<table:table table:name="花名册">'
               "<table:table-row>" + cell("姓名") + cell("社区") + cell("领域") + "</table:table-row>"
               '<table:table-row table:number-rows-repeated="2">' + cell(number_columns_repeated=3)
               + "</table:table-row>"
               "<table:table-row>" + cell("张三") + cell("新华社区", number_rows_spanned=3)
               + cell("企业", number_columns_spanned=2) + covered + "</table:table-row>"
               '<table:table-row table:number-rows-repeated="2">' + cell("李四") + covered + cell("x")
               + "</table:table-row>"
               + "</table:table>" + TAIL)
    path = write_ods(tmp_path / "r.ods", content)
    assert ods.merged_ranges(path) == {"花名册": [(3, 1, 5, 1), (3, 2, 3, 3)]}
    plain = write_ods(tmp_path / "plain.ods", HEAD + '<table:table table:name="a"><table:table-row>' + cell("1")
                      + "</table:table-row></table:table>" + TAIL)
    assert ods.merged_ranges(plain) == {}


def test_a_cut_off_content_xml_is_refused_before_calamine_reads_it(tmp_path):
    """python-calamine 0.9.1 spins for ever on this file; it must never be handed to it."""
    path = write_ods(tmp_path / "bad.ods", HEAD + '<table:table table:name="a"><table:table-row>'
                     + cell("1", number_rows_spanned=2) + "</table:table-row>")
    with pytest.raises(UserError, match="ods 文件的内容已损坏或不完整"):
        table.open_table(path)
