/**
 * runtime_version_mismatch's readings of a project's manifest or lockfile pinning a language or toolchain
 * version the image does not satisfy (Gemfile, composer.json, .NET runtimeconfig, go.mod, mix.exs, Cargo,
 * lockfile formats, Requires-Python). The runtime-version-mismatch rule lists these after its own
 * language-runtime signatures, in this order.
 */
import type { LogLine } from '../types.ts';
import type { Signature } from './log-helpers.ts';

/** The .NET host refusing to start: the framework the app names is not in the image at that version. */
export const DOTNET_FRAMEWORK_NOT_FOUND: Signature = {
  all: [
    /You must install or update \.NET to run this application|The framework '[^']+', version '[^']+' (?:\([a-z0-9]{1,8}\) )?was not found/,
  ],
  confidence: 0.92,
  title: 'The .NET runtime version the app targets is not in the image',
};

const DOTNET_FRAMEWORK_NAMED = /\b(?:Framework: |The framework )'([\w.]{1,80})', version '/;
const DOTNET_NONE_INSTALLED = /\bNo frameworks were found\b/;
const DOTNET_INSTALLED_AT = /\bat \[[^[\]\n]{0,200}\/shared\/([\w.]{1,80})\]/;

/**
 * The .NET host then lists the installed versions of frameworks. Other versions of the SAME framework mean a
 * version gap; none at all ("No frameworks were found", or only Microsoft.NETCore.App in a runtime-only
 * image under an ASP.NET app) means the framework itself is absent: a missing dependency, not a version.
 * Without a listing the log cannot tell, and the version reading stands.
 */
export const dotnetFrameworkAbsent = (lines: readonly LogLine[]): boolean => {
  const named = lines.map((l) => DOTNET_FRAMEWORK_NAMED.exec(l.text)?.[1]).find(Boolean);
  if (!named) return false;
  if (lines.some((l) => DOTNET_NONE_INSTALLED.test(l.text))) return true;
  const installed = lines.map((l) => DOTNET_INSTALLED_AT.exec(l.text)?.[1]).filter(Boolean);
  return installed.length > 0 && !installed.includes(named);
};

export const MANIFEST_PIN_SIGNATURES: Signature[] = [
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
  DOTNET_FRAMEWORK_NOT_FOUND,
  {
    all: [/go\.mod requires go >?=? ?\d|module requires Go \d|requires go\d\.\d+ or later/],
    confidence: 0.85,
    title: 'The module needs a newer Go toolchain',
  },
  {
    // The project's manifest pins a language version the image's toolchain does not satisfy: Mix "on Elixir
    // v1.14.5 but it has declared in its mix.exs file it supports only Elixir ~> 1.15", Cargo "requires
    // rustc 1.74 or newer, while the currently active rustc version is", Dart "The current Dart SDK version
    // is", SwiftPM "is using Swift tools version 5.9.0 but the installed version is", RubyGems "requires
    // Ruby version >= 3.1".
    all: [
      /\bhas declared in its [\w.]{1,20} file it supports only\b|\brequires rustc (?:version )?\d[\w.]{0,16} or newer\b|\bthe currently active rustc version is\b|\bThe current Dart SDK version is\b|\busing Swift tools version \d[\d.]{0,10} but the installed version is\b|\brequires Ruby version [<>=~]{1,2}/,
    ],
    confidence: 0.88,
    title: "The project declares a language version the image's toolchain does not satisfy",
  },
  {
    // A lockfile written by a newer Deno/Bun/npm than the image runs.
    all: [
      /Unsupported lockfile version|Unknown lockfile version|(?:lockfile|lock) was created by a newer version of (?:Bun|Deno|npm|pnpm|yarn)/,
    ],
    confidence: 0.84,
    title: 'The lockfile was written by a newer package manager than the image runs',
  },
  {
    // Bun implements Node's APIs progressively: an older Bun lacks one a dependency calls.
    all: [/is not yet implemented in Bun|not implemented yet in Bun/],
    confidence: 0.76,
    title: 'The Bun version in the image does not implement a Node.js API the code uses',
  },
  {
    // pip skipping every release of a pinned package because it needs another Python.
    all: [/require a different python version|Requires-Python [<>=!~]{1,2} ?\d/],
    confidence: 0.86,
    title: "The pinned package needs another Python version than the image's",
  },
  {
    // The project's own Python constraint (pyproject requires-python, Poetry's python = "^3.11") excludes the
    // image's interpreter: Poetry "The currently activated Python version 3.9.19 is not supported by the
    // project (^3.11)" / "Poetry was unable to find a compatible version", uv "the current Python version
    // (3.9.19) does not satisfy Python>=3.11" / "incompatible with the project's Python requirement",
    // pipenv "Python 3.11 was not found on your system", Hatch/PDM "No Python interpreter found".
    all: [
      /\bPython version v?\d[\d.]{0,12} is not supported by the (?:project|package)\b|\b[Pp]oetry was unable to find a compatible (?:Python )?version\b|\bcurrent Python version \(?v?\d[\d.]{0,12}\)? does not satisfy Python\b|\bincompatible with the project's Python requirement\b|\bPython v?\d[\d.]{0,12} was not found on your system\b|\b[Nn]o (?:Python )?interpreter found for Python [<>=^~]{0,2} ?v?\d/,
    ],
    confidence: 0.88,
    title: "The project's Python constraint excludes the image's Python version",
  },
];
