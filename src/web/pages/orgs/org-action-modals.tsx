import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOrgNode } from '../../../domain/api/orgs.ts';
import type { TOrgActor } from '../../../domain/org-rules.ts';
import { useDeactivateOrg, useMoveOrg } from '../../api/orgs.ts';
import { orgErrorMessage } from './org-messages.ts';
import { indexOrgTree, parentChoices } from './org-tree.ts';

const TOP = '';

type TProps = { tree: TOrgNode[]; actor: TOrgActor; org: TOrgNode; onClose: () => void };

/** Put an org (with what lies beneath it) under another parent; only parents the rules allow are offered. */
export function OrgMoveModal({ tree, actor, org, onClose }: TProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveOrg();
  const current = useMemo(() => indexOrgTree(tree).get(org.id)?.parentId ?? null, [tree, org.id]);
  const choices = useMemo(
    () => parentChoices(tree, { id: org.id, kind: org.kind, regionCode: org.regionCode }, actor),
    [tree, org, actor],
  );
  const [parentId, setParentId] = useState<string>(current ?? TOP);
  const [error, setError] = useState<string | null>(null);

  const submit = () =>
    move.mutate(
      { id: org.id, parentId: parentId || null },
      {
        onSuccess: () => {
          void message.success(t('orgs.moved', { name: org.name }));
          onClose();
        },
        onError: (e) => setError(orgErrorMessage(t, e)),
      },
    );

  return (
    <Modal
      open
      title={t('orgs.moveTitle', { name: org.name })}
      okText={t('orgs.move')}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ loading: move.isPending, disabled: parentId === (current ?? TOP) }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('orgs.parent')}>
          <Select
            autoFocus
            value={parentId}
            onChange={(v) => {
              setError(null);
              setParentId(v);
            }}
            showSearch={{ optionFilterProp: 'label' }}
            options={choices.map((p) => ({
              value: p?.id ?? TOP,
              label: p ? `${p.name}（${p.code}）` : t('orgs.topLevel'),
            }))}
            notFoundContent={t('orgs.noParent')}
            data-testid="org-move-parent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Deactivate after confirmation, with an optional reason; a refusal says what still depends on the org. */
export function OrgDeactivateModal({ org, onClose }: Pick<TProps, 'org' | 'onClose'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const deactivate = useDeactivateOrg();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () =>
    deactivate.mutate(
      { id: org.id, body: { reason: reason.trim() || undefined } },
      {
        onSuccess: () => {
          void message.success(t('orgs.deactivated', { name: org.name }));
          onClose();
        },
        onError: (e) => setError(orgErrorMessage(t, e)),
      },
    );

  return (
    <Modal
      open
      title={t('orgs.deactivateTitle', { name: org.name })}
      okText={t('orgs.deactivate')}
      okButtonProps={{ danger: true, loading: deactivate.isPending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="org-deactivate-error"
        />
      )}
      <Typography.Paragraph>{t('orgs.deactivateHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('orgs.reason')}>
          <Input.TextArea
            autoFocus
            maxLength={500}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="org-deactivate-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
