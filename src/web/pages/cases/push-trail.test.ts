import { describe, expect, it } from 'vitest';
import type { TCaseEvent } from '../../../domain/api/ledger.ts';
import type { TPushItem } from '../../../domain/api/matching.ts';
import { applicationsFromEvents, buildTrail } from './push-trail.ts';

const POST_A = '00000000-0000-4000-8000-00000000000a';
const POST_B = '00000000-0000-4000-8000-00000000000b';

function push(over: Partial<TPushItem> & Pick<TPushItem, 'channel' | 'createdAt'>): TPushItem {
  return {
    id: `${over.channel}-${over.createdAt}`,
    caseId: 'c',
    graduateId: 'g',
    graduateName: '吴同学',
    opportunity: { id: POST_A, title: '软件开发工程师', kind: 'market_job' },
    status: 'sent',
    error: null,
    actorName: '杨老师',
    note: '',
    score: 80,
    sentAt: null,
    viewedAt: null,
    ...over,
  };
}

let nextId = 1;
function event(kind: string, data: Record<string, unknown>, at: string): TCaseEvent {
  return { id: nextId++, kind, at, occurredOn: null, actorName: null, data, private: false };
}

describe('applicationsFromEvents', () => {
  it('follows an application step by step to its hire, ignoring progress not tied to an application', () => {
    const events = [
      event(
        'progress',
        { kind: 'application', applicationId: 'app1', opportunityId: POST_A, post: '软件开发工程师' },
        '2020-07-01T02:00:00Z',
      ),
      event(
        'progress',
        { kind: 'interview', applicationId: 'app1', opportunityId: POST_A },
        '2020-07-03T02:00:00Z',
      ),
      event('progress', { kind: 'offer', employer: '某公司' }, '2020-07-04T02:00:00Z'),
      event(
        'destination',
        { code: '10', applicationId: 'app1', opportunityId: POST_A },
        '2020-07-05T02:00:00Z',
      ),
    ];
    const apps = applicationsFromEvents(events);
    expect([...apps.values()]).toEqual([
      { id: 'app1', postId: POST_A, title: '软件开发工程师', status: 'hired', at: '2020-07-05T02:00:00Z' },
    ]);
  });
});

describe('buildTrail', () => {
  it('merges the channels of one post, keeps the first push and the first view, and adds the application', () => {
    const pushes = [
      push({
        channel: 'sms',
        createdAt: '2020-07-02T01:00:00Z',
        viewedAt: '2020-07-02T05:00:00Z',
        actorName: '周副校长',
      }),
      push({ channel: 'in_app', createdAt: '2020-07-01T01:00:00Z', note: '专业对口' }),
    ];
    const events = [
      event(
        'progress',
        { kind: 'application', applicationId: 'app1', opportunityId: POST_A, post: '软件开发工程师' },
        '2020-07-03T02:00:00Z',
      ),
    ];
    const [row, ...rest] = buildTrail(pushes, events);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      postId: POST_A,
      pushedAt: '2020-07-01T01:00:00Z',
      pushedBy: '杨老师',
      note: '专业对口',
      viewedAt: '2020-07-02T05:00:00Z',
      application: { id: 'app1', status: 'applied' },
    });
    expect(row?.channels.map((c) => c.channel)).toEqual(['sms', 'in_app']);
  });

  it('lists a post applied to without a push, most recent activity first', () => {
    const pushes = [push({ channel: 'in_app', createdAt: '2020-07-01T01:00:00Z' })];
    const events = [
      event(
        'progress',
        { kind: 'application', applicationId: 'app2', opportunityId: POST_B, post: '数据分析' },
        '2020-07-06T02:00:00Z',
      ),
    ];
    const rows = buildTrail(pushes, events);
    expect(rows.map((r) => [r.title, r.pushedAt, r.application?.status ?? null])).toEqual([
      ['数据分析', null, 'applied'],
      ['软件开发工程师', '2020-07-01T01:00:00Z', null],
    ]);
  });

  it('shows the newest application to a post after a withdrawal', () => {
    const events = [
      event(
        'progress',
        { kind: 'application', applicationId: 'old', opportunityId: POST_A, post: 'x' },
        '2020-07-01T00:00:00Z',
      ),
      event(
        'progress',
        { kind: 'withdrawn', applicationId: 'old', opportunityId: POST_A },
        '2020-07-02T00:00:00Z',
      ),
      event(
        'progress',
        { kind: 'application', applicationId: 'old', opportunityId: POST_A },
        '2020-07-03T00:00:00Z',
      ),
    ];
    expect(buildTrail([], events)[0]?.application?.status).toBe('applied');
  });
});
