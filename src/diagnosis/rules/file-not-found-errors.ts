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
];
