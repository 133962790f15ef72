/**
 * The only way this app listens to the renderer: IPC registrations that check the sender first.
 *
 * Following the Electron security checklist ("validate the sender of all IPC messages"), a
 * handler registered here never runs for a message from anywhere but our app's main frame:
 * an invoke from elsewhere is rejected before its arguments are even looked at, a plain
 * message is dropped. `main.ts` registers every channel through these two functions, and
 * `security.test.ts` checks both that each registered channel refuses an untrusted sender and
 * that no file of the main process calls `ipcMain` directly.
 */
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';

/** The parts of `ipcMain` used here. */
export type IpcRegistry = Pick<IpcMain, 'handle' | 'on' | 'removeListener'>;

/** Decides whether a message may be acted on (main.ts: `isTrustedSender(senderFacts(event))`). */
export type SenderCheck = (event: IpcMainEvent | IpcMainInvokeEvent) => boolean;

/**
 * Registers an invoke handler (`ipcRenderer.invoke` in the preload) that first checks the
 * sender: an untrusted one gets a rejected promise, and `handler` never runs.
 */
export function handleTrusted<Result>(
  ipc: IpcRegistry,
  channel: string,
  isTrusted: SenderCheck,
  handler: (event: IpcMainInvokeEvent, args: unknown[]) => Result | Promise<Result>,
): void {
  ipc.handle(channel, (event, ...args: unknown[]) => {
    if (!isTrusted(event)) throw new Error(`${channel}: refused a message from an untrusted sender.`);
    return handler(event, args);
  });
}

/**
 * Listens to a one-way message (`ipcRenderer.send`) from a trusted sender only; messages from
 * anyone else are ignored. Returns the function that stops listening.
 */
export function onTrusted(ipc: IpcRegistry, channel: string, isTrusted: SenderCheck, listener: (event: IpcMainEvent, args: unknown[]) => void): () => void {
  const onMessage = (event: IpcMainEvent, ...args: unknown[]): void => {
    if (isTrusted(event)) listener(event, args);
  };
  ipc.on(channel, onMessage);
  return () => {
    ipc.removeListener(channel, onMessage);
  };
}
