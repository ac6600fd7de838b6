// A find bar's regular expression, run under a time limit: a pattern such as (a+)+b can
// backtrack for minutes on a long report, and main must not hang. node:vm's timeout interrupts
// the regex engine; the text is passed by reference (same isolate), not copied.
import vm from 'node:vm';
import type { FindMatches } from '../../../shared/text/find';

export const regexTimeLimitMs = 2_000;

/** Thrown when the pattern ran past the time limit; its message is for the user. */
export class SlowPattern extends Error {}

// The same loop as regexMatches in shared/text/find.ts (a unit test runs both over the same cases).
const loop = new vm.Script(`(() => {
  const result = { starts: [], ends: [], capped: false };
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex += text.codePointAt(match.index) > 0xffff ? 2 : 1;
      continue;
    }
    if (result.starts.length === limit) {
      result.capped = true;
      break;
    }
    result.starts.push(match.index);
    result.ends.push(match.index + match[0].length);
  }
  return result;
})()`);

export function timedRegexMatches(text: string, pattern: RegExp, limit: number, timeLimitMs = regexTimeLimitMs): FindMatches {
  // The pattern is compiled again inside the context, so that its matches are that realm's.
  const context = vm.createContext({ text, limit, pattern: new RegExp(pattern.source, pattern.flags) });
  let found: FindMatches;
  try {
    found = loop.runInContext(context, { timeout: timeLimitMs }) as FindMatches;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new SlowPattern(`The regular expression took longer than ${timeLimitMs / 1000} s on this report; make it more specific.`);
    }
    throw error;
  }
  return { starts: Array.from(found.starts), ends: Array.from(found.ends), capped: found.capped };
}
