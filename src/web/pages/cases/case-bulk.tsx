import { App, Button, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTABLE_STATUSES, type TMeasureItem } from '../../../domain/ledger/codes.ts';
import { type TBulkResult, useBulkMeasure, useBulkStatus } from '../../api/cases.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { MeasureSelect, notInFuture, toIsoDate } from './measure-select.tsx';

type TSettable = (typeof SETTABLE_STATUSES)[number];
type TProps = { caseIds: string[]; onDone: () => void; onClear: () => void };

/** Shown while rows are selected: the count and the two bulk actions. */
export function CaseBulkBar({ caseIds, onDone, onClear }: TProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'measure' | 'status' | null>(null);
  const { message } = App.useApp();
  const done = (r: TBulkResult) => {
    void message.success(t('cases.bulkDone', r));
    setOpen(null);
    onDone();
  };
  return (
    <Flex
      gap="small"
      align="center"
      wrap
      style={{ marginBottom: 12 }}
      className="bulk-bar"
      data-testid="case-bulk-bar"
    >
      <Typography.Text strong>{t('cases.selected', { count: caseIds.length })}</Typography.Text>
      <Button type="primary" onClick={() => setOpen('measure')} data-testid="bulk-measure-open">
        {t('cases.bulkMeasure')}
      </Button>
      <Button onClick={() => setOpen('status')} data-testid="bulk-status-open">
        {t('cases.bulkStatus')}
      </Button>
      <Button type="link" onClick={onClear}>
        {t('cases.clearSelection')}
      </Button>
      <BulkMeasureModal
        open={open === 'measure'}
        caseIds={caseIds}
        onClose={() => setOpen(null)}
        onDone={done}
      />
      <BulkStatusModal
        open={open === 'status'}
        caseIds={caseIds}
        onClose={() => setOpen(null)}
        onDone={done}
      />
    </Flex>
  );
}

type TModalProps = {
  open: boolean;
  caseIds: string[];
  onClose: () => void;
  onDone: (r: TBulkResult) => void;
};
type TMeasureForm = { item: TMeasureItem; date: Dayjs; note?: string };

function BulkMeasureModal({ open, caseIds, onClose, onDone }: TModalProps) {
  const { t } = useTranslation();
  const errorText = useServerErrorMessage();
  const { message } = App.useApp();
  const [form] = Form.useForm<TMeasureForm>();
  const bulk = useBulkMeasure();
  const onFinish = (v: TMeasureForm) =>
    bulk.mutate(
      { caseIds, item: v.item, date: toIsoDate(v.date), note: v.note?.trim() ?? '' },
      { onSuccess: onDone, onError: (e) => void message.error(errorText(e)) },
    );
  return (
    <Modal
      open={open}
      title={t('cases.bulkMeasureTitle', { count: caseIds.length })}
      onCancel={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={bulk.isPending}
            onClick={() => form.submit()}
            data-testid="bulk-measure-submit"
          >
            {t('cases.measure.add')}
          </Button>
        </>
      }
      destroyOnHidden
      data-testid="bulk-measure-modal"
    >
      <Typography.Paragraph type="secondary">{t('cases.bulkMeasureHint')}</Typography.Paragraph>
      <Form<TMeasureForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ date: dayjs() }}
        clearOnDestroy
      >
        <Form.Item
          name="item"
          label={t('cases.measure.item')}
          rules={[{ required: true, message: t('cases.measure.itemRequired') }]}
        >
          <MeasureSelect autoFocus data-testid="bulk-measure-item" />
        </Form.Item>
        <Form.Item name="date" label={t('cases.measure.date')} rules={[{ required: true }]}>
          <DatePicker disabledDate={notInFuture} allowClear={false} />
        </Form.Item>
        <Form.Item name="note" label={t('cases.measure.note')}>
          <Input
            maxLength={1000}
            placeholder={t('cases.measure.notePlaceholder')}
            onPressEnter={() => form.submit()}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type TStatusForm = { status: TSettable; note?: string };

function BulkStatusModal({ open, caseIds, onClose, onDone }: TModalProps) {
  const { t } = useTranslation();
  const errorText = useServerErrorMessage();
  const { message } = App.useApp();
  const [form] = Form.useForm<TStatusForm>();
  const status = Form.useWatch('status', form);
  const bulk = useBulkStatus();
  const submit = async () => {
    const v = await form.validateFields();
    bulk.mutate(
      { caseIds, status: v.status, note: v.note?.trim() ?? '' },
      { onSuccess: onDone, onError: (e) => void message.error(errorText(e)) },
    );
  };
  return (
    <Modal
      open={open}
      title={t('cases.bulkStatusTitle', { count: caseIds.length })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Popconfirm
            title={t('cases.bulkStatusConfirm', {
              count: caseIds.length,
              status: status ? t(`cases.statuses.${status}`) : '',
            })}
            description={t('cases.bulkStatusConfirmHint')}
            disabled={!status}
            onConfirm={() => void submit()}
          >
            <Button
              type="primary"
              disabled={!status}
              loading={bulk.isPending}
              data-testid="bulk-status-submit"
            >
              {t('cases.setStatus')}
            </Button>
          </Popconfirm>
        </>
      }
      data-testid="bulk-status-modal"
    >
      <Form<TStatusForm> form={form} layout="vertical" clearOnDestroy>
        <Form.Item name="status" label={t('cases.filters.status')} rules={[{ required: true }]}>
          <Select
            autoFocus
            options={SETTABLE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))}
            data-testid="bulk-status-select"
          />
        </Form.Item>
        <Form.Item name="note" label={t('cases.statusNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
