import type { Feature } from '../app/context';

/** Wires the releases capability into the app (Slack listeners, webhook handlers, routes, scheduled jobs). */
export const registerReleases: Feature = () => {};
