/** Block Kit action ids of the welcome DM's buttons, shared by the renderer and the Slack handlers. */
export const WELCOME_PICK_POD_ACTION = 'welcome_pick_pod';
export const WELCOME_LINK_GITHUB_ACTION = 'welcome_link_github';
