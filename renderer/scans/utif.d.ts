/**
 * The part of UTIF.js (npm `utif`, a CommonJS module without types) that the TIFF decoder uses.
 * Declared here rather than through `@types/utif`, which pulls Node's types into the renderer.
 */
declare module 'utif' {
  /** One image file directory: tags as `t` + tag number; `width`, `height`, `data` once decoded. */
  export interface IFD {
    [tag: `t${number}`]: number[] | string[] | undefined;
    width: number;
    height: number;
    data: Uint8Array;
  }
  /** Parses the directories of a TIFF (no pixels). Throws on a file it cannot parse. */
  export function decode(buffer: ArrayBuffer): IFD[];
  /** Decompresses the pixels of one directory into `ifd.data`, setting `width` and `height`. */
  export function decodeImage(buffer: ArrayBuffer, ifd: IFD, ifds?: IFD[]): void;
  /** Converts decoded pixels of any supported kind to 8-bit RGBA. */
  export function toRGBA8(ifd: IFD): Uint8Array<ArrayBuffer>;
  const UTIF: { decode: typeof decode; decodeImage: typeof decodeImage; toRGBA8: typeof toRGBA8 };
  export default UTIF;
}
