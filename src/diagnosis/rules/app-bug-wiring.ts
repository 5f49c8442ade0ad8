/**
 * app_bug's readings of a dependency-injection container or registry that cannot build the app's object
 * graph at boot: a cycle, a component nobody registered, or one registered twice. Each is the app's own
 * wiring, whatever data or environment it runs with, so it reads as a bug in its code. The app-bug rule
 * lists these in its order.
 */
import type { Signature } from './log-helpers.ts';

export const DI_WIRING_SIGNATURES: Signature[] = [
  {
    // Dependency-injection containers refuse a cycle in the app's own wiring: Spring "form a cycle" /
    // "unresolvable circular reference", .NET "A circular dependency was detected for the service", Nest
    // "A circular dependency between modules", Symfony/Laravel "Circular reference detected for service",
    // Autofac, Python "partially initialized module ... (most likely due to a circular import)". A
    // circular placeholder or substitution in a config file is the config's fault.
    all: [
      /\bunresolvable circular reference\b|\bbeans in the application context form a cycle\b|\bBeanCurrentlyInCreationException\b|\b[Cc]ircular (?:dependency|reference|import|component dependency)(?: was)? (?:detected|between|found)\b|\bmost likely due to a circular import\b/,
    ],
    confidence: 0.78,
    title: "The app's components depend on each other in a cycle (a bug in its own wiring)",
    not: /[Pp]laceholder|[Ss]ubstitution|\$\{|\bsymlink|\bconfig(?:uration)? file/,
  },
  {
    // A dependency the container was never told how to build: Nest "Nest can't resolve dependencies of the
    // X (?, Y)", Angular/Nest "NullInjectorError: No provider for X", .NET "Unable to resolve service for
    // type 'X' while attempting to activate 'Y'", Guice "No implementation for X was bound", Laravel
    // "Target [X] is not instantiable" / "Unresolvable dependency resolving", Symfony "Cannot autowire
    // service", InversifyJS "No matching bindings found for serviceIdentifier", Koin "No definition found
    // for class", Uber fx/dig "missing dependencies for function". Spring's NoSuchBeanDefinitionException
    // is left out: a bean switched off by an unset property or profile shows the same way (bad_config).
    all: [
      /\bNest can't resolve dependencies of\b|\bNullInjectorError: No provider for\b|\bUnable to resolve service for type '[^'\n]{1,300}' while attempting to activate\b|\bNo implementation for [\w.$]{1,200}(?:<[\w.$]{1,200}>)? was bound\b|\bTarget \[[\w\\:.]{1,200}\] is not instantiable\b|\bUnresolvable dependency resolving \[|\bCannot autowire service "|\bNo matching bindings found for serviceIdentifier\b|\bNo definition found for (?:class|type)[: ]|\bmissing dependencies for function\b/,
    ],
    confidence: 0.75,
    title: "The app's dependency-injection wiring misses a component it needs (a bug in its code)",
  },
  {
    // The app registers the same name twice at boot (a plugin loaded by hand and again by autoload, a
    // module imported under two paths): Fastify "The decorator 'prisma' has already been added!"
    // (FST_ERR_DEC_ALREADY_PRESENT) and "Method 'GET' already declared for route", Go net/http "http:
    // multiple registrations for /metrics" and flag "flag redefined: v", Prometheus clients "duplicate
    // metrics collector registration attempted" / "Duplicated timeseries in CollectorRegistry", Flask "View
    // function mapping is overwriting an existing endpoint function", Mongoose "Cannot overwrite `User`
    // model once compiled", SQLAlchemy "Table 'x' is already defined for this MetaData instance", Spring
    // "Ambiguous mapping. Cannot map". The same code fails the same way in any environment.
    all: [
      /\bFST_ERR_(?:DEC_ALREADY_PRESENT|DUPLICATED_ROUTE)\b|\b[Tt]he decorator '[^'\n]{1,100}' has already been added\b|\bMethod '[A-Z]{3,7}' already declared for route\b|\bhttp: multiple registrations for\b|^panic: [^\n]{0,200}flag redefined: |\bduplicate metrics collector registration attempted\b|\bDuplicated timeseries in CollectorRegistry\b|\bView function mapping is overwriting an existing endpoint function\b|\bCannot overwrite `[^`\n]{1,100}` model once compiled\b|\bis already defined for this MetaData instance\b|\bAmbiguous mapping\. Cannot map\b/,
    ],
    confidence: 0.8,
    title: 'The app registers the same component twice at boot (a plugin, route or metric loaded twice)',
  },
];
