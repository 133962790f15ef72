/**
 * Deflating and hashing a pack's large entries in a Web Worker, while the page makes the next.
 *
 * Writing a large pack is work the page would do one thing after another: making the
 * annotations' JSON-LD, stringifying and encoding it, then deflating and hashing it (some
 * 20 MB for a library of 11,000 annotations). `CompressionStream` runs on the thread that
 * drives it, so on the page it adds to the rest; in a worker it runs beside it, on the
 * machine's other core. The worker takes the large entries and the annotations' JSON in pieces
 * as the page makes them (bytes, or text it encodes itself), and answers with the raw deflate
 * data, CRC-32, size and SHA-256 of each.
 *
 * It deflates with the host's zlib through `CompressionStream('gzip')`: a gzip stream is the
 * raw deflate data a zip holds, between a ten-byte header and a trailer that carries the CRC-32
 * of what went in, so zlib computes the CRC as it deflates (no pass over the bytes in
 * JavaScript). SHA-256 is `crypto.subtle`'s.
 *
 * The worker's code is `deflateService` below, started from a `blob:` URL of its source (the
 * renderer's CSP allows `worker-src blob:`), so that it needs no file of its own in the app's
 * build (Vite) or the benchmark pages' (esbuild); Node has no Web Worker and never starts one.
 * It must therefore use nothing from outside its own body: every host object it needs comes
 * through its `host`. The same function also runs on the page's own thread
 * (`inThreadDeflater`), for the large entries of a pack written where no worker can be started.
 *
 * `shared/` is compiled without the DOM library, so the few members used are declared here.
 */

/** What the service is asked. The bytes are handed over (transferred to a worker). */
export type DeflateRequest =
  /** A whole entry to deflate. */
  | { type: 'entry'; id: number; bytes: Uint8Array }
  /** The next piece of an entry made in pieces (its first piece opens it): bytes, or text to encode as UTF-8. */
  | { type: 'piece'; id: number; piece: Uint8Array | string }
  /**
   * The entry made in pieces is complete. `prefix`, when given, goes before the pieces in the
   * entry, stored: bytes known only once the pieces were made (the head of the annotations'
   * collection names their count and a hash of them all).
   */
  | { type: 'end'; id: number; prefix?: Uint8Array };

/** An entry deflated: the raw deflate data a zip holds, and the CRC-32, size and SHA-256 (hex) of what went in. */
export interface DeflatedEntry {
  data: Uint8Array;
  crc32: number;
  size: number;
  sha256: string;
}

/** The answer to an entry, or to the end of one in pieces: first its size, then the entry; and `ready` when the service starts. */
export type DeflateReply = { id: number; entry: DeflatedEntry } | { id: number; size: number } | { id: number; error: string } | { ready: true };

interface StreamWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** One end of the line between the page and the service: a `MessagePort`, or a stand-in on this thread. */
interface Port<Out, In> {
  postMessage(message: Out, transfer: ArrayBuffer[]): void;
  onmessage: ((event: { data: In }) => void) | null;
}

/** The host objects the service uses: a worker's global scope has them all, and so has Node's. */
interface ServiceHost {
  CompressionStream: new (format: 'gzip') => { readable: unknown; writable: { getWriter(): StreamWriter } };
  Response: new (body: unknown) => { arrayBuffer(): Promise<ArrayBuffer> };
  TextEncoder: new () => { encode(text: string): Uint8Array };
  crypto: { subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> } };
}

/**
 * The service: answers each entry's request on `port` when its data is deflated and hashed.
 * Whole entries are deflated one after another (many streams at once take longer than in
 * turn); the pieces of an entry go into its stream as they come, those sent as text encoded
 * here (encoding the two-byte strings of a Cyrillic text is a tenth of a large pack's work).
 * Self-contained: see above.
 */
