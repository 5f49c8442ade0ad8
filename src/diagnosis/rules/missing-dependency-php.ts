/**
 * missing_dependency's readings for PHP: Composer's vendor/ not installed, a class of a Composer package or of
 * a PHP extension not found. The missing-dependency rule lists these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';

// vendor/ is absent either because composer install never ran in the image (this cause) or because a volume
// mounted over the app directory hides the vendor/ the image has (missing_file): the same lines, so this
// reading stays below the confident band, and steps back when the pod spec shows such a mount.
export const COMPOSER_AUTOLOAD: Signature = {
  all: [/vendor\/autoload\.php/, /Failed opening required|failed to open stream|No such file/],
  confidence: 0.8,
  title: 'PHP Composer dependencies are not installed (vendor/autoload.php missing)',
};

export const PHP_CLASS_SIGNATURES: Signature[] = [
  { all: [/Class ["'][^"']+["'] not found/], confidence: 0.55, title: 'A PHP class the app uses is not installed' },
  {
    // A class under a vendor namespace (Dotenv\Dotenv, GuzzleHttp\Client, Monolog\Logger) is a Composer
    // package's, so the package is not installed (often a require-dev one left out by --no-dev). The app's own
    // namespaces (App\, Tests\, Database\) are a bug or a stale autoloader instead.
    all: [
      /Class ["'](?!(?:App|Src|Tests?|Database|Domain|Modules?)\\)[A-Z]\w{0,60}\\{1,2}[A-Z][\w\\]{0,200}["'] not found/,
    ],
    confidence: 0.78,
    title: 'A class of a Composer package the app uses is not installed (require-dev or --no-dev?)',
  },
  {
    // Classes and functions of PHP extensions (phpredis, gd, intl, zip, pdo drivers...) missing from the image.
    // A call inside a namespace names it ("Laravel\\Horizon\\pcntl_async_signals()"): PHP found no global one either.
    // Symfony's error handler words the same failures as 'Attempted to load class "Redis" from the global
    // namespace' and 'Attempted to call undefined function "mb_strlen" from the global namespace'.
    all: [
      /(?:Class |Attempted to load (?:class|interface) )["'](?:Redis|RedisCluster|Memcached|Imagick|ZipArchive|IntlDateFormatter|Collator|NumberFormatter|SoapClient|AMQPConnection|MongoDB\\{1,2}Driver\\{1,2}Manager)["'] (?:not found|from the global namespace)|(?:Call to undefined function (?:[\w\\]{1,200}\\)?|Attempted to call (?:an )?undefined function ["'])(?:pcntl_|posix_|socket_|ctype_|imap_|openssl_|finfo_|yaml_|igbinary_|msgpack_|grapheme_|idn_to_|mysqli_|pg_|imagecreate|curl_|mb_|bc(?:add|mul|div|sub)|gmp_|sodium_|zip_|simplexml_|iconv|intl|gz|ldap_|exif_|apcu_|opcache_)|could not find driver/,
    ],
    confidence: 0.82,
    title: 'A PHP extension the app uses is not installed in the image',
  },
  {
    // Libraries that check for the PHP extension they need and say it in words: Symfony's 'Cannot find the
    // "redis" extension nor the "predis/predis" package', Laravel's "The [redis] extension is not loaded",
    // "PHP extension intl is required", "requires the sodium extension", Kanboard's 'PHP extension required:
    // "pdo_pgsql"'. A file extension or a browser or
    // database extension is another thing.
    all: [
      /\b(?:[Cc]annot|[Cc]an't|[Cc]ould not|[Uu]nable to) (?:find|load) (?:the )?["'`[]?[\w-]{2,30}["'`\]]? (?:PHP )?extension\b|\b(?:PHP )?[Ee]xtension ["'`[]?[\w-]{2,30}["'`\]]? (?:is )?(?:not (?:loaded|installed|enabled|available)|missing|required)\b|\b[Tt]he ["'`[]?[\w-]{2,30}["'`\]]? (?:PHP )?extension (?:is )?(?:required|not (?:loaded|installed|enabled|available)|missing)\b|\brequires? (?:the )?["'`[]?[\w-]{2,30}["'`\]]? PHP extension\b|\bPHP extensions? (?:is |are )?(?:required|missing|not (?:loaded|installed|enabled|available)): ?["'`[]?[\w-]{2,30}/,
    ],
    confidence: 0.8,
    title: 'A PHP extension the app uses is not installed in the image',
    not: /\b(?:file|browser|Chrome|Firefox|VS ?Code|[Cc])[ -]extension|\bextension "[\w-]{1,60}" (?:is not available|does not exist)|[Ww]arning/,
  },
  {
    // Libraries that guard a PHP extension and ask for it to be installed, in words that name the extension
    // before or after "PHP": Laravel's phpredis connector "Please make sure the PHP Redis extension is installed
    // and enabled.", "Make sure the imagick PHP extension is loaded", Nextcloud's "PHP module zip not installed.",
    // WordPress's "Your PHP installation appears to be missing the MySQL extension which is required". A kernel
    // module or a browser extension is another thing.
    all: [
      /\b(?:[Mm]ake sure|[Ee]nsure|[Cc]heck) (?:that )?(?:the |your )?(?:PHP )?["'`]?[\w-]{2,30}["'`]? (?:PHP )?extension (?:is|has been) (?:installed|enabled|loaded)\b|\bPHP module ["'`]?[\w-]{2,30}["'`]? (?:is )?not (?:installed|loaded|enabled)\b|\bPHP installation (?:appears to be |seems to be |is )?missing the ["'`]?[\w-]{2,30}["'`]? extension\b/,
    ],
    confidence: 0.8,
    title: 'A PHP extension the app uses is not installed in the image',
    not: /\b(?:kernel|browser|Chrome|Firefox|file)[ -](?:module|extension)\b/,
  },
  {
    // Symfony's reading of a class missing from the global namespace: the app's and its packages' classes live
    // in namespaces, so a global one is mostly an extension's (or a typo, hence below the confident band).
    all: [/Attempted to load (?:class|interface|trait) ["'][A-Z]\w{0,60}["'] from the global namespace/],
    confidence: 0.72,
    title: 'A global PHP class (usually a PHP extension) is not installed in the image',
  },
];
