// The issue messages: user text is escaped, the hidden state survives a round trip.
import { describe, expect, it } from 'vitest';
import { escapeInline, hasMarker, markerLine, markers, readTriageState } from '../../../bot/messages/issues.ts';

describe('escapeInline', () => {
  it('defuses mentions, HTML, links, autolinks and issue references', () => {
    const out = escapeInline('@octocat <img src=x onerror=alert(1)> [click](https://evil.example) https://evil.example #12 `code` *bold*');
    expect(out).not.toMatch(/@octocat/);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('](');
    expect(out).not.toContain('https://');
    expect(out).toContain('\\#12');
    expect(out).toContain('\\`code\\`');
  });

  it('keeps one line and a bounded length', () => {
    expect(escapeInline('a\nb\r\nc')).toBe('a b c');
    expect([...escapeInline('x'.repeat(500), 50)].length).toBe(50);
  });
});

describe('triage state marker', () => {
  it('round-trips, even with "-->" in a label name', () => {
    const state = { labels: ['page: a--b', 'weird -->'], suppressed: ['x'], needsInfo: { reason: 'missing' as const, since: '2025-01-01T00:00:00.000Z' } };
    const line = markerLine(markers.triage, state);
    expect(line.indexOf('-->')).toBe(line.length - 3);
    expect(hasMarker(`${line}\nHello`, markers.triage)).toBe(true);
    expect(readTriageState(`${line}\nHello`)).toEqual(state);
  });

  it('reads an unreadable marker as no state', () => {
    expect(readTriageState('<!-- ler-map:issue-triage {broken -->')).toEqual({ labels: [], suppressed: [] });
    expect(readTriageState(undefined)).toEqual({ labels: [], suppressed: [] });
  });
});
