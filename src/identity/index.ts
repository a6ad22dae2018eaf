// Identity's public API: other capabilities import identity only from here.
export { registerIdentity } from './register';
export { renderLinkGitHubModal } from './core/render-link-github-modal';
