import { Col, Flex, Input, Row, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFocusList } from '../../../../domain/api/reference.ts';
import { useFocusLists } from '../../../api/reference.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { matchesText } from '../text-match.ts';
import { FocusStats } from './focus-stats.tsx';
import { FocusTable } from './focus-table.tsx';
import { ProvinceBars } from './province-bars.tsx';

export function FocusCountiesPage() {
  const { t } = useTranslation();
  const lists = useFocusLists();
  const [listId, setListId] = useState<string>();
  // the first active list unless the user picked another
  const list =
    lists.data?.find((l) => l.id === listId) ?? lists.data?.find((l) => l.active) ?? lists.data?.[0];

  return (
    <>
      <PageHeader title={t('nav.focusCounties')} />
      {lists.isPending ? (
        <LoadingState />
      ) : lists.isError ? (
        <ErrorState error={lists.error} onRetry={() => void lists.refetch()} />
      ) : list ? (
        <FocusListView list={list} lists={lists.data} onSelect={setListId} />
      ) : (
        <EmptyState />
      )}
    </>
  );
}

type TViewProps = { list: TFocusList; lists: TFocusList[]; onSelect: (id: string) => void };

function FocusListView({ list, lists, onSelect }: TViewProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const rows = useMemo(
    () =>
      list.counties.filter((c) =>
        matchesText(
          filter,
          c.code,
          c.name,
          c.provinceName,
          c.prefectureName,
          c.supportPartner,
          ...c.historicalCodes,
        ),
      ),
    [list, filter],
  );

  return (
    <>
      <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('focus.list')}
          value={list.id}
          onChange={onSelect}
          style={{ minWidth: 260 }}
          options={lists.map((l) => ({
            value: l.id,
            label: l.active ? l.name : `${l.name} (${t('focus.inactive')})`,
          }))}
        />
        <Tag>{list.year}</Tag>
        <Typography.Text type="secondary">{t('focus.source', { source: list.source })}</Typography.Text>
      </Flex>
      <FocusStats rows={rows} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Input.Search
            allowClear
            placeholder={t('focus.filterPlaceholder')}
            onChange={(e) => setFilter(e.target.value)}
            style={{ maxWidth: 360, marginBottom: 12 }}
            data-testid="focus-filter"
          />
          <FocusTable rows={rows} filtered={filter.trim() !== ''} />
        </Col>
        <Col xs={24} xl={7}>
          <ProvinceBars rows={rows} />
        </Col>
      </Row>
    </>
  );
}