function deflateService(host: ServiceHost, port: Port<DeflateReply, DeflateRequest>): void {
  type Open = { writer: StreamWriter; gzip: Promise<Uint8Array>; pieces: Uint8Array[] };
  const encoder = new host.TextEncoder();
  const open = (): Open => {
    const stream = new host.CompressionStream('gzip');
    const gzip = new host.Response(stream.readable).arrayBuffer().then((buffer) => new Uint8Array(buffer));
    return { writer: stream.writable.getWriter(), gzip, pieces: [] };
  };
  // A failed write fails the stream, and so its output, which the answer waits for.
  const write = (entry: Open, bytes: Uint8Array): void => {
    entry.writer.write(bytes).catch(() => undefined);
  };
  const close = (entry: Open): void => {
    entry.writer.close().catch(() => undefined);
  };

  // CRC-32 (zip's, reflected) of a few bytes, and of two runs of bytes joined, for a stored prefix.
  // Not zip.ts's crc32: this function is sent to the worker as its own source text
  // (DEFLATE_WORKER_SOURCE), so it can call nothing outside itself.
  const POLY = 0xedb88320;
  const crcOf = (bytes: Uint8Array): number => {
    let crc = 0xffffffff;
    for (const byte of bytes) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ POLY : crc >>> 1;
    }
    return (crc ^ 0xffffffff) >>> 0;
  };
  // The CRC register is linear over GF(2): crc(A + B) is crc(A) carried through |B| zero bytes,
  // xor crc(B). Carrying through n zero bytes is a 32 x 32 bit matrix (one per bit of the
  // register: its image), raised to the n-th power by squaring.
  const times = (matrix: number[], vector: number): number => {
    let out = 0;
    for (let bit = 0; vector !== 0; bit++, vector >>>= 1) if (vector & 1) out ^= matrix[bit]!;
    return out >>> 0;
  };
  const squared = (matrix: number[]): number[] => matrix.map((column) => times(matrix, column));
  const crcJoined = (crcA: number, crcB: number, lengthB: number): number => {
    // One zero bit: the register shifts right, the polynomial coming in where bit 0 falls out.
    let step = [POLY, ...Array.from({ length: 31 }, (_, bit) => 2 ** bit)];
    for (let k = 0; k < 3; k++) step = squared(step); // one zero byte
    let crc = crcA;
    for (let n = lengthB; n > 0; n = Math.floor(n / 2)) {
      if (n % 2 === 1) crc = times(step, crc);
      step = squared(step);
    }
    return (crc ^ crcB) >>> 0;
  };
  // Deflate's stored blocks (type 00, not final; at the start of the stream, so byte-aligned):
  // a header byte, the length and its complement, the bytes, at most 65,535 of them a block.
  const storedBlocks = (bytes: Uint8Array): Uint8Array => {
    const blocks = Math.ceil(bytes.length / 0xffff);
    const out = new Uint8Array(bytes.length + 5 * blocks);
    for (let b = 0, at = 0; b < blocks; b++) {
      const part = bytes.subarray(b * 0xffff, (b + 1) * 0xffff);
      out.set([0, part.length & 0xff, part.length >>> 8, ~part.length & 0xff, (~part.length >>> 8) & 0xff], at);
      out.set(part, at + 5);
      at += 5 + part.length;
    }
    return out;
  };

  const answer = async (id: number, bytes: Uint8Array, gzipped: Promise<Uint8Array>, prefix: Uint8Array | null = null): Promise<void> => {
    try {
      const [gzip, digest] = await Promise.all([gzipped, host.crypto.subtle.digest('SHA-256', bytes)]);
      // zlib's gzip: 1f 8b, method 8, no flags (so no name, comment or extra field: the header
      // is ten bytes), the deflate data, then the CRC-32 and the size (mod 2³²), little-endian.
      const end = gzip.length - 8;
      const u32 = (at: number): number => (gzip[at]! | (gzip[at + 1]! << 8) | (gzip[at + 2]! << 16) | (gzip[at + 3]! << 24)) >>> 0;
      const deflatedLength = bytes.length - (prefix?.length ?? 0);
      if (end < 10 || gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[2] !== 8 || gzip[3] !== 0 || u32(end + 4) !== deflatedLength >>> 0) {
        throw new Error('CompressionStream wrote gzip of an unexpected form');
      }
      let sha256 = '';
      for (const byte of new Uint8Array(digest)) sha256 += byte.toString(16).padStart(2, '0');
      let data = gzip.subarray(10, end);
      let crc32 = u32(end);
      if (prefix && prefix.length > 0) {
        // The prefix in stored blocks, then zlib's blocks, the last of them final: one deflate
        // stream, which inflates to the prefix and then the pieces.
        const stored = storedBlocks(prefix);
        const joined = new Uint8Array(stored.length + data.length);
        joined.set(stored);
        joined.set(data, stored.length);
        data = joined;
        crc32 = crcJoined(crcOf(prefix), crc32, deflatedLength);
      }
      const entry = { data, crc32, size: bytes.length, sha256 };
      port.postMessage({ id, entry }, [data.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }, []);
    }
  };

  let turn: Promise<unknown> = Promise.resolve();
  const pieced = new Map<number, Open>();
  port.onmessage = ({ data: request }) => {
    if (request.type === 'entry') {
      const gzipped = turn.then(() => {
        const entry = open();
        write(entry, request.bytes);
        close(entry);
        return entry.gzip;
      });
      turn = gzipped.catch(() => undefined);
      void answer(request.id, request.bytes, gzipped);
    } else if (request.type === 'piece') {
      let entry = pieced.get(request.id);
      if (!entry) pieced.set(request.id, (entry = open()));
      const bytes = typeof request.piece === 'string' ? encoder.encode(request.piece) : request.piece;
      entry.pieces.push(bytes);
      write(entry, bytes);
    } else {
      const entry = pieced.get(request.id) ?? open();
      pieced.delete(request.id);
      close(entry);
      const prefix = request.prefix ?? new Uint8Array(0);
      const size = entry.pieces.reduce((n, piece) => n + piece.length, prefix.length);
      port.postMessage({ id: request.id, size }, []);
      // SHA-256 wants the whole: the prefix and the pieces joined (a copy, in the worker).
      const whole = new Uint8Array(size);
      whole.set(prefix);
      let at = prefix.length;
      for (const piece of entry.pieces) {
        whole.set(piece, at);
        at += piece.length;
      }
      void answer(request.id, whole, entry.gzip, prefix);
    }
  };
  port.postMessage({ ready: true }, []);
}

