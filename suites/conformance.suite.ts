/**
 * The conformance suite's Jest entry. `ims-rig run` compiles nothing at run time: it points Jest at
 * dist/suites/conformance.suite.js with the run's config (target, scenarios, waivers, out dir) in
 * the file named by $IMS_RIG_RUN_CONFIG; each scenario becomes one Jest test named by its id.
 */
import { defineConformanceSuite } from '../harness/runner/suite-entry';

defineConformanceSuite();
