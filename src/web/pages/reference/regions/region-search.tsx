import { Card, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRegionNode } from '../../../../domain/api/reference.ts';
import { useRegionSearch } from '../../../api/reference.ts';
import { EmptyState, ErrorState } from '../../../components/states.tsx';
import { LevelTag, RegionLabel } from './region-label.tsx';

/** Name or code search at every level; a historical code finds the county that now carries it. */
export function RegionSearch() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useRegionSearch(q);

  return (
    <Card title={t('regions.searchTitle')} size="small">
      <Input.Search
        placeholder={t('regions.searchPlaceholder')}
        enterButton={t('common.search')}
        allowClear
        maxLength={50}
        onSearch={(value) => setQ(value.trim())}
        loading={search.isFetching}
        data-testid="region-search"
      />
      {q !== '' &&
        (search.isError ? (
          <ErrorState error={search.error} onRetry={() => void search.refetch()} />
        ) : (
          <Table<TRegionNode>
            style={{ marginTop: 12 }}
            size="small"
            rowKey="code"
            pagination={false}
            scroll={{ y: 320 }}
            loading={search.isPending}
            dataSource={search.data ?? []}
            locale={{ emptyText: <EmptyState filtered /> }}
            columns={[
              {
                key: 'level',
                title: t('regions.level'),
                width: 80,
                render: (_, region) => <LevelTag level={region.level} />,
              },
              {
                key: 'region',
                title: t('regions.region'),
                render: (_, region) => <RegionLabel region={region} />,
              },
            ]}
            data-testid="region-search-results"
          />
        ))}
    </Card>
  );
}
