export interface LinkState {
  /** The caller's Slack id. */
  caller: string;
  /** The login the caller asked for, as GitHub spells it. */
  login: string;
  /** The caller's current link, if any. */
  callerLogin?: string;
  /** Who holds that login now (Slack id), if anyone. */
  ownerOfLogin?: string;
}

export type LinkDecision =
  | { kind: 'link'; replacing?: string }
  | { kind: 'already-linked' }
  | { kind: 'taken'; owner: string };

/**
 * One GitHub login belongs to one Slack person: the ledger's contributions (and the level derived from them)
 * must not be claimed by two people.
 */
export function decideLink(state: LinkState): LinkDecision {
  if (state.ownerOfLogin && state.ownerOfLogin !== state.caller) return { kind: 'taken', owner: state.ownerOfLogin };
  if (state.callerLogin && state.callerLogin.toLowerCase() === state.login.toLowerCase()) return { kind: 'already-linked' };
  return { kind: 'link', replacing: state.callerLogin };
}
