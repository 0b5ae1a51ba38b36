import { describe, expect, it } from 'vitest';
import { majorTree } from './major-select.tsx';

describe('majorTree', () => {
  it('nests majors under their class and category, both catalogues at the top, codes as values', () => {
    const tree = majorTree([
      {
        key: 'vocational',
        level: '专科',
        name: '高职专科专业目录',
        source: '',
        entries: [
          { code: '67', name: '教育与体育大类', classCode: null, categoryCode: '67' },
          { code: '6701', name: '教育类', classCode: '6701', categoryCode: '67' },
          { code: '670102K', name: '学前教育', classCode: '6701', categoryCode: '67' },
        ],
      },
      {
        key: 'undergraduate',
        level: '本科',
        name: '本科专业目录',
        source: '',
        entries: [
          { code: '04', name: '教育学', classCode: null, categoryCode: '04' },
          { code: '0401', name: '教育学类', classCode: '0401', categoryCode: '04' },
          { code: '040101', name: '教育学', classCode: '0401', categoryCode: '04' },
        ],
      },
    ]);
    expect(tree.map((n) => [n.value, n.title])).toEqual([
      ['04', '04 教育学（本科）'],
      ['67', '67 教育与体育大类（专科）'],
    ]);
    expect(tree[1]?.children?.[0]?.children?.[0]).toEqual({
      value: '670102K',
      title: '670102K 学前教育',
      search: '670102K 学前教育',
    });
  });
});
