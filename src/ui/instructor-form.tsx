/** What the instructor's pages share: a refusal in words, a form that shows its refusal, a labelled field. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { SchoolError } from '../session/school-client';
import type { useT } from '../i18n';

type T = ReturnType<typeof useT>['t'];

/** A refusal in the reader's language where its reason is a known one; the server's words otherwise. */
export function reasonOf(e: unknown, t: T, on401: 'wrong' | 'wrongCurrent' = 'wrong'): string {
  if (!(e instanceof SchoolError)) return t('instr.failed', { reason: String((e as Error).message ?? e) });
  if (e.status === null) return t('instr.unreachable');
  if (e.status === 401) return t(`instr.${on401}`);
  if (e.status === 403 && on401 === 'wrongCurrent') return t('instr.wrongCurrent');
  if (e.status === 409) return t('instr.setUpAlready');
  if (e.status === 429) return t('instr.locked');
  return t('instr.failed', { reason: e.message });
}

/** A refusal in words, announced (role alert); nothing when there is none. */
export function Refusal({ text }: { text: string | null }) {
  return text === null || text === '' ? null : (
    <p className="refusal" role="alert">
      {text}
    </p>
  );
}

/** A form that runs `act` on submit, disables itself meanwhile and shows its refusal. */
export function Form({ label, act, children, testId }: { label: string; act: () => Promise<string | null>; children: ReactNode; testId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(await act());
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} data-testid={testId}>
      {children}
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
      <Refusal text={error} />
    </form>
  );
}

export function Field({ label, value, set, type = 'text', autoComplete, testId, maxLength }: { label: string; value: string; set: (v: string) => void; type?: string; autoComplete: string; testId: string; maxLength?: number }) {
  return (
    <label>
      {label}
      <input type={type} value={value} onChange={(e) => set(e.target.value)} required maxLength={maxLength ?? (type === 'password' ? 200 : 40)} autoComplete={autoComplete} data-testid={testId} />
    </label>
  );
}

