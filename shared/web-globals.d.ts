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
