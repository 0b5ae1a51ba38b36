import { Card, Col, Flex, Row, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { RegionSearch } from './region-search.tsx';
import { RegionTree } from './region-tree.tsx';
import { ResolveCode } from './resolve-code.tsx';

export function RegionsPage() {
  const { t } = useTranslation();
  const [focusOnly, setFocusOnly] = useState(false);

  return (
    <>
      <PageHeader title={t('nav.regions')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={t('regions.tree')}
            size="small"
            extra={
              <Flex component="label" align="center" gap={8}>
                <Switch size="small" checked={focusOnly} onChange={setFocusOnly} data-testid="focus-only" />
                {t('regions.focusOnly')}
              </Flex>
            }
          >
            <RegionTree focusOnly={focusOnly} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <RegionSearch />
            <ResolveCode />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
