import { Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAuditSearch } from '../../api/audit.ts';
import { ACTION_FAMILIES, actionsByFamily, ENTITY_TYPES, familyOfPrefix } from './audit-actions.ts';
import { useAuditLabels } from './audit-labels.tsx';

type TOption = { value: string; label: string; search: string };
type TOptionGroup = { label: string; options: TOption[] };

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
  const labels = useAuditLabels();

  // The server matches `action` as a prefix, so a family (`auth.`) selects all of its actions.
  const familyOptions: TOption[] = ACTION_FAMILIES.map((f) => {
    const label = t('audit.familyAll', { family: labels.family(f) });
    return { value: `${f}.`, label, search: `${label} ${f}.` };
  });
  const actionOptions: TOptionGroup[] = [
    { label: t('audit.byFamily'), options: familyOptions },
    ...actionsByFamily().map(({ family, actions }) => ({
      label: labels.family(family),
      options: actions.map(
        (a): TOption => ({ value: a, label: labels.action(a), search: `${labels.action(a)} ${a}` }),
      ),
    })),
  ];
  /** For a value typed into an old URL: a family prefix or a known code gets its label, anything else shows as is. */
  const actionLabel = (value: string) => {
    const family = familyOfPrefix(value);
    return family ? t('audit.familyAll', { family: labels.family(family) }) : labels.action(value);
  };
  const entityTypeOptions = ENTITY_TYPES.map((e) => ({ value: e, label: labels.entityType(e) }));

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
      action: values.action || undefined,
      actor: values.actor?.trim() || undefined,
      entityType: values.entityType || undefined,
      // whole days in the user's time zone, sent as instants
      from: from?.startOf('day').toISOString(),
      to: to?.endOf('day').toISOString(),
    });
  };

  return (
    <Form form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 8, marginBottom: 16 }}>
      <Form.Item name="action" label={t('audit.action')}>
        <Select<string, TOption | TOptionGroup>
          allowClear
          showSearch={{ optionFilterProp: 'search' }}
          options={actionOptions}
          placeholder={t('audit.allActions')}
          labelRender={({ value, label }) => label ?? actionLabel(String(value))}
          optionRender={({ label, value }) => (
            <Space size={6}>
              <span>{label}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {familyOfPrefix(String(value)) ? `${value}*` : value}
              </Typography.Text>
            </Space>
          )}
          popupMatchSelectWidth={false}
          listHeight={360}
          style={{ width: 200 }}
          data-testid="audit-action-filter"
        />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input allowClear maxLength={64} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Select
          allowClear
          options={entityTypeOptions}
          placeholder={t('audit.allEntityTypes')}
          labelRender={({ value, label }) => label ?? labels.entityType(String(value))}
          style={{ width: 140 }}
          data-testid="audit-entity-type-filter"
        />
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
