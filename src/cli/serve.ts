/**
 * `exitcode serve`: runs the Slack bot until SIGTERM/SIGINT. Configuration problems are printed as the
 * list loadConfig builds, and the command exits 1 without starting anything.
 */
import { describeSettings, type SettingDescription } from '../config.ts';
import { userSentence } from '../errors.ts';
import type { Command } from './io.ts';

/** One block per setting, generated from the schema in src/config.ts (never a copy of it). */
export const settingsHelp = (settings: SettingDescription[] = describeSettings()): string =>
  settings
    .map((setting) => {
      const facts = [
        setting.default !== undefined ? `default: ${setting.default}` : 'default: unset',
        ...(setting.secret ? ['secret: keep it in a Kubernetes Secret; never printed or logged'] : []),
      ];
      return `  ${setting.name}\n      ${setting.description}\n      (${facts.join('; ')})`;
    })
    .join('\n');

const help = (program: string): string =>
  [
    `Usage: ${program} serve`,
    '',
    'Runs the Slack bot until SIGTERM or SIGINT. Settings come from environment variables (all of them are',
    'validated at start-up, and every problem is listed at once); secrets are marked as such:',
    '',
    settingsHelp(),
    '',
  ].join('\n');

export const serve: Command = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(help(io.program ?? 'exitcode'));
    return 0;
  }
  if (argv.length > 0) {
    io.stderr(`exitcode serve: unexpected argument "${argv[0]}". Settings come from the environment.\n`);
    return 2;
  }
  // Loaded here, not at the top: `serve --help` must not pay for Bolt and the Kubernetes client.
  const [{ startBot }, { handleCrashes, handleSignals }] = await Promise.all([
    import('../main.ts'),
    import('../ops/shutdown.ts'),
  ]);
  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot({ env: io.env });
  } catch (error) {
    const sentence = userSentence(error);
    // The configuration list already starts with "exitcode cannot start"; other failures get the same lead.
    io.stderr(`${sentence.startsWith('exitcode') ? '' : 'exitcode cannot start: '}${sentence}\n`);
    return 1;
  }
  const stop = async () => {
    await bot.stop();
  };
  // The process object is the one place these handlers belong: serve is the long-running entry point.
  handleCrashes({
    logger: bot.logger,
    proc: process,
    exit: (code) => process.exit(code),
    stop,
    onError: bot.metrics.error,
  });
  return new Promise<number>((resolve) => {
    handleSignals({
      logger: bot.logger,
      proc: process,
      stop,
      exit: (code) => {
        resolve(code);
        // Idle keep-alive sockets can hold the event loop for a few seconds after a clean stop; the timer
        // is unref'd, so it only fires if something still keeps the process alive.
        setTimeout(() => process.exit(code), 3_000).unref();
      },
    });
  });
};
