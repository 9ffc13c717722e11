import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from './logger';
import { Redactor } from './redactor';

describe('logger and redactor', () => {
  it('writes JSON lines and scrubs secrets that are held, as a backstop', () => {
    const lines: string[] = [];
    const redactor = new Redactor();
    let held: Uint8Array[] = [Buffer.from('hunter2-hunter2')];
    redactor.register(() => held);
    const log = createLogger(memorySink(lines), redactor, () => 0, { planId: 'p' });
    log.info('step-failed', { problem: 'cryptsetup said hunter2-hunter2' });
    held = [];
    log.warn('after', { problem: 'hunter2-hunter2' });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { time: '1970-01-01T00:00:00.000Z', level: 'info', event: 'step-failed', planId: 'p', problem: 'cryptsetup said [redacted]' },
      { time: '1970-01-01T00:00:00.000Z', level: 'warn', event: 'after', planId: 'p', problem: 'hunter2-hunter2' },
    ]);
  });
});

describe('the redactor on JSON lines', () => {
  it.each([
    ['a quote', 'pass"phrase-1234'],
    ['a backslash', 'pass\\phrase-1234'],
    ['both, and a slash', 'p"a\\s/s-1234'],
  ])('finds a secret with %s in its JSON-escaped form too', (_name, secret) => {
    const lines: string[] = [];
    const redactor = new Redactor();
    redactor.register(() => [Buffer.from(secret, 'utf8')]);
    createLogger(memorySink(lines), redactor, () => 0).warn('step-failed', { problem: `cryptsetup said ${secret}` });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(lines[0]).not.toContain(secret);
    expect((JSON.parse(lines[0]!) as { problem: string }).problem).toBe('cryptsetup said [redacted]');
  });
});
