import {
  App,
  Button,
  type ButtonProps,
  Card,
  Empty,
  Flex,
  Input,
  Modal,
  Segmented,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
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
import { useApplicants, useMoveApplicant } from '../../api/employer-portal.ts';
import { useMoveApplication, useOpportunityApplicants } from '../../api/opportunities.ts';
import { RowCards, useIsPhone } from '../../components/row-cards.tsx';
import { serverPagination } from '../../components/server-pagination.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { formatDateTime } from '../cases/case-labels.ts';
import { ApplicationTag } from '../me/application-steps.tsx';

/*
 * The applicants of a post, for whoever owns it: an employer in its portal (/api/employer/…) and a department
 * on the staff post page (/api/opportunities/…, /api/applications/…). Both read the same masked profile and move
 * an applicant on the same way; what differs is the API behind the hooks, the test id and a few words
 * (投递 for employers, 报名 for staff).
 */

const AUDIENCES = {
  employer: {
    useList: useApplicants,
    useMove: useMoveApplicant,
    testId: 'employer-applicants',
    title: 'employerPortal.post.applicants',
    privacy: 'employerPortal.post.privacy',
    appliedAt: 'employerPortal.post.appliedAt',
    empty: 'employerPortal.post.empty',
    marginTop: 0,
  },
  staff: {
    useList: useOpportunityApplicants,
    useMove: useMoveApplication,
    testId: 'post-applicants',
    title: 'opportunities.applicants.title',
    privacy: 'opportunities.applicants.privacy',
    appliedAt: 'opportunities.applicants.appliedAt',
    empty: 'opportunities.applicants.empty',
    marginTop: 16,
  },
} as const;
export type TApplicantsAudience = keyof typeof AUDIENCES;

type TMove = { applicant: TApplicant; status: TOwnerSettableStatus };

/** The moves an applicant can take from where they stand, forward first and 不予录用 last. */
function movesOf(status: TApplicationStatus): TOwnerSettableStatus[] {
  return OWNER_SETTABLE_STATUSES.filter((s) => canMoveApplication(status, s));
}

const isLevel = (l: string | null): l is '研究生' | '本科' | '专科' =>
  l === '研究生' || l === '本科' || l === '专科';
const isGender = (g: string): g is 'male' | 'female' | '男' | '女' =>
  ['male', 'female', '男', '女'].includes(g);

/**
 * A masked profile of each applicant (name, gender, level, major, university, cohort, a masked mobile) and where
 * they stand, filtered by status; each step on (面试 → 录用 → 入职, or 不予录用) is confirmed first.
 * `audience` is fixed for a mounted table (it picks the hooks).
 */
export function ApplicantsTable({ postId, audience }: { postId: string; audience: TApplicantsAudience }) {
  const { t } = useTranslation();
  const source = AUDIENCES[audience];
  const [status, setStatus] = useState<TApplicationStatus | 'all'>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [move, setMove] = useState<TMove | null>(null);
  const list = source.useList(postId, { ...paging, status: status === 'all' ? undefined : status });
  const mutation = source.useMove(postId);
  const none = t('common.none');
  const phone = useIsPhone();
  const empty =
    status === 'all' ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(source.empty)} />
    ) : (
      <EmptyState filtered />
    );
  const pagination = serverPagination(
    t,
    { page: paging.page, pageSize: paging.pageSize, total: list.data?.total ?? 0 },
    (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
  );

  const columns: ColumnsType<TApplicant> = [
    { key: 'name', title: t('opportunities.applicants.name'), width: 110, render: (_, a) => a.name },
    {
      key: 'gender',
      title: t('opportunities.applicants.gender'),
      width: 60,
      render: (_, a) =>
        a.gender && isGender(a.gender) ? t(`graduates.genders.${a.gender}`) : (a.gender ?? none),
    },
    {
      key: 'level',
      title: t('opportunities.applicants.level'),
      width: 70,
      render: (_, a) => (isLevel(a.level) ? t(`graduates.levels.${a.level}`) : (a.level ?? none)),
    },
    {
      key: 'major',
      title: t('opportunities.applicants.major'),
      width: 230,
      render: (_, a) => (
        <Flex vertical>
          <Typography.Text>{a.majorName ?? none}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.universityName} · {t('opportunities.applicants.cohortValue', { year: a.cohort })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'phone',
      title: t('opportunities.applicants.phone'),
      width: 120,
      render: (_, a) => <span className="mono">{a.phoneMasked ?? none}</span>,
    },
    {
      key: 'appliedAt',
      title: t(source.appliedAt),
      width: 140,
      render: (_, a) => formatDateTime(a.appliedAt),
    },
    {
      key: 'status',
      title: t('opportunities.applicants.status'),
      width: 90,
      render: (_, a) => <ApplicationTag status={a.status} />,
    },
    {
      key: 'actions',
      title: t('opportunities.applicants.actions'),
      width: 240,
      render: (_, a) => {
        const moves = movesOf(a.status);
        if (moves.length === 0)
          return <Typography.Text type="secondary">{t('opportunities.applicants.final')}</Typography.Text>;
        return (
          <Flex wrap>
            {moves.map((s) => (
              <Button
                key={s}
                type="link"
                size="small"
                danger={s === 'rejected'}
                onClick={() => setMove({ applicant: a, status: s })}
                data-testid={`applicant-move-${s}`}
              >
                {t(`opportunities.applicants.moves.${s}`)}
              </Button>
            ))}
          </Flex>
        );
      },
    },
  ];

  return (
    <Card
      size="small"
      title={t(source.title)}
      style={source.marginTop ? { marginTop: source.marginTop } : undefined}
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
      data-testid={source.testId}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(source.privacy)}
      </Typography.Paragraph>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : phone ? (
        <RowCards<TApplicant>
          columns={columns}
          dataSource={list.data?.items ?? []}
          rowKey={(a) => a.id}
          loading={list.isFetching}
          empty={empty}
          pagination={pagination}
          data-testid="applicant-cards"
        />
      ) : (
        <Table<TApplicant>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1060 }}
          locale={{ emptyText: empty }}
          onRow={(a) => ({ 'data-testid': 'applicant-row', 'data-status': a.status }) as object}
          pagination={pagination}
        />
      )}
      <MoveModal mutation={mutation} move={move} onClose={() => setMove(null)} />
    </Card>
  );
}

