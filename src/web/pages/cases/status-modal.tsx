import { App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';
import { SETTABLE_STATUSES } from '../../../domain/ledger/codes.ts';
import { useOverwrite } from './conflict-modal.tsx';

type TSettable = (typeof SETTABLE_STATUSES)[number];
type TForm = { status: TSettable; note?: string };

/** 求职中 / 暂缓 / 结案; 已落实 follows from the destination. Sent on the version the page shows. */
export function StatusModal({
  detail,
  open,
  onClose,
}: {
  detail: TCaseDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TForm>();
  const { save, saving, modal } = useOverwrite(detail.id);
  const current = SETTABLE_STATUSES.find((s) => s === detail.status);
  const onFinish = (v: TForm) =>
    save(
      {
        path: '/status',
        method: 'PUT',
        body: { version: detail.version, status: v.status, note: v.note?.trim() ?? '' },
      },
      () => {
        void message.success(t('cases.statusSaved'));
        onClose();
      },
    );
  return (
    <>
      <Modal
        open={open}
        title={t('cases.statusTitle')}
        onCancel={onClose}
        destroyOnHidden
        footer={
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="status-submit">
              {t('cases.setStatus')}
            </Button>
          </>
        }
        data-testid="status-modal"
      >
        <Form<TForm>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ status: current }}
          clearOnDestroy
        >
          <Form.Item name="status" label={t('cases.filters.status')} rules={[{ required: true }]}>
            <Select
              autoFocus
              options={SETTABLE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))}
              data-testid="status-select"
            />
          </Form.Item>
          <Form.Item name="note" label={t('cases.statusNote')}>
            <Input maxLength={500} onPressEnter={() => form.submit()} />
          </Form.Item>
          <Typography.Text type="secondary">{t('cases.statusPlacedHint')}</Typography.Text>
        </Form>
      </Modal>
      {modal}
    </>
  );
}
