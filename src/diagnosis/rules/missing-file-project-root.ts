/**
 * missing_file read from a project tool that found no project where it runs: the file that marks the
 * project root (scrapy.cfg, pom.xml, Cargo.toml, composer.json, pyproject.toml, dbt_project.yml, a Gradle
 * build, angular.json) is not in the image or the working directory, so the tool knows only its global
 * commands. The project command it was given then looks unknown, which bad-command-args reads as a wrong
 * argument: it steps back when one of these lines says why.
 */
import type { Signature } from './log-helpers.ts';

// The tools' own words for "no project here": Scrapy "Scrapy 2.11.2 - no active project", Maven "there is
// no POM in this directory", Cargo "could not find `Cargo.toml` in `/app` or any parent directory",
// Composer "Composer could not find a composer.json file in /app", Poetry "Poetry could not find a
// pyproject.toml file in /app or its parents", dbt "Not a dbt project (or any of the parent
// directories). Missing dbt_project.yml file", Gradle "Directory '/app' does not contain a Gradle build",
// Angular "requires to be run in an Angular project, but a project definition could not be found",
// Hardhat "You are not inside a Hardhat project", Nx "isn't part of an Nx workspace".
export const PROJECT_ROOT_ABSENT =
  /\bno active project\b|\bthere is no POM in this directory\b|\bcould not find `Cargo\.toml` in\b|\bcould not find a (?:composer\.json|pyproject\.toml) file in\b|\bNot a dbt project\b|\bMissing dbt_project\.yml file\b|\bdoes not contain a Gradle build\b|\brequires to be run in an? [\w-]{1,30} (?:project|workspace), but a (?:project|workspace) definition could not be found\b|\bYou are not inside an? [\w-]{1,30} project\b|\bis(?:n't| not) part of an? [\w-]{1,30} workspace\b/;

export const PROJECT_ROOT_ABSENT_SIGNATURES: Signature[] = [
  {
    all: [PROJECT_ROOT_ABSENT],
    confidence: 0.8,
    title: "The project file the tool looks for is not in the container's working directory (excluded from the image?)",
  },
];
