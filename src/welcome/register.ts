import type { Feature } from '../app/context';

/** Wires the welcome capability into the app (Slack listeners, webhook handlers, routes, scheduled jobs). */
export const registerWelcome: Feature = () => {};
