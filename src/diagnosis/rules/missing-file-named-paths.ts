/**
 * missing_file's readings of a program that names the file it looked for and says it is not there: its
 * configuration file ("No config file 'alembic.ini' found", "config file ... does not exist"), or any path
 * it names ("'/app/gunicorn.conf.py' doesn't exist", a jar spark-submit skips, a failed stat or lstat, an
 * interpreter that cannot open its script). The program's own wording is the evidence here, not an errno
 * or a language's exception, so these live apart from file-not-found-errors.ts; the missing-file rule
 * lists them in its own order, config files first. A file path that is a directory (IS_A_DIRECTORY) is
 * read here too, so that the rule can lift it when the path is named like a file.
 */
import type { LogLine } from '../types.ts';
import type { Signature } from './log-helpers.ts';
import { STATED_ABSENCE_SIGNATURES } from './missing-file-stated-absence.ts';

export const IS_A_DIRECTORY: Signature = {
  // A bind-mounted host file that did not exist became an empty directory (TAXONOMY: missing_file).
  // nginx "pread() ... failed (21: Is a directory)", Java "(Is a directory)", Python IsADirectoryError,
  // Rust "Is a directory (os error 21)": a subPath whose ConfigMap key is missing is a directory too.
  all: [
    /: [Ii]s a directory\b|\bEISDIR\b|[Ii]s a directory: '|\((?:21: )?Is a directory\)|\bIsADirectoryError\b|\bIs a directory \(os error 21\)/,
  ],
  confidence: 0.76,
  title: 'A file the app reads is a directory (a host path or subPath mounted where the file was missing?)',
};

