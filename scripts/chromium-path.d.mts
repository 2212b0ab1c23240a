/** Headless Chromium flags for this machine: no sandbox, WebGL2 on SwiftShader, no background networking. */
export declare const CHROMIUM_ARGS: readonly string[];
/** Where the browser tests look for Chromium when CHROMIUM_PATH is not set (Debian's package). */
export declare const DEFAULT_CHROMIUM_PATH: string;
/** The Chromium executable the browser tests drive: `$CHROMIUM_PATH` if set, else the default. */
export declare function chromiumPath(): string;
/** Why the browser tests cannot run here, or `null` when the Chromium executable exists. */
export declare function chromiumMissingReason(): string | null;
