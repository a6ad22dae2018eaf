/** Block Kit action and view ids of the welcome DM, shared by the renderers and the Slack handlers. */
export const WELCOME_PICK_POD_ACTION = 'welcome_pick_pod';
export const WELCOME_LINK_GITHUB_ACTION = 'welcome_link_github';
/** callback_id of the "Link GitHub" modal. */
export const LINK_GITHUB_VIEW = 'welcome_link_github_modal';
/** block_id / action_id of the login input in that modal. */
export const LINK_GITHUB_INPUT_BLOCK = 'github_login';
export const LINK_GITHUB_INPUT_ACTION = 'login';
