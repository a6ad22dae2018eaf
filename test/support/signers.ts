// Real request signatures, as Slack and GitHub compute them.
import { createHmac } from 'node:crypto';

/** Slack v0 signature headers. https://api.slack.com/authentication/verifying-requests-from-slack */
export function slackSignature(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

/** GitHub's X-Hub-Signature-256 value. https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries */
export function githubSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
