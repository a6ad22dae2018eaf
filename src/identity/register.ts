import type { Feature } from '../context';
import { registerLinkGitHubCommand } from './slack/link-github-command';
import { registerLinkGitHubModal } from './slack/link-github-modal';
import { registerUnlinkGitHubCommand } from './slack/unlink-github-command';

/** Identity: `/link-github`, `/unlink-github` and the "Link GitHub" modal, which tie a Slack account to a GitHub login. */
export const registerIdentity: Feature = (ctx, { slack }) => {
  if (!slack) return;
  registerLinkGitHubCommand(slack, ctx);
  registerUnlinkGitHubCommand(slack, ctx);
  registerLinkGitHubModal(slack, ctx);
};
