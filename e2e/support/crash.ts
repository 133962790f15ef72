/**
 * Crashing the browser on purpose: Chromium launched with a profile of our own (so the library
 * in IndexedDB outlives the process), killed with SIGKILL — no unload, no flush, as a power cut
 * or the OS killing the app — and launched again on the same profile.
 *
 * The kill is found by the profile, not through Playwright (a persistent context has no
 * `browser().process()`): every process whose command line names the profile directory is
 * ours, the browser's is the one without `--type=`, and since Playwright starts it detached it
 * leads its own process group, which is killed whole (renderers, GPU and utility processes).
 *
 * A kill switch can be armed in the page to land at an exact point of a transaction: after the
 * nth write to one store (the transaction then kept open with reads, so it cannot commit before
 * the kill arrives), or as soon as it has committed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, test, type BrowserContext } from '@playwright/test';

/** Launches Chromium on a persistent profile, with the project's base URL, viewport and flags. */
export async function launchProfile(userDataDir: string): Promise<BrowserContext> {
  const use = test.info().project.use;
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: use.launchOptions?.args ?? ['--no-sandbox'],
    ...(use.baseURL ? { baseURL: use.baseURL } : {}),
    viewport: use.viewport ?? { width: 1440, height: 900 },
  });
}

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/** Process state and group from /proc/<pid>/stat (after the parenthesised name). */
function stat(pid: number): { state: string; group: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, group: Number(fields[2]) };
  } catch {
    return null;
  }
}

/** Live (not zombie) processes whose command line names the profile directory. */
export function profileProcesses(userDataDir: string): { pid: number; browser: boolean }[] {
  const out: { pid: number; browser: boolean }[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const args = commandLine(pid);
    if (!args.some((a) => a.includes(userDataDir))) continue;
    const s = stat(pid);
    if (!s || s.state === 'Z' || s.state === 'X') continue;
    out.push({ pid, browser: !args.some((a) => a.startsWith('--type=')) });
  }
  return out;
}

/**
 * SIGKILLs the browser running on this profile: its process group, then any process of the
 * profile still standing. Answers the browser's pid.
 */
export function killBrowser(userDataDir: string): number {
  const processes = profileProcesses(userDataDir);
  const browser = processes.find((p) => p.browser);
  if (!browser) throw new Error(`No browser is running on ${userDataDir}`);
  const ownGroup = stat(process.pid)?.group;
  const group = stat(browser.pid)?.group;
  // Never our own group: that would kill the test runner.
  if (group && group !== ownGroup) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const { pid } of processes) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return browser.pid;
}

/** Waits until no process of the profile is alive, and Playwright has seen the browser go. */
export async function waitForDeath(userDataDir: string, closed: Promise<unknown>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (profileProcesses(userDataDir).length > 0) {
    if (Date.now() > deadline) throw new Error('The killed browser is still running');
    await new Promise((r) => setTimeout(r, 50));
  }
  await Promise.race([closed, new Promise((r) => setTimeout(r, 5_000))]);
}

/** Where in a transaction the kill lands. */
export interface KillPoint {
  /** The transaction: a readwrite one over (at least) all these stores, begun after arming. */
  stores: string[];
  /** After the nth write (add or put) to `store` in it, or once it has committed. */
  at: { store: string; write: number } | 'committed';
}

/**
 * Installs the kill switch in every page of the context (disarmed); `armKill` arms it. When it
 * fires, the browser is killed from here.
 */
export async function installKillSwitch(context: BrowserContext, userDataDir: string, point: KillPoint): Promise<{ fired: Promise<void> }> {
  let resolveFired!: () => void;
  const fired = new Promise<void>((resolve) => (resolveFired = resolve));
  await context.exposeBinding('__e2eKill', () => {
    killBrowser(userDataDir);
    resolveFired();
  });
  await context.addInitScript((p: KillPoint) => {
    const w = window as unknown as { __e2eArmed?: boolean; __e2eKill: () => void };
    const marked = new WeakSet<IDBTransaction>();
    let writes = 0;
    let done = false;
    const fire = (): void => {
      if (done) return;
      done = true;
      w.__e2eKill();
    };
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
      const tx = transaction.call(this, names, mode, options);
      const list = typeof names === 'string' ? [names] : [...names];
      if (w.__e2eArmed && mode === 'readwrite' && p.stores.every((s) => list.includes(s))) {
        marked.add(tx);
        if (p.at === 'committed') tx.addEventListener('complete', fire);
      }
      return tx;
    } as typeof IDBDatabase.prototype.transaction;
    const at = p.at;
    if (at === 'committed') return;
    for (const method of ['add', 'put'] as const) {
      const write = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
      (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        const request = write.apply(this, args);
        if (!done && marked.has(this.transaction) && this.name === at.store && ++writes === at.write) {
          fire();
          // Keep the transaction busy so it cannot commit before the kill lands.
          const store = this;
          const keepOpen = (): void => {
            const read = store.count();
            read.onsuccess = keepOpen;
          };
          keepOpen();
        }
        return request;
      };
    }
  }, point);
  return { fired };
}

/** Arms the kill switch in a page: the next matching transaction is the one killed. */
export async function armKill(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __e2eArmed?: boolean }).__e2eArmed = true;
  });
}

/** What the library holds, read straight from IndexedDB, without the app running (it would tidy up at start). */
export interface LibrarySnapshot {
  documents: string[];
  transcriptions: string[];
  revisions: string[];
  annotations: string[];
  scans: { id: string; documentId: string; sourceName: string; pageNumber: number; order: number }[];
  stagedScans: { id: string; importId: string; pageNumber: number }[];
}

export async function inspectLibrary(context: BrowserContext): Promise<LibrarySnapshot> {
  const page = await context.newPage();
  // The page of the app's origin, with every script and style refused: the app does not start.
  await page.route('**/*', (route) => (route.request().resourceType() === 'document' ? route.continue() : route.abort()));
  await page.goto('/');
  const snapshot = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('marginalia');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (name: string): Promise<unknown[]> =>
      new Promise((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    const keys = (name: string): Promise<string[]> =>
      new Promise((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAllKeys();
        request.onsuccess = () => resolve((request.result as IDBValidKey[]).map(String).sort());
        request.onerror = () => reject(request.error);
      });
    type Scan = { id: string; documentId: string; sourceName: string; pageNumber: number; order: number; importId: string };
    const result = {
      documents: await keys('documents'),
      transcriptions: await keys('transcriptions'),
      revisions: await keys('revisions'),
      annotations: await keys('annotations'),
      scans: ((await all('scans')) as Scan[]).map(({ id, documentId, sourceName, pageNumber, order }) => ({ id, documentId, sourceName, pageNumber, order })),
      stagedScans: ((await all('stagedScans')) as Scan[]).map(({ id, importId, pageNumber }) => ({ id, importId, pageNumber })),
    };
    db.close();
    return result;
  });
  await page.close();
  return snapshot;
}
