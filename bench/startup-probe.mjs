// Preloaded (--import) into each process the start-up bench runs: writes the process's own CPU time at
// exit, so the figure is the child's from its first instruction, measured the same way on every OS.
import { writeFileSync } from 'node:fs';

const target = process.env.EXITCODE_STARTUP_PROBE;
if (target) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(target, JSON.stringify({ cpuMs: (user + system) / 1000 }));
  });
}
