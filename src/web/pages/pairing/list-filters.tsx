import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TPairingCoverage, TPairingHelper } from '../../../domain/api/pairing.ts';
import type { TPairingListSearch } from '../../api/pairing.ts';
import { DebouncedInput } from '../graduates/debounced-input.tsx';
import { HelperSelect } from './helper-select.tsx';

type TProps = {
  search: TPairingListSearch;
  colleges: TPairingCoverage['colleges'];
  /** the paired tab also filters by helper */
  helpers?: readonly TPairingHelper[];
  onChange: (patch: Partial<TPairingListSearch>) => void;
  testId: string;
};

/** Search, college and (paired tab) helper filters; any change goes back to page 1. */
export function ListFilters({ search, colleges, helpers, onChange, testId }: TProps) {
  const { t } = useTranslation();
  const patch = (p: Partial<TPairingListSearch>) => onChange({ ...p, page: 1 });
  return (
    <Flex gap="small" wrap style={{ marginBottom: 12 }}>
      <DebouncedInput
        value={search.q}
        onApply={(q) => patch({ q })}
        placeholder={t('pairing.searchPlaceholder')}
        maxLength={50}
        width={220}
        search
        data-testid={`${testId}-search`}
      />
      <Select<string>
        value={search.collegeId}
        onChange={(collegeId) => patch({ collegeId: collegeId ?? undefined })}
        allowClear
        placeholder={t('pairing.allColleges')}
        style={{ width: 200 }}
        showSearch={{ optionFilterProp: 'label' }}
        options={colleges.flatMap((c) => (c.collegeId ? [{ value: c.collegeId, label: c.collegeName }] : []))}
        aria-label={t('pairing.allColleges')}
      />
      {helpers && (
        <HelperSelect
          helpers={helpers}
          value={search.helperUserId}
          onChange={(helperUserId) => patch({ helperUserId })}
          allowClear
          placeholder={t('pairing.allHelpers')}
          width={260}
          aria-label={t('pairing.allHelpers')}
        />
      )}
    </Flex>
  );
}
