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
import { serverPagination } from '../../components/server-pagination.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { formatDateTime } from '../cases/case-labels.ts';
import { ApplicationTag } from '../me/application-steps.tsx';

type TMove = { applicant: TApplicant; status: TOwnerSettableStatus };

/** The moves an applicant can take from where they stand, forward first and 不予录用 last. */
export function movesOf(status: TApplicationStatus): TOwnerSettableStatus[] {
  return OWNER_SETTABLE_STATUSES.filter((s) => canMoveApplication(status, s));
}

const isLevel = (l: string | null): l is '研究生' | '本科' | '专科' =>
  l === '研究生' || l === '本科' || l === '专科';
const isGender = (g: string): g is 'male' | 'female' | '男' | '女' =>
  ['male', 'female', '男', '女'].includes(g);

/**
 * The applicants of one of my posts: a masked profile of each (name, gender, level, major, university, cohort,
 * a masked mobile) and where they stand; each step on (面试 → 录用 → 入职, or 不予录用) is confirmed first.
 */
export function ApplicantsTable({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TApplicationStatus | 'all'>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [move, setMove] = useState<TMove | null>(null);
  const list = useApplicants(postId, { ...paging, status: status === 'all' ? undefined : status });
  const none = t('common.none');

  const columns: ColumnsType<TApplicant> = [
    { key: 'name', title: t('employerPortal.applicant.name'), width: 110, render: (_, a) => a.name },
    {
      key: 'gender',
      title: t('employerPortal.applicant.gender'),
      width: 60,
      render: (_, a) =>
        a.gender && isGender(a.gender) ? t(`graduates.genders.${a.gender}`) : (a.gender ?? none),
    },
    {
      key: 'level',
      title: t('employerPortal.applicant.level'),
      width: 70,
      render: (_, a) => (isLevel(a.level) ? t(`graduates.levels.${a.level}`) : (a.level ?? none)),
    },
    {
      key: 'major',
      title: t('employerPortal.applicant.major'),
      width: 230,
      render: (_, a) => (
        <Flex vertical>
          <Typography.Text>{a.majorName ?? none}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.universityName} · {t('employerPortal.applicant.cohortValue', { year: a.cohort })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'phone',
      title: t('employerPortal.applicant.phone'),
      width: 120,
      render: (_, a) => <span className="mono">{a.phoneMasked ?? none}</span>,
    },
    {
      key: 'appliedAt',
      title: t('employerPortal.applicant.appliedAt'),
      width: 140,
      render: (_, a) => formatDateTime(a.appliedAt),
    },
    {
      key: 'status',
      title: t('employerPortal.applicant.status'),
      width: 90,
      render: (_, a) => <ApplicationTag status={a.status} />,
    },
    {
      key: 'actions',
      title: t('employerPortal.applicant.actions'),
      width: 240,
      render: (_, a) => {
        const moves = movesOf(a.status);
        if (moves.length === 0)
          return <Typography.Text type="secondary">{t('employerPortal.applicant.final')}</Typography.Text>;
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
                {t(`employerPortal.applicant.moves.${s}`)}
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
      title={t('employerPortal.post.applicants')}
      extra={
        <Segmented<TApplicationStatus | 'all'>
          size="small"
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'all', label: t('employerPortal.post.filterAll') },
            ...APPLICATION_STATUSES.map((s) => ({
              value: s,
              label: t(`opportunities.applicationStatuses.${s}`),
            })),
          ]}
        />
      }
      data-testid="employer-applicants"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('employerPortal.post.privacy')}
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
          scroll={{ x: 1060 }}
          locale={{
            emptyText:
              status === 'all' ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('employerPortal.applicant.empty')}
                />
              ) : (
                <EmptyState filtered />
              ),
          }}
          onRow={(a) => ({ 'data-testid': 'applicant-row', 'data-status': a.status }) as object}
          pagination={serverPagination(
            t,
            { page: paging.page, pageSize: paging.pageSize, total: list.data?.total ?? 0 },
            (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
          )}
        />
      )}
      <MoveModal postId={postId} move={move} onClose={() => setMove(null)} />
    </Card>
  );
}

/** Confirm one step (with an optional note kept on record); the step's consequence is said before it is taken. */
function MoveModal({ postId, move, onClose }: { postId: string; move: TMove | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const mutation = useMoveApplicant(postId);
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
            t('employerPortal.applicant.moved', {
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
        move ? t(`employerPortal.applicant.confirm.${move.status}`, { name: move.applicant.name }) : undefined
      }
      onCancel={close}
      onOk={submit}
      okText={move ? t(`employerPortal.applicant.moves.${move.status}`) : undefined}
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
            {t(`employerPortal.applicant.confirmDetail.${move.status}`)}
          </Typography.Paragraph>
          <Input
            value={note}
            maxLength={500}
            placeholder={t('employerPortal.applicant.note')}
            onChange={(e) => setNote(e.target.value)}
            onPressEnter={submit}
          />
        </>
      )}
    </Modal>
  );
}
