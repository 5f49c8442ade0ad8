/**
 * missing_dependency's readings for runtimes that load libraries from a classpath or an assembly list (JVM,
 * Clojure, Groovy, .NET, an Erlang release's code path): a class, driver or module the app needs is not packaged
 * with it. The missing-dependency rule lists these among its own signatures.
 */
import type { Signature } from './log-helpers.ts';

export const CLASSPATH_SIGNATURES: Signature[] = [
  {
    // The .NET host names the shared framework the app needs (Microsoft.AspNetCore.App, Microsoft.WindowsDesktop.App)
    // and then lists the installed versions of that framework only: "No frameworks were found" means the image has
    // none of it (an ASP.NET app on the plain runtime or runtime-deps image), not a version gap, which lists some.
    all: [/\bNo frameworks were found\b/],
    confidence: 0.93,
    title: 'The .NET shared framework the app needs is not in the image (runtime image without it)',
  },
  {
    all: [/java\.lang\.(?:NoClassDefFoundError|ClassNotFoundException)/],
    confidence: 0.7,
    title: 'A Java class the app needs is not on the classpath',
    not: /UnsupportedClassVersionError/,
  },
  {
    // Libraries that probe for an optional module and say which one to add (the AWS SDK's "the 'sts' service
    // module must be on the class path" for web identity, Jackson's and Hibernate's optional modules): the
    // feature is configured but the jar that implements it was not packaged with the app.
    all: [
      /\bmust be (?:on|in|added to) the class ?path\b|\b(?:is|was|were|are) not (?:found |present )?(?:on|in) the class ?path\b|\b(?:[Aa]dd|[Ii]nclude) (?:the )?[`'"]?[\w.:-]{2,80}[`'"]? (?:module |dependency |jar |artifact )?(?:to|on) (?:the |your )?class ?path\b/,
    ],
    // "class path resource [x] ... does not exist" is the app's own file (missing_file).
    not: /class ?path resource|does not exist|[Nn]o such file/,
    confidence: 0.86,
    title: 'A module the configured feature needs is not on the classpath',
  },
  {
    // Java's ServiceLoader found no implementation of an SPI the app uses: the jar that provides it was not
    // packaged (shadowJar minimize() or a fat jar that dropped META-INF/services). gRPC's "No functional channel
    // service provider found. Try adding a dependency on the grpc-netty artifact", JAXB's "Implementation of
    // JAXB-API has not been found on module path or classpath", the JSON-P/JSON-B and Jakarta Mail providers.
    all: [
      /\bProviderNotFoundException\b|\b[Tt]ry adding a dependency on\b|\bNo (?:functional |usable |suitable )?[\w-]{0,30} ?(?:channel |server |transport |service |SPI |implementation )provider (?:was )?found\b|\bhas not been found on (?:the )?(?:module path or )?class ?path\b|\bProvider [\w.$]{2,200} not found\b/,
    ],
    confidence: 0.86,
    title: 'No implementation of a service the app uses is on the classpath (a provider jar left out?)',
    // A credentials or security provider chain is about settings, not packaging.
    not: /[Cc]redential|[Ss]ecurity provider|\bJCE\b|[Kk]eystore/,
  },
  {
    // A class the app names and says it could not find on the classpath, often with the note that the
    // distribution leaves the library out on purpose: Druid "Could not find com.mysql.jdbc.Driver on the
    // classpath. The MySQL Connector library is not included in the Druid distribution", "Cannot locate
    // org.postgresql.Driver in the classpath", "library is not bundled with the image". A file named this
    // way (a logback.xml, an application.yml) is the app's own file, not a dependency.
    all: [
      /\b(?:[Cc]ould not|[Cc]annot|[Cc]an't|[Uu]nable to|[Ff]ailed to) (?:find|locate|load) (?:class )?[\w$]{1,60}(?:\.[\w$]{1,60}){1,12} (?:on|in) the class ?path\b|\b(?:library|driver|connector|jar|module|plugin) (?:is|are) not (?:included|bundled|shipped|packaged|distributed) (?:in|with) (?:the )?[\w -]{0,40}(?:distribution|image|release|package)\b/,
    ],
    confidence: 0.86,
    title: 'A library the configured feature needs is not on the classpath (the distribution leaves it out)',
    not: /\b(?:find|locate|load) [\w.$-]{1,200}\.(?:xml|ya?ml|properties|json|conf|txt|sql|groovy) (?:on|in) the class ?path|class ?path resource|[Nn]o such file/,
  },
  {
    // A framework that looks a configured connector or data source up by name among the jars it loaded, and
    // finds none: Spark "Failed to find data source: kafka. Please deploy the application as per the
    // deployment section" (spark-sql-kafka not in --packages or the image), Kafka Connect "Failed to find
    // any class that implements Connector and which name matches io.confluent.connect.jdbc.JdbcSinkConnector"
    // (the plugin not on plugin.path). A misspelt name reads the same, hence below certainty.
    all: [
      /\bFailed to find data source: [\w.-]{1,80}|\bFailed to find any class that implements (?:Connector|Converter|Transformation|HeaderConverter)\b/,
    ],
    confidence: 0.8,
    title: 'The connector or data source the job names is not among the jars it loaded (package not added?)',
  },
  { all: [/Could not load file or assembly '/], confidence: 0.82, title: 'A .NET assembly the app needs is missing' },
  {
    // The .NET host checks every asset the app's deps.json lists before managed code runs: a package assembly
    // left out of the image (a COPY that takes only the app's own files, a trimmed publish folder) or absent
    // from the runtime store the app was published against.
    all: [
      /\b(?:[Aa]n )?assembly specified in the (?:application )?dependencies manifest\b|\bwas expected to be in the local runtime store\b/,
    ],
    confidence: 0.86,
    title: 'A package assembly listed in the .NET deps.json is not in the image',
  },
  {
    // A NuGet package ships a placeholder assembly that throws on every call, and its real per-OS build under
    // runtimes/<rid>/: published for another runtime identifier (-r win-x64) or with runtimes/ left out of the
    // image, the placeholder is what loads ("Microsoft.Data.SqlClient is not supported on this platform",
    // System.Data.Odbc, System.IO.Ports). "non-Windows platforms" is a Windows-only API instead (app_bug's).
    all: [/\bPlatformNotSupportedException: [\w.]{2,80} is not supported on this platform\b/],
    confidence: 0.74,
    title: "A package's assembly for this OS is not in the image (published for another runtime identifier?)",
  },
  {
    // A class named in configuration (a JDBC driver, a Hibernate dialect, a DataSource or connection pool) that
    // the class loader cannot find: Spring's binder "(caused by java.lang.ClassNotFoundException:
    // com.mysql.cj.jdbc.Driver)", Hibernate "Unable to load class [org.postgresql.Driver]", Spring's "Could not
    // load JDBC driver class [oracle.jdbc.OracleDriver]". The name is a real product's, so its jar was not packaged
    // (a test or provided scope, a dependency left out of the fat jar).
    all: [
      /(?:ClassNotFoundException|NoClassDefFoundError):? \[?[\w$]{1,40}(?:\.[\w$]{1,60}){0,12}\.[\w$]{0,40}(?:Driver|Dialect|DataSource)\b|\b(?:[Cc]ould not|[Uu]nable to|[Cc]annot|[Ff]ailed to) load (?:JDBC )?(?:driver )?class \[[\w$]{1,40}(?:\.[\w$]{1,60}){1,12}\]/,
    ],
    confidence: 0.86,
    title: 'A driver or provider class the configuration names is not on the classpath (its jar is not packaged)',
  },
  {
    // JDBC: the driver class is not on the classpath. "No suitable driver" is also a URL typo, so weaker.
    all: [/Cannot load driver class: [\w.]{3,120}|Failed to load driver class [\w.]{3,120}/],
    confidence: 0.84,
    title: 'The JDBC driver the app needs is not on the classpath',
  },
  {
    // Liquibase's wording of a driver class it could not load: raised inside a Liquibase run, so it must
    // outrank db_migration_failure's reading of any Liquibase exception; a misspelt class name is the rarer case.
    // A dotted class name: "Cannot find database driver: Driver class was not specified..." is a URL no driver
    // claims, which the weaker no-suitable-driver reading below owns.
    all: [/\bCannot find database driver: [\w$]{1,60}(?:\.[\w$]{1,60}){1,12}/],
    confidence: 0.9,
    title: 'The JDBC driver the migration tool loads is not on the classpath',
  },
  {
    // The same failure before a connection is tried: no driver on the classpath claims the jdbc: URL
    // (Liquibase, HikariCP, Flyway), most often because the image does not bundle that database's driver.
    all: [
      /No suitable driver found for jdbc:|Driver class was not specified and could not be determined from the url|Failed to get driver instance for jdbcUrl=|[Uu]nable to (?:find|determine) (?:a |the )?(?:JDBC )?driver (?:class )?for (?:the )?(?:url|jdbc:)/,
    ],
    confidence: 0.7,
    title: 'No JDBC driver on the classpath accepts the URL (driver missing, or a malformed URL)',
  },
  {
    // A migration tool whose per-database support is a separate module finds none that claims the connection:
    // Flyway 9/10 moved each database into its own artifact (org.flywaydb:flyway-database-postgresql,
    // flyway-mysql, flyway-sqlserver), so a version bump that leaves it undeclared reads "Unsupported Database:
    // PostgreSQL 16.4" or "No database found to handle jdbc:...". The connection itself works, so it is the
    // package, not the database or its migrations; above db_migration_failure's reading of a failed migrate.
    all: [
      /\bFlywayException: Unsupported Database: [A-Za-z]{2,30}(?: [A-Za-z]{2,30}){0,3} \d|\bNo database found to handle jdbc:[a-z]{2,30}:/,
    ],
    // Above the migration tool's generic reading of a FlywayException (0.92): this wording names no migration.
    confidence: 0.94,
    title:
      "The migration tool's support module for this database is not on the classpath (e.g. flyway-database-postgresql)",
  },
  {
    // Spring Boot's auto-configuration names the provider it was told to use (spring.cache.type=caffeine,
    // a session store type) but whose library is not on the classpath, so no bean of that kind exists: the
    // setting is right, the jar was dropped (a starter or BOM bump that no longer brings it in).
    all: [/\bNo [\w ]{1,40} could be auto-configured, check your configuration\b/],
    // Below the band: the type itself can be misspelled or meant for another starter.
    confidence: 0.78,
    title: 'The provider the configuration selects is not on the classpath (its library is not packaged)',
  },
  {
    // Engines that look up a connector, format or data source by the name a job or catalog gives and find no
    // jar that registers it (a provided-scope dependency, a base image without the connector in lib/): Flink's
    // "Could not find any factory for identifier 'kafka' that implements ... in the classpath" and its older
    // "Could not find a suitable table factory for", Spark's "Failed to find (the )?data source: kafka", Trino's
    // "No factory for connector 'iceberg'". A misspelt name reads the same, hence below the band.
    all: [
      /\bCould not find (?:any|a suitable) (?:[\w-]{1,30} )?factory for (?:identifier )?'|\bCannot discover a connector using option\b|\bFailed to find (?:the )?data source: ?[\w.`-]{2,120}|\bNo factory for connector '/,
    ],
    confidence: 0.84,
    title: 'No jar on the classpath provides the connector, format or data source the job names',
  },
  {
    // Hadoop's FileSystem registry has no implementation for the URI scheme a job reads (gs://, s3a://, abfss://):
    // the connector jar (gcs-connector, hadoop-aws, hadoop-azure) is not packaged. A scheme the app misspells
    // (s3 for s3a) reads the same, hence weaker than a missing named class.
    all: [/\bNo FileSystem for scheme:? ?["']?[a-z][\w+.-]{0,20}/],
    confidence: 0.76,
    title: 'No Hadoop filesystem connector on the classpath handles the URI scheme the job uses',
  },
  {
    // Clojure: a namespace the app requires is on no classpath entry (a dependency only in a dev alias or
    // profile, or left out of the uberjar).
    all: [/Could not locate [\w/$-]{1,200}__init\.class\b/],
    confidence: 0.82,
    title: 'A Clojure library the app requires is not on the classpath',
  },
  {
    // The JVM names the class it could not load in binary form (slashes): launchers that print only the
    // exception's message (Keycloak's "ERROR: org/apache/commons/lang3/StringUtils", Quarkus, picocli tools) leave
    // a line holding nothing but a library's class name, the NoClassDefFoundError of a jar that was not packaged.
    all: [
      /(?:ERROR|Error|error|Exception|Caused by)[:\]] {1,4}(?:[a-z][a-z0-9_]{0,30}\/){2,12}[A-Z][\w$]{0,80}\s{0,4}$/,
    ],
    confidence: 0.78,
    title: 'A library class the app needs is not on the classpath (its jar is not packaged)',
  },
  {
    // The main class is a framework's own launcher (Ktor's EngineMain, Vert.x's Launcher, Play's ProdServerStart,
    // clojure.main, Kotlin's script runner): it lives in a library jar, so the image holds a thin jar without its
    // dependencies (the plain jar task instead of the fat/shadow jar, or a lib/ directory not copied).
    all: [
      /[Cc]ould not find or load main class (?:io\.ktor\.[\w.]{1,80}|io\.vertx\.core\.Launcher|io\.micronaut\.[\w.]{1,80}|io\.helidon\.[\w.]{1,80}|play\.core\.server\.[\w.]{1,60}|clojure\.main|kotlinx?\.[\w.]{1,80}|scala\.[\w.]{1,80}|io\.dropwizard\.[\w.]{1,80})\b/,
    ],
    confidence: 0.8,
    title:
      "The main class is a framework's launcher that is not on the classpath (a thin jar without its dependencies)",
  },
  {
    // Erlang: `undef` for a call into another application's module while the app starts (jsx:decode, cowboy,
    // hackney) means that module is not in the release: the dependency is in rebar.config but not in the
    // .app.src applications list, so relx left it out. Elixir words the same "(module X is not available)".
    all: [
      /\{application_start_failure,[\w]{1,60},\{bad_return,\{\{[\w]{1,60},start,[^\n]{0,200}\{'EXIT',\{undef,\[\{[a-z]\w{0,60},/,
    ],
    confidence: 0.72,
    title: 'An Erlang module the app calls at start is not in the release',
  },
];
