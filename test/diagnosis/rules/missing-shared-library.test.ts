import { missingSharedLibrary } from '../../../src/diagnosis/rules/missing-shared-library.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingSharedLibrary, 'missing_shared_library', {
  positives: [
    {
      name: 'a geo binding that lists the library variants it tried under its bare name',
      log: "Traceback (most recent call last):\n  File \"/app/tiles.py\", line 2, in <module>\n    import geoloader\nOSError: Unable to load lib spatialite or any of its variants ['libspatialite.so.7', 'libspatialite.so']",
      exitCode: 1,
      min: 0.84,
    },
    {
      name: 'cuDNN loaded lazily at the first convolution in a CUDA runtime image without it',
      log: 'Could not load library libcudnn_cnn_infer.so.8. Error: libcudnn_cnn_infer.so.8: cannot open shared object file: No such file or directory\nAborted (core dumped)',
      exitCode: 134,
      min: 0.84,
    },
    {
      name: 'CTranslate2 naming a missing cuBLAS in its own words',
      log: 'RuntimeError: Library libcublas.so.11 is not found or cannot be loaded',
      exitCode: 1,
      min: 0.84,
    },
    {
      name: 'sounddevice on a slim image without the PortAudio system library',
      log: 'Traceback (most recent call last):\n  File "/app/recorder.py", line 3, in <module>\n    import sounddevice as sd\n  File "/usr/local/lib/python3.11/site-packages/sounddevice.py", line 71, in <module>\n    raise OSError(\'PortAudio library not found\')\nOSError: PortAudio library not found',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an ODBC driver manager that cannot load the driver library named in odbcinst.ini',
      log: "Error: [unixODBC][Driver Manager]Can't open lib '/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so' : file not found\n    at Database.connect (/app/node_modules/odbc/lib/Connection.js:41:11)",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'python-oracledb in thick mode without the Instant Client in the image',
      log: 'oracledb.exceptions.DatabaseError: DPI-1047: Cannot locate a 64-bit Oracle Client library: "libclntsh.so: cannot open shared object file: No such file or directory".',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a Python binding cannot find its system library (libdmtx) in a slim image',
      log: 'Traceback (most recent call last):\n  File "/app/scan.py", line 2, in <module>\n    from pylibdmtx import pylibdmtx\n  File "/usr/local/lib/python3.11/site-packages/pylibdmtx/dmtx_library.py", line 35, in load\n    raise ImportError(\'Unable to find dmtx shared library\')\nImportError: Unable to find dmtx shared library',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'an arm64 binary run under qemu on an amd64 node lacks its loader: only a weak reading beside the architecture',
      log: "qemu-aarch64: Could not open '/lib/ld-linux-aarch64.so.1': No such file or directory",
      exitCode: 255,
      min: 0.5,
      max: 0.6,
      best: 'exec_format_error',
    },
    {
      name: 'cffi cannot load the system library a Python binding needs (WeasyPrint on a slim image)',
      log: 'Traceback (most recent call last):\n  File "/app/render.py", line 2, in <module>\n    import weasyprint\nOSError: cannot load library \'libgobject-2.0-0\': libgobject-2.0-0: cannot open shared object file: No such file or directory',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Ruby ffi binding whose native library is not in the image',
      log: "/usr/local/bundle/gems/ffi-1.16.3/lib/ffi/library.rb:145:in `block in ffi_lib': Could not open library 'vips.so.42': vips.so.42: cannot open shared object file (LoadError)",
      exitCode: 1,
      min: 0.75,
    },
    {
      name: "python-magic's own wording when libmagic is absent",
      log: '  File "/usr/local/lib/python3.11/site-packages/magic/loader.py", line 49, in load_lib\n    raise ImportError(\'failed to find libmagic.  Check your installation\')\nImportError: failed to find libmagic.  Check your installation',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'busybox says not found for a glibc node binary the log lists as installed and executable',
      log: '+ ls -l /usr/local/bin/node\n-rwxr-xr-x    1 root     root      96210432 Jan  9 10:00 /usr/local/bin/node\n+ node server.js\nsh: node: not found',
      exitCode: 127,
      min: 0.8,
    },
    {
      name: '.NET P/Invoke cannot load a native library (SkiaSharp on a slim image)',
      log: "Unhandled exception. System.TypeInitializationException: The type initializer for 'SkiaSharp.SKImageInfo' threw an exception.\n ---> System.DllNotFoundException: Unable to load shared library 'libSkiaSharp' or one of its dependencies. In order to help diagnose loading problems, consider setting the LD_DEBUG environment variable: liblibSkiaSharp: cannot open shared object file: No such file or directory",
      exitCode: 134,
      min: 0.8,
    },
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
      name: 'a Ruby native extension whose libpq is not in the runtime image, wrapped in a missing-gem hint',
      log: "/usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb:5:in `require': libpq.so.5: cannot open shared object file: No such file or directory - /usr/local/bundle/gems/pg-1.5.4/lib/pg_ext.so (LoadError)\nError loading the 'postgresql' Active Record adapter. Missing a gem it depends on? libpq.so.5: cannot open shared object file: No such file or directory",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'a JNI library missing from the image',
      log: 'Exception in thread "main" java.lang.UnsatisfiedLinkError: no rocksdbjni in java.library.path: /usr/java/packages/lib:/usr/lib64:/lib64:/lib:/usr/lib\n\tat java.base/java.lang.ClassLoader.loadLibrary(ClassLoader.java:2458)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'libstdc++ too old for a native addon',
      log: "Error: /usr/lib/libstdc++.so.6: version `GLIBCXX_3.4.29' not found (required by /app/node_modules/canvas/build/Release/canvas.node)",
      min: 0.7,
    },
    {
      name: 'dash cannot run a program on PATH: an absent program or a glibc binary without its loader',
      log: '+ terraform init -input=false\n/usr/local/bin/plan.sh: 14: terraform: not found',
      exitCode: 127,
      min: 0.4,
      max: 0.5,
      best: 'command_not_found',
    },
    {
      name: 'psycopg 3 on a slim image: the package imports, the libpq it needs is not installed',
      log: "Traceback (most recent call last):\n  File \"/app/app.py\", line 3, in <module>\n    import psycopg\nImportError: no pq wrapper available.\nAttempts made:\n- couldn't import psycopg 'c' implementation: No module named 'psycopg_c'\n- couldn't import psycopg 'binary' implementation: No module named 'psycopg_binary'\n- couldn't import psycopg 'python' implementation: libpq library not found",
      exitCode: 1,
      min: 0.85,
    },
    {
      name: "Playwright for Python lists the browser's system libraries missing from the image",
      log: 'playwright._impl._errors.Error: BrowserType.launch: \n╔══════════════════════════════════════════════════════╗\n║ Host system is missing dependencies to run browsers. ║\n║ Please install them with the following command:      ║\n║                                                      ║\n║     playwright install-deps                          ║\n╚══════════════════════════════════════════════════════╝',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'Deno FFI names the library it could not open after a colon (libsqlite3 absent from the runtime image)',
      log: 'error: Uncaught (in promise) Error: Could not open library: libsqlite3.so\n    at new DynamicLibrary (ext:deno_ffi/00_ffi.js:470:42)\n    at Object.dlopen (ext:deno_ffi/00_ffi.js:582:10)',
      exitCode: 1,
      min: 0.85,
    },
    {
      name: 'GeoDjango cannot find GEOS in a slim runtime stage',
      log: 'django.core.exceptions.ImproperlyConfigured: Could not find the GEOS library (tried "geos_c", "GEOS"). Try setting GEOS_LIBRARY_PATH in your settings.',
      exitCode: 1,
      min: 0.85,
    },
  ],
  negatives: [
    {
      name: 'a lib directory the app could not find is a path, not a system library',
      log: 'Error: Could not find lib directory /app/lib, check the working directory',
      exitCode: 1,
    },
    {
      name: 'a library loaded and reported as found is no missing library',
      log: 'INFO Library libcublas.so.12 found at /usr/local/cuda/lib64',
      exitCode: 0,
    },
    {
      name: 'a Python package that is not installed is a missing dependency, not a system library',
      log: 'Traceback (most recent call last):\n  File "/app/recorder.py", line 3, in <module>\n    import sounddevice as sd\nModuleNotFoundError: No module named \'sounddevice\'',
      exitCode: 1,
    },
    {
      name: 'a config file that could not be loaded names no shared library',
      log: 'ERROR could not load: /etc/app/settings.toml (expected a table at line 3)',
      exitCode: 1,
    },
    {
      name: 'an ODBC data source missing from odbc.ini names no driver library',
      log: "pyodbc.InterfaceError: ('IM002', '[IM002] [unixODBC][Driver Manager]Data source name not found and no default driver specified (0) (SQLDriverConnect)')",
      exitCode: 1,
    },
    {
      name: "Hadoop's notice that it uses its built-in Java classes instead of the native-hadoop library",
      log: 'WARN util.NativeCodeLoader: Unable to load native-hadoop library for your platform... using builtin-java classes where applicable\nERROR SparkContext: Error initializing SparkContext.\norg.apache.spark.SparkException: A master URL must be set in your configuration',
      exitCode: 1,
    },
    {
      name: 'a Node package whose name starts with lib is a package, not a system library',
      log: "Error: Cannot find module 'libphonenumber-js'\nRequire stack:\n- /app/src/phone.js",
      exitCode: 1,
    },
    {
      name: 'a listed file is not the program the shell could not find',
      log: '-rwxr-xr-x    1 root     root      1200 Jan  9 10:00 /app/start\n/bin/sh: hugo: not found',
      exitCode: 127,
    },
    {
      name: 'a managed assembly that is missing is a package, not a native library',
      log: "Unhandled exception. System.IO.FileNotFoundException: Could not load file or assembly 'Newtonsoft.Json, Version=13.0.0.0'. The system cannot find the file specified.",
    },
    {
      name: 'an ordinary missing config file',
      log: "FileNotFoundError: [Errno 2] No such file or directory: '/app/config.yaml'",
    },
    {
      name: 'library mentioned in an info line',
      log: 'INFO loaded shared libraries: libssl, libcrypto\nINFO listening on :8443',
    },
    {
      name: 'a native module built for another Python is a symbol problem, not a missing library',
      log: 'ImportError: /usr/local/lib/python3.12/site-packages/psycopg2/_psycopg.cpython-311-x86_64-linux-gnu.so: undefined symbol: _PyErr_WriteUnraisableMsg',
      exitCode: 1,
    },
    {
      name: 'a version banner mentioning GLIBCXX',
      log: 'build info: compiler=g++ 12 GLIBCXX_3.4.30 runtime ok',
    },
    {
      name: 'a script name busybox cannot find is not a binary without its loader',
      log: 'sh: run.sh: not found',
      exitCode: 127,
    },
    {
      name: 'a Python package named like a library is a package, not a system library',
      log: "ModuleNotFoundError: No module named 'libpq_helpers'",
      exitCode: 1,
    },
    {
      name: 'a Python package missing by import is not a system library',
      log: "ModuleNotFoundError: No module named 'gdal'; Could not find the gdal library (tried the package)",
      exitCode: 1,
    },
  ],
});
