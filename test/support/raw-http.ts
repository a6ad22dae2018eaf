// Sends bytes exactly as given over TCP (fetch normalizes URLs, so it cannot send a malformed request line).
import { connect } from 'node:net';

/** Writes `request` to host:port and resolves with the status line's code and the raw answer (or '' if none came). */
export function rawRequest(url: string, request: string, timeoutMs = 5_000): Promise<{ status: number | undefined; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : undefined, text });
    });
    socket.write(request);
  });
}
