/**
 * missing_file's readings of a program that says in its own words that a file or directory it was
 * pointed at is not there, where neither an errno text nor a "does not exist" after a path is printed:
 * a directory that lacks the file the tool expects inside it, a directory or file a setting names,
 * files a tool lists as missing before it gives up, and runtimes that print only the error's name
 * (Zig's error set, Crystal's exception class, Foundation's sentence). A path one level off (a volume's
 * subPath, a sync tool's link directory), a mount hiding the image's directory, or a runtime stage that
 * was never given the file all read this way. The missing-file rule reads these with its named paths.
 */
import type { Signature } from './log-helpers.ts';

// What a program says when it goes on without the path: not the failure.
const GOES_ON =
  /\busing (?:the )?defaults?\b|falling back|\bskip(?:ping|ped)?\b|\bcreat(?:e|ed|ing)\b|\bignor(?:e|ed|ing)\b/i;

export const STATED_ABSENCE_SIGNATURES: Signature[] = [
  {
    // A directory the tool was pointed at does not hold the file that marks what it expects there: Sphinx
    // "config directory doesn't contain a conf.py file (/git/docs/source)", MkDocs-style "The directory
    // '/docs' does not contain a mkdocs.yml file", "folder /srv/site doesn't contain an index.html". The
    // path is off (a git-sync link directory, a subPath) or the file was never copied into the image.
    all: [
      /\b(?:[Dd]irectory|[Dd]ir|[Ff]older)(?: ['"‘`]?[\w.@~/-]{1,300}['"’`]?)? (?:doesn't|does not|didn't|did not) contain (?:a |an |any |the )?(?:['"‘`]?[\w-]{1,80}(?:\.[\w-]{1,20}){1,3}['"’`]?(?: file)?|[\w-]{1,40} file)\b/,
    ],
    confidence: 0.8,
    title: 'The directory the tool was pointed at does not hold the file it needs (wrong path, or not copied?)',
    not: GOES_ON,
  },
  {
    // A setting names a directory or file, and the program says that what it names is not there: vsftpd
    // "500 OOPS: vsftpd: not found: directory given in 'secure_chroot_dir':/var/run/vsftpd/empty", "the
    // directory specified in 'data_directory' does not exist" (the setting quoted). An
    // emptyDir mounted over the parent (/var/run, /tmp) hides what the package created in the image.
    all: [
      /\b(?:not found|does not exist|doesn't exist|missing): (?:the )?(?:directory|dir|file|path|folder) (?:given|specified|named|configured|set) (?:in|by|for|with|as)\b|\b(?:[Dd]irectory|[Ff]ile|[Pp]ath|[Ff]older) (?:given|specified|named|configured|set) (?:in|by|for|with|as) (?:the )?(?:option |setting |directive |parameter |key )?['"‘`][\w.-]{1,80}['"’`](?: (?:option|setting|directive|parameter|key))?(?::? ?\(?[^\s()]{1,300}\)?)? (?:does not exist|doesn't exist|not found|was not found|could not be found|is missing)\b/,
    ],
    confidence: 0.8,
    title: 'A directory or file a setting names is not in the container (hidden by a mount over its parent?)',
    not: /[Pp]ermission denied|\bEACCES\b|not (?:writable|readable)|[Rr]ead-only|\bnot set\b|\bis empty\b|\busing (?:the )?defaults?\b|falling back|\bskip(?:ping|ped)?\b|\bcreat(?:e|ed|ing)\b|\bignor(?:e|ed|ing)\b/i,
  },
  {
    // A tool that checks for the files an earlier step writes, lists the ones it lacks and gives up: OSRM
    // "[warn] Missing/Broken File: /data/x.osrm.hsgr" then "Required files are missing, cannot continue",
    // "Missing required file: /photon_data/elasticsearch", "Missing file: /data/graph.bin", "required
    // input files not found". The preparing job wrote them elsewhere (another subPath) or never ran.
    all: [
      /\b[Mm]issing(?:\/[Bb]roken)? (?:required |input |data )?[Ff]iles?:? ['"‘`]?(?:\.{0,2}\/|[\w-]{1,80}\.\w{1,10}\b)|\b[Rr]equired (?:[\w-]{1,30} )?files? (?:are |is )?(?:missing|not found|not present)\b|\b[Rr]equired (?:[\w-]{1,30} )?files? do(?:es)? not exist\b/,
    ],
    confidence: 0.8,
    title: 'Files a preparing step should have written are not where the app reads them (another path or subPath?)',
    not: /node_modules|site-packages|\bRECORD\b|\bchecksum\b/,
  },
  {
    // Runtimes that print the error's name or class, not errno's words: Zig "error: FileNotFound" (an
    // openFile of a relative path the runtime stage lacks), Crystal "(File::NotFoundError)", Swift
    // Foundation "The file “routes.json” couldn’t be opened because there is no such file.".
    all: [
      /^error: (?:FileNotFound|PathNotFound)\s{0,4}$|\(File::NotFoundError\)|\bcouldn[’']t be opened because there is no such file\b/,
    ],
    confidence: 0.76,
    title: 'A file the app opens is not in the container (not copied into the runtime stage?)',
  },
  {
    // A program that gives up for a file it lacks and says where to put it: Don't Starve Together "No auth
    // token could be found ... place the token in a file named cluster_token.txt in /home/dst/.klei/...", a
    // licensed server's "copy your license file license.lic into /opt/app/conf/", "Please create a file
    // named server.key in /data". A Secret mounted one directory off, or a volume that never got the file.
    // A file that is there but rejected (invalid, expired token) is another cause.
    all: [
      /\b(?:in|into|inside|under|[Cc]reate) a file (?:named|called) ['"`]?[\w.-]{1,80}['"`]? (?:in|under|at|inside) ['"`]?\/[\w.@~-]|\b(?:[Pp]lace|[Pp]ut|[Cc]opy|[Ss]ave|[Ss]tore|[Dd]rop) (?:the|your) (?:[\w-]{1,30} ){0,2}(?:file|[\w-]{1,30}\.[a-z]{2,5})(?: [\w.-]{1,80})? (?:in|into|inside|under|to) ['"`]?\/[\w.@~-]/,
    ],
    confidence: 0.75,
    title: 'A file the program needs is not where it says to put it (a Secret or volume mounted at another path?)',
    // Advice in a warning that goes on with defaults ("Defaulting to ..., create an empty dagster.yaml in ...").
    not: /\b(?:invalid|expired|malformed|rejected|empty|optional|overrid(?:e|den)|default(?:s|ing)?|warning)\b|falling back|\bskip(?:ping|ped)?\b/i,
  },
  {
    // A server that serves a shipped web client or static root finds that directory empty or absent: Jellyfin
    // "the provided content directory is either invalid or empty: /jellyfin/jellyfin-web", "static files
    // directory /app/static does not exist", "web root /srv/www not found", "frontend directory is empty". An
    // emptyDir mounted over the directory (to add a theme or a plugin) hides what the image shipped there.
    all: [
      /\b(?:[Cc]ontent|[Ww]eb(?: client)?|[Ss]tatic(?: files?)?|[Aa]ssets?|[Pp]ublic|[Ff]rontend|UI|[Ww]eb ?root|[Dd]ocument ?[Rr]oot) (?:director(?:y|ies)|folder|dir|path|root)(?: ['"‘]?\/[^\s'"’]{1,200}['"’]?)? (?:is (?:either )?(?:invalid or empty|empty or invalid|empty|missing)|(?:does not|doesn't) exist|(?:was )?not found)\b/,
    ],
    confidence: 0.78,
    title: 'The web client or static directory the server serves is empty or absent (a volume mounted over it?)',
    not: /\binitiali[sz]|\bnot empty\b|\bwarn(?:ing)?\b|\busing (?:the )?defaults?\b|falling back|\bskip(?:ping|ped)?\b|\bcreat(?:e|ed|ing)\b|\bignor(?:e|ed|ing)\b/i,
  },
  {
    // A TLS-secured server started with a certificate directory that holds no certificates: CockroachDB
    // "problem using security settings: no certificates found; does certs dir exist?", "certs dir /certs does
    // not exist", "certificate file /etc/tls/tls.crt not found". The init step that copies the Secret into an
    // emptyDir was dropped, or the Secret is mounted elsewhere. A certificate that is there but rejected (x509
    // unknown authority, expired) is tls_certificate_error's.
    all: [
      /\bno certificates? found\b[^\n]{0,40}\bcerts?[ -]dir\b|\bdoes (?:the )?certs?[ -]dir(?:ectory)? exist\b|\bcerts?[ -]dir(?:ectory)? ['"]?\/[^\s'"]{1,200}['"]? (?:does not exist|not found|is empty)\b|\b(?:[Cc]ertificate|[Cc]ert|[Kk]ey) file ['"]?\/[^\s'"]{1,200}['"]? (?:does not exist|not found|is missing)\b/,
    ],
    confidence: 0.8,
    title: 'The certificate directory or file the server loads is empty or absent (the copy step or mount missing?)',
    // A root CA file a client looks for by default (libpq's ~/.postgresql/root.crt) is the TLS setup's.
    not: /\bx509\b|\bunknown authority\b|\bexpired\b|\bself[- ]signed\b|\broot cert|\bCA (?:cert|file)/i,
  },
  {
    // A CA bundle path set for the HTTP client (REQUESTS_CA_BUNDLE, SSL_CERT_FILE, CURL_CA_BUNDLE) that names a
    // file the container lacks, refused before any handshake: requests "Could not find a suitable TLS CA
    // certificate bundle, invalid path: /etc/ssl/corp/ca-bundle.crt", curl "error setting certificate verify
    // locations: CAfile: /x.pem". The ConfigMap is mounted at another path. A CA store that is present but
    // lacks the issuer is tls_certificate_error's, which stays close.
    all: [
      /\bCould not find a suitable TLS CA certificate bundle, invalid path: \S|\berror setting certificate verify locations:?\s{0,4}CAfile: \/\S/,
    ],
    confidence: 0.76,
    title: 'The CA bundle file the HTTP client is pointed at is not in the container (mounted at another path?)',
  },
];
