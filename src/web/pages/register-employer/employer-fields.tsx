import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { INDUSTRIES } from '../../../domain/ledger/codes.ts';
import { EMPLOYER_SIZES } from '../../../domain/opportunities/codes.ts';
import { NATURE_CODES } from '../employers/employer-labels.ts';
import { RegionPicker, type TRegionOption } from './region-picker.tsx';

/*
 * The employer's fields that both the public registration and the portal's profile edit ask for, with the
 * server's rules (src/domain/api/employers.ts) as client checks. `testId` prefixes the inputs' test ids
 * (`register`, `profile`) so each form's tests find their own.
 */

export const CONTACT_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** Where the organisation is and what it is: region, GB/T 4754 industry section, 单位性质, size. */
export function EmployerOrgFields({ regions, testId }: { regions: TRegionOption[] | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            name="regionCode"
            label={t('employers.register.region')}
            rules={[{ required: true, message: t('employers.register.regionRequired') }]}
          >
            <RegionPicker
              options={regions}
              placeholders={{
                province: t('employers.register.regionProvince'),
                city: t('employers.register.regionCity'),
                county: t('employers.register.regionCounty'),
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="industry"
            label={t('employers.register.industry')}
            rules={[{ required: true, message: t('employers.register.industryRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('employers.register.industryPlaceholder')}
              options={INDUSTRIES.map((i) => ({ value: i, label: t(`cases.industries.${i}`) }))}
              popupMatchSelectWidth={320}
              data-testid={`${testId}-industry`}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            name="natureCode"
            label={t('employers.register.nature')}
            rules={[{ required: true, message: t('employers.register.natureRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={NATURE_CODES.map((c) => ({ value: c, label: t(`employers.natures.${c}`) }))}
              data-testid={`${testId}-nature`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="size"
            label={t('employers.register.size')}
            rules={[{ required: true, message: t('employers.register.sizeRequired') }]}
          >
            <Select
              options={EMPLOYER_SIZES.map((s) => ({ value: s, label: t(`employers.sizes.${s}`) }))}
              data-testid={`${testId}-size`}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The contact person and the number the reviewers call. */
export function EmployerContactFields({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="contactName"
          label={t('employers.register.contactName')}
          rules={[
            {
              required: true,
              whitespace: true,
              max: 50,
              message: t('employers.register.contactNameRequired'),
            },
          ]}
        >
          <Input maxLength={50} autoComplete="name" data-testid={`${testId}-contact-name`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="contactPhone"
          label={t('employers.register.contactPhone')}
          rules={[
            {
              required: true,
              pattern: CONTACT_PHONE,
              message: t('employers.register.contactPhoneRequired'),
            },
          ]}
        >
          <Input maxLength={20} autoComplete="tel" inputMode="tel" data-testid={`${testId}-contact-phone`} />
        </Form.Item>
      </Col>
    </Row>
  );
}
