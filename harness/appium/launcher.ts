/**
 * The AppiumLauncher the CLI hands `ims-rig run` (harness/runner/ui-setup.ts): start the project's
 * Appium server (returning once it is spawned; `ready` says when it answers), and the path of this plugin's module for the suite to load.
 */
import * as path from 'node:path';
import { type AppiumLauncher } from '../runner/ui-setup';
import { launchAppiumServer, localDriverVersion } from './appium-server';

export function appiumLauncher(): AppiumLauncher {
  const version = localDriverVersion();
  return {
    pluginModule: path.join(__dirname, 'index.js'),
    driver: `UiAutomator2 (appium-uiautomator2-driver ${version ?? 'not installed'})`,
    start: (options) => launchAppiumServer(options),
  };
}
