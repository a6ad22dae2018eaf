// Newcomers' public API: other capabilities and the entry layer import newcomers only from here.
export { registerNewcomers } from './register';
export { listWaitingItems, type WaitingItem } from './waiting-items';
