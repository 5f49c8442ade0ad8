/** runtime_version_mismatch: the runtime in the image is older or newer than the app (or its config) needs. */
import { kubectl } from '../kubectl.ts';
import { type Signature, signatureRule } from './log-helpers.ts';

const SIGNATURES: Signature[] = [
  {
    all: [/UnsupportedClassVersionError|has been compiled by a more recent version of the Java Runtime/],
    confidence: 0.95,
    title: 'The app was compiled for a newer Java than the image runs',
  },
  {
    all: [/class file version \d+(?:\.\d+)?/, /only recognizes|unsupported|not supported/i],
    confidence: 0.9,
    title: 'The app was compiled for a newer Java than the image runs',
  },
  {
    all: [/requires (?:Java|JDK|JRE) \d|requires (?:Java|JDK|JRE) version \d|Unsupported Java version/],
    confidence: 0.82,
    title: 'The app needs another Java version',
  },
  {
    all: [/[Jj]ava \d{1,2} or (?:later|newer|higher) is required/],
    confidence: 0.82,
    title: 'The app needs another Java version',
  },
  {
    all: [
      /The engine "node" is incompatible with this module|requires (?:a )?[Nn]ode(?:\.js)? (?:version )?[>=v]{0,3}\d+|Node\.js v?\d+[.\d]{0,8} is not supported|Unsupported engine/,
    ],
    confidence: 0.85,
    title: 'The app needs another Node.js version',
  },
  {
    all: [
      /requires Python ['"]?[<>=!~]{1,3}|requires a different Python|Python \d\.\d+ or (?:later|newer) is required|Unsupported Python version/,
    ],
    confidence: 0.85,
    title: 'The app needs another Python version',
  },
  {
    all: [/Your Ruby version is [0-9.]{1,16}, but your Gemfile specified/],
    confidence: 0.92,
    title: 'The app needs another Ruby version',
  },
  {
    all: [/Your Composer dependencies require a PHP version|requires php [<>=^~]{1,3}/i],
    confidence: 0.88,
    title: 'The app needs another PHP version',
  },
  {
    all: [
      /You must install or update \.NET to run this application|The framework '[^']+', version '[^']+' (?:\([a-z0-9]{1,8}\) )?was not found/,
    ],
    confidence: 0.92,
    title: 'The .NET runtime version the app targets is not in the image',
  },
  {
    all: [/go\.mod requires go >?=? ?\d|module requires Go \d|requires go\d\.\d+ or later/],
    confidence: 0.85,
    title: 'The module needs a newer Go toolchain',
  },
  // Redis says "Bad directive" for directives it does not know: a config written for a newer server,
  // or a typo; the bad-config rule offers the other reading.
  {
    all: [/Bad directive or wrong number of arguments/],
    confidence: 0.52,
    title: 'The config uses a directive this server version does not know (config newer than the image?)',
  },
  {
    all: [/[Uu]nknown (?:directive|setting|option|parameter)/, /version/i],
    confidence: 0.55,
    title: 'The config uses something this server version does not know',
  },
];

export const runtimeVersionMismatch = signatureRule({
  id: 'runtime-version-mismatch',
  category: 'runtime_version_mismatch',
  signatures: SIGNATURES,
  steps: (ctx) => [
    `Check the image and its base tag: ${kubectl.podSpec(ctx.target, '{.spec.containers[*].image}')}`,
    `See the runtime version in the image: ${kubectl.debugCopy(ctx.target, 'sh -c "java -version; node --version; python --version" 2>&1')}`,
  ],
});
