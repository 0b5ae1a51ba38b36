import { Alert, Checkbox, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PUSH_CHANNELS,
  type TCaseRecommendations,
  type TMatchPostSummary,
  type TPushChannel,
  type TPushResult,
} from '../../../domain/api/matching.ts';
import { usePush } from '../../api/matching.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { useZh } from './score-breakdown.tsx';

type TForm = { channels: TPushChannel[]; note: string };

const OUTCOME_COLORS: Record<string, string> = {
  sent: 'success',
  queued: 'processing',
  limited: 'warning',
  duplicate: 'default',
  failed: 'error',
};

/**
 * Push one post to the case's graduate: choose the channels (one the graduate can receive by default), add why, confirm. The answer
 * says per channel what happened — sent, queued, over today's limit, already pushed, failed — in the server's
 * own words, and the dialog stays open to show it.
 */
export function PushModal({
  caseId,
  graduateName,
  post,
  limit,
  reachable,
  onClose,
}: {
  caseId: string;
  graduateName: string;
  post: TMatchPostSummary | null;
  limit: TCaseRecommendations['pushLimit'] | undefined;
  /** the channels the graduate can receive: ticked by default, the others marked */
  reachable: TPushChannel[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const zh = useZh();
  const errorText = useServerErrorMessage();
  const [form] = Form.useForm<TForm>();
  const push = usePush(caseId);
  const [result, setResult] = useState<TPushResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setResult(null);
    setError(null);
    push.reset();
    onClose();
  };

  const onFinish = (v: TForm) => {
    if (!post) return;
    setError(null);
    push.mutate(
      { opportunityId: post.id, channels: v.channels, note: v.note?.trim() ?? '' },
      { onSuccess: setResult, onError: (e) => setError(errorText(e)) },
    );
  };

  return (
    <Modal
      open={post !== null}
      title={t('matching.push.title', { name: graduateName })}
      onCancel={close}
      onOk={result ? close : () => form.submit()}
      okText={result ? t('matching.push.close') : t('matching.push.confirm')}
      okButtonProps={{ loading: push.isPending }}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="push-modal"
    >
      {post && (
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('matching.push.post')}：</Typography.Text>
          <Typography.Text strong>{post.title}</Typography.Text>
          <Typography.Text type="secondary"> · {post.orgName}</Typography.Text>
        </Typography.Paragraph>
      )}
      {result ? (
        <Flex vertical gap={8} data-testid="push-result">
          <Typography.Text strong>{t('matching.push.resultTitle')}</Typography.Text>
          {result.outcomes.map((o) => (
            <Flex
              key={o.channel}
              gap={8}
              align="baseline"
              wrap
              data-testid="push-outcome"
              data-outcome={o.outcome}
            >
              <Typography.Text strong>{t(`matching.channels.${o.channel}`)}</Typography.Text>
              <Tag color={OUTCOME_COLORS[o.outcome]}>{t(`matching.pushStatuses.${o.outcome}`)}</Tag>
              <Typography.Text type="secondary">{zh ? o.messageZh : o.messageEn}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      ) : (
        <Form<TForm>
          form={form}
          layout="vertical"
          initialValues={{ channels: defaultChannels(reachable), note: '' }}
          onFinish={onFinish}
          disabled={push.isPending}
        >
          <Form.Item
            name="channels"
            label={t('matching.push.channels')}
            rules={[{ required: true, type: 'array', min: 1, message: t('matching.push.channelsRequired') }]}
          >
            <Checkbox.Group
              options={PUSH_CHANNELS.map((c) => ({
                value: c,
                label: reachable.includes(c)
                  ? t(`matching.channels.${c}`)
                  : `${t(`matching.channels.${c}`)}${t('matching.push.unreachable')}`,
              }))}
              data-testid="push-channels"
            />
          </Form.Item>
          <Form.Item name="note" label={t('matching.push.note')}>
            <Input.TextArea
              rows={2}
              maxLength={200}
              showCount
              placeholder={t('matching.push.notePlaceholder')}
              data-testid="push-note"
            />
          </Form.Item>
          {reachable.length === 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('matching.push.noneReachable')}
              style={{ marginBottom: 12 }}
            />
          )}
          {limit && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('matching.push.limitHint', { limit: limit.perDay, used: limit.usedToday })}
            </Typography.Paragraph>
          )}
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="push-error" />}
    </Modal>
  );
}

/** In-app when the graduate has an account, else the first channel that reaches them (none: nothing ticked). */
function defaultChannels(reachable: TPushChannel[]): TPushChannel[] {
  if (reachable.includes('in_app')) return ['in_app'];
  return reachable.slice(0, 1);
}
