// Pods' public API: other capabilities and the entry layer import pods only from here.
export { registerPods } from './register';
export { podsSection, podSettingsSection, type PodConfig, type PodSettings } from './config';
export { type Level, type PodAdvocate, type PodMember, type PodView, isFull, isOpen } from './core/types';
export { matchPods } from './core/mentions/match-pods';
export { podsForRepository } from './core/mentions/pods-for-repository';
export { renderJoinPodPicker } from './core/join/render-join-pod-picker';
export { loadPodViews, type StoredPodView } from './store/load-pod-views';

// Pod mentions on GitHub, for the capability that writes the first comment on an issue or PR (welcome).
export type { MentionPlan, PlannedMention } from './core/mentions/plan-pod-mentions';
export type { MentionedItem } from './core/mentions/render-pod-mention-echo';
export { podMentionMarker } from './core/mentions/pod-mention-marker';
export { renderPodReach } from './core/mentions/render-pod-mention-comment';
export { claimMentionsIn, planMentionsFor, type MentionResult } from './mention-flow';
export { mentionPodsOn } from './github/mention-pods';

// Extensions: another capability adds `/pod` subcommands, a line to pod mentions and App Home sections.
export { extendPods, type PodExtension, type PodSubcommand, type MentionAddition, type MentionAdditionTarget } from './extensions';
export { planPodsConfig } from './plan-pods-config';
export { renderConfigPlan } from './core/render-config-plan';
