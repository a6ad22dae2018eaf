// Release credit's public API: the composition root, the CLI (scripts/release-notes.ts), the benchmark and other
// capabilities import releases only from here.
export { registerReleases } from './register';
export { planReleaseBody, prepareCredits, readCurrentRelease, type PreparedCredits } from './prepare-credits';
export { gatherRelease, GatherReleaseError, type GatheredRelease, type GatherOptions } from './gather/gather-release';
export { computeCredits } from './core/credits/compute-credits';
export { fitCreditsBlock } from './core/body/fit-credits-block';
export { renderCreditsBlock } from './core/body/render-credits-block';
export type { Credits } from './types';
