import { Button, Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPairingHelper } from '../../../domain/api/pairing.ts';
import { DefinedLabel } from '../../components/defined-label.tsx';
import { HelperKindTag } from './helper-select.tsx';

type TProps = {
  helpers: TPairingHelper[] | undefined;
  loading: boolean;
  onView: (helperUserId: string) => void;
  empty: ReactNode;
};

/** The university's helpers, leaders first, with how many graduates each helps now. */
export function HelpersTable({ helpers, loading, onView, empty }: TProps) {
  const { t } = useTranslation();
  const max = Math.max(1, ...(helpers ?? []).map((h) => h.load));
  const columns: ColumnsType<TPairingHelper> = [
    {
      key: 'name',
      title: t('pairing.columns.helper'),
      dataIndex: 'name',
      width: 140,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'identity',
      title: t('pairing.columns.identity'),
      width: 100,
      render: (_, h) => <HelperKindTag isLeader={h.isLeader} />,
    },
    {
      key: 'college',
      title: t('pairing.columns.college'),
      width: 180,
      render: (_, h) => (h.isLeader ? t('pairing.universityLevel') : (h.collegeName ?? t('common.none'))),
    },
    {
      key: 'load',
      title: <DefinedLabel label={t('pairing.columns.load')} definition={t('pairing.columns.loadHint')} />,
      width: 220,
      sorter: (a, b) => a.load - b.load,
      render: (_, h) => (
        <Progress
          percent={(h.load / max) * 100}
          format={() => h.load}
          size="small"
          status={h.load === 0 && h.isLeader ? 'exception' : 'normal'}
          aria-label={`${h.name} ${h.load}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('pairing.columns.actions'),
      width: 110,
      render: (_, h) => (
        <Button type="link" size="small" disabled={h.load === 0} onClick={() => onView(h.userId)}>
          {t('pairing.viewPaired')}
        </Button>
      ),
    },
  ];
  return (
    <Table<TPairingHelper>
      rowKey="userId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={helpers ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: empty }}
      data-testid="pairing-helpers-table"
    />
  );
}
