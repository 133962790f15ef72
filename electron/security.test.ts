/**
 * The Electron security checklist, checked.
 *
 * Two halves. The first checks the pure modules that build the configuration
 * (window-options.ts, session-policy.ts, trusted-ipc.ts, shared/content-security-policy.ts).
 * The second runs main.ts itself against a fake `electron` module that records what the main
 * process asks of Electron — the privileged scheme, the sandbox switch, the window options,
 * the session handlers, the protocol handler, the webContents guards and every IPC
 * registration — and checks that it installs those pieces and that each IPC channel refuses a
 * message from anywhere but our app's main frame. A third, static part reads the sources of
 * the main process so that a new `ipcMain.handle` or `shell.openExternal` cannot bypass all
 * of this unnoticed.
 *
 * docs/security.md lists every checklist item and the test below that checks it. Each test
 * fails when its item regresses (for example `sandbox: false` in window-options.ts).
 */
import type { BrowserWindowConstructorOptions, CustomScheme, WebPreferences } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC } from '../shared/bridge';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from './app-origin';
import { PERSISTENT_STORAGE_PERMISSION } from './permissions';
import {
  APP_SCHEME_PRIVILEGES,
  applySessionPolicy,
  guardWebContents,
  openInSystemBrowser,
  SECURITY_HEADERS,
  type GuardedContents,
  type PolicySession,
} from './session-policy';
import { handleTrusted, onTrusted, type IpcRegistry } from './trusted-ipc';
import { newMainWindow, PRELOAD_FILE_NAME, preloadPathFor } from './window-options';

const electronDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(electronDir, '..');

// ---------------------------------------------------------------------------------------------
// Shared expectations: used for the pure modules and again for what main.ts actually installs.

/**
 * Every key a window's webPreferences may carry, each reviewed. A key not listed here (say
 * `additionalArguments`, `partition` or `enableBlinkFeatures`) fails the test until it has
 * been reviewed and added, with its check below.
 */
const REVIEWED_WEB_PREFERENCES = new Set<string>([
  'preload',
  'contextIsolation',
  'sandbox',
  'nodeIntegration',
  'nodeIntegrationInWorker',
  'nodeIntegrationInSubFrames',
  'webSecurity',
  'allowRunningInsecureContent',
  'experimentalFeatures',
  'webviewTag',
  'navigateOnDragDrop',
  'safeDialogs',
  'disableBlinkFeatures',
]);

/** The checklist items that live in webPreferences; `bundleDir` is where the preload must be. */
function expectSecureWebPreferences(webPreferences: WebPreferences | undefined, bundleDir: string): void {
  expect(webPreferences, 'webPreferences are set').toBeDefined();
  const prefs = webPreferences as WebPreferences;
  expect(prefs.contextIsolation, 'contextIsolation').toBe(true);
  expect(prefs.sandbox, 'sandbox').toBe(true);
  expect(prefs.nodeIntegration, 'nodeIntegration').toBe(false);
  expect(prefs.nodeIntegrationInWorker, 'nodeIntegrationInWorker').toBe(false);
  expect(prefs.nodeIntegrationInSubFrames, 'nodeIntegrationInSubFrames').toBe(false);
  expect(prefs.webSecurity, 'webSecurity is not disabled').not.toBe(false);
  expect(prefs.allowRunningInsecureContent, 'allowRunningInsecureContent').toBe(false);
  expect(prefs.experimentalFeatures ?? false, 'experimentalFeatures').toBe(false);
  expect(prefs, 'no enableBlinkFeatures').not.toHaveProperty('enableBlinkFeatures');
  expect(prefs.webviewTag ?? false, 'webviewTag').toBe(false);
  expect(prefs.navigateOnDragDrop ?? false, 'navigateOnDragDrop').toBe(false);
  expect(prefs.disableBlinkFeatures?.split(',').map((feature) => feature.trim()), 'Auxclick disabled').toContain('Auxclick');
  for (const key of Object.keys(prefs)) {
    expect(REVIEWED_WEB_PREFERENCES.has(key), `webPreferences.${key} has not been reviewed`).toBe(true);
  }

  // The preload: an absolute path to the bundled preload beside the main bundle, inside the app.
  const preload = prefs.preload;
  expect(typeof preload).toBe('string');
  expect(path.isAbsolute(preload as string), 'preload path is absolute').toBe(true);
  expect(preload).toBe(path.join(bundleDir, PRELOAD_FILE_NAME));
  const relative = path.relative(projectRoot, preload as string);
  expect(relative.startsWith('..') || path.isAbsolute(relative), `preload ${preload} is inside the app`).toBe(false);
}

