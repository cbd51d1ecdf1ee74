import { describe, it, expect } from 'vitest';
import { wantsColor } from '../../src/cli/cli-context.ts';

const stream = (isTTY: boolean) => ({ isTTY }) as NodeJS.WriteStream;

describe('wantsColor', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
    [false, { FORCE_COLOR: '0' }, false],
  ])('on a terminal: %s, env %j → %s', (tty, env, expected) => {
    expect(wantsColor(stream(tty), env as NodeJS.ProcessEnv)).toBe(expected);
  });
});
