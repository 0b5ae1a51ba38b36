import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TPairingHelper } from '../../../domain/api/pairing.ts';
import { useAssignPairings } from '../../api/pairing.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { useLastNonNull } from '../users/use-last.ts';
import { HelperSelect } from './helper-select.tsx';

/** The case to (re)assign; `current` is set when it has a helper now. */
export type TAssignTarget = {
  caseId: string;
  name: string;
  current: { helperUserId: string; helperName: string } | null;
};

type TValues = { helperUserId: string; reason?: string };

/** Assign one graduate's helper, or reassign it (the earlier pairing is ended with the reason and kept). */
export function AssignModal({
  target: open,
  helpers,
  onClose,
}: {
  target: TAssignTarget | null;
  helpers: readonly TPairingHelper[];
  onClose: () => void;
}) {
  const target = useLastNonNull(open);
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const [form] = Form.useForm<TValues>();
  const assign = useAssignPairings();
  const reassigning = target?.current != null;

  const onFinish = ({ helperUserId, reason }: TValues) => {
    if (!target) return;
    assign.mutate(
      { pairs: [{ caseId: target.caseId, helperUserId }], reason: reason?.trim() || undefined },
      {
        onSuccess: (r) => {
          void message.success(t('pairing.done', r));
          onClose();
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };

  return (
    <Modal
      open={open !== null}
      title={
        target
          ? t(reassigning ? 'pairing.assign.reassignTitle' : 'pairing.assign.title', { name: target.name })
          : undefined
      }
      okText={t('pairing.assign.submit')}
      onCancel={onClose}
      okButtonProps={{ htmlType: 'submit', loading: assign.isPending }}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<TValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={assign.isPending}
          clearOnDestroy
          data-testid="pairing-assign-form"
        >
          {dom}
        </Form>
      )}
    >
      {target?.current && (
        <Typography.Paragraph>
          {t('pairing.assign.current')}：<Typography.Text strong>{target.current.helperName}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Form.Item
        name="helperUserId"
        label={t('pairing.assign.helper')}
        rules={[
          { required: true, message: t('pairing.assign.helperRequired') },
          {
            validator: async (_, v) => {
              if (v && v === target?.current?.helperUserId) throw new Error(t('pairing.assign.sameHelper'));
            },
          },
        ]}
      >
        <HelperSelectField helpers={helpers} />
      </Form.Item>
      {reassigning && (
        <Form.Item name="reason" label={t('pairing.assign.reason')}>
          <Input maxLength={200} placeholder={t('pairing.assign.reasonPlaceholder')} />
        </Form.Item>
      )}
    </Modal>
  );
}

/** HelperSelect as a Form control (Form.Item passes value and onChange). */
function HelperSelectField({
  helpers,
  value,
  onChange,
  id,
}: {
  helpers: readonly TPairingHelper[];
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <HelperSelect
      helpers={helpers}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={t('pairing.assign.helperRequired')}
      aria-label={id ?? t('pairing.assign.helper')}
      data-testid="pairing-assign-helper"
    />
  );
}
