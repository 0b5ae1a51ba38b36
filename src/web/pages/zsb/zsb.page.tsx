import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Progress, Select, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TZsbReportRowApi } from '../../../domain/api/opportunities.ts';
import { toProvinceCode } from '../../../domain/orgs.ts';
import { hasPermission } from '../../../domain/roles.ts';
import { useZsbReport } from '../../api/opportunities.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { ErrorState } from '../../components/states.tsx';
import { cohortYears, DEFAULT_COHORT } from '../imports/import-model.ts';
import { ZsbChart } from './zsb-chart.tsx';
import { fillPercent, percentOfBp } from './zsb-model.ts';
import { type TRatioTarget, ZsbRatioModal } from './zsb-ratio-modal.tsx';

const COHORTS = cohortYears(dayjs().year());

function cohortOf(params: URLSearchParams): number {
  const n = Number(params.get('cohort'));
  return params.has('cohort') && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : DEFAULT_COHORT;
}

/**
 * 专升本专项计划: per province for a cohort, the base (local 高职 target graduates), the ratio, the quota it gives,
 * applicants and admissions, as a table and a chart; ratios are set here by those who manage the plan.
 */
export function ZsbPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const cohort = cohortOf(params);
  const report = useZsbReport(cohort);
  const [target, setTarget] = useState<TRatioTarget | null>(null);
  const canSet = hasPermission(me.roles, 'zsb.manage');
  // the ministry sets any province; a provincial department its own (zsb.service.ts)
  const ownProvinces =
    me.roles.includes('ministry') || !me.org.regionCode ? null : [toProvinceCode(me.org.regionCode)];
  const rows = report.data?.rows ?? [];
  // the chart compares places with demand: provinces with neither say nothing there (the table lists them)
  const charted = rows.filter((r) => (r.quota ?? 0) > 0 || r.applicants > 0 || r.admitted > 0);

  return (
    <>
      <PageHeader
        title={t('nav.zsb')}
        extra={
          <Flex gap="small" wrap>
            <Select
              value={cohort}
              onChange={(c) => setParams(c === DEFAULT_COHORT ? {} : { cohort: String(c) })}
              options={COHORTS.map((year) => ({
                value: year,
                label: t('opportunities.cohortOption', { year }),
              }))}
              style={{ width: 120 }}
              aria-label={t('opportunities.zsb.cohort')}
              data-testid="zsb-cohort"
            />
            {canSet && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() =>
                  setTarget({
                    provinceCode: ownProvinces?.length === 1 ? ownProvinces[0]! : null,
                    cohort,
                    ratioBp: null,
                  })
                }
                data-testid="zsb-set"
              >
                {t('opportunities.zsb.setRatio')}
              </Button>
            )}
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">
        {t('opportunities.zsb.intro')} {!canSet && t('opportunities.zsb.readOnly')}
      </Typography.Paragraph>
      {report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.isPending && rows.length === 0 ? (
        <Card>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <div>{t('opportunities.zsb.empty')}</div>
                <Typography.Text type="secondary">{t('opportunities.zsb.emptyHint')}</Typography.Text>
              </>
            }
            data-testid="zsb-empty"
          />
        </Card>
      ) : (
        <>
          {charted.length > 0 && <ZsbChart rows={charted} />}
          <ZsbTable
            rows={rows}
            total={report.data?.total}
            loading={report.isFetching}
            onEdit={
              canSet
                ? (r) => setTarget({ provinceCode: r.provinceCode, cohort, ratioBp: r.ratioBp })
                : undefined
            }
          />
        </>
      )}
      <ZsbRatioModal
        target={target}
        rows={rows}
        provinceCodes={ownProvinces}
        onClose={() => setTarget(null)}
      />
    </>
  );
}

type TTotal = NonNullable<ReturnType<typeof useZsbReport>['data']>['total'];

function ZsbTable({
  rows,
  total,
  loading,
  onEdit,
}: {
  rows: TZsbReportRowApi[];
  total: TTotal | undefined;
  loading: boolean;
  onEdit?: (row: TZsbReportRowApi) => void;
}) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('opportunities.zsb.noPlan')}</Typography.Text>;
  const num = (v: number | null) => (v === null ? none : <span className="mono">{v}</span>);
  const fill = (rate: number | null) =>
    rate === null ? none : <Progress percent={fillPercent(rate)} size="small" format={(p) => `${p}%`} />;
  const columns: TableColumnsType<TZsbReportRowApi> = [
    { key: 'province', title: t('opportunities.zsb.province'), width: 190, render: (_, r) => r.provinceName },
    {
      key: 'base',
      title: t('opportunities.zsb.base'),
      width: 150,
      align: 'right',
      render: (_, r) => num(r.base),
    },
    {
      key: 'ratio',
      title: t('opportunities.zsb.ratio'),
      width: 150,
      render: (_, r) => (
        <Flex gap="small" align="center">
          {r.ratioBp === null ? none : <span className="mono">{percentOfBp(r.ratioBp)}</span>}
          {onEdit && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => onEdit(r)}
              aria-label={`${r.ratioBp === null ? t('opportunities.zsb.setRatio') : t('opportunities.zsb.editRatio')} ${r.provinceName}`}
              data-testid={`zsb-edit-${r.provinceCode}`}
            >
              {r.ratioBp === null ? t('opportunities.zsb.setRatio') : t('opportunities.zsb.editRatio')}
            </Button>
          )}
        </Flex>
      ),
    },
    {
      key: 'quota',
      title: t('opportunities.zsb.quota'),
      width: 100,
      align: 'right',
      render: (_, r) => num(r.quota),
    },
    {
      key: 'applicants',
      title: t('opportunities.zsb.applicants'),
      width: 100,
      align: 'right',
      render: (_, r) => num(r.applicants),
    },
    {
      key: 'admitted',
      title: t('opportunities.zsb.admitted'),
      width: 100,
      align: 'right',
      render: (_, r) => num(r.admitted),
    },
    { key: 'fill', title: t('opportunities.zsb.fillRate'), width: 160, render: (_, r) => fill(r.fillRate) },
    {
      key: 'remaining',
      title: t('opportunities.zsb.remaining'),
      width: 100,
      align: 'right',
      render: (_, r) => num(r.remaining),
    },
  ];
  return (
    <Table<TZsbReportRowApi>
      rowKey="provinceCode"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1000 }}
      data-testid="zsb-table"
      summary={() =>
        total && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('opportunities.zsb.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {num(total.base)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
            <Table.Summary.Cell index={3} align="right">
              {num(total.quota)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {num(total.applicants)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              {num(total.admitted)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6}>{fill(total.fillRate)}</Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              {num(total.remaining)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )
      }
    />
  );
}
