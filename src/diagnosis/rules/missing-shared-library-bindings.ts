/**
 * missing_shared_library's readings of a language binding or a bundled program that checks for its system
 * libraries itself and words their absence without the loader's "cannot open shared object file": psycopg's
 * "libpq library not found", Playwright's "Host system is missing dependencies to run browsers" with its
 * "Missing libraries:" list, "native library ... not found". missing-dependency reads NATIVE_LIBRARY_ABSENT
 * too, to step back when a package imports but the library under it is not in the image.
 */
import type { Signature } from './log-helpers.ts';

/**
 * A system library named as absent by the code that tried to load it (the package itself is installed). The
 * Python and Ruby bindings that look the library up with ctypes/ffi raise their loader error with the bare
 * name: soundfile "OSError: sndfile library not found", sounddevice "OSError: PortAudio library not found".
 */
export const NATIVE_LIBRARY_ABSENT =
  /\blib[a-z][\w+-]{0,40}(?:\.so(?:\.\d{1,6}){0,3})? library (?:was |is )?not found\b|\b(?:OSError|EnvironmentError|ImportError|LoadError)(?:: |\(['"])[\w.+-]{2,40} (?:shared |native |system |C )?library (?:was |is )?not found\b|\b(?:shared|native|system|dynamic) librar(?:y|ies) (?:['"`]?[\w.+-]{1,60}['"`]? )?(?:was |were |is |are )?not found\b|\bHost system is missing dependencies to run browsers\b|\bMissing (?:system |shared )?libraries:/;

export const BINDING_SIGNATURES: Signature[] = [
  {
    all: [NATIVE_LIBRARY_ABSENT],
    confidence: 0.86,
    title: 'A system library a binding or bundled program loads is not in the image',
    // A Python or Node package whose name starts with lib is a package, not a system library.
    not: /[Cc]annot find module|ModuleNotFoundError|No module named/,
  },
  {
    // The binding names the library before the word "library": pyzbar "Unable to find zbar shared library",
    // pylibdmtx "Unable to find libdmtx shared library", GDAL/GEOS wrappers "Could not find the GEOS native
    // library", JNA "Unable to load the sodium native library". A package name, not a system library, would
    // be a missing dependency: those wordings ("module", "package") are left out.
    all: [
      /\b(?:[Uu]nable to|[Cc]ould(?:n't| not)|[Cc]annot|[Ff]ailed to) (?:find|load|locate|open) (?:the )?['"`]?[\w.+-]{1,60}['"`]? (?:shared|native|system|dynamic|C) librar(?:y|ies)\b/,
    ],
    confidence: 0.84,
    title: 'A system library a language binding loads at import is not in the image',
    not: /[Cc]annot find module|ModuleNotFoundError|No module named|\bpackage\b/,
  },
  {
    // A binding that searches for its system library under several names and reports the list it tried, or
    // points at the override setting: GeoDjango "Could not find the GDAL library (tried "gdal", ...). Is GDAL
    // installed? If it is, try setting GDAL_LIBRARY_PATH", the same for GEOS, pyproj/rasterio/Shapely "set
    // GEOS_LIBRARY_PATH". Raised as ImproperlyConfigured, it is still a library absent from the image.
    all: [
      /\b(?:[Cc]ould(?:n't| not)|[Uu]nable to|[Cc]annot|[Ff]ailed to) (?:find|load|locate) (?:the )?['"`]?[\w.+-]{1,40}['"`]? library \(tried\b|\bIs [\w.+-]{1,40} installed\? If it is, try setting [A-Z][A-Z0-9_]{0,40}_LIBRARY_PATH\b/,
    ],
    confidence: 0.86,
    title: 'A system library a language binding searches for is not in the image',
    not: /[Cc]annot find module|ModuleNotFoundError|No module named|\bpackage\b/,
  },
  {
    // A binding that looks its library up under the bare name and lists the file names it then tried: Shapely
    // 1.x "Could not find lib geos_c or load any of its variants ['libgeos_c.so.1', 'libgeos_c.so']", the same
    // loader in other geo and media wrappers. The variants it tried, or the bracketed list of libX.so names, are the tell.
    all: [
      /\b(?:[Cc]ould(?:n't| not)|[Uu]nable to|[Cc]annot|[Ff]ailed to) (?:find|load|locate) lib [\w.+-]{1,40} or (?:load )?any of its variants\b|\bany of its variants \[['"]lib[\w+-]{1,60}\.so\b/,
    ],
    confidence: 0.86,
    title: 'A system library a language binding searches for under several names is not in the image',
    not: /[Cc]annot find module|ModuleNotFoundError|No module named|\bpackage\b/,
  },
  {
    // An ODBC driver manager (unixODBC, iODBC) loads the driver named in the connection string or odbcinst.ini
    // as a shared library: "[unixODBC][Driver Manager]Can't open lib 'ODBC Driver 18 for SQL Server' : file not
    // found" means the driver package (msodbcsql18, the Oracle or Postgres ODBC driver) is not in the image.
    // Oracle's client bindings say the same of the Instant Client: "DPI-1047: Cannot locate a 64-bit Oracle
    // Client library".
    all: [
      /\[Driver Manager\] ?Can't open lib\b|\bCan't open lib ['"][^'"\n]{1,200}['"] ?: (?:file not found|[\w.+-]{1,80}\.so)|\bDPI-1047\b|\bCannot locate a (?:64|32)-bit Oracle Client library\b/,
    ],
    confidence: 0.86,
    title: 'A database driver library (ODBC driver, Oracle client) is not in the image',
  },
  {
    // Runtimes that dlopen a library by name and print only the name list they tried: Nim's dynlib pragma
    // ("could not load: libssl.so(.3|.1.1|...)"), Crystal and Zig wrappers ("could not load library: libpq.so"),
    // Deno and Bun FFI ("Could not open library: libsqlite3.so"). The colon before the name is the tell.
    all: [
      /\b[Cc]ould(?:n't| not) (?:load|open)(?: (?:shared |dynamic |native )?library)?: ['"`]?lib[a-z0-9_+-]{1,40}\.(?:so|dylib)\b/,
    ],
    confidence: 0.86,
    title: 'A shared library the binary loads at run time is not in the image',
    not: /[Cc]annot find module|ModuleNotFoundError|No module named/,
  },
  {
    // GPU and ML runtimes that dlopen their vendor libraries lazily, at the first kernel call, and say so in
    // their own words: CTranslate2 (faster-whisper) "Library libcublas.so.12 is not found or cannot be loaded",
    // cuDNN "Could not load library libcudnn_ops_infer.so.8", JNA "Unable to load library 'libsodium.so'". A
    // CUDA base image without the cuBLAS/cuDNN runtime is the usual cause. TensorFlow's "Could not load dynamic
    // library" is a warning it runs on after (on CPU): left out.
    all: [
      /\bLibrary lib[\w+-]{1,60}\.so(?:\.\d{1,6}){0,3} is not found\b|\b(?:[Cc]ould(?:n't| not)|[Uu]nable to|[Ff]ailed to) (?:load|open|find) (?:the )?(?:shared |native )?library ['"`]?lib[\w+-]{1,60}\.(?:so|dylib)\b/,
    ],
    confidence: 0.85,
    title: 'A vendor library (cuBLAS, cuDNN, a native dependency) the runtime loads lazily is not in the image',
    not: /[Cc]annot find module|ModuleNotFoundError|No module named|[Cc]ould not load dynamic library/,
  },
];
