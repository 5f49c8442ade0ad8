/**
 * missing_file: a file or directory the process needs is absent (not shipped in the image, a runtime
 * dir not created, or hidden by a volume mount over its directory).
 */
import { kubectl } from '../kubectl.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { clip } from '../format.ts';
import { DOTENV } from './config-clues.ts';
import {
  entrypointHiddenByMount,
  execNoSuchFile,
  PATH_GLUED_TO_FLAG,
  RELATIVE_FILE_FLAG_NOT_FOUND,
} from './exec-clues.ts';
import { launchFailure } from './exec-launch-clues.ts';
import { DOTENV_FILE_UNREADABLE, FILE_NOT_FOUND_ERRORS, NOT_FILE } from './file-not-found-errors.ts';
import {
  finding,
  hitEvidence,
  logEvidence,
  matchSignatures,
  type Signature,
  type SignatureHit,
} from './log-helpers.ts';
import {
  BUILT_ASSET_SIGNATURES,
  FONT_FILE_SIGNATURES,
  LIBRARY_DATA_FILE_SIGNATURES,
} from './missing-file-assets-data.ts';
import {
  BIND_MOUNT_KIND_MISMATCH,
  CONFIG_FILE_ABSENT_SIGNATURES,
  CONFIG_LOADER_FAILED,
  FILE_NAMED_DIRECTORY,
  IS_A_DIRECTORY,
  NAMED_PATH_ABSENT_SIGNATURES,
  parseErrorBefore,
} from './missing-file-named-paths.ts';
import { PROJECT_ROOT_ABSENT_SIGNATURES } from './missing-file-project-root.ts';

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
  IS_A_DIRECTORY,
  {
    // Options files that the command or config names but that are not there: MySQL/MariaDB "Could not
    // open required defaults file: /etc/mysql/conf.d/x.cnf", "Can't open config file", "Failed to open
    // configuration file". A permission error on the same file belongs to permission_denied.
    all: [
      /\b(?:[Cc]ould not|[Cc]annot|[Cc]an't|[Uu]nable to|[Ff]ailed to) open (?:the )?(?:required )?(?:defaults|config(?:uration)?|options?|settings|ini) file\b/,
    ],
    confidence: 0.8,
    title: 'A configuration file the command names is not in the container',
    not: /[Pp]ermission denied|EACCES|[Rr]ead-only file system/,
  },
  {
    // A plugin directory searched on disk (Ghost storage adapters, themes, extensions) that a volume
    // mounted over the content directory hides, or that the image never had: "Unable to find storage
    // adapter s3 in ,/var/lib/ghost/content/adapters/".
    all: [
      /\b(?:[Uu]nable to|[Cc]ould not|[Cc]annot|[Cc]an't) (?:find|locate) (?:the )?(?:[\w-]{1,30} )?(?:adapter|plugin|extension|theme|module)s? [^\n]{0,120}\bin [,'"‘]?\.{0,2}\//,
    ],
    confidence: 0.74,
    title: 'A plugin the app loads from a directory is not there (a volume over that directory hides it?)',
    not: /node_modules|site-packages/,
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
  ...FILE_NOT_FOUND_ERRORS,
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
    // "$JAR_FILE" or "/app/*.jar" literally: a variable or glob no shell expanded (exec form); "-XX:..."
    // as the jar: an option in the jar's place. All are bad_command_args first.
    not: /jarfile ['"]?(?:[$-]|[^\s'"*]{0,200}\*)/,
  },
  {
    // The .NET host names the full path of an app dll that is not there: the path is right, the file
    // was not shipped (publish output copied elsewhere in the runtime stage).
    all: [/The application to execute does not exist: /],
    confidence: 0.85,
    title: 'The .NET application dll is not in the image',
  },
  {
    // "The application 'Api.dll' does not exist": the dll named in the entrypoint is not in the working
    // directory. Either the image lacks it or the command names the wrong assembly (a renamed project,
    // a case mismatch); the bad-command-args rule reads the bare name as the latter, so this stays second.
    all: [/\bThe application '[^']{1,200}\.(?:dll|exe)' does not exist/],
    confidence: 0.68,
    title: 'The .NET application dll is not in the image (or the entrypoint names the wrong assembly)',
  },
  {
    all: [/\bCannot find module '(?:\/|\.\.?\/)[^']+'/],
    confidence: 0.78,
    title: 'The entry file the container runs is not in the image',
    not: /node_modules/,
  },
  {
    // Deno's import of a local file that is not there: "Module not found "file:///app/src/x.ts"".
    all: [/\bModule not found "file:\/\/\/[^"\s]{1,300}"/],
    confidence: 0.8,
    title: 'A source file the app imports is not in the image',
  },
  {
    all: [/\bopen\(\) "[^"]+" failed \(2: No such file or directory\)/],
    confidence: 0.8,
    title: 'A file nginx needs is missing',
  },
  {
    // Composer's autoloader absent: composer install never ran in the image, or a volume mounted over
    // the app dir (an emptyDir shared with nginx, a bind mount of the source) hides vendor/. The first is
    // an uninstalled dependency (missing-dependency says so), the second a hidden file: a close second.
    all: [/\bvendor\/autoload\.php\b/, /Failed opening required|Failed to open stream|No such file or directory/],
    confidence: 0.7,
    title:
      'vendor/autoload.php is not there: a volume mounted over the app dir hides vendor/, or composer install never ran',
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
  ...CONFIG_FILE_ABSENT_SIGNATURES,
  ...NAMED_PATH_ABSENT_SIGNATURES,
  ...BUILT_ASSET_SIGNATURES,
  ...FONT_FILE_SIGNATURES,
  ...LIBRARY_DATA_FILE_SIGNATURES,
  ...PROJECT_ROOT_ABSENT_SIGNATURES,
  {
    // Model servers whose model file is absent or misnamed: Hugging Face "does not appear to have a
    // file named config.json", TF Serving "No versions of servable x found under base path", "SavedModel
    // file does not exist at", "model file not found".
    all: [
      /\bdoes not appear to have a file named\b|\bNo versions of servable [^\n]{1,200} found under base path|\bSavedModel file does not exist at|\b[Mm]odel (?:file|path|directory|weights)(?: ['"]?[^\s'"]{1,300}['"]?)? (?:not found|does not exist|doesn't exist|is missing)\b/,
    ],
    confidence: 0.78,
    title: 'The model file the server loads is not in the container',
  },
  {
    all: [/[Nn]o such file or directory/],
    confidence: 0.6,
    title: 'A file or directory the app needs is missing',
    not: NOT_FILE,
  },
];

// The first absolute path a line names.
const ABSOLUTE_PATH = /(?:^|[\s'"(=:‘“])(\/[\w.@+-][\w./@+-]{0,300})/;

/** The mount path of a volume mounted over the path the line names, when the container spec is known. */
const mountOver = (ctx: RuleContext, text: string): string | undefined => {
  const path = ABSOLUTE_PATH.exec(text)?.[1];
  if (path === undefined || !ctx.container) return undefined;
  return ctx.container.volumeMounts
    .map((m) => m.mountPath.replace(/\/$/, ''))
    .find((dir) => dir !== '' && path.startsWith(`${dir}/`));
};

/** The hit's confidence, given what else the log and the spec say about the same line. */
const weighHit = (ctx: RuleContext, hit: SignatureHit, mount: string | undefined): number => {
  const text = hit.line.text;
  // "No such file" from starting a program (subprocess, spawn, ProcessBuilder) is a missing command.
  const launch = launchFailure(ctx);
  // Its errno repeated on an inner exception that names no file ("Caused by: java.io.IOException: error=2,
  // No such file or directory") is the same launch.
  if (launch !== null && hit.lines.every((l) => l === launch.line || !/\//.test(l.text)))
    return Math.min(hit.confidence, 0.45);
  // A file named with the next flag glued on ("/etc/app.conf -J-Xmx768m") was never meant to exist: the
  // args put two arguments in one item (bad-command-args says so).
  if (PATH_GLUED_TO_FLAG.test(text)) return Math.min(hit.confidence, 0.45);
  // A relative path from a flag resolved against the working directory: bad_command_args reads it first.
  if (RELATIVE_FILE_FLAG_NOT_FOUND(text)) return Math.min(hit.confidence, 0.7);
  // A missing .env file is missing variables first (the missing-env-var rule says so), unless the loader
  // itself refuses to start without the file.
  if (DOTENV.test(text) && hit.signature !== DOTENV_FILE_UNREADABLE) return Math.min(hit.confidence, 0.55);
  // A path named like a file (grafana.ini, nginx.conf) that is a directory: a bind mount whose host file
  // did not exist, so the runtime created a directory there. That reading outranks "failed to parse".
  if (hit.signature === IS_A_DIRECTORY && FILE_NAMED_DIRECTORY.test(text)) return Math.max(hit.confidence, 0.86);
  // "Could not load configuration file" after the parser named a bad line is that config's fault.
  if (hit.signature === CONFIG_LOADER_FAILED && parseErrorBefore(ctx.log.lines, hit.line)) return 0.45;
  // A volume mounted over the missing file's directory (an emptyDir over the app dir hides vendor/) is
  // the cause itself, not a rival reading such as an uninstalled dependency. The bare "No such file"
  // reading is too loose to lift.
  return mount && hit.confidence >= 0.7 ? Math.max(hit.confidence, 0.9) : hit.confidence;
};

export const missingFile: Rule = {
  id: 'missing-file',
  match: (ctx) => {
    const steps = [
      `Check the mounts (a volume mounted over a directory hides the image's files): ${kubectl.podSpec(ctx.target, '{.spec.containers[*].volumeMounts}')}`,
      `Look for the file in the image: ${kubectl.debugCopy(ctx.target, 'ls -la /path/to/dir')}`,
    ];
    const hit = matchSignatures(ctx, SIGNATURES);
    if (hit) {
      const mount = mountOver(ctx, hit.line.text);
      return finding(ctx, {
        ruleId: 'missing-file',
        category: 'missing_file',
        title: mount
          ? `${hit.signature.title}: the volume mounted at ${mount} hides the image's files there`
          : hit.signature.title,
        confidence: weighHit(ctx, hit, mount),
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
    const mountKind = matchSignatures(ctx, [BIND_MOUNT_KIND_MISMATCH], { status: true });
    if (mountKind) {
      return finding(ctx, {
        ruleId: 'missing-file',
        category: 'missing_file',
        title: mountKind.signature.title,
        confidence: mountKind.confidence,
        evidence: hitEvidence(mountKind),
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
