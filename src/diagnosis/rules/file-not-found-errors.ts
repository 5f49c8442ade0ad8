/**
 * missing_file's readings of each language's own "file not found" error: .NET's FileNotFoundException,
 * Python's FileNotFoundError, Java's FileNotFoundException and NoSuchFileException, Node's ENOENT. The
 * missing-file rule lists these in its own order.
 */
import type { Signature } from './log-helpers.ts';

// Loader, interpreter, CRLF and module failures also say "no such file": their rules own them. A
// PostgreSQL "extension control file" is a server extension package that is not installed.
export const NOT_FILE =
  /\bexec\b|root certificate file|exec user process|bad interpreter|shared librar|shared object|\\r|\bCannot find module '[^./]|node_modules|site-packages|\bstat \/[^\s:]+: no such file|extension control file/;

export const FILE_NOT_FOUND_ERRORS: Signature[] = [
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
];
