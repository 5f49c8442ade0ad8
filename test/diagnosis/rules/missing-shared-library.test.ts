import { missingSharedLibrary } from '../../../src/diagnosis/rules/missing-shared-library.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingSharedLibrary, 'missing_shared_library', {
  positives: [
    {
      name: 'classic ld.so error',
      log: '/usr/local/bin/app: error while loading shared libraries: libssl.so.1.1: cannot open shared object file: No such file or directory',
      exitCode: 127,
      min: 0.85,
    },
    {
      name: 'glibc version',
      log: "./server: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by ./server)",
      min: 0.85,
    },
    {
      name: 'musl relocation',
      log: 'Error relocating /app/bin/agent: __memcpy_chk: symbol not found\nError relocating /app/bin/agent: __fprintf_chk: symbol not found',
      min: 0.85,
    },
    {
      name: 'go cgo binary on alpine: exec ENOENT',
      log: 'standard_init_linux.go:211: exec user process caused "no such file or directory"',
      // Unnamed: a cgo binary or a CRLF script, near evenly; the loader reading leads, unsure.
      min: 0.4,
      max: 0.7,
    },
    {
      name: 'python native module',
      log: 'ImportError: libGL.so.1: cannot open shared object file: No such file or directory',
      min: 0.75,
    },
    {
      name: 'libstdc++ too old for a native addon',
      log: "Error: /usr/lib/libstdc++.so.6: version `GLIBCXX_3.4.29' not found (required by /app/node_modules/canvas/build/Release/canvas.node)",
      min: 0.7,
    },
  ],
  negatives: [
    {
      name: 'an ordinary missing config file',
      log: "FileNotFoundError: [Errno 2] No such file or directory: '/app/config.yaml'",
    },
    {
      name: 'library mentioned in an info line',
      log: 'INFO loaded shared libraries: libssl, libcrypto\nINFO listening on :8443',
    },
    {
      name: 'a version banner mentioning GLIBCXX',
      log: 'build info: compiler=g++ 12 GLIBCXX_3.4.30 runtime ok',
    },
  ],
});
