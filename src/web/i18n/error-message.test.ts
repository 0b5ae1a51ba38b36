import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { translateError, translateServerError } from './error-message.ts';
import { i18n } from './index.ts';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en-US');

describe('translateError', () => {
  it('translates known codes in the chosen language', () => {
    const error = new ApiError(401, 'invalid_credentials', 'server text');
    expect(translateError(zh, error)).toBe('用户名或密码错误');
    expect(translateError(en, error)).toBe('Wrong username or password');
  });

  it('shows when a locked account unlocks', () => {
    const until = '2020-07-01T08:30:00.000Z';
    const error = new ApiError(423, 'account_locked', 'locked', { lockedUntil: until });
    expect(translateError(en, error)).toContain(dayjs(until).format('YYYY-MM-DD HH:mm'));
  });

  it('translates password policy issues of a validation error', () => {
    const details = [{ path: ['newPassword'], message: 'password_too_short' }];
    expect(translateError(zh, new ApiError(400, 'validation_error', 'bad', details))).toBe(
      '新密码至少需要 8 个字符',
    );
  });

  it('falls back to the status, then to the server message', () => {
    expect(translateError(en, new ApiError(404, 'no_such_code', 'x'))).toBe('Not found');
    expect(translateError(en, new ApiError(409, 'odd_code', 'Server says why'))).toBe('Server says why');
    expect(translateError(en, new Error('boom'))).toBe('Something went wrong');
  });
});

describe('translateServerError', () => {
  it('shows the half of a refusal in the reader language', () => {
    const error = new ApiError(
      409,
      'conflict',
      '后续批次已修改这些毕业生 / A later batch changed these graduates',
    );
    expect(translateServerError(zh, 'zh-CN', error)).toBe('后续批次已修改这些毕业生');
    expect(translateServerError(en, 'en-US', error)).toBe('A later batch changed these graduates');
  });

  it('leaves schema failures, single-language messages and other statuses to translateError', () => {
    const issues = new ApiError(400, 'validation_error', '请求参数不正确 / Invalid body', [
      { path: ['password'], message: 'password_too_short' },
    ]);
    expect(translateServerError(en, 'en-US', issues)).toBe('The new password needs at least 8 characters');
    expect(translateServerError(en, 'en-US', new ApiError(409, 'conflict', 'taken'))).toBe(
      'The data was changed or already exists; reload and try again',
    );
    expect(translateServerError(en, 'en-US', new ApiError(500, 'internal_error', 'a / b'))).toBe(
      'Server error, please try again later',
    );
  });
});
