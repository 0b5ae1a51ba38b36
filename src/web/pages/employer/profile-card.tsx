import { EditOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOwnEmployer } from '../../../domain/api/opportunities.ts';
import { ApiError } from '../../api/client.ts';
import { type TEmployerProfileInput, useUpdateEmployerProfile } from '../../api/employer-portal.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { natureLabel } from '../employers/employer-labels.ts';
import { EmployerTags } from '../opportunities/opportunity-tags.tsx';
import { EmployerContactFields, EmployerOrgFields } from '../register-employer/employer-fields.tsx';
import { useRegionOptions } from '../register-employer/region-picker.tsx';

type TForm = Omit<TEmployerProfileInput, 'regionCode' | 'revision' | 'creditCode' | 'name'> & {
  regionCode: string | null;
};

/**
 * 单位信息: my organisation as registered, and an edit of what it may change itself (contact, region, industry,
 * nature, size). The credit code and the name are shown locked with whom to ask; tags are the reviewer's.
 */
export function EmployerProfileCard({ employer }: { employer: TOwnEmployer }) {
  const [editing, setEditing] = useState(false);
  return editing ? (
    <ProfileForm employer={employer} onDone={() => setEditing(false)} />
  ) : (
    <ProfileView employer={employer} onEdit={() => setEditing(true)} />
  );
}

const formValues = (e: TOwnEmployer): TForm => ({
  regionCode: e.regionCode,
  industry: e.industry,
  natureCode: e.natureCode,
  size: e.size,
  contactName: e.contactName,
  contactPhone: e.contactPhone,
});

function ProfileView({ employer: e, onEdit }: { employer: TOwnEmployer; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('employerPortal.profile.title')}
      extra={
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="employer-profile-edit">
          {t('employerPortal.profile.edit')}
        </Button>
      }
      data-testid="employer-profile"
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: t('employers.col.name'), children: e.name, span: 2 },
          {
            key: 'credit',
            label: t('employers.detail.creditCode'),
            children: <span className="mono">{e.creditCode}</span>,
            span: 2,
          },
          {
            key: 'region',
            label: t('employers.detail.region'),
            children: e.regionName ?? e.regionCode,
          },
          {
            key: 'industry',
            label: t('employers.detail.industry'),
            children: t(`cases.industries.${e.industry}`),
          },
          { key: 'nature', label: t('employers.detail.nature'), children: natureLabel(t, e.natureCode) },
          { key: 'size', label: t('employers.detail.size'), children: t(`employers.sizes.${e.size}`) },
          { key: 'contact', label: t('employers.detail.contact'), children: e.contactName },
          {
            key: 'phone',
            label: t('employers.detail.phone'),
            children: <span className="mono">{e.contactPhone}</span>,
          },
          {
            key: 'tags',
            label: t('employers.detail.tags'),
            span: 2,
            children: (
              <Flex vertical gap={4}>
                {e.tags.length ? <EmployerTags tags={e.tags} /> : t('employers.detail.noTags')}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('employerPortal.profile.tagsHint')}
                </Typography.Text>
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}

function ProfileForm({ employer: e, onDone }: { employer: TOwnEmployer; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const regions = useRegionOptions();
  const save = useUpdateEmployerProfile();
  const [form] = Form.useForm<TForm>();
  const [error, setError] = useState<string | null>(null);
  // the revision the edit started from: a refetch while editing must not move it, or a colleague's change
  // would be overwritten unseen
  const [base, setBase] = useState(e.revision);
  // after a conflict the profile is read again; once it arrives the form starts over from it and says why
  const [conflict, setConflict] = useState<'waiting' | 'reloaded' | null>(null);
  useEffect(() => {
    if (conflict === 'waiting' && e.revision !== base) {
      setBase(e.revision);
      form.setFieldsValue(formValues(e));
      setConflict('reloaded');
    }
  }, [conflict, e, base, form]);

  const onFinish = ({ regionCode, ...v }: TForm) => {
    setError(null);
    setConflict(null);
    save.mutate(
      { ...v, regionCode: regionCode ?? '', revision: base },
      {
        onSuccess: () => {
          void message.success(t('employerPortal.profile.saved'));
          onDone();
        },
        onError: (err) => {
          const d = err instanceof ApiError ? (err.details as { field?: string } | undefined) : undefined;
          if (err instanceof ApiError && err.code === 'conflict') setConflict('waiting');
          else if (d?.field && d.field in form.getFieldsValue()) {
            form.setFields([{ name: d.field as keyof TForm, errors: [errorText(err)] }]);
          } else setError(errorText(err));
        },
      },
    );
  };

  return (
    <Card size="small" title={t('employerPortal.profile.editTitle')} data-testid="employer-profile-form">
      {conflict === 'reloaded' && (
        <Alert
          type="warning"
          showIcon
          title={t('employerPortal.profile.conflict')}
          style={{ marginBottom: 16 }}
          data-testid="employer-profile-conflict"
        />
      )}
      <Alert
        type="info"
        showIcon
        icon={<LockOutlined />}
        title={t('employerPortal.profile.identityTitle')}
        description={
          <>
            {t('employerPortal.profile.identityDetail')}
            {e.reviewedByName && (
              <div>{t('employerPortal.profile.reviewer', { name: e.reviewedByName })}</div>
            )}
          </>
        }
        style={{ marginBottom: 16 }}
        data-testid="employer-profile-identity"
      />
      <Form<TForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={formValues(e)}
        disabled={save.isPending}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item label={t('employers.col.name')}>
              <Input value={e.name} disabled suffix={<LockOutlined />} data-testid="profile-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('employers.detail.creditCode')}>
              <Input
                value={e.creditCode}
                disabled
                className="mono"
                suffix={<LockOutlined />}
                data-testid="profile-credit-code"
              />
            </Form.Item>
          </Col>
        </Row>
        <EmployerOrgFields regions={regions} testId="profile" />
        <EmployerContactFields testId="profile" />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('employerPortal.profile.keepsReview')} {t('employerPortal.profile.tagsHint')}
        </Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="employer-profile-error"
          />
        )}
        <Flex gap="small">
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid="employer-profile-save"
          >
            {t('employerPortal.profile.save')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
