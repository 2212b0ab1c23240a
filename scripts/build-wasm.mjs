/** `npm run build:wasm`: compiles src/engine/wasm/dense/*.wat into src/engine/wasm/dense-binary.ts. */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BINARY_MODULE_PATH, compileDenseWat, renderBinaryModule } from './wasm-compile.mjs';

const bytes = await compileDenseWat();
await writeFile(BINARY_MODULE_PATH, renderBinaryModule(bytes));
console.log(`${fileURLToPath(BINARY_MODULE_PATH)}: ${bytes.length} bytes of WebAssembly`);
