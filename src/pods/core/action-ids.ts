/**
 * Block Kit action ids podbot listens for. Kept in one place so the renderers and the Slack
 * action handlers cannot drift apart.
 */
export const JOIN_POD_ACTION = 'join_pod';
export const JOIN_POD_SWITCH_ACTION = 'join_pod_switch';
export const JOIN_POD_SWITCH_CANCEL_ACTION = 'join_pod_switch_cancel';

const ARROW = '→';

/** Button value for "leave `from`, join `to`". Pod slugs never contain the arrow. */
export function encodeSwitchValue(from: string, to: string): string {
  return `${from}${ARROW}${to}`;
}

/** Reads a switch button's value back; undefined if it was not made by encodeSwitchValue. */
export function decodeSwitchValue(value: string): { from: string; to: string } | undefined {
  const parts = value.split(ARROW);
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return undefined;
  return { from: parts[0], to: parts[1] };
}
