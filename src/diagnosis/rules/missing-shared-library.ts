/**
 * missing_shared_library: a dynamically linked binary cannot load its loader or libraries (a glibc
 * binary on Alpine/musl, cgo without CGO_ENABLED=0). exec then reports "no such file or directory" for
 * a file that exists.
 */
import { kubectl } from '../kubectl.ts';
import type { Rule } from '../rule.ts';
import { execNoSuchFile } from './exec-clues.ts';
import { finding, hitEvidence, logEvidence, matchSignatures, type Signature } from './log-helpers.ts';
import { BINDING_SIGNATURES } from './missing-shared-library-bindings.ts';

// qemu-user-static (binfmt_misc) prefixes its own errors with the emulator's name: qemu-x86_64, qemu-aarch64.
const QEMU_USER = /\bqemu-[a-z0-9_]{1,20}(?:-static)?: /;

const SIGNATURES: Signature[] = [
  {
    all: [/error while loading shared libraries/],
    confidence: 0.88,
    title: 'A shared library the binary needs is missing from the image',
  },
  { all: [/cannot open shared object file/], confidence: 0.8, title: 'A shared library cannot be loaded' },
  {
    // A native extension (Python, Ruby, Node) whose system library is absent from the runtime image, as when
    // a driver built in a builder stage is copied into a slim image: the package is there, its libX.so is not.
    all: [/\blib[\w+-]{1,80}(?:\.[\w+-]{1,40}){0,3}\.so(?:\.\d{1,6}){0,4}: cannot open shared object file/],
    confidence: 0.86,
    title: 'A system library a native module links against is missing from the image',
  },
  {
    // The JVM's System.loadLibrary: a native library (libnetty, librocksdbjni, libsnappy) is not in the image.
    all: [/UnsatisfiedLinkError: no [\w.-]{1,80} in java\.library\.path/],
    confidence: 0.78,
    title: 'A native library the Java app loads is missing from the image',
  },
  {
    // .NET P/Invoke: a native library (libgdiplus, libSkiaSharp, libe_sqlite3) is absent from the image.
    all: [/DllNotFoundException: Unable to load (?:shared library|DLL) '[^']{1,120}'/],
    confidence: 0.84,
    title: 'A native library the .NET app loads is missing from the image',
  },
  {
    // .NET on Alpine without icu-libs (or with InvariantGlobalization off).
    all: [/Couldn't find a valid ICU package installed on the system/],
    confidence: 0.85,
    title: 'The ICU library .NET needs is not in the image (icu-libs / libicu)',
  },
  // musl's dlopen wording (a glibc-built native module or wheel loaded on Alpine).
  {
    all: [/Error loading shared library [^\s:]{1,128}: No such file or directory/],
    confidence: 0.88,
    title: 'A native module needs a shared library (or the glibc loader) missing from the image',
  },
  {
    all: [/version [`'‘](?:GLIBC|GLIBCXX|CXXABI)_[0-9.]{1,12}['’] not found/],
    confidence: 0.88,
    title: 'The binary needs a newer glibc than the image has',
  },
  {
    all: [/Error relocating /, /symbol not found/],
    confidence: 0.88,
    title: 'The binary was linked against glibc but runs on musl (Alpine)',
  },
  {
    // Language bindings that dlopen a system library at import time and word the failure themselves:
    // python-magic "failed to find libmagic", cffi "cannot load library 'libcairo.so.2'", cairocffi "no library
    // called "cairo-2" was found", Ruby ffi "Could not open library 'vips'". The package is installed; the
    // distribution library under it is not in the (slim) image.
    all: [
      /\b(?:[Ff]ailed to find|[Cc]ould(?:n't| not) find|[Uu]nable to find|[Cc]annot find|[Cc]ould(?:n't| not) (?:open|load)|[Cc]annot (?:open|load)|[Uu]nable to load|[Ff]ailed to load) (?:the )?(?:(?:shared |native |dynamic |system )?library ['"`]?[\w.+-]{1,60}['"`]?|lib[a-z0-9_]{2,40}(?:\.so(?:\.\d{1,6}){0,3})?['"`]?(?![\w/-]|\.[\w-]))|\bno library called ['"`][\w.+-]{1,60}['"`] was found/,
    ],
    confidence: 0.8,
    title: 'A native library a language binding loads at run time is not in the image',
    not: /[Cc]annot find module|[Mm]odule not found|ModuleNotFoundError|No module named/,
  },
  {
    all: [
      /\/lib64\/ld-linux-x86-64\.so\.2|\/lib\/ld-linux-aarch64\.so\.1|ld-musl-[a-z0-9_]{1,12}\.so/,
      /No such file|not found|cannot/i,
    ],
    confidence: 0.85,
    title: "The binary's dynamic loader is missing from the image",
    not: QEMU_USER,
  },
  {
    // qemu-user (binfmt) running the binary means the binary is for another CPU than the node: the foreign
    // loader is absent because the image is built for the node's architecture (exec_format_error). Only a
    // musl image of the binary's own architecture lacking the glibc loader would make it this cause.
    all: [QEMU_USER, /ld-linux-[\w-]{1,20}\.so\.\d|ld-musl-[a-z0-9_]{1,12}\.so/],
    confidence: 0.55,
    title: 'The loader of a binary running under CPU emulation is missing (most often a binary for another CPU)',
  },
  ...BINDING_SIGNATURES,
];

// "/bin/sh: /app/server: not found" for a path outside the system bin dirs.
const SHELL_NOT_FOUND = /\bsh: (?:\d+: )?\.?\/(?!(?:usr\/)?(?:local\/)?s?bin\/)[^\s:]+: not found\s*$/;

// busybox ash and dash say the same "name: not found" for a program looked up on PATH whose file is there but
// whose loader is not (a glibc build such as the aws-cli v2 installer's on Alpine); bash says "command not
// found" instead. Usually the program is simply absent (command_not_found), so this is only an alternative.
const BUSYBOX_NOT_FOUND = /(?:\bsh|: line \d{1,6}|: \d{1,6}): ([A-Za-z][\w.+-]{0,60}): not found\s{0,4}$/;
const SCRIPT_NAME = /\.(?:sh|bash|py|rb|pl)\b/;

// An `ls -l` (or `stat`-like) line showing an executable file whose path ends in the program's name: the shell's
// "not found" then cannot mean the file is absent, so the kernel could not load it (its ELF interpreter).
const EXECUTABLE_LISTING = /^\s{0,4}-r[-w][xs][-r][-w][-xs]\S{0,12}\s[^\n]{0,200}\/([\w.+-]{1,60})\s{0,4}$/;
const listsExecutable = (text: string, program: string): boolean =>
  program !== '' && EXECUTABLE_LISTING.exec(text)?.[1] === program;

export const missingSharedLibrary: Rule = {
  id: 'missing-shared-library',
  match: (ctx) => {
    const steps = [
      `List the binary's libraries: ${kubectl.debugCopy(ctx.target, 'ldd /path/to/binary')}`,
      'Build statically (CGO_ENABLED=0 for Go) or use a base image with the same libc as the build image',
    ];
    const hit = matchSignatures(ctx, SIGNATURES, { status: true });
    if (hit) {
      return finding(ctx, {
        ruleId: 'missing-shared-library',
        category: 'missing_shared_library',
        title: hit.signature.title,
        confidence: hit.confidence,
        evidence: hitEvidence(hit),
        steps,
      });
    }
    // exec of an existing binary reporting ENOENT: its ELF interpreter (the libc loader) is missing.
    const exec = execNoSuchFile(ctx);
    if (!exec) {
      // busybox/dash say "not found" for a binary whose loader is missing, just as for an absent file.
      const shell = ctx.log.lines.find((l) => SHELL_NOT_FOUND.test(l.text) && !SCRIPT_NAME.test(l.text));
      if (!shell) {
        // A script name (run.sh) is an interpreter's or the script's own problem, not a binary's loader.
        const onPath = ctx.log.lines.find((l) => {
          const program = BUSYBOX_NOT_FOUND.exec(l.text)?.[1];
          return program !== undefined && !SCRIPT_NAME.test(program);
        });
        if (!onPath) return null;
        const program = BUSYBOX_NOT_FOUND.exec(onPath.text)?.[1] ?? '';
        const listed = ctx.log.lines.find((l) => listsExecutable(l.text, program));
        return finding(ctx, {
          ruleId: 'missing-shared-library',
          category: 'missing_shared_library',
          title: listed
            ? 'busybox/dash cannot run a program the log shows installed: its libc loader is missing (glibc vs musl)'
            : 'busybox/dash cannot run a program on PATH: if it is installed, its libc loader is missing (glibc vs musl)',
          confidence: listed ? 0.82 : 0.45,
          evidence: logEvidence([listed, onPath]),
          steps,
        });
      }
      return finding(ctx, {
        ruleId: 'missing-shared-library',
        category: 'missing_shared_library',
        title:
          'The shell cannot run a binary of the app: if the file exists, its libc loader is missing (glibc vs musl)',
        confidence: 0.6,
        evidence: logEvidence([shell]),
        steps,
      });
    }
    return finding(ctx, {
      ruleId: 'missing-shared-library',
      category: 'missing_shared_library',
      title:
        'The entrypoint exists but could not be executed: for a binary, its libc loader is missing (glibc vs musl)',
      confidence: exec.readings.library,
      evidence:
        exec.line.line > 0 ? logEvidence([exec.line]) : [{ line: null, text: exec.line.text, source: 'status' }],
      steps,
    });
  },
};
