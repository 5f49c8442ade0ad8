/**
 * `exitcode serve`: runs the Slack bot until SIGTERM/SIGINT. Configuration problems are printed as the
 * list loadConfig builds, and the command exits 1 without starting anything.
 */
import { userSentence } from '../errors.ts';
import { startBot } from '../main.ts';
import { handleCrashes, handleSignals } from '../ops/shutdown.ts';
import type { Command } from './io.ts';

const HELP = [
  'Usage: exitcode serve',
  '',
  'Runs the Slack bot. Settings come from environment variables (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET,',
  'SLACK_APP_TOKEN for Socket Mode, EXITCODE_NAMESPACES, ...): see the README.',
  '',
].join('\n');

export const serve: Command = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(HELP);
    return 0;
  }
  if (argv.length > 0) {
    io.stderr(`exitcode serve: unexpected argument "${argv[0]}". Settings come from the environment.\n`);
    return 2;
  }
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
