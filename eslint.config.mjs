// ESLint flat config: type-aware typescript-eslint rules plus the import boundaries of DESIGN.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

// Layers inside harness/ depend one way (DESIGN.md "Layout"):
//   adb <- android <- targets <- scenario -> oracle ; runner -> reporters ; reporters see only results.
// harness/oracle (the documented model) and virtual-device/ (the simulated AOSP) never import each
// other: if they shared logic the rig would check itself against itself.
const H = './harness';
const everythingBut = (...allowed) =>
  ['adb', 'android', 'targets', 'scenario', 'oracle', 'runner', 'reporters', 'cli', 'lint', 'formats',
   'results', 'appium', 'bench', 'docs', 'in-process']
    .filter((l) => !allowed.includes(l)).map((l) => `${H}/${l}`);
const zones = [
  // The two independent implementations.
  { target: `${H}/oracle`, from: './virtual-device', message: 'The documented model must not import the reference device.' },
  { target: './virtual-device', from: `${H}/oracle`, message: 'The reference device must not reuse the documented model.' },
  // The reference device may share only the vocabulary (harness/model).
  { target: './virtual-device', from: H, except: ['./model'], message: 'virtual-device/ may import only harness/model.' },
  // Vocabulary imports nothing but errors.
  { target: `${H}/model`, from: everythingBut("model", "docs").concat(['./virtual-device']), message: 'harness/model is the shared vocabulary: no dependencies.' },
  { target: `${H}/oracle`, from: everythingBut('oracle', 'docs'), message: 'The oracle sees the world model only.' },
  { target: `${H}/formats`, from: everythingBut('formats'), message: 'File-format parsers are pure and depend on the model only.' },
  { target: `${H}/lint`, from: everythingBut('lint', 'formats', 'docs'), message: 'The lint reads manifests through harness/formats only.' },
  { target: `${H}/adb`, from: everythingBut('adb'), message: 'harness/adb is the bottom layer.' },
  { target: `${H}/android`, from: everythingBut('android', 'adb'), message: 'harness/android builds on harness/adb only.' },
  { target: `${H}/targets`, from: everythingBut('targets', 'adb', 'android', 'formats', 'results'), message: 'harness/targets builds on android/adb.' },
  { target: `${H}/results`, from: everythingBut('results'), message: 'The result model depends on the vocabulary only.' },
  { target: `${H}/reporters`, from: everythingBut('reporters', 'results', 'docs'), message: 'Reporters see only the result model.' },
  { target: `${H}/scenario`, from: everythingBut('scenario', 'targets', 'android', 'adb', 'oracle', 'formats', 'results', 'docs'), message: 'The scenario layer must not reach up into runner/reporters/cli.' },
  { target: `${H}/runner`, from: [`${H}/cli`, `${H}/appium`, `${H}/in-process`], message: 'The runner must not import the CLI, the optional Appium plugin, or the in-process wiring (it gets a starter passed in).' },
  // Appium is an optional plugin the core never imports.
  { target: [`${H}/adb`, `${H}/android`, `${H}/targets`, `${H}/scenario`, `${H}/runner`, `${H}/reporters`, `${H}/oracle`], from: `${H}/appium`, message: 'Appium is an optional plugin.' },
];

// harness/in-process is the wiring between the harness and an in-process reference device (no TCP):
// the one production module besides the CLI and the benchmark that imports virtual-device/, and only
// its host/ entry points. The core layers may not import it (it is in `everythingBut` above); the CLI,
// the benchmark and tests hand its starter to the runner and to resolveTarget.
zones.push({ target: `${H}/in-process`, from: './virtual-device', except: ['./host'], message: 'harness/in-process starts the reference device through virtual-device/host only.' });

// Production code only: only the CLI and the benchmark start the reference device in-process.
// Tests may start it in-process (harness/testing), but never from the oracle's tests (zones above).
const productionZones = [
  { target: [`${H}/adb`, `${H}/android`, `${H}/targets`, `${H}/scenario`, `${H}/runner`, `${H}/reporters`, `${H}/results`, `${H}/lint`, `${H}/formats`, `${H}/model`], from: './virtual-device', message: 'Reach the reference device over adb, not by import.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'coverage/**', '.stryker-tmp/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { import: importPlugin },
    // Relative TypeScript imports resolve like Node's (CommonJS output, no path aliases).
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } } },
    rules: {
      'import/no-restricted-paths': ['error', { zones: [...zones, ...productionZones] }],
            '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'no-console': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Where printing is the job: the CLI, reporters' terminal output, the benchmark, the device's own CLI.
    files: ['harness/cli/**', 'harness/bench/**', 'harness/reporters/terminal*.ts', 'virtual-device/cli/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/__tests__/**', 'harness/testing/**'],
    rules: {
      'import/no-restricted-paths': ['error', { zones: zones.filter((z) => !(String(z.target).startsWith('./virtual-device') && z.from === H)) }],
      'max-lines': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
