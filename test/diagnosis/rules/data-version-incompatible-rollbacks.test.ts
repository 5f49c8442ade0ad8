import { dataVersionIncompatible } from '../../../src/diagnosis/rules/data-version-incompatible.ts';
import { ruleTable } from './helpers.ts';

// An older server refusing object definitions or cluster metadata a newer release persisted on the volume
// (data-version-incompatible-rollbacks.ts), on other products and wordings than the log that taught it.
ruleTable(dataVersionIncompatible, 'data_version_incompatible', {
  positives: [
    {
      name: 'a ClickHouse rolled back below the release that created a table with a new data type',
      log: '2024.11.04 09:12:01.220000 [ 1 ] {} <Information> Application: Starting ClickHouse 24.1.8.22 (revision: 54482)\n2024.11.04 09:12:01.530114 [ 1 ] {} <Error> Application: Code: 50. DB::Exception: Cannot attach table `logs`.`events` from metadata file /var/lib/clickhouse/store/a1c/a1c0e5d2-1111-4c2e-9a7e-3b1f0c9d2e41/events.sql from query ATTACH TABLE logs.events (`ts` DateTime, `payload` Dynamic) ENGINE = MergeTree ORDER BY ts: Unknown data type family: Dynamic. (UNKNOWN_TYPE)',
      exitCode: 50,
      min: 0.75,
    },
    {
      name: 'a ClickHouse table written with a codec the older server lacks',
      log: '<Error> Application: Code: 432. DB::Exception: Unknown codec family code: GCD: Cannot attach table `metrics`.`samples` from metadata file /var/lib/clickhouse/metadata/metrics/samples.sql from query ATTACH TABLE metrics.samples (`v` Int64 CODEC(GCD, LZ4)) ENGINE = MergeTree ORDER BY tuple(). (UNKNOWN_CODEC)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a KRaft Kafka rolled back below the finalized metadata.version',
      log: '[2024-08-01 10:11:12,345] ERROR Encountered fatal fault: Error loading metadata log record from offset 1523 (org.apache.kafka.server.fault.ProcessTerminatingFaultHandler)\njava.lang.IllegalArgumentException: No MetadataVersion with feature level 20. Valid feature levels are from 1 to 19.\n\tat org.apache.kafka.server.common.MetadataVersion.fromFeatureLevel(MetadataVersion.java:402)',
      exitCode: 1,
      min: 0.75,
    },
    {
      name: 'a Minecraft server (Fabric, not Paper) refusing a chunk a newer release saved',
      log: '[12:01:04] [Server thread/INFO]: Preparing level "world"\n[12:01:05] [Server thread/ERROR]: Couldn\'t load chunk [3, -2]\njava.lang.IllegalStateException: Server attempted to load chunk saved with newer version of minecraft! 4189 > 3953\n\tat net.minecraft.class_3977.method_17907(class_3977.java:88)',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a game server refusing a world a newer build created (other wording)',
      log: 'Loading save "colony-01"\nERROR: World file was created with a newer version (1.21.0); this server runs 1.19.4. Update the server to load it.\nShutting down.',
      exitCode: 1,
      min: 0.8,
    },
    {
      name: 'a save whose data version the server names as past its own',
      log: 'WARN Loading level.dat\nFATAL Data version 3953 is newer than the supported version 3700 - refusing to load the world',
      exitCode: 1,
      min: 0.8,
    },
  ],
  negatives: [
    {
      name: 'a mod built for a newer Minecraft is the image (runtime), not the saved world',
      log: "[main/ERROR]: Incompatible mods found!\nMod 'Sodium' (sodium) 0.5.8 requires version 1.20.6 or later of minecraft, but only the wrong version is present: 1.20.4!\nA potential solution has been determined: Replace minecraft 1.20.4 with version 1.20.6 or later.",
      exitCode: 1,
    },
    {
      name: 'a client of a newer version kicked by the server is its protocol, not the world',
      log: '[10:02:11 INFO]: Disconnecting /10.0.0.7:53122: Outdated server! I\'m still on 1.20.4\n[10:02:12 ERROR]: Encountered an unexpected exception\njava.lang.NullPointerException: Cannot invoke "net.minecraft.world.level.chunk.LevelChunk.getPos()" because "chunk" is null',
      exitCode: 1,
    },
    {
      name: "an unknown setting in a ClickHouse users.xml profile is the config's, not the stored tables'",
      log: "<Error> Application: Code: 115. DB::Exception: Setting allow_experimental_varient_type is neither a builtin setting nor started with the prefix 'SQL_' registered for user-defined settings. (UNKNOWN_SETTING)",
      exitCode: 115,
    },
    {
      name: 'a table that cannot attach over broken parts after a node crash is the data directory, not its version',
      log: '<Error> Application: DB::Exception: Cannot attach table `analytics`.`events_local` from metadata file /var/lib/clickhouse/store/9a1/9a1b/events_local.sql from query ATTACH TABLE analytics.events_local: Suspiciously many (12 parts, 0.00 B in total) broken parts to remove while maximum allowed broken parts count is 10. (TOO_MANY_UNEXPECTED_DATA_PARTS)',
      exitCode: 1,
    },
    {
      name: 'a view that cannot attach for a user-defined function not loaded yet is not a release gap',
      log: '<Error> Application: Code: 46. DB::Exception: Unknown function normalize_path_udf: Cannot attach table `web`.`paths_mv` from metadata file /var/lib/clickhouse/metadata/web/paths_mv.sql. (UNKNOWN_FUNCTION)',
      exitCode: 1,
    },
  ],
});