/**
 * The worker's script: its first message is the port to serve (requests posted to a worker
 * reach it only when the page's current task ends; on a port of a MessageChannel they reach it
 * at once, while the page goes on making the next piece).
 */
export const DEFLATE_WORKER_SOURCE = `self.onmessage = (event) => {
  self.onmessage = null;
  (${deflateService.toString()})(self, event.data);
};
`;

/** The service failed (the worker could not start, or broke): what it was asked is lost. */
export class DeflaterFailure extends Error {
  override readonly name = 'DeflaterFailure';
}

interface Waiting {
  resolve(entry: DeflatedEntry): void;
  reject(error: Error): void;
  /** For an entry in pieces: told its size. */
  sized?(size: number): void;
  unsized?(error: Error): void;
}

/** A client of the service, in a worker or on this thread. */
export class EntryDeflater {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private failure: DeflaterFailure | null = null;
  private started: () => void = () => undefined;
  private notStarted: (error: Error) => void = () => undefined;
  /**
   * Settles when the service has started. A worker cannot start while the page's thread is busy
   * (a task of the page's sets it up), so the page waits for it before a long stretch of work
   * of its own: else the worker would start only when that work is done.
   */
  readonly ready = new Promise<void>((resolve, reject) => {
    this.started = resolve;
    this.notStarted = reject;
  });

  /** `port` takes the requests and brings the replies; `stop` ends the service. */
  constructor(
    private readonly port: Port<DeflateRequest, DeflateReply>,
    private readonly stop: () => void = () => undefined,
  ) {
    this.ready.catch(() => undefined);
    port.onmessage = ({ data: reply }) => this.receive(reply);
  }

  /** Called when the service is gone: everyone waiting is told. */
  fail(message: string): void {
    this.failure ??= new DeflaterFailure(message);
    this.notStarted(this.failure);
    for (const waiting of this.waiting.values()) {
      waiting.reject(this.failure);
      waiting.unsized?.(this.failure);
    }
    this.waiting.clear();
  }

  /** An entry deflated and hashed. The caller lets go of `bytes` (a worker takes them over). */
  deflate(bytes: Uint8Array): Promise<DeflatedEntry> {
    const id = this.nextId++;
    const answer = this.wait(id);
    this.send({ type: 'entry', id, bytes }, bytes);
    return answer;
  }

  /**
   * An entry given in pieces, deflated as they come: bytes (let go of as they are pushed), or
   * text the service encodes as UTF-8. `end` (with the bytes that go before the pieces, if any:
   * let go of too) answers the entry's size in bytes as soon as the service has it all, and the
   * entry when it is deflated.
   */
  pieces(): { push(piece: Uint8Array | string): void; end(prefix?: Uint8Array): { size: Promise<number>; entry: Promise<DeflatedEntry> } } {
    const id = this.nextId++;
    const entry = this.wait(id);
    const size = new Promise<number>((resolve, reject) => {
      const waiting = this.waiting.get(id);
      if (!waiting) return reject(this.failure);
      waiting.sized = resolve;
      waiting.unsized = reject;
    });
    size.catch(() => undefined);
    return {
      push: (piece) => this.send({ type: 'piece', id, piece }, typeof piece === 'string' ? null : piece),
      end: (prefix) => {
        this.send(prefix ? { type: 'end', id, prefix } : { type: 'end', id }, prefix ?? null);
        return { size, entry };
      },
    };
  }

