import { SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  THandoverCase,
  THandoverPreview,
  THandoverRefusedDetails,
} from '../../../domain/api/handover.ts';
import { useCommitHandover, useHandoverPreview } from '../../api/handover.ts';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { refusedCases, summarizeSelection } from './handover-model.ts';

type TRefusal = { message: string; cases: THandoverRefusedDetails['cases'] };

/** The cohort's handover as it would happen now: counts, problems, the pickable list and the commit. */
export function HandoverPreview({ cohort }: { cohort: number }) {
  const { t } = useTranslation();
  const preview = useHandoverPreview(cohort);
  // nothing ticked at first: each graduate handed over is a decision (the page keys this component by cohort,
  // so a new cohort starts fresh; a refreshed preview drops ticks of cases it no longer lists)
  const [ticked, setTicked] = useState<Set<string>>(() => new Set());
  const [refusal, setRefusal] = useState<TRefusal | null>(null);

  if (preview.isPending) return <LoadingState />;
  if (preview.isError) return <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />;
  const data = preview.data;
  const selection = summarizeSelection(data.cases, ticked);

  return (
    <>
      {data.notYet && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('handover.notYetTitle', { cohort })}
          description={t('handover.notYetText', { date: data.leavingDate })}
          data-testid="handover-not-yet"
        />
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefusal(null) }}
          style={{ marginBottom: 16 }}
          title={t('handover.refusedTitle')}
          description={<RefusalList refusal={refusal} />}
          data-testid="handover-refused"
        />
      )}
      <PreviewStats data={data} />
      {data.problems.length > 0 && <ProblemList problems={data.problems} />}
      <Card
        size="small"
        title={t('handover.casesTitle')}
        extra={
          <Flex gap="middle" align="center" wrap>
            <Typography.Text type="secondary">
              {t('handover.selected', { count: selection.caseIds.length, total: data.cases.length })}
            </Typography.Text>
            <CommitButton
              cohort={cohort}
              data={data}
              selection={selection}
              onDone={() => {
                setTicked(new Set());
                setRefusal(null);
              }}
              onRefused={setRefusal}
            />
          </Flex>
        }
      >
        <CaseTable cases={data.cases} loading={preview.isFetching} ticked={ticked} onChange={setTicked} />
      </Card>
    </>
  );
}

function PreviewStats({ data }: { data: THandoverPreview }) {
  const { t } = useTranslation();
  const excluded = Object.entries(data.excluded).filter(([, n]) => n > 0) as [
    keyof THandoverPreview['excluded'],
    number,
  ][];
  const excludedTotal = excluded.reduce((sum, [, n]) => sum + n, 0);
  return (
    <>
      <div className="stat-grid" style={{ marginBottom: 16 }}>
        <Card size="small">
          <Statistic
            title={t('handover.stats.toHand')}
            value={data.cases.length}
            data-testid="handover-count"
          />
        </Card>
        <Card size="small">
          <Statistic title={t('handover.stats.counties')} value={data.byCounty.length} />
        </Card>
        <Card size="small">
          <Statistic
            title={t('handover.stats.problems')}
            value={data.problems.length}
            styles={{ content: data.problems.length > 0 ? { color: 'var(--ant-color-warning)' } : {} }}
          />
        </Card>
        <Card size="small">
          <Tooltip
            title={excluded
              .map(([k, n]) =>
                t('handover.excludedItem', { label: t(`handover.excludedReasons.${k}`), count: n }),
              )
              .join('；')}
          >
            <Statistic title={t('handover.stats.excluded')} value={excludedTotal} />
          </Tooltip>
        </Card>
      </div>
      {(data.byCounty.length > 0 || excluded.length > 0) && (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          {data.byCounty.length > 0 && (
            <Flex wrap gap={4} align="center">
              <Typography.Text type="secondary">{t('handover.byCounty')}：</Typography.Text>
              {data.byCounty.map((c) => (
                <Tooltip key={c.orgId} title={c.orgName}>
                  <Tag color="blue">
                    {t('handover.countyCount', { name: c.countyName ?? c.orgName, count: c.count })}
                  </Tag>
                </Tooltip>
              ))}
            </Flex>
          )}
          {excluded.length > 0 && (
            <Flex wrap gap={4} align="center">
              <Typography.Text type="secondary">{t('handover.stats.excluded')}：</Typography.Text>
              {excluded.map(([k, n]) => (
                <Tag key={k}>
                  {t('handover.excludedItem', { label: t(`handover.excludedReasons.${k}`), count: n })}
                </Tag>
              ))}
            </Flex>
          )}
        </Flex>
      )}
    </>
  );
}

function ProblemList({ problems }: { problems: THandoverPreview['problems'] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('handover.problemsTitle', { count: problems.length })}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t('handover.problemsHint')}
          </Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 200, overflow: 'auto' }}>
            {problems.map((p) => (
              <li key={p.caseId}>
                {t('handover.problemItem', {
                  name: p.name,
                  college: [p.collegeName, p.className].filter(Boolean).join(' ') || t('common.none'),
                  county: p.countyName ?? p.countyCode ?? t('handover.unknownCounty'),
                })}
              </li>
            ))}
          </ul>
        </>
      }
      data-testid="handover-problems"
    />
  );
}

