import type { Feature } from '../app/context';

/** Wires the calls capability into the app (Slack listeners, webhook handlers, routes, scheduled jobs). */
export const registerCalls: Feature = () => {};
