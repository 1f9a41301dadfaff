// A server process and every process below it, read from /proc: what the reliability suites measure
// (CPU time, resident memory) is the whole tree, as a server's workers count too.
import fs from "node:fs";

type ProcessEntry = { pid: number; ppid: number; cpuMs: number; rssKb: number };

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

function processTree(rootPid: number): ProcessEntry[] {
  const entries = fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid): ProcessEntry[] => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return [
          {
            pid: Number(pid),
            ppid: Number(fields[1]),
            cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
            rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
          },
        ];
      } catch {
        return [];
      }
    });
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const entry of entries)
      if (!tree.has(entry.pid) && tree.has(entry.ppid)) {
        tree.add(entry.pid);
        grew = true;
      }
  }
  return entries.filter((entry) => tree.has(entry.pid));
}

/** CPU time (user + system, ms) of a process and every process below it. */
export function treeCpuMs(rootPid: number): number {
  return processTree(rootPid).reduce((sum, entry) => sum + entry.cpuMs, 0);
}

/** Resident memory (MB) of a process and every process below it. */
export function treeRssMb(rootPid: number): number {
  return Math.round(processTree(rootPid).reduce((sum, entry) => sum + entry.rssKb, 0) / 1024);
}
