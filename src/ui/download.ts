import type { SessionFile } from '../session/session-file';

/** Offer text as a file download (no server: a blob URL and a temporary link). */
export function download(name: string, text: string, type: string): void {
  const blob = new Blob([text], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function downloadSession(session: SessionFile, name: string): void {
  download(name, JSON.stringify(session, null, 1), 'application/json');
}
