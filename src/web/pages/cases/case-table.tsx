import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCaseListItem } from '../../../domain/api/ledger.ts';
import type { TCaseSort } from '../../api/case-codes.ts';
import type { TCasePage, TCaseSearch } from '../../api/cases.ts';
import { RowCards, useIsPhone } from '../../components/row-cards.tsx';
import { serverPagination } from '../../components/server-pagination.ts';
import { sortOrderOf } from './case-search.ts';
import { DueTags, IntentionTag, SiqingTags, StageTag, StatusTag } from './case-tags.tsx';

type TProps = {
  data: TCasePage | undefined;
  loading: boolean;
  search: TCaseSearch;
  /** show the university under the college (users who see more than one university) */
  showUniversity: boolean;
  selected: Key[];
  onSelect: ((keys: Key[]) => void) | undefined;
  empty: ReactNode;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: TCaseSort | undefined, order: 'asc' | 'desc') => void;
};

/** The worklist: one row per case, most urgent first unless sorted by a column. */
export function CaseTable(props: TProps) {
  const { data, loading, search, showUniversity, selected, onSelect, empty, onPage, onSort } = props;
  const { t, i18n } = useTranslation();
  // English tags run longer than Chinese ones
  const zh = i18n.language.startsWith('zh');
  const phone = useIsPhone();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const sortable = (column: TCaseSort) => ({
    sorter: true,
    sortOrder: sortOrderOf(search, column),
    sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const],
  });

  const columns: ColumnsType<TCaseListItem> = [
    {
      key: 'name',
      title: t('cases.col.name'),
      width: 110,
      fixed: 'start',
      ...sortable('name'),
      render: (_, c) => (
        <Link to={`/cases/${c.id}`} data-testid="case-link">
          <Typography.Text strong style={{ color: 'inherit' }}>
            {c.name}
          </Typography.Text>
          {c.noCounselor && (
            <Tooltip title={t('staff.ledger.noCounselorHint')}>
              <Tag color="warning" style={{ marginInlineStart: 4 }} data-testid="case-no-counselor">
                {t('staff.ledger.noCounselor')}
              </Tag>
            </Tooltip>
          )}
        </Link>
      ),
    },
    {
      key: 'college',
      title: t('cases.col.classCollege'),
      width: 190,
      ...sortable('college'),
      // the class first: a counselor's caseload is one college, so the class is what tells rows apart
      render: (_, c) => (
        <>
          <div>{c.className ?? c.collegeName ?? t('common.none')}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[showUniversity ? c.universityName : null, c.className ? c.collegeName : c.majorName]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'intention',
      title: t('cases.col.intention'),
      width: zh ? 96 : 150,
      render: (_, c) => <IntentionTag intention={c.intention} />,
    },
    {
      key: 'due',
      title: t('cases.col.due'),
      width: 240,
      render: (_, c) => <DueTags due={c.due} />,
    },
    {
      key: 'siqing',
      title: t('cases.col.siqing'),
      width: 150,
      render: (_, c) => <SiqingTags flags={c.siqing} />,
    },
    {
      key: 'lastContact',
      title: t('cases.col.lastContact'),
      width: 110,
      ...sortable('lastContact'),
      render: (_, c) =>
        c.lastContactAt ? (
          <span data-testid="days-since-contact">{t('cases.daysAgo', { count: c.daysSinceContact })}</span>
        ) : (
          <Tooltip title={t('cases.neverContacted', { count: c.daysSinceContact })}>
            <Typography.Text type="warning" data-testid="days-since-contact">
              {t('cases.daysAgo', { count: c.daysSinceContact })}*
            </Typography.Text>
          </Tooltip>
        ),
    },
    {
      key: 'helper',
      title: t('cases.col.helper'),
      width: 110,
      // an unpaired case is a gap only while the graduate still needs help
      render: (_, c) =>
        c.helperName ?? (
          <Typography.Text type={c.status === 'seeking' ? 'danger' : 'secondary'}>
            {t('cases.noHelper')}
          </Typography.Text>
        ),
    },
    {
      key: 'stage',
      title: t('cases.col.stage'),
      width: 150,
      render: (_, c) => (
        <Flex gap={4} wrap>
          <StatusTag status={c.status} />
          <StageTag stage={c.stage} />
          {c.stage === 'handed_over' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.holderOrgName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];

  const pagination = serverPagination(
    t,
    {
      page: data?.page ?? search.page,
      pageSize: data?.pageSize ?? search.pageSize,
      total: data?.total ?? 0,
    },
    onPage,
  );
  // on a phone the rows are cards (no bulk selection there: bulk work is done at a desk)
  if (phone) {
    return (
      <RowCards<TCaseListItem>
        columns={columns}
        dataSource={data?.items ?? []}
        rowKey={(c) => c.id}
        loading={loading}
        pagination={pagination}
        empty={loading && !data ? none : empty}
        data-testid="case-cards"
      />
    );
  }
  return (
    <Table<TCaseListItem>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: zh ? 1180 : 1260 }}
      rowSelection={
        onSelect
          ? { selectedRowKeys: selected, onChange: onSelect, preserveSelectedRowKeys: true, fixed: true }
          : undefined
      }
      pagination={pagination}
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action !== 'sort' || Array.isArray(sorter)) return;
        onSort(
          sorter.order ? (sorter.columnKey as TCaseSort) : undefined,
          sorter.order === 'descend' ? 'desc' : 'asc',
        );
      }}
      locale={{ emptyText: loading && !data ? none : empty }}
      data-testid="case-table"
    />
  );
}
