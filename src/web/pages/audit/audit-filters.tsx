import { Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAuditSearch } from '../../api/audit.ts';

type TFilterValues = {
  action?: string;
  actor?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

type TProps = { search: TAuditSearch; onChange: (next: TAuditSearch) => void };

/** Filters edit a draft; the URL (and so the query) changes only on submit, and always back to page 1. */
export function AuditFilters({ search, onChange }: TProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TFilterValues>();

  useEffect(() => {
    form.setFieldsValue({
      action: search.action,
      actor: search.actor,
      entityType: search.entityType,
      range: search.from || search.to ? [toDay(search.from), toDay(search.to)] : null,
    });
  }, [form, search.action, search.actor, search.entityType, search.from, search.to]);

  const onFinish = (values: TFilterValues) => {
    const [from, to] = values.range ?? [null, null];
    onChange({
      page: 1,
      pageSize: search.pageSize,
      action: values.action?.trim() || undefined,
      actor: values.actor?.trim() || undefined,
      entityType: values.entityType?.trim() || undefined,
      // whole days in the user's time zone, sent as instants
      from: from?.startOf('day').toISOString(),
      to: to?.endOf('day').toISOString(),
    });
  };

  return (
    <Form form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 8, marginBottom: 16 }}>
      <Form.Item name="action" label={t('audit.action')}>
        <Input allowClear maxLength={100} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input allowClear maxLength={64} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Input allowClear maxLength={64} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.dateRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.query')}
          </Button>
          <Button onClick={() => onChange({ page: 1, pageSize: search.pageSize })}>
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

function toDay(iso: string | undefined): Dayjs | null {
  return iso ? dayjs(iso) : null;
}
