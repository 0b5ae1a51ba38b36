import { Button, Flex, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type Key, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOrgNode } from '../../../domain/api/orgs.ts';
import { canManageOrg, creatableKinds, type TOrgActor } from '../../../domain/org-rules.ts';
import type { TOrgKind } from '../../../domain/orgs.ts';
import { useMe } from '../../api/auth.ts';
import { useOrgTree } from '../../api/orgs.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { OrgDeactivateModal, OrgMoveModal } from './org-action-modals.tsx';
import { OrgFormModal } from './org-form-modal.tsx';
import { filterOrgTree, indexOrgTree, parentIds, type TOrgRow } from './org-tree.ts';

type TDialog =
  | { kind: 'create'; parentId?: string }
  | { kind: 'edit' | 'move' | 'deactivate'; org: TOrgNode }
  | null;

const KIND_COLORS: Record<TOrgKind, string> = {
  ministry: 'red',
  province_education: 'volcano',
  province_hrss: 'orange',
  poverty_office: 'gold',
  county_hrss: 'lime',
  university: 'blue',
  college: 'geekblue',
  employer: 'cyan',
  partner: 'purple',
  system: 'default',
};

export function OrgsPage() {
  const { t } = useTranslation();
  const orgs = useOrgTree();
  const me = useMe().data;
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<TDialog>(null);
  const actor: TOrgActor | null = me ? { roles: me.roles, org: me.org } : null;
  const index = useMemo(() => indexOrgTree(orgs.data ?? []), [orgs.data]);
  const canCreate =
    actor !== null && me?.permissions.includes('orgs.manage') && creatableKinds(actor).length > 0;
  /** what the signed-in user may do with a row: the same rule the server applies */
  const manages = (o: TOrgRow) =>
    actor !== null &&
    canManageOrg(actor, {
      kind: o.kind,
      regionCode: o.regionCode,
      parentId: index.get(o.id)?.parentId ?? null,
    });
  const [expanded, setExpanded] = useState<readonly Key[]>([]);

  const rows = useMemo(() => filterOrgTree(orgs.data ?? [], filter), [orgs.data, filter]);
  const searching = filter.trim() !== '';
  // while searching every match is shown opened; otherwise the user decides what is open
  const expandedKeys = useMemo(() => (searching ? parentIds(rows) : expanded), [searching, rows, expanded]);

  const columns: ColumnsType<TOrgRow> = [
    { key: 'name', dataIndex: 'name', title: t('orgs.name') },
    {
      key: 'kind',
      title: t('orgs.kind'),
      width: 140,
      render: (_, o) => <Tag color={KIND_COLORS[o.kind]}>{t(`orgKinds.${o.kind}`)}</Tag>,
    },
    { key: 'code', dataIndex: 'code', title: t('orgs.code'), width: 160 },
    {
      key: 'region',
      dataIndex: 'regionCode',
      title: t('orgs.regionCode'),
      width: 110,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      key: 'moe',
      dataIndex: 'moeCode',
      title: t('orgs.moeCode'),
      width: 110,
      render: (v: string | null) => v ?? t('common.none'),
    },
    ...(canCreate
      ? [
          {
            key: 'actions',
            title: t('orgs.actions'),
            width: 220,
            render: (_: unknown, o: TOrgRow) => {
              const node = index.get(o.id)?.node;
              if (!node) return null;
              return (
                <Space size={0} wrap>
                  {manages(o) && (
                    <>
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', org: node })}>
                        {t('orgs.edit')}
                      </Button>
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'move', org: node })}>
                        {t('orgs.move')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        danger
                        onClick={() => setDialog({ kind: 'deactivate', org: node })}
                      >
                        {t('orgs.deactivate')}
                      </Button>
                    </>
                  )}
                  {o.kind === 'university' &&
                    actor &&
                    creatableKinds(actor).includes('college') &&
                    canManageOrg(actor, { kind: 'college', regionCode: o.regionCode, parentId: o.id }) && (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setDialog({ kind: 'create', parentId: o.id })}
                      >
                        {t('orgs.addCollege')}
                      </Button>
                    )}
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.orgs')}
        extra={
          <Flex gap={8} wrap>
            <Input.Search
              allowClear
              placeholder={t('orgs.searchPlaceholder')}
              onChange={(e) => setFilter(e.target.value)}
              style={{ width: 280 }}
              data-testid="org-filter"
            />
            {canCreate && (
              <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="org-create">
                {t('orgs.create')}
              </Button>
            )}
          </Flex>
        }
      />
      {orgs.isError ? (
        <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : (
        <Table<TOrgRow>
          rowKey="id"
          size="small"
          loading={orgs.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowKeys: expandedKeys,
            onExpandedRowsChange: (keys) => !searching && setExpanded(keys),
          }}
          locale={{ emptyText: <EmptyState filtered={searching} /> }}
          scroll={{ x: canCreate ? 940 : 720 }}
          data-testid="org-table"
        />
      )}
      {actor && dialog?.kind === 'create' && (
        <OrgFormModal
          tree={orgs.data ?? []}
          actor={actor}
          parentId={dialog.parentId}
          onClose={() => setDialog(null)}
        />
      )}
      {actor && dialog?.kind === 'edit' && (
        <OrgFormModal tree={orgs.data ?? []} actor={actor} org={dialog.org} onClose={() => setDialog(null)} />
      )}
      {actor && dialog?.kind === 'move' && (
        <OrgMoveModal tree={orgs.data ?? []} actor={actor} org={dialog.org} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'deactivate' && (
        <OrgDeactivateModal org={dialog.org} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
