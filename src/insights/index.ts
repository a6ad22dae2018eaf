// The insights capability's public API: other code imports insights only from here.
export { registerInsights } from './register';
