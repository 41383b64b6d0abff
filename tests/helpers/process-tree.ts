import { readFileSync, readdirSync } from "node:fs";

/** A process as /proc shows it; `started` (clock ticks after boot) tells a reused pid from the original. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  started: string;
  state: string;
  cmdline: string;
}

function read(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
    return { pid, state: fields[0]!, ppid: Number(fields[1]), started: fields[19]!, cmdline };
  } catch {
    return undefined; // gone meanwhile
  }
}

/**
 * Every live descendant of `root` (children, their children …), and nothing else on the machine: tests
 * look only at the processes they started themselves, never at other users' browsers.
 */
export function descendants(root: number): ProcessInfo[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => read(Number(name)))
    .filter((p): p is ProcessInfo => p !== undefined);
  const found: ProcessInfo[] = [];
  let parents = new Set([root]);
  while (parents.size > 0) {
    const children = all.filter((p) => parents.has(p.ppid) && !found.includes(p));
    found.push(...children);
    parents = new Set(children.map((p) => p.pid));
  }
  return found;
}

/** Whether this very process (same pid and start time) still runs; a zombie has stopped running. */
export function isRunning(process: ProcessInfo): boolean {
  const now = read(process.pid);
  return now !== undefined && now.started === process.started && now.state !== "Z";
}

/** The headless browser processes among `root`'s descendants (the browser and its helpers). */
export const browserProcesses = (root: number): ProcessInfo[] =>
  descendants(root).filter((p) => p.cmdline.includes("--headless") || /--type=/.test(p.cmdline));

/** Polls `condition` every 100 ms until it holds; false if `timeoutMs` passes first. */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}