function RefusalList({ refusal }: { refusal: TRefusal }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {refusal.cases.length > 0 ? t('handover.refusedHint') : refusal.message}
      </Typography.Paragraph>
      {refusal.cases.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 200, overflow: 'auto' }}>
          {refusal.cases.map((c) => (
            <li key={c.caseId}>
              {t('handover.refusedItem', {
                name: c.name ?? t('handover.unknownName'),
                reason: t(`handover.refusedReasons.${c.reason}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function CommitButton({
  cohort,
  data,
  selection,
  onDone,
  onRefused,
}: {
  cohort: number;
  data: THandoverPreview;
  selection: ReturnType<typeof summarizeSelection>;
  onDone: () => void;
  onRefused: (refusal: TRefusal) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const serverMessage = useServerErrorMessage();
  const commit = useCommitHandover();
  const count = selection.caseIds.length;
  const blocked = data.notYet
    ? t('handover.commitNotYet', { date: data.leavingDate })
    : count === 0
      ? t('handover.commitNone')
      : null;

  const run = () =>
    commit
      .mutateAsync({ cohort, caseIds: selection.caseIds })
      .then((batch) => {
        void message.success(t('handover.committed', { count: batch.caseCount }));
        onDone();
      })
      .catch((error: unknown) => {
        onRefused({ message: serverMessage(error), cases: refusedCases(error) ?? [] });
      });

  return (
    <Popconfirm
      title={t('handover.commitConfirm', { count, bureaus: selection.byBureau.length })}
      description={
        <div style={{ maxWidth: 380 }}>
          <Flex wrap gap={4} style={{ marginBottom: 8 }}>
            {selection.byBureau.map((b) => (
              <Tag key={b.orgId} color="blue">
                {t('handover.countyCount', { name: b.orgName, count: b.count })}
              </Tag>
            ))}
          </Flex>
          <Typography.Text type="secondary">{t('handover.commitDetail')}</Typography.Text>
        </div>
      }
      okText={t('handover.commit')}
      cancelText={t('common.cancel')}
      onConfirm={run}
      disabled={blocked !== null}
    >
      <Tooltip title={blocked}>
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={blocked !== null}
          loading={commit.isPending}
          data-testid="handover-commit"
        >
          {t('handover.commit')}
        </Button>
      </Tooltip>
    </Popconfirm>
  );
}

function CaseTable({
  cases,
  loading,
  ticked,
  onChange,
}: {
  cases: THandoverCase[];
  loading: boolean;
  ticked: Set<string>;
  onChange: (ticked: Set<string>) => void;
}) {
  const { t } = useTranslation();
  const none = t('common.none');
  const countyFilters = [
    ...new Map(cases.map((c) => [c.toOrgId, c.countyName ?? c.toOrgName ?? none])).entries(),
  ]
    .map(([value, text]) => ({ value: value ?? '', text }))
    .sort((a, b) => a.text.localeCompare(b.text, 'zh-CN'));
  const columns: TableColumnsType<THandoverCase> = [
    {
      title: t('handover.columns.name'),
      dataIndex: 'name',
      width: 110,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, c) => <Link to={`/cases/${c.caseId}`}>{name}</Link>,
    },
    {
      title: t('handover.columns.college'),
      key: 'college',
      render: (_, c) => [c.collegeName, c.className].filter(Boolean).join(' · ') || none,
      sorter: (a, b) => (a.collegeName ?? '').localeCompare(b.collegeName ?? '', 'zh-CN'),
    },
    { title: t('handover.columns.major'), dataIndex: 'majorName', render: (v: string | null) => v ?? none },
    {
      title: t('handover.columns.intention'),
      dataIndex: 'intention',
      width: 100,
      render: (v: THandoverCase['intention']) => (v ? t(`cases.intentions.${v}`) : none),
    },
    {
      title: t('handover.columns.county'),
      key: 'county',
      render: (_, c) => c.countyName ?? c.countyCode ?? none,
      filters: countyFilters,
      onFilter: (value, c) => (c.toOrgId ?? '') === value,
    },
    { title: t('handover.columns.bureau'), dataIndex: 'toOrgName', render: (v: string | null) => v ?? none },
  ];
  return (
    <Table<THandoverCase>
      rowKey="caseId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={cases}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('handover.nothingToHand')} />,
      }}
      pagination={{
        defaultPageSize: 20,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { count: n }),
      }}
      rowSelection={{
        selectedRowKeys: cases.filter((c) => ticked.has(c.caseId)).map((c) => c.caseId),
        onChange: (keys) => onChange(new Set(keys.map(String))),
        preserveSelectedRowKeys: true,
      }}
      scroll={{ x: 800 }}
      data-testid="handover-cases"
    />
  );
}
