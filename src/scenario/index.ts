export { compileScenario, DEFAULT_RESOLVED_BY, scenarioHash, toDistribution } from './compile';
export { parseDuration } from './duration';
export { describeErrors, type ScenarioError } from './errors';
export { loadScenarioJson, loadScenarioText, type LoadResult, MAX_SCENARIO_BYTES } from './load';
export { FORMAT_VERSION, type ObjectiveCheck, type ObjectiveFile, type ScenarioFile, scenarioSchema, type Text } from './schema';
export { bilingual, objectiveText, textOf } from './text';
