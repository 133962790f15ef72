/**
 * Globals that both hosts of the shared code (Node and the browser) provide, declared here
 * because `shared/` is compiled without the DOM library (it must not touch the page) and
 * without Node's types (it must not touch the filesystem).
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly href: string;
}

/**
 * The Encoding standard's decoder, for reading imported files' bytes: Node (with full ICU, as
 * it ships) and every browser implement it, including the legacy code pages such as
 * windows-1251. `fatal: true` makes malformed input throw a TypeError instead of producing
 * U+FFFD, which is how an importer tells a wrong guess at the encoding from a right one.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