// A path whose last part has a config/data file extension.
export const FILE_NAMED_DIRECTORY =
  /\/[\w.-]{1,100}\.(?:ini|conf|cnf|cfg|config|ya?ml|json|toml|properties|xml|env|pem|crt|key|sh|py|js|lua|sqlite|db)['"]?(?::|\s|$)/;

export const CONFIG_LOADER_FAILED: Signature = {
  // A framework's config loader names the file it could not load, and the path follows: CakePHP
  // "Could not load configuration file: `/var/www/html/config/app_local.php`", Zend/Laminas "Unable to
  // load config file '/app/config/local.php'", "Failed to load settings file: ./settings.ini". A
  // gitignored local config (app_local.php, .env.local, settings_local.py) never reaches a CI-built
  // image. A loader that found the file but could not parse it says so (syntax, parse, unexpected),
  // though php-fpm prints its parse error on an earlier line: a config rule that read it outranks this.
  all: [
    /\b(?:[Cc]ould not|[Cc]annot|[Cc]an't|[Uu]nable to|[Ff]ailed to) load (?:the )?(?:config(?:uration)?|settings|ini|properties) file:? ['"`‘]?(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\|[\w-]{1,100}\.(?:php|ini|conf|cfg|ya?ml|json|toml|properties|xml|env)\b)/,
  ],
  confidence: 0.76,
  title: 'A configuration file the app loads is not in the image (gitignored or not copied?)',
  not: /\b(?:[Ss]yntax|[Pp]arse|[Pp]arsing|[Uu]nexpected|[Ii]nvalid|[Mm]alformed)\b|[Pp]ermission denied|EACCES/,
};

// A parser's complaint about a line of the config, just before the loader gives up on the whole file:
// php-fpm "[/usr/local/etc/php-fpm.d/www.conf:23] value is NULL for a ZEND_INI_PARSER_ENTRY", "Unable to
// include", "syntax error", "ParseError", "unexpected token".
const CONFIG_PARSE_COMPLAINT =
  /\b(?:[Ss]yntax|[Pp]arse) error\b|\bParseError\b|\bZEND_INI_PARSER|\bUnable to include\b|\b[Uu]nexpected (?:token|character|end|['"`])|:\d{1,6}\] (?:value|unknown|invalid)\b/;

/** True when one of the lines just before the loader's failure is a parse complaint about the config. */
export const parseErrorBefore = (lines: readonly LogLine[], failure: LogLine): boolean => {
  const end = lines.indexOf(failure);
  return end > 0 && lines.slice(Math.max(0, end - 20), end).some((line) => CONFIG_PARSE_COMPLAINT.test(line.text));
};

// The program looked for its configuration file and found none.
export const CONFIG_FILE_ABSENT_SIGNATURES: Signature[] = [
  {
    // "No config file 'alembic.ini' found", "Could not find config file", "Could not find config
    // defaults", "no config files found within /etc/app/config" (a mount that holds other keys): the
    // tool looked for its config and nothing was there (not shipped, .dockerignore'd, mounted over).
    all: [
      /\b(?:[Nn]o|[Cc]ould not (?:find|locate)|[Cc]annot find|[Cc]an't find|[Uu]nable to (?:find|locate))(?: an?| the| any)? (?:config(?:uration)?|settings|ini|properties) (?:files?|defaults)\b/,
    ],
    confidence: 0.78,
    title: 'A configuration file the app needs is not in the container',
    // "No config file found, using defaults" is a notice, not the failure; so is a line the program
    // tags verbose/notice/info (Kong: "[verbose] no config file found at /etc/kong/kong.conf").
    // "No configuration file specified": the command names none (bad_command_args), the image is not at fault.
    not: /using (?:the )?defaults?|falling back|\bskip(?:ping)?\b|\[(?:verbose|notice|info|debug)\]|\b(?:files?|defaults) (?:was |were )?(?:specified|given|provided|passed)\b/i,
  },
  {
    all: [
      /\b(?:[Cc]onfig(?:uration)? file|[Cc]ertificate file|[Kk]ey file)\b/,
      /\b(?:not found|does not exist|doesn't exist|is missing|No such file)/,
    ],
    confidence: 0.72,
    title: 'A configuration file the app needs is missing',
    // A root CA file that is not there is a TLS verification problem (tls-certificate-error).
    not: /root certificate|sslrootcert/,
  },
  {
    // The whole configuration directory is absent or empty: node-config "No configurations found in
    // configuration directory:/app/config", "config directory /etc/app does not exist", "Configuration
    // folder './config' not found", Spring "Config data location 'file:./config/' does not exist". A
    // multi-stage build that copies only dist/ leaves it behind, and every config read then fails.
    all: [
      /\b[Nn]o config(?:uration)?s? (?:files? )?(?:found|present) in (?:the )?config(?:uration)? (?:directory|dir|folder)\b|\b[Cc]onfig(?:uration)? (?:data location|directory|dir|folder):? ['"‘`]?[\w.:~/-]{0,300}['"’`]? (?:does not exist|doesn't exist|not found|was not found|could not be found|cannot be found|is missing|is empty)\b/,
    ],
    confidence: 0.8,
    title: 'The configuration directory the app reads is not in the container',
    // An empty optional overlay directory the app skips is a notice, not the failure.
    not: /using (?:the )?defaults?|falling back|\bskip(?:ping)?\b|\boptional\b/i,
  },
  CONFIG_LOADER_FAILED,
];

// The program names a path, then says it is not there (or that it could not stat or open it).
export const NAMED_PATH_ABSENT_SIGNATURES: Signature[] = [
  // A program's own words that the path it was pointed at lacks a file (missing-file-stated-absence.ts).
  ...STATED_ABSENCE_SIGNATURES,
  {
    // A certificate or key file the server's config names is not there, each server in its words: Apache
    // "SSLCertificateFile: file '/usr/local/apache2/conf/server.crt' does not exist or is empty", nginx
    // 'cannot load certificate "/etc/nginx/tls/tls.crt": BIO_new_file() failed (... No such file', HAProxy
    // "unable to stat SSL certificate from file '/x' : No such file". The TLS Secret mounted at another
    // path (tls.crt/tls.key) is the usual cause. Apache wraps it in "Syntax error on line N", but the
    // directive's value, not its syntax, is what failed.
    all: [
      /\bSSL\w{0,30}(?:File|Path): file '[^'\n]{1,300}' does not exist or is empty|\bcannot load certificate(?: key)? "[^"\n]{1,300}": BIO_new_file\(\) failed[^\n]{0,200}No such file|\bunable to stat SSL certificate from file '[^'\n]{1,300}' ?: No such file/,
    ],
    confidence: 0.9,
    title: 'A TLS certificate or key file the server config names is not at that path (Secret mounted elsewhere?)',
    not: /[Pp]ermission denied|\bEACCES\b/,
  },
  {
    // A loader that needs a known file inside a directory it was pointed at, and finds no such file there:
    // MLflow 'Could not find an "MLmodel" configuration file at "/mnt/models"', Hugging Face "/models does not
    // appear to have a file named config.json", "Error no file named pytorch_model.bin, ... found in
    // directory /models", TF Serving "No versions of servable x found under base path /models/x", "SavedModel
    // file does not exist at: /models/1". The directory is there but holds the wrong tree (a storage URI or
    // volume subPath one level off), or nothing at all.
    all: [
      /\b(?:[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Ff]ailed to) find (?:an? |the |any )?['"‘“`]?[\w.-]{1,60}['"’”`]? (?:(?:configuration|config|model|manifest|metadata) )?file (?:at|in|under) ['"‘“`]?\.{0,2}\/|(?:^|\s)\/[\w./-]{0,200} does not appear to have a file named |\b[Ee]rror no file named [\w.-]{1,80}, |\bNo versions of servable [\w.-]{1,100} found under base path |\bSavedModel file does not exist at: ?\//,
    ],
    confidence: 0.78,
    title: 'The directory the app was pointed at does not hold the file it loads (wrong path or storage prefix?)',
    not: /\busing (?:the )?defaults?\b|falling back|[Pp]ermission denied|\bEACCES\b/,
  },
  {
    // A server cannot open an auxiliary file its config points to, named by kind and path: Mosquitto
    // "Error: Unable to open pwfile "/mosquitto/config/passwd"", "Unable to open acl_file", "could not
    // open password file /etc/x", "failed to read key file '/run/secrets/key'". A Secret mounted at
    // another path is the usual cause; a permission error says so and belongs to permission_denied.
    all: [
      /\b(?:[Uu]nable to|[Cc]annot|[Cc]an't|[Cc]ould not|[Ff]ailed to) (?:open|read|load) (?:the )?(?:pw|password|passwd|htpasswd|acl|key|secret|token|credentials?|users?|auth|keytab|keystore|truststore|license)[ _-]?file:? ['"‘“]?\.{0,2}\/[^\s'"’”]{1,300}/,
    ],
    confidence: 0.7,
    title: 'A file the server config points to is not at that path (mounted elsewhere?)',
    not: /[Pp]ermission denied|\bEACCES\b|[Ii]s a directory|[Rr]ead-only|root certificate|\bCA\b|sslrootcert|[Ii]nvalid|[Mm]alformed|[Pp]arse|[Ss]yntax/,
  },
  {
    // A path the program names, then that it is not there: gunicorn "Error: '/app/gunicorn.conf.py'
    // doesn't exist", "File /x does not exist", "path ./data not found", Hadoop "File file:/x does not
    // exist", spark "Local jar /x does not exist". A request path in an access log is not a file.
    all: [
      /['"‘“`](?:\/|\.{1,2}\/|~\/)[^'"‘“’”`\s]{1,300}['"’”`]:? (?:does not exist|doesn't exist|do not exist|not found|was not found|could not be found|cannot be found|is missing)\b|\b(?:[Ff]ile|[Dd]irectory|[Ff]older|[Pp]ath|[Ss]cript|[Bb]inary|[Tt]emplate|[Kk]eystore|[Cc]ertificate|[Mm]odel|jar)(?: file)?:? (?:file:)?\/[^\s'"]{1,300} (?:does not exist|doesn't exist|not found|was not found|could not be found|cannot be found|is missing)\b/,
    ],
    confidence: 0.76,
    title: 'A file the app needs is not in the container',
    // A root CA bundle that is not there is a TLS verification problem (tls-certificate-error).
    not: /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b|[Rr]oute|[Ee]ndpoint|\bURL\b|https?:|\b404\b|node_modules|site-packages|\bexec\b|exec user process|\busing (?:the )?defaults?\b|falling back|root certificate|\bCA (?:file|bundle|certificate)|sslrootcert/,
  },
  {
    // A directory or file the app names by a relative, quoted name and says is not there: Starlette's
    // StaticFiles "Directory 'static' does not exist", "Folder 'templates' not found", "File 'rules.yml'
    // could not be found". Usually a path the Dockerfile's final stage never copied. A program that goes
    // on (creates it, skips it, uses a default) is not stopped by it.
    all: [
      /\b(?:[Dd]irectory|[Ff]older|[Ff]ile) ['"‘“`][\w.@~-][\w.@~/-]{0,200}['"’”`] (?:does not exist|doesn't exist|not found|was not found|could not be found|cannot be found|is missing)\b/,
    ],
    confidence: 0.78,
    title: 'A directory or file the app reads is not in the container (not copied into the image?)',
    not: /\b[Cc]reat(?:e|ed|ing)\b|\bskipp(?:ed|ing)\b|\busing (?:the )?defaults?\b|falling back|\bignor(?:ed|ing)\b/,
  },
  {
    // A jar on the command line that is not in the image: spark-submit only warns and skips it, then
    // cannot load the main class it held.
    all: [/\b(?:[Ll]ocal )?jar (?:file )?['"]?(?:file:|local:\/\/)?\/[^\s'"]{1,300}['"]? (?:does not exist|not found)/],
    confidence: 0.8,
    title: 'The jar the command runs is not in the image',
    warningIsEvidence: true,
  },
  {
    // A library that cannot tell a missing file from an unreadable one names both: Plug.Cowboy "the file
    // /etc/tls/cert.pem required by SSL's :certfile either does not exist, or the application does not
    // have permission to access it", "does not exist or is not readable", "not found or not accessible".
    // Absence comes first (a wrong name, a Secret key renamed); an explicit permission denial is its own line.
    all: [
      /\/[\w.-]{1,200}\b/,
      /\b(?:either )?(?:does not exist|doesn't exist|not found|is missing),? or (?:the (?:application|process|user) )?(?:does not have|has no|lacks|is not|isn't|cannot be|can't be|is un)(?: permission\b| ?readable\b| accessible\b| read\b| accessed\b)/,
    ],
    confidence: 0.8,
    title: 'A file the app needs is not in the container (or not readable)',
    not: /\b[Pp]ermission denied\b|\bEACCES\b/,
  },
  {
    // A thin launcher jar copied without the directories its manifest's Class-Path points at: Quarkus's
    // fast-jar quarkus-run.jar starts QuarkusEntryPoint from lib/boot and GeneratedMain from quarkus/, so
    // copying only the jar (as if it were an uber-jar) cannot load the framework's own entry class. The
    // class is the framework's, not one the command names wrongly: the image lacks the files beside it.
    all: [
      /\b(?:Could not find or load main class|ClassNotFoundException:) io\.quarkus\.(?:bootstrap\.runner\.QuarkusEntryPoint|runner\.GeneratedMain)\b/,
    ],
    confidence: 0.82,
    title:
      "The launcher jar was copied without the library directories beside it (its framework's main class is missing)",
  },
  {
    // stat(2) on a path that is not there: Triton "failed to stat file /models/x/1/model.onnx", cp
    // "cannot stat '/x'". The runtime's exec stat is the entrypoint's (command-not-found reads it).
    all: [
      /\b(?:[Ff]ailed to|[Cc]ould not|[Cc]annot|[Cc]an't|[Uu]nable to) stat (?:file |path |directory )?['"‘]?\.{0,2}\//,
    ],
    confidence: 0.76,
    title: 'A file the app needs is not in the container',
    not: /\bexec\b|exec user process|OCI runtime|Permission denied|permission denied/,
  },
  {
    // An interpreter cannot open the script it was given: PHP "Could not open input file: artisan",
    // Perl "Can't open perl script", Ruby "No such file or directory -- main.rb (LoadError)", dash
    // "sh: 0: cannot open run.sh". A relative name may also mean the working directory is wrong.
    all: [
      /^Could not open input file: |\bCan't open perl script "|^(?:\/usr(?:\/local)?\/bin\/)?ruby[\d.]{0,5}: No such file or directory -- |\bsh: \d{1,5}: (?:[Cc]an't|cannot) open /,
    ],
    confidence: 0.8,
    title: 'The script the container runs is not in the image (or not in its working directory)',
  },
  {
    // Ruby loading a file of the app itself by path, not a gem by name: require_relative always reports
    // the absolute path ("cannot load such file -- /app/config/boot (LoadError)"), as does a require of
    // "./lib/x". The file was not copied into the image, or a volume mounted over its directory (a
    // ConfigMap over /app/config) hides it. A path inside an installed gem is a broken dependency.
    all: [/\bcannot load such file -- (?:\/|\.{1,2}\/)/],
    confidence: 0.88,
    title:
      'A source file of the app itself is not in the container (not copied, or hidden by a mount over its directory)',
    not: /\/gems\/|\/bundle\/|vendor\/bundle|site_ruby|vendor_ruby|\/rubygems\//,
  },
  {
    // The JVM loading an agent named on its command line or in JAVA_TOOL_OPTIONS: "-javaagent:/x.jar"
    // that is not there ("Error opening zip file or JAR manifest missing : /newrelic/newrelic.jar"). An
    // init container that copies the agent into a shared volume did not run, or the agent was never added
    // to the image. A native -agentpath library says "cannot open shared object file", which
    // missing-shared-library reads.
    all: [/\bError opening zip file or JAR manifest missing ?: /],
    confidence: 0.85,
    title: 'The Java agent the JVM is told to load is not in the container (an init container did not copy it?)',
  },
  {
    // Go's os.Stat / filepath.Walk on a path the app needs ("lstat /app/static: no such file or
    // directory"). The runtime's stat of the entrypoint comes with exec (command-not-found reads it).
    all: [/\bl?stat \.{0,2}\/?[^\s:]{1,300}: no such file or directory/],
    confidence: 0.72,
    title: 'A file or directory the app needs is not in the container',
    not: /\bexec\b|exec user process|OCI runtime|\brunc\b|containerd/,
  },
  {
    // A directory named by a setting, checked with isdir before use: prometheus_client "env
    // PROMETHEUS_MULTIPROC_DIR is not set or not a directory", "--data-dir /x does not exist or is not a
    // directory", "is not a directory or does not exist", "is not an existing directory". The variable
    // is usually set in the image, its directory created by a RUN mkdir that a mount over /tmp hides or
    // a later stage lost. Below missing-env-var's "not set": the line itself offers both readings.
    all: [
      /\bnot set or (?:is )?not an? (?:valid |existing |writable )?directory\b|\b(?:does not exist|doesn't exist|not found) or (?:is )?not an? (?:valid )?directory\b|\bis not a directory or (?:does not|doesn't) exist\b|\bis not an existing directory\b/,
    ],
    confidence: 0.8,
    title: 'A directory a setting names is not in the container (not created, or hidden by a mount)',
  },
];

/**
 * The runtime refused a bind mount whose source and target differ in kind: a hostPath (or docker -v)
 * whose host file did not exist was created as an empty directory, and runc cannot mount it over the
 * image's file. runc: "error mounting "/etc/x.conf" to rootfs at "/app/x.conf": ... not a directory:
 * unknown: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host
 * path exists and is the expected type". It reaches users only in the status message or a Failed event.
 */
export const BIND_MOUNT_KIND_MISMATCH: Signature = {
  all: [
    /\bAre you trying to mount a directory onto a file \(or vice-versa\)|\berror mounting "[^"]{1,300}" to rootfs at "[^"]{1,300}"[^\n]{0,300}: not a directory\b/,
  ],
  confidence: 0.84,
  title:
    'A host path was mounted over a file but is a directory (the host file did not exist, so it was created as one)',
};
