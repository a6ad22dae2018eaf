// Both databases run WebAssembly in podbot's process: Prisma's query compiler always, PGlite for the embedded
// database. By default V8 also compiles WebAssembly with its optimising compiler (TurboFan), and that machine
// code was the largest single part of podbot's idle memory: about 50 MB for Prisma's query compiler alone
// (idle RSS on PostgreSQL 188 MB → 137 MB without it; bench/startup.ts). V8's baseline compiler (Liftoff) alone
// keeps code small; the work each request asks of the database is small, so slower wasm costs little
// (bench/join-pod.ts shows the latencies).
import { setFlagsFromString } from 'node:v8';

let applied = false;

/** Compile WebAssembly with the baseline compiler only. Call before the first database query (it is process-wide). */
export function useLeanWasm(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--liftoff-only');
}
