/** Where an instructor opens a class's runs: the replay view in a new tab (followed while the run goes on), or two runs side by side. */
export const classRunHref = (classId: number, runId: number) => `/?classRun=${classId}.${runId}`;
export const classCompareHref = (classId: number, a: number, b: number) => `/?classCompare=${classId}.${a}.${b}`;
