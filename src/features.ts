import type { Feature } from './context';
import { registerCalls } from './calls';
import { registerCare } from './care';
import { registerIdentity } from './identity';
import { registerInsights } from './insights';
import { registerLedger } from './ledger';
import { registerNewcomers } from './newcomers';
import { registerPods } from './pods';
import { registerReleases } from './releases';
import { registerWelcome } from './welcome';

/**
 * Every capability, registered on the app's surfaces (Slack, GitHub webhooks, HTTP routes, scheduler). The ledger
 * comes before welcome, so a delivery is recorded by the handler registered first, as it always was. Newcomers comes
 * after welcome: an opened PR's files are listed once for the welcome and pod mentions, and its watch reuses them.
 */
export const features: Feature[] = [
  registerPods,
  registerLedger,
  registerIdentity,
  registerWelcome,
  registerReleases,
  registerCalls,
  registerInsights,
  registerNewcomers,
  registerCare,
];
