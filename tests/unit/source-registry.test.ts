import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anmaldaBrott } from "../../src/sources/anmalda-brott.js";
import { REFERENCE_FILES } from "../../src/sources/files.js";
import {
  DATAKALLA_DATASETS,
  KEY_FIGURE_SOURCES,
  SERIES_SOURCES,
  YEAR_FILE_SOURCES,
} from "../../src/sources/registry.js";
import { REPO_DATA } from "../helpers/temp-data.js";

/** Every data file under `data/`, relative to it; the year texts are prose, not a source. */
function dataFiles(dir = REPO_DATA): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "texter" ? [] : dataFiles(full);
    return [path.relative(REPO_DATA, full).split(path.sep).join("/")];
  });
}

describe("registret över källor", () => {
  it("varje datafil i data/ tillhör en källmodul, så att ingen fil läses förbi", () => {
    const years = new Set(
      readdirSync(REPO_DATA)
        .filter((n) => /^\d{4}$/.test(n))
        .map(Number),
    );
    expect(years.size).toBeGreaterThan(0);
    const declared = new Set<string>([
      ...Object.values(REFERENCE_FILES),
      ...Object.values(SERIES_SOURCES).map((s) => s.file),
      ...[...years].flatMap((year) => [
        ...anmaldaBrott.extensions.map((ext) => anmaldaBrott.base(year) + ext),
        ...Object.values(KEY_FIGURE_SOURCES).map((s) => `${year}/${s.file}`),
        ...Object.values(YEAR_FILE_SOURCES).map((s) => s.file(year)),
      ]),
    ]);
    expect(dataFiles().filter((file) => !declared.has(file))).toEqual([]);
  });

  it("ids och filer är unika, och varje diagram har ett eget id", () => {
    const ids = [
      ...Object.values(KEY_FIGURE_SOURCES).map((s) => s.id),
      ...Object.values(YEAR_FILE_SOURCES).map((s) => s.id),
      anmaldaBrott.id,
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const files = [
      ...Object.values(KEY_FIGURE_SOURCES).map((s) => s.file),
      ...Object.values(YEAR_FILE_SOURCES).map((s) => path.basename(s.file(2023))),
      path.basename(anmaldaBrott.file(2023)),
    ];
    expect(new Set(files).size).toBe(files.length);
    const charts = [
      ...Object.values(SERIES_SOURCES).flatMap((s) => s.charts.map((c) => c.id)),
      ...anmaldaBrott.charts.map((c) => c.id),
      ...Object.values(KEY_FIGURE_SOURCES).flatMap((s) => (s.charts ?? []).map((c) => c.id)),
    ];
    expect(new Set(charts).size).toBe(charts.length);
  });

  it("en tabell vars rader saknar källa citeras genom datakallor.csv, och den är Brås tabell", () => {
    expect([...DATAKALLA_DATASETS]).toEqual([[anmaldaBrott.citation.dataset, anmaldaBrott.beskrivning]]);
  });
});
