/**
 * How much of the machine other work took while the benchmarks ran. Ratios to a baseline
 * cancel a machine that is steadily slower, not work that comes and goes during the run (a
 * test suite started in another terminal), so the reporter says when that happened.
 *
 * Linux only (/proc); elsewhere it answers null. The benchmarks' own CPU time is that of the
 * reporting process and everything it started (Playwright's workers, the browsers, the preview
 * server), counted with their reaped children; the rest of the machine's busy time is others'.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

export interface CpuSnapshot {
  at: number;
  /** Busy clock ticks of all CPUs (user, nice, system, irq, softirq, steal). */
  busyTicks: number;
  /** Clock ticks used by this process and its descendants, alive or reaped. */
  ownTicks: number;
}

/** A snapshot now, or null where /proc cannot be read. */
export function cpuSnapshot(): CpuSnapshot | null {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
    return { at: Date.now(), busyTicks: user + nice + system + irq + softirq + steal, ownTicks: treeTicks(process.pid) };
  } catch {
    return null;
  }
}

/** The share (0–1) of the machine's CPU capacity that other work used between two snapshots. */
export function othersShare(from: CpuSnapshot, to: CpuSnapshot): number {
  const ticksPerSecond = clockTicks();
  const capacity = ((to.at - from.at) / 1000) * ticksPerSecond * os.cpus().length;
  if (capacity <= 0) return 0;
  const others = to.busyTicks - from.busyTicks - (to.ownTicks - from.ownTicks);
  return Math.max(0, Math.min(1, others / capacity));
}

function treeTicks(root: number): number {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // After "pid (comm) ": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const pid = Number(entry);
    ticks.set(pid, Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    const siblings = children.get(ppid) ?? [];
    siblings.push(pid);
    children.set(ppid, siblings);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += ticks.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const answer = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim());
    ticksPerSecond = Number.isFinite(answer) && answer > 0 ? answer : 100;
  }
  return ticksPerSecond;
}
