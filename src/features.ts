import type { Feature } from './app/context';

/** Every capability, registered on the app's surfaces (Slack, GitHub webhooks, HTTP routes, scheduler). */
export const features: Feature[] = [];
