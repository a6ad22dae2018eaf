// Pods' public API: other capabilities and the entry layer import pods only from here.
export { registerPods } from './register';
export { podsSection, podSettingsSection, type PodConfig, type PodSettings } from './config';
export { type Level, type PodAdvocate, type PodMember, type PodView, isFull, isOpen } from './core/types';
export { matchPods } from './core/mentions/match-pods';
export { renderJoinPodPicker } from './core/join/render-join-pod-picker';
export { loadPodViews } from './store/load-pod-views';
