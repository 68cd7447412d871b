import { hash64 } from '../core/hash';
import type { LineModel } from '../core/model';
import type { State } from '../core/state';

/**
 * The canonical encoding of a state: JSON of everything but the model. Object keys are always
 * created in the same order and numbers print the same in every engine (ECMAScript fixes
 * Number::toString), so equal states give equal strings.
 */
export function snapshot(s: State): string {
  const { model: _model, ...rest } = s;
  return JSON.stringify(rest);
}

/** Rebuild a state from a snapshot of a run of the same model. */
export function restore(model: LineModel, snap: string): State {
  const rest = JSON.parse(snap) as Omit<State, 'model'>;
  return { model, ...rest };
}

/** A 64-bit hash (16 hex digits) of the model id and the canonical encoding of the state. */
export function stateHash(s: State): string {
  return hash64(`${s.model.id}\n${snapshot(s)}`);
}
