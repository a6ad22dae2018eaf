// The care capability's public API: other code imports care only from here.
export { registerCare } from './register';
