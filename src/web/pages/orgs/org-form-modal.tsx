import { Alert, App, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOrgNode } from '../../../domain/api/orgs.ts';
import { creatableKinds, type TManagedOrgKind, type TOrgActor } from '../../../domain/org-rules.ts';
import { useCreateOrg, useUniversitySearch, useUpdateOrg } from '../../api/orgs.ts';
import { RegionSelect } from '../cases/region-select.tsx';
import { orgErrorMessage } from './org-messages.ts';
import { indexOrgTree, parentChoices, suggestOrgCode } from './org-tree.ts';

type TValues = {
  kind: TManagedOrgKind;
  parentId: string;
  code: string;
  name: string;
  regionCode: string | null;
  moeCode?: string;
  schoolIdCode?: string;
};

/** The value of the "top level" choice in the parent select (antd wants a string). */
const TOP = '';
const DEBOUNCE_MS = 300;

type TProps = {
  tree: TOrgNode[];
  actor: TOrgActor;
  /** edit this org; absent: create one (under `parentId` when given) */
  org?: TOrgNode;
  parentId?: string;
  onClose: () => void;
};

/** Create or edit an org unit. Enter saves, Esc closes; the first field has the focus. */
export function OrgFormModal({ tree, actor, org, parentId, onClose }: TProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TValues>();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const [formError, setFormError] = useState<string | null>(null);
  const editing = org !== undefined;
  const index = useMemo(() => indexOrgTree(tree), [tree]);

  const kinds = creatableKinds(actor);
  const kind = (Form.useWatch('kind', form) ?? org?.kind) as TManagedOrgKind | undefined;
  const regionCode = Form.useWatch('regionCode', form) ?? null;
  const parents = useMemo(
    () => (kind && !editing ? parentChoices(tree, { kind, regionCode }, actor) : []),
    [tree, kind, regionCode, actor, editing],
  );

  // the official list, searched as one types
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const universities = useUniversitySearch(q);

  const pickUniversity = (moeCode: string) => {
    const ref = universities.data?.find((u) => u.moeCode === moeCode);
    if (!ref) return;
    // a pick fills the fields; each stays editable (the list is a reconstruction, see reference/README.md)
    form.setFieldsValue({
      name: ref.name,
      moeCode: ref.moeCode,
      schoolIdCode: ref.schoolIdCode,
      regionCode: ref.regionCode,
      code: suggestOrgCode('university', { moeCode: ref.moeCode }),
    });
  };

  const onValuesChange = (changed: Partial<TValues>) => {
    setFormError(null);
    if (changed.kind && !editing) {
      // a parent valid for the old kind may not be for the new one: keep it only if it still fits
      const choices = parentChoices(tree, { kind: changed.kind, regionCode }, actor).map((p) => p?.id ?? TOP);
      const current = form.getFieldValue('parentId') as string | undefined;
      if (current === undefined || !choices.includes(current))
        form.setFieldValue(
          'parentId',
          choices.length === 1 ? choices[0] : choices.includes(TOP) ? TOP : undefined,
        );
    }
    if ('parentId' in changed && kind === 'college' && !form.getFieldValue('code')) {
      const parent = changed.parentId ? index.get(changed.parentId)?.node : null;
      form.setFieldValue('code', suggestOrgCode('college', { parent }));
    }
  };

  const onFinish = (v: TValues) => {
    const codes =
      v.kind === 'university' || org?.kind === 'university'
        ? { moeCode: v.moeCode?.trim() || null, schoolIdCode: v.schoolIdCode?.trim() || null }
        : {};
    const done = (text: string) => {
      void message.success(text);
      onClose();
    };
    const onError = (error: unknown) => setFormError(orgErrorMessage(t, error));
    if (org) {
      update.mutate(
        { id: org.id, body: { name: v.name.trim(), regionCode: v.regionCode ?? null, ...codes } },
        { onSuccess: () => done(t('orgs.saved')), onError },
      );
    } else {
      create.mutate(
        {
          code: v.code.trim(),
          name: v.name.trim(),
          kind: v.kind,
          parentId: v.parentId || null,
          regionCode: v.regionCode ?? null,
          ...codes,
        },
        { onSuccess: (o) => done(t('orgs.created', { name: o.name })), onError },
      );
    }
  };

  const pending = create.isPending || update.isPending;
  const initialParent = parentId ?? (kinds.length === 1 && kinds[0] === 'college' ? actor.org.id : TOP);
  return (
    <Modal
      open
      title={editing ? t('orgs.editTitle', { name: org.name }) : t('orgs.createTitle')}
      okText={t('orgs.save')}
      onCancel={onClose}
      okButtonProps={{ htmlType: 'submit', loading: pending }}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<TValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          onValuesChange={onValuesChange}
          disabled={pending}
          initialValues={
            org
              ? {
                  kind: org.kind as TManagedOrgKind,
                  code: org.code,
                  name: org.name,
                  regionCode: org.regionCode,
                  moeCode: org.moeCode ?? '',
                  schoolIdCode: org.schoolIdCode ?? '',
                }
              : { kind: kinds.length === 1 ? kinds[0] : undefined, parentId: initialParent, regionCode: null }
          }
          data-testid="org-form"
        >
          {dom}
        </Form>
      )}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {editing ? (
        <Typography.Paragraph>
          <Tag>{t(`orgKinds.${org.kind}`)}</Tag>
          <Typography.Text type="secondary">{org.code}</Typography.Text>
        </Typography.Paragraph>
      ) : (
        <>
          <Form.Item
            name="kind"
            label={t('orgs.kind')}
            rules={[{ required: true, message: t('orgs.kindRequired') }]}
          >
            <Select
              autoFocus
              showSearch={{ optionFilterProp: 'label' }}
              options={kinds.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
              data-testid="org-kind"
            />
          </Form.Item>
          <Form.Item name="parentId" label={t('orgs.parent')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={parents.map((p) => ({
                value: p?.id ?? TOP,
                label: p ? `${p.name}（${p.code}）` : t('orgs.topLevel'),
              }))}
              notFoundContent={t('orgs.noParent')}
              data-testid="org-parent"
            />
          </Form.Item>
          {kind === 'university' && (
            <Form.Item label={t('orgs.universityPick')} extra={t('orgs.universityPickHint')}>
              <Select
                showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
                placeholder={t('orgs.universityPickPlaceholder')}
                loading={universities.isFetching}
                onChange={pickUniversity}
                options={(universities.data ?? []).map((u) => ({
                  value: u.moeCode,
                  label: u.orgCode
                    ? `${u.name}（${u.moeCode}）· ${t('orgs.alreadyCreated', { code: u.orgCode })}`
                    : `${u.name}（${u.moeCode}，${u.city}，${u.level}）`,
                  disabled: u.orgCode !== null,
                }))}
                notFoundContent={null}
                data-testid="org-university-pick"
              />
            </Form.Item>
          )}
          <Form.Item
            name="code"
            label={t('orgs.code')}
            extra={t('orgs.codeHint')}
            rules={[
              { required: true, whitespace: true, message: t('orgs.codeRequired') },
              { pattern: /^\s*[A-Za-z0-9][A-Za-z0-9_.-]{1,39}\s*$/, message: t('errors.org_code_format') },
            ]}
          >
            <Input maxLength={40} autoComplete="off" data-testid="org-code" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="name"
        label={t('orgs.name')}
        rules={[{ required: true, whitespace: true, message: t('orgs.nameRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" autoFocus={editing} data-testid="org-name" />
      </Form.Item>
      {kind !== 'ministry' && (
        <Form.Item
          name="regionCode"
          label={t('orgs.regionCode')}
          extra={kind === 'college' ? t('orgs.collegeRegionHint') : undefined}
        >
          <RegionSelect placeholder={t('orgs.regionPlaceholder')} data-testid="org-region" />
        </Form.Item>
      )}
      {kind === 'university' && (
        <>
          <Form.Item
            name="moeCode"
            label={t('orgs.moeCode')}
            rules={[{ pattern: /^\d{5}$/, message: t('errors.moe_code_format') }]}
          >
            <Input maxLength={5} inputMode="numeric" autoComplete="off" data-testid="org-moe-code" />
          </Form.Item>
          <Form.Item
            name="schoolIdCode"
            label={t('orgs.schoolIdCode')}
            rules={[{ pattern: /^\d{10}$/, message: t('errors.school_id_code_format') }]}
          >
            <Input maxLength={10} inputMode="numeric" autoComplete="off" data-testid="org-school-id-code" />
          </Form.Item>
        </>
      )}
    </Modal>
  );
}
