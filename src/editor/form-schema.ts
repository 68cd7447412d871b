/**
 * Forms from the scenario's JSON Schema (made from the zod schema, so a form never offers what
 * the file check refuses): the part of the schema for what is selected, with the unions a form
 * library renders poorly replaced by widgets of ours — a duration or distribution typed as
 * `45s` / `2h` / JSON, a text in both languages, a fault's trigger, a station picked from the
 * line, free JSON for maps. Positions are moved on the graph; a type is fixed once chosen.
 */
import { scenarioJsonSchema } from '../scenario/json-schema';

export type SchemaNode = { [key: string]: unknown };
export type UiSchema = { [key: string]: unknown };

/** Our widgets' names (prefixed: the form library's own widgets have plain names such as `text`). */
export const WIDGETS = ['lfDuration', 'lfText', 'lfTrigger', 'lfStation', 'lfJson'] as const;
export type WidgetName = (typeof WIDGETS)[number];

let cached: SchemaNode | null = null;
export function scenarioSchemaObject(): SchemaNode {
  cached ??= JSON.parse(scenarioJsonSchema()) as SchemaNode;
  return cached;
}

const obj = (v: unknown): SchemaNode => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as SchemaNode) : {});
const options = (n: SchemaNode): SchemaNode[] => ((n.anyOf ?? n.oneOf ?? []) as unknown[]).map(obj);

function isDuration(n: SchemaNode): boolean {
  return Array.isArray(n.type) && n.type.length === 2 && n.type.includes('number') && n.type.includes('string');
}
function isDistribution(n: SchemaNode): boolean {
  return options(n).some(isDuration);
}
function isText(n: SchemaNode): boolean {
  const o = options(n);
  return o.length === 2 && o[0]!.type === 'string' && o[1]!.type === 'object' && 'en' in obj(o[1]!.properties);
}
function isMap(n: SchemaNode): boolean {
  return n.type === 'object' && n.properties === undefined && (n.additionalProperties !== undefined || n.propertyNames !== undefined);
}

/** Property names whose value is a station id of the line. */
const STATION_KEYS = new Set(['station', 'reworkTo']);
/** Keys the form leaves to other parts of the editor. */
const HIDDEN_KEYS = new Set(['type', 'position', '$schema', 'format', 'line', 'faults', 'alarms', 'objectives', 'hints', 'evidence', 'teacherNote', 'title', 'briefing', 'topics', 'rules']);

function widget(name: WidgetName): UiSchema {
  return { 'ui:widget': name };
}

/** An enum's values as options with titles (the form shows a repair's name, not its code). */
function titled(key: string, values: unknown[], valueTitle: (v: string, key: string) => string | undefined): SchemaNode {
  return { type: 'string', oneOf: values.map((v) => ({ const: v, title: valueTitle(String(v), key) ?? String(v) })) };
}

/**
 * The form's schema and ui schema for one schema node (an object's properties, recursively).
 * `title` names a field by its key; `valueTitle` names an enum's value, where it has a name.
 */
export function forForm(node: SchemaNode, title: (key: string) => string, valueTitle: (value: string, key: string) => string | undefined = () => undefined): { schema: SchemaNode; ui: UiSchema } {
  const props = obj(node.properties);
  const schema: SchemaNode = { type: 'object', properties: {} as SchemaNode };
  const ui: UiSchema = { 'ui:order': [] as string[] };
  const required = new Set((node.required as string[] | undefined) ?? []);
  const outProps = schema.properties as SchemaNode;
  for (const [key, raw] of Object.entries(props)) {
    const p = obj(raw);
    if (HIDDEN_KEYS.has(key) || p.const !== undefined || Array.isArray(p.prefixItems)) continue;
    const label = title(key) + (required.has(key) ? ' *' : '');
    (ui['ui:order'] as string[]).push(key);
    if (key === 'trigger') {
      outProps[key] = { type: 'string', title: label };
      ui[key] = widget('lfTrigger');
    } else if (STATION_KEYS.has(key) && p.type === 'string') {
      outProps[key] = { type: 'string', title: label };
      ui[key] = widget('lfStation');
    } else if (isDuration(p) || isDistribution(p)) {
      outProps[key] = { type: 'string', title: label };
      ui[key] = widget('lfDuration');
    } else if (isText(p)) {
      outProps[key] = { type: 'string', title: label };
      ui[key] = widget('lfText');
    } else if (isMap(p) || (p.type === 'array' && obj(p.items).type === 'object') || (p.type === 'array' && !obj(p.items).enum)) {
      outProps[key] = { type: 'string', title: label };
      ui[key] = widget('lfJson');
    } else if (p.type === 'array' && Array.isArray(obj(p.items).enum)) {
      outProps[key] = { type: 'array', title: label, uniqueItems: true, items: titled(key, obj(p.items).enum as unknown[], valueTitle) };
      ui[key] = { 'ui:widget': 'checkboxes', 'ui:options': { inline: true } };
    } else if (p.type === 'object') {
      const inner = forForm(p, title, valueTitle);
      outProps[key] = { ...inner.schema, title: label };
      ui[key] = inner.ui;
    } else if (Array.isArray(p.enum)) {
      outProps[key] = { ...titled(key, p.enum as unknown[], valueTitle), title: label };
    } else {
      const { pattern: _pattern, ...rest } = p;
      outProps[key] = { ...rest, title: label };
    }
  }
  return { schema, ui };
}

function variant(list: SchemaNode, type: string): SchemaNode | null {
  return options(obj(list.items)).find((o) => obj(obj(o.properties).type).const === type) ?? null;
}

export type FormTarget = { readonly kind: 'station' | 'fault'; readonly type: string } | { readonly kind: 'alarm' } | { readonly kind: 'alarms' } | { readonly kind: 'scenario' };

/** The schema node for a station or fault of a type, an alarm rule, or the scenario's own settings. */
export function schemaFor(target: FormTarget): SchemaNode | null {
  const root = scenarioSchemaObject();
  const props = obj(root.properties);
  switch (target.kind) {
    case 'station':
      return variant(obj(obj(obj(props.line).properties).stations), target.type);
    case 'fault':
      return variant(obj(props.faults), target.type);
    case 'alarm':
      return obj(obj(obj(obj(props.alarms).properties).rules).items);
    case 'alarms':
      return obj(props.alarms);
    case 'scenario':
      return root;
  }
}
