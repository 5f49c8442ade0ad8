/**
 * The environment lookups of missing-env-var-lookups.ts: an exception raised by reading an unset
 * variable is claimed whatever the language calls it, and the same exception from a plain map is not.
 */
import { missingEnvVar } from '../../../src/diagnosis/rules/missing-env-var.ts';
import { ruleTable } from './helpers.ts';

ruleTable(missingEnvVar, 'missing_env_var', {
  positives: [
    {
      name: "OCaml's Sys.getenv raising Not_found (backtrace on)",
      log: 'Fatal error: exception Not_found\nRaised by primitive operation at Stdlib__Sys.getenv in file "sys.ml", line 32\nCalled from Dune__exe__Config.load in file "bin/config.ml", line 8, characters 16-40\nCalled from Dune__exe__Main in file "bin/main.ml", line 3, characters 13-27',
      exitCode: 2,
      min: 0.8,
    },
    {
      name: ".NET's dictionary of the environment indexed with an unset variable",
      log: "Unhandled exception. System.Collections.Generic.KeyNotFoundException: The given key 'DATABASE_URL' was not present in the dictionary.\n   at System.Collections.Generic.Dictionary`2.get_Item(TKey key)\n   at Orders.Api.Program.Main(String[] args) in /src/Orders.Api/Program.cs:line 12",
      exitCode: 134,
      min: 0.8,
    },
  ],
  negatives: [
    {
      name: "OCaml's Not_found from List.assoc is the app's bug",
      log: 'Fatal error: exception Not_found\nRaised at Stdlib__List.assoc in file "list.ml", line 191, characters 10-25\nCalled from Router.dispatch in file "src/router.ml", line 44, characters 4-30',
      exitCode: 2,
    },
    {
      name: "OCaml's Sys.getenv_opt does not raise: a later Not_found is not the lookup's",
      log: 'Fatal error: exception Not_found\nRaised at Stdlib__Hashtbl.find in file "hashtbl.ml", line 541, characters 13-28\nCalled from Dune__exe__Main.port in file "bin/main.ml", line 6, characters 2-40 (Sys.getenv_opt)',
      exitCode: 2,
    },
    {
      name: ".NET's KeyNotFoundException for a lower-case key is a dictionary in the app",
      log: "Unhandled exception. System.Collections.Generic.KeyNotFoundException: The given key 'userId' was not present in the dictionary.\n   at System.Collections.Generic.Dictionary`2.get_Item(TKey key)\n   at Api.Handlers.Cart.Add() in /src/Cart.cs:line 40",
      exitCode: 134,
    },
  ],
});
