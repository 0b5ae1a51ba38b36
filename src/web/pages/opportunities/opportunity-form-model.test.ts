import { describe, expect, it } from 'vitest';
import type { TOpportunityDetail } from '../../../domain/api/opportunities.ts';
import {
  bodyOfValues,
  isRuleComplete,
  newPostValues,
  sameRules,
  templateOf,
  valuesOfPost,
} from './opportunity-form-model.ts';

const at = { referenceDate: '2020-07-31', cohort: 2020 };

describe('templateOf', () => {
  it('lifts the minimum level of 特岗 into the post field and keeps age and certificate as rules', () => {
    expect(templateOf('tegang', at)).toEqual({
      minLevel: '本科',
      rules: [{ kind: 'max_age', years: 30, referenceDate: '2020-07-31' }, { kind: 'teacher_certificate' }],
    });
  });

  it('gives 专升本 the 专科 level and the cohort, and a market job nothing', () => {
    expect(templateOf('zhuanshengben', at).rules).toEqual([
      { kind: 'levels', levels: ['专科'] },
      { kind: 'cohorts', cohorts: [2020] },
    ]);
    expect(templateOf('market_job', at)).toEqual({ minLevel: null, rules: [] });
  });
});

describe('newPostValues', () => {
  it('starts a study route with its cohort, other kinds without', () => {
    expect(newPostValues('zhuanshengben', at).cohort).toBe(2020);
    expect(newPostValues('village_official', at)).toMatchObject({
      cohort: null,
      minLevel: null,
      eligibilityRules: [
        { kind: 'max_age', years: 30, referenceDate: '2020-07-31' },
        { kind: 'party_member', preferred: true },
      ],
    });
  });
});

describe('sameRules', () => {
  it('tells an untouched template from an edited one', () => {
    const rules = templateOf('western_program', at).rules;
    expect(sameRules(rules, templateOf('western_program', at).rules)).toBe(true);
    expect(sameRules(rules, [{ kind: 'max_age', years: 28, referenceDate: '2020-07-31' }])).toBe(false);
  });
});

describe('isRuleComplete', () => {
  it('refuses empty lists and a missing date, accepts rules without inputs', () => {
    expect(isRuleComplete({ kind: 'levels', levels: [] })).toBe(false);
    expect(isRuleComplete({ kind: 'domicile_regions', codes: [] })).toBe(false);
    expect(isRuleComplete({ kind: 'max_age', years: 30, referenceDate: '' })).toBe(false);
    expect(isRuleComplete({ kind: 'cohorts', cohorts: [2020] })).toBe(true);
    expect(isRuleComplete({ kind: 'target_group_only' })).toBe(true);
  });
});

describe('bodyOfValues and valuesOfPost', () => {
  it('sends domicile regions as prefixes and reads them back as region codes', () => {
    const values = {
      ...newPostValues('sanzhi_yifu', at),
      title: '  三支一扶支农  ',
      regionCodes: ['520000'],
      deadline: '2020-08-15',
      eligibilityRules: [
        { kind: 'domicile_regions' as const, codes: ['520000', '522427', '522400', '520000'] },
      ],
    };
    const body = bodyOfValues(values);
    expect(body.title).toBe('三支一扶支农');
    expect(body.eligibilityRules).toEqual([{ kind: 'domicile_regions', codes: ['52', '522427', '5224'] }]);
    expect(body).toMatchObject({ quota: null, salaryMin: null, employerOrgId: null, deadline: '2020-08-15' });

    const post = {
      ...body,
      id: 'p1',
      status: 'draft',
      owner: { id: 'o1', name: '贵州省人社厅' },
      employer: null,
      regionNames: ['贵州省'],
      quotaUsed: 0,
      applicants: 0,
      expired: false,
      provinceCode: '520000',
      createdAt: '',
      updatedAt: '',
      version: 1,
      canEdit: true,
    } as unknown as TOpportunityDetail;
    expect(valuesOfPost(post).eligibilityRules).toEqual([
      { kind: 'domicile_regions', codes: ['520000', '522427', '522400'] },
    ]);
  });

  it('keeps the employer a staff member posted for, not an employer posting as itself', () => {
    const base = { ...newPostValues('market_job', at), eligibilityRules: [], description: '', title: 'x' };
    const post = (employerId: string) =>
      ({
        ...base,
        owner: { id: 'o1', name: '人社局' },
        employer: { id: employerId, name: '某公司', tags: [] },
      }) as unknown as TOpportunityDetail;
    expect(valuesOfPost(post('e1')).employerOrgId).toBe('e1');
    expect(valuesOfPost(post('o1')).employerOrgId).toBeNull();
  });
});
