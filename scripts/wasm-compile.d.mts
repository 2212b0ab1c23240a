export const WAT_DIRECTORY: URL;
export const DENSE_WAT_PARTS: readonly string[];
export function denseWatSource(): Promise<string>;
export const BINARY_MODULE_PATH: URL;
export function substituteLayout(
  source: string,
  constants?: Readonly<Record<string, number>>,
): string;
export function compileDenseWat(): Promise<Uint8Array>;
export function renderBinaryModule(bytes: Uint8Array): string;
