import { Alert, App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TApplicationSource } from '../../../domain/opportunities/codes.ts';
import { isApiError } from '../../api/client.ts';
import { type TApplyRefusal, type TSelfOpportunity, useApply, useWithdraw } from '../../api/me.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { ApplicationSteps } from './application-steps.tsx';
import { useCardSize } from './card-size.ts';
import { formatDay } from './me-format.ts';

/** The refusal a 409 carries (`details.reason`, and the failing rules when not eligible), if it is one. */
export function refusalOf(error: unknown): TApplyRefusal | null {
  if (!isApiError(error, 409)) return null;
  const details = error.details as Partial<TApplyRefusal> | undefined;
  return typeof details?.reason === 'string' ? (details as TApplyRefusal) : null;
}

/** Why the graduate cannot apply, in plain words; each failing condition on its own line. */
function RefusalAlert({ refusal }: { refusal: TApplyRefusal }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const verdicts = refusal.verdicts ?? [];
  return (
    <Alert
      type="warning"
      showIcon
      title={t('meJobs.refusal.title')}
      description={
        <div data-testid="me-apply-refusal" data-reason={refusal.reason}>
          <Typography.Paragraph style={{ marginBottom: verdicts.length > 0 ? 4 : 0 }}>
            {t(`meJobs.refusal.${refusal.reason}`)}
          </Typography.Paragraph>
          {verdicts.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {verdicts.map((v) => (
                <li key={v.rule} data-testid="me-apply-reason">
                  {zh ? v.reasonZh : v.reasonEn}
                  {v.missing && (
                    <Typography.Text type="secondary"> {t('meJobs.refusal.missing')}</Typography.Text>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('meJobs.refusal.contact')}
          </Typography.Text>
        </div>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

/**
 * Apply (with a confirmation that says what the employer will see), or — once applied — where the
 * application stands, with a way to withdraw it while it is still open. Refusals say why.
 */
export function ApplyPanel({ data, source }: { data: TSelfOpportunity; source: TApplicationSource }) {
  const { t } = useTranslation();
  const size = useCardSize();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const apply = useApply();
  const withdraw = useWithdraw();
  const [refusal, setRefusal] = useState<TApplyRefusal | null>(null);
  const { opportunity: post, myApplication: mine } = data;
  const active = mine && mine.status !== 'withdrawn';
  const open = post.status === 'open' && !post.expired;

  const onApply = () =>
    apply.mutate(
      { opportunityId: post.id, source },
      {
        onSuccess: () => {
          setRefusal(null);
          void message.success(t('meJobs.detail.applied'));
        },
        onError: (error) => {
          const r = refusalOf(error);
          if (r) setRefusal(r);
          else void message.error(errorText(error));
        },
      },
    );

  const onWithdraw = (id: string) =>
    withdraw.mutate(id, {
      onSuccess: () => void message.success(t('meJobs.detail.withdrawn')),
      onError: (error) => void message.error(errorText(error)),
    });

  if (active) {
    const canWithdraw = ['applied', 'interview', 'offer'].includes(mine.status);
    return (
      <Card size={size} title={t('meJobs.detail.myStatus')} data-testid="me-my-application">
        <ApplicationSteps status={mine.status} />
        <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap="small">
          <Typography.Text type="secondary">
            {t('meJobs.detail.appliedOn', { date: formatDay(mine.createdAt) })}
          </Typography.Text>
          {canWithdraw && (
            <Popconfirm
              title={t('meJobs.detail.withdrawTitle')}
              description={<div style={{ maxWidth: 260 }}>{t('meJobs.detail.withdrawDetail')}</div>}
              okText={t('meJobs.detail.withdrawOk')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => onWithdraw(mine.id)}
            >
              <Button size="small" loading={withdraw.isPending} data-testid="me-withdraw">
                {t('meJobs.detail.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Card>
    );
  }

  return (
    <div data-testid="me-apply-panel">
      {refusal && <RefusalAlert refusal={refusal} />}
      {open ? (
        <Popconfirm
          title={t('meJobs.detail.applyTitle')}
          description={<div style={{ maxWidth: 260 }}>{t('meJobs.detail.applyDetail')}</div>}
          okText={t('meJobs.detail.applyOk')}
          cancelText={t('common.cancel')}
          onConfirm={onApply}
        >
          <Button type="primary" size="large" block loading={apply.isPending} data-testid="me-apply">
            {mine ? t('meJobs.detail.reapply') : t('meJobs.detail.apply')}
          </Button>
        </Popconfirm>
      ) : (
        <Alert type="info" showIcon title={t('meJobs.detail.notOpen')} data-testid="me-not-open" />
      )}
    </div>
  );
}
