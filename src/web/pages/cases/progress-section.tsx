import { App, Button, Col, DatePicker, Form, Input, List, Radio, Row, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';
import { PROGRESS_KINDS, type TProgressKind } from '../../../domain/ledger/codes.ts';
import { useCaseEdit, useCaseEvents } from '../../api/cases.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { codeLabel, formatDate } from './case-labels.ts';
import { notInFuture, toIsoDate } from './measure-select.tsx';

type TForm = { kind: TProgressKind; employer: string; post?: string; date: Dayjs; note?: string };

const KIND_COLORS: Record<string, string> = {
  application: 'blue',
  interview: 'gold',
  offer: 'green',
  rejected: 'default',
};

/** 求职进展: applications, interviews, offers and refusals, newest first. */
export function ProgressSection({ detail, readOnly }: { detail: TCaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const [form] = Form.useForm<TForm>();
  const edit = useCaseEdit(detail.id);
  const history = useCaseEvents(detail.id, { kind: 'progress', page: 1, pageSize: 50 });

  const onFinish = (v: TForm) =>
    edit.mutate(
      {
        path: '/progress',
        method: 'POST',
        body: {
          kind: v.kind,
          employer: v.employer.trim(),
          post: v.post?.trim() ?? '',
          date: toIsoDate(v.date),
          note: v.note?.trim() ?? '',
        },
      },
      {
        onSuccess: () => {
          void message.success(t('cases.progress.added'));
          form.resetFields();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );

  return (
    <>
      {!readOnly && (
        <Form<TForm>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'application', date: dayjs() }}
          onFinish={onFinish}
          data-testid="progress-form"
        >
          <Form.Item name="kind" label={t('cases.progress.kind')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={PROGRESS_KINDS.map((k) => ({ value: k, label: t(`cases.progressKinds.${k}`) }))}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item
                name="employer"
                label={t('cases.progress.employer')}
                rules={[{ required: true, whitespace: true, message: t('cases.progress.employerRequired') }]}
              >
                <Input maxLength={100} data-testid="progress-employer" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="post" label={t('cases.progress.post')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="date" label={t('cases.progress.date')} rules={[{ required: true }]}>
                <DatePicker disabledDate={notInFuture} allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="note" label={t('cases.progress.note')}>
            <Input maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={edit.isPending} data-testid="progress-submit">
            {t('cases.progress.add')}
          </Button>
        </Form>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('cases.progress.history')}
      </Typography.Title>
      <List
        size="small"
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        locale={{ emptyText: t('cases.progress.none') }}
        data-testid="progress-history"
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  <Tag color={KIND_COLORS[String(e.data.kind)] ?? 'default'}>
                    {codeLabel(t, 'progressKinds', e.data.kind)}
                  </Tag>
                  {String(e.data.employer ?? '')}
                  {e.data.post ? ` · ${String(e.data.post)}` : ''}
                </>
              }
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[e.occurredOn ?? formatDate(e.at), e.actorName, e.data.note].filter(Boolean).join(' · ')}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
