import { missingDependency } from '../../../src/diagnosis/rules/missing-dependency.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingDependency, 'missing_dependency', {
  positives: [
    {
      name: 'yarn PnP package missing from disk',
      log: 'Error: Required package missing from disk. If you keep your packages inside your project, make sure to run `yarn install` after pulling the latest changes.\n\nMissing package: express@npm:4.19.2',
      min: 0.8,
    },
    {
      name: "pip's hash check against the requirements",
      log: 'ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes.',
      min: 0.8,
    },
    {
      name: 'Django cannot load its database driver',
      log: '  File "/usr/local/lib/python3.11/site-packages/django/db/backends/postgresql/base.py", line 29, in <module>\n    raise ImproperlyConfigured("Error loading psycopg2 or psycopg module")\ndjango.core.exceptions.ImproperlyConfigured: Error loading psycopg2 or psycopg module',
      min: 0.8,
    },
    {
      name: "the app's own package not importable is not a confident missing install",
      log: 'Traceback (most recent call last):\n  File "/usr/local/bin/gunicorn", line 8, in <module>\nModuleNotFoundError: No module named \'app\'',
      exitCode: 1,
      min: 0.5,
      max: 0.6,
    },
    {
      name: 'bun names the importing file',
      log: 'error: Cannot find package "zod" from "/app/src/env.ts"\n\nBun v1.1.8 (Linux x64)',
      min: 0.85,
    },
    {
      name: 'npm ci with a lockfile out of sync',
      log: 'npm ERR! code EUSAGE\nnpm ERR! `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.\nnpm ERR! Missing: ioredis@5.4.1 from lock file',
      min: 0.8,
    },
    {
      name: 'go.sum entry missing',
      log: 'main.go:9:2: missing go.sum entry for module providing package github.com/redis/go-redis/v9 (imported by example.com/api); to add:\n\tgo get example.com/api',
      min: 0.8,
    },
    {
      name: 'maven artifact cannot be resolved',
      log: '[ERROR] Failed to execute goal on project orders: Could not resolve dependencies for project com.acme:orders:jar:1.4.0: Could not find artifact com.acme:common-lib:jar:2.3.1 in central (https://repo.maven.apache.org/maven2) -> [Help 1]',
      min: 0.8,
    },
    {
      name: 'bundler version pinned by Gemfile.lock',
      log: "/usr/local/lib/ruby/2.6.0/rubygems.rb:283:in `find_spec_for_exe': Could not find 'bundler' (2.1.4) required by your /app/Gemfile.lock. (Gem::GemNotFoundException)\nTo install the missing version, run `gem install bundler:2.1.4`",
      min: 0.85,
    },
    {
      name: 'deno package not cached',
      log: "error: npm package 'hono' does not exist in the cache; run with --cached-only false or `deno cache` first",
      min: 0.8,
    },
    {
      name: 'bun frozen lockfile',
      log: 'bun install v1.1.8\nerror: lockfile had changes, but lockfile is frozen\nnote: try re-running without --frozen-lockfile and commit the updated lockfile',
      min: 0.8,
    },
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
    {
      name: 'Mix called from a release is a bug in the code',
      log: '** (UndefinedFunctionError) function Mix.env/0 is undefined (module Mix is not available)\n    (shop 0.1.0) lib/shop/application.ex:12: Shop.Application.start/2',
    },
    {
      name: 'a lockfile mentioned in an info line',
      log: 'INFO  using package-lock.json from the image (lockfileVersion 3)\nINFO  server listening on :3000',
    },
    { name: 'the entry file itself is missing', log: "Error: Cannot find module '/app/dist/index.js'" },
    {
      name: 'module names in an info line',
      log: 'INFO loaded module auth\nINFO loaded module billing\nINFO listening on :8080',
    },
  ],
});
