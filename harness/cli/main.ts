/**
 * `ims-rig` command line (DESIGN.md "CLI"). Parsing is commander's; each command's work lives in
 * ./commands/<name>.ts and returns the process exit code. Errors become one readable line and the
 * exit code of their class: 2 bad input, 3 infrastructure.
 */
import { Command, CommanderError, Option } from 'commander';
import { describeError, EXIT_BAD_INPUT, EXIT_INFRASTRUCTURE, isImsRigError } from '../errors';
import { EXIT_CODE_HELP } from '../runner/exit-code';
import { guardStandardStreams } from './closed-streams';
import { VERSION } from './version';

type Action = () => Promise<number>;

export function buildProgram(run: (action: Action) => void): Command {
  const program = new Command('ims-rig')
    .description('Conformance rig for Android IMS service binding: which ImsService the phone binds per SIM, slot and ' +
      'feature, diffed against the documented binding model and against AOSP\'s reference behaviour.')
    .addHelpText('after', `
Examples:
  ims-rig run                                   all suites on the reference device (or $ANDROID_SERIAL / the one attached device)
  ims-rig run --target emulator-5554 --suite priority
  ims-rig explain suites/priority/doc-table-carrier-a.yaml
  ims-rig coverage --suite priority             which documentation sentences the priority scenarios check
  ims-rig lint path/to/AndroidManifest.xml app.apk
  ims-rig virtual-device --port 15555           then: adb connect 127.0.0.1:15555
  ims-rig report --from a/events.jsonl b/events.jsonl --out reports/merged

Exit codes: 0 pass, 1 conformance failures, 2 bad input, 3 infrastructure (no device, device lost, adb error).
Reports: reports/latest/index.html (opens from the file system).`)
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program.command('run')
    .description('run the conformance suites against a target and write reports')
    .option('--target <serial>', 'adb serial, or "virtual" for the built-in reference device')
    .option('--suite <area|glob>', 'only scenarios of this area (or matching this glob)', collect, [])
    .option('--scenario <file>', 'run this scenario file (repeatable)', collect, [])
    .option('-t, --test-name-pattern <regex>', 'only scenarios whose id or title matches')
    .option('--out <dir>', 'report directory (default reports/<timestamp>)')
    .option('--shard <i/n>', 'run shard i of n')
    .option('--retries <n>', 'retry a scenario that ends in an infrastructure error', '0')
    .option('--deviation <name>', 'start the reference device with this vendor-bug profile')
    .option('--profile <name>', 'the reference device as "default" or as a stock API 35 "emulator"')
    .option('--time-scale <factor>', 'reference device clock scale (0.01: a 2 s rebind takes 20 ms)')
    .addOption(new Option('--transport <how>', 'reach the reference device over adb (default), or run it inside the rig with no TCP').choices(['adb', 'in-process']))
    .option('--no-progress', 'no live progress line')
    .option('--stats <file>', 'append per-scenario numbers (duration, round trips made and needed) as JSON lines')
    .option('--waivers <file>', 'waiver file (default suites/waivers.yaml)')
    .option('--no-reference', 'do not also run each scenario on the in-process AOSP reference device (three-way diff)')
    .option('--wait-for-target [seconds]', 'when another ims-rig run holds the target, wait for it (default 3600 s) instead of exiting 3')
    .addHelpText('after', `\n${EXIT_CODE_HELP}`)
    .action((opts: Record<string, unknown>) => run(async () => (await import('./commands/run')).runCommand(opts)));

  program.command('virtual-device')
    .description('start the reference device (a simulated AOSP phone) and keep it up for `adb connect`')
    .option('--port <port>', 'adbd TCP port', '5555')
    .option('--server-port <port>', 'also answer the adb server protocol here (for machines without adb)')
    .addOption(new Option('--slots <n>', 'SIM slots').choices(['1', '2']).default('1'))
    .option('--deviation <name>', 'behave like a vendor build with this bug')
    .option('--profile <name>', 'default (the reference device) or emulator (a stock API 35 google_apis userdebug x86_64 emulator)', 'default')
    .option('--list-deviations', 'print the deviation profiles and exit')
    .option('--time-scale <factor>', 'scale the device clock (timers fire after delay × factor)', '1')
    .option('--json', 'print one JSON line {"event":"ready",...} when up (for programs that start it)')
    .addOption(new Option('--exit-with-parent', 'stop when stdin closes (the program that started it has gone, even by SIGKILL)').hideHelp())
    .action((opts: Record<string, unknown>) => run(async () => (await import('./commands/virtual-device')).virtualDeviceCommand(opts)));

  program.command('lint')
    .description('check ImsService manifests (AndroidManifest.xml or .apk) against the documentation')
    .argument('<files...>', 'AndroidManifest.xml files or APKs')
    .option('--json', 'print findings as JSON')
    .action((files: string[], opts: Record<string, unknown>) => run(async () => (await import('./commands/lint')).lintCommand(files, opts)));

  program.command('explain')
    .description('print the documented model\'s expected binding table for a scenario, with reasons')
    .argument('<scenario>', 'scenario YAML file')
    .option('--json', 'print as JSON')
    .action((file: string, opts: Record<string, unknown>) => run(async () => (await import('./commands/explain')).explainCommand(file, opts)));

  program.command('coverage')
    .description('which documentation sentences the scenarios check, from the scenario files (no device)')
    .option('--suite <area|glob>', 'only scenarios of this area (or matching this glob)', collect, [])
    .option('--scenario <file>', 'these scenario files (repeatable)', collect, [])
    .option('--json', 'print the documentation entries as JSON (results.json "documentation" shape)')
    .action((opts: Record<string, unknown>) => run(async () => (await import('./commands/coverage')).coverageCommand(opts)));

  program.command('report')
    .description('rebuild or merge reports from events.jsonl files')
    .requiredOption('--from <events...>', 'events.jsonl files (shards of one run, or runs on several devices)')
    .option('--out <dir>', 'output directory', 'reports/merged')
    .action((opts: Record<string, unknown>) => run(async () => (await import('./commands/report')).reportCommand(opts)));

  program.command('devices')
    .description('list the targets the rig can see, with what each can do')
    .option('--probe', 'probe each device for its capabilities')
    .action((opts: Record<string, unknown>) => run(async () => (await import('./commands/devices')).devicesCommand(opts)));

  program.command('build-apks')
    .description('rebuild the rig\'s ImsService app (smali, aapt) and apks/*.apk from fixtures/manifests (maintainers); with --scenario, write the APKs a scenario would install')
    .option('--scenario <file>', 'write the APKs this scenario would install (no Android tools needed)')
    .option('--out <dir>', 'where to write them (default apks/; required with --scenario)')
    .option('--aapt <path>', 'aapt binary', 'aapt')
    .option('--smali <path>', 'smali binary (Debian libsmali-java)', 'smali')
    .option('--framework-res <apk>', 'framework-res.apk', '/usr/share/android-framework-res/framework-res.apk')
    .action((opts: Record<string, unknown>) => run(async () => (await import('./commands/build-apks')).buildApksCommand(opts)));

  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export async function main(argv: readonly string[]): Promise<number> {
  // A closed stdout/stderr (`ims-rig run | head -1`) must not change the run or its exit code.
  guardStandardStreams();
  let pending: Promise<number> | undefined;
  const program = buildProgram((action) => { pending = action(); });
  try {
    await program.parseAsync([...argv]);
    return pending === undefined ? 0 : await pending;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors are bad input.
      return e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    process.stderr.write(`ims-rig: ${describeError(e)}\n`);
    return isImsRigError(e) ? e.exitCode : EXIT_INFRASTRUCTURE;
  }
}
