import { crc32, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.js";
import { MAX_WORKBOOK_XML_BYTES, parseWorkbook, unpackedSheetBytes } from "../../src/load/workbook.js";

/** A zip holding one deflated entry: small on disk, large unpacked (what a huge workbook looks like). */
function zipWith(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(content), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe("arbetsböcker har en gräns", () => {
  it("en arbetsbok som packas upp till mer än gränsen avvisas utan att läsas, med råd om CSV", async () => {
    const rows = '<row><c t="inlineStr"><is><t>4024</t></is></c></row>'.repeat(500_000);
    const xlsx = zipWith(
      "xl/worksheets/sheet1.xml",
      Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
    );
    expect(xlsx.length).toBeLessThan(1024 * 1024); // small on disk …
    expect(unpackedSheetBytes(xlsx)).toBeGreaterThan(MAX_WORKBOOK_XML_BYTES); // … large unpacked
    const sink = new DiagnosticSink("anmalda-brott.xlsx");
    expect(await parseWorkbook(xlsx, sink)).toBeUndefined();
    expect(sink.items).toEqual([
      expect.objectContaining({
        code: "E_FIL_FOR_STOR",
        message: expect.stringContaining("Spara tabellen som CSV"),
      }),
    ]);
  });
});
