export declare const MISSING_ELECTRON_BINARY: string;
export declare function findElectronBinary(): { readonly executable: string } | { readonly skipReason: string };
