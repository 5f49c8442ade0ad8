/**
 * missing_file: a file or directory the process needs is absent (not shipped in the image, a runtime
 * dir not created, or hidden by a volume mount over its directory).
 */
import { kubectl } from '../kubectl.ts';
import type { Rule } from '../rule.ts';
import { clip } from '../format.ts';
import { DOTENV } from './config-clues.ts';
import { entrypointHiddenByMount, execNoSuchFile } from './exec-clues.ts';
import { finding, hitEvidence, logEvidence, matchSignatures, type Signature } from './log-helpers.ts';

// Loader, interpreter, CRLF and module failures also say "no such file": their rules own them. A
// PostgreSQL "extension control file" is a server extension package that is not installed.
const NOT_FILE =
  /\bexec\b|root certificate file|exec user process|bad interpreter|shared librar|shared object|\\r|\bCannot find module '[^./]|node_modules|site-packages|\bstat \/[^\s:]+: no such file|extension control file/;

const SIGNATURES: Signature[] = [
  {
    // Build output or config the runtime stage never received.
    all: [/Could not find a production build in the|Invalid path: \/[\w.-]/],
    confidence: 0.85,
    title: 'A file or build output the app needs is not in the image',
  },
  {
    // Kestrel told to serve HTTPS with no certificate file in the container.
    all: [/No server certificate was specified, and the default developer certificate could not be found/],
    confidence: 0.8,
    title: 'HTTPS is configured but no certificate file is in the container',
  },
  {
    // Spring Boot's config import of a file that is not there.
    all: [/Config data resource '/, /does not exist/],
    confidence: 0.82,
    title: 'A config file the app imports is not in the container',
  },
  {
    // A bind-mounted host file that did not exist became an empty directory (TAXONOMY: missing_file).
    // nginx "pread() ... failed (21: Is a directory)", Java "(Is a directory)", Python IsADirectoryError,
    // Rust "Is a directory (os error 21)": a subPath whose ConfigMap key is missing is a directory too.
    all: [
      /: [Ii]s a directory\b|\bEISDIR\b|[Ii]s a directory: '|\((?:21: )?Is a directory\)|\bIsADirectoryError\b|\bIs a directory \(os error 21\)/,
    ],
    confidence: 0.76,
    title: 'A file the app reads is a directory (a host path or subPath mounted where the file was missing?)',
  },
  {
    // "Definitions file at '/etc/rabbitmq/definitions.json' does not exist".
    all: [/ file at '/, /' does not exist/],
    confidence: 0.8,
    title: 'A file the server is configured to load is not in the container',
  },
  {
    // viper: no config file in any of the search paths.
    all: [/Config File "/, /" Not Found in "/],
    confidence: 0.8,
    title: 'The config file is not in any path the app searches',
  },
  {
    // Go: template/embed globs that match nothing because the files were not copied into the image.
    all: [/pattern matches no files: /],
    confidence: 0.8,
    title: 'Template or asset files the app loads are not in the image',
  },
  {
    all: [/System\.IO\.(?:FileNotFound|DirectoryNotFound)Exception/],
    confidence: 0.85,
    title: 'A file the app needs is not in the container',
    not: /Could not load file or assembly/,
  },
  {
    all: [/FileNotFoundError: /],
    confidence: 0.82,
    title: 'A file the app needs is not in the container',
    // "No usable temporary directory": none of the temp dirs is writable (read-only root filesystem).
    not: /No usable temporary directory|\bexec\b|exec user process|bad interpreter|shared librar|shared object|\\r|\bCannot find module '[^./]|node_modules|site-packages|\bstat \/[^\s:]+: no such file/,
  },
  {
    all: [/java\.io\.FileNotFoundException: /, /No such file or directory|cannot find the (?:file|path)/],
    confidence: 0.82,
    title: 'A file the app needs is not in the container',
  },
  {
    all: [/java\.nio\.file\.NoSuchFileException/],
    confidence: 0.82,
    title: 'A file the app needs is not in the container',
  },
  {
    all: [/\bENOENT\b/, /no such file or directory, (?:open|scandir|stat|lstat|access|mkdir|realpath)/],
    confidence: 0.8,
    title: 'A file the app needs is not in the container',
    not: NOT_FILE,
  },
  {
    all: [/can't open file '[^']+': \[Errno 2\]/],
    // "'manage.py runserver'" is a quoting problem (bad_command_args), not a missing file.
    not: /can't open file '[^' ]+\.py [^']+'/,
    confidence: 0.85,
    title: 'The script the container runs is not in the image',
  },
  {
    all: [
      /\b(?:myid|keystore|truststore|certificate|key|config(?:uration)?|settings|properties) file (?:is )?missing\b/i,
    ],
    confidence: 0.75,
    title: 'A file the server needs is not in the container',
  },
  {
    all: [/Unable to access jarfile/],
    confidence: 0.85,
    title: 'The jar the container runs is not in the image',
    // "$JAR_FILE" literally: an unexpanded variable in the command (bad_command_args).
    not: /jarfile \$/,
  },
  {
    all: [/The application to execute does not exist: /],
    confidence: 0.85,
    title: 'The .NET application dll is not in the image',
  },
  {
    all: [/\bCannot find module '(?:\/|\.\.?\/)[^']+'/],
    confidence: 0.78,
    title: 'The entry file the container runs is not in the image',
    not: /node_modules/,
  },
  {
    all: [/\bopen\(\) "[^"]+" failed \(2: No such file or directory\)/],
    confidence: 0.8,
    title: 'A file nginx needs is missing',
  },
  {
    all: [/Failed opening required '[^']+'/],
    confidence: 0.78,
    title: 'A PHP file the app requires is missing',
    not: /vendor\/autoload\.php/,
  },
  {
    all: [/\bopen [^\s:]+: no such file or directory/],
    confidence: 0.75,
    title: 'A file the app needs is not in the container',
    not: NOT_FILE,
  },
  {
    // "No config file 'alembic.ini' found", "Could not find config file", "Could not find config
    // defaults": the tool looked for its config and nothing was there (not shipped, .dockerignore'd).
    all: [
      /\b(?:[Nn]o|[Cc]ould not (?:find|locate)|[Cc]annot find|[Cc]an't find|[Uu]nable to (?:find|locate))(?: an?| the)? (?:config(?:uration)?|settings|ini|properties) (?:file|defaults)\b/,
    ],
    confidence: 0.78,
    title: 'A configuration file the app needs is not in the container',
    // "No config file found, using defaults" is a notice, not the failure.
    not: /using (?:the )?defaults?|falling back|\bskipping\b/i,
  },
  {
    all: [
      /\b(?:[Cc]onfig(?:uration)? file|[Cc]ertificate file|[Kk]ey file)\b/,
      /\b(?:not found|does not exist|doesn't exist|is missing|No such file)/,
    ],
    confidence: 0.72,
    title: 'A configuration file the app needs is missing',
  },
  {
    all: [/[Nn]o such file or directory/],
    confidence: 0.6,
    title: 'A file or directory the app needs is missing',
    not: NOT_FILE,
  },
];

export const missingFile: Rule = {
  id: 'missing-file',
  match: (ctx) => {
    const steps = [
      `Check the mounts (a volume mounted over a directory hides the image's files): ${kubectl.podSpec(ctx.target, '{.spec.containers[*].volumeMounts}')}`,
      `Look for the file in the image: ${kubectl.debugCopy(ctx.target, 'ls -la /path/to/dir')}`,
    ];
    const hit = matchSignatures(ctx, SIGNATURES);
    if (hit) {
      return finding(ctx, {
        ruleId: 'missing-file',
        category: 'missing_file',
        title: hit.signature.title,
        // A missing .env file is missing variables first (the missing-env-var rule says so).
        confidence: DOTENV.test(hit.line.text) ? Math.min(hit.confidence, 0.55) : hit.confidence,
        evidence: hitEvidence(hit),
        steps,
      });
    }
    const hidden = entrypointHiddenByMount(ctx);
    if (hidden) {
      return finding(ctx, {
        ruleId: 'missing-file',
        category: 'missing_file',
        title: hidden.mountPath
          ? `The entrypoint ${hidden.path} is hidden by the volume mounted at ${hidden.mountPath}`
          : `The entrypoint ${hidden.path} is not in the container: a volume mounted over its directory hides it?`,
        confidence: hidden.mountPath ? 0.88 : 0.62,
        evidence: [{ line: null, text: clip(hidden.text, 300), source: 'status' }],
        steps,
      });
    }
    // The exec-time ENOENT could also be the entrypoint file itself missing.
    const exec = execNoSuchFile(ctx);
    if (!exec) return null;
    return finding(ctx, {
      ruleId: 'missing-file',
      category: 'missing_file',
      title: 'The entrypoint could not be executed: the file, or the interpreter it names, is missing',
      confidence: exec.readings.file,
      evidence:
        exec.line.line > 0 ? logEvidence([exec.line]) : [{ line: null, text: exec.line.text, source: 'status' }],
      steps,
    });
  },
};
