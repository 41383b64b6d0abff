import { execFileSync } from "node:child_process";

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type Dict = Record<string, Value>;

/** The PDF's objects as qpdf reads them (qpdf's own parser, independent of the code that wrote them). */
export class PdfObjects {
  readonly objects: Record<string, { value?: Value; stream?: { dict: Dict; data?: string } }>;
  constructor(file: string) {
    const json = JSON.parse(
      execFileSync(
        "qpdf",
        ["--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", file],
        {
          maxBuffer: 256 * 1024 * 1024,
        },
      ).toString(),
    );
    this.objects = json.qpdf[1];
  }
  /** Follows "N 0 R" to the object's dictionary (or a stream's dictionary). */
  resolve(value: Value | undefined): Value | undefined {
    if (typeof value === "string" && /^\d+ \d+ R$/.test(value)) {
      const object = this.objects[`obj:${value}`];
      return object?.value ?? object?.stream?.dict;
    }
    return value;
  }
  dict(value: Value | undefined): Dict {
    const resolved = this.resolve(value);
    return resolved && typeof resolved === "object" && !Array.isArray(resolved) ? resolved : {};
  }
  streamText(ref: Value | undefined): string {
    const data = this.objects[`obj:${String(ref)}`]?.stream?.data;
    return data ? Buffer.from(data, "base64").toString("utf8") : "";
  }
  get trailer(): Dict {
    return this.objects.trailer!.value as Dict;
  }
  get catalog(): Dict {
    return this.dict(this.trailer["/Root"]);
  }
}

/** A text value as qpdf writes it ("u:…" for text strings). */
export const text = (value: Value | undefined) =>
  typeof value === "string" ? value.replace(/^[ub]:/, "") : "";

export interface StructElement {
  ref: string;
  role: string;
  dict: Dict;
  kids: StructElement[];
  parent?: StructElement;
}

/** The structure tree, elements only (marked-content and object references are left out). */
export function structureTree(pdf: PdfObjects): StructElement[] {
  const root = pdf.dict(pdf.catalog["/StructTreeRoot"]);
  const seen = new Set<string>();
  const build = (value: Value | undefined, parent?: StructElement): StructElement[] => {
    if (Array.isArray(value)) return value.flatMap((v) => build(v, parent));
    if (typeof value !== "string" || !/ R$/.test(value) || seen.has(value)) return [];
    seen.add(value);
    const dict = pdf.dict(value);
    if (typeof dict["/S"] !== "string") return [];
    const element: StructElement = { ref: value, role: dict["/S"].slice(1), dict, kids: [], parent };
    element.kids = build(dict["/K"], element);
    return [element];
  };
  return build(root["/K"]);
}

export function* allElements(elements: StructElement[]): Generator<StructElement> {
  for (const element of elements) {
    yield element;
    yield* allElements(element.kids);
  }
}
