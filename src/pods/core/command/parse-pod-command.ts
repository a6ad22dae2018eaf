import { findClosestMatch } from '../../../kit/text/find-closest-match';
import { normalizePodName } from './pod-name';
import { escapeMrkdwn } from '../../../kit/slack/text';

export type PodCommand =
  | { kind: 'mine' }
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'info'; name: string }
  /** Without a name: the caller's only pod (the handler asks which one if there are several). */
  | { kind: 'leave'; name?: string }
  | { kind: 'create'; name: string; advocates: string[]; area?: string }
  | { kind: 'archive'; name: string }
  | { kind: 'advocate'; name: string; userId: string }
  | { kind: 'remove'; name: string; userId: string }
  /** A subcommand another capability added (see PodExtension); `args` is the rest of the text. */
  | { kind: 'extension'; name: string; args: string }
  | { kind: 'invalid'; message: string };

type Subcommand = Exclude<PodCommand['kind'], 'mine' | 'invalid' | 'extension'>;

/** A subcommand added by another capability, as the parser needs it. */
export interface ExtraSubcommand {
  name: string;
  usage: string;
}

/** One line of usage per subcommand, reused by `/pod help` and by every error message. */
export const POD_COMMAND_USAGE: Record<Subcommand, string> = {
  list: '`/pod list` — all pods, their size and advocates',
  info: '`/pod info <name>` — one pod: area, members, advocates, channel',
  leave: '`/pod leave [name]` — leave a pod (the name is needed only if you are in several)',
  help: '`/pod help` — this help',
  create: '`/pod create <name> @advocate [@advocate…] [area…]` — create a pod (admins)',
  archive: '`/pod archive <name>` — archive a pod, keeping its history (admins)',
  advocate: '`/pod advocate <name> @person` — make someone an advocate of a pod (admins and that pod’s advocates)',
  remove: '`/pod remove <name> @person` — remove someone from a pod (admins and that pod’s advocates)',
};

export const POD_USAGE = podUsage();

/** `/pod help`'s usage list, with the subcommands other capabilities added. */
export function podUsage(extra: readonly ExtraSubcommand[] = []): string {
  return ['*Usage*', '`/pod` — your pods', ...Object.values(POD_COMMAND_USAGE), ...extra.map((subcommand) => subcommand.usage)].join('\n');
}

const SUBCOMMANDS = Object.keys(POD_COMMAND_USAGE) as Subcommand[];

/**
 * Slack sends user mentions as `<@U123|name>` or `<@U123>` when the command has "Escape channels,
 * users, and links" switched on; without it, podbot would only see `@name`.
 * https://api.slack.com/interactivity/slash-commands#creating_commands
 */
const USER_MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

/** Splits on whitespace but keeps Slack's `<…>` escapes whole, since their labels may hold spaces. */
function tokenize(text: string): string[] {
  return text.match(/<[^>]*>|\S+/g) ?? [];
}

function invalid(problem: string, usage: string = POD_USAGE): PodCommand {
  return { kind: 'invalid', message: `${problem}\n\n${usage}` };
}

function readName(token: string | undefined, subcommand: Subcommand): { name: string } | { error: PodCommand } {
  if (token === undefined) {
    return { error: invalid(`\`/pod ${subcommand}\` needs a pod name.`, POD_COMMAND_USAGE[subcommand]) };
  }
  const name = normalizePodName(token);
  if (name === undefined) {
    return {
      error: invalid(
        `\`${escapeMrkdwn(token)}\` is not a pod name: pod names use lowercase letters, digits and dashes, like \`docs\`.`,
        POD_COMMAND_USAGE[subcommand],
      ),
    };
  }
  return { name };
}

function readUser(token: string | undefined, subcommand: Subcommand): { userId: string } | { error: PodCommand } {
  if (token === undefined) {
    return { error: invalid(`\`/pod ${subcommand}\` needs a person: mention them with @.`, POD_COMMAND_USAGE[subcommand]) };
  }
  const match = USER_MENTION.exec(token);
  if (!match) {
    return {
      error: invalid(
        `podbot could not read \`${escapeMrkdwn(token)}\` as a Slack user. Pick the person from the @ list as you type; ` +
          'if that still fails, the Slack app needs “Escape channels, users, and links” switched on for /pod.',
        POD_COMMAND_USAGE[subcommand],
      ),
    };
  }
  return { userId: match[1] };
}

function tooMany(subcommand: Subcommand, extra: string[]): PodCommand {
  return invalid(`\`/pod ${subcommand}\` does not take \`${escapeMrkdwn(extra.join(' '))}\`.`, POD_COMMAND_USAGE[subcommand]);
}

/** Reads the text after `/pod`; `extra` are the subcommands other capabilities added. */
export function parsePodCommand(text: string, extra: readonly ExtraSubcommand[] = []): PodCommand {
  const [first, ...args] = tokenize(text.trim());
  if (first === undefined) return { kind: 'mine' };
  const subcommand = first.toLowerCase();
  if (!(SUBCOMMANDS as string[]).includes(subcommand) && extra.some((added) => added.name === subcommand)) {
    return { kind: 'extension', name: subcommand, args: text.trim().slice(first.length).trim() };
  }

  switch (subcommand) {
    case 'list':
    case 'help':
      return args.length > 0 ? tooMany(subcommand, args) : { kind: subcommand };

    case 'info':
    case 'archive': {
      const read = readName(args[0], subcommand);
      if ('error' in read) return read.error;
      return args.length > 1 ? tooMany(subcommand, args.slice(1)) : { kind: subcommand, name: read.name };
    }

    case 'leave': {
      if (args.length === 0) return { kind: 'leave' };
      const read = readName(args[0], subcommand);
      if ('error' in read) return read.error;
      return args.length > 1 ? tooMany(subcommand, args.slice(1)) : { kind: 'leave', name: read.name };
    }

    case 'advocate':
    case 'remove': {
      const name = readName(args[0], subcommand);
      if ('error' in name) return name.error;
      const user = readUser(args[1], subcommand);
      if ('error' in user) return user.error;
      return args.length > 2 ? tooMany(subcommand, args.slice(2)) : { kind: subcommand, name: name.name, userId: user.userId };
    }

    case 'create': {
      const name = readName(args[0], subcommand);
      if ('error' in name) return name.error;
      const advocates: string[] = [];
      let index = 1;
      while (index < args.length && args[index].startsWith('<@')) {
        const user = readUser(args[index], subcommand);
        if ('error' in user) return user.error;
        if (!advocates.includes(user.userId)) advocates.push(user.userId);
        index++;
      }
      if (advocates.length === 0) {
        // Report the token that was there, so "@bob" without escaping gets the escaping hint.
        const user = readUser(args[1], subcommand);
        if ('error' in user) return user.error;
      }
      const area = args.slice(index).join(' ').trim();
      return { kind: 'create', name: name.name, advocates, ...(area ? { area } : {}) };
    }

    default: {
      const suggestion = findClosestMatch(subcommand, [...SUBCOMMANDS, ...extra.map((added) => added.name)]);
      const hint = suggestion ? ` Did you mean \`/pod ${suggestion}\`?` : '';
      return invalid(`\`/pod ${escapeMrkdwn(first)}\` is not a podbot command.${hint}`, podUsage(extra));
    }
  }
}