  /** Ends the service; anything still waiting fails. */
  close(): void {
    this.stop();
    this.fail('The deflater was closed.');
  }

  private receive(reply: DeflateReply): void {
    if ('ready' in reply) return this.started();
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    if ('size' in reply) return waiting.sized?.(reply.size);
    this.waiting.delete(reply.id);
    if ('entry' in reply) waiting.resolve(reply.entry);
    else waiting.reject(new DeflaterFailure(reply.error));
  }

  private wait(id: number): Promise<DeflatedEntry> {
    if (this.failure) return Promise.reject(this.failure);
    const answer = new Promise<DeflatedEntry>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // The caller may not be waiting yet (it pushes more first); a failure is not lost, only not reported early.
    answer.catch(() => undefined);
    return answer;
  }

  private send(request: DeflateRequest, bytes: Uint8Array | null): void {
    if (this.failure) return;
    // Only a buffer the bytes fill alone is handed over; a view of a larger one is copied.
    const own = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    try {
      this.port.postMessage(request, own ? [bytes.buffer as ArrayBuffer] : []);
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }
}

type MessagePortLike = Port<unknown, unknown> & { close(): void };

interface WorkerLike {
  postMessage(message: unknown, transfer: unknown[]): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

interface WorkerHost {
  Worker?: new (url: string) => WorkerLike;
  MessageChannel?: new () => { port1: MessagePortLike; port2: MessagePortLike };
  Blob?: new (parts: string[], options: { type: string }) => unknown;
  URL?: { createObjectURL?(blob: unknown): string; revokeObjectURL?(url: string): void };
  CompressionStream?: new (format: string) => unknown;
  Response?: unknown;
  TextEncoder?: unknown;
  crypto?: { subtle?: unknown };
}

const globals = (): WorkerHost => globalThis as unknown as WorkerHost;

/** Whether this host can run the service: gzip by `CompressionStream`, `Response` to collect it, `TextEncoder`, `crypto.subtle`. */
function canDeflate(): boolean {
  const g = globals();
  if (typeof g.CompressionStream !== 'function' || typeof g.Response !== 'function' || typeof g.TextEncoder !== 'function' || !g.crypto?.subtle) return false;
  try {
    new g.CompressionStream('gzip');
    return true;
  } catch {
    return false;
  }
}

/**
 * A deflater in a Web Worker of its own (close it when done), or null where the host has no
 * workers (Node), no native gzip or SHA-256, or forbids a worker from a `blob:` URL. A worker
 * that fails later fails what was asked of it with DeflaterFailure.
 */
export function startDeflateWorker(): EntryDeflater | null {
  const g = globals();
  if (!g.Worker || !g.MessageChannel || !g.Blob || !g.URL?.createObjectURL || !canDeflate()) return null;
  let url: string | null = null;
  try {
    url = g.URL.createObjectURL(new g.Blob([DEFLATE_WORKER_SOURCE], { type: 'text/javascript' }));
    const worker = new g.Worker(url);
    const { port1, port2 } = new g.MessageChannel();
    worker.postMessage(port2, [port2]);
    const revoke = url;
    const deflater = new EntryDeflater(port1 as Port<DeflateRequest, DeflateReply>, () => {
      port1.close();
      worker.terminate();
      g.URL?.revokeObjectURL?.(revoke);
    });
    worker.addEventListener('error', (event) => deflater.fail(`The deflating worker failed: ${event.message ?? 'it could not start'}`));
    return deflater;
  } catch {
    if (url) g.URL.revokeObjectURL?.(url);
    return null;
  }
}

/** The same service on this thread (no overlap, but the host's zlib and CRC-32), or null where the host lacks what it needs. */
export function inThreadDeflater(): EntryDeflater | null {
  if (!canDeflate()) return null;
  // Two stand-in ports, each delivering to the other end a moment later, as a port does.
  const page: Port<DeflateRequest, DeflateReply> = { onmessage: null, postMessage: (request) => void Promise.resolve().then(() => service.onmessage?.({ data: request })) };
  const service: Port<DeflateReply, DeflateRequest> = { onmessage: null, postMessage: (reply) => void Promise.resolve().then(() => page.onmessage?.({ data: reply })) };
  const deflater = new EntryDeflater(page);
  deflateService(globalThis as unknown as ServiceHost, service);
  return deflater;
}