type TMoveMutation = ReturnType<typeof useMoveApplicant> | ReturnType<typeof useMoveApplication>;

/** Confirm one step (with an optional note kept on record); the step's consequence is said before it is taken. */
function MoveModal({
  mutation,
  move,
  onClose,
}: {
  mutation: TMoveMutation;
  move: TMove | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const [note, setNote] = useState('');
  const close = () => {
    setNote('');
    onClose();
  };
  const submit = () => {
    if (!move) return;
    mutation.mutate(
      {
        id: move.applicant.id,
        body: { status: move.status, version: move.applicant.version, note: note.trim() },
      },
      {
        onSuccess: (a) => {
          void message.success(
            t('opportunities.applicants.moved', {
              status: t(`opportunities.applicationStatuses.${a.status}`),
            }),
          );
          close();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };
  return (
    <Modal
      open={move !== null}
      title={
        move ? t(`opportunities.applicants.confirm.${move.status}`, { name: move.applicant.name }) : undefined
      }
      onCancel={close}
      onOk={submit}
      okText={move ? t(`opportunities.applicants.moves.${move.status}`) : undefined}
      okButtonProps={
        {
          danger: move?.status === 'rejected',
          loading: mutation.isPending,
          'data-testid': 'applicant-move-confirm',
        } as ButtonProps
      }
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="applicant-move-modal"
    >
      {move && (
        <>
          <Typography.Paragraph>
            {t(`opportunities.applicants.confirmDetail.${move.status}`)}
          </Typography.Paragraph>
          <Input
            value={note}
            maxLength={500}
            placeholder={t('opportunities.applicants.note')}
            onChange={(e) => setNote(e.target.value)}
            onPressEnter={submit}
          />
        </>
      )}
    </Modal>
  );
}
