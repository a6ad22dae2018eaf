/**
 * Block Kit ids of the "Link GitHub" modal, shared by its renderer and its submission handler. The values
 * predate the identity folder (the modal was first opened from the welcome DM); they stay as they are so a
 * modal opened before an upgrade can still be submitted after it.
 */
/** callback_id of the modal. */
export const LINK_GITHUB_VIEW = 'welcome_link_github_modal';
/** block_id / action_id of the login input in that modal. */
export const LINK_GITHUB_INPUT_BLOCK = 'github_login';
export const LINK_GITHUB_INPUT_ACTION = 'login';
