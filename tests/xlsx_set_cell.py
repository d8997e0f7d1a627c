#!/usr/bin/env python3
"""Test helper: set the number in one cell of one sheet of an .xlsx (a zip of XML) and drop its
cached values, so a spreadsheet must recalculate. Usage: xlsx_set_cell.py IN OUT SHEETNAME CELL VALUE"""
import re
import sys
import zipfile

src, dst, sheet_name, ref, value = sys.argv[1:6]
zin = zipfile.ZipFile(src)
wb = zin.read("xl/workbook.xml").decode()
rels = zin.read("xl/_rels/workbook.xml.rels").decode()
rid = re.search(r'<sheet name="%s" sheetId="\d+" r:id="(rId\d+)"' % re.escape(sheet_name), wb).group(1)
target = "xl/" + re.search(r'Id="%s" Type="[^"]+" Target="([^"]+)"' % rid, rels).group(1)
zout = zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED)
for item in zin.infolist():
    data = zin.read(item.filename)
    if item.filename == target:
        xml = data.decode()
        xml, n = re.subn(r'(<c r="%s"[^>]*>)<v>[^<]*</v>' % ref, r"\g<1><v>%s</v>" % value, xml)
        if n != 1:
            sys.exit("cell %s not found in %s" % (ref, sheet_name))
        data = xml.encode()
    zout.writestr(item, data)
zout.close()
