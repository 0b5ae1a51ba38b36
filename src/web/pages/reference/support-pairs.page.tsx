import { Flex, Input, Segmented, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSupportPair } from '../../../domain/api/reference.ts';
import { useSupportPairs } from '../../api/reference.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { SupportKindTag } from './support-kind-tag.tsx';
import { compareZh, matchesText } from './text-match.ts';

type TKindFilter = 'all' | TSupportPair['kind'];

export function SupportPairsPage() {
  const { t } = useTranslation();
  const pairs = useSupportPairs();
  const [kind, setKind] = useState<TKindFilter>('all');
  const [text, setText] = useState('');

  const rows = useMemo(
    () =>
      (pairs.data ?? []).filter(
        (p) =>
          (kind === 'all' || p.kind === kind) && matchesText(text, p.supporterName, p.supportedName, p.note),
      ),
    [pairs.data, kind, text],
  );

  const columns: ColumnsType<TSupportPair> = [
    {
      key: 'supporter',
      dataIndex: 'supporterName',
      title: t('supportPairs.supporter'),
      sorter: (a, b) => compareZh(a.supporterName, b.supporterName),
    },
    {
      key: 'supported',
      dataIndex: 'supportedName',
      title: t('supportPairs.supported'),
      sorter: (a, b) => compareZh(a.supportedName, b.supportedName),
    },
    { key: 'kind', title: t('supportPairs.kind'), render: (_, p) => <SupportKindTag kind={p.kind} /> },
    {
      key: 'years',
      title: t('supportPairs.years'),
      sorter: (a, b) => a.validFrom - b.validFrom,
      render: (_, p) => `${p.validFrom}–${p.validTo ?? t('common.present')}`,
    },
    {
      key: 'note',
      dataIndex: 'note',
      title: t('supportPairs.note'),
      render: (n: string) => n || t('common.none'),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.supportPairs')} />
      {pairs.isError ? (
        <ErrorState error={pairs.error} onRetry={() => void pairs.refetch()} />
      ) : (
        <>
          <Flex gap="middle" wrap align="center" style={{ marginBottom: 12 }}>
            <Segmented<TKindFilter>
              value={kind}
              onChange={setKind}
              options={[
                { value: 'all', label: t('common.all') },
                { value: 'east_west', label: t('supportKind.east_west') },
                { value: 'counterpart_xinjiang', label: t('supportKind.counterpart_xinjiang') },
              ]}
              data-testid="pair-kind"
            />
            <Input.Search
              allowClear
              placeholder={t('supportPairs.searchPlaceholder')}
              onChange={(e) => setText(e.target.value)}
              style={{ maxWidth: 320 }}
            />
          </Flex>
          <Table<TSupportPair>
            rowKey="id"
            size="small"
            loading={pairs.isPending}
            columns={columns}
            dataSource={rows}
            pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { count: n }) }}
            locale={{ emptyText: <EmptyState filtered={kind !== 'all' || text.trim() !== ''} /> }}
            data-testid="support-pairs-table"
          />
        </>
      )}
    </>
  );
}
