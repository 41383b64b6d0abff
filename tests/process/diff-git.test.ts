import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { REPO_DATA, REPO_ROOT, tempDirWith, type TempDir } from "../helpers/temp-data.js";

// git and two renders of the whole report: a process test, with the tier's generous timeout.
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
