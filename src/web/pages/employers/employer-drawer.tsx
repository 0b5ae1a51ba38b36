import { CheckCircleTwoTone, WarningTwoTone } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Popconfirm,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEmployer } from '../../../domain/api/opportunities.ts';
import { EMPLOYER_TAGS, type TEmployerTag } from '../../../domain/opportunities/codes.ts';
import { parseCreditCode } from '../../../domain/opportunities/credit-code.ts';
import { useEmployer, useReviewEmployer } from '../../api/opportunities.ts';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { EmployerTags } from '../opportunities/opportunity-tags.tsx';
import { natureLabel } from './employer-labels.ts';
import { EmployerStatusTag } from './employer-table.tsx';

/** One employer's registration and its review (approve, or reject with a reason). */
export function EmployerDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const employer = useEmployer(id);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={560}
      title={employer.data?.name ?? t('employers.detail.title')}
      destroyOnHidden
      data-testid="employer-drawer"
    >
      {employer.isPending ? (
        <LoadingState />
      ) : employer.isError ? (
        <ErrorState error={employer.error} onRetry={() => void employer.refetch()} />
      ) : (
        <>
          <EmployerFacts employer={employer.data} />
          <Divider />
          <ReviewForm key={`${employer.data.orgId}:${employer.data.status}`} employer={employer.data} />
        </>
      )}
    </Drawer>
  );
}

function EmployerFacts({ employer: e }: { employer: TEmployer }) {
  const { t, i18n } = useTranslation();
  const credit = parseCreditCode(e.creditCode);
  const none = t('common.none');
  const nature = natureLabel(t, e.natureCode);
  return (
    <Descriptions column={1} size="small" bordered data-testid="employer-facts">
      <Descriptions.Item label={t('employers.detail.status')}>
        <EmployerStatusTag status={e.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('employers.detail.creditCode')}>
        <Flex vertical gap={2}>
          <Typography.Text className="mono" copyable>
            {e.creditCode}
          </Typography.Text>
          {credit.ok ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <CheckCircleTwoTone twoToneColor="#52c41a" /> {t('employers.detail.creditCheck')} ·{' '}
              {t('employers.detail.registrationRegion', { code: credit.regionCode })}
            </Typography.Text>
          ) : (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              <WarningTwoTone twoToneColor="#ff4d4f" />{' '}
              {t('employers.detail.creditBad', {
                message: i18n.language.startsWith('zh') ? credit.messageZh : credit.messageEn,
              })}
            </Typography.Text>
          )}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('employers.detail.region')}>
        {e.regionName ?? none}{' '}
        <Typography.Text type="secondary" className="mono">
          {e.regionCode}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('employers.detail.industry')}>
        {t(`cases.industries.${e.industry}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('employers.detail.nature')}>
        {nature}{' '}
        <Typography.Text type="secondary" className="mono">
          {e.natureCode}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('employers.detail.size')}>
        {t(`employers.sizes.${e.size}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('employers.detail.tags')}>
        {e.tags.length ? <EmployerTags tags={e.tags} /> : t('employers.detail.noTags')}
      </Descriptions.Item>
      <Descriptions.Item label={t('employers.detail.contact')}>{e.contactName}</Descriptions.Item>
      <Descriptions.Item label={t('employers.detail.phone')}>
        <span className="mono">{e.contactPhone}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('employers.detail.createdAt')}>
        {dayjs(e.createdAt).format('YYYY-MM-DD HH:mm')}
      </Descriptions.Item>
      <Descriptions.Item label={t('employers.detail.openPosts')}>{e.openPosts}</Descriptions.Item>
      {e.reviewedAt && (
        <Descriptions.Item label={t('employers.detail.reviewedBy')}>
          {e.reviewedByName ?? none} · {dayjs(e.reviewedAt).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
      )}
      {e.reviewNote && (
        <Descriptions.Item label={t('employers.detail.reviewNote')}>{e.reviewNote}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

type TReviewForm = { note?: string; tags: TEmployerTag[] };

/** Approve or reject, each after a confirmation; a reviewed employer can be reviewed again (e.g. to add a tag). */
function ReviewForm({ employer: e }: { employer: TEmployer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const review = useReviewEmployer();
  const [form] = Form.useForm<TReviewForm>();
  const [error, setError] = useState<string | null>(null);
  const [again, setAgain] = useState(false);
  // the note is required only for a rejection: the validator reads which button was pressed
  const rejectIntent = useRef(false);

  const submit = (decision: 'approve' | 'reject') => {
    setError(null);
    const { note = '', tags } = form.getFieldsValue();
    review.mutate(
      { id: e.orgId, body: { decision, note: note.trim(), tags } },
      {
        onSuccess: () =>
          void message.success(
            decision === 'approve'
              ? t('employers.review.approved', { name: e.name })
              : t('employers.review.rejected', { name: e.name }),
          ),
        onError: (err) => setError(errorText(err)),
      },
    );
  };
  // a rejection needs its reason before the confirmation is even offered
  const checkNote = async () => {
    try {
      await form.validateFields(['note']);
      return true;
    } catch {
      return false;
    }
  };
  const [rejectOpen, setRejectOpen] = useState(false);

  if (e.status !== 'pending' && !again) {
    return (
      <Button onClick={() => setAgain(true)} data-testid="employer-review-again">
        {t('employers.review.reReview')}
      </Button>
    );
  }
  return (
    <Form<TReviewForm>
      form={form}
      layout="vertical"
      initialValues={{ note: '', tags: e.tags }}
      disabled={review.isPending}
      data-testid="employer-review"
    >
      <Form.Item name="tags" label={t('employers.review.tags')} extra={t('employers.review.tagsHint')}>
        <Checkbox.Group
          options={EMPLOYER_TAGS.map((tag) => ({ value: tag, label: t(`employers.tags.${tag}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('employers.review.note')}
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              if (rejectIntent.current && (v?.trim().length ?? 0) < 2)
                throw new Error(t('employers.review.noteRequired'));
            },
          },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('employers.review.notePlaceholder')}
          data-testid="employer-review-note"
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Flex gap="small" align="center" wrap>
        <Popconfirm
          title={t('employers.review.approveConfirm', { name: e.name })}
          description={t('employers.review.approveDetail')}
          okText={t('employers.review.approve')}
          onConfirm={() => submit('approve')}
        >
          <Button
            type="primary"
            loading={review.isPending}
            onClick={() => {
              rejectIntent.current = false;
              void form.validateFields(['note']);
            }}
            data-testid="employer-approve"
          >
            {t('employers.review.approve')}
          </Button>
        </Popconfirm>
        <Popconfirm
          open={rejectOpen}
          onOpenChange={(open) => !open && setRejectOpen(false)}
          title={t('employers.review.rejectConfirm', { name: e.name })}
          description={t('employers.review.rejectDetail')}
          okText={t('employers.review.reject')}
          okButtonProps={{ danger: true }}
          onConfirm={() => {
            setRejectOpen(false);
            submit('reject');
          }}
          onCancel={() => setRejectOpen(false)}
        >
          <Button
            danger
            loading={review.isPending}
            onClick={async () => {
              rejectIntent.current = true;
              if (await checkNote()) setRejectOpen(true);
            }}
            data-testid="employer-reject"
          >
            {t('employers.review.reject')}
          </Button>
        </Popconfirm>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('employers.review.audited')}
        </Typography.Text>
      </Flex>
    </Form>
  );
}
