import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../domain/roles.ts';
import type { TUserSearch } from '../../api/users.ts';
import { MAX_QUERY_LENGTH, USER_STATUSES } from './user-search.ts';

/** A change to the filters; the page applies it to the current URL and goes back to page 1. */
export type TFilterPatch = Partial<Pick<TUserSearch, 'q' | 'role' | 'status'>>;

type TProps = { search: TUserSearch; onChange: (patch: TFilterPatch) => void; onReset: () => void };

const DEBOUNCE_MS = 350;

/** Text search applies itself after a pause in typing (or at once on Enter); the selects apply at once. */
export function UserFilters({ search, onChange, onReset }: TProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(search.q ?? '');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // the pending search must reach the newest onChange, which knows the newest URL
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  // the URL changed under the box (back button, reset, a shared link): show what is really applied
  useEffect(() => {
    setText((current) => (current.trim() === (search.q ?? '') ? current : (search.q ?? '')));
  }, [search.q]);

  const apply = (value: string) => {
    clearTimeout(timer.current);
    latestOnChange.current({ q: value.trim() || undefined });
  };
  const onText = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(value), DEBOUNCE_MS);
  };

  return (
    <Flex wrap gap="small" style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        value={text}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t('users.searchPlaceholder')}
        onChange={(e) => onText(e.target.value)}
        onSearch={apply}
        style={{ width: 300 }}
        data-testid="user-search"
      />
      <Select
        allowClear
        value={search.role ?? null}
        placeholder={t('users.allRoles')}
        onChange={(role) => onChange({ role: role ?? undefined })}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        style={{ width: 200 }}
        data-testid="user-role-filter"
      />
      <Select
        allowClear
        value={search.status ?? null}
        placeholder={t('users.allStatuses')}
        onChange={(status) => onChange({ status: status ?? undefined })}
        options={USER_STATUSES.map((status) => ({ value: status, label: t(`users.statusFilter.${status}`) }))}
        style={{ width: 140 }}
        data-testid="user-status-filter"
      />
      <Button
        onClick={() => {
          clearTimeout(timer.current);
          setText('');
          onReset();
        }}
      >
        {t('common.reset')}
      </Button>
    </Flex>
  );
}