/** A CSP header parsed into directive name → source list. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * The scheme registration: standard and secure (a real origin, a secure context), and nothing
 * that would weaken the CSP or let other origins read our files.
 */
function expectAppSchemeRegistration(schemes: readonly CustomScheme[]): void {
  const ours = schemes.filter((scheme) => scheme.scheme === APP_SCHEME);
  expect(ours).toHaveLength(1);
  const privileges = ours[0]?.privileges ?? {};
  expect(privileges.standard, 'standard').toBe(true);
  expect(privileges.secure, 'secure').toBe(true);
  expect(privileges.bypassCSP ?? false, 'bypassCSP').toBe(false);
  expect(privileges.corsEnabled ?? false, 'corsEnabled').toBe(false);
  expect(privileges.allowServiceWorkers ?? false, 'allowServiceWorkers').toBe(false);
}

interface RecordedContents {
  readonly contents: GuardedContents;
  readonly listeners: Map<string, Array<(...args: unknown[]) => void>>;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null;
}

/** A stand-in webContents that records the listeners and the window-open handler put on it. */
function recordingContents(): RecordedContents {
  const listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  const recorded: RecordedContents = {
    listeners,
    windowOpenHandler: null,
    contents: {
      on(event: string, listener: (...args: unknown[]) => void) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return this;
      },
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        recorded.windowOpenHandler = handler;
      },
    } as unknown as GuardedContents,
  };
  return recorded;
}

/** Fires a navigation-style event at every listener; returns whether any prevented it. */
function fire(recorded: RecordedContents, eventName: string, url: string): boolean {
  const listeners = recorded.listeners.get(eventName) ?? [];
  expect(listeners.length, `a ${eventName} listener is installed`).toBeGreaterThan(0);
  let prevented = false;
  const event = { url, preventDefault: () => (prevented = true) };
  for (const listener of listeners) listener(event, url);
  return prevented;
}

const FOREIGN_URLS = [
  'https://example.org/',
  'http://example.org/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://marginalia.evil.example/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'chrome://settings',
];

/**
 * Navigation and new windows: a guarded webContents stays on our origin, embeds no webview,
 * opens no window, and sends http(s) links (only those, validated) to `openExternal`.
 */
async function expectGuarded(recorded: RecordedContents, openedSinceStart: () => string[]): Promise<void> {
  for (const eventName of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    expect(fire(recorded, eventName, `${APP_ORIGIN}/index.html#sheet-2`), `${eventName} within the app`).toBe(false);
    for (const url of FOREIGN_URLS) expect(fire(recorded, eventName, url), `${eventName} to ${url}`).toBe(true);
  }
  expect(fire(recorded, 'will-attach-webview', 'https://example.org/'), 'will-attach-webview').toBe(true);

  const handler = recorded.windowOpenHandler;
  expect(handler, 'a window-open handler is installed').not.toBeNull();
  for (const url of [...FOREIGN_URLS, APP_ENTRY_URL, 'https://user:secret@example.org/', 'https://example.org/page?q=1']) {
    expect(handler?.({ url }), `window.open(${url})`).toEqual({ action: 'deny' });
  }
  await flushPromises();
  // Only the valid web links went out, parsed and re-serialised; nothing else did.
  expect(openedSinceStart()).toEqual(['https://example.org/', 'http://example.org/', 'https://example.org/page?q=1']);
}

