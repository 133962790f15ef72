/**
 * Shape checks for the arguments of IPC calls.
 *
 * The renderer is treated as untrusted input: a handler first checks that it received exactly
 * the arguments its contract names, of the right types, and throws otherwise. The thrown Error
 * rejects the renderer's `ipcRenderer.invoke` promise.
 */

/** Throws unless the call carried no arguments. */
export function expectNoArguments(channel: string, args: readonly unknown[]): void {
  if (args.length !== 0) {
    throw new Error(`${channel} takes no arguments, got ${args.length}.`);
  }
}

/**
 * Returns the single string argument of a call, or throws when the call carried anything else.
 * `maxLength` bounds what the main process will even look at.
 */
export function expectOneString(channel: string, args: readonly unknown[], maxLength: number): string {
  if (args.length !== 1) {
    throw new Error(`${channel} takes exactly one argument, got ${args.length}.`);
  }
  const [value] = args;
  if (typeof value !== 'string') {
    throw new Error(`${channel} expects a string, got ${value === null ? 'null' : typeof value}.`);
  }
  if (value.length > maxLength) {
    throw new Error(`${channel} expects at most ${maxLength} characters, got ${value.length}.`);
  }
  return value;
}
