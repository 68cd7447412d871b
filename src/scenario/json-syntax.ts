/**
 * Finds where JSON text first goes wrong, as line and column. JSON.parse says what is wrong
 * but, in Node 20 and some browsers, not where; a teacher editing a file by hand needs where.
 */
export interface SyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly expected: string;
}

export function findJsonError(text: string): SyntaxProblem | null {
  let i = 0;
  const fail = (expected: string): never => {
    throw { at: i, expected };
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a value (text in double quotes, a number, true, false, null, { or [)');
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('no line breaks inside text; close the text with "');
      i++;
    }
    if (i >= text.length) fail('a closing " for the text');
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null) fail('a number');
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a key in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail('":" after the key');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('"," or "}"');
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('"," or "]"');
      }
    } else if (c === '"') string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else fail('a value (text in double quotes, a number, true, false, null, { or [)');
  };
  try {
    value();
    ws();
    if (i < text.length) fail('the end of the file');
    return null;
  } catch (e) {
    const { at, expected } = e as { at: number; expected: string };
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return { line, column: at - before.lastIndexOf('\n'), expected };
  }
}
