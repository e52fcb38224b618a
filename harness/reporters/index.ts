export * from './write-reports';
export * from './terminal-summary';
export { renderHtml } from './html/html-reporter';
export { renderJUnit, NOT_RUN_MESSAGE } from './junit-reporter';
export { renderCtsResult, ctsDisplayTime, CTS_SUITE_NAME, CTS_SUITE_PLAN, CTS_REPORT_VERSION } from './cts-result-reporter';
export { renderResultsJson } from './results-json';
export { documentationOf } from './documentation/documentation-coverage';
export { formatCoverageText } from './documentation/coverage-text';
export { coverageSections, countStatuses, DOCUMENTATION_STATUSES } from './documentation/coverage-sections';
