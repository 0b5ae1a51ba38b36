import { describe, expect, it } from 'vitest';
import { enUS } from '../../i18n/en-US.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import {
  ACTION_FAMILIES,
  actionColor,
  actionFamily,
  actionsByFamily,
  ENTITY_TYPES,
  familyOfPrefix,
  KNOWN_ACTIONS,
  knownAction,
  knownEntityType,
  shortId,
} from './audit-actions.ts';

/** Follows a dotted i18n path through a resource object. */
function lookup(resource: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], resource);
}

describe('action labels', () => {
  it('has a label for every known action, family and entity type in both languages', () => {
    const keys = [
      ...KNOWN_ACTIONS.map((a) => `audit.actions.${a}`),
      ...ACTION_FAMILIES.map((f) => `audit.families.${f}`),
      ...ENTITY_TYPES.map((e) => `audit.entityTypes.${e}`),
    ];
    for (const [lang, resource] of [
      ['zh-CN', zhCN],
      ['en-US', enUS],
    ] as const) {
      const missing = keys.filter((k) => typeof lookup(resource, k) !== 'string');
      expect(missing, lang).toEqual([]);
    }
  });

  it('labels the actions of the post pushes, which the Chinese log showed as raw codes', () => {
    for (const action of [
      'matching.push',
      'matching.dispatch',
      'matching.push_viewed',
      'matching.settings',
    ]) {
      expect(knownAction(action), action).toBe(action);
    }
    expect(lookup(zhCN, 'audit.actions.matching.push')).toBe('向毕业生推送岗位');
  });

  it('labels exactly the known actions, so no translation is orphaned', () => {
    const labelled = Object.entries(zhCN.audit.actions).flatMap(([family, verbs]) =>
      Object.keys(verbs).map((verb) => `${family}.${verb}`),
    );
    expect(labelled.sort()).toEqual([...KNOWN_ACTIONS].sort());
  });

  it('recognises known codes only', () => {
    expect(knownAction('auth.login')).toBe('auth.login');
    expect(knownAction('import.commit')).toBe('import.commit');
    expect(knownAction('import.unknown')).toBeUndefined();
    expect(knownAction('auth.')).toBeUndefined();
    expect(knownEntityType('org_unit')).toBe('org_unit');
    expect(knownEntityType('session')).toBeUndefined();
    expect(knownEntityType(null)).toBeUndefined();
  });

  it('finds the family of a code', () => {
    expect(actionFamily('graduate.reveal_id')).toBe('graduate');
    expect(actionFamily('import.commit')).toBe('import');
    expect(actionFamily('export.csv')).toBeUndefined();
    expect(familyOfPrefix('auth.')).toBe('auth');
    expect(familyOfPrefix('auth')).toBeUndefined();
    expect(familyOfPrefix('auth.login')).toBeUndefined();
  });
});

describe('actionColor', () => {
  it.each([
    ['auth.locked', 'red'],
    ['auth.login_failed', 'orange'],
    ['auth.password_change_failed', 'orange'],
    ['user.create', 'blue'],
    ['user.reset_password', 'blue'],
    ['graduate.reveal_id', 'purple'],
    ['auth.login', undefined],
    ['auth.logout', undefined],
    ['seed.demo_orgs', undefined],
    ['import.commit', undefined],
    // future codes colour themselves by shape
    ['import.commit_failed', 'orange'],
    ['graduate.reveal_phone', 'purple'],
  ] as const)('%s → %s', (action, color) => {
    expect(actionColor(action)).toBe(color);
  });
});

describe('actionsByFamily', () => {
  it('groups every known action once, in order, leaving out families without any', () => {
    const groups = actionsByFamily();
    expect(groups.map((g) => g.family)).toEqual([
      'auth',
      'user',
      'graduate',
      'import',
      'case',
      'pairing',
      'handover',
      'ledger',
      'notification',
      'employer',
      'opportunity',
      'application',
      'zsb',
      'matching',
      'seed',
    ]);
    expect(groups.flatMap((g) => g.actions)).toEqual([...KNOWN_ACTIONS]);
  });
});

describe('shortId', () => {
  it('cuts a UUID to its first 8 characters and leaves other ids whole', () => {
    expect(shortId('6fa66003-00f3-494b-91da-154d6171d477')).toBe('6fa66003');
    expect(shortId('6FA66003-00F3-494B-91DA-154D6171D477')).toBe('6FA66003');
    expect(shortId('batch-2020-07')).toBe('batch-2020-07');
    expect(shortId('42')).toBe('42');
  });
});
