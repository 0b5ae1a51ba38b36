import { describe, expect, it } from 'vitest';
import { pathOfCode, shownPathOfCode, toRegionOptions } from './region-picker.tsx';

const RAW = [
  {
    code: '52',
    name: '贵州省',
    children: [
      { code: '5205', name: '毕节市', children: [{ code: '520526', name: '威宁彝族回族苗族自治县' }] },
    ],
  },
  {
    code: '44',
    name: '广东省',
    children: [{ code: '4419', name: '东莞市', children: [{ code: '441900003', name: '东城街道' }] }],
  },
];

describe('toRegionOptions and pathOfCode', () => {
  it('uses 6-digit codes and treats a city without counties as a leaf', () => {
    const options = toRegionOptions(RAW);
    expect(options[0]).toEqual({
      value: '520000',
      label: '贵州省',
      children: [
        {
          value: '520500',
          label: '毕节市',
          children: [{ value: '520526', label: '威宁彝族回族苗族自治县' }],
        },
      ],
    });
    expect(options[1]?.children?.[0]).toEqual({ value: '441900', label: '东莞市' });
    expect(pathOfCode(options, '520526')).toEqual(['520000', '520500', '520526']);
    expect(pathOfCode(options, '441900')).toEqual(['440000', '441900']);
    expect(pathOfCode(options, '520527')).toBeNull();
    expect(pathOfCode(options, '520500')).toBeNull();
  });

  it('shows a code stored above county level at the levels it names', () => {
    const options = toRegionOptions(RAW);
    expect(shownPathOfCode(options, '520526')).toEqual(['520000', '520500', '520526']);
    expect(shownPathOfCode(options, '520500')).toEqual(['520000', '520500']);
    expect(shownPathOfCode(options, '520000')).toEqual(['520000']);
    expect(shownPathOfCode(options, '441900')).toEqual(['440000', '441900']);
    expect(shownPathOfCode(options, '520600')).toBeNull();
    expect(shownPathOfCode(options, '990000')).toBeNull();
  });
});
