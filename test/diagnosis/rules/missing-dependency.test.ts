import { missingDependency } from '../../../src/diagnosis/rules/missing-dependency.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingDependency, 'missing_dependency', {
  positives: [
    {
      name: 'node CommonJS',
      log: "node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\nError: Cannot find module 'dotenv'\nRequire stack:\n- /app/index.js",
      min: 0.85,
    },
    {
      name: 'node ESM',
      log: "node:internal/errors:496\n    ErrorCaptureStackTrace(err);\n    ^\n\nError [ERR_MODULE_NOT_FOUND]: Cannot find package 'pino' imported from /app/src/log.js",
      min: 0.85,
    },
    {
      name: 'python ModuleNotFoundError',
      log: 'Traceback (most recent call last):\n  File "/app/app.py", line 3, in <module>\n    import psycopg2\nModuleNotFoundError: No module named \'psycopg2\'',
      min: 0.85,
    },
    {
      name: 'ruby LoadError',
      log: "/usr/local/lib/ruby/3.2.0/bundled_gems.rb:74:in `require': cannot load such file -- nokogiri (LoadError)",
      min: 0.8,
    },
    {
      name: 'bundler gem missing',
      log: 'Could not find rack-3.0.8 in locally installed gems (Bundler::GemNotFound)',
      min: 0.85,
    },
    {
      name: 'php composer not installed',
      log: "PHP Warning:  require(/var/www/html/vendor/autoload.php): Failed to open stream: No such file or directory in /var/www/html/index.php on line 3\nPHP Fatal error:  Uncaught Error: Failed opening required '/var/www/html/vendor/autoload.php'",
      min: 0.8,
    },
    {
      name: 'java class missing',
      log: 'Exception in thread "main" java.lang.NoClassDefFoundError: org/slf4j/LoggerFactory\n\tat com.acme.Main.<clinit>(Main.java:9)',
      min: 0.65,
    },
    {
      name: 'perl module',
      log: "Can't locate JSON/XS.pm in @INC (you may need to install the JSON::XS module)",
      min: 0.85,
    },
  ],
  negatives: [
    { name: 'the entry file itself is missing', log: "Error: Cannot find module '/app/dist/index.js'" },
    {
      name: 'module names in an info line',
      log: 'INFO loaded module auth\nINFO loaded module billing\nINFO listening on :8080',
    },
  ],
});
