/** A file's verdict under fail-on, and a run's exit code. */
import { describe, expect, it } from 'vitest';
import { exitCodeOf, statusOf, type FileResult } from '../../src/model/file-result.js';
import type { Finding } from '../../src/model/finding.js';

const f = (rule: Finding['rule'], severity: Finding['severity']): Finding => ({ rule, severity, msg: { id: 'sum.total-assumed', params: { unit: 'x' } } });

describe('fail-on and exit codes', () => {
  const warnOnly = [f('denominator', 'warning')];
  const withError = [f('sum', 'error'), ...warnOnly];
  it('status: errors always make a file invalid; warnings only under fail-on warning (or strict)', () => {
    expect(statusOf(warnOnly)).toBe('ok');
    expect(statusOf(warnOnly, true)).toBe('invalid');
    expect(statusOf(warnOnly, 'warning')).toBe('invalid');
    expect(statusOf(withError, 'never')).toBe('invalid');
    expect(statusOf(warnOnly, 'never')).toBe('ok');
  });

  const file = (status: FileResult['status']): FileResult => ({ file: 'x', status, findings: [], skipped: [] });
  it('the worst file decides; never ignores findings but not unreadable files', () => {
    expect(exitCodeOf([file('ok'), file('ok')], 'error')).toBe(0);
    expect(exitCodeOf([file('ok'), file('invalid')], 'error')).toBe(1);
    expect(exitCodeOf([file('invalid'), file('unreadable')], 'error')).toBe(2);
    expect(exitCodeOf([file('invalid')], 'never')).toBe(0);
    expect(exitCodeOf([file('unreadable')], 'never')).toBe(2);
  });
});
