#!/usr/bin/env python3
"""Test helper: set the number in cells of one sheet of an .xlsx (a zip of XML), so a spreadsheet
that recalculates on load shows what follows from them.
Usage: xlsx_set_cell.py IN OUT SHEETNAME CELL VALUE [CELL VALUE]..."""
import re
import sys
import zipfile

src, dst, sheet_name = sys.argv[1:4]
pairs = sys.argv[4:]
if not pairs or len(pairs) % 2:
    sys.exit("usage: xlsx_set_cell.py IN OUT SHEETNAME CELL VALUE [CELL VALUE]...")
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
        for ref, value in zip(pairs[0::2], pairs[1::2]):
            # a cell with a number, or an empty (styled) input cell
            xml, n = re.subn(r'(<c r="%s"(?: s="\d+")?)(?: t="n")?>(?:<v>[^<]*</v>)?</c>|(<c r="%s"(?: s="\d+")?)/>' % (ref, ref),
                             lambda m: (m.group(1) or m.group(2)) + "><v>%s</v></c>" % value, xml)
            if n != 1:
                sys.exit("cell %s not found in %s" % (ref, sheet_name))
        data = xml.encode()
    zout.writestr(item, data)
zout.close()
