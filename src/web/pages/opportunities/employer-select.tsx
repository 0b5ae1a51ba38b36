import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApprovedEmployers } from '../../api/opportunities.ts';

const DEBOUNCE_MS = 300;

type TProps = {
  value?: string | null;
  onChange?: (orgId: string | null) => void;
  /** the employer a stored post names, so its name shows before any search */
  current?: { id: string; name: string } | null;
  id?: string;
};

/** An approved employer in the reviewer's area, found by name or credit code. */
export function EmployerSelect({ value, onChange, current, id }: TProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const employers = useApprovedEmployers(q, true);
  const options = useMemo(() => {
    const list = (employers.data ?? []).map((e) => ({ value: e.orgId, label: e.name }));
    if (current && !list.some((o) => o.value === current.id))
      list.unshift({ value: current.id, label: current.name });
    return list;
  }, [employers.data, current]);

  return (
    <Select<string | null>
      id={id}
      allowClear
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onBlur={() => setTyped('')}
      loading={employers.isFetching}
      options={options}
      placeholder={t('opportunities.form.employerPlaceholder')}
      notFoundContent={null}
      style={{ width: '100%' }}
      data-testid="post-employer"
    />
  );
}
