import { CheckCircleFilled, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Row,
  Tag,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail, TCaseEvent } from '../../../domain/api/ledger.ts';
import { MEASURE_GROUPS, type TMeasureItem } from '../../../domain/ledger/codes.ts';
import { useCaseEdit, useCaseEvents } from '../../api/cases.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { MEASURE_GROUP_LIST, MeasureSelect, notInFuture, toIsoDate } from './measure-select.tsx';

type TForm = { item?: TMeasureItem; date: Dayjs; note?: string };

/** The measure entries of a case, newest first (enough for any one graduate's year). */
export function useMeasureEvents(caseId: string) {
  return useCaseEvents(caseId, { kind: 'measure', page: 1, pageSize: 200 });
}

const whenOf = (e: TCaseEvent) => e.occurredOn ?? e.at.slice(0, 10);

/** Entries per measure item, the latest (by the date it happened, not when it was typed in) first. */
function byItem(events: TCaseEvent[]): Map<string, TCaseEvent[]> {
  const map = new Map<string, TCaseEvent[]>();
  const sorted = [...events].sort((a, b) => whenOf(b).localeCompare(whenOf(a)) || b.id - a.id);
  for (const e of sorted) {
    const item = String(e.data.item ?? '');
    map.set(item, [...(map.get(item) ?? []), e]);
  }
  return map;
}

/**
 * 帮扶举措: a quick form to log one, and the notice's five tasks as a checklist showing what was done, when and
 * by whom (and what the plan intended).
 */
export function MeasuresSection({ detail, readOnly }: { detail: TCaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const [form] = Form.useForm<TForm>();
  const edit = useCaseEdit(detail.id);
  const events = useMeasureEvents(detail.id);
  const done = byItem(events.data?.items ?? []);
  const planned = new Set(detail.plannedMeasures);

  const onFinish = (v: TForm) => {
    if (!v.item) return;
    edit.mutate(
      {
        path: '/measures',
        method: 'POST',
        body: { item: v.item, date: toIsoDate(v.date), note: v.note?.trim() ?? '' },
      },
      {
        onSuccess: () => {
          void message.success(t('cases.measure.added'));
          form.resetFields();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };
  const formBox = useRef<HTMLDivElement>(null);
  const pick = (item: TMeasureItem) => {
    form.setFieldValue('item', item);
    formBox.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    form.getFieldInstance('note')?.focus?.();
  };

  return (
    <>
      {!readOnly && (
        <div ref={formBox}>
          <Form<TForm>
            form={form}
            layout="inline"
            initialValues={{ date: dayjs() }}
            onFinish={onFinish}
            style={{ marginBottom: 16, rowGap: 8 }}
            data-testid="measure-form"
          >
            <Form.Item name="item" rules={[{ required: true, message: t('cases.measure.itemRequired') }]}>
              <MeasureSelect data-testid="measure-item" />
            </Form.Item>
            <Form.Item name="date" rules={[{ required: true }]}>
              <DatePicker disabledDate={notInFuture} allowClear={false} data-testid="measure-date" />
            </Form.Item>
            <Form.Item name="note" style={{ flex: 1, minWidth: 200 }}>
              <Input
                maxLength={1000}
                placeholder={t('cases.measure.notePlaceholder')}
                data-testid="measure-note"
              />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<PlusOutlined />}
                loading={edit.isPending}
                data-testid="measure-submit"
              >
                {t('cases.measure.add')}
              </Button>
            </Form.Item>
          </Form>
        </div>
      )}
      <Row gutter={[12, 12]} data-testid="measure-checklist">
        {MEASURE_GROUP_LIST.map((group) => (
          <Col key={group} xs={24} md={12}>
            <Card size="small" title={t(`cases.measureGroups.${group}`)} loading={events.isPending}>
              {MEASURE_GROUPS[group].map((item) => {
                const entries = done.get(item) ?? [];
                const last = entries[0];
                return (
                  <Flex
                    key={item}
                    justify="space-between"
                    align="start"
                    gap="small"
                    style={{ padding: '4px 0' }}
                    data-testid={`measure-${item}`}
                    data-done={entries.length > 0 ? 'true' : 'false'}
                  >
                    <Flex gap={6} align="start">
                      {entries.length > 0 ? (
                        <CheckCircleFilled style={{ color: token.colorSuccess, marginTop: 4 }} />
                      ) : (
                        <MinusCircleOutlined style={{ color: token.colorTextQuaternary, marginTop: 4 }} />
                      )}
                      <div>
                        <Typography.Text>{t(`cases.measures.${item}`)}</Typography.Text>
                        {planned.has(item) && (
                          <Tag color="blue" style={{ marginInlineStart: 6 }}>
                            {t('cases.measure.planned')}
                          </Tag>
                        )}
                        {last ? (
                          <Tooltip
                            title={
                              <div style={{ whiteSpace: 'pre-line' }}>
                                {entries
                                  .map((e) =>
                                    [whenOf(e), e.actorName, e.data.note].filter(Boolean).join(' · '),
                                  )
                                  .join('\n')}
                              </div>
                            }
                          >
                            <div>
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {t('cases.measure.done', {
                                  date: whenOf(last),
                                  who: last.actorName ?? t('cases.timeline.system'),
                                })}
                                {entries.length > 1 &&
                                  ` · ${t('cases.measure.count', { count: entries.length })}`}
                                {last.data.note ? ` · ${String(last.data.note)}` : ''}
                              </Typography.Text>
                            </div>
                          </Tooltip>
                        ) : null}
                      </div>
                    </Flex>
                    {!readOnly && (
                      <Button size="small" type="link" onClick={() => pick(item)}>
                        {t('cases.measure.record')}
                      </Button>
                    )}
                  </Flex>
                );
              })}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
