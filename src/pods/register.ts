import type { Feature } from '../app/context';

/** Wires the pods capability into the app (Slack listeners, webhook handlers, routes, scheduled jobs). */
export const registerPods: Feature = () => {};
