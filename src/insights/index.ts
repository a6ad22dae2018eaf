// The insights capability's public API: other code imports insights only from here.
export { registerInsights } from './register';
// A pod's items nobody has answered yet (the weekly Pod digest and the App Home list them).
export { queryWaitingItems } from './store/query-pods';
export type { WaitingItem } from './core/types';
