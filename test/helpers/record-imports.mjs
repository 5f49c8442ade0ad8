// Preloaded (--import) into a CLI process by test/cli/startup-imports.test.ts: records every module URL
// the process resolves and writes the list at exit to the file named by EXITCODE_RECORD_IMPORTS.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const target = process.env.EXITCODE_RECORD_IMPORTS;
const seen = new Set();
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    seen.add(result.url);
    return result;
  },
});
if (target) process.on('exit', () => writeFileSync(target, JSON.stringify([...seen])));
