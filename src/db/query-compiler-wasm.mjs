// Prisma's query compiler for the bundle in dist/. Prisma's generated client imports the compiler as a module of
// base64 text (`@prisma/client/runtime/query_compiler_*.wasm-base64.mjs`); once loaded, that module's source and
// the string in it hold about 9 MB of the heap for as long as the process runs. scripts/build.mjs points that
// import here and writes the compiler's bytes to dist/prisma/query-compiler.wasm.
//
// The client decodes `wasm` with Buffer.from(wasm, 'base64'), which takes an object's valueOf(): here that reads
// the file, and the bytes are garbage once the module is compiled. Plain JavaScript, like the worker beside it:
// only the bundle uses it (tests and tsx load Prisma's own module).
import { readFileSync } from 'node:fs';

export const wasm = { valueOf: () => readFileSync(new URL('../prisma/query-compiler.wasm', import.meta.url)) };
