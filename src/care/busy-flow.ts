import type { AppContext } from '../context';
import { section, type SlackMessage } from '../kit/slack/blocks';
import { parseBusy } from './core/parse-busy';
import { clearBusy, setBusy } from './store/busy';

const plain = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

/** `/pod busy [until <date>]` and `/pod busy off`: whether podbot asks this person for reviews. */
export async function runBusyCommand(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, actor: string, args: string): Promise<SlackMessage> {
  const now = ctx.clock.now();
  const command = parseBusy(args, { timeZone: ctx.config.care.timeZone, now });
  switch (command.kind) {
    case 'invalid':
      return plain(command.message);
    case 'off':
      return plain((await clearBusy(ctx.db, actor)) ? 'Welcome back: podbot may ask you for reviews again.' : 'You were not marked busy; podbot may ask you for reviews.');
    case 'busy':
      await setBusy(ctx.db, { slackUserId: actor, now, ...(command.until ? { until: command.until } : {}) });
      return plain(
        command.untilDate
          ? `Noted: podbot will not ask you for reviews until ${command.untilDate} is over. \`/pod busy off\` ends it sooner.`
          : 'Noted: podbot will not ask you for reviews until you run `/pod busy off`.',
      );
  }
}
