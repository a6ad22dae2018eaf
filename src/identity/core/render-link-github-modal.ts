import { LINK_GITHUB_INPUT_ACTION, LINK_GITHUB_INPUT_BLOCK, LINK_GITHUB_VIEW } from './action-ids';

/** The "Link GitHub" modal (opened from the welcome DM); submitting it is handled by identity. https://api.slack.com/surfaces/modals */
export function renderLinkGitHubModal(currentLogin?: string) {
  return {
    type: 'modal' as const,
    callback_id: LINK_GITHUB_VIEW,
    title: { type: 'plain_text' as const, text: 'Link GitHub' },
    submit: { type: 'plain_text' as const, text: 'Link' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      {
        type: 'input' as const,
        block_id: LINK_GITHUB_INPUT_BLOCK,
        label: { type: 'plain_text' as const, text: 'Your GitHub login' },
        hint: { type: 'plain_text' as const, text: 'The name in your profile URL: github.com/<login>. We check that it exists.' },
        element: {
          type: 'plain_text_input' as const,
          action_id: LINK_GITHUB_INPUT_ACTION,
          placeholder: { type: 'plain_text' as const, text: 'octocat' },
          ...(currentLogin ? { initial_value: currentLogin } : {}),
        },
      },
    ],
  };
}
