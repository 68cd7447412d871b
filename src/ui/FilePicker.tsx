import { useRef } from 'react';

/**
 * A button that opens the file dialog: a real button, so Tab reaches it and Enter or Space
 * opens it (a label over a hidden input is skipped by the keyboard).
 */
export function FilePicker({ label, onFile, testId }: { label: string; onFile: (file: File | undefined) => void; testId: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="file-button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        data-testid={testId}
        hidden
        tabIndex={-1}
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          // The same file can be chosen again after a fix.
          e.target.value = '';
        }}
      />
    </>
  );
}
