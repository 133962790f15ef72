/**
 * What a page holds in memory, read after a forced garbage collection: the window's JavaScript
 * heap and DOM (Chrome DevTools Protocol), and the resident memory of the whole Chromium process
 * tree (browser, renderers, GPU and utility processes), read from /proc.
 */
import fs from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

export interface MemorySnapshot {
  /** `JSHeapUsedSize` of the page's main thread (workers not included), in bytes. */
  jsHeapUsedBytes: number;
  /** `Nodes` from `Performance.getMetrics`: DOM nodes alive in the renderer, attached or not. */
  domNodes: number;
  /** Elements in the page's document (what is attached). */
  documentElements: number;
  /** Sum of VmRSS over the Chromium process tree, in bytes (shared pages counted once per process). */
  processTreeRssBytes: number;
  /** Sum of Pss over the Chromium process tree, in bytes (shared pages divided among their sharers), or null where /proc does not say. */
  processTreePssBytes: number | null;
  /** How many processes the tree had. */
  processCount: number;
  /** RSS by Chromium process type ("browser", "renderer", "gpu-process", "utility", …), in bytes. */
  rssByType: Record<string, number>;
}

/** A CDP session on the page with the Performance domain enabled. */
export async function memorySession(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return session;
}

/** Collects garbage (twice: the first pass can free what keeps more alive), then lets the page settle. */
export async function collectGarbage(page: Page, session: CDPSession): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await session.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(250);
  }
}

/** Forces garbage collection, then measures. */
export async function measureMemory(page: Page, session: CDPSession): Promise<MemorySnapshot> {
  await collectGarbage(page, session);
  const { metrics } = await session.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const documentElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const tree = processTreeMemory(process.pid);
  return {
    jsHeapUsedBytes: metric('JSHeapUsedSize'),
    domNodes: metric('Nodes'),
    documentElements,
    processTreeRssBytes: tree.rssBytes,
    processTreePssBytes: tree.pssBytes,
    processCount: tree.pids.length,
    rssByType: tree.rssByType,
  };
}

/**
 * The memory of every process descended from `rootPid`. Playwright's test worker launches the
 * browser itself, so from the worker (`process.pid`) its descendants are exactly the browser's
 * processes (and nothing else the worker starts, which is nothing).
 */
export function processTreeMemory(rootPid: number): { pids: number[]; rssBytes: number; pssBytes: number | null; rssByType: Record<string, number> } {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    if (!stat) continue;
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const close = stat.lastIndexOf(')');
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    const pid = Number(entry);
    const siblings = children.get(ppid) ?? [];
    siblings.push(pid);
    children.set(ppid, siblings);
  }
  const pids: number[] = [];
  const stack = [...(children.get(rootPid) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    pids.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  let rss = 0;
  let pss = 0;
  let pssKnown = true;
  const rssByType: Record<string, number> = {};
  for (const pid of pids) {
    const processRss = (kilobytes(readProc(`/proc/${pid}/status`), 'VmRSS') ?? 0) * 1024;
    rss += processRss;
    const type = chromiumProcessType(readProc(`/proc/${pid}/cmdline`));
    rssByType[type] = (rssByType[type] ?? 0) + processRss;
    const p = kilobytes(readProc(`/proc/${pid}/smaps_rollup`), 'Pss');
    if (p === null) pssKnown = false;
    else pss += p;
  }
  return { pids, rssBytes: rss, pssBytes: pssKnown ? pss * 1024 : null, rssByType };
}

/** A Chromium process's `--type=` ("renderer", "gpu-process", …), "browser" for the main one, "other" for anything else. */
function chromiumProcessType(cmdline: string | null): string {
  if (!cmdline) return 'other';
  // Chromium rewrites its child processes' command lines into one space-separated string.
  const type = /(?:^|[\s\0])--type=([^\s\0]+)/.exec(cmdline)?.[1];
  if (type) {
    const utility = /(?:^|[\s\0])--utility-sub-type=([^\s\0]+)/.exec(cmdline)?.[1];
    return utility ? `${type} (${utility.split('.').slice(-2).join('.')})` : type;
  }
  return /chrom/i.test(cmdline.split(/[\s\0]/)[0] ?? '') ? 'browser' : 'other';
}

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null; // the process ended meanwhile, or is not ours to read
  }
}

function kilobytes(text: string | null, field: string): number | null {
  if (!text) return null;
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) : null;
}

/** Bytes as mebibytes, for printing. */
export function mebibytes(bytes: number): number {
  return bytes / 2 ** 20;
}
