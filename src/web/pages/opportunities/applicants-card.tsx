import { App, Button, Card, Form, Input, Modal, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TApplicant } from '../../../domain/api/opportunities.ts';
import {
  APPLICATION_STATUSES,
  canMoveApplication,
  OWNER_SETTABLE_STATUSES,
  type TApplicationStatus,
  type TOwnerSettableStatus,
} from '../../../domain/opportunities/codes.ts';
import { useMoveApplication, useOpportunityApplicants } from '../../api/opportunities.ts';
import { serverPagination } from '../../components/server-pagination.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';

const STATUS_COLORS: Record<TApplicationStatus, string> = {
  applied: 'processing',
  interview: 'cyan',
  offer: 'gold',
  hired: 'success',
  rejected: 'default',
  withdrawn: 'default',
};

export function ApplicationStatusTag({ status }: { status: TApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`opportunities.applicationStatuses.${status}`)}
    </Tag>
  );
}

/** The applicants of a post my organisation owns: masked profiles, moved on through the funnel. */
export function ApplicantsCard({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TApplicationStatus | 'all'>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [moving, setMoving] = useState<TApplicant | null>(null);
  const list = useOpportunityApplicants(
    postId,
    { ...paging, status: status === 'all' ? undefined : status },
    true,
  );
  const none = t('common.none');
  const columns: ColumnsType<TApplicant> = [
    { key: 'name', title: t('opportunities.applicants.name'), width: 100, render: (_, a) => a.name },
    {
      key: 'gender',
      title: t('opportunities.applicants.gender'),
      width: 60,
      render: (_, a) =>
        a.gender === 'male' || a.gender === 'female' || a.gender === '男' || a.gender === '女'
          ? t(`graduates.genders.${a.gender}`)
          : (a.gender ?? none),
    },
    {
      key: 'level',
      title: t('opportunities.applicants.level'),
      width: 80,
      render: (_, a) =>
        a.level === '研究生' || a.level === '本科' || a.level === '专科'
          ? t(`graduates.levels.${a.level}`)
          : (a.level ?? none),
    },
    {
      key: 'major',
      title: t('opportunities.applicants.major'),
      width: 160,
      render: (_, a) => a.majorName ?? none,
    },
    {
      key: 'university',
      title: t('opportunities.applicants.university'),
      width: 160,
      render: (_, a) => a.universityName,
    },
    { key: 'cohort', title: t('opportunities.applicants.cohort'), width: 80, render: (_, a) => a.cohort },
    {
      key: 'phone',
      title: t('opportunities.applicants.phone'),
      width: 130,
      render: (_, a) => <span className="mono">{a.phoneMasked ?? none}</span>,
    },
    {
      key: 'appliedAt',
      title: t('opportunities.applicants.appliedAt'),
      width: 140,
      render: (_, a) => dayjs(a.appliedAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'status',
      title: t('opportunities.applicants.status'),
      width: 90,
      render: (_, a) => <ApplicationStatusTag status={a.status} />,
    },
    {
      key: 'actions',
      title: t('opportunities.col.actions'),
      width: 100,
      fixed: 'end',
      render: (_, a) =>
        OWNER_SETTABLE_STATUSES.some((s) => canMoveApplication(a.status, s)) ? (
          <Button type="link" size="small" onClick={() => setMoving(a)} data-testid="applicant-move">
            {t('opportunities.applicants.move')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card
      size="small"
      title={t('opportunities.applicants.title')}
      style={{ marginTop: 16 }}
      extra={
        <Segmented<TApplicationStatus | 'all'>
          size="small"
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'all', label: t('opportunities.applicants.all') },
            ...APPLICATION_STATUSES.map((s) => ({
              value: s,
              label: t(`opportunities.applicationStatuses.${s}`),
            })),
          ]}
        />
      }
      data-testid="post-applicants"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('opportunities.applicants.privacy')}
      </Typography.Paragraph>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<TApplicant>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <EmptyState filtered={status !== 'all'} /> }}
          pagination={serverPagination(
            t,
            { page: paging.page, pageSize: paging.pageSize, total: list.data?.total ?? 0 },
            (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
          )}
        />
      )}
      <MoveModal postId={postId} applicant={moving} onClose={() => setMoving(null)} />
    </Card>
  );
}

type TMoveForm = { status: TOwnerSettableStatus; note?: string };

function MoveModal({
  postId,
  applicant,
  onClose,
}: {
  postId: string;
  applicant: TApplicant | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const [form] = Form.useForm<TMoveForm>();
  const move = useMoveApplication(postId);
  const next = applicant
    ? OWNER_SETTABLE_STATUSES.filter((s) => canMoveApplication(applicant.status, s))
    : [];
  const onFinish = (v: TMoveForm) =>
    applicant &&
    move.mutate(
      {
        id: applicant.id,
        body: { status: v.status, version: applicant.version, note: v.note?.trim() ?? '' },
      },
      {
        onSuccess: () => {
          void message.success(t('opportunities.applicants.moved'));
          onClose();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  return (
    <Modal
      open={applicant !== null}
      title={applicant ? t('opportunities.applicants.moveTitle', { name: applicant.name }) : undefined}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: move.isPending }}
      destroyOnHidden
    >
      <Form<TMoveForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ status: next[0] }}
        clearOnDestroy
      >
        <Form.Item name="status" label={t('opportunities.applicants.status')} rules={[{ required: true }]}>
          <Select
            autoFocus
            options={next.map((s) => ({ value: s, label: t(`opportunities.applicationStatuses.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('opportunities.applicants.moveNote')}>
          <Input maxLength={500} onPressEnter={() => form.submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
