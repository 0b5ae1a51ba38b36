import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { programmeWordsIn } from '../../domain/public-wording.ts';
import { listPermissions, ROLE_ORG_KINDS, type TRole } from '../../domain/roles.ts';
import { navFor } from '../app/nav.ts';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

/*
 * What a graduate or an employer can read in the web app says nothing about poverty (DESIGN §3): the pages
 * they can open are crawled from their entry files through every relative import, and each message those
 * files name — in zh-CN and en-US — plus each string written into the files themselves is scanned against
 * the programme word list. Keys built from a role (`nav.${key}`, `roles.${role}` …) are expanded for the
 * graduate and the employer only: the staff menu may well say 帮扶台账.
 */

const WEB = resolve(import.meta.dirname, '..');

/** The pages of the two roles (router.tsx) and what every signed-in page is wrapped in. */
const ENTRIES = [
  'layout/app-layout.tsx',
  'pages/login/login.page.tsx',
  'pages/register-employer/register-employer.page.tsx',
  'pages/home/home.page.tsx',
  'pages/notifications/notifications.page.tsx',
  'pages/account/change-password.page.tsx',
  'pages/me/me.page.tsx',
  'pages/me/zone.page.tsx',
  'pages/me/pushed.page.tsx',
  'pages/me/applications.page.tsx',
  'pages/me/post.page.tsx',
  'pages/employer/employer.page.tsx',
  'pages/employer/employer-post.page.tsx',
  'components/status-pages.tsx',
];

/** Per-role keys: only the graduate's and the employer's are theirs to read. */
const ROLE_PREFIXES = ['nav.', 'navDesc.', 'roles.', 'permissions.', 'orgKinds.'];

function crawl(): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (path: string) => {
    if (files.has(path)) return;
    const text = readFileSync(path, 'utf8');
    files.set(path, text);
    for (const m of text.matchAll(/^import[^'"]*from '(\.[^']+)'/gm)) {
      const target = join(dirname(path), m[1]!);
      if (target.startsWith(WEB) && !target.includes(`${WEB}/i18n/`) && /\.tsx?$/.test(target)) visit(target);
    }
  };
  for (const entry of ENTRIES) visit(join(WEB, entry));
  return files;
}

function roleKeys(role: TRole): string[] {
  const nav = navFor([role]).flatMap((item) => [
    item.key,
    ...(item.kind === 'group' ? item.children.map((leaf) => leaf.key) : []),
  ]);
  return [
    ...nav.flatMap((key) => [`nav.${key}`, `navDesc.${key}`]),
    `roles.${role}`,
    ...listPermissions([role]).map((p) => `permissions.${p}`),
    ...ROLE_ORG_KINDS[role].map((kind) => `orgKinds.${kind}`),
  ];
}

/** Every string leaf at or below a dotted path. */
function leaves(messages: unknown, path: string): [string, string][] {
  let node: unknown = messages;
  for (const part of path.replace(/\.$/, '').split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  const out: [string, string][] = [];
  const walk = (value: unknown, at: string) => {
    if (typeof value === 'string') out.push([at, value]);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`);
    }
  };
  walk(node, path.replace(/\.$/, ''));
  return out;
}

/** The message keys and key prefixes the files name, role-built ones left to roleKeys. */
function namedKeys(files: Map<string, string>): string[] {
  const keys = new Set<string>();
  for (const text of files.values()) {
    for (const m of text.matchAll(/\bt\(\s*'([\w.]+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/\bt\(\s*`([\w.]+)\$\{/g)) keys.add(m[1]!);
  }
  return [...keys].filter((k) => !ROLE_PREFIXES.some((p) => k.startsWith(p)));
}

/** The files' own text, comments aside (they may explain why a word is avoided). */
function codeOf(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('the wording of the graduate and employer pages', () => {
  const files = crawl();
  const keys = [...namedKeys(files), ...roleKeys('graduate'), ...roleKeys('employer')];

  it('crawls the pages of both roles and the messages they name', () => {
    expect([...files.keys()].some((f) => f.endsWith('pages/me/contacts-card.tsx'))).toBe(true);
    expect([...files.keys()].some((f) => f.endsWith('pages/opportunities/post-form-cards.tsx'))).toBe(true);
    expect(keys).toEqual(expect.arrayContaining(['me.contacts.title', 'opportunities.form.targetPriority']));
  });

  for (const [locale, messages] of [
    ['zh-CN', zhCN],
    ['en-US', enUS],
  ] as const) {
    it(`says nothing about poverty in the ${locale} messages those pages use`, () => {
      const found = keys
        .flatMap((key) => leaves(messages, key))
        .flatMap(([key, text]) => programmeWordsIn(text).map((word) => `${key}: ${word} (${text})`));
      expect([...new Set(found)]).toEqual([]);
    });
  }

  it('says nothing about poverty in the strings written into those pages', () => {
    const found = [...files].flatMap(([path, text]) =>
      programmeWordsIn(codeOf(text)).map((word) => `${path.slice(WEB.length + 1)}: ${word}`),
    );
    expect(found).toEqual([]);
  });
});
