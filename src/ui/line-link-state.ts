/**
 * *Connect the line*: whether the student has switched it on, the broker's address (both kept in
 * this browser), and how the connection stands. Off by default: nothing leaves the browser
 * until the student switches it on.
 */
import type { AddressProblem } from '../session/line-link/address';
import { externalValue } from './external-value';

export const DEFAULT_BROKER = 'ws://localhost:9001';
const KEY = 'lf.lineLink';

export interface LineLinkSettings {
  readonly on: boolean;
  readonly url: string;
  /** Also publish as Sparkplug B (spBv1.0/…), on a second connection. */
  readonly sparkplug: boolean;
  /** The line's name in the namespace (its topic level); '' for the scenario's id. */
  readonly line: string;
}

export type LinkStatus =
  | { readonly kind: 'off' }
  /** On, but no run is open to publish. */
  | { readonly kind: 'idle' }
  | { readonly kind: 'connecting'; readonly url: string }
  /** `opcua`: the gateway's OPC UA endpoint, once it has said it. */
  | { readonly kind: 'connected'; readonly url: string; readonly root: string; readonly readOnly: boolean; readonly opcua: string | null }
  /** Another browser publishes a line under this root: this one waits for a name of its own. */
  | { readonly kind: 'taken'; readonly root: string }
  | { readonly kind: 'problem'; readonly problem: AddressProblem | 'badLineName' };

function load(): LineLinkSettings {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<LineLinkSettings> | null;
    return { on: raw?.on === true, url: typeof raw?.url === 'string' ? raw.url : DEFAULT_BROKER, sparkplug: raw?.sparkplug === true, line: typeof raw?.line === 'string' ? raw.line : '' };
  } catch {
    return { on: false, url: DEFAULT_BROKER, sparkplug: false, line: '' };
  }
}

export const lineLinkSettings = externalValue<LineLinkSettings>(typeof localStorage === 'undefined' ? { on: false, url: DEFAULT_BROKER, sparkplug: false, line: '' } : load());
export const lineLinkStatus = externalValue<LinkStatus>({ kind: 'off' });

export function saveLineLink(next: LineLinkSettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or off: the setting holds for this visit.
  }
  lineLinkSettings.set(next);
}
