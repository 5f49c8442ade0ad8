/**
 * missing_dependency: a package, module, gem or library the app imports is not installed in the image
 * (undeclared in the manifest, or the image was not rebuilt).
 */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

export const REMOVED_STDLIB =
  /No module named '(?:distutils|imp|asynchat|asyncore|smtpd|cgi|cgitb|crypt|pipes|telnetlib|nntplib|audioop|sndhdr|imghdr|spwd|xdrlib|msilib|mailcap|ossaudiodev|nis|uu|chunk|sunau|aifc)'/;

const SIGNATURES: Signature[] = [
  // Node: a bare specifier is a package; a path is the app's own file (missing_file).
  {
    all: [/\bCannot find module '[^'./][^']*'/],
    confidence: 0.9,
    title: 'A Node.js package the app imports is not installed',
  },
  {
    all: [/\bCannot find package '[^']+'/],
    confidence: 0.9,
    title: 'A Node.js package the app imports is not installed',
  },
  { all: [/\bERR_MODULE_NOT_FOUND\b/], confidence: 0.8, title: 'A Node.js module the app imports is not installed' },
  {
    all: [/ModuleNotFoundError: No module named/],
    confidence: 0.9,
    // Standard-library modules removed from recent Pythons: the interpreter is too new (runtime_version_mismatch).
    not: REMOVED_STDLIB,
    title: 'A Python package the app imports is not installed',
  },
  {
    all: [/ImportError: No module named/],
    confidence: 0.9,
    title: 'A Python package the app imports is not installed',
  },
  {
    all: [/ImportError: cannot import name/],
    confidence: 0.55,
    title: 'An installed Python package lacks a name the app imports (wrong version)',
  },
  {
    all: [/pkg_resources\.DistributionNotFound|importlib\.metadata\.PackageNotFoundError/],
    confidence: 0.85,
    title: 'A Python distribution the app needs is not installed',
  },
  {
    all: [/cannot load such file -- /],
    confidence: 0.85,
    title: 'A Ruby gem or file the app requires is not installed',
  },
  {
    all: [
      /Could not find gem '|Bundler::GemNotFound|Could not find [^\s]+ in (?:any of the sources|locally installed gems)/,
    ],
    confidence: 0.9,
    title: 'A Ruby gem the Gemfile needs is not installed',
  },
  {
    all: [/\(module [A-Z][\w.]{0,120} is not available\)/],
    confidence: 0.82,
    title: 'An Elixir/Erlang module the app calls is not in the release',
  },
  {
    all: [/is not part of the bundle\. Add it to your Gemfile|Missing a gem it depends on\?/],
    confidence: 0.88,
    title: 'A gem the app loads is not in the bundle',
  },
  { all: [/Can't locate [^\s]+\.pm in @INC/], confidence: 0.9, title: 'A Perl module the app uses is not installed' },
  {
    all: [/java\.lang\.(?:NoClassDefFoundError|ClassNotFoundException)/],
    confidence: 0.7,
    title: 'A Java class the app needs is not on the classpath',
    not: /UnsupportedClassVersionError/,
  },
  { all: [/Could not load file or assembly '/], confidence: 0.82, title: 'A .NET assembly the app needs is missing' },
  {
    all: [/vendor\/autoload\.php/, /Failed opening required|failed to open stream|No such file/],
    confidence: 0.85,
    title: 'PHP Composer dependencies are not installed (vendor/autoload.php missing)',
  },
  { all: [/Class ["'][^"']+["'] not found/], confidence: 0.55, title: 'A PHP class the app uses is not installed' },
  {
    // Classes and functions of PHP extensions (phpredis, gd, intl, zip, pdo drivers...) missing from the image.
    all: [
      /Class ["'](?:Redis|RedisCluster|Memcached|Imagick|ZipArchive|IntlDateFormatter|Collator|NumberFormatter|SoapClient|AMQPConnection|MongoDB\\{1,2}Driver\\{1,2}Manager)["'] not found|Call to undefined function (?:mysqli_|pg_|imagecreate|curl_|mb_|bc(?:add|mul|div|sub)|gmp_|sodium_|zip_|simplexml_|iconv|intl|gz|ldap_|exif_|apcu_|opcache_)|could not find driver/,
    ],
    confidence: 0.82,
    title: 'A PHP extension the app uses is not installed in the image',
  },
  {
    all: [/\bcannot find package "[^"]+"|no required module provides package/],
    confidence: 0.8,
    title: 'A Go package the app needs is missing',
  },
];

export const missingDependency = signatureRule({
  id: 'missing-dependency',
  category: 'missing_dependency',
  signatures: SIGNATURES,
  steps: (ctx) => [
    'Check that the dependency is declared in the manifest (package.json, requirements.txt, Gemfile, go.mod, pom.xml) and the image was rebuilt from it',
    `Check what the image has installed: ${kubectl.debugCopy(ctx.target, 'sh')}`,
  ],
});
