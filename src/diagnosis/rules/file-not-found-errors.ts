/**
 * missing_file's readings of each language's own "file not found" error: .NET's FileNotFoundException,
 * Python's FileNotFoundError, Java's FileNotFoundException and NoSuchFileException, Node's ENOENT. The
 * missing-file rule lists these in its own order.
 */
import { DOTNET_APP_ASSEMBLY_MISSING } from './exec-launch-clues.ts';
import type { Signature } from './log-helpers.ts';

// Loader, interpreter, CRLF and module failures also say "no such file": their rules own them. A
// PostgreSQL "extension control file" is a server extension package that is not installed.
export const NOT_FILE =
  /\bexec\b|root certificate file|exec user process|bad interpreter|shared librar|shared object|\\r|\bCannot find module '[^./]|node_modules|site-packages|\bstat \/[^\s:]+: no such file|extension control file/;

/**
 * A dotenv loader that refuses to start because the file itself is absent or unreadable: Symfony Dotenv
 * 'Unable to read the "/srv/app/.env" environment file.', phpdotenv 'Unable to read any of the environment
 * file(s) at [/var/www/.env].', Go's godotenv idiom "Error loading .env file". The framework requires the
 * file, so the missing file is the cause (a variable that the file would have held and that is read
 * later, KeyError and the like, stays missing-env-var's reading). Runtimes that load the file for a
 * flag say it in their own words: Node 20+ `--env-file` "node: .env.production: not found", Bun and Deno
 * "error: ... env file ... not found", Compose-style "env file /app/.env not found", dotenv-cli "Could not
 * find env file", and a CLI's own path check of its env-file option (uvicorn/Click "Invalid value for
 * '--env-file': Path '/app/.env' does not exist.": a .dockerignore kept the file out of the image).
 */
export const DOTENV_FILE_UNREADABLE: Signature = {
  all: [
    /\bUnable to read (?:the "[^"\n]{1,200}"|any of the) environment file|\bInvalidPathException: Unable to read\b|^[\d/:. -]{0,30}Error loading \.env(?:\.[\w.-]{1,40})? file\b|^(?:node|bun|deno): [^\s:]{0,200}\.env(?:\.[\w-]{1,40})?: (?:not found|No such file or directory)\s{0,4}$|\benv(?:ironment)?[ -]file ['"]?[^\s'"]{1,300}['"]? (?:not found|does not exist)\b|\b(?:[Cc]ould not|[Ff]ailed to|[Uu]nable to) (?:find|load|read|open) (?:the )?env(?:ironment)?[ -]file\b|\bInvalid value for ['"‘]--env-file['"’]: (?:Path|File) ['"‘][^'"’\n]{1,300}['"’] does not exist\b/,
  ],
  confidence: 0.78,
  title: 'The framework requires a .env file that is not in the container (excluded from the image?)',
};

