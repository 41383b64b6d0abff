import path from "node:path";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LoadedTable } from "../model/tables.js";
import { decodeText } from "./text-file.js";
import { INPUT_LIMITS, InputFileError, readInputFile } from "./input-file.js";
import { parseDelimited } from "./delimited.js";
import { SAVE_AS_HELP, isOleCompound, isZip, parseWorkbook } from "./workbook.js";

/** Reads a data table from disk: CSV or Unicode text in any accepted encoding, or an .xlsx workbook. */
export async function readTable(
  file: string,
  sink: DiagnosticSink,
  /** The data folder the file must lie in. Default: the file's own folder. */
  root: string = path.dirname(file),
): Promise<LoadedTable | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(file, root, INPUT_LIMITS.table);
  } catch (cause) {
    if (cause instanceof InputFileError) {
      sink.error({ code: cause.code, message: cause.message });
      return undefined;
    }
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "EACCES") {
      sink.error({ code: "E_FIL_SAKNAS", message: "Filen kan inte läsas (behörighet saknas)." });
      return undefined;
    }
    throw cause;
  }
  const isXlsxName = file.toLowerCase().endsWith(".xlsx");
  if (isZip(bytes)) {
    if (!isXlsxName) {
      sink.error({
        code: "E_FEL_FILTYP",
        line: 1,
        message: `Filen är en Excel-arbetsbok men heter inte .xlsx. Ge den ändelsen .xlsx, eller: ${SAVE_AS_HELP}`,
      });
      return undefined;
    }
    const table = await parseWorkbook(bytes, sink);
    return table && { ...table, file, encoding: "xlsx" };
  }
  if (isOleCompound(bytes)) {
    sink.error({
      code: "E_FEL_FILTYP",
      line: 1,
      message: `Filen är en äldre Excel-arbetsbok (.xls, Excel 97–2003), som inte kan läsas. ${SAVE_AS_HELP}`,
    });
    return undefined;
  }
  if (isXlsxName) {
    sink.error({
      code: "E_FEL_FILTYP",
      line: 1,
      message: `Filen heter .xlsx men är ingen Excel-arbetsbok. ${SAVE_AS_HELP}`,
    });
    return undefined;
  }
  const decoded = decodeText(bytes, sink);
  if (!decoded) return undefined;
  const table = parseDelimited(decoded.text, sink);
  return table && { ...table, file, encoding: decoded.encoding };
}
