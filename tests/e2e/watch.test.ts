import { appendFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { spawnReport } from "../helpers/cli.js";
import { requirePrerequisites } from "../helpers/prerequisites.js";
import { REPO_DATA, tempDirWith, type TempDir } from "../helpers/temp-data.js";

const ready = requirePrerequisites([]);

describe.skipIf(!ready)("report build --watch", () => {
  let temp: TempDir;
  afterEach(() => temp?.cleanup());

  it("bygger om när en årstext och sedan en siffra ändras, och avslutas med Ctrl-C", async () => {
    temp = tempDirWith({});
    const data = path.join(temp.dir, "data");
    const out = path.join(temp.dir, "out");
    cpSync(REPO_DATA, data, { recursive: true });
    const child = spawnReport(["build", "2024", "--watch", "--data", data, "--out", out]);
    let stdout = "";
    const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`väntade på ${pattern}; fick:\n${stdout}`)),
          timeoutMs,
        );
        const check = () => {
          if (pattern.test(stdout)) {
            clearTimeout(timer);
            child.stdout.off("data", check);
            resolve();
          }
        };
        child.stdout.on("data", check);
        check();
      });
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));

    await waitFor(/Bevakar/);
    appendFileSync(path.join(data, "2023/texter/forslag.md"), "\nEn ny mening som redaktören just skrev.\n");
    await waitFor(/Ändrat: .*forslag\.md; bygger om …[\s\S]*rapport\.pdf\n/);
    expect(readFileSync(path.join(out, "2024/kapitel/05-forslag-till-atgarder.md"), "utf8")).toContain(
      "En ny mening som redaktören just skrev.",
    );

    // The warm process reused the figures for the year text; a changed count must be read anew.
    const table = path.join(data, "2023/anmalda-brott.csv");
    const total = () =>
      JSON.parse(readFileSync(path.join(out, "2024/siffror.json"), "utf8")).anmaldaBrott.summa.totalt;
    const before = total();
    writeFileSync(
      table,
      readFileSync(table, "utf8").replace(";39;30;43;835;357;134;75;1 513", ";39;30;43;935;357;134;75;1 613"),
    );
    await waitFor(/Ändrat: .*anmalda-brott\.csv; bygger om …[\s\S]*rapport\.pdf\n/);
    expect(total()).toBe(before + 100);

    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
