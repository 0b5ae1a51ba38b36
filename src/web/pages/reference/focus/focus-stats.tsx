import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFocusCounty } from '../../../../domain/api/reference.ts';

export function FocusStats({ rows }: { rows: TFocusCounty[] }) {
  const { t } = useTranslation();
  const provinces = new Set(rows.map((r) => r.provinceName)).size;
  const kind = (k: string) => rows.filter((r) => r.supportKind === k).length;
  const stats = [
    { key: 'counties', title: t('focus.statCounties'), value: rows.length },
    { key: 'provinces', title: t('focus.statProvinces'), value: provinces },
    { key: 'eastWest', title: t('focus.statEastWest'), value: kind('east_west') },
    { key: 'xinjiang', title: t('focus.statXinjiang'), value: kind('counterpart_xinjiang') },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {stats.map((s) => (
        <Col key={s.key} xs={12} md={6}>
          <Card size="small">
            <Statistic title={s.title} value={s.value} data-testid={`stat-${s.key}`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
