import { describe, expect, it } from 'vitest';
import { passwordsCsv } from './staff-import-model.ts';

describe('passwordsCsv', () => {
  it('writes a BOM, quotes commas and neutralises formula-like cells', () => {
    const csv = passwordsCsv(
      [
        {
          rowNo: 2,
          id: 'x',
          username: 'yang',
          displayName: '=HYPERLINK("x")',
          orgCode: 'U-1',
          roles: ['counselor'],
          classes: ['计科2001班', '计科2002班'],
          temporaryPassword: 'Ab3,def9',
        },
      ],
      ['用户名', '姓名', '机构代码', '班级', '临时密码'],
    );
    expect(csv.startsWith('\uFEFF用户名,')).toBe(true);
    expect(csv).toContain(`yang,"'=HYPERLINK(""x"")",U-1,计科2001班、计科2002班,"Ab3,def9"\r\n`);
  });
});