/** The permission handlers that a session was given. */
interface PermissionHandlers {
  request: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
  check: (contents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean;
  device: (details: unknown) => boolean;
}

/** Only persistent storage, only for our app: the request handler, the check handler, devices. */
function expectOnlyPersistentStorage(handlers: PermissionHandlers): void {
  const request = (permission: string, requestingUrl: string): boolean => {
    let answer: boolean | undefined;
    handlers.request(null, permission, (granted) => (answer = granted), { requestingUrl });
    expect(answer, `the request for ${permission} was answered`).toBeDefined();
    return answer as boolean;
  };
  expect(request(PERSISTENT_STORAGE_PERMISSION, APP_ENTRY_URL)).toBe(true);
  expect(handlers.check(null, PERSISTENT_STORAGE_PERMISSION, APP_ORIGIN, {})).toBe(true);
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'fileSystem', 'hid', 'serial', 'usb', 'midiSysex', 'pointerLock']) {
    expect(request(permission, APP_ENTRY_URL), `request ${permission}`).toBe(false);
    expect(handlers.check(null, permission, APP_ORIGIN, {}), `check ${permission}`).toBe(false);
  }
  for (const stranger of ['https://example.org/', 'file:///tmp/x.html', 'app://evil/']) {
    expect(request(PERSISTENT_STORAGE_PERMISSION, stranger), `persistent storage for ${stranger}`).toBe(false);
    expect(handlers.check(null, PERSISTENT_STORAGE_PERMISSION, stranger, {}), `persistent storage check for ${stranger}`).toBe(false);
  }
  expect(handlers.device({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
}

function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// ---------------------------------------------------------------------------------------------
// The pure modules

describe('window options (window-options.ts)', () => {
  const bundleDir = path.join(projectRoot, 'dist/electron');
  /** Stands in for Electron's BrowserWindow and keeps the options it was constructed with. */
  class RecordingWindow {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }
  const { options } = newMainWindow(RecordingWindow, {
    bounds: { x: 10, y: 20, width: 1000, height: 700 },
    title: 'Marginalia',
    preloadPath: preloadPathFor(bundleDir),
  });

  it('meets the checklist: isolation, sandbox, no Node, web security, no insecure content, no experimental or extra Blink features, a preload inside the app', () => {
    expectSecureWebPreferences(options.webPreferences, bundleDir);
  });

  it('resolves the preload beside the main bundle, whatever the working directory', () => {
    expect(preloadPathFor('dist/electron')).toBe(path.resolve('dist/electron', PRELOAD_FILE_NAME));
  });

  it('opens hidden until ready, at the placed bounds', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false, title: 'Marginalia' });
  });
});

describe('content security policy (shared/content-security-policy.ts, session-policy.ts)', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('is the header of every app:// response', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it("falls back to nothing broader than 'self' (default-src)", () => {
    const defaults = csp.get('default-src');
    expect(defaults, 'default-src is present').toBeDefined();
    expect(defaults?.length).toBeGreaterThan(0);
    for (const source of defaults ?? []) expect(["'self'", "'none'"]).toContain(source);
  });

  it("allows scripts from the app only: no 'unsafe-inline', no 'unsafe-eval', no hosts or schemes", () => {
    const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
    expect(scripts).toContain("'self'");
    for (const source of scripts) {
      // 'wasm-unsafe-eval' compiles WebAssembly only (pdf.js decoders); it does not allow eval().
      expect(["'self'", "'none'", "'wasm-unsafe-eval'"], `script-src ${source}`).toContain(source);
    }
    for (const directive of ['script-src-elem', 'script-src-attr']) expect(csp.has(directive), directive).toBe(false);
  });

  it('forbids plugins, <base> rewriting, form posts and being framed', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets no directive reach the network', () => {
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect(/^(https?:|wss?:|\*)/.test(source) || source.includes('.'), `${name} ${source}`).toBe(false);
      }
    }
  });
});

describe('the app:// scheme (app-origin.ts, session-policy.ts)', () => {
  it('is registered as standard and secure, without bypassing the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expectAppSchemeRegistration([APP_SCHEME_PRIVILEGES]);
  });

  it('serves the one origin app://marginalia', () => {
    expect(APP_ORIGIN).toBe('app://marginalia');
    expect(APP_ENTRY_URL).toBe('app://marginalia/index.html');
  });
});