export const FILE_NOT_FOUND_ERRORS: Signature[] = [
  DOTENV_FILE_UNREADABLE,
  {
    // Click's (and Typer's) path check of an option or argument, before the program runs: uvicorn, Celery,
    // Flask, dbt, Datasette "Error: Invalid value for '--log-config': Path '/app/logging.yaml' does not exist.",
    // "Invalid value for 'SRC': File 'x' does not exist.", "Directory '/data' does not exist.". The file was
    // left out of the image or its volume is mounted elsewhere. A "name:value" setting given where a file
    // belongs is the command's mistake (bad-command-args reads it).
    all: [
      /\bInvalid value for ['"‘][^'"’\n]{1,80}['"’](?: \/ ['"‘][^'"’\n]{1,60}['"’])?: (?:Path|File|Directory) ['"‘][^'"’\n]{1,300}['"’] does not exist\b/,
    ],
    confidence: 0.8,
    title: 'A file or directory the command line names is not in the container (left out of the image?)',
    // The env-file option is the dotenv loader's reading above.
    not: /: (?:Path|File|Directory) ['"‘][A-Za-z_][\w.-]{0,60}[:=][\w.,-]{1,100}['"’]|--env-file\b/,
  },
  {
    // A process manager or launcher that names the file it was told to run or load: pm2 "[PM2][ERROR] File
    // ecosystem.config.cjs not found", "[PM2][ERROR] Script not found: /app/dist/main.js", forever "Cannot
    // find script", a runner's "Script file x.py not found". A multi-stage build that did not copy the file
    // into the runtime stage shows this way. A web server's "File /favicon.ico not found" is a request.
    all: [
      /\b(?:File|Script(?: file)?|Ecosystem file|Entry ?point(?: file)?|Program file) ['"‘`]?[\w.@~/-]{0,300}\.[\w-]{1,20}['"’`]? (?:not found|does not exist|doesn't exist|is missing)\b|\bScript not found: ['"‘`]?[\w.@~/-]{1,300}|\bCannot find script\b/,
    ],
    confidence: 0.78,
    title: 'The file the process manager or launcher was told to run or load is not in the image',
    not: /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\b|https?:|\b404\b|\brequest(?:ed)?\b|\busing (?:the )?defaults?\b|falling back|skipping/,
  },
  {
    // A job jar the framework looks for in its user-code directory is not there: Flink "Could not find the
    // provided job class (x) in the user lib directory (/opt/flink/usrlib)", "JAR file does not exist",
    // Spark "Failed to find the application jar". An emptyDir or volume mounted over usrlib/ hides the
    // image's jar; a wrong class name in the args reads the same, so this stays below the confident band.
    all: [
      /\bCould not find the provided job class\b|\bin the user ?lib directory\b|\b(?:JAR|[Jj]ar) file (?:does not exist|not found)\b|\b[Ff]ailed to find (?:the )?application jar\b/,
    ],
    confidence: 0.76,
    title: "The job's jar is not in the directory the framework loads user code from (a volume over it?)",
  },
  {
    // A jar named by a glob ("/app/*.jar"): either no shell expanded it (exec form, bad_command_args'
    // reading) or a shell matched no jar and passed the pattern on, which is a jar missing from the image.
    all: [/\bUnable to access jarfile ['"]?[^\s'"*]{0,200}\*/],
    confidence: 0.6,
    title: 'No jar matches the pattern the command names (not in the image, or the glob was never expanded)',
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
    // Hadoop's file systems (Spark, Flink, Hive) say "File file:/opt/app.jar does not exist".
    all: [
      /java\.io\.FileNotFoundException: /,
      /No such file or directory|cannot find the (?:file|path)|\bdoes not exist\b/,
    ],
    confidence: 0.82,
    title: 'A file the app needs is not in the container',
  },
  {
    // The JVM words a failed open as "<path> (No such file or directory)" whatever exception carries it:
    // IOException from the JAAS ConfigFile or a KeyStore load, SecurityException wrapping it, Kafka/ZooKeeper/
    // Elasticsearch keystores and truststores mounted at another path. The format belongs to Java's file
    // streams alone, so it names a missing file as surely as FileNotFoundException does.
    all: [
      /(?:Exception|Error): (?:[A-Za-z]:)?[\\/][^\s()]{1,300} \((?:No such file or directory|The system cannot find the (?:file|path) specified)\)/,
    ],
    confidence: 0.88,
    title: 'A file the app needs is not in the container',
    // FileNotFoundException has its own reading above: FileOutputStream throws it for a write into a
    // directory that is missing or not writable (a cache under an unwritable HOME), so it stays lower.
    not: /FileNotFoundException|\bexec\b|\\r/,
  },
  {
    // SQLite's SQLITE_CANTOPEN ("unable to open database file", "(14) cannot open file"): SQLite creates the
    // file but never its directory, so a data/ directory left out of the image (.dockerignore) or a volume
    // not mounted gives this. An unwritable directory gives the same words (permission_denied's reading),
    // so alone it stays a toss-up; with ENOENT beside it, the directory is missing.
    all: [/\bunable to open database file\b|\bSQLITE_CANTOPEN\b/],
    confidence: 0.6,
    title: 'The SQLite database cannot be opened: its directory may not exist in the container',
    not: /[Pp]ermission denied|EACCES|read-only|readonly/,
  },
  {
    all: [/\b(?:unable to open database file|SQLITE_CANTOPEN)\b[^\n]{0,120}(?:[Nn]o such file or directory|ENOENT)/],
    confidence: 0.86,
    title: 'The SQLite database directory does not exist in the container',
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
    // Ruby's Errno::ENOENT on a file open or directory read ("No such file or directory @ rb_sysopen -
    // config/master.key"), and Rails' own wording for its config files ("Could not load database
    // configuration. No such file - ["config/database.yml"]"). Spawning a program is command-not-found's.
    all: [
      /\bNo such file or directory @ (?:rb_sysopen|rb_file_s_[a-z_]{1,30}|dir_initialize|dir_s_[a-z_]{1,20}|rb_check_realpath_internal) - |\bNo such file - \[?["'‘]/,
    ],
    confidence: 0.8,
    title: 'A file the app needs is not in the container',
    not: NOT_FILE,
  },
  {
    // A file named by its base name and the directory searched: Solr "solr.xml does not exist in
    // /var/solr/data", "settings.json not found in /config", "server.properties is missing from /opt/x".
    // An empty volume mounted over the directory (a new PVC, a ConfigMap) hides what the image seeded.
    all: [
      /\w\.(?:xml|ya?ml|json|conf|cfg|ini|properties|toml|hcl|env|txt|key|pem|crt|db|sqlite|jar|lock) (?:does not exist|doesn't exist|not found|was not found|could not be found|is missing) (?:in|at|under|inside|from) (?:directory )?['"‘]?\.{0,2}\//,
    ],
    confidence: 0.8,
    title: 'A file the app needs is not in the directory it reads (an empty volume over it?)',
    not: /\b(?:GET|POST|PUT|PATCH|DELETE)\b|https?:|node_modules|site-packages|\busing (?:the )?defaults?\b|falling back|skipping|root certificate/,
  },
  {
    // A database changelog or migration file the app is configured to read is not in the jar or image:
    // Liquibase "ChangeLogParseException: classpath:/db/changelog/db.changelog-master.yaml does not
    // exist", Spring Boot "no changelog could be found at ...", Spring "class path resource [x.yml] cannot
    // be opened because it does not exist". A wrong name or extension (.yml for .yaml) shows the same.
    all: [
      /\bno changelog could be found\b|\bChangeLogParseException: [^\s]{1,300} does not exist\b|\b(?:classpath\*?|file):[\w./-]{1,300} (?:does not exist|could not be found)\b|\bclass path resource \[[\w./:*-]{1,300}\] cannot be opened because it does not exist/,
    ],
    confidence: 0.8,
    title: 'A changelog, migration or resource file the app is configured to read is not in the image',
  },
  {
    // Tools that name the kind of file they were given and say it is not there, often with a relative
    // path: Terraform/OpenTofu "Given variables file environments/prod.tfvars does not exist", Helm
    // "values file x.yaml not found", Ansible "inventory file ... does not exist", "key file ... is
    // missing". A file excluded by .dockerignore or never copied shows this way.
    all: [
      /\b(?:[Vv]ariables?|[Vv]ars|[Vv]alues|[Ii]nventory|[Pp]laybook|[Ss]chema|[Mm]anifest|[Pp]olicy|[Rr]ules|[Tt]emplate|[Ss]ecrets?|[Cc]redentials?|[Kk]ey|[Ii]nput|[Dd]efinitions?|[Ss]eed|[Ff]ixtures?) file:? ['"‘`]?[\w.@~/-]{1,300}['"’`]? (?:does not exist|doesn't exist|not found|was not found|could not be found|cannot be found|is missing)\b/,
    ],
    confidence: 0.78,
    title: 'A file the command or config names is not in the container',
    not: /\b(?:GET|POST|PUT|DELETE)\b|https?:|\busing (?:the )?defaults?\b|falling back|skipping|root certificate|\bCA (?:file|bundle)/,
  },
  {
    // A tool that lists the default paths it searched, each "<path>: file not found" (Prisma's "Checked
    // following paths: schema.prisma: file not found"); a file left out of the image shows this way.
    all: [/^\s{0,8}[\w@~/-]{1,200}(?:\.[\w-]{1,20}){1,3}: [Ff]ile not found\.?\s{0,4}$/],
    confidence: 0.78,
    title: 'A file the command looks for is not in the container',
  },
  {
    // A schema or manifest file a CLI needs before it runs: Prisma "Could not find Prisma Schema that is
    // required for this command", "Could not find a schema file at ./schema.graphql", "could not locate
    // the manifest file". A database schema ("could not find schema 'public'") is not a file.
    all: [
      /\b[Cc]ould not (?:find|locate) (?:the |a |an |any )?(?:[A-Z]\w{1,30} )?(?:[Ss]chema|[Mm]anifest) (?:file\b|that is required|at ['"./])/,
    ],
    confidence: 0.8,
    title: 'A schema or manifest file the command needs is not in the container',
  },
  {
    // OpenSSL's own error code for a certificate or key file it was told to load and cannot find, as the
    // runtimes that wrap it pass it on: OpenSSL 3 "error:10000080:BIO routines::no such file" (.NET's
    // OpenSslCryptographicException from Kestrel, Node, Python's ssl), 1.1 "error:2006D080:BIO
    // routines:BIO_new_file:no such file" and "error:02001002:system library:fopen:No such file or
    // directory". A dev certificate only mounted by Compose is the usual cause. A CA bundle or verify
    // location that is absent is a TLS verification problem (tls-certificate-error).
    all: [
      /\berror:[0-9A-Fa-f]{8}:(?:BIO routines|system library):\w{0,40}:(?:no such file|No such file or directory)\b/,
    ],
    confidence: 0.8,
    title: 'A certificate or key file the app loads is not in the container (mounted only in development?)',
    not: /\bCA\b|CAfile|cafile|ca-?bundle|ca-certificates|root certificate|sslrootcert|load_verify_locations|X509_load_cert_crl_file|verify locations/,
  },
  {
    // A file reader that names the path and says only that it could not read it, which is how a missing
    // file reads in Envoy ("unable to read file: /etc/envoy/envoy.yaml"), Vector and many Go and C++
    // servers ("cannot read file /x", "failed to read file '/x': no such file or directory"). A ConfigMap
    // key named differently from the mounted path leaves the file absent. A reason after the path (a
    // parse error, permission denied) is another cause's, so the path must end the line or say "no such".
    // A config written as code (gunicorn.conf.py, a .js or .rb config) is "read" by running it: gunicorn's
    // "Failed to read config file" heads the traceback of the code that raised.
    all: [
      /\b(?:[Uu]nable to|[Cc]annot|[Cc]an't|[Cc]ould not|[Ff]ailed to) read (?:the )?(?:config(?:uration)? |bootstrap |input )?file:? ['"‘“]?\.{0,2}\/[\w./@+-]{1,300}['"’”]?(?::? (?:[Nn]o such file or directory|not found|does not exist))?\s{0,4}$/,
    ],
    confidence: 0.82,
    title: 'A file the program is configured to read is not at that path (ConfigMap key or mount path differs?)',
    not: /[Pp]ermission denied|\bEACCES\b|[Ii]s a directory|[Rr]ead-only|root certificate|\bCA\b|\.(?:py|rb|c?js|mjs|ts|lua|php|exs|groovy|kts)\b/,
  },
  {
    // The .NET host cannot find the app assembly its command names: not copied into the image, or (more
    // often, bad_command_args) named otherwise in the entrypoint.
    all: [DOTNET_APP_ASSEMBLY_MISSING],
    confidence: 0.5,
    title: 'The .NET app assembly the command names is not in the image',
  },
  {
    // Erlang/Elixir name the file and the errno as terms: RabbitMQ/ranch "{cacertfile,"/etc/tls/ca.crt",
    // {error,enoent}}", file:consult "{error,{enoent,...}}", rebar/relx "{file_error,"/x.config",enoent}".
    // The cause is the absent file whatever it holds (a CA, a config, a key).
    all: [
      /"\/[^"\n]{1,300}",\s?\{error,\s?enoent\}|\{(?:file_error|read_file_error|error),\s?"\/[^"\n]{1,300}",\s?enoent\}|\{error,\s?\{enoent,\s?"\/[^"\n]{1,300}"/,
    ],
    confidence: 0.86,
    title: 'A file the configuration names is not in the container (errno enoent)',
  },
  {
    // A tool that names the absolute file it was pointed at and could not find: Locust "Could not find
    // '/mnt/locust/locustfile.py'", "Cannot find '/etc/app/rules.yml'", "Unable to find '/data/model.bin'".
    // A bare word ("Could not find 'rake'") is a gem or command, not a file.
    all: [
      /\b(?:[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't|[Uu]nable to) find ['"‘]\/[^'"’\s]{1,300}\.[\w-]{1,12}['"’]/,
    ],
    confidence: 0.8,
    title: 'A file the command points at is not in the container (mount or ConfigMap key name?)',
  },
  {
    // A reader that names the path it was configured with and says why it failed: Elasticsearch's SSL
    // loader "cannot read configured [PKCS12] keystore [/usr/share/elasticsearch/config/certs/x.p12]
    // because the file does not exist", OpenSearch and Logstash the same, "... at '/etc/x.pem' because it
    // does not exist". The file the setting points at is not where it says (a moved or missing mount).
    all: [/(?:\[\/[^[\]\n]{1,300}\]|['"]\/[^'"\n]{1,300}['"]) because (?:the file|it) (?:does not exist|is missing)\b/],
    confidence: 0.86,
    title: 'A file the configuration points at is not in the container (mount path moved?)',
  },
  {
    // An option parser that checks the directory or file an option names: Odoo/optparse "error: option
    // --addons-path: no such directory: '/mnt/addons'", "option --config: no such file: '/etc/x.conf'".
    // The flag is fine; the path it names is not there yet (a sidecar that fills it, a missing mount).
    all: [
      /\boption -{1,2}[\w-]{1,40}: (?:no such (?:file or directory|file|directory)|(?:file|directory|path) (?:does not exist|not found))\b/,
    ],
    confidence: 0.8,
    title: 'A path given on the command line is not in the container',
  },
  {
    // Time zone data missing from a minimal image (scratch, distroless, alpine without tzdata): a valid
    // IANA Region/City name is reported unknown by Go's time.LoadLocation ("unknown time zone
    // Europe/Berlin"), Python's zoneinfo ("No time zone found with key America/New_York"), or the zoneinfo
    // file itself is absent. An abbreviation or a typo is a bad value instead, so only Region/City counts.
    all: [
      /\bunknown time zone (?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Z]|No time zone found with key '?(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Z]|\/usr\/share\/zoneinfo\/[\w/+-]{1,80}: no such file/,
    ],
    confidence: 0.78,
    title: 'Time zone data (tzdata) is not in the image',
  },
];
