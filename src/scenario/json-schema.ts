import { z } from './zod';
import { scenarioSchema } from './schema';

/** The JSON Schema that editors use to autocomplete and check scenario files. */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify({ ...schema, title: 'Learning Factory scenario (format 1)' }, null, 2)}\n`;
}
