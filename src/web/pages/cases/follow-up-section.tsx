import { LockOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  List,
  Radio,
  Row,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';
import { canSeePrivateNotes } from '../../../domain/ledger/access.ts';
import { FOLLOW_UP_METHODS, type TFollowUpMethod } from '../../../domain/ledger/codes.ts';
import { useCaseEdit, useCaseEvents } from '../../api/cases.ts';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { codeLabel, formatDate } from './case-labels.ts';
import { notInFuture, toIsoDate } from './measure-select.tsx';
import { submitOnCtrlEnter } from './submit-keys.ts';

type TForm = {
  date: Dayjs;
  method: TFollowUpMethod;
  content: string;
  nextDue?: Dayjs | null;
  private: boolean;
};

/**
 * 跟踪服务: log a contact (date, method, content, when to follow up next) and read the earlier ones.
 * Psychological-support notes can only be written and read by the counselor and the university admin.
 */
export function FollowUpSection({ detail, readOnly }: { detail: TCaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const me = useCurrentUser();
  const canPrivate = canSeePrivateNotes(me.roles);
  const [form] = Form.useForm<TForm>();
  const date = Form.useWatch('date', form);
  const edit = useCaseEdit(detail.id);
  const history = useCaseEvents(detail.id, { kind: 'follow_up', page: 1, pageSize: 50 });

  const onFinish = (v: TForm) =>
    edit.mutate(
      {
        path: '/follow-ups',
        method: 'POST',
        body: {
          date: toIsoDate(v.date),
          method: v.method,
          content: v.content.trim(),
          nextDue: v.nextDue ? toIsoDate(v.nextDue) : null,
          private: canPrivate && v.private,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('cases.followUp.added'));
          form.resetFields();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );

  return (
    <>
      {detail.nextFollowUpDue && (
        <Typography.Paragraph type="secondary">
          {t('cases.followUp.next', { date: formatDate(detail.nextFollowUpDue) })}
        </Typography.Paragraph>
      )}
      {!readOnly && (
        <Form<TForm>
          form={form}
          layout="vertical"
          initialValues={{ date: dayjs(), method: 'phone', private: false }}
          onFinish={onFinish}
          data-testid="follow-up-form"
        >
          <Row gutter={16}>
            <Col xs={24} sm={8}>
              <Form.Item name="date" label={t('cases.followUp.date')} rules={[{ required: true }]}>
                <DatePicker disabledDate={notInFuture} allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={16}>
              <Form.Item name="method" label={t('cases.followUp.method')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={FOLLOW_UP_METHODS.map((m) => ({
                    value: m,
                    label: t(`cases.followUpMethods.${m}`),
                  }))}
                  data-testid="follow-up-method"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="content"
            label={t('cases.followUp.content')}
            rules={[{ required: true, whitespace: true, message: t('cases.followUp.contentRequired') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={2000}
              showCount
              placeholder={t('cases.followUp.contentPlaceholder')}
              onKeyDown={submitOnCtrlEnter(form)}
              data-testid="follow-up-content"
            />
          </Form.Item>
          <Row gutter={16} align="bottom">
            <Col xs={24} sm={8}>
              <Form.Item
                name="nextDue"
                label={t('cases.followUp.nextDue')}
                extra={t('cases.followUp.nextDueHint')}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isBefore(date ?? dayjs(), 'day')}
                  data-testid="follow-up-next"
                />
              </Form.Item>
            </Col>
            {canPrivate && (
              <Col xs={24} sm={16}>
                <Form.Item label=" " colon={false} extra=" ">
                  <Space size="small">
                    <Form.Item name="private" valuePropName="checked" noStyle>
                      <Switch aria-label={t('cases.followUp.private')} data-testid="follow-up-private" />
                    </Form.Item>
                    <LockOutlined />
                    <Typography.Text>{t('cases.followUp.private')}</Typography.Text>
                  </Space>
                </Form.Item>
              </Col>
            )}
          </Row>
          <Button type="primary" htmlType="submit" loading={edit.isPending} data-testid="follow-up-submit">
            {t('cases.followUp.submit')}
          </Button>
        </Form>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('cases.followUp.history')}
      </Typography.Title>
      <List
        size="small"
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        locale={{ emptyText: t('cases.followUp.none') }}
        data-testid="follow-up-history"
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {e.occurredOn ?? formatDate(e.at)} · {codeLabel(t, 'followUpMethods', e.data.method)} ·{' '}
                  <Typography.Text type="secondary">
                    {e.actorName ?? t('cases.timeline.system')}
                  </Typography.Text>
                  {e.private && (
                    <Tag icon={<LockOutlined />} color="purple" style={{ marginInlineStart: 8 }}>
                      {t('cases.timeline.private')}
                    </Tag>
                  )}
                </>
              }
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{String(e.data.content ?? '')}</div>
                  {typeof e.data.nextDue === 'string' && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('cases.timeline.nextDue', { date: e.data.nextDue })}
                    </Typography.Text>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
