import { Col, Form, Radio, Row, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/*
 * 资格条件 inside a needs form (the case page's and the graduate's own): party membership and the teacher
 * certificate, each 是 / 否 / 未填写. The form holds true / false / null (null = not recorded, which is what
 * the needs store); the radios work on strings because a radio's value should be a plain key. Native radios in
 * one named group: Tab reaches the group, the arrow keys choose.
 */

type TTri = 'yes' | 'no' | 'unknown';

const toTri = (v: unknown): TTri => (v === true ? 'yes' : v === false ? 'no' : 'unknown');
const fromTri = (v: unknown): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

// a plain group: no browser border or indent; the heading in the text colour, bold
const FIELDSET: CSSProperties = { border: 0, margin: 0, padding: 0, minWidth: 0 };
const LEGEND: CSSProperties = {
  fontSize: 'inherit',
  fontWeight: 600,
  padding: 0,
  marginBottom: 4,
  border: 0,
};

export const QUALIFICATION_FIELDS = ['partyMember', 'teacherCertificate'] as const;

/** The two tri-state groups under a heading; `ns` picks the staff (cases) or the graduate's (me) wording. */
export function QualificationFields({ ns }: { ns: 'cases' | 'me' }) {
  const { t } = useTranslation();
  const options = (['yes', 'no', 'unknown'] as const).map((v) => ({
    value: v,
    label: t(`${ns}.needs.qualification.${v}`),
  }));
  return (
    <fieldset style={FIELDSET} data-testid="needs-qualifications">
      <legend style={LEGEND}>
        <Typography.Text strong>{t(`${ns}.needs.qualification.title`)}</Typography.Text>
      </legend>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t(`${ns}.needs.qualification.hint`)}
      </Typography.Paragraph>
      <Row gutter={16}>
        {QUALIFICATION_FIELDS.map((field) => {
          const label = t(`${ns}.needs.qualification.${field}`);
          return (
            <Col xs={24} md={12} key={field}>
              <Form.Item
                name={field}
                label={label}
                getValueProps={(v) => ({ value: toTri(v) })}
                normalize={fromTri}
              >
                <Radio.Group options={options} aria-label={label} data-testid={`needs-${field}`} />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </fieldset>
  );
}
