/**
 * zod as every schema of ours uses it. Without its JIT: zod otherwise compiles a parser for each
 * object shape with `new Function` on first use, which costs more than it saves for files that
 * are parsed once (it doubled the first scenario parse on a cold page), and which a school server
 * with a strict Content-Security-Policy (no 'unsafe-eval') would refuse.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
