import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compareVersions, flatten } from "../../src/diff/compare.js";
import { runCli } from "../helpers/cli.js";
import { REPO_DATA, REPO_ROOT, tempDirWith, type TempDir } from "../helpers/temp-data.js";

describe("compareVersions", () => {
  it("matchar rader på brottskod, inte på plats i listan", () => {
    const a = {
      siffror: {
        rader: [
          { brottskod: "0418", totalt: 9 },
          { brottskod: "4024", totalt: 1513 },
        ],
      },
      kapitel: new Map(),
    };
    const b = {
      siffror: {
        rader: [
          { brottskod: "4024", totalt: 1520 },
          { brottskod: "0418", totalt: 9 },
        ],
      },
      kapitel: new Map(),
    };
    expect(compareVersions(a, b).siffror).toEqual([
      { sokvag: "rader[4024].totalt", fore: 1513, efter: 1520 },
    ]);
  });

  it("ger ord för ord vad som tagits bort och lagts till i ett kapitel", () => {
    const a = { siffror: {}, kapitel: new Map([["01.md", "Under året anmäldes 101 brott."]]) };
    const b = {
      siffror: {},
      kapitel: new Map([
        ["01.md", "Under året anmäldes 110 brott."],
        ["02.md", "Nytt."],
      ]),
    };
    const diff = compareVersions(a, b);
    expect(diff.identisk).toBe(false);
    expect(diff.kapitel[0]?.delar.filter((d) => d.typ !== "lika")).toEqual([
      { typ: "borttaget", text: "101" },
      { typ: "tillagt", text: "110" },
    ]);
    expect(diff.kapitel[1]).toMatchObject({ kapitel: "02.md", status: "tillagt" });
  });

  it("plattar ut JSON till läsbara sökvägar", () => {
    expect([...flatten({ a: { b: [1, 2] }, c: [{ id: "x", v: 1 }] })]).toEqual([
      ["a.b", [1, 2]],
      ["c[x].id", "x"],
      ["c[x].v", 1],
    ]);
  });
});

describe("report diff mellan två git-revisioner", () => {
  let repo: TempDir;
  afterEach(() => repo?.cleanup());

  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", ...args], {
      cwd: repo.dir,
      stdio: "pipe",
    });

  it("bygger båda i tillfälliga mappar och visar ändrade siffror och text, utan att röra arbetsträdet", async () => {
    repo = tempDirWith({});
    cpSync(REPO_DATA, path.join(repo.dir, "data"), { recursive: true });
    cpSync(path.join(REPO_ROOT, "templates"), path.join(repo.dir, "templates"), { recursive: true });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "första");
    const table = path.join(repo.dir, "data/2023/anmalda-brott.csv");
    writeFileSync(
      table,
      readFileSync(table, "utf8").replace(";39;30;43;835;357;134;75;1 513", ";39;30;43;840;357;134;75;1 518"),
    );
    const chapter = path.join(repo.dir, "templates/kapitel/02-uppdraget.md.hbs");
    writeFileSync(
      chapter,
      readFileSync(chapter, "utf8").replace(
        "nationell rapportör om människohandel",
        "nationell rapportör för människohandel",
      ),
    );
    git("commit", "-q", "-am", "andra");
    writeFileSync(path.join(repo.dir, "oincheckad.txt"), "får inte röras");
    const statusBefore = git("status", "--porcelain").toString();

    const cwd = process.cwd();
    process.chdir(repo.dir);
    try {
      const changed = await runCli("diff", "HEAD~1", "HEAD", "--year", "2024");
      expect(changed.code).toBe(1);
      expect(changed.stdout).toContain("anmaldaBrott.rader[4024].totalt: 1513 → 1518");
      expect(changed.stdout).toContain("anmaldaBrott.summa.totalt: 2175 → 2180");
      expect(changed.stdout).toMatch(/02-uppdraget\.md \(ändrat\)\n.*\[-om-\]\{\+för\+\}/);

      const json = await runCli("diff", "HEAD~1", "HEAD", "--year", "2024", "--format", "json");
      expect(JSON.parse(json.stdout)).toMatchObject({
        identisk: false,
        siffror: expect.arrayContaining([{ sokvag: "anmaldaBrott.summa.totalt", fore: 2175, efter: 2180 }]),
      });

      const html = path.join(repo.dir, "andringar.html");
      expect(
        (await runCli("diff", "HEAD~1", "HEAD", "--year", "2024", "--format", "html", "--till", html)).code,
      ).toBe(1);
      const page = readFileSync(html, "utf8");
      expect(page).toContain("<del>om</del><ins>för</ins>");
      expect(page).not.toMatch(/https?:\/\//);

      const same = await runCli("diff", "HEAD", "HEAD", "--year", "2024");
      expect(same.code).toBe(0);
      expect(same.stdout).toContain("Inga skillnader");

      const bad = await runCli("diff", "finnsinte", "HEAD", "--year", "2024");
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('"finnsinte" är ingen revision');
    } finally {
      process.chdir(cwd);
    }
    expect(git("status", "--porcelain").toString()).toBe(
      statusBefore.replace("?? oincheckad.txt\n", "?? andringar.html\n?? oincheckad.txt\n"),
    );
  });
});
