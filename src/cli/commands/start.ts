// podbot start: the server. Runs until SIGTERM or SIGINT, then drains in-flight work and the outbox and exits 0.
import type { Command } from '../command';
import { parseOptions } from '../parse-options';

export const startCommand: Command = {
  name: 'start',
  summary: 'serve Slack, GitHub and HTTP (migrates the database first)',
  help: `usage: podbot start

Reads the environment (and .env) and podbot.yml, applies pending migrations, and serves on PORT until
SIGTERM or SIGINT, then finishes in-flight work and stops. Probes: GET /livez, GET /readyz (/healthz).

exit codes: 0 stopped cleanly, 1 failure, 2 configuration problem`,
  async run(argv, ctx) {
    parseOptions(argv, {});
    // From the bundle (how podbot runs: bin/podbot.mjs, npm start, the container), the app runs in its own thread
    // behind a front door that acknowledges Slack commands (src/front/). Run from the TypeScript sources (tests),
    // there is no compiled app thread to start, and the app runs on this thread.
    const { appThreadAvailable, startBehindFrontDoor } = await import('../../front/start-behind-front-door');
    if (appThreadAvailable()) {
      const podbot = await startBehindFrontDoor(ctx.env);
      const signal = await Promise.race([ctx.stopRequested, podbot.failed]);
      await podbot.stop(signal);
      return 0;
    }
    const { startPodbot } = await import('../../index');
    const podbot = await startPodbot(ctx.env);
    const signal = await ctx.stopRequested;
    await podbot.stop(signal);
    return 0;
  },
};
