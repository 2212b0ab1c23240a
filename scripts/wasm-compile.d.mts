export const WAT_PATH: URL;
export const BINARY_MODULE_PATH: URL;
export function substituteLayout(
  source: string,
  constants?: Readonly<Record<string, number>>,
): string;
export function compileDenseWat(): Promise<Uint8Array>;
export function renderBinaryModule(bytes: Uint8Array): string;