describe('navigation and new windows (guardWebContents)', () => {
  it('keeps every frame on the app, embeds no webview, denies every new window, and opens only http(s) links externally', async () => {
    const recorded = recordingContents();
    const openExternal = vi.fn(async (_url: string) => {});
    guardWebContents(recorded.contents, openExternal);
    await expectGuarded(recorded, () => openExternal.mock.calls.map(([url]) => url));
  });
});

describe('shell.openExternal (openInSystemBrowser)', () => {
  it.each(['https://example.org/a b', 'http://example.org', ' https://example.org/x '])('opens %j, normalised', async (url) => {
    const openExternal = vi.fn(async (_url: string) => {});
    await expect(openInSystemBrowser(url, openExternal)).resolves.toEqual({ opened: true });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal.mock.calls[0]?.[0]).toBe(new URL(url.trim()).href);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:someone@example.org',
    'app://marginalia/index.html',
    'https://user:pw@example.org/',
    'not a url',
    '',
  ])('never hands %j to the shell', async (url) => {
    const openExternal = vi.fn(async (_url: string) => {});
    const result = await openInSystemBrowser(url, openExternal);
    expect(result.opened).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('permissions (applySessionPolicy)', () => {
  it('allows persistent storage to our app and nothing else, and no devices', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    applySessionPolicy(session as unknown as PolicySession);
    expectOnlyPersistentStorage({
      request: session.setPermissionRequestHandler.mock.calls[0]?.[0],
      check: session.setPermissionCheckHandler.mock.calls[0]?.[0],
      device: session.setDevicePermissionHandler.mock.calls[0]?.[0],
    });
  });
});

describe('sender validation of IPC (trusted-ipc.ts)', () => {
  function recordingIpc() {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
    const ipc = {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, handler),
      on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
        return this;
      },
      removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
        listeners.get(channel)?.delete(listener);
        return this;
      },
    };
    return { ipc: ipc as unknown as IpcRegistry, handlers, listeners };
  }
  const trusted = { trusted: true };
  const untrusted = { trusted: false };
  const isTrusted = (event: unknown): boolean => (event as { trusted: boolean }).trusted;

  it('handleTrusted rejects an untrusted sender before the handler runs', async () => {
    const { ipc, handlers } = recordingIpc();
    const handler = vi.fn((_event: unknown, args: unknown[]) => args.length);
    handleTrusted(ipc, 'channel', isTrusted, handler);
    const registered = handlers.get('channel');
    expect(() => registered?.(untrusted, 'a')).toThrow(/untrusted sender/);
    expect(handler).not.toHaveBeenCalled();
    expect(registered?.(trusted, 'a', 'b')).toBe(2);
  });

  it('onTrusted ignores an untrusted sender, and stops listening when asked', () => {
    const { ipc, listeners } = recordingIpc();
    const listener = vi.fn();
    const stop = onTrusted(ipc, 'channel', isTrusted, listener);
    const [registered] = listeners.get('channel') ?? [];
    registered?.(untrusted);
    expect(listener).not.toHaveBeenCalled();
    registered?.(trusted, 1);
    expect(listener).toHaveBeenCalledWith(trusted, [1]);
    stop();
    expect(listeners.get('channel')?.size).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Static: no way around trusted-ipc.ts and openInSystemBrowser

describe('main-process sources', () => {
  const sources = fs
    .readdirSync(electronDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
    .map((name) => ({ name, text: stripComments(fs.readFileSync(path.join(electronDir, name), 'utf8')) }));

  it('register IPC only through handleTrusted / onTrusted', () => {
    const direct = /\bipcMain\s*\.\s*(handle|handleOnce|on|once|addListener|prependListener|prependOnceListener)\s*\(/;
    for (const { name, text } of sources) expect(direct.test(text), `${name} calls ipcMain directly`).toBe(false);
    // In main.ts, ipcMain appears in its import and as the registry handed to the two wrappers.
    const main = sources.find((source) => source.name === 'main.ts')?.text ?? '';
    const uses = main.match(/\bipcMain\b/g)?.length ?? 0;
    const wrapped = main.match(/\b(handleTrusted|onTrusted)\(\s*ipcMain\s*,/g)?.length ?? 0;
    expect(wrapped).toBeGreaterThan(0);
    expect(uses, 'every use of ipcMain in main.ts goes through handleTrusted/onTrusted').toBe(wrapped + 1);
    // Only trusted-ipc.ts registers on the registry it is handed, and it checks the sender first.
    for (const { name, text } of sources) {
      if (name === 'trusted-ipc.ts') continue;
      expect(/\.\s*handle(Once)?\s*\(\s*IPC\./.test(text), `${name} registers an IPC channel directly`).toBe(false);
    }
  });

  it('call shell.openExternal in one place, reached only through openInSystemBrowser', () => {
    const calls = sources.flatMap(({ name, text }) => (text.match(/\bshell\s*\.\s*openExternal\b/g) ?? []).map(() => name));
    expect(calls).toEqual(['main.ts']);
    const main = sources.find((source) => source.name === 'main.ts')?.text ?? '';
    // The wrapper is named openExternal; it may be passed around, but only into the validated paths.
    const references = [...main.matchAll(/\bopenExternal\b(?!\s*\()/g)].map((match) => main.slice(Math.max(0, match.index - 60), match.index + 15));
    for (const reference of references) {
      expect(/function openExternal|shell\s*\.\s*openExternal|openInSystemBrowser\([^)]*openExternal|guardWebContents\([^)]*openExternal|IPC\.openExternal/.test(reference), reference).toBe(true);
    }
  });
});

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

// ---------------------------------------------------------------------------------------------
// main.ts, run against a fake `electron`

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const on = (map: Map<string, Listener[]>) =>
    function (this: unknown, event: string, listener: Listener) {
      map.set(event, [...(map.get(event) ?? []), listener]);
      return this;
    };
  let nextId = 1;

  class FakeWebContents {
    readonly id = nextId++;
    readonly listeners = new Map<string, Listener[]>();
    windowOpenHandler: Listener | null = null;
    readonly mainFrame = { url: 'app://marginalia/index.html', parent: null, processId: 7, routingId: 1, detached: false };
    readonly on = on(this.listeners);
    readonly once = on(this.listeners);
    readonly removeListener = () => this;
    readonly send = (..._args: unknown[]) => {};
    readonly isCrashed = () => false;
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
  }

  class FakeBrowserWindow {
    static readonly instances: FakeBrowserWindow[] = [];
    static getAllWindows() {
      return FakeBrowserWindow.instances;
    }
    static fromWebContents() {
      return null;
    }
    readonly webContents = new FakeWebContents();
    readonly listeners = new Map<string, Listener[]>();
    readonly on = on(this.listeners);
    readonly once = on(this.listeners);
    readonly loadedUrls: string[] = [];
    closed = 0;
    constructor(readonly options: unknown) {
      FakeBrowserWindow.instances.push(this);
    }
    loadURL(url: string) {
      this.loadedUrls.push(url);
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    close() {
      this.closed++;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 820 };
    }
    isMaximized() {
      return false;
    }
    maximize() {}
    show() {}
  }

  const appListeners = new Map<string, Listener[]>();
  const state = { userData: '', calls: [] as string[] };
  const record = (name: string) => (...args: unknown[]) => {
    state.calls.push(name);
    return args;
  };
  const ipcHandlers = new Map<string, Listener>();
  const ipcListeners = new Map<string, Set<Listener>>();
  const module = {
    app: {
      on: on(appListeners),
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      isPackaged: true,
      requestSingleInstanceLock: () => (state.calls.push('requestSingleInstanceLock'), true),
      enableSandbox: () => void state.calls.push('enableSandbox'),
      setAppUserModelId: () => {},
      quit: () => void state.calls.push('quit'),
      exit: () => void state.calls.push('exit'),
      getPath: () => state.userData,
      getVersion: () => '0.0.0-test',
    },
    BrowserWindow: FakeBrowserWindow,
    dialog: { showOpenDialog: record('showOpenDialog'), showSaveDialog: record('showSaveDialog') },
    ipcMain: {
      handle(channel: string, handler: Listener) {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, handler);
      },
      on(channel: string, listener: Listener) {
        ipcListeners.set(channel, (ipcListeners.get(channel) ?? new Set()).add(listener));
        return this;
      },
      removeListener(channel: string, listener: Listener) {
        ipcListeners.get(channel)?.delete(listener);
        return this;
      },
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => {} },
    protocol: {
      privilegedSchemes: [] as unknown[],
      handlers: new Map<string, Listener>(),
      registerSchemesAsPrivileged(schemes: unknown[]) {
        state.calls.push('registerSchemesAsPrivileged');
        this.privilegedSchemes.push(...schemes);
      },
      handle(scheme: string, handler: Listener) {
        this.handlers.set(scheme, handler);
      },
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    session: {
      defaultSession: {
        handlers: {} as Record<string, Listener>,
        setPermissionRequestHandler(handler: Listener) {
          this.handlers.request = handler;
        },
        setPermissionCheckHandler(handler: Listener) {
          this.handlers.check = handler;
        },
        setDevicePermissionHandler(handler: Listener) {
          this.handlers.device = handler;
        },
      },
    },
    shell: { openExternal: (url: string) => (state.calls.push(`openExternal ${url}`), Promise.resolve()) },
  };
  return { module, state, appListeners, ipcHandlers, ipcListeners, FakeBrowserWindow, FakeWebContents };
});

vi.mock('electron', () => fake.module);

describe('main.ts, run against a recording stand-in for electron', () => {
  let window: InstanceType<typeof fake.FakeBrowserWindow>;

  beforeAll(async () => {
    fake.state.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-security-test-'));
    await import('./main');
    await flushPromises();
    expect(fake.state.calls, 'main.ts did not start').not.toContain('exit');
    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
    window = fake.FakeBrowserWindow.instances[0] as InstanceType<typeof fake.FakeBrowserWindow>;
  });

  afterAll(() => {
    fs.rmSync(fake.state.userData, { recursive: true, force: true });
  });

  it('registers app:// as a standard, secure scheme, switches on the sandbox for every renderer, and takes the single-instance lock, all before the app is ready', () => {
    expectAppSchemeRegistration(fake.module.protocol.privilegedSchemes as CustomScheme[]);
    expect(fake.state.calls.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock']);
  });

  it('opens its window with the checked webPreferences and loads app://marginalia/index.html', () => {
    // main.ts finds the preload beside its own file: dist/electron when built, electron/ here.
    expectSecureWebPreferences((window.options as BrowserWindowConstructorOptions).webPreferences, electronDir);
    expect(window.loadedUrls).toEqual([APP_ENTRY_URL]);
  });

  it('installs the permission policy on the default session', () => {
    const handlers = fake.module.session.defaultSession.handlers;
    expectOnlyPersistentStorage({
      request: handlers.request as PermissionHandlers['request'],
      check: handlers.check as PermissionHandlers['check'],
      device: handlers.device as PermissionHandlers['device'],
    });
  });

  it('guards every webContents that is created: no navigation away, no webviews, no windows, only validated http(s) to the shell', async () => {
    const contents = new fake.FakeWebContents();
    const created = fake.appListeners.get('web-contents-created') ?? [];
    expect(created).toHaveLength(1);
    created[0]?.({}, contents);
    const before = fake.state.calls.length;
    const recorded: RecordedContents = {
      contents: contents as unknown as GuardedContents,
      listeners: contents.listeners as unknown as RecordedContents['listeners'],
      windowOpenHandler: contents.windowOpenHandler as RecordedContents['windowOpenHandler'],
    };
    // What main.ts handed to shell.openExternal (the fake records it) since this test began.
    await expectGuarded(recorded, () =>
      fake.state.calls
        .slice(before)
        .filter((call) => call.startsWith('openExternal '))
        .map((call) => call.slice('openExternal '.length)),
    );
  });

  it('sends the CSP and nosniff with every app:// response, errors included', async () => {
    const handler = fake.module.protocol.handlers.get(APP_SCHEME);
    expect(handler).toBeDefined();
    for (const request of [
      new Request(APP_ENTRY_URL),
      new Request('app://marginalia/no-such-file.js'),
      new Request('app://marginalia/..%2F..%2Fpackage.json'),
      new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }),
    ]) {
      const response = (await handler?.(request)) as Response;
      expect(response.headers.get('Content-Security-Policy'), request.url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });

  describe('IPC', () => {
    /** An IPC event as Electron would deliver it, from `sender` with `frame` as senderFrame. */
    const eventFrom = (sender: { id: number }, frame: Record<string, unknown> | null) => ({ sender, senderFrame: frame });
    const ourFrame = () => window.webContents.mainFrame;
    const untrustedEvents = () => ({
      'another webContents': eventFrom(new fake.FakeWebContents(), ourFrame()),
      'a subframe of our window': eventFrom(window.webContents, { ...ourFrame(), parent: ourFrame(), routingId: 2 }),
      'our main frame showing a web page': eventFrom(window.webContents, { ...ourFrame(), url: 'https://evil.example/' }),
      'our main frame showing a file': eventFrom(window.webContents, { ...ourFrame(), url: 'file:///tmp/x.html' }),
      'a detached frame': eventFrom(window.webContents, { ...ourFrame(), detached: true }),
      'a frame that is gone': eventFrom(window.webContents, null),
    });
    const validArguments: Record<string, unknown[]> = {
      [IPC.appInfo]: [],
      [IPC.openFiles]: ['document'],
      [IPC.saveFile]: ['pack', 'x.json', new Uint8Array([1])],
      [IPC.printToPdf]: ['<!DOCTYPE html><html><body>x</body></html>', 'x.pdf'],
      [IPC.openExternal]: ['https://example.org/'],
      [IPC.writeBackup]: [new Uint8Array([1]), 5],
      [IPC.listBackups]: [],
      [IPC.readBackup]: ['marginalia-backup-20260101-000000.mpack'],
    };

    it('handles exactly the invoke channels of the bridge', () => {
      expect([...fake.ipcHandlers.keys()].sort()).toEqual(
        [IPC.appInfo, IPC.openExternal, IPC.openFiles, IPC.saveFile, IPC.printToPdf, IPC.writeBackup, IPC.listBackups, IPC.readBackup].sort(),
      );
    });

    it('rejects, on every registered channel, a message from anywhere but our main frame, before doing anything', async () => {
      for (const [channel, handler] of fake.ipcHandlers) {
        for (const [who, event] of Object.entries(untrustedEvents())) {
          const before = fake.state.calls.length;
          await expect(Promise.resolve().then(() => handler(event, ...(validArguments[channel] ?? []))), `${channel} from ${who}`).rejects.toThrow(
            /untrusted sender/,
          );
          expect(fake.state.calls.slice(before), `${channel} from ${who} had effects`).toEqual([]);
        }
      }
    });

    it('answers our main frame (so the refusals above are the sender check, not a broken handler)', async () => {
      const trusted = eventFrom(window.webContents, ourFrame());
      await expect(Promise.resolve(fake.ipcHandlers.get(IPC.appInfo)?.(trusted))).resolves.toMatchObject({ name: 'Marginalia', shell: 'electron' });
      const before = fake.state.calls.length;
      await expect(Promise.resolve(fake.ipcHandlers.get(IPC.openExternal)?.(trusted, 'file:///etc/passwd'))).resolves.toMatchObject({ opened: false });
      await expect(Promise.resolve(fake.ipcHandlers.get(IPC.openExternal)?.(trusted, 'https://example.org/a'))).resolves.toEqual({ opened: true });
      expect(fake.state.calls.slice(before)).toEqual(['openExternal https://example.org/a']);
    });

    it('listens to close-ready only from our main frame', async () => {
      const closeListeners = window.listeners.get('close') ?? [];
      let prevented = 0;
      for (const listener of closeListeners) listener({ preventDefault: () => prevented++ });
      expect(prevented, 'the first close waits for the renderer').toBe(1);
      const listeners = [...(fake.ipcListeners.get(IPC.closeReady) ?? [])];
      expect(listeners).toHaveLength(1);
      for (const event of Object.values(untrustedEvents())) listeners[0]?.(event);
      await flushPromises();
      expect(window.closed, 'an untrusted close-ready closed the window').toBe(0);
      listeners[0]?.(eventFrom(window.webContents, ourFrame()));
      await flushPromises();
      expect(window.closed).toBe(1);
      expect(fake.ipcListeners.get(IPC.closeReady)?.size ?? 0, 'the listener was removed').toBe(0);
    });
  });
});
