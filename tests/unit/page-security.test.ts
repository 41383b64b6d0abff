import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  cssString,
  withContentSecurityPolicy,
} from "../../src/model/page-security.js";

describe("värden i CSS-strängar", () => {
  it("kan aldrig avsluta strängen, regeln eller <style>", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        // Once every hex escape is taken out, no character that could end anything is left.
        const rest = cssString(value).replace(/\\[0-9A-F]{1,6} /g, "");
        expect(rest).not.toMatch(/["'\\<>{};\n\r]/u);
      }),
    );
  });
  it("låter bokstäver, siffror och vanlig interpunktion stå", () => {
    expect(cssString("Öppen – 2024 (utkast)")).toBe("Öppen – 2024 (utkast)");
    expect(cssString('"}</style>')).toBe("\\22 \\7D \\3C \\2F style\\3E ");
  });
});

describe("sidans säkerhetspolicy", () => {
  it("förbjuder skript och anslutningar, och släpper in bara skript med sin hash", () => {
    expect(contentSecurityPolicy()).toMatch(/^default-src 'none'; script-src 'none';.*connect-src 'none'/);
    const page = withContentSecurityPolicy("<html><head><title>x</title></head></html>", ["a()"]);
    const printCopy = withContentSecurityPolicy(page, ["b()"]);
    expect(printCopy.match(/'sha256-[^']+'/g)).toHaveLength(2);
    expect(printCopy.match(/Content-Security-Policy/g)).toHaveLength(1);
  });
});

describe("en sida utan eget <head>", () => {
  it("får policyn efter doctype", () => {
    const page = withContentSecurityPolicy("<!doctype html><html><body>x</body></html>");
    expect(page).toMatch(/^<!doctype html><meta http-equiv="Content-Security-Policy"/);
  });
});
