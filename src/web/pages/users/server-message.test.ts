import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { i18n } from '../../i18n/index.ts';
import { serverMessage } from './server-message.ts';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en-US');
const misfit = new ApiError(
  400,
  'validation_error',
  '角色 ministry 不适用于 college 类机构 / Role(s) ministry do not fit an org of kind college',
);

describe('serverMessage', () => {
  it('shows the half of a service rule message in the reader language', () => {
    expect(serverMessage(zh, 'zh-CN', misfit)).toBe('角色 ministry 不适用于 college 类机构');
    expect(serverMessage(en, 'en-US', misfit)).toBe('Role(s) ministry do not fit an org of kind college');
  });

  it('keeps a message that is not in two halves', () => {
    expect(serverMessage(en, 'en-US', new ApiError(400, 'validation_error', 'Odd rule'))).toBe('Odd rule');
  });

  it('translates schema issues and other errors as usual', () => {
    const issues = new ApiError(400, 'validation_error', '请求参数不正确 / Invalid body', [
      { path: ['password'], message: 'password_too_short' },
    ]);
    expect(serverMessage(en, 'en-US', issues)).toBe('The new password needs at least 8 characters');
    expect(serverMessage(en, 'en-US', new ApiError(409, 'conflict', 'taken'))).toBe(
      'The data was changed or already exists; reload and try again',
    );
  });
});
