import { runtimeVersionMismatch } from '../../../src/diagnosis/rules/runtime-version-mismatch.ts';
import { ruleTable } from './helpers.ts';

// runtime-version-jvm-options.ts: a removed JVM option beside the JVM's own warning that another option of the
// same set was deprecated or removed in a later release; the JVM shows it is newer than the options. The
// negative keeps the warning but the unknown option is a typo no release had.
ruleTable(runtimeVersionMismatch, 'runtime_version_mismatch', {
  positives: [
    {
      name: 'Java 8 PermGen and CMS options on a Java 17 Kafka image',
      log: "OpenJDK 64-Bit Server VM warning: Ignoring option MaxPermSize; support was removed in 8.0\nUnrecognized VM option 'UseConcMarkSweepGC'\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.",
      exitCode: 1,
      min: 0.82,
    },
    {
      name: 'JDK 8 GC logging flags on a JDK 11 Tomcat, the unified-logging warning first',
      log: "[0.004s][warning][gc] -Xloggc is deprecated. Will use -Xlog:gc:/usr/local/tomcat/logs/gc.log instead.\nUnrecognized VM option 'PrintGCDateStamps'\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.",
      exitCode: 1,
      min: 0.82,
    },
  ],
  negatives: [
    {
      name: 'a misspelt option beside a deprecation warning is the options, not the JVM release',
      log: "OpenJDK 64-Bit Server VM warning: Option UseConcMarkSweepGC was deprecated in version 9.0 and will likely be removed in a future release.\nUnrecognized VM option 'MaxRamPercentage=75.0'\nDid you mean 'MaxRAMPercentage=<value>'?\nError: Could not create the Java Virtual Machine.",
      exitCode: 1,
    },
  ],
});
