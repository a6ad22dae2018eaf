import type { Feature } from './context';
import { registerCalls } from './calls/register';
import { registerPods } from './pods/register';
import { registerReleases } from './releases/register';
import { registerWelcome } from './welcome/register';

/** Every capability, registered on the app's surfaces (Slack, GitHub webhooks, HTTP routes, scheduler). */
export const features: Feature[] = [registerPods, registerWelcome, registerReleases, registerCalls];
