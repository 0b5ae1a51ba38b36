import { EyeOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGraduateListItem } from '../../../domain/api/registry.ts';
import type { TGraduatePage, TGraduateSearch, TGraduateSort } from '../../api/graduates.ts';
import { serverPagination } from '../../components/server-pagination.ts';
import { sortOrderOf } from './graduate-search.ts';
import { TargetTags } from './target-tags.tsx';

type TProps = {
  data: TGraduatePage | undefined;
  loading: boolean;
  search: TGraduateSearch;
  canReveal: boolean;
  empty: ReactNode;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: TGraduateSort | undefined, order: 'asc' | 'desc') => void;
  onReveal: (graduate: TGraduateListItem) => void;
};

const GENDERS = new Set(['male', 'female', '男', '女']);

export function GraduateTable({ data, loading, search, canReveal, empty, onPage, onSort, onReveal }: TProps) {
  const { t, i18n } = useTranslation();
  // English headers and tags run longer than Chinese ones
  const zh = i18n.language.startsWith('zh');
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const sortable = (column: TGraduateSort) => ({
    sorter: true,
    sortOrder: sortOrderOf(search, column),
    sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const],
  });

  const columns: ColumnsType<TGraduateListItem> = [
    {
      key: 'name',
      title: t('graduates.name'),
      dataIndex: 'name',
      width: 90,
      fixed: 'start',
      ...sortable('name'),
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'gender',
      title: t('graduates.gender'),
      dataIndex: 'gender',
      width: zh ? 56 : 76,
      render: (g: string | null) =>
        g && GENDERS.has(g) ? t(`graduates.genders.${g as 'male' | 'female' | '男' | '女'}`) : (g ?? none),
    },
    {
      key: 'cohort',
      title: t('graduates.cohort'),
      dataIndex: 'cohort',
      width: zh ? 72 : 84,
      ...sortable('cohort'),
    },
    {
      key: 'university',
      title: t('graduates.universityCollege'),
      width: 200,
      ...sortable('university'),
      render: (_, g) => (
        <>
          <div>{g.universityName}</div>
          {(g.collegeName || g.className) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[g.collegeName, g.className].filter(Boolean).join(' · ')}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'major',
      title: t('graduates.major'),
      dataIndex: 'majorName',
      width: 120,
      ...sortable('major'),
      render: (m: string | null) => m ?? none,
    },
    {
      key: 'level',
      title: t('graduates.level'),
      dataIndex: 'level',
      width: zh ? 100 : 110,
      ...sortable('level'),
      render: (l: string | null) =>
        l === '研究生' || l === '本科' || l === '专科' ? t(`graduates.levels.${l}`) : (l ?? none),
    },
    {
      key: 'domicile',
      title: t('graduates.domicile'),
      width: 160,
      ...sortable('domicile'),
      render: (_, g) =>
        g.domicileName || g.domicileCountyCode ? (
          <>
            <div>{g.domicileName ?? g.domicileCountyCode}</div>
            {g.domicileName && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} className="mono">
                {g.domicileCountyCode}
              </Typography.Text>
            )}
          </>
        ) : (
          none
        ),
    },
    {
      key: 'idNumber',
      title: t('graduates.idNumber'),
      width: canReveal ? (zh ? 210 : 220) : 160,
      render: (_, g) => (
        <Flex gap={4} align="center">
          <span className="mono">{g.idNumberMasked ?? '—'}</span>
          {/* the permission, and the field rule for this row (a bureau's pre-handover list: no reveal) */}
          {canReveal && g.canReveal && (
            <Button
              type="link"
              size="small"
              icon={<EyeOutlined />}
              onClick={() => onReveal(g)}
              data-testid="reveal-open"
            >
              {t('graduates.reveal')}
            </Button>
          )}
        </Flex>
      ),
    },
    {
      key: 'flags',
      title: t('graduates.flags'),
      width: zh ? 130 : 150,
      render: (_, g) => <TargetTags graduate={g} />,
    },
  ];

  return (
    <Table<TGraduateListItem>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: zh ? 1100 : 1180 }}
      pagination={serverPagination(
        t,
        {
          page: data?.page ?? search.page,
          pageSize: data?.pageSize ?? search.pageSize,
          total: data?.total ?? 0,
        },
        onPage,
      )}
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action !== 'sort' || Array.isArray(sorter)) return;
        onSort(
          sorter.order ? (sorter.columnKey as TGraduateSort) : undefined,
          sorter.order === 'descend' ? 'desc' : 'asc',
        );
      }}
      locale={{ emptyText: empty }}
      data-testid="graduate-table"
    />
  );
}
